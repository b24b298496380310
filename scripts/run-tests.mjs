// `npm test`: type-check and lint, unit tests, a production build, then Playwright against
// `vite preview` in Chromium. Ends with one plain `N passed, N failed` line for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const VITEST_REPORT = 'test-results/vitest-report.json';
const PLAYWRIGHT_REPORT = 'test-results/playwright-report.json';
const tally = { passed: 0, failed: 0 };
let anyStepFailed = false;

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const ok = spawnSync(command, args, { stdio: 'inherit', env: process.env }).status === 0;
  if (!ok) anyStepFailed = true;
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });
for (const path of [VITEST_REPORT, PLAYWRIGHT_REPORT]) rmSync(path, { force: true });

if (step('Type-check and lint', 'npm', ['run', 'check'])) tally.passed += 1;
else tally.failed += 1;

const unitOk = step('Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`]);
const unit = readJson(VITEST_REPORT);
tally.passed += unit?.numPassedTests ?? 0;
tally.failed += unit?.numFailedTests || (unitOk ? 0 : 1);

const built = step('Production build', 'npm', ['run', 'build']);
if (!built) tally.failed += 1;
const browserReady = built && step('Browser for end-to-end tests', 'node', ['scripts/ensure-browser.mjs']);
if (built && !browserReady) tally.failed += 1;

if (browserReady) {
  const endToEndOk = step('End-to-end tests', 'npx', ['playwright', 'test']);
  const stats = readJson(PLAYWRIGHT_REPORT)?.stats;
  tally.passed += stats ? stats.expected + stats.flaky : 0;
  // A run that fails before any test (the preview server did not start, say) still counts as a failure.
  tally.failed += stats?.unexpected || (endToEndOk ? 0 : 1);
}

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(anyStepFailed || tally.failed > 0 ? 1 : 0);
