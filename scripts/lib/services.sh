#!/usr/bin/env bash
# Machine services the checks need. Sourced by test.sh.

# Debian's Chromium for the end-to-end tests; Playwright never downloads a browser here.
ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    return
  fi
  echo "[services] installing Debian's chromium" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
}

# PostgreSQL on 127.0.0.1:5432 backs the real-database tests; start it if it has stopped.
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    return
  fi
  echo "[services] starting PostgreSQL" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start >&2 || true
  for _ in $(seq 1 20); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return
    sleep 1
  done
  echo "[services] PostgreSQL is not answering on 127.0.0.1:5432" >&2
  return 1
}
