import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/runtime/clock.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { issue, postRevoke, tokenOf, verify } from './client.js';

describe.each(databaseTargets)('scans that overlap a revocation on $name', (target) => {
  const clock = fixedClock('2026-12-03T07:00:00Z');
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target, { clock });
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('answers the overlapping scan from its read, and the next one from a fresh read', async () => {
    const certificate = await issue(registry);
    const token = tokenOf(certificate.verifyUrl);

    // The verify path's registry read takes its snapshot now, then is held until the
    // revocation below has committed and told the verifier to forget the certificate.
    const store = registry.store;
    const read = store.certificatesById.bind(store);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let snapshotTaken = () => {};
    const snapshot = new Promise<void>((resolve) => (snapshotTaken = resolve));
    store.certificatesById = async (ids) => {
      const rows = await read(ids);
      snapshotTaken();
      await held;
      return rows;
    };

    const overlapping = verify(registry, token);
    await snapshot;
    store.certificatesById = read;
    await postRevoke(registry, certificate.id, { reason: 'issued_in_error' });
    release();

    // Same instant on the clock: a cached old row would still be fresh under the 1 s TTL.
    expect((await overlapping).verdict).toBe('valid');
    const after = await verify(registry, token);
    expect(after.verdict).toBe('revoked');
    expect(after.revocation?.reason).toBe('issued_in_error');
  });

  it('reads the rows of concurrent scans of many certificates in few queries', async () => {
    const certificates = await Promise.all(Array.from({ length: 12 }, () => issue(registry)));
    const tokens = certificates.map((c) => tokenOf(c.verifyUrl));
    clock.advance(5_000);

    const store = registry.store;
    const read = store.certificatesById.bind(store);
    const batches: number[] = [];
    store.certificatesById = async (ids) => {
      batches.push(ids.length);
      // The first read is slow, as under load: the other scans reach the store meanwhile (on a
      // busy machine they could otherwise arrive one by one, each after the last read ended).
      if (batches.length === 1) await new Promise((resolve) => setTimeout(resolve, 200));
      return read(ids);
    };
    const results = await Promise.all(tokens.map((t) => verify(registry, t)));
    store.certificatesById = read;

    expect(results.map((r) => r.verdict)).toEqual(tokens.map(() => 'valid'));
    expect(results.map((r) => r.certificate?.id)).toEqual(certificates.map((c) => c.id));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(12);
    expect(batches.length).toBeLessThan(12);
  });
});
