#!/usr/bin/env bash
# `npm test`: installs what the tests need on a fresh machine, then runs every test.
# Lint → types → unit + integration (PGlite, PostgreSQL, Redis) → production build → Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "dependencies"
if [ ! -x node_modules/.bin/next ] || [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: npm 11.19 writes lockfiles without other platforms' optional
  # packages and then its own `npm ci` refuses them. The lockfile's versions still apply.
  npm install --no-audit --no-fund
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
# Built with canary secrets in the environment: tests/e2e/key-custody.spec.ts proves none of them
# ends up in the bundle (secrets are read at run time, never inlined).
canary() { node -e "process.stdout.write('sk-canary-build-$1-' + require('crypto').randomBytes(12).toString('hex'))"; }
BUILD_DEEPSEEK_API_KEY=$(canary key)
BUILD_DEEPSEEK_SECRET_KEY=$(canary hmac)
BUILD_AUTH_SECRET=$(canary session)
export BUILD_DEEPSEEK_API_KEY BUILD_DEEPSEEK_SECRET_KEY BUILD_AUTH_SECRET
DEEPSEEK_API_KEY=$BUILD_DEEPSEEK_API_KEY DEEPSEEK_SECRET_KEY=$BUILD_DEEPSEEK_SECRET_KEY \
  AUTH_SECRET=$BUILD_AUTH_SECRET DEEPSEEK_SIMULATOR=true next build

step "end-to-end tests (Chromium)"
rm -rf tmp/e2e-data
PLAYWRIGHT_JSON_OUTPUT_NAME=tmp/playwright.json playwright test --reporter=list,json

node scripts/test-summary.mjs tmp/vitest.json tmp/playwright.json
