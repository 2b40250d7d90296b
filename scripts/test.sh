#!/usr/bin/env bash
# `npm test`: static checks, unit and database tests (Vitest), the production build, and the
# browser tests (Playwright against a freshly seeded demo app). Database tests use an embedded
# PGlite unless TEST_DATABASE_URL names a server; the e2e app likewise with E2E_DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# .ci/run's second pass sets this: the same tree was already type-checked, linted and built.
if [ "${INSPECTORATE_TEST_SKIP_STATIC:-0}" != "1" ]; then
  echo "== typecheck" && npx tsc --noEmit -p .
  echo "== lint" && npx eslint .
fi
echo "== unit and database tests" && npx vitest run
if [ "${INSPECTORATE_TEST_SKIP_STATIC:-0}" != "1" ] || [ ! -d .next ]; then
  echo "== build" && npx next build
fi
echo "== browser tests" && npx playwright test
