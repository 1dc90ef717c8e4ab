import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMITTED_VECTORS, SHARED_VECTORS, VECTORS } from './vectors.js';

/** Every file below `root`, as paths relative to it, sorted. */
function filesBelow(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

const shared = fileURLToPath(SHARED_VECTORS);
const committed = fileURLToPath(COMMITTED_VECTORS);

describe('the committed copy of the test vectors', () => {
  it('holds the vector files with their licences and sources', () => {
    const files = filesBelow(committed);
    expect(files).toContain('SOURCES.md');
    expect(files).toContain('ed25519/wycheproof_ed25519_test.json');
    expect(files).toContain('ed25519/wycheproof_LICENSE.txt');
    expect(files.some((f) => f.startsWith('merkle/inclusion/'))).toBe(true);
    expect(files.some((f) => f.startsWith('qr-foreign/') && f.endsWith('.png'))).toBe(true);
  });

  // Where the team's shared folder sits beside the repository, the tests read it, and the copy
  // must not drift from it; elsewhere the tests read the copy.
  it('is byte for byte the shared folder where that is beside the repository', () => {
    if (!existsSync(shared)) {
      expect(VECTORS).toBe(COMMITTED_VECTORS);
      return;
    }
    expect(VECTORS).toBe(SHARED_VECTORS);
    const files = filesBelow(shared);
    expect(filesBelow(committed)).toEqual(files);
    for (const file of files) {
      const same = readFileSync(join(committed, file)).equals(readFileSync(join(shared, file)));
      expect(same, file).toBe(true);
    }
  });
});
