import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue } from '../e2e/client.js';
import { asSuperuser } from '../e2e/log-client.js';
import { ALMATY, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { trusteeshipRequest } from '../support/requests.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run monitor -- …` in a child process, as an operator's cron job would run it. */
function npmRunMonitor(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'monitor', '--', ...args],
      { cwd: process.cwd(), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// One database target is enough here: the log itself is tested on both elsewhere.
describe.each(databaseTargets.slice(0, 1))(
  'npm run monitor against a server on $name',
  (target) => {
    let registry: TestRegistry;
    let server: ReturnType<typeof serve>;
    let url: string;
    let state: string;

    beforeAll(async () => {
      registry = await startTestRegistry(target);
      server = serve({ fetch: registry.app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => server.once('listening', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      state = join(await mkdtemp(join(tmpdir(), 'monitor-cli-')), 'state.json');
    });
    afterAll(async () => {
      server?.close();
      await registry?.close();
    });

    it('verifies the log, lists one provider’s entries, saves its state and exits 0', async () => {
      const astana = await issue(registry);
      await issue(registry, trusteeshipRequest(), ALMATY);
      registry.clock.advance?.(1_000);

      const run = await npmRunMonitor(url, '--state', state, '--provider', 'prv_astana');

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('checkpoint of size 4 verified; key pinned');
      expect(run.stdout).toContain('4 new entries, 2 in the name of prv_astana');
      expect(run.stdout).toContain(`certificate.issued ${astana.id} prv_astana`);
      expect(run.stdout).not.toContain('prv_almaty_medeu');
      expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ size: 4, registry: url });
    }, 60_000);

    it('exits 1 with the reason when an entry was changed in the database', async () => {
      await issue(registry);
      await issue(registry);
      await asSuperuser(
        registry,
        'drop trigger log_entries_append_only on log_entries',
        `update log_entries set data = convert_to(replace(convert_from(data, 'UTF8'),
         'prv_astana', 'prv_almaty_medeu'), 'UTF8') where index = 5`,
      );
      registry.clock.advance?.(1_000);
      const before = await readFile(state, 'utf8');

      const run = await npmRunMonitor(url, '--state', state);

      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^INCONSISTENT LOG \(entries_mismatch\): entries 4\.\.5 do not build/,
      );
      expect(await readFile(state, 'utf8')).toBe(before);
    }, 60_000);

    it('exits 2 when the registry cannot be reached, and 2 on bad arguments', async () => {
      const down = await npmRunMonitor('http://127.0.0.1:9', '--state', `${state}.other`);
      expect(down.code).toBe(2);
      expect(down.stderr).toMatch(/^Could not check the log \(registry_unavailable\)/);

      const usage = await npmRunMonitor('--provider');
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('usage: npm run monitor -- <registry-url>');
    }, 60_000);
  },
);
