#!/usr/bin/env bash
# Backs up the VoiceAppoint database with pg_dump, keeping the newest BACKUP_KEEP backups.
#
#   DATABASE_URL=postgresql://voiceappoint:secret@localhost:5432/voiceappoint scripts/backup.sh [directory]
#   DATABASE_URL=$(java -jar voiceappoint.jar db-url) scripts/backup.sh [directory]    # the embedded default
#
# directory: else BACKUP_DIR, else ./backups. BACKUP_KEEP: 14. Each backup is pg_dump's custom format (compressed,
# restorable whole or table by table) named voiceappoint-<UTC time>.dump; it is written under a temporary name and
# renamed once complete, so a backup that is there is a whole one. pg_dump must be as new as the server.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL, e.g. postgresql://voiceappoint:secret@localhost:5432/voiceappoint}"
directory="${1:-${BACKUP_DIR:-backups}}"
keep="${BACKUP_KEEP:-14}"
if ! [[ "$keep" =~ ^[1-9][0-9]*$ ]]; then
  echo "backup: BACKUP_KEEP is how many backups to keep, at least 1, not '$keep'" >&2
  exit 2
fi

# A backup holds every client's name and number: readable by its owner only.
umask 077
mkdir -p "$directory"
# The server also takes a JDBC URL; libpq reads it without the jdbc: prefix, as long as it carries only libpq's own
# parameters (user, password, sslmode...). Keep the password out of the URL, where `ps` shows it: ~/.pgpass or
# PGPASSWORD serve pg_dump as well.
url="${DATABASE_URL#jdbc:}"
backup="$directory/voiceappoint-$(date -u +%Y%m%dT%H%M%SZ).dump"
partial="$backup.partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --no-owner --no-privileges --dbname="$url" --file="$partial"
mv -f "$partial" "$backup"
echo "backup: wrote $backup ($(du -h "$backup" | cut -f1))"

# Names sort by time: everything after the newest $keep goes.
find "$directory" -maxdepth 1 -name 'voiceappoint-*.dump' -type f | sort -r | tail -n "+$((keep + 1))" |
  while IFS= read -r old; do
    rm -f -- "$old"
    echo "backup: removed $old"
  done
