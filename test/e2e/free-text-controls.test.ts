import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { type CertificateJson, expectError, issue } from './client.js';

describe.each(databaseTargets)(
  'control and invisible characters in free text on $name',
  (target) => {
    let registry: TestRegistry;
    let certificate: CertificateJson;

    beforeAll(async () => {
      registry = await startTestRegistry(target);
      certificate = await issue(registry);
    });
    afterAll(async () => {
      await registry?.close();
    });

    const post = (path: string, body: unknown) =>
      registry.request(path, {
        method: 'POST',
        headers: asOfficer(ASTANA),
        body: JSON.stringify(body),
      });
    const certificatePath = (action: string) => `/api/v1/certificates/${certificate.id}/${action}`;

    const CONTROL = 'comment: found a control character';
    const INVISIBLE = 'comment: found an invisible formatting character';

    it.each([
      ['a NUL', 'a\u0000b', CONTROL],
      ['an escape sequence', 'a\u001b[2Jb', CONTROL],
      ['a backspace', 'ab\u0008', CONTROL],
      ['a C1 control', 'a\u0085b', CONTROL],
      ['a DEL', 'a\u007fb', CONTROL],
      ['a right-to-left override', 'Шешім \u202eкүшінде', INVISIBLE],
      ['a left-to-right isolate', 'a\u2066b\u2069c', INVISIBLE],
      ['a zero-width space', 'Сот\u200bшешімі', INVISIBLE],
      ['a zero-width joiner', 'Сот\u200dшешімі', INVISIBLE],
      ['a zero-width non-joiner', 'Сот\u200cшешімі', INVISIBLE],
      ['a soft hyphen', 'қам\u00adқоршы', INVISIBLE],
      ['a byte order mark', '\ufeffШешім', INVISIBLE],
    ])(
      'refuses %s in a suspension, revocation or refusal comment with a 400',
      async (_, comment, message) => {
        const bodies: [string, unknown][] = [
          [certificatePath('suspend'), { reason: 'under_review', comment }],
          [certificatePath('reinstate'), { comment }],
          [certificatePath('revoke'), { reason: 'issued_in_error', comment }],
          [
            '/api/v1/review/applications/app_unknown/refuse',
            { reason: 'document_invalid', comment },
          ],
        ];
        for (const [path, body] of bodies) {
          await expectError(await post(path, body), {
            status: 400,
            code: 'validation_failed',
            field: 'comment',
            message,
          });
        }
        const events = await registry.store.eventsFor(certificate.id);
        expect(events.map((event) => event.kind)).toEqual(['certificate.issued']);
      },
    );

    it('keeps line breaks and tabs in a multi-line comment', async () => {
      const comment = 'Суд ісі №2-123/2026.\r\n\tОтырыс 10 желтоқсанда.';
      const suspended = await post(certificatePath('suspend'), { reason: 'under_review', comment });
      expect(suspended.status, await suspended.clone().text()).toBe(200);
      const reinstated = await post(certificatePath('reinstate'), { comment: 'Шешім\nкүшінде' });
      expect(reinstated.status, await reinstated.clone().text()).toBe(200);
    });

    it.each([
      ['selected', { selected: 'Қате \u202eмәтін' }],
      ['comment', { comment: 'a\u200bb' }],
    ])('refuses an invisible formatting character in a mistake report %s', async (field, patch) => {
      const body = { page: '/', selected: 'Қате мәтін', lang: 'kk', ...patch };
      const response = await registry.request('/api/v1/mistakes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await expectError(response, {
        status: 400,
        code: 'validation_failed',
        field,
        message: `${field}: found an invisible formatting character`,
      });
    });

    it.each([
      ['selected', { selected: 'a\u0000b' }],
      ['comment', { comment: 'a\u0000b' }],
      ['page', { page: '/v/\u0000' }],
    ])('refuses a NUL in a mistake report %s', async (field, patch) => {
      const body = { page: '/', selected: 'Қате мәтін', lang: 'kk', ...patch };
      const response = await registry.request('/api/v1/mistakes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await expectError(response, {
        status: 400,
        code: 'validation_failed',
        field,
        message: `${field}: found a control character`,
      });
    });
  },
);
