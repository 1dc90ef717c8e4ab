import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALMATY, ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import {
  applyWithFile,
  citizen,
  errorOf,
  getJson,
  type Headers,
  PDF,
  PNG,
  persona,
} from './support.js';

const abroad = persona('review-born-abroad');

interface QueueItem {
  id: string;
  status: string;
  deadline: string;
  overdue: boolean;
  applicantIin: string;
  childIin: string;
  attachment: { mediaType: string; size: number; link: string } | null;
}

describe.each(databaseTargets)('officers review applications on $name', (target) => {
  let registry: TestRegistry;
  let headers: Headers;
  beforeAll(async () => {
    registry = await startTestRegistry(target);
    headers = await citizen(registry, abroad);
  });
  afterAll(async () => {
    await registry.close();
  });

  /** The born-abroad persona applies with a copy of the birth certificate; it goes to review. */
  async function inReview(file = PDF) {
    const response = await applyWithFile(
      registry,
      headers,
      { type: abroad.type, childIin: abroad.childIin },
      { bytes: file, name: 'birth-certificate.pdf', type: 'application/pdf' },
    );
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await registry.processor.drain();
    return id;
  }

  const queue = async (officer: { authorization: string }) =>
    (await getJson<{ applications: QueueItem[] }>(registry, '/api/v1/review/applications', officer))
      .body.applications;

  const post = (path: string, officer: { authorization: string }, body?: unknown) =>
    registry.request(path, {
      method: 'POST',
      headers: asOfficer(officer),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  // Every test applies for the same child; one still in review would make the next test's a
  // second open application (409). So an officer decides what a test left in the queue, as one
  // would. Nine tests apply: within the persona's ten applications a day.
  afterEach(async () => {
    for (const { id } of await queue(ALMATY)) {
      const refused = await post(`/api/v1/review/applications/${id}/refuse`, ALMATY, {
        reason: 'document_invalid',
      });
      expect(refused.status).toBe(200);
    }
  });

  it('queues it for the provider of the decision, with deadline and masked IINs', async () => {
    const id = await inReview();
    const item = (await queue(ALMATY)).find((a) => a.id === id);

    expect(item).toMatchObject({
      status: 'review',
      deadline: '2026-12-03T07:30:00.000Z',
      overdue: false,
      attachment: { mediaType: 'application/pdf', size: PDF.length },
    });
    expect(item?.applicantIin).toBe(`••••••••••${abroad.iin.slice(10)}`);
    expect(JSON.stringify(item)).not.toContain(abroad.childIin);

    const mine = await getJson<{ status: string }>(registry, `/api/v1/applications/${id}`, headers);
    expect(mine.body.status).toBe('review');
  });

  it('shows the officer what the records say, to compare with the copy', async () => {
    const id = await inReview();
    const read = await getJson<{ facts: Record<string, unknown> }>(
      registry,
      `/api/v1/review/applications/${id}`,
      ALMATY,
    );
    expect(read.status).toBe(200);
    expect(read.body.facts).toMatchObject({
      outcome: 'review',
      decision: { providerId: 'prv_almaty_medeu', number: '05-09/655', kind: 'guardianship' },
      child: { lastName: 'Сейітқали', firstName: 'Томирис', middleName: 'Бауыржанқызы' },
    });
  });

  it('hides it from other providers: not in their queue, 404 on every action', async () => {
    const id = await inReview();
    expect((await queue(ASTANA)).map((a) => a.id)).not.toContain(id);

    const base = `/api/v1/review/applications/${id}`;
    for (const response of [
      await registry.request(base, { headers: ASTANA }),
      await registry.request(`${base}/attachment`, { headers: ASTANA }),
      await post(`${base}/approve`, ASTANA),
      await post(`${base}/refuse`, ASTANA, { reason: 'document_invalid' }),
    ]) {
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('not_found');
    }
    expect((await queue(ALMATY)).find((a) => a.id === id)?.status).toBe('review');
  });

  it('requires an officer: a citizen session is not enough', async () => {
    const response = await registry.request('/api/v1/review/applications', { headers });
    expect(response.status).toBe(401);
  });

  it('serves the attachment with the media type its content showed', async () => {
    const id = await inReview(PNG);
    const response = await registry.request(`/api/v1/review/applications/${id}/attachment`, {
      headers: ALMATY,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${id}.png"`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it('approved, issues a certificate of the provider that verifies valid', async () => {
    const id = await inReview();
    const response = await post(`/api/v1/review/applications/${id}/approve`, ALMATY);
    expect(response.status).toBe(200);
    const approved = (await response.json()) as { status: string; certificateId: string };
    expect(approved.status).toBe('issued');

    const row = await registry.store.certificate(approved.certificateId);
    expect(row?.providerId).toBe('prv_almaty_medeu');
    expect(row?.issuedBy).toBe('officer:off_almaty_1');
    const verdict = await getJson<{ verdict: string }>(
      registry,
      `/api/v1/verify/${row?.token}`,
      {},
    );
    expect(verdict.body.verdict).toBe('valid');

    // A second click answers the same result and signs nothing more.
    const again = await post(`/api/v1/review/applications/${id}/approve`, ALMATY);
    expect(((await again.json()) as { certificateId: string }).certificateId).toBe(row?.id);

    const mine = await getJson<{ status: string; history: { to: string; by: string }[] }>(
      registry,
      `/api/v1/applications/${id}`,
      headers,
    );
    expect(mine.body.status).toBe('issued');
    expect(mine.body.history.map((t) => `${t.to}:${t.by}`)).toEqual([
      'submitted:applicant',
      'processing:system',
      'review:system',
      'processing:officer',
      'issued:officer',
    ]);
    expect((await queue(ALMATY)).map((a) => a.id)).not.toContain(id);
  });

  it('refused, shows the reason and the comment to the applicant', async () => {
    const id = await inReview();
    const response = await post(`/api/v1/review/applications/${id}/refuse`, ALMATY, {
      reason: 'document_invalid',
      comment: 'Көшірме анық емес / Копия нечитаема',
    });
    expect(response.status).toBe(200);

    const mine = await getJson<{ status: string; refusal: Record<string, unknown> }>(
      registry,
      `/api/v1/applications/${id}`,
      headers,
    );
    expect(mine.body.status).toBe('refused');
    expect(mine.body.refusal).toMatchObject({
      code: 'document_invalid',
      comment: 'Көшірме анық емес / Копия нечитаема',
    });

    // Final now: neither approval nor another refusal changes it.
    const late = await post(`/api/v1/review/applications/${id}/approve`, ALMATY);
    expect(late.status).toBe(409);
    expect((await errorOf(late)).code).toBe('conflict');
  });

  it('refuses only with a known reason', async () => {
    const id = await inReview();
    const response = await post(`/api/v1/review/applications/${id}/refuse`, ALMATY, {
      reason: 'bad_mood',
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'validation_failed', field: 'reason' });
  });

  it('records every officer action with the officer, and nothing about the persons', async () => {
    const id = await inReview();
    await registry.request(`/api/v1/review/applications/${id}/attachment`, { headers: ALMATY });
    await post(`/api/v1/review/applications/${id}/approve`, ALMATY);

    const events = (await registry.store.db.query.events.findMany()).filter(
      (e) => (e.data as { applicationId?: string }).applicationId === id,
    );
    expect(events.map((e) => [e.kind, e.actor])).toEqual([
      ['application.submitted', 'applicant'],
      ['application.review', 'system:processor'],
      ['application.attachment_viewed', 'officer:off_almaty_1'],
      ['application.approved', 'officer:off_almaty_1'],
      ['application.issued', 'officer:off_almaty_1'],
    ]);
    const dump = JSON.stringify(events);
    for (const text of [abroad.iin, abroad.childIin, 'Сейітқали']) expect(dump).not.toContain(text);
  });

  it('flags it overdue past the deadline, and announces that once', async () => {
    const id = await inReview();
    registry.clock.advance?.(31 * 60_000);
    try {
      expect((await queue(ALMATY)).find((a) => a.id === id)?.overdue).toBe(true);

      expect(await registry.processor.flagOverdue()).toBeGreaterThan(0);
      expect(await registry.processor.flagOverdue()).toBe(0);
      const flagged = (await registry.store.db.query.events.findMany()).filter(
        (e) =>
          e.kind === 'application.overdue' &&
          (e.data as { applicationId?: string }).applicationId === id,
      );
      expect(flagged).toHaveLength(1);
      expect(flagged[0]?.providerId).toBe('prv_almaty_medeu');
      expect(registry.logger.lines.join('\n')).toContain(`"applicationId":"${id}"`);
    } finally {
      registry.clock.advance?.(-31 * 60_000);
    }
  });
});
