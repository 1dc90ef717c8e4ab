import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../db/schema.js';
import { ALMATY, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import { type CertificateJson, expectError, postIssue } from './client.js';

describe.each(databaseTargets)('Idempotency-Key on issue on $name', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  /** `certificate.issued` events in the log, counted with drizzle. */
  const issuedEvents = async () => {
    const rows = await registry.store.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(eq(events.kind, 'certificate.issued'));
    return rows[0]?.n ?? 0;
  };

  /** Lines the issuance logged just before signing. */
  const signings = () => registry.logger.lines.filter((l) => l.includes('"signing.start"')).length;

  const withKey = (key: string, body: unknown = guardianshipRequest()) =>
    postIssue(registry, body, { headers: { 'idempotency-key': key } });

  describe('a retried request', () => {
    let first: Response;
    let replay: Response;
    let firstBody: CertificateJson;
    let replayBody: CertificateJson;
    let signedBefore: number;

    beforeAll(async () => {
      first = await withKey('retry-1');
      firstBody = (await first.json()) as CertificateJson;
      signedBefore = signings();
      replay = await withKey('retry-1');
      replayBody = (await replay.json()) as CertificateJson;
    });

    it('is created once with 201, then answered with 200 and Idempotent-Replayed', () => {
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(replay.status).toBe(200);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
    });

    it('gets the same certificate: id, serial, token and Location', () => {
      expect(replayBody).toEqual(firstBody);
      expect(replay.headers.get('location')).toBe(`/api/v1/certificates/${firstBody.id}`);
    });

    it('signs nothing the second time', () => {
      expect(signings()).toBe(signedBefore);
    });

    it('records one certificate.issued event', async () => {
      const log = await registry.store.eventsFor(firstBody.id);
      expect(log.filter((e) => e.kind === 'certificate.issued')).toHaveLength(1);
    });
  });

  it('replays a body with its members in another order', async () => {
    const body = guardianshipRequest();
    const created = (await (await withKey('reordered', body)).json()) as CertificateJson;
    const reordered = {
      decision: body.decision,
      child: body.child,
      guardian: body.guardian,
      type: body.type,
    };

    const again = await withKey('reordered', reordered);
    expect(again.status).toBe(200);
    expect(((await again.json()) as CertificateJson).id).toBe(created.id);
  });

  it('answers the same key with another body with 409, issuing nothing', async () => {
    await withKey('conflict-1');
    const before = await registry.store.countCertificates();

    const response = await withKey('conflict-1', trusteeshipRequest());

    await expectError(response, {
      status: 409,
      code: 'idempotency_conflict',
      message: 'This Idempotency-Key was already used with a different request body',
    });
    expect(await registry.store.countCertificates()).toBe(before);
  });

  it('keeps keys apart per provider', async () => {
    const astana = (await (await withKey('shared-key', trusteeshipRequest())).json()) as {
      id: string;
    };
    const almatyResponse = await postIssue(registry, trusteeshipRequest(), {
      officer: ALMATY,
      headers: { 'idempotency-key': 'shared-key' },
    });

    expect(almatyResponse.status).toBe(201);
    expect(((await almatyResponse.json()) as { id: string }).id).not.toBe(astana.id);
  });

  it('issues anew for each request that carries no key', async () => {
    const a = (await (await postIssue(registry)).json()) as CertificateJson;
    const b = (await (await postIssue(registry)).json()) as CertificateJson;

    expect(a.id).not.toBe(b.id);
    expect(a.serial).not.toBe(b.serial);
  });

  it('issues one certificate for 10 simultaneous requests with one key', async () => {
    const before = await issuedEvents();
    const count = await registry.store.countCertificates();

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => withKey('burst-1', trusteeshipRequest())),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as CertificateJson[];

    expect(responses.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(await issuedEvents()).toBe(before + 1);
    expect(await registry.store.countCertificates()).toBe(count + 1);
  });

  it('gives 10 simultaneous requests without a key 10 distinct, consecutive serials', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => postIssue(registry)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as CertificateJson[];
    const numbers = bodies.map((b) => Number(b.serial.slice(-6))).sort((x, y) => x - y);

    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect((numbers.at(-1) ?? 0) - (numbers.at(0) ?? 0)).toBe(9);
    expect(new Set(numbers).size).toBe(10);
  });
});
