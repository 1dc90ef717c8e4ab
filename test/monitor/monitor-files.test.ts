import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot } from '../../src/monitor/frontier.js';
import { parseMonitorArgs, UsageError } from '../../src/monitor/monitor-args.js';
import type { MonitorState } from '../../src/monitor/monitor-state.js';
import { readStateFile, writeStateFile } from '../../src/monitor/state-file.js';
import { hashLeaf } from '../../src/translog/merkle.js';

const frontier = extendFrontier(
  EMPTY_FRONTIER,
  [1, 2, 3].map((i) => hashLeaf(Uint8Array.of(i))),
);
const STATE: MonitorState = {
  version: 1,
  registry: 'https://verify.example.kz',
  key: 'verify.example.kz/registry-log+01020304+AQ==',
  checkpoint: 'verify.example.kz/registry-log\n3\nroot\n\n— sig\n',
  size: 3,
  rootHash: frontierRoot(frontier),
  frontier,
  checkedAt: '2026-12-03T07:00:00.000Z',
};

describe('the monitor state file', () => {
  it('reads back what it wrote, and is absent before the first run', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'monitor-')), 'state.json');

    expect(await readStateFile(path)).toBeUndefined();
    await writeStateFile(path, STATE);
    expect(await readStateFile(path)).toEqual(STATE);
  });

  it.each([
    ['a frontier that does not give the root', (s: Record<string, unknown>) => ({ ...s, size: 4 })],
    [
      'another root',
      (s: Record<string, unknown>) => ({ ...s, rootHash: Buffer.alloc(32).toString('base64') }),
    ],
    ['a member more', (s: Record<string, unknown>) => ({ ...s, note: 'x' })],
  ])('refuses %s', async (_name, edit) => {
    const path = join(await mkdtemp(join(tmpdir(), 'monitor-')), 'state.json');
    await writeStateFile(path, STATE);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify(edit(saved)));

    await expect(readStateFile(path)).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'state_invalid',
      message: expect.stringContaining(path),
    });
  });
});

describe('the monitor command line', () => {
  it('takes a URL, a state file and a provider', () => {
    expect(
      parseMonitorArgs(['https://r.example.kz/', '--state', 's.json', '--provider', 'prv_astana']),
    ).toEqual({
      registryUrl: 'https://r.example.kz',
      statePath: 's.json',
      provider: 'prv_astana',
    });
    expect(parseMonitorArgs(['http://localhost:8787'])).toEqual({
      registryUrl: 'http://localhost:8787',
      statePath: '.monitor-state.json',
      provider: undefined,
    });
  });

  it.each([
    [[], 'the registry URL is required'],
    [['ftp://r.example.kz'], 'expected an http(s) URL'],
    [['https://a.kz', 'https://b.kz'], 'only one registry URL'],
    [['https://a.kz', '--state'], '--state: a value is required'],
    [['https://a.kz', '--provider', '--state', 'x'], '--provider: a value is required'],
    [['https://a.kz', '--full'], '--full: unknown option'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseMonitorArgs(argv)).toThrow(UsageError);
    expect(() => parseMonitorArgs(argv)).toThrow(message);
  });
});
