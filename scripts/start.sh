#!/usr/bin/env bash
# Sets everything up and starts the app: frontend on http://localhost:3000, backend on
# http://localhost:7007, with SQLite in memory, guest sign-in and the example catalog.
#   --demo-cluster  also start the demo cluster on 127.0.0.1:7077 (a Kubernetes API stand-in that
#                   runs what the example GitOps overlays declare) and read live state from it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
node scripts/lib/seed-examples.js

args=()
demo_cluster=false
for arg in "$@"; do
  if [ "$arg" = "--demo-cluster" ]; then demo_cluster=true; else args+=("$arg"); fi
done

echo "[start] frontend http://localhost:3000  backend http://localhost:7007" >&2
if [ "$demo_cluster" = false ]; then
  exec yarn start "${args[@]}"
fi

node --require @backstage/cli/config/nodeTransform.cjs packages/kubernetes-stand-in/src/demo/main.ts &
demo_pid=$!
trap 'kill "$demo_pid" 2>/dev/null || true' EXIT
echo "[start] demo cluster http://127.0.0.1:7077" >&2
yarn start --config "$PWD/app-config.yaml" --config "$PWD/app-config.e2e.yaml" "${args[@]}"
