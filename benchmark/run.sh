#!/usr/bin/env bash
# Benchmark SMS Hub on PostgreSQL: builds the gateway, starts it with the provider simulators on the
# provisioned WildFly against a fresh schema, runs benchmark/SmsHubBenchmark.java and stops the server.
#   benchmark/run.sh [send-seconds] [batches] [phases] [warm-up-seconds]
#   (defaults: 30 s of SendSms, 20 batches of 1,000, phases sms,open,batch,draining,e2e,providers,mobipace,smpp,floor,
#   million, a warm-up of 60 s; million is a million messages over JMS, benchmark/JmsMillion.java, run last: it leaves
#   them scheduled in the database; BENCH_JMS_MESSAGES=<n> for another count than a million;
#   BENCH_HEAP=512m for another heap than the server's 1 GiB;
#   BENCH_PROFILE=<phase>[,<phase>...] records those phases with JFR and prints where the server's CPU went (boot: from
#   the server's start until the gateway answers);
#   BENCH_KANNEL=no leaves Kannel out of the smpp phase, which then prints no ratios)
# Needs PostgreSQL at 127.0.0.1:5432 (database test, user postgres, trust auth) and nothing on 8080/9990/2775/2776. The
# SMSC simulator runs in a JVM of its own (benchmark/smsc.sh). With the smpp phase, Kannel is measured first
# (benchmark/kannel.sh, both ways: as packaged and like for like; installs Debian's kannel and kannel-extras if
# missing), with the gateway not yet started, and the SMPP figures are printed as ratios to it. At the end: how long
# the server took to boot with the EAR, and the most heap it held.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMA=smshub_bench
JBOSS_HOME="$PWD/server-module/target/wildfly"

./mvnw -B -q -ntp install -DskipTests
# the SMSC simulator in a JVM of its own, bound to 2775 before WildFly starts (the simulator WAR's SMSC then stays
# off): Kannel and the gateway bind to the same SMSC, and its CPU is counted apart from the gateway's
PHASES="${3:-sms,open,batch,draining,e2e,providers,mobipace,smpp,floor,million}"
benchmark/smsc.sh start
if [[ ",$PHASES," == *",smpp,"* ]] && [ "${BENCH_KANNEL:-yes}" != no ]; then
  benchmark/kannel.sh "${1:-30}" both
