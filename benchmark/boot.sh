#!/usr/bin/env bash
# Boot-only runs, in pairs: how long the provisioned WildFly takes to deploy smshub.ear, for two or more builds or
# deployment orders, one right after the other (A B, then B A in the next round, so that drift weighs on both).
#   benchmark/boot.sh <rounds> <label>=<deployments> [<label>=<deployments> ...]
#   <deployments>: files copied into standalone/deployments before WildFly starts, comma-separated; files after a '+'
#   are copied once smshub.ear is deployed (so they do not share the cores with it), e.g.
#     benchmark/boot.sh 3 before=/work/before/ear-module/target/smshub.ear after=ear-module/target/smshub.ear
#     benchmark/boot.sh 3 together=ear-module/target/smshub.ear,ear-module/target/deployments/smshub-simulator.war \
#       after=ear-module/target/smshub.ear+ear-module/target/deployments/smshub-simulator.war
# Each boot: a fresh PostgreSQL schema (so Flyway migrates it, as on a first start), the server started as
# benchmark/run.sh starts it, stopped once the EAR is deployed. Prints every boot and the median a label. Builds
# nothing (./mvnw install -DskipTests first); BOOT_JAVA_OPTS adds options to the server's JVM. Needs PostgreSQL at
# 127.0.0.1:5432 and nothing on 8080/9990; never run by CI. The phases of a boot from its log: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:?rounds}"
shift
SCHEMA=smshub_boot
JBOSS_HOME="$PWD/server-module/target/wildfly"
DEPLOYMENTS="$JBOSS_HOME/standalone/deployments"
OUT=benchmark/target/boot
mkdir -p "$OUT"
export JBOSS_HOME LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_JAVA_SIZING="-Xms1g -Xmx1g ${BOOT_JAVA_OPTS:-}"

clean_deployments() {
  rm -f "$DEPLOYMENTS"/smshub.ear* "$DEPLOYMENTS"/smshub-simulator.war* "$DEPLOYMENTS"/smshub-floor.war*
}

# boot <label> <deployments> <log>: prints the EAR's figure
boot() {
  local before="${2%%+*}" later=""
  [[ "$2" == *+* ]] && later="${2#*+}"
  clean_deployments
  PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d test \
    -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
  local file
  for file in ${before//,/ }; do
    cp "$file" "$DEPLOYMENTS/$(basename "$file")"
  done
  "$JBOSS_HOME/bin/standalone.sh" -c standalone-full.xml -Dsmshub.demo-data=true \
    -Dsmshub.db.driver=postgresql "-Dsmshub.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
    -Dsmshub.db.user=postgres -Dsmshub.db.password=unused > "$3" 2>&1 &
  local server=$! waited
  for waited in $(seq 1 180); do
    grep -q 'WFLYSRV0010: Deployed "smshub.ear"\|WFLYCTL0013\|WFLYSRV0026.*with errors' "$3" && break
    sleep 1
  done
  if [ -n "$later" ]; then
    for file in ${later//,/ }; do
      cp "$file" "$DEPLOYMENTS/$(basename "$file")"
    done
    for waited in $(seq 1 120); do
      grep -q "WFLYSRV0010: Deployed \"$(basename "${later%%,*}")\"" "$3" && break
      sleep 1
    done
  fi
  kill "$server" 2>/dev/null || true
  for waited in $(seq 1 30); do pgrep -f "$JBOSS_HOME/jboss-modules.jar" >/dev/null || break; sleep 1; done
  pkill -9 -f "$JBOSS_HOME/jboss-modules.jar" || true
  clean_deployments
  java benchmark/SmsHubBenchmark.java --boot-and-heap "$3" /dev/null | head -1 \
    | sed -n 's/.*smshub.ear deployed \([0-9.]*\) s.*/\1/p'
}
trap 'pkill -9 -f "$JBOSS_HOME/jboss-modules.jar" || true; clean_deployments' EXIT

SPECS=("$@")
declare -A FIGURES
for round in $(seq 1 "$ROUNDS"); do
  ORDER=("${SPECS[@]}")
  if (( round % 2 == 0 )); then
    ORDER=()
    for (( i=${#SPECS[@]}-1; i>=0; i-- )); do ORDER+=("${SPECS[$i]}"); done
  fi
  for spec in "${ORDER[@]}"; do
    label="${spec%%=*}"
    figure=$(boot "$label" "${spec#*=}" "$OUT/$label-$round.log")
    echo "round $round $label: smshub.ear deployed in ${figure:-?} s ($(date +%H:%M:%S))"
    FIGURES[$label]="${FIGURES[$label]:-} $figure"
  done
done
for spec in "${SPECS[@]}"; do
  label="${spec%%=*}"
  echo "$label: ${FIGURES[$label]# } s; median $(tr ' ' '\n' <<< "${FIGURES[$label]}" | grep . | sort -n \
    | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}') s; where the time went:"
  java benchmark/BootPhases.java $(for round in $(seq 1 "$ROUNDS"); do echo "$OUT/$label-$round.log"; done)
done
