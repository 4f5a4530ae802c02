#!/usr/bin/env bash
# Runs a real Keycloak with Samla's realm for tests and local use (README, "Running
# against Keycloak"). The server distribution comes from Maven Central and is cached
# outside the repository.
#   scripts/keycloak.sh start [port]   fresh realm import, waits until it answers
#   scripts/keycloak.sh stop
set -euo pipefail
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.4.0}"
CACHE="${SAMLA_CACHE_DIR:-$HOME/.cache/samla}"
HOME_DIR="$CACHE/keycloak-$KEYCLOAK_VERSION"
PIDFILE="$CACHE/keycloak.pid"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

start() {
  local port="${1:-8180}"
  mkdir -p "$CACHE"
  if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
    echo "fetching Keycloak $KEYCLOAK_VERSION from Maven Central…"
    mvn -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$CACHE"
    unzip -q -o "$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$CACHE"
  fi
  stop >/dev/null 2>&1 || true
  # A fresh import each start: --import-realm skips a realm that already exists.
  rm -rf "$HOME_DIR/data/h2" "$HOME_DIR/data/import"
  mkdir -p "$HOME_DIR/data/import"
  cp "$ROOT/seed/keycloak/samla-realm.json" "$HOME_DIR/data/import/"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    nohup "$HOME_DIR/bin/kc.sh" start-dev --http-port="$port" --import-realm >"$CACHE/keycloak.log" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 120); do
    if curl -sf "http://localhost:$port/realms/samla/.well-known/openid-configuration" >/dev/null; then
      echo "Keycloak $KEYCLOAK_VERSION is up: http://localhost:$port (realm samla)"
      return 0
    fi
    sleep 2
  done
  echo "Keycloak did not start; last log lines:" >&2
  tail -40 "$CACHE/keycloak.log" >&2
  return 1
}

stop() {
  [ -f "$PIDFILE" ] || return 0
  local pid
  pid="$(cat "$PIDFILE")"
  # kc.sh execs java in a child: stop the whole process group of that shell.
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) start "${2:-8180}" ;;
  stop) stop ;;
  *) echo "usage: $0 start [port] | stop" >&2; exit 2 ;;
esac
