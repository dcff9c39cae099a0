#!/usr/bin/env bash
# The benchmark suite, in one command (docs/benchmarks.md shows its last results and what they mean):
#
#   benchmarks/run.sh
#
# Builds the server and the benchmarks, then on this machine: JMH on the availability engine; the server on a
# fresh database of the local PostgreSQL with an open-model load ladder (fixed arrival rates) for Vapi tool calls
# and REST availability and booking; wrk's closed-loop maximum; bookings with and without live event streams open,
# and the streams' delivery lag; pgbench's bare booking insert as the limit; 1,000 concurrent bookings of one time;
# start-up to ready. Results go to benchmarks/results/<UTC time>/.
#
# Needs a JDK 17+, a local PostgreSQL with pgbench and psql (BENCH_DATABASE_URL: a database to connect to for
# creating the benchmark's own, default postgresql://postgres@127.0.0.1:5432/postgres) and wrk. Takes about 30
# minutes on 2 cores, more with the live event streams. BENCH_RATES, BENCH_SECONDS and BENCH_BUSINESSES change the
# load; BENCH_ONLY=jmh runs JMH only, BENCH_ONLY=load all but JMH, BENCH_ONLY=streams the live event streams alone
# (2c), BENCH_ONLY=pages the dashboard pages alone (2d). BENCH_POOL_SIZE is the server's DATABASE_POOL_SIZE (default 4:
# about twice the cores of the database's machine, as HikariCP's pool-sizing advice has it; more connections than that
# only make transactions wait for a core with their locks held). BENCH_DATABASE names the database it makes afresh (default voiceappoint_bench), BENCH_PORT
# the server's port (default 18000).
#
# Live event streams (2c): the REST and the tool-call booking ladder at BENCH_STREAM_RATES (default BENCH_RATES), each
# first with no event stream open, then again with BENCH_STREAMS open all along (default one per business,
# BENCH_BUSINESSES; at most five per business, the server's limit per user), read by the load driver on two threads.
# For each appointment.created it reports the lag from the event's `at` to its arrival, and checks that every booking
# arrived once on each stream of its business. The streams are served by the same server instance as the rest,
# without REDIS_URL: events go from the committing transaction to the streams in process, which is the lag measured
# here (with Redis, an instance's events reach another's streams by pub/sub and a read of the database, not measured).
# After each ladder with streams the server takes up to 30 s to notice they hung up, and the next waits for it.
#
# Dashboard pages (2d): one business of its own, 5 staff and 2,000 appointments in the week its calendar shows (booked
# through the REST API), whose owner signs in through the web login form; then the calendar's week and day views and
# Today, each BENCH_PAGE_REQUESTS times (default 400) one at a time and again from 4 clients at once, after
# BENCH_PAGE_WARM_UP unmeasured (default 200): time to the last byte as the client saw it, the server's own
# http.server.requests timer, the server process's CPU time per page (from /proc: what a page costs whatever else the
# machine runs), and the page's size.
set -euo pipefail
cd "$(dirname "$0")/.."

admin="${BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
database="${BENCH_DATABASE:-voiceappoint_bench}"
url="${admin%/*}/$database"
rates="${BENCH_RATES:-100 200 300 400 500 600 800 1000 1200}"
seconds="${BENCH_SECONDS:-20}"
businesses="${BENCH_BUSINESSES:-200}"
streams="${BENCH_STREAMS:-$businesses}"
stream_rates="${BENCH_STREAM_RATES:-$rates}"
port="${BENCH_PORT:-18000}"
only="${BENCH_ONLY:-}"
# whether a section of this kind (jmh, load or streams) runs: BENCH_ONLY=load runs the streams too
wanted() {
  case "$only" in
    "") true ;;
    load) [ "$1" != jmh ] ;;
    *) [ "$1" = "$only" ] ;;
  esac
}
base="http://127.0.0.1:$port"
out="benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
driver=(java -cp benchmarks/target/benchmarks.jar com.voiceappoint.benchmarks.LoadDriver)

{
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- CPU: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "- memory: $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr)"
  echo "- $(java -version 2>&1 | head -1); $(psql --version); $(if command -v wrk >/dev/null; then wrk --version 2>&1 | head -1 | cut -d' ' -f1-2; else echo "no wrk"; fi)"
} | tee "$out/machine.md"

echo "== build"
./mvnw -q -Pbenchmarks -DskipTests -Dspotless.check.skip=true package -pl bootstrap,benchmarks -am

echo "== 1. availability engine (JMH)"
if wanted jmh; then
  java -jar benchmarks/target/benchmarks.jar AvailabilityEngine -prof gc -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
fi
[ "$only" = jmh ] && exit 0

