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
    if curl -s -o /dev/null --max-time 2 http://127.0.0.1:2776/smsc/control || (exec 3<>/dev/tcp/127.0.0.1/2775) 2>/dev/null; then
      echo "Something listens on 2775 or 2776 already (an SMSC simulator left running?): stop it first" >&2
      exit 1
    fi
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
      curl -sf -o /dev/null --max-time 2 http://127.0.0.1:2776/smsc/control && exit 0
      sleep 1
    done
    echo "The SMSC simulator did not start: $DIR/smsc.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$DIR/pid" ]; then
      PID="$(cat "$DIR/pid")"
      kill "$PID" 2>/dev/null || true
      # its shutdown hook unbinds the sessions; a JVM still there after 15 s is killed (one was once left running,
      # unresponsive and spinning on both cores, under the next run's figures)
      for _ in $(seq 1 15); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
      kill -9 "$PID" 2>/dev/null || true
      rm -f "$DIR/pid"
    fi
    ;;
esac
