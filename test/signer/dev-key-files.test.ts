import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadOrCreateDevKeys } from '../../src/signer/dev-key-files.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dev-keys-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadOrCreateDevKeys', () => {
  it('creates one 0600 file per provider on first start and reuses it afterwards', async () => {
    const providerIds = ['prv_astana', 'prv_almaty'];
    const first = await loadOrCreateDevKeys({ dataDir, providerIds });
    const again = await loadOrCreateDevKeys({ dataDir, providerIds });

    expect(again.map((k) => k.kid)).toEqual(first.map((k) => k.kid));
    expect(new Set(first.map((k) => k.kid)).size).toBe(2);

    const path = join(dataDir, 'keys', 'prv_astana.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'keys'))).mode & 0o777).toBe(0o700);

    const stored = JSON.parse(await readFile(path, 'utf8'));
    expect(stored.providerId).toBe('prv_astana');
    expect(stored.kid).toBe(first[0]?.kid);
  });

  it('refuses a file that holds another provider’s key, naming the file only', async () => {
    await loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] });
    const path = join(dataDir, 'keys', 'prv_astana.json');
    const stored = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...stored, providerId: 'prv_almaty' }));

    const failure = loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] });
    await expect(failure).rejects.toMatchObject({
      code: 'signer_key_file_invalid',
      message: `${path}: not a key of prv_astana`,
    });
  });

  it('refuses a file whose kid does not fit the seed', async () => {
    await loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] });
    const path = join(dataDir, 'keys', 'prv_astana.json');
    const stored = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...stored, kid: 'x' }));

    await expect(
      loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] }),
    ).rejects.toMatchObject({ code: 'signer_key_file_invalid' });
  });

  it('refuses a provider id that is not a safe file name', async () => {
    await expect(
      loadOrCreateDevKeys({ dataDir, providerIds: ['../outside'] }),
    ).rejects.toMatchObject({ code: 'signer_config_invalid' });
  });
});
