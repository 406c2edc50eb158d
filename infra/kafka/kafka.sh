#!/usr/bin/env bash
# A real single-node Apache Kafka (KRaft, broker + controller in one JVM) for development and CI.
#
#   bash infra/kafka/kafka.sh start|stop|status|perf [ProducerPerformance args...]
#
# Jars come from Maven Central (pom.xml beside this script) into .cache/kafka/<version>/libs once.
# See infra/kafka/README.md for the settings. Exit codes: 0 ok, 1 failure, 2 usage,
# 3 java or mvn missing (callers treat 3 as "Kafka unavailable here", with the printed reason).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../.." && pwd)

KAFKA_VERSION=${KAFKA_VERSION:-4.4.0}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
KAFKA_DATA_DIR=${KAFKA_DATA_DIR:-$repo_root/.data/kafka}
KAFKA_CACHE_DIR=${KAFKA_CACHE_DIR:-$repo_root/.cache/kafka}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
KAFKA_STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}

libs_dir=$KAFKA_CACHE_DIR/$KAFKA_VERSION/libs
config_file=$KAFKA_DATA_DIR/server.properties
log4j_file=$script_dir/log4j2.properties
tools_log4j_file=$script_dir/tools-log4j2.properties
log_dirs=$KAFKA_DATA_DIR/kraft-logs
log_file=$KAFKA_DATA_DIR/broker.log
pid_file=$KAFKA_DATA_DIR/kafka.pid

say() { echo "kafka: $*"; }
fail() {
  echo "kafka: $*" >&2
  exit 1
}
unavailable() {
  # One plain line; the jest setup shows it as the reason the Kafka suites were skipped.
  echo "$*" >&2
  exit 3
}

java_bin() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  fi
}

