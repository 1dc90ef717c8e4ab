import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOfficerToken } from '../../src/web/middleware/officer-auth.js';
import { ALMATY, ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { trusteeshipRequest } from '../support/requests.js';
import {
  type CertificateJson,
  expectError,
  issue,
  postIssue,
  postRevoke,
  tokenOf,
  verify,
} from './client.js';

/** Officers added for these tests, beside the two demo officers with every role. */
const EXTRA_OFFICERS = [
  { id: 'off_astana_clerk', token: 'test-astana-issuer-only', roles: ['issuer'] },
  { id: 'off_astana_auditor', token: 'test-astana-reviewer-only', roles: ['reviewer'] },
  {
    id: 'off_astana_gone',
    token: 'test-astana-disabled',
    roles: ['issuer', 'revoker', 'reviewer'],
    disabled: true,
  },
];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const CLERK = bearer('test-astana-issuer-only');
const AUDITOR = bearer('test-astana-reviewer-only');
const DISABLED = bearer('test-astana-disabled');

const NOT_YOURS = {
  status: 404,
  code: 'not_found',
  message: 'No certificate with this id was issued by your provider',
};

interface OfficerCall {
  name: string;
  call: (id: string) => { path: string; method?: string; body?: string };
}

const readCall: OfficerCall['call'] = (id) => ({ path: `/api/v1/certificates/${id}` });

/** Every officer endpoint on a certificate, as a request an officer may send. */
const OFFICER_CALLS: OfficerCall[] = [
  { name: 'read', call: readCall },
  {
    name: 'document.pdf',
    call: (id: string) => ({ path: `/api/v1/certificates/${id}/document.pdf` }),
  },
  {
    name: 'document.png',
    call: (id: string) => ({ path: `/api/v1/certificates/${id}/document.png` }),
  },
  {
    name: 'revoke',
    call: (id: string) => ({
      path: `/api/v1/certificates/${id}/revoke`,
      method: 'POST',
      body: JSON.stringify({ reason: 'issued_in_error', comment: 'not ours to revoke' }),
    }),
  },
  {
    name: 'suspend',
    call: (id: string) => ({
      path: `/api/v1/certificates/${id}/suspend`,
      method: 'POST',
      body: JSON.stringify({ reason: 'court_proceedings' }),
    }),
  },
  {
    name: 'reinstate',
    call: (id: string) => ({
      path: `/api/v1/certificates/${id}/reinstate`,
      method: 'POST',
      body: JSON.stringify({}),
    }),
  },
];

describe.each(databaseTargets)('authorization on $name', (target) => {
  let registry: TestRegistry;
  let astana: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    await registry.store.transaction(async (tx) => {
      for (const officer of EXTRA_OFFICERS) {
        await registry.store.insertOfficer(tx, {
          id: officer.id,
          providerId: 'prv_astana',
          fullName: 'Тестов Тест',
          tokenHash: hashOfficerToken(officer.token),
          roles: officer.roles,
          createdAt: new Date('2026-01-01T00:00:00Z'),
          disabledAt: officer.disabled ? new Date('2026-06-01T00:00:00Z') : null,
        });
      }
    });
    astana = await issue(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });

  /** Sends one officer call for `id` with the given headers. */
  const send = (call: OfficerCall['call'], id: string, headers: Record<string, string>) => {
    const { path, method, body } = call(id);
    return registry.request(path, {
      method: method ?? 'GET',
      headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      ...(body ? { body } : {}),
    });
  };

  describe('the Almaty officer against an Astana certificate', () => {
    it.each(OFFICER_CALLS)(
      '$name answers 404 with the same body as an id never issued',
      async ({ call }) => {
        const foreign = await expectError(await send(call, astana.id, ALMATY), NOT_YOURS);
        const missing = await expectError(
          await send(call, `crt_${'b'.repeat(26)}`, ALMATY),
          NOT_YOURS,
        );

        expect(foreign.error).toEqual(missing.error);
      },
    );

    it('left the certificate valid and unrevoked', async () => {
      const events = await registry.store.eventsFor(astana.id);

      expect((await verify(registry, tokenOf(astana.verifyUrl))).verdict).toBe('valid');
      expect(events.map((e) => e.kind)).toEqual(['certificate.issued']);
    });

    it('still reaches certificates of its own provider', async () => {
      const own = await issue(registry, trusteeshipRequest(), ALMATY);
      const response = await registry.request(`/api/v1/certificates/${own.id}`, {
        headers: ALMATY,
      });

      expect(own.serial).toBe('ALM-2026-000001');
      expect(response.status).toBe(200);
    });
  });

  it.each(OFFICER_CALLS)('$name answers 404 for an id that is not an id', async ({ call }) => {
    for (const id of ['crt_nope', `CRT_${'A'.repeat(26)}`, '12345']) {
      await expectError(await send(call, id, ASTANA), NOT_YOURS);
    }
  });

  describe('without a valid bearer token', () => {
    const calls: OfficerCall[] = [
      ...OFFICER_CALLS,
      {
        name: 'issue',
        call: () => ({
          path: '/api/v1/certificates',
          method: 'POST',
          body: JSON.stringify(trusteeshipRequest()),
        }),
      },
    ];

    it.each(calls)('$name answers 401 without a token', async ({ call }) => {
      await expectError(await send(call, astana.id, {}), {
        status: 401,
        code: 'unauthorized',
        message: 'An officer bearer token is required (Authorization: Bearer …)',
      });
    });

    it.each(calls)('$name answers 401 for an unknown token', async ({ call }) => {
      await expectError(await send(call, astana.id, bearer('demo-officer-shymkent')), {
        status: 401,
        code: 'unauthorized',
        message: 'The bearer token is not valid',
      });
    });

    it.each([
      { what: 'another scheme', authorization: 'Basic ZGVtbzpkZW1v' },
      { what: 'a token too short to be one', authorization: 'Bearer abc' },
      { what: 'no token after the scheme', authorization: 'Bearer ' },
    ])('answers 401 for $what', async ({ authorization }) => {
      await expectError(await send(readCall, astana.id, { authorization }), {
        status: 401,
        code: 'unauthorized',
        message: 'An officer bearer token is required (Authorization: Bearer …)',
      });
    });

    it('accepts the scheme in any case (RFC 9110 §11.1)', async () => {
      const response = await send(readCall, astana.id, {
        authorization: 'bearer demo-officer-astana',
      });
      expect(response.status).toBe(200);
    });

    it('answers 401 for the token of a disabled officer', async () => {
      await expectError(await send(readCall, astana.id, DISABLED), {
        status: 401,
        code: 'unauthorized',
        message: 'The bearer token is not valid',
      });
    });

    it('checks the token before the body: a bad body without a token is 401', async () => {
      const response = await registry.request('/api/v1/certificates', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'not json',
      });

      await expectError(response, {
        status: 401,
        code: 'unauthorized',
        message: 'An officer bearer token is required (Authorization: Bearer …)',
      });
    });
  });

  describe('roles', () => {
    it('answers 403 to an officer without the revoker role, and revokes nothing', async () => {
      const response = await postRevoke(registry, astana.id, { reason: 'superseded' }, CLERK);

      await expectError(response, {
        status: 403,
        code: 'forbidden',
        message: 'This officer lacks the "revoker" role',
      });
      expect((await verify(registry, tokenOf(astana.verifyUrl))).verdict).toBe('valid');
    });

    it.each([
      { path: 'suspend', body: { reason: 'under_review' } },
      { path: 'reinstate', body: {} },
    ])('answers 403 to $path by an officer without the revoker role', async ({ path, body }) => {
      const response = await registry.request(`/api/v1/certificates/${astana.id}/${path}`, {
        method: 'POST',
        headers: { ...CLERK, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

      await expectError(response, {
        status: 403,
        code: 'forbidden',
        message: 'This officer lacks the "revoker" role',
      });
      expect((await verify(registry, tokenOf(astana.verifyUrl))).verdict).toBe('valid');
    });

    it('answers 403 to an officer without the issuer role, and issues nothing', async () => {
      const before = await registry.store.countCertificates();
      const response = await postIssue(registry, trusteeshipRequest(), { officer: AUDITOR });

      await expectError(response, {
        status: 403,
        code: 'forbidden',
        message: 'This officer lacks the "issuer" role',
      });
      expect(await registry.store.countCertificates()).toBe(before);
    });

    it('lets any officer of the provider read its certificates', async () => {
      for (const officer of [CLERK, AUDITOR]) {
        const response = await registry.request(`/api/v1/certificates/${astana.id}`, {
          headers: officer,
        });
        expect(response.status).toBe(200);
      }
    });

    it('lets an issuer-only officer issue', async () => {
      const certificate = await issue(registry, trusteeshipRequest(), CLERK);

      const events = await registry.store.eventsFor(certificate.id);
      expect(events[0]?.actor).toBe('officer:off_astana_clerk');
    });
  });

  it.each(['/api/v1/verify/AAAA', '/v/AAAA', '/.well-known/jwks.json', '/healthz'])(
    'serves %s to anyone, without a token',
    async (path) => {
      const response = await registry.request(path);
      expect(response.status).toBe(200);
    },
  );
});
