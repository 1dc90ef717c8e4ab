import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { breakCheckDigit } from '../support/iin.js';
import {
  apply,
  applyWithFile,
  citizen,
  errorOf,
  getJson,
  type Headers,
  JPEG,
  PDF,
  PNG,
  persona,
  unknownChild,
} from './support.js';

const guardian = persona('issued-guardianship-astana');
const body = { type: guardian.type, childIin: guardian.childIin };

/**
 * The first test applies for the persona's own child, and nothing here is processed, so that
 * application stays open: every later test that stores one applies for a child of its own.
 */
let children = 0;
const anotherChild = () => unknownChild(++children);

describe('submitting an application', () => {
  let registry: TestRegistry;
  let headers: Headers;
  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[0]);
    headers = await citizen(registry, guardian);
  });
  afterAll(async () => {
    await registry.close();
  });

  it('stores it and answers 202 with id, status and a deadline 30 minutes on', async () => {
    const response = await apply(registry, headers, body);
    expect(response.status).toBe(202);

    const json = (await response.json()) as Record<string, string>;
    expect(json).toMatchObject({
      status: 'submitted',
      submittedAt: '2026-12-03T07:00:00.000Z',
      deadline: '2026-12-03T07:30:00.000Z',
      signedWith: 'otp',
    });
    expect(json.id).toMatch(/^app_[a-z2-7]{26}$/);
    expect(response.headers.get('location')).toBe(`/api/v1/applications/${json.id}`);

    // Stored before it was acknowledged, with the document the session certified.
    const row = await registry.store.db.query.applications.findFirst({
      where: (a, { eq }) => eq(a.id, json.id ?? ''),
    });
    expect(JSON.parse(row?.document ?? '{}')).toEqual({
      service: 'kz.guardianship-certificate',
      v: 1,
      applicationId: json.id,
      applicantIin: guardian.iin,
      childIin: guardian.childIin,
      type: 'guardianship',
      submittedAt: '2026-12-03T07:00:00.000Z',
    });
    expect(row?.applicantSignature).toBeNull();
  });

  it('requires a session, and the CSRF token on the POST', async () => {
    const anonymous = await apply(registry, {}, body);
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('unauthorized');

    const forged = await apply(registry, { cookie: headers.cookie ?? '' }, body);
    expect(forged.status).toBe(403);
    expect((await errorOf(forged)).code).toBe('forbidden');
  });

  it.each([
    ['a wrong check digit', breakCheckDigit(guardian.childIin)],
    ['eleven digits', guardian.childIin.slice(1)],
    ['letters', 'abcdefghijkl'],
  ])('refuses a child IIN with %s: 422 naming childIin', async (_, childIin) => {
    const response = await apply(registry, headers, { ...body, childIin });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'invalid_iin', field: 'childIin' });
    expect(error.message).not.toContain(childIin);
  });

  it('refuses the applicant as their own child', async () => {
    const response = await apply(registry, headers, { ...body, childIin: guardian.iin });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'same_person', field: 'childIin' });
  });

  it.each([
    [{ childIin: guardian.childIin }, 'type', 'type: is required'],
    [{ ...body, type: 'adoption' }, 'type', 'type: expected "guardianship" or "trusteeship"'],
    [{ type: 'guardianship' }, 'childIin', 'childIin: is required'],
    [{ ...body, childIin: 870412 }, 'childIin', 'childIin:'],
    [{ ...body, comment: 'x' }, 'comment', 'comment: unknown field'],
    [{ ...body, foo: 1, bar: 2 }, 'foo', 'foo: unknown field (and 1 more)'],
    [{ ...body, signature: 'AAAA' }, 'applicationId', 'applicationId: is required'],
  ])('answers 400 naming the field for %j', async (input, field, message) => {
    const response = await apply(registry, headers, input);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('answers 400 for a body that is not JSON, 415 for another media type', async () => {
    const broken = await registry.request('/api/v1/applications', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe('malformed_json');

    const text = await registry.request('/api/v1/applications', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'guardianship',
    });
    expect(text.status).toBe(415);
    expect((await errorOf(text)).code).toBe('unsupported_media_type');
  });

  describe('Idempotency-Key', () => {
    it('answers a repeat with the same application and stores one', async () => {
      const key = { 'idempotency-key': 'retry-1' };
      const input = { ...body, childIin: anotherChild() };
      const first = await apply(registry, headers, input, key);
      const again = await apply(registry, headers, input, key);

      expect(first.status).toBe(202);
      expect(again.status).toBe(202);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const [a, b] = [
        (await first.json()) as { id: string },
        (await again.json()) as { id: string },
      ];
      expect(b.id).toBe(a.id);

      const rows = await registry.store.db.query.applications.findMany({
        where: (t, { eq }) => eq(t.idempotencyKey, 'retry-1'),
      });
      expect(rows).toHaveLength(1);
    });

    it('answers 409 when the key comes back with another application', async () => {
      const key = { 'idempotency-key': 'retry-2' };
      const input = { ...body, childIin: anotherChild() };
      expect((await apply(registry, headers, input, key)).status).toBe(202);

      const other = await apply(registry, headers, { ...input, type: 'trusteeship' }, key);
      expect(other.status).toBe(409);
      expect((await errorOf(other)).code).toBe('idempotency_conflict');
    });

    it('keeps keys apart between citizens', async () => {
      const key = { 'idempotency-key': 'same-key' };
      const other = persona('refused-no-decision');
      const first = await apply(registry, headers, { ...body, childIin: anotherChild() }, key);
      const second = await apply(
        registry,
        await citizen(registry, other),
        { type: other.type, childIin: other.childIin },
        key,
      );
      expect(second.status).toBe(202);
      const [a, b] = [
        (await first.json()) as { id: string },
        (await second.json()) as { id: string },
      ];
      expect(b.id).not.toBe(a.id);
    });

    it('refuses a key that is not visible ASCII', async () => {
      const response = await apply(registry, headers, body, { 'idempotency-key': 'a b' });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).field).toBe('Idempotency-Key');
    });
  });

  describe('an attachment', () => {
    const fields = { type: guardian.type, childIin: guardian.childIin };

    it.each([
      ['a PDF', PDF, 'copy.pdf', 'application/pdf'],
      ['a JPEG', JPEG, 'copy.jpg', 'image/jpeg'],
      ['a PNG named .pdf and declared as PDF', PNG, 'copy.pdf', 'image/png'],
    ])('takes %s and records the type its content shows', async (_, bytes, name, expected) => {
      const own = { ...fields, childIin: anotherChild() };
      const response = await applyWithFile(registry, headers, own, {
        bytes,
        name,
        type: 'application/pdf',
      });
      expect(response.status).toBe(202);

      const { id } = (await response.json()) as { id: string };
      const read = await getJson<{ attachment: { mediaType: string; size: number } }>(
        registry,
        `/api/v1/applications/${id}`,
        headers,
      );
      expect(read.body.attachment).toMatchObject({ mediaType: expected, size: bytes.length });
    });

    it('refuses an unknown form field with 400 naming it', async () => {
      const response = await applyWithFile(
        registry,
        headers,
        { ...fields, foo: '1' },
        { bytes: PDF, name: 'copy.pdf', type: 'application/pdf' },
      );
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({
        code: 'validation_failed',
        message: 'foo: unknown field',
        field: 'foo',
      });
    });

    it('refuses a text file named .pdf: 415 naming attachment', async () => {
      const bytes = new TextEncoder().encode('This is my birth certificate, honestly.');
      const response = await applyWithFile(registry, headers, fields, {
        bytes,
        name: 'certificate.pdf',
        type: 'application/pdf',
      });
      expect(response.status).toBe(415);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'unsupported_media_type', field: 'attachment' });
      expect(error.message).toContain('PDF, JPEG or PNG');
    });

    it('refuses a file over 5 MB: 413 naming attachment', async () => {
      const bytes = new Uint8Array(5 * 1024 * 1024 + 1);
      bytes.set(PDF);
      const response = await applyWithFile(registry, headers, fields, {
        bytes,
        name: 'big.pdf',
        type: 'application/pdf',
      });
      expect(response.status).toBe(413);
      expect(await errorOf(response)).toMatchObject({
        code: 'payload_too_large',
        field: 'attachment',
      });
    });

    it('refuses a body far over the limit before reading it', async () => {
      const bytes = new Uint8Array(7 * 1024 * 1024);
      bytes.set(PNG);
      const response = await applyWithFile(registry, headers, fields, {
        bytes,
        name: 'huge.png',
        type: 'image/png',
      });
      expect(response.status).toBe(413);
      expect((await errorOf(response)).field).toBe('attachment');
    });

    it('refuses an empty file and text in the file field', async () => {
      const empty = await applyWithFile(registry, headers, fields, {
        bytes: new Uint8Array(0),
        name: 'empty.pdf',
        type: 'application/pdf',
      });
      expect(empty.status).toBe(400);
      expect((await errorOf(empty)).field).toBe('attachment');

      const form = new FormData();
      form.set('type', 'guardianship');
      form.set('childIin', guardian.childIin);
      form.set('attachment', 'not a file');
      const text = await registry.request('/api/v1/applications', {
        method: 'POST',
        headers,
        body: form,
      });
      expect(text.status).toBe(400);
      expect((await errorOf(text)).field).toBe('attachment');
    });

    it.each([
      ['childIin', 'the child twice'],
      ['attachment', 'two files'],
    ])('refuses %s sent twice (%s) with 400 naming it, storing nothing', async (field) => {
      const before = await registry.request('/api/v1/cabinet/applications', { headers });
      const form = new FormData();
      form.append('type', 'guardianship');
      form.append('childIin', guardian.childIin);
      form.append('attachment', new File([PNG], 'a.png', { type: 'image/png' }));
      if (field === 'childIin') form.append('childIin', guardian.childIin);
      else form.append('attachment', new File([PNG], 'b.png', { type: 'image/png' }));

      const response = await registry.request('/api/v1/applications', {
        method: 'POST',
        headers,
        body: form,
      });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'validation_failed', field });
      expect(error.message).toBe(`${field}: expected one value; found 2`);
      const after = await registry.request('/api/v1/cabinet/applications', { headers });
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual(await before.json());
    });
  });
});
