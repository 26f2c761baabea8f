#!/usr/bin/env bash
# Kannel beside SMS Hub, for the ratios the speed issues ask for: Debian's kannel and kannel-extras (bearerbox,
# smsbox, fakesmsc; installed here when missing), configured in benchmark/target/kannel, sendsms from 32 clients for
# the given seconds, measured two ways:
#   packaged      as the package runs out of the box: no message store, to fakesmsc, no delivery reports; the
#                 figure is the messages that reached fakesmsc a second (written to benchmark/target/kannel/rate)
#   like-for-like every message in bearerbox's store (store-type = file) before sendsms is answered, a delivery
#                 report requested for each (dlr-mask 1) and kept in PostgreSQL (dlr-storage = pgsql, database
#                 kannel_bench), bound over SMPP to the SMSC simulator the gateway binds to (benchmark/smsc.sh, its
#                 own JVM); the figure is the receipts matched a second, until none is left in the store
#                 (benchmark/target/kannel/durable-rate)
# Each also writes the machine's CPU a message (cpu, durable-cpu) for SmsHubBenchmark's ratios.
#   benchmark/kannel.sh [seconds] [packaged|like-for-like|both]     (defaults 30, both; never run by CI)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30}
MODE=${2:-both}
FAKESMSC=/usr/lib/kannel/test/fakesmsc
if ! command -v bearerbox >/dev/null || [ ! -x "$FAKESMSC" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q kannel kannel-extras >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q kannel kannel-extras >/dev/null; }
fi
DIR="$PWD/benchmark/target/kannel"
rm -rf "$DIR" && mkdir -p "$DIR"
pids=()
stop_kannel() { kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; pids=(); }
started_smsc=false
stop_all() {
  stop_kannel
  if $started_smsc; then benchmark/smsc.sh stop; fi
}
trap stop_all EXIT

# the core, smsbox and user groups both ways share; $1 what the core group adds, $2 the SMSC's group and more
configure() {
  cat > "$DIR/kannel.conf" <<EOF
group = core
admin-port = 13000
admin-password = benchmark
status-password = benchmark
smsbox-port = 13001
box-allow-ip = 127.0.0.1
log-file = "$DIR/bearerbox.log"
log-level = 2
$1

$2

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = 13013
log-file = "$DIR/smsbox.log"
log-level = 2

group = sendsms-user
username = benchmark
password = benchmark
EOF
}

start_boxes() {
  bearerbox -v 2 "$DIR/kannel.conf" > "$DIR/bearerbox.out" 2>&1 & pids+=($!)
  sleep 2
}

start_smsbox() {
  smsbox -v 2 "$DIR/kannel.conf" > "$DIR/smsbox.out" 2>&1 & pids+=($!)
  for _ in $(seq 1 30); do
    curl -sf -o /dev/null "http://127.0.0.1:13013/cgi-bin/sendsms?username=benchmark&password=benchmark&to=4790000000&text=warm" && return
    sleep 1
  done
}

if [ "$MODE" = packaged ] || [ "$MODE" = both ]; then
  # as packaged, with no message store: what the figure the issues quote was measured with
  configure "" "group = smsc
smsc = fake
smsc-id = fake
port = 10000
connect-allow-ip = 127.0.0.1"
  start_boxes
  # fakesmsc sends nothing (-m 0) and writes every message it receives as a line "Got message n: <...>"
  "$FAKESMSC" -H 127.0.0.1 -r 10000 -m 0 "1 2 text x" > "$DIR/fakesmsc.out" 2>&1 & pids+=($!)
  start_smsbox
  java benchmark/SmsHubBenchmark.java --kannel "http://127.0.0.1:13013" "$DIR/fakesmsc.out" "$DURATION" | tee "$DIR/figures"
  grep -o 'delivered/s=[0-9.]*' "$DIR/figures" | cut -d= -f2 > "$DIR/rate"
  grep -o 'machine=[0-9.]*' "$DIR/figures" | cut -d= -f2 > "$DIR/cpu"
  stop_kannel
  sleep 1
fi

if [ "$MODE" = like-for-like ] || [ "$MODE" = both ]; then
  if ! curl -sf -o /dev/null http://127.0.0.1:2776/smsc/control; then
    benchmark/smsc.sh start
    started_smsc=true
  fi
  # Kannel's PostgreSQL DLR store deletes by "oid", which PostgreSQL 12 took from tables: a column of that name
  # serves; the lookup is by SMSC and timestamp (the SMSC's message id), so that pair is indexed
  psql -q -h 127.0.0.1 -U postgres -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'kannel_bench'" | grep -q 1 \
    || psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE kannel_bench"
  psql -q -h 127.0.0.1 -U postgres -d kannel_bench -c "DROP TABLE IF EXISTS dlr;
    CREATE TABLE dlr (oid BIGSERIAL PRIMARY KEY, smsc VARCHAR(48), ts VARCHAR(65), destination VARCHAR(24),
      source VARCHAR(24), service VARCHAR(48), url VARCHAR(1024), mask INTEGER, status INTEGER, boxc VARCHAR(48));
    CREATE INDEX dlr_smsc_ts ON dlr (smsc, ts);"
  # the same SMSC, credentials and window (max-pending-submits) as the gateway's myMSP account in the smpp phase
  configure "store-type = file
store-location = \"$DIR/kannel.store\"
dlr-storage = pgsql" "group = smsc
smsc = smpp
smsc-id = smshub-smsc
host = 127.0.0.1
port = 2775
transceiver-mode = true
smsc-username = smshub
smsc-password = mymsp-pw
system-type = \"\"
max-pending-submits = 50

group = dlr-db
id = kannel-dlr
table = dlr
field-smsc = smsc
field-timestamp = ts
field-destination = destination
field-source = source
field-service = service
field-url = url
field-mask = mask
field-status = status
field-boxc-id = boxc

group = pgsql-connection
id = kannel-dlr
host = 127.0.0.1
port = 5432
username = postgres
password = unused
database = kannel_bench
max-connections = 4"
  start_boxes
  start_smsbox
  # 10 s first, not counted: the SMSC simulator's JVM compiles its hot code (the gateway's run warms up too)
  java benchmark/SmsHubBenchmark.java --kannel-like-for-like "http://127.0.0.1:13013" \
    "http://127.0.0.1:13000/status.txt?password=benchmark" 10 > "$DIR/durable-warm-up"
  java benchmark/SmsHubBenchmark.java --kannel-like-for-like "http://127.0.0.1:13013" \
    "http://127.0.0.1:13000/status.txt?password=benchmark" "$DURATION" | tee "$DIR/durable-figures"
  grep -o 'delivered/s=[0-9.]*' "$DIR/durable-figures" | cut -d= -f2 > "$DIR/durable-rate"
  grep -o 'machine=[0-9.]*' "$DIR/durable-figures" | cut -d= -f2 > "$DIR/durable-cpu"
fi
