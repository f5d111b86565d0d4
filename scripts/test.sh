#!/usr/bin/env bash
# `npm test`: installs what the tests need on a fresh machine, then runs every test.
# Lint → types → unit + integration (PGlite, PostgreSQL, Redis) → production build → Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "dependencies"
if [ ! -x node_modules/.bin/next ] || [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH"
node --version

step "services (Chromium, PostgreSQL, Redis)"
bash scripts/ensure-services.sh

export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
mkdir -p tmp
rm -f tmp/vitest.json tmp/playwright.json

step "lint"
biome check .

step "types"
tsc --noEmit -p .

step "unit and integration tests"
vitest run --reporter=default --reporter=json --outputFile.json=tmp/vitest.json

step "production build"
next build

step "end-to-end tests (Chromium)"
rm -rf tmp/e2e-data
PLAYWRIGHT_JSON_OUTPUT_NAME=tmp/playwright.json playwright test --reporter=list,json

node scripts/test-summary.mjs tmp/vitest.json tmp/playwright.json
