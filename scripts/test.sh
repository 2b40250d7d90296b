#!/usr/bin/env bash
# `npm test`: a browser for the browser tests first (seconds to fail when none can be had), then
# static checks, unit and database tests (Vitest), the production build, the standalone server,
# and the browser tests (Playwright against a freshly seeded demo app). Database tests use an
# embedded PGlite unless TEST_DATABASE_URL names a server; the e2e app likewise with E2E_DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
# Node 24 from the npm registry (devDependency `node`) before the machine's: npx, tsc, vitest,
# next and playwright all start through `#!/usr/bin/env node`.
export PATH="$PWD/node_modules/.bin:$PATH" NEXT_TELEMETRY_DISABLED=1
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 24 ]; then
  echo "npm test: Node 24 is needed (found $(node --version 2>/dev/null || echo none)): run \`npm install\` first" >&2
  exit 1
fi

# Each phase's header says when it started (seconds into the run), so a slow phase shows in CI's log.
phase() { echo "== $1 (at ${SECONDS}s)"; }
phase browser
browser=$(node scripts/ensure-browser.mjs)
[ -n "$browser" ] && export PLAYWRIGHT_CHROMIUM_EXECUTABLE="$browser"
label=${browser:-"Playwright's own Chromium"}
echo "   $label (node $(node --version))"

# .ci/run's second pass sets this: the same tree was already type-checked, linted and built.
if [ "${INSPECTORATE_TEST_SKIP_STATIC:-0}" != "1" ]; then
  # Side by side: each is one process on one core (15 s and 20 s one after the other here).
  phase "typecheck and lint"
  mkdir -p .test-data
  npx tsc --noEmit -p . > .test-data/typecheck.log 2>&1 &
  typecheck=$!
  lint_status=0
  npx eslint . || lint_status=$?
  typecheck_status=0
  wait "$typecheck" || typecheck_status=$?
  cat .test-data/typecheck.log
  if [ "$typecheck_status" != 0 ] || [ "$lint_status" != 0 ]; then
    echo "npm test: typecheck exit $typecheck_status, lint exit $lint_status" >&2
    exit 1
  fi
fi
# .ci/run's second pass also sets INSPECTORATE_TEST_SMOKE=1: on the embedded default it runs the
# database layer, the start-up scripts, the posture queries, the sync's truth check and a browser
# smoke test (every test already ran on PostgreSQL 15 in its first pass). The data migrations' own
# tests (lib/db/migrate-*) are left out of it: each migrates an empty database step by step, 15-18 s
# apiece on PGlite against 3-6 s on PostgreSQL 15, and `npm test` alone runs them on PGlite.
smoke=${INSPECTORATE_TEST_SMOKE:-0}
vitest_paths=() vitest_flags=() playwright_paths=()
if [ "$smoke" = "1" ]; then
  vitest_paths=(lib/db scripts lib/queries/posture lib/sync/sync-isolation.test.ts)
  vitest_flags=(--exclude "lib/db/migrate-*.test.ts")
  playwright_paths=(e2e/shell.spec.ts e2e/overview.spec.ts e2e/views-screens.spec.ts)
  export E2E_ONLY=local
fi
phase "unit and database tests" && npx vitest run "${vitest_flags[@]}" "${vitest_paths[@]}"
if [ "${INSPECTORATE_TEST_SKIP_STATIC:-0}" != "1" ] || [ ! -d .next/standalone ]; then
  phase "build" && npm run build
fi
phase "standalone server" && npx vitest run --config vitest.standalone.config.ts
phase "browser tests" && npx playwright test "${playwright_paths[@]}"
phase "done"
