#!/usr/bin/env bash
# Sets everything up and runs every check: type check, lint, prettier, unit and integration
# tests (SQLite and PostgreSQL), the end-to-end test in Chromium and the adopter install check
# (a fresh app with the packed plugins). Exits non-zero on any
# failure; the last line is "N passed, M failed" over all test cases.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
source scripts/lib/services.sh

ensure_chromium
ensure_postgres
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432
export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING=redis://127.0.0.1:6379

mkdir -p .stageline
rm -f .stageline/jest-results.json .stageline/jest-esm-results.json .stageline/e2e-results.json
failed_steps=()
step() {
  local name="$1"
  shift
  printf '\n=== %s\n' "$name"
  local started=$SECONDS
  if "$@"; then
    printf '=== %s: ok (%ss)\n' "$name" $((SECONDS - started))
  else
    printf '=== %s: FAILED (%ss)\n' "$name" $((SECONDS - started))
    failed_steps+=("$name")
  fi
}

step "type check" yarn tsc:full
step "lint" yarn lint:all
step "prettier" yarn prettier:check
# Publishable packages: metadata `backstage-cli repo fix --publish` would add must be there.
step "package metadata" yarn backstage-cli repo fix --publish --check
# The checked-in report*.api.md of each plugin package must match its public API (regenerate
# with `yarn build:api-reports`). Reads the declarations the type check step emitted into
# dist-types (`tsc:full` is a full, non-incremental build, the same one `--tsc` runs).
step "API reports" yarn build:api-reports:only --ci
# Tests that load @kubernetes/client-node (ESM-only, loaded with import()) need
# --experimental-vm-modules; the rest must run without it, because some Backstage test
# utilities require() ES modules under that flag.
# The plugin integration test starts the real read model, so it loads client-node too, as do
# the promotion engine tests that run against a live cluster state store.
ESM_TESTS=(
  plugins/environments-backend/src/kubernetes
  plugins/environments-backend/src/promotions/engine/promotionWithAgent.test.ts
  plugins/environments-backend/src/promotions/engine/promotionWithMigrations.test.ts
  plugins/environments-backend/src/plugin.integration.test.ts
  plugins/environments-backend/src/plugin.twoClusters.integration.test.ts
  packages/kubernetes-stand-in
)
step "unit and integration tests" env CI=true yarn backstage-cli repo test \
  --testPathIgnorePatterns "${ESM_TESTS[@]}" \
  --json --outputFile=.stageline/jest-results.json
step "cluster tests (ESM)" env CI=true NODE_OPTIONS=--experimental-vm-modules \
  yarn backstage-cli repo test "${ESM_TESTS[@]}" \
  --json --outputFile=.stageline/jest-esm-results.json
step "end-to-end tests (Chromium)" env CI=true yarn test:e2e
# A fresh app from @backstage/create-app with the packed plugins installed as their READMEs say.
step "adopter install (fresh app)" node scripts/adopter-install/main.js

summary="$(node scripts/lib/summarize-tests.js .stageline/e2e-results.json .stageline/jest-results.json .stageline/jest-esm-results.json)"
summary_rc=$?
if [ ${#failed_steps[@]} -gt 0 ]; then
  printf '\nFailed steps: %s\n' "${failed_steps[*]}"
fi
echo "$summary"
if [ ${#failed_steps[@]} -gt 0 ] || [ $summary_rc -ne 0 ]; then
  exit 1
fi