else
  rm -f benchmark/target/kannel/*rate benchmark/target/kannel/*cpu
fi
# The floor (benchmark/floor): the same SOAP stack, security and datasource with none of the gateway's work
FLOOR=benchmark/target/floor
rm -rf "$FLOOR" && mkdir -p "$FLOOR/war/WEB-INF/classes"
./mvnw -B -q -ntp -pl web-module dependency:build-classpath -Dmdep.outputFile="$PWD/$FLOOR/classpath"
javac -d "$FLOOR/war/WEB-INF/classes" -cp "$(cat "$FLOOR/classpath")" $(find benchmark/floor/src -name '*.java')
cp benchmark/floor/webapp/WEB-INF/*.xml "$FLOOR/war/WEB-INF/"
jar cf "$FLOOR/smshub-floor.war" -C "$FLOOR/war" .
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
cp ear-module/target/smshub.ear ear-module/target/deployments/smshub-simulator.war "$FLOOR/smshub-floor.war" \
  "$JBOSS_HOME/standalone/deployments/"

export JBOSS_HOME
# standalone.sh passes signals on to the server's JVM only when told to
export LAUNCH_JBOSS_IN_BACKGROUND=1
# status checks and the MyMobileAPI feed every second, the first check of a Masiv or MOBIPACE message after 1 s:
# the per-provider figures then tell the gateway's pace, not its configured waits (15 s, 5 s, 10 s by default)
# the heap (BENCH_HEAP, 1g as the provisioned server's default) and a log of every collection, read at the end
GC_LOG="$PWD/benchmark/target/gc.log"
rm -f "$GC_LOG" benchmark/target/*.jfr
export JBOSS_JAVA_SIZING="-Xms${BENCH_HEAP:-1g} -Xmx${BENCH_HEAP:-1g} -Xlog:gc:file=$GC_LOG"
if [ -n "${BENCH_PROFILE:-}" ]; then
  # JFR keeps 64 frames of a stack by default: too few to reach the gateway's entry point under CXF and the EJB layers
  JBOSS_JAVA_SIZING="$JBOSS_JAVA_SIZING -XX:FlightRecorderOptions=stackdepth=256"
fi
if [[ ",${BENCH_PROFILE:-}," == *",boot,"* ]]; then
  # the boot from the JVM's start until the gateway answers Ping (stopped below)
  JBOSS_JAVA_SIZING="$JBOSS_JAVA_SIZING -XX:StartFlightRecording=name=boot,settings=profile,filename=$PWD/benchmark/target/boot.jfr"
fi
"$JBOSS_HOME/bin/standalone.sh" -c standalone-full.xml -Dsmshub.demo-data=true \
  -Dsmshub.status.first-ask-seconds=1 -Dsmshub.status.poll-interval-ms=1000 -Dsmshub.status.feed-interval-ms=1000 \
  -Dsmshub.db.driver=postgresql "-Dsmshub.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&reWriteBatchedInserts=true" \
  -Dsmshub.db.user=postgres -Dsmshub.db.password=unused > target-benchmark-server.log 2>&1 &
SERVER=$!
stop_server() {
  kill "$SERVER" 2>/dev/null || true
  for _ in $(seq 1 30); do pgrep -f "$JBOSS_HOME/jboss-modules.jar" >/dev/null || break; sleep 1; done
  pkill -9 -f "$JBOSS_HOME/jboss-modules.jar" || true
  # the provisioned server is the test suite's too: what this run deployed must not be deployed in the next test run
  rm -f "$JBOSS_HOME"/standalone/deployments/smshub.ear* "$JBOSS_HOME"/standalone/deployments/smshub-simulator.war* \
    "$JBOSS_HOME"/standalone/deployments/smshub-floor.war*
}
trap 'stop_server; benchmark/smsc.sh stop' EXIT

for _ in $(seq 1 120); do
  if curl -sf -o /dev/null -u demo:demo-password -H 'Content-Type: text/xml' \
      --data '<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><Ping xmlns="urn:smshub:gateway:v1"/></Body></Envelope>' \
      http://localhost:8080/smshub/SmsGateway; then break; fi
  sleep 1
done
if [[ ",${BENCH_PROFILE:-}," == *",boot,"* ]]; then
  jcmd "$(pgrep -f "$JBOSS_HOME/jboss-modules.jar" | head -1)" JFR.stop name=boot >/dev/null
fi
# the floor's one table, once the gateway has migrated its schema (its migrations want the schema empty)
psql -q -h 127.0.0.1 -U postgres -d test \
  -c "CREATE TABLE $SCHEMA.benchmark_floor (id BIGSERIAL PRIMARY KEY, work VARCHAR(16), written_at TIMESTAMPTZ DEFAULT now());"
java benchmark/SmsHubBenchmark.java http://localhost:8080 "${1:-30}" "${2:-20}" "$PHASES" "${4:-60}"
if [[ ",$PHASES," == *",million,"* ]]; then
  # an ERP's JMS client (Artemis's, as ear-module's tests use it) sends a million messages as SendBatch documents
  ./mvnw -B -q -ntp -pl ear-module dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/benchmark/target/jms-classpath"
  java -cp "$(cat benchmark/target/jms-classpath)" benchmark/JmsMillion.java "${BENCH_JMS_MESSAGES:-1000000}" "$GC_LOG"
fi
# what booting took (the EAR, the simulators and the floor deploy together) and the most heap the run held
java benchmark/SmsHubBenchmark.java --boot-and-heap target-benchmark-server.log "$GC_LOG"
PROFILED="${BENCH_PROFILE:-}"
for phase in ${PROFILED//,/ }; do
  if [ -f "benchmark/target/$phase.jfr" ]; then
    echo "Where the server's CPU went in $phase (JFR):"
    java benchmark/JfrSummary.java "benchmark/target/$phase.jfr"
  fi
done
