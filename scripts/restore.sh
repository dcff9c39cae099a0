#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into the database at DATABASE_URL, replacing what it holds.
#
#   DATABASE_URL=postgresql://voiceappoint:secret@localhost:5432/voiceappoint scripts/restore.sh backups/voiceappoint-20261121T030000Z.dump
#
# Stop the servers first: the restore replaces the whole schema, tables a newer version added included, so a
# backup from an older version restores too (the server migrates it forward when it starts). The embedded default
# (DATABASE_URL=$(java -jar voiceappoint.jar db-url)) runs inside its server: restore while it runs, then restart it.
# It runs in one transaction, so it either completes or leaves the database as it was. Asks before it starts unless
# given --yes.
set -euo pipefail

usage() {
  echo "usage: DATABASE_URL=... $0 [--yes] <backup.dump>" >&2
  exit 2
}

confirmed=false
backup=""
for argument in "$@"; do
  case "$argument" in
    --yes) confirmed=true ;;
    -*) usage ;;
    *) [ -z "$backup" ] || usage; backup="$argument" ;;
  esac
done
[ -n "$backup" ] || usage
: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
if [ ! -f "$backup" ]; then
  echo "restore: no backup at $backup" >&2
  exit 2
fi
# Refuse a file that is not a pg_dump archive before touching the database.
pg_restore --list "$backup" >/dev/null

url="${DATABASE_URL#jdbc:}"
if [ "$confirmed" != true ]; then
  where=$(printf '%s' "${url%%\?*}" | sed -E 's#//[^@/]*@#//#') # no password on the screen
  read -r -p "restore: replace every table of the database at $where with $backup? [y/N] " answer || answer=""
  [[ "$answer" =~ ^[yY]$ ]] || { echo "restore: nothing done"; exit 1; }
fi

# pg_restore's --clean only drops what the backup holds, and a newer version's tables still reference those: start
# from an empty schema instead, in the same transaction as the restore.
{
  # quietly: the drop's NOTICE lists every table it takes, and looks like an error to whoever runs this
  echo "set client_min_messages = warning; drop schema public cascade; create schema public;"
  pg_restore --no-owner --no-privileges --file=- "$backup"
} | psql --no-psqlrc --quiet --single-transaction --set=ON_ERROR_STOP=1 --dbname="$url" >/dev/null
echo "restore: $backup restored; start the servers again (GET /health/ready says when they are ready)"
