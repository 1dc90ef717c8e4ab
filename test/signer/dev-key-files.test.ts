import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadOrCreateDevKeys } from '../../src/signer/dev-key-files.js';
import { DevKeyMaker } from '../../src/signer/key-maker.js';
import { LocalSigner } from '../../src/signer/local-signer.js';

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

  it('loads the keys a rotation wrote after the first one, and a signer takes them', async () => {
    const [first] = await loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] });
    const signer = await LocalSigner.create(first ? [first] : []);
    const maker = new DevKeyMaker(signer, dataDir);
    const rotated = await maker.createKey('prv_astana');
    await loadOrCreateDevKeys({ dataDir, providerIds: ['prv_almaty'] });

    const again = await loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] });
    expect(again.map((k) => k.kid)).toEqual([first?.kid, rotated.kid]);
    expect(signer.has(rotated.kid)).toBe(true);

    const path = join(dataDir, 'keys', `prv_astana.${rotated.kid}.json`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
      providerId: 'prv_astana',
      kid: rotated.kid,
    });
  });

  it('refuses a rotated key file whose kid does not fit its seed', async () => {
    const [first] = await loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] });
    const path = join(dataDir, 'keys', 'prv_astana.json');
    const stored = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(
      join(dataDir, 'keys', 'prv_astana.other.json'),
      JSON.stringify({ ...stored, kid: 'x' }),
    );

    expect(first).toBeDefined();
    await expect(
      loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] }),
    ).rejects.toMatchObject({ code: 'signer_key_file_invalid' });
  });

  it('lets a signer adopt a key only once', async () => {
    const [first] = await loadOrCreateDevKeys({ dataDir, providerIds: ['prv_astana'] });
    if (!first) throw new Error('no key');
    const signer = await LocalSigner.create([first]);

    await expect(signer.adopt(first)).rejects.toMatchObject({ code: 'signer_config_invalid' });
  });
});