echo "== a fresh database and the server"
psql "$admin" -qc "drop database if exists $database with (force)" -c "create database $database"
DATABASE_URL="$url" DATABASE_POOL_SIZE="${BENCH_POOL_SIZE:-4}" HOST=127.0.0.1 PORT="$port" TRUST_PROXY_HEADERS=true \
  ACCESS_TOKEN_MINUTES=1440 \
  VAPI_WEBHOOK_SECRET=benchmark-webhook-secret DATA_DIR="$out/data" \
  java -Xmx512m -jar bootstrap/target/voiceappoint.jar >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "$base/health/ready" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$out/server.log"; exit 1; }
  sleep 0.2
done

if wanted load || wanted streams; then
  echo "== $businesses businesses"
  "${driver[@]}" seed "$base" "$businesses" "$out/tenants.json"
fi

if wanted load; then
  echo "== 2. open-model load: $seconds s at each of $rates requests/s"
  {
    echo "| scenario | offered /s | answered /s | p50 ms | p99 ms | p99.9 ms | max ms | server ≤ 10 ms | server p99 ≤ ms | bookings (booked / taken) | answers | server RSS MiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  } >"$out/load.md"
  for scenario in VAPI_AVAILABILITY VAPI_BOOKING REST_AVAILABILITY REST_BOOKING; do
    # shellcheck disable=SC2086
    "${driver[@]}" ladder "$base" "$out/tenants.json" $scenario "$seconds" $server "$out/load.md" $rates
  done

  echo "== 2b. closed-loop maximum (wrk, 2 threads, 64 connections, $seconds s)"
  for scenario in VAPI_AVAILABILITY VAPI_BOOKING REST_AVAILABILITY REST_BOOKING; do
    "${driver[@]}" wrk "$out/tenants.json" $scenario "$out/wrk-$scenario.lua" 2
    before=$(psql "$url" -Atc "select count(*) from appointments")
    echo "-- $scenario" | tee -a "$out/wrk.txt"
    wrk -t2 -c64 -d"${seconds}s" --latency -s "$out/wrk-$scenario.lua" "$base" | tee -a "$out/wrk.txt"
    echo "appointments made: $(( $(psql "$url" -Atc "select count(*) from appointments") - before ))" | tee -a "$out/wrk.txt"
  done
fi

if wanted streams; then
  echo "== 2c. live event streams: the booking ladder with none and with $streams streams open, $seconds s at each of $stream_rates bookings/s"
  {
    echo "| scenario | streams | offered /s | answered /s | p50 ms | p99 ms | p99.9 ms | max ms | server ≤ 10 ms | server p99 ≤ ms | bookings (booked / taken) | answers | lag p50 ms | lag p99 ms | lag p99.9 ms | lag max ms | server lag p50 / p99 ≤ ms | appointment.created arrived / expected | missing / repeated / not seen booked | events published / written (server) | other events, trouble | server RSS MiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  } >"$out/streams.md"
  for scenario in REST_BOOKING VAPI_BOOKING; do
    for open in 0 "$streams"; do
      # shellcheck disable=SC2086
      "${driver[@]}" streams "$base" "$out/tenants.json" $scenario "$seconds" $server "$out/streams.md" "$open" $stream_rates
    done
  done
fi

if wanted pages; then
  echo "== 2d. dashboard pages: 5 staff, 2,000 appointments in the week shown"
  {
    echo "| page | requests | n | p50 ms | p95 ms | p99 ms | max ms | server mean ms | server p95 ≤ ms | server ≤ 25 ms | server CPU ms per page | page KiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  } >"$out/pages.md"
  "${driver[@]}" pages "$base" "$out/pages.md" "${BENCH_PAGE_WARM_UP:-200}" "${BENCH_PAGE_REQUESTS:-400}" $server
fi

if wanted load; then
  echo "== 3. the limit: the bare booking insert under the exclusion constraint (pgbench, 64 clients, one stylist each, $seconds s)"
  psql "$url" -qc "create sequence if not exists bench_slot" -c "create table if not exists bench_targets as
    select (row_number() over () - 1)::int as n, business_id, service_id, provider_id, client_id
    from (select distinct on (provider_id) business_id, service_id, provider_id, client_id from appointments) a limit 64"
  targets=$(psql "$url" -Atc "select count(*) from bench_targets")
  sed "s/TARGETS/$targets/" benchmarks/pgbench-booking.sql >"$out/pgbench-booking.sql"
  pgbench -n -c 64 -j 2 -T "$seconds" -M prepared -f "$out/pgbench-booking.sql" "$url" | tee "$out/pgbench.txt"

  echo "== 4. contention: 1,000 concurrent bookings of one stylist's 21:30"
  "${driver[@]}" contention "$base" "$out/tenants.json" 1000 | tee "$out/contention.md"
fi

kill $server; wait $server 2>/dev/null || true
trap - EXIT

if wanted load; then
  echo "== 5. start-up to ready, embedded PostgreSQL on an existing data directory"
  "${driver[@]}" startup bootstrap/target/voiceappoint.jar 5 | tee "$out/startup.md"
fi

echo "== results in $out"
