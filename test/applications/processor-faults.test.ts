import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secureRandom } from '../../src/runtime/random.js';
import { IssuanceService } from '../../src/services/issuance.js';
import { LocalSigner } from '../../src/signer/local-signer.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import {
  applyAs,
  citizen,
  fixtureGateway,
  getJson,
  type Headers,
  persona,
  processorFor,
} from './support.js';

const guardian = persona('issued-guardianship-astana');

interface ApplicationJson {
  status: string;
  deadline: string;
  history: { from: string | null; to: string; note: string | null }[];
}

/** Certificates issued for one application, found by its issuance key. */
async function certificatesOf(registry: TestRegistry, id: string) {
  return registry.store.db.query.certificates.findMany({
    where: (c, { eq }) => eq(c.idempotencyKey, `application:${id}`),
  });
}

describe.each(databaseTargets)('the processor when things fail, on $name', (target) => {
  let registry: TestRegistry;
  let headers: Headers;
  beforeAll(async () => {
    registry = await startTestRegistry(target);
    headers = await citizen(registry, guardian);
  });
  afterAll(async () => {
    await registry.close();
  });

  const statusOf = async (id: string) =>
    (await getJson<{ status: string }>(registry, `/api/v1/applications/${id}`, headers)).body
      .status;

  it('failing between issuance and recording: the retry yields the same one certificate', async () => {
    const id = await applyAs(registry, guardian, headers);
    const failing = processorFor(registry, {
      faults: {
        afterIssue: () => {
          throw new Error('injected failure after signing');
        },
      },
    });

    await failing.runOnce();
    expect(await statusOf(id)).toBe('submitted');
    const [signed] = await certificatesOf(registry, id);
    expect(signed).toBeDefined();

    registry.clock.advance?.(5_000);
    await processorFor(registry).drain();
    const application = await getJson<{ status: string; certificate: { id: string } }>(
      registry,
      `/api/v1/applications/${id}`,
      headers,
    );
    expect(application.body.status).toBe('issued');
    expect(application.body.certificate.id).toBe(signed?.id);
    expect(await certificatesOf(registry, id)).toHaveLength(1);
  });

  it('on an instance without the seed of the active key: waits for one that has it, no review', async () => {
    const id = await applyAs(registry, guardian, headers);
    // Another instance's signer: the seeds of every provider but Astana (its key rotated there).
    const signer = await LocalSigner.create(
      registry.keys.filter((k) => k.providerId !== 'prv_astana'),
    );
    const elsewhere = processorFor(registry, {
      issuance: new IssuanceService({
        store: registry.store,
        signer,
        clock: registry.clock,
        random: secureRandom,
        logger: registry.logger,
      }),
    });

    expect(await elsewhere.runOnce()).toBe(1);
    expect(await statusOf(id)).toBe('submitted');
    expect(await certificatesOf(registry, id)).toHaveLength(0);
    const row = await registry.store.db.query.applications.findFirst({
      where: (a, { eq }) => eq(a.id, id),
    });
    expect(row?.lastError).toBe('signing_key_not_held');

    registry.clock.advance?.(60_000);
    await processorFor(registry).drain();
    expect(await statusOf(id)).toBe('issued');
  });

  it('gone for good after signing: after the lease, a restarted worker completes it', async () => {
    const id = await applyAs(registry, guardian, headers);

    // The first worker signs and then never comes back (its process died).
    let resume: () => void = () => {};
    const hung = processorFor(registry, {
      workerId: 'dead',
      leaseMs: 60_000,
      faults: { afterIssue: () => new Promise<void>((resolve) => (resume = resolve)) },
    });
    const dead = hung.runOnce();
    await waitUntil(async () => (await certificatesOf(registry, id)).length === 1);
    expect(await statusOf(id)).toBe('processing');

    // Before the lease runs out nobody takes it; after, the new worker does.
    const restarted = processorFor(registry, { workerId: 'restarted' });
    expect(await restarted.runOnce()).toBe(0);
    registry.clock.advance?.(61_000);
    expect(await restarted.runOnce()).toBe(1);
    expect(await statusOf(id)).toBe('issued');

    // The dead worker wakes up late: fenced out, it changes nothing and signs nothing.
    resume();
    await dead;
    expect(await statusOf(id)).toBe('issued');
    expect(await certificatesOf(registry, id)).toHaveLength(1);
    expect(registry.logger.lines.join('\n')).toContain('application.claim_lost');

    const history = await getJson<{ history: { to: string; note: string | null }[] }>(
      registry,
      `/api/v1/applications/${id}`,
      headers,
    );
    expect(history.body.history.map((t) => t.note)).toContain('lease_expired');
  });

  describe('while the state gateway is down', () => {
    const read = async (id: string) =>
      (await getJson<ApplicationJson>(registry, `/api/v1/applications/${id}`, headers)).body;

    it('applications wait, are retried after a backoff, and complete when it is back', async () => {
      const gateway = fixtureGateway(registry);
      const id = await applyAs(registry, guardian, headers);

      // 1. Down: the attempt fails, the application goes back to the queue; never a refusal.
      gateway.setAvailable(false);
      expect(await registry.processor.runOnce()).toBe(1);
      const waiting = await read(id);
      expect(waiting.status).toBe('submitted');
      const deadline = waiting.deadline;
      expect(waiting.history.at(-1)).toMatchObject({
        from: 'processing',
        to: 'submitted',
        note: 'gateway_unavailable',
      });
      const row = await registry.store.db.query.applications.findFirst({
        where: (a, { eq }) => eq(a.id, id),
      });
      expect(row?.lastError).toBe('gateway_unavailable');

      // 2. Not due again before the backoff: nothing is claimed at once.
      expect(await registry.processor.runOnce()).toBe(0);

      // 3. Still down after the backoff: tried again, still waiting.
      registry.clock.advance?.(2_000);
      expect(await registry.processor.runOnce()).toBe(1);
      expect((await read(id)).status).toBe('submitted');

      // 4. Back up: the next due attempt issues, within the original deadline.
      gateway.setAvailable(true);
      registry.clock.advance?.(5_000);
      await registry.processor.drain();
      const done = await read(id);
      expect(done.status).toBe('issued');
      expect(done.deadline).toBe(deadline);
      expect(done.history.filter((t) => t.note === 'gateway_unavailable')).toHaveLength(2);
    });

    it('a source that is down for one call is never read as "not found"', async () => {
      const gateway = fixtureGateway(registry);
      const id = await applyAs(registry, guardian, headers);

      gateway.setAvailable(false, 'civil_registry');
      registry.clock.advance?.(60_000);
      await registry.processor.runOnce();
      expect((await read(id)).status).toBe('submitted');

      gateway.setAvailable(true);
      registry.clock.advance?.(60_000);
      await registry.processor.drain();
      expect((await read(id)).status).toBe('issued');
    });
  });
});

/** Polls `check` until it holds (or fails the test after two seconds). */
async function waitUntil(check: () => Promise<boolean>) {
  const until = Date.now() + 2_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
