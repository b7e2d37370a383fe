// The one folder walk (src/site/files.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { filesUnder } from '../../src/site/files.ts';

it('lists every file under a folder, relative and sorted as whole paths (“a-b” before “a/”), leaving out the folders it is told to skip', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'));
  try {
    for (const rel of ['b.txt', 'a/z.html', 'a/deep/y.css', 'a-b.txt', 'node_modules/x.js', 'a/node_modules/w.js']) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), '');
    }
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(filesUnder(dir, (name) => name === 'node_modules')).toEqual(['a-b.txt', 'a/deep/y.css', 'a/z.html', 'b.txt']);
    expect(filesUnder(dir)).toHaveLength(6);
    expect(filesUnder(path.join(dir, 'missing'))).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
