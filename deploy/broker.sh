#!/usr/bin/env bash
# Single-node KRaft Apache Kafka broker on 127.0.0.1, assembled from Maven Central.
#   deploy/broker.sh start|stop|status|restart
# Idempotent: start on a running broker only prints its status; stop on a stopped one is a no-op.
# Settings (environment):
#   BLEEDWATCH_KAFKA_DIR      data, config, pid and log directory (default: <repo>/.kafka)
#   BLEEDWATCH_KAFKA_PORT     client port (default 9092)
#   BLEEDWATCH_KAFKA_CONTROLLER_PORT  KRaft controller port (default 9093)
#   BLEEDWATCH_KAFKA_HEAP     JVM heap (default 768m)
#   BLEEDWATCH_KAFKA_START_TIMEOUT  seconds to wait for the broker to answer (default 90)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
DIR="${BLEEDWATCH_KAFKA_DIR:-$ROOT/.kafka}"
PORT="${BLEEDWATCH_KAFKA_PORT:-9092}"
CPORT="${BLEEDWATCH_KAFKA_CONTROLLER_PORT:-9093}"
HEAP="${BLEEDWATCH_KAFKA_HEAP:-768m}"
TIMEOUT="${BLEEDWATCH_KAFKA_START_TIMEOUT:-90}"
LIBS="$HERE/kafka/target/libs"
PIDFILE="$DIR/broker.pid"
LOG="$DIR/logs/server.log"
CONF="$DIR/server.properties"

log() { echo "bleedwatch-broker: $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() {
  [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

ready() {
  running && port_open "$PORT" && grep -q "Kafka Server started" "$LOG" 2>/dev/null
}

assemble() {
  if [[ -f "$LIBS/.complete" ]]; then return; fi
  log "assembling Kafka from Maven Central into $LIBS"
  (cd "$HERE/kafka" && mvn -q -B dependency:copy-dependencies \
      -DoutputDirectory=target/libs -DincludeScope=runtime)
  touch "$LIBS/.complete"
}

write_config() {
  mkdir -p "$DIR/data" "$DIR/logs"
  cat >"$CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CPORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/data
num.partitions=4
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
PROPS
  cat >"$DIR/log4j2.properties" <<L4J
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $LOG
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = info
logger.apache.name = org.apache.kafka
logger.apache.level = warn
L4J
}

java_cmd() {
  java -Xmx"$HEAP" -Xms256m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$DIR/log4j2.properties" \
    -cp "$LIBS/*" "$@"
}

status() {
  if ready; then
    echo "running pid=$(cat "$PIDFILE") bootstrap=127.0.0.1:$PORT log=$LOG"
    return 0
  fi
  if running; then
    echo "starting pid=$(cat "$PIDFILE") bootstrap=127.0.0.1:$PORT log=$LOG"
    return 1
  fi
  echo "stopped bootstrap=127.0.0.1:$PORT log=$LOG"
  return 3
}

start() {
  if ready; then status; return 0; fi
  if ! running && port_open "$PORT"; then
    log "port $PORT is taken by another process; set BLEEDWATCH_KAFKA_PORT or BLEEDWATCH_BROKER"
    return 2
  fi
  assemble
  if ! running; then
    write_config
    if [[ ! -f "$DIR/data/meta.properties" ]]; then
      java_cmd kafka.tools.StorageTool format -t "$(java_cmd kafka.tools.StorageTool random-uuid)" \
        -c "$CONF" >/dev/null
    fi
    : >"$LOG"
    nohup java -Xmx"$HEAP" -Xms256m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$DIR/log4j2.properties" \
      -cp "$LIBS/*" kafka.Kafka "$CONF" >"$DIR/logs/stdout.log" 2>&1 &
    echo $! >"$PIDFILE"
    log "started pid $(cat "$PIDFILE"), log: $LOG"
  fi
  local waited=0
  until ready; do
    if ! running; then
      log "broker exited during start; last log lines:"
      tail -n 30 "$LOG" "$DIR/logs/stdout.log" >&2 || true
      return 1
    fi
    if (( waited >= TIMEOUT )); then
      log "broker did not answer within ${TIMEOUT}s; see $LOG"
      return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  status
}

stop() {
  if ! running; then rm -f "$PIDFILE"; echo "stopped"; return 0; fi
  local pid; pid="$(cat "$PIDFILE")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
  echo "stopped"
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  *) echo "usage: $0 start|stop|status|restart" >&2; exit 64 ;;
esac
