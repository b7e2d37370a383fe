#!/usr/bin/env node
// Runs before `npm test`: the browser tests need a system Chromium. If there
// is none and we may install packages (root with apt-get), install Debian's;
// otherwise say exactly what to do.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(path)) process.exit(0);
const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
if (!canInstall || process.env.CHROME_PATH) {
  console.error(`Chromium was not found at ${path}. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.`);
  process.exit(1);
}
console.log('Chromium not found: installing Debian’s chromium package for the browser tests…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
