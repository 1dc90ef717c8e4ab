import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, logEntries } from '../../db/schema.js';
import { AppError } from '../../src/domain/errors.js';
import type { IssueCommand } from '../../src/services/issuance.js';
import { decodeLogEntry } from '../../src/translog/log-entry.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import { verify } from './client.js';

const ASTANA_PROVIDER = 'prv_astana';
const ALMATY_PROVIDER = 'prv_almaty_medeu';

describe.each(databaseTargets)('issuances that share a transaction on $name', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  const command = (overrides: Partial<IssueCommand> = {}): IssueCommand => ({
    actor: 'system:test',
    providerId: ASTANA_PROVIDER,
    request: guardianshipRequest(),
    ...overrides,
  });
  const issue = (overrides: Partial<IssueCommand> = {}) =>
    registry.services.issuance.issue(command(overrides));
  const eventsOf = (id: string) =>
    registry.database.db.select().from(events).where(eq(events.certificateId, id));
  const leafOf = async (id: string) =>
    (await registry.database.db.select().from(logEntries).where(eq(logEntries.certificateId, id)))
      .map((row) => ({ index: row.index, entry: decodeLogEntry(row.data) }))
      .at(0);

  it('gives 24 simultaneous issuances distinct consecutive serials, each with its event and leaf', async () => {
    const results = await Promise.all(Array.from({ length: 24 }, () => issue()));
    const rows = results.map((r) => r.certificate);
    const numbers = rows.map((r) => Number(r.serial.slice(-6))).sort((a, b) => a - b);

    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(numbers).size).toBe(24);
    expect((numbers.at(-1) ?? 0) - (numbers.at(0) ?? 0)).toBe(23);

    const leaves = await Promise.all(rows.map((r) => leafOf(r.id)));
    expect(new Set(leaves.map((l) => l?.index)).size).toBe(24);
    for (const [i, row] of rows.entries()) {
      expect(leaves[i]?.entry).toMatchObject({
        kind: 'certificate.issued',
        certificateId: row.id,
        recordDigest: row.recordDigest,
      });
      expect((await eventsOf(row.id)).map((e) => e.kind)).toEqual(['certificate.issued']);
      expect((await verify(registry, row.token)).verdict).toBe('valid');
    }
  });

  it('answers a conflicting Idempotency-Key in a batch with 409 and issues the others', async () => {
    await issue({ idempotencyKey: 'batch-conflict' });

    const results = await Promise.allSettled([
      issue(),
      issue({ idempotencyKey: 'batch-conflict', request: trusteeshipRequest() }),
      issue(),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = results[1] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect(refused.reason).toMatchObject({
      code: 'idempotency_conflict',
      message: 'This Idempotency-Key was already used with a different request body',
    });
  });

  it('issues once for one new key carried twice in a batch, and refuses the other body', async () => {
    const before = await registry.store.countCertificates();
    const results = await Promise.allSettled([
      issue({ idempotencyKey: 'batch-twice' }),
      issue({ idempotencyKey: 'batch-twice' }),
      issue({ idempotencyKey: 'batch-twice', request: trusteeshipRequest() }),
    ]);

    const [first, second, third] = results;
    expect(first?.status).toBe('fulfilled');
    expect(second?.status).toBe('fulfilled');
    if (first?.status !== 'fulfilled' || second?.status !== 'fulfilled') return;
    expect(first.value.created).toBe(true);
    expect(second.value).toMatchObject({ created: false });
    expect(second.value.certificate.id).toBe(first.value.certificate.id);
    expect(third).toMatchObject({ status: 'rejected', reason: { code: 'idempotency_conflict' } });
    expect(await registry.store.countCertificates()).toBe(before + 1);
  });

  it('retries a failed batch one by one, so one failing issuance fails alone', async () => {
    const signer = (registry.services.issuance as unknown as { deps: { signer: Signer } }).deps
      .signer;
    const sign = signer.sign.bind(signer);
    let calls = 0;
    // The second signature of the batch fails once; alone, it is tried again and succeeds.
    signer.sign = async (kid, message) => {
      calls += 1;
      if (calls === 2) throw new Error('signer unavailable');
      return sign(kid, message);
    };
    const before = await registry.store.countCertificates();
    try {
      const results = await Promise.allSettled([issue(), issue(), issue()]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    } finally {
      signer.sign = sign;
    }
    expect(await registry.store.countCertificates()).toBe(before + 3);
    const entries = await registry.database.db.select().from(logEntries);
    const issuedLeaves = entries.filter((e) => e.kind === 'certificate.issued').length;
    expect(issuedLeaves).toBe(await registry.store.countCertificates());
  });

  it('rejects only the issuance whose failure repeats when tried alone', async () => {
    const signer = (registry.services.issuance as unknown as { deps: { signer: Signer } }).deps
      .signer;
    const sign = signer.sign.bind(signer);
    const almaty = await issue({ providerId: ALMATY_PROVIDER });
    // From now on the Almaty key cannot sign: its issuance fails in the batch and alone.
    signer.sign = async (kid, message) => {
      if (kid === almaty.certificate.kid) throw new Error('signer unavailable');
      return sign(kid, message);
    };
    const before = await registry.store.countCertificates();
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled([
        issue(),
        issue({ providerId: ALMATY_PROVIDER }),
        issue(),
      ]);
    } finally {
      signer.sign = sign;
    }

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
      message: 'signer unavailable',
    });
    expect(await registry.store.countCertificates()).toBe(before + 2);
  });
});

interface Signer {
  sign(kid: string, message: Uint8Array): Promise<Uint8Array>;
}
