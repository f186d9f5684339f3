#!/usr/bin/env bash
# Refreshes the README's screenshots: runs the end-to-end tests that take them (they write to the
# ignored .stageline/screenshots/, so ordinary runs leave the tree clean), then copies the ones the
# README shows into docs/screenshots/. Commit the result. Extra arguments go to Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."

shots=(environments-tab promote-dialog awaiting-approval previews history)
rm -rf .stageline/screenshots
CI=true yarn test:e2e \
  packages/app/e2e-tests/environments.test.ts \
  packages/app/e2e-tests/promotion.test.ts "$@"

mkdir -p docs/screenshots
for shot in "${shots[@]}"; do
  cp ".stageline/screenshots/${shot}.png" "docs/screenshots/${shot}.png"
done
echo "Copied ${#shots[@]} screenshots into docs/screenshots/"