require_java() {
  java=$(java_bin)
  [[ -n $java ]] || unavailable "Kafka unavailable: java not found (install a JDK 17+ or set JAVA_HOME)"
  local version major
  version=$("$java" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
  major=${version%%.*}
  [[ $major == 1 ]] && major=$(echo "$version" | cut -d. -f2)
  if [[ ! $major =~ ^[0-9]+$ ]] || ((major < 17)); then
    unavailable "Kafka unavailable: Kafka $KAFKA_VERSION needs Java 17+, found '${version:-unknown}' at $java"
  fi
}

# Fills $libs_dir with the broker, tools and logging jars, once per version.
ensure_jars() {
  [[ -f $libs_dir/.complete ]] && return 0
  command -v mvn >/dev/null 2>&1 ||
    unavailable "Kafka unavailable: mvn not found (needed once to fetch Kafka $KAFKA_VERSION jars into $libs_dir)"
  say "fetching Kafka $KAFKA_VERSION jars into $libs_dir (once)"
  local tmp=$libs_dir.tmp.$$
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! mvn -B -q -f "$script_dir/pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" \
    >"$tmp.log" 2>&1; then
    tail -n 30 "$tmp.log" >&2
    rm -rf "$tmp"
    fail "mvn could not fetch Kafka $KAFKA_VERSION (log above)"
  fi
  rm -f "$tmp.log"
  touch "$tmp/.complete"
  if [[ -f $libs_dir/.complete ]]; then
    rm -rf "$tmp" # a concurrent start fetched them first
  else
    rm -rf "$libs_dir"
    mv -T "$tmp" "$libs_dir" 2>/dev/null || rm -rf "$tmp"
    [[ -f $libs_dir/.complete ]] || fail "could not move the jars into $libs_dir"
  fi
}

# The pid from the pid file if that process is alive and is our broker; prints nothing otherwise.
running_pid() {
  [[ -f $pid_file ]] || return 0
  local pid
  pid=$(tr -dc '0-9' <"$pid_file")
  [[ -n $pid ]] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null |
    grep -qF "kafka.Kafka $config_file"; then
    echo "$pid"
  fi
}

# Alive and not a zombie (the broker is this script's child until the script exits).
alive() {
  kill -0 "$1" 2>/dev/null && [[ $(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) != Z ]]
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

write_config() {
  mkdir -p "$KAFKA_DATA_DIR" "$log_dirs"
  cat >"$config_file" <<EOF
# Written by infra/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$log_dirs
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
}

# Short-lived tools: C1 only and the serial GC start the JVM about twice as fast.
run_tool() {
  local main=$1
  shift
  "$java" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$tools_log4j_file" -cp "$libs_dir/*" "$main" "$@"
}

format_storage() {
  [[ -f $log_dirs/meta.properties ]] && return 0
  local cluster_id
  cluster_id=$(run_tool kafka.tools.StorageTool random-uuid)
  say "formatting $log_dirs (cluster id $cluster_id)"
  run_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$config_file" --standalone \
    >>"$log_file" 2>&1 || {
    tail -n 20 "$log_file" >&2
    fail "formatting the storage failed"
  }
}

log_tail() {
  echo "---- last lines of $log_file ----" >&2
  tail -n 40 "$log_file" >&2 || true
  echo "----" >&2
}

# Ready = the process is alive, the broker logged that it started, and it answers ApiVersions.
wait_until_serving() {
  local pid=$1 deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! alive "$pid"; then
      log_tail
      rm -f "$pid_file"
      fail "the broker exited during start-up (log above)"
    fi
    if port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$log_file" 2>/dev/null &&
      timeout 30 "$java" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Dlog4j2.configurationFile="$tools_log4j_file" -cp "$libs_dir/*" \
        org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  log_tail
  fail "the broker did not serve on 127.0.0.1:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s (still running as pid $pid; log above; 'kafka.sh stop' ends it)"
}

cmd_start() {
  local pid
  pid=$(running_pid)
  if [[ -n $pid ]]; then
    say "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  if [[ -f $pid_file ]]; then
    say "removing stale pid file $pid_file"
    rm -f "$pid_file"
  fi
  require_java
  ensure_jars
  if port_open "$KAFKA_PORT"; then
    fail "127.0.0.1:$KAFKA_PORT is already in use by another process (set KAFKA_PORT)"
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    fail "127.0.0.1:$KAFKA_CONTROLLER_PORT (controller) is already in use (set KAFKA_CONTROLLER_PORT)"
  fi
  write_config
  : >"$log_file"
  format_storage
  say "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (data $KAFKA_DATA_DIR)"
  # setsid: the broker outlives this script and the terminal or test runner that called it.
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of JVM flags
  setsid "$java" $KAFKA_HEAP_OPTS -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$log4j_file" -cp "$libs_dir/*" \
    kafka.Kafka "$config_file" >>"$log_file" 2>&1 </dev/null &
  # Not a process-group leader here, so setsid execs java in place: $! is the JVM's pid.
  pid=$!
  echo "$pid" >"$pid_file"
  wait_until_serving "$pid"
  say "running (pid $pid) on 127.0.0.1:$KAFKA_PORT; log $log_file"
}

cmd_stop() {
  local pid
  pid=$(running_pid)
  if [[ -z $pid ]]; then
    if [[ -f $pid_file ]]; then
      rm -f "$pid_file"
      say "not running (removed stale pid file)"
    else
      say "not running"
    fi
    return 0
  fi
  say "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$pid_file"
  say "stopped"
}

cmd_status() {
  local pid
  pid=$(running_pid)
  if [[ -n $pid ]]; then
    say "running (pid $pid) on 127.0.0.1:$KAFKA_PORT; data $KAFKA_DATA_DIR"
  else
    say "not running"
    return 1
  fi
}

cmd_perf() {
  require_java
  ensure_jars
  # A full JIT here: this one measures throughput.
  "$java" -Xmx512m -Dlog4j2.configurationFile="$tools_log4j_file" -cp "$libs_dir/*" \
    org.apache.kafka.tools.ProducerPerformance "$@"
}

case ${1:-} in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  perf)
    shift
    cmd_perf "$@"
    ;;
  *)
    echo "usage: $0 start|stop|status|perf [ProducerPerformance args...]" >&2
    exit 2
    ;;
esac
