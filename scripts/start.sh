#!/usr/bin/env bash
# Sets everything up and starts the app: frontend on http://localhost:3000, backend on
# http://localhost:7007, with SQLite in memory, guest sign-in and the example catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
node scripts/lib/seed-examples.js
echo "[start] frontend http://localhost:3000  backend http://localhost:7007" >&2
exec yarn start "$@"
