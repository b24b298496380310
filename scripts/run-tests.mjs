// `npm test`: type-check and lint, unit tests, a production build, then Playwright against
// `vite preview` in Chromium. Ends with one plain `N passed, N failed` line for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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

step('Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`]);
const unit = readJson(VITEST_REPORT);
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests;
} else {
  tally.failed += 1;
}

const built = step('Production build', 'npm', ['run', 'build']);
if (!built) tally.failed += 1;
const browserReady = built && step('Browser for end-to-end tests', 'node', ['scripts/ensure-browser.mjs']);
if (built && !browserReady) tally.failed += 1;

if (browserReady) {
  step('End-to-end tests', 'npx', ['playwright', 'test']);
  const endToEnd = readJson(PLAYWRIGHT_REPORT);
  if (endToEnd?.stats) {
    tally.passed += endToEnd.stats.expected + endToEnd.stats.flaky;
    tally.failed += endToEnd.stats.unexpected;
  } else {
    tally.failed += 1;
  }
}

if (!existsSync('dist/index.html') && built) anyStepFailed = true;
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(anyStepFailed || tally.failed > 0 ? 1 : 0);
