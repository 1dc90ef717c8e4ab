import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCode, persona, sessionCookie } from '../auth/sign-in-client.js';
import { ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest } from '../support/requests.js';
import { expectError, issue, postIssue } from './client.js';

const applicant = persona('issued-guardianship-astana');

/** The guardianship request as text with `"type":"trusteeship"` written at `where` as well. */
function withSecondType(where: 'before' | 'after', spelling = '"type"'): string {
  const text = JSON.stringify(guardianshipRequest());
  const extra = `${spelling}:"trusteeship"`;
  return where === 'before' ? `{${extra},${text.slice(1)}` : `${text.slice(0, -1)},${extra}}`;
}

const UTF8_REQUIRED = 'The body must be JSON in UTF-8: send charset=utf-8 or no charset';

describe.each(databaseTargets)('the rules for every JSON body on $name', (target) => {
  let registry: TestRegistry;
  let issued = 0;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    registry.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  describe('a member name written twice', () => {
    it.each([
      { what: 'the later type', body: withSecondType('after'), field: 'type' },
      { what: 'the earlier type', body: withSecondType('before'), field: 'type' },
      {
        what: 'an escaped spelling of type',
        body: withSecondType('after', '"\\u0074ype"'),
        field: 'type',
      },
      {
        what: "the guardian's IIN",
        body: JSON.stringify(guardianshipRequest()).replace('"iin":', '"iin":"1","iin":'),
        field: 'guardian.iin',
      },
    ])('refuses an issue request repeating $what with 400', async ({ body, field }) => {
      await expectError(await postIssue(registry, body), {
        status: 400,
        code: 'validation_failed',
        field,
        message: `${field}: appears twice`,
      });
    });

    it('issued nothing for a request whose meaning depends on the parser', async () => {
      expect(await registry.store.countCertificates()).toBe(issued);
    });

    it('refuses a revocation repeating its reason', async () => {
      const { id } = await issue(registry);
      issued++;
      const body = '{"reason":"superseded","reason":"issued_in_error"}';

      await expectError(await postJson(`/api/v1/certificates/${id}/revoke`, body, ASTANA), {
        status: 400,
        code: 'validation_failed',
        field: 'reason',
        message: 'reason: appears twice',
      });
      const events = await registry.store.eventsFor(id);
      expect(events.map((event) => event.kind)).toEqual(['certificate.issued']);
    });

    it('refuses a lookup repeating the IIN', async () => {
      const body = '{"serial":"AST-2026-000001","iin":"1","iin":"2"}';

      await expectError(await postJson('/api/v1/verify/lookup', body), {
        status: 400,
        code: 'validation_failed',
        field: 'iin',
        message: 'iin: appears twice',
      });
    });

    it('refuses an application repeating its type, read outside the shared middleware', async () => {
      const headers = await signIn();
      const body = `{"type":"guardianship","childIin":"${applicant.iin}","type":"trusteeship"}`;

      await expectError(await postJson('/api/v1/applications', body, headers), {
        status: 400,
        code: 'validation_failed',
        field: 'type',
        message: 'type: appears twice',
      });
    });

    it('refuses malformed JSON as malformed before looking for repeats', async () => {
      await expectError(await postIssue(registry, '{"type":1,"type":'), {
        status: 400,
        code: 'malformed_json',
        message: 'The request body is not valid JSON',
      });
    });
  });

  describe('the charset', () => {
    it.each([
      { what: 'ISO-8859-1', type: 'application/json; charset=iso-8859-1' },
      { what: 'windows-1251', type: 'application/json;charset=windows-1251' },
      { what: 'UTF-16', type: 'application/json; charset=UTF-16' },
      { what: 'a quoted Latin-1', type: 'application/json; charset="latin1"' },
      { what: 'an empty charset', type: 'application/json; charset=' },
    ])('refuses an issue request in $what with 415', async ({ type }) => {
      const response = await postIssue(registry, guardianshipRequest(), {
        headers: { 'content-type': type },
      });

      await expectError(response, {
        status: 415,
        code: 'unsupported_media_type',
        message: UTF8_REQUIRED,
      });
    });

    it.each([
      'application/json; charset=UTF-8',
      'application/json;charset="utf-8"',
      'Application/JSON; Charset=Utf-8',
    ])('accepts %s', async (type) => {
      const response = await postIssue(registry, guardianshipRequest(), {
        headers: { 'content-type': type },
      });

      expect(response.status, await response.clone().text()).toBe(201);
      issued++;
    });

    it('refuses an application in ISO-8859-1 with 415', async () => {
      const headers = await signIn();
      const body = JSON.stringify({ type: 'guardianship', childIin: applicant.iin });

      const response = await postJson('/api/v1/applications', body, {
        ...headers,
        'content-type': 'application/json; charset=iso-8859-1',
      });

      await expectError(response, {
        status: 415,
        code: 'unsupported_media_type',
        message: UTF8_REQUIRED,
      });
    });

    it('refuses bytes that are not UTF-8 with 400 malformed_json', async () => {
      // "Ә" in windows-1251 would be one byte; 0xC0 followed by a quote is no UTF-8 at all.
      const text = JSON.stringify(guardianshipRequest());
      const bytes = new TextEncoder().encode(text.replace('Әбілқасымова', '@@'));
      const at = bytes.indexOf(0x40);
      bytes[at] = 0xc0;
      bytes[at + 1] = 0xe0;

      const response = await registry.request('/api/v1/certificates', {
        method: 'POST',
        headers: { ...ASTANA, 'content-type': 'application/json' },
        body: bytes,
      });

      await expectError(response, {
        status: 400,
        code: 'malformed_json',
        message: 'The request body is not valid UTF-8',
      });
      expect(await registry.store.countCertificates()).toBe(issued);
    });
  });

  /** A session of the demo applicant by SMS code, 13 minutes after the last (five codes an hour). */
  async function signIn(): Promise<Record<string, string>> {
    registry.clock.advance?.(13 * 60_000);
    await postJson('/api/v1/auth/otp', JSON.stringify({ iin: applicant.iin }));
    const code = await lastCode(registry, applicant.phone);
    const opened = await postJson(
      '/api/v1/auth/otp/verify',
      JSON.stringify({ iin: applicant.iin, code }),
    );
    const { csrfToken } = (await opened.json()) as { csrfToken: string };
    return { cookie: sessionCookie(opened), 'x-csrf-token': csrfToken };
  }
});
