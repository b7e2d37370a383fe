#!/usr/bin/env node
// `npm run lock:complete`, after any `npm install` that changes dependencies.
// The registry mirror these machines use carries only Linux builds of
// platform-specific packages (esbuild, rollup, pagefind…), so npm leaves the
// other platforms' optional packages out of package-lock.json, and `npm ci`
// then refuses the lockfile. This adds those entries, marked optional and
// limited to their platform, so `npm ci` accepts the lockfile and skips them.
import fs from 'node:fs';

const OS = { darwin: 'darwin', macos: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', freebsd: 'freebsd', openbsd: 'openbsd', netbsd: 'netbsd', android: 'android', sunos: 'sunos', aix: 'aix', openharmony: 'openharmony', wasi: 'wasi' };
const CPU = { arm64: 'arm64', aarch64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x', loong64: 'loong64', mips64el: 'mips64el', wasm32: 'wasm32' };

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${where}/node_modules/${name}`;
    if (lock.packages[key] || lock.packages[nested]) continue;
    const words = name.replace(/^@[^/]+\//, '').split(/[-_.]/);
    const os = words.map((w) => OS[w]).find(Boolean);
    const cpu = words.map((w) => CPU[w]).find(Boolean);
    const libc = words.some((w) => w.startsWith('musl')) ? 'musl' : words.includes('gnu') ? 'glibc' : undefined;
    // Not installable here: a platform this machine is not, or none we can name.
    lock.packages[key] = {
      version: version.replace(/^[\^~]/, ''),
      optional: true,
      ...(cpu ? { cpu: [cpu] } : {}),
      os: [os ?? '!linux'],
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform entries added`);
