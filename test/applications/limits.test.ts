import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, attachments } from '../../db/schema.js';
import { ApplicationStore } from '../../src/applications/application-store.js';
import { SubmissionService } from '../../src/applications/submission.js';
import { APPLICATIONS_PER_DAY } from '../../src/applications/submission-limits.js';
import { secureRandom } from '../../src/runtime/random.js';
import { ALMATY, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { signedInAs } from '../support/citizen.js';
import { databaseTargets } from '../support/databases.js';
import { makeIin } from '../support/iin.js';
import {
  apply,
  applyWithFile,
  citizen,
  errorOf,
  type Headers,
  PDF,
  persona,
  unknownChild,
} from './support.js';

/** The `n`-th made-up adult applicant, unknown to the state records: for submission alone. */
const adult = (n: number) => makeIin('1988-03-14', 'male', 9_000 + 10 * n);

/** 12:00 in Almaty on the test day; the day ends at 19:00 UTC. */
const SECONDS_TO_MIDNIGHT = 12 * 3600;

describe.each(databaseTargets)('limits on applying on $name', (target) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry.close();
  });

  async function submitted(response: Response): Promise<string> {
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  async function stored(applicantIin: string, childIin?: string) {
    const conditions = [eq(applications.applicantIin, applicantIin)];
    if (childIin !== undefined) conditions.push(eq(applications.childIin, childIin));
    return registry.store.db
      .select()
      .from(applications)
      .where(and(...conditions));
  }

  describe('one open application per applicant, child and type', () => {
    it('refuses a second while the first is open: 409 on childIin, pointing at the first', async () => {
      const who = persona('issued-guardianship-astana');
      const headers = await citizen(registry, who);
      const body = { type: who.type, childIin: who.childIin };
      const first = await submitted(await apply(registry, headers, body));

      const second = await apply(registry, headers, body);
      expect(second.status).toBe(409);
      expect(second.headers.get('location')).toBe(`/api/v1/applications/${first}`);
      const error = await errorOf(second);
      expect(error).toMatchObject({ code: 'application_open', field: 'childIin' });
      expect(error.message).toBe(
        `childIin: an application for this child and certificate type is already being ` +
          `processed (${first}); follow it, and apply again once it is issued or refused`,
      );
      expect(error.message).not.toContain(who.childIin);
      expect(error.message).not.toContain(who.iin);

      // With a copy attached it is refused the same, and the file is not kept.
      const withFile = await applyWithFile(registry, headers, body, {
        bytes: PDF,
        name: 'copy.pdf',
        type: 'application/pdf',
      });
      expect(withFile.status).toBe(409);
      expect((await errorOf(withFile)).code).toBe('application_open');
      expect(await stored(who.iin)).toHaveLength(1);
      expect(await registry.store.db.select().from(attachments)).toHaveLength(0);

      // The refusals are logged without a person in them.
      const logged = registry.logger.lines.filter((l) => l.includes('application.already_open'));
      expect(logged).toHaveLength(2);
      expect(logged.join('\n')).toContain(first);
      expect(logged.join('\n')).not.toContain(who.childIin);

      // Issued: the next application is taken, and the one after it waits again.
      await registry.processor.drain();
      const next = await submitted(await apply(registry, headers, body));
      expect(next).not.toBe(first);
      const third = await apply(registry, headers, body);
      expect(third.status).toBe(409);
      expect(third.headers.get('location')).toBe(`/api/v1/applications/${next}`);
      await registry.processor.drain();
    });

    it('takes an application for the other certificate type about the same child', async () => {
      const who = persona('issued-trusteeship-almaty');
      const headers = await citizen(registry, who);
      await submitted(await apply(registry, headers, { type: who.type, childIin: who.childIin }));
      await submitted(
        await apply(registry, headers, { type: 'guardianship', childIin: who.childIin }),
      );
      await registry.processor.drain();
    });

    it('takes a new one after the first was refused by the system', async () => {
      const who = persona('refused-no-decision');
      const headers = await citizen(registry, who);
      const body = { type: who.type, childIin: who.childIin };
      const first = await submitted(await apply(registry, headers, body));
      await registry.processor.drain();
      const [row] = await stored(who.iin);
      expect(row).toMatchObject({ id: first, status: 'refused' });

      await submitted(await apply(registry, headers, body));
      await registry.processor.drain();
    });

    it('counts one in review as open, and takes a new one after an officer refused it', async () => {
      const who = persona('review-born-abroad');
      const headers = await citizen(registry, who);
      const fields = { type: who.type, childIin: who.childIin };
      const file = { bytes: PDF, name: 'birth-certificate.pdf', type: 'application/pdf' };
      const first = await submitted(await applyWithFile(registry, headers, fields, file));
      await registry.processor.drain();
      expect((await stored(who.iin))[0]?.status).toBe('review');

      const again = await applyWithFile(registry, headers, fields, file);
      expect(again.status).toBe(409);
      expect(again.headers.get('location')).toBe(`/api/v1/applications/${first}`);

      const refused = await registry.request(`/api/v1/review/applications/${first}/refuse`, {
        method: 'POST',
        headers: asOfficer(ALMATY),
        body: JSON.stringify({ reason: 'document_invalid' }),
      });
      expect(refused.status).toBe(200);
      const next = await submitted(await applyWithFile(registry, headers, fields, file));
      await registry.request(`/api/v1/review/applications/${next}/refuse`, {
        method: 'POST',
        headers: asOfficer(ALMATY),
        body: JSON.stringify({ reason: 'document_invalid' }),
      });
    });

    it('answers a replay of the same Idempotency-Key with the original, open or finished', async () => {
      const who = persona('refused-not-guardian');
      const headers = await citizen(registry, who);
      const body = { type: who.type, childIin: who.childIin };
      const key = { 'idempotency-key': 'limits-replay-1' };
      const first = await submitted(await apply(registry, headers, body, key));

      const replay = await apply(registry, headers, body, key);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await submitted(replay)).toBe(first);

      // Another key is another application, and this one is still open.
      const other = await apply(registry, headers, body, { 'idempotency-key': 'limits-replay-2' });
      expect(other.status).toBe(409);

      await registry.processor.drain();
      const late = await apply(registry, headers, body, key);
      expect(late.headers.get('idempotent-replayed')).toBe('true');
      expect(await submitted(late)).toBe(first);
      expect(await stored(who.iin)).toHaveLength(1);
    });

    it('lets exactly one of several simultaneous submissions for one pair through', async () => {
      const iin = adult(1);
      const headers = await signedInAs(registry, iin);
      const body = { type: 'guardianship', childIin: unknownChild(1) };

      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          apply(registry, headers, body, { 'idempotency-key': `race-${i}` }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([202, 409, 409, 409, 409, 409]);

      const rows = await stored(iin);
      expect(rows).toHaveLength(1);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(response.headers.get('location')).toBe(`/api/v1/applications/${rows[0]?.id}`);
      }
    });

    it('holds up nobody else: another citizen applies for another child, or for the same', async () => {
      const [a, b] = [adult(2), adult(3)];
      const [aHeaders, bHeaders] = [await signedInAs(registry, a), await signedInAs(registry, b)];
      const [x, y] = [unknownChild(2), unknownChild(3)];
      const mine = await submitted(
        await apply(registry, aHeaders, { type: 'guardianship', childIin: x }),
      );

      await submitted(await apply(registry, bHeaders, { type: 'guardianship', childIin: y }));
      // A stranger's open application about a child must not stop the child's guardian, and the
      // guardian's refusal names only their own application.
      await submitted(await apply(registry, bHeaders, { type: 'guardianship', childIin: x }));
      const again = await apply(registry, aHeaders, { type: 'guardianship', childIin: x });
      expect(again.status).toBe(409);
      expect(again.headers.get('location')).toBe(`/api/v1/applications/${mine}`);
    });
  });

  describe(`at most ${APPLICATIONS_PER_DAY} applications a day per applicant`, () => {
    it('refuses the next with 429 and Retry-After until Almaty midnight, then takes it', async () => {
      const iin = adult(4);
      const headers = await signedInAs(registry, iin);
      const child = (n: number) => ({ type: 'guardianship', childIin: unknownChild(100 + n) });
      for (let n = 0; n < APPLICATIONS_PER_DAY; n++) {
        await submitted(
          await apply(registry, headers, child(n), { 'idempotency-key': `day-${n}` }),
        );
      }

      const over = await apply(registry, headers, child(APPLICATIONS_PER_DAY));
      expect(over.status).toBe(429);
      expect(over.headers.get('retry-after')).toBe(String(SECONDS_TO_MIDNIGHT));
      const error = await errorOf(over);
      expect(error.code).toBe('rate_limited');
      expect(error.message).toBe(
        `Too many applications today: at most ${APPLICATIONS_PER_DAY} a day for one applicant ` +
          `(Almaty time); try again in ${SECONDS_TO_MIDNIGHT} s`,
      );
      expect(await stored(iin)).toHaveLength(APPLICATIONS_PER_DAY);

      // A replay is not a new application: it still answers.
      const replay = await apply(registry, headers, child(0), { 'idempotency-key': 'day-0' });
      expect(replay.status).toBe(202);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');

      // Counted in the database: another instance of the service over it refuses too.
      const db = registry.database.db;
      const elsewhere = new SubmissionService({
        db,
        store: registry.store,
        applications: new ApplicationStore(db),
        gateway: registry.gateway,
        clock: registry.clock,
        random: secureRandom,
        logger: registry.logger,
      });
      const there = await elsewhere.submit({
        applicant: { iin, method: 'otp' },
        type: 'guardianship',
        childIin: unknownChild(100 + APPLICATIONS_PER_DAY),
      });
      expect(there).toMatchObject({ status: 'rate_limited', limit: APPLICATIONS_PER_DAY });

      // Another citizen is not held up.
      const other = await signedInAs(registry, adult(5));
      await submitted(await apply(registry, other, child(0)));

      // The next Almaty day counts afresh (in a new session: the first has expired by then).
      registry.clock.advance?.(SECONDS_TO_MIDNIGHT * 1000);
      try {
        const tomorrow = await signedInAs(registry, iin);
        await submitted(await apply(registry, tomorrow, child(APPLICATIONS_PER_DAY)));
      } finally {
        registry.clock.advance?.(-SECONDS_TO_MIDNIGHT * 1000);
      }
    });

    it('holds when the submissions come all at once', async () => {
      const iin = adult(6);
      const headers: Headers = await signedInAs(registry, iin);
      const extra = 5;
      const responses = await Promise.all(
        Array.from({ length: APPLICATIONS_PER_DAY + extra }, (_, n) =>
          apply(registry, headers, { type: 'guardianship', childIin: unknownChild(200 + n) }),
        ),
      );

      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(APPLICATIONS_PER_DAY);
      expect(statuses.filter((s) => s === 429)).toHaveLength(extra);
      expect(await stored(iin)).toHaveLength(APPLICATIONS_PER_DAY);
    });
  });
});
