#!/usr/bin/env bash
# The SMSC simulator in a JVM of its own (com.smshub.simulator.smsc.StandaloneSmsc), for the benchmark: the
# gateway and Kannel bind to the same SMSC, and its CPU is counted apart from the gateway's. SMPP on 2775, its
# switches and counters on http://127.0.0.1:2776/smsc/control; journal and log in benchmark/target/smsc.
#   benchmark/smsc.sh start|stop      (start waits until it listens; never run by CI)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="$PWD/benchmark/target/smsc"
case "${1:-start}" in
  start)
    mkdir -p "$DIR" && rm -rf "$DIR/data"
    if [ ! -d simulator-module/target/classes ]; then
      ./mvnw -B -q -ntp -pl simulator-module compile
    fi
    ./mvnw -B -q -ntp -pl simulator-module dependency:build-classpath -Dmdep.outputFile="$DIR/classpath"
    # the marker first: a reader of /proc/<pid>/cmdline sees only its first 4,096 characters
    nohup java -Dsmshub.benchmark.process=smsc -Xms256m -Xmx512m -Djboss.server.data.dir="$DIR/data" \
      -cp "simulator-module/target/classes:$(cat "$DIR/classpath")" com.smshub.simulator.smsc.StandaloneSmsc \
      > "$DIR/smsc.log" 2>&1 &
    echo $! > "$DIR/pid"
    for _ in $(seq 1 30); do
      curl -sf -o /dev/null http://127.0.0.1:2776/smsc/control && exit 0
      sleep 1
    done
    echo "The SMSC simulator did not start: $DIR/smsc.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$DIR/pid" ]; then
      kill "$(cat "$DIR/pid")" 2>/dev/null || true
      rm -f "$DIR/pid"
    fi
    ;;
esac
