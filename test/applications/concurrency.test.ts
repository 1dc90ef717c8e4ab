import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, applicationTransitions, certificates } from '../../db/schema.js';
import { guardianCrowd } from '../../src/gateway/fixture-crowd.js';
import { FixtureGateway } from '../../src/gateway/fixture-gateway.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { processorFor } from './support.js';

const COUNT = 200;

/**
 * Two hundred guardians, each applying once for their own child: one persona applying two
 * hundred times would meet the limits on applying (one open application per child, ten a day).
 */
const crowd = guardianCrowd('2026-12-03', COUNT); // the test registry's day in Almaty

describe.each(databaseTargets)('two workers racing on one queue on $name', (target) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry(target, { gateway: new FixtureGateway(crowd.records) });
  });
  afterAll(async () => {
    await registry.close();
  });

  it(`turn ${COUNT} applications into ${COUNT} certificates, none twice`, async () => {
    for (const who of crowd.members) {
      const submitted = await registry.services.applications.submissions.submit({
        applicant: { iin: who.iin, method: 'otp' },
        type: who.type,
        childIin: who.childIin,
      });
      expect(submitted.status).toBe('stored');
    }

    const settled: string[] = [];
    const worker = (name: string) =>
      processorFor(registry, {
        workerId: name,
        batchSize: 8,
        onSettled: (id) => settled.push(`${name}:${id}`),
      });
    const [a, b] = await Promise.all([worker('a').drain(), worker('b').drain()]);

    // Every application was claimed once, by one worker or the other.
    expect(a + b).toBe(COUNT);
    expect(settled).toHaveLength(COUNT);
    const db = registry.store.db;
    const claims = await db.select().from(applicationTransitions);
    expect(claims.filter((t) => t.to === 'processing')).toHaveLength(COUNT);

    // Each is issued, each with its own certificate, and nothing else was signed.
    const rows = await db.select().from(applications);
    expect(rows.every((r) => r.status === 'issued')).toBe(true);
    const linked = new Set(rows.map((r) => r.certificateId));
    expect(linked.size).toBe(COUNT);

    const signed = await db
      .select()
      .from(certificates)
      .where(like(certificates.idempotencyKey, 'application:%'));
    expect(signed).toHaveLength(COUNT);
    expect(new Set(signed.map((c) => c.idempotencyKey)).size).toBe(COUNT);
    expect(new Set(signed.map((c) => `${c.providerId}:${c.serial}`)).size).toBe(COUNT);
    expect(signed.every((c) => linked.has(c.id))).toBe(true);

    // On PostgreSQL the two workers really ran side by side.
    if (target.name === 'postgres') {
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    }
  }, 120_000);
});
