import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { captureLogger } from '../../src/logging/logger.js';
import { bootNode } from '../../src/node/boot.js';
import { CheckpointService, logOrigin } from '../../src/services/log-checkpoints.js';
import { LogStore } from '../../src/store/log-store.js';
import { localNoteSigningKey } from '../../src/translog/note-key.js';
import { PUBLIC_URL, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { issue } from './client.js';
import { getText } from './log-client.js';

// Two instances on one database must sign one log under one name with one key; an instance
// started with another PUBLIC_URL or log key would fork the log's identity.
describe.each(databaseTargets)('a log signed under another name on $name', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    await issue(registry);
    await getText(registry, '/api/v1/log/checkpoint'); // the first checkpoint, under our name
  });
  afterAll(async () => {
    await registry?.close();
  });

  /** Another instance's checkpoint service on the same database. */
  const instance = async (publicUrl: string, sameKey: boolean) => {
    const key = sameKey
      ? registry.logKey
      : await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
    return new CheckpointService({
      db: registry.database.db,
      logStore: new LogStore(registry.database.db),
      key,
      origin: logOrigin(publicUrl),
      clock: registry.clock,
      logger: captureLogger(),
      minIntervalMs: 0,
    });
  };

  it('is neither served nor extended by an instance with another PUBLIC_URL', async () => {
    const other = await instance('http://localhost:8794', true);
    await expect(other.latest()).rejects.toMatchObject({ code: 'foreign_checkpoint' });
    await expect(other.sign()).rejects.toMatchObject({ code: 'foreign_checkpoint' });
    await expect(other.checkOwnership()).rejects.toThrow(
      /not signed as localhost:8794\/registry-log/,
    );
  });

  it('is neither served nor extended by an instance with another log key', async () => {
    const other = await instance(PUBLIC_URL, false);
    await expect(other.latest()).rejects.toMatchObject({ code: 'foreign_checkpoint' });
    await expect(other.sign()).rejects.toMatchObject({ code: 'foreign_checkpoint' });
  });

  it('is served and extended by an instance with the same name and key', async () => {
    const same = await instance(PUBLIC_URL, true);
    await issue(registry);
    const before = await registry.services.transparencyLog.checkpoint();
    const signed = await same.sign();
    expect(signed.size).toBeGreaterThanOrEqual(before.size);
    await expect(same.checkOwnership()).resolves.toBeUndefined();
  });

  it('stops a Node start with another PUBLIC_URL, naming what to change', async () => {
    const config = loadConfig({
      PUBLIC_URL: 'http://localhost:8794',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
    });
    const start = bootNode({
      config,
      clock: registry.clock,
      logger: captureLogger(),
      keys: registry.keys,
      logKey: registry.logKey,
      database: { ...registry.database, close: async () => {} },
      seedCertificates: false,
      processing: false,
    });
    await expect(start).rejects.toThrow(
      /belongs to another PUBLIC_URL or LOG_SIGNING_KEY \(this start has http:\/\/localhost:8794\)/,
    );
  });
});
