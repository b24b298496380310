// Makes sure Playwright has a Chromium to drive, on a fresh machine too:
// 1. a system Chromium (CHROMIUM_PATH, /usr/bin/chromium, …);
// 2. as root on Debian/Ubuntu, Debian's `chromium` package;
// 3. elsewhere, Playwright's own download (works where the internet is open).
// Fails with a message that says what to do when none of these works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import { findChromium } from './find-chromium.mjs';

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function installDebianChromium() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  return install() || (run('apt-get', ['update']) && install());
}

function hasPlaywrightChromium() {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function provisionBrowser() {
  const systemChromium = findChromium();
  if (systemChromium) return `Using Chromium at ${systemChromium}`;
  if (hasPlaywrightChromium()) return 'Using Playwright’s own Chromium';
  // Each installer is tried only when what came before found nothing.
  if (installDebianChromium() && findChromium()) return `Installed Debian's Chromium at ${findChromium()}`;
  if (run('npx', ['playwright', 'install', 'chromium']) && hasPlaywrightChromium()) return 'Installed Playwright’s Chromium';
  return null;
}

const outcome = provisionBrowser();
if (outcome) {
  console.log(outcome);
} else {
  console.error(
    [
      'No Chromium for the end-to-end tests, and none could be installed.',
      'Fix one of these, then run `npm test` again:',
      '  - install Chromium with your package manager (Debian/Ubuntu as root: apt-get install -y chromium), or',
      '  - point CHROMIUM_PATH at a Chromium or Chrome binary, or',
      '  - allow `npx playwright install chromium` to reach the internet.',
    ].join('\n'),
  );
  process.exit(1);
}
