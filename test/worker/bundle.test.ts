import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the Worker entry', () => {
  it('bundles with `wrangler deploy --dry-run` and leaves Node-only code out', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'registry-worker-'));
    try {
      const { stdout } = await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
        timeout: 120_000,
      });
      expect(stdout).toContain('env.HYPERDRIVE');
      expect(stdout).toContain('env.ASSETS');

      const files = await readdir(outdir);
      const bundle = await readFile(
        join(outdir, files.find((f) => f.endsWith('.js')) ?? ''),
        'utf8',
      );
      // The embedded database and the dev key files belong to the Node entry only.
      expect(bundle).not.toContain('@electric-sql/pglite');
      expect(bundle).not.toContain('loadOrCreateDevKeys');
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  }, 180_000);
});
