#!/usr/bin/env bash
# Kannel beside SMS Hub, for the ratio issue "SMPP 3.4 connections" asks for: Debian's kannel and kannel-extras
# (bearerbox, smsbox, fakesmsc; installed here when missing), configured in benchmark/target/kannel, and
# sendsms from 32 clients for the given seconds to a fake SMSC. Prints Kannel's figures and writes its
# delivered rate (messages/s that reached fakesmsc) to benchmark/target/kannel/rate for SmsHubBenchmark.
#   benchmark/kannel.sh [seconds]     (default 30; never run by CI)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30}
FAKESMSC=/usr/lib/kannel/test/fakesmsc
if ! command -v bearerbox >/dev/null || [ ! -x "$FAKESMSC" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q kannel kannel-extras >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q kannel kannel-extras >/dev/null; }
fi
DIR="$PWD/benchmark/target/kannel"
rm -rf "$DIR" && mkdir -p "$DIR"
# Kannel as packaged, with no message store: what the figure the issue quotes was measured with
cat > "$DIR/kannel.conf" <<EOF
group = core
admin-port = 13000
admin-password = benchmark
smsbox-port = 13001
box-allow-ip = 127.0.0.1
log-file = "$DIR/bearerbox.log"
log-level = 2

group = smsc
smsc = fake
smsc-id = fake
port = 10000
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = 13013
log-file = "$DIR/smsbox.log"
log-level = 2

group = sendsms-user
username = benchmark
password = benchmark
EOF
pids=()
stop_kannel() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop_kannel EXIT
bearerbox -v 2 "$DIR/kannel.conf" > "$DIR/bearerbox.out" 2>&1 & pids+=($!)
sleep 2
# fakesmsc sends nothing (-m 0) and writes every message it receives as a line "Got message n: <...>"
"$FAKESMSC" -H 127.0.0.1 -r 10000 -m 0 "1 2 text x" > "$DIR/fakesmsc.out" 2>&1 & pids+=($!)
smsbox -v 2 "$DIR/kannel.conf" > "$DIR/smsbox.out" 2>&1 & pids+=($!)
for _ in $(seq 1 30); do
  curl -sf -o /dev/null "http://127.0.0.1:13013/cgi-bin/sendsms?username=benchmark&password=benchmark&to=4790000000&text=warm" && break
  sleep 1
done
java benchmark/SmsHubBenchmark.java --kannel "http://127.0.0.1:13013" "$DIR/fakesmsc.out" "$DURATION" | tee "$DIR/figures"
grep -o 'delivered/s=[0-9.]*' "$DIR/figures" | cut -d= -f2 > "$DIR/rate"
