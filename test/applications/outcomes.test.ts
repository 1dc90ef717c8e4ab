import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { applyAs, citizen, getJson, persona } from './support.js';

interface PersonaJson {
  key: string;
  iin: string;
  phone: string;
  childIin: string;
  type: string;
  outcome: string;
  eds: boolean;
  edsKeyFile: string | null;
}

interface ApplicationJson {
  id: string;
  status: string;
  deadline: string;
  submittedAt: string;
  certificate?: { id: string; documents: { pdf: string; png: string } };
  refusal?: { code: string; text: { kk: string; ru: string; en: string }; comment: null };
  history: { from: string | null; to: string; at: string; by: string; note: string | null }[];
}

describe.each(databaseTargets)('every path of an application on $name', (target) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry.close();
  });

  /** Applies as the persona, runs the queue once, and reads the application back. */
  async function outcomeOf(key: string) {
    const who = persona(key);
    const headers = await citizen(registry, who);
    const id = await applyAs(registry, who, headers);
    await registry.processor.drain();
    const read = await getJson<ApplicationJson>(registry, `/api/v1/applications/${id}`, headers);
    expect(read.status).toBe(200);
    return { who, headers, application: read.body };
  }

  it.each([
    ['issued-guardianship-astana', 'prv_astana'],
    ['issued-trusteeship-almaty', 'prv_almaty_medeu'],
  ])('%s is issued by the provider of the decision and verifies valid', async (key, provider) => {
    const { who, application } = await outcomeOf(key);

    expect(application.status).toBe('issued');
    expect(application.history.map((t) => [t.from, t.to, t.by])).toEqual([
      [null, 'submitted', 'applicant'],
      ['submitted', 'processing', 'system'],
      ['processing', 'issued', 'system'],
    ]);
    const issuedAt = application.history.at(-1)?.at ?? '';
    expect(new Date(issuedAt) <= new Date(application.deadline)).toBe(true);

    const certificateId = application.certificate?.id ?? '';
    const row = await registry.store.certificate(certificateId);
    expect(row?.providerId).toBe(provider);
    const record = JSON.parse(row?.record ?? '{}');
    expect(record.guardian.iin).toBe(who.iin);
    expect(record.child.iin).toBe(who.childIin);
    expect(record.type).toBe(who.type);

    const verdict = await getJson<{ verdict: string }>(
      registry,
      `/api/v1/verify/${row?.token}`,
      {},
    );
    expect(verdict.body.verdict).toBe('valid');
  });

  it('prints the decision number and date, and ends validity with the decision', async () => {
    const { application } = await outcomeOf('issued-trusteeship-almaty');
    const row = await registry.store.certificate(application.certificate?.id ?? '');
    const record = JSON.parse(row?.record ?? '{}');

    expect(record.decision).toEqual({ number: '05-09/781', date: '2026-11-19' });
    expect(record.guardian).toEqual({
      iin: persona('issued-trusteeship-almaty').iin,
      lastName: 'Иванов',
      firstName: 'Сергей',
      middleName: 'Петрович',
    });
    // The girl, born 2011-08-05, turns 18 on 2029-08-05: decision and default end the day before.
    expect(row?.validUntil).toBe('2029-08-04');
  });

  it.each([
    ['refused-no-decision', 'no_decision'],
    ['refused-decision-terminated', 'decision_terminated'],
    ['refused-not-guardian', 'not_guardian'],
    ['refused-child-adult', 'child_adult'],
    ['refused-person-unknown', 'person_unknown'],
    ['review-born-abroad', 'birth_certificate_required'],
  ])('%s is refused with reason %s, in three languages', async (key, reason) => {
    const { application, headers } = await outcomeOf(key);

    expect(application.status).toBe('refused');
    expect(application.certificate).toBeUndefined();
    expect(application.refusal?.code).toBe(reason);
    expect(application.refusal?.text.kk).toMatch(/[әіңғүұқөһ]/i);
    expect(application.refusal?.text.ru).toMatch(/[а-я]/);
    expect(application.refusal?.text.en).toMatch(/^[\x20-\x7e]+$/);
    expect(application.history.at(-1)).toMatchObject({ to: 'refused', note: reason });

    const notes = await getJson<{ notifications: { kind: string; reason: { code: string } }[] }>(
      registry,
      '/api/v1/cabinet/notifications',
      headers,
    );
    expect(notes.body.notifications[0]).toMatchObject({
      kind: 'refused',
      reason: { code: reason },
    });
  });

  it('tells the applicant in the cabinet when it was submitted and issued', async () => {
    const { headers } = await outcomeOf('issued-guardianship-astana');
    const notes = await getJson<{ notifications: { kind: string; message: { ru: string } }[] }>(
      registry,
      '/api/v1/cabinet/notifications',
      headers,
    );
    expect(notes.body.notifications.slice(0, 2).map((n) => n.kind)).toEqual([
      'issued',
      'submitted',
    ]);
    expect(notes.body.notifications[0]?.message.ru).toContain('выдана');
  });

  it('names applications and certificates in events and logs, never persons', async () => {
    await outcomeOf('issued-guardianship-astana');
    const events = await registry.store.db.query.events.findMany();
    const logged = registry.logger.lines.join('\n');
    const dump = JSON.stringify(events) + logged;

    for (const key of ['issued-guardianship-astana', 'refused-not-guardian']) {
      const who = persona(key);
      expect(dump).not.toContain(who.iin);
      expect(dump).not.toContain(who.childIin);
      expect(dump).not.toContain(who.name.split(' ')[0]);
    }
    expect(events.map((e) => e.kind)).toContain('application.issued');
    expect(logged).toContain('application.settled');
    // Nothing failed quietly along the way (a failed step is logged, then retried).
    expect(logged).not.toContain('"level":"error"');
  });

  describe('the demo personas', () => {
    it('list an applicant for every outcome, with phone, child and type', async () => {
      const response = await registry.request('/api/v1/dev/personas');
      expect(response.status).toBe(200);
      const { personas } = (await response.json()) as { personas: PersonaJson[] };

      expect(personas.map((p) => p.outcome).sort()).toEqual([
        'issued',
        'issued',
        'issued',
        'refused:child_adult',
        'refused:decision_terminated',
        'refused:no_decision',
        'refused:not_guardian',
        'refused:person_unknown',
        'review',
      ]);
      for (const p of personas) {
        expect(p.iin).toMatch(/^\d{12}$/);
        expect(p.childIin).toMatch(/^\d{12}$/);
        expect(p.phone).toMatch(/^\+7\d{10}$/);
        expect(['guardianship', 'trusteeship']).toContain(p.type);
        if (!p.eds) expect(p.edsKeyFile).toBeNull();
      }
    });

    it('lead where they promise when they apply', async () => {
      const { personas } = (await (await registry.request('/api/v1/dev/personas')).json()) as {
        personas: PersonaJson[];
      };
      const submit = registry.services.applications.submissions;
      const ids = new Map<string, string>();
      for (const p of personas) {
        const result = await submit.submit({
          applicant: { iin: p.iin, method: 'otp' },
          type: p.type as 'guardianship',
          childIin: p.childIin,
          // The review persona attaches a copy of the birth certificate, as the demo tells her to.
          attachment: p.outcome === 'review' ? new TextEncoder().encode('%PDF-1.7\n') : undefined,
        });
        if (result.status !== 'stored') throw new Error(`${p.key}: ${result.status}`);
        ids.set(p.key, result.application.id);
      }
      await registry.processor.drain();

      for (const p of personas) {
        const row = await registry.store.db.query.applications.findFirst({
          where: (a, { eq }) => eq(a.id, ids.get(p.key) ?? ''),
        });
        const reached = row?.status === 'refused' ? `refused:${row.refusalCode}` : row?.status;
        expect(reached).toBe(p.outcome);
      }
    });

    it('do not exist outside demo mode', async () => {
      const services = registry.services;
      const production = createApp({
        ...services,
        applications: { ...services.applications, personas: undefined },
      });
      const response = await production.request('http://localhost/api/v1/dev/personas');
      expect(response.status).toBe(404);
    });
  });
});
