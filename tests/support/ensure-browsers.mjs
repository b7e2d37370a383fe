#!/usr/bin/env node
// Runs before `npm test`: the browser tests need a system Chromium and Firefox
// ESR, and the EPUB test Debian's epubcheck. If one is missing and we may
// install packages (root with apt-get), install Debian's; otherwise say
// exactly what to do.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const browsers = [
  { name: 'Chromium', variable: 'CHROME_PATH', path: process.env.CHROME_PATH ?? '/usr/bin/chromium', apt: 'chromium' },
  { name: 'Firefox ESR', variable: 'FIREFOX_PATH', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', apt: 'firefox-esr' },
  { name: 'epubcheck', variable: 'EPUBCHECK_JAR', path: process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar', apt: 'epubcheck' },
];
const missing = browsers.filter((b) => !fs.existsSync(b.path));
if (!missing.length) process.exit(0);

const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
const overridden = missing.filter((b) => process.env[b.variable]);
if (!canInstall || overridden.length) {
  for (const b of missing) console.error(`${b.name} was not found at ${b.path}. Install it (Debian: apt-get install -y ${b.apt}) or set ${b.variable} to its binary.`);
  process.exit(1);
}
const packages = missing.map((b) => b.apt).join(' ');
console.log(`Installing Debian’s ${packages} for the tests…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
