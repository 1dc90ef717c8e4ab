import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevKeyMaker } from '../../src/signer/key-maker.js';
import { lastCode, persona, sessionCookie } from '../auth/sign-in-client.js';
import { ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { expectError, issue, tokenOf } from './client.js';

/** A kid of the right form that no provider has. */
const UNKNOWN_KID = 'A'.repeat(43);
const applicant = persona('issued-guardianship-astana');

interface Endpoint {
  what: string;
  /** The path, and the headers that get past authentication. */
  target: (registry: TestRegistry) => Promise<{ path: string; headers: Record<string, string> }>;
  /** What the call answers once the body is accepted. */
  status: number;
  code?: string;
}

/** Every call whose body is optional or not needed (src/web/middleware/json-body.ts). */
const ENDPOINTS: Endpoint[] = [
  {
    what: 'reinstate',
    target: async (registry) => ({
      path: `/api/v1/certificates/${(await issue(registry)).id}/reinstate`,
      headers: ASTANA,
    }),
    status: 200,
  },
  {
    what: 'approve',
    target: async () => ({
      path: '/api/v1/review/applications/app_unknown/approve',
      headers: ASTANA,
    }),
    status: 404,
    code: 'not_found',
  },
  {
    what: 'rotate',
    target: async () => ({ path: '/api/v1/providers/prv_astana/keys/rotate', headers: ASTANA }),
    status: 201,
  },
  {
    what: 'retire',
    target: async () => ({
      path: `/api/v1/providers/prv_astana/keys/${UNKNOWN_KID}/retire`,
      headers: ASTANA,
    }),
    status: 404,
    code: 'not_found',
  },
  {
    what: 'the EDS challenge',
    target: async () => ({ path: '/api/v1/auth/eds/challenge', headers: {} }),
    status: 201,
  },
  {
    what: 'a receipt',
    target: async (registry) => ({
      path: `/api/v1/verify/${tokenOf((await issue(registry)).verifyUrl)}/receipt`,
      headers: {},
    }),
    status: 200,
  },
  {
    what: 'sign-out',
    target: async (registry) => {
      // Five SMS codes an hour per IIN: each case signs in 13 minutes after the last.
      registry.clock.advance?.(13 * 60_000);
      const json = { 'content-type': 'application/json' };
      await registry.request('/api/v1/auth/otp', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ iin: applicant.iin }),
      });
      const code = await lastCode(registry, applicant.phone);
      const opened = await registry.request('/api/v1/auth/otp/verify', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ iin: applicant.iin, code }),
      });
      const { csrfToken } = (await opened.json()) as { csrfToken: string };
      return {
        path: '/api/v1/auth/logout',
        headers: { cookie: sessionCookie(opened), 'x-csrf-token': csrfToken },
      };
    },
    status: 200,
  },
];

describe.each(databaseTargets)('calls with an optional body on $name', (target) => {
  let registry: TestRegistry;
  let keyDir: string;

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'optional-bodies-keys-'));
    registry = await startTestRegistry(target, {
      keyMaker: (signer) => new DevKeyMaker(signer, keyDir),
    });
  });
  afterAll(async () => {
    await registry?.close();
    await rm(keyDir, { recursive: true, force: true });
  });

  const send = async (
    endpoint: Endpoint,
    init: { type?: string; body?: string | Uint8Array<ArrayBuffer> },
  ) => {
    const { path, headers } = await endpoint.target(registry);
    return registry.request(path, {
      method: 'POST',
      headers: init.type ? { ...headers, 'content-type': init.type } : headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  };

  const accepted = async (response: Response, endpoint: Endpoint) => {
    const text = await response.text();
    expect(response.status, text).toBe(endpoint.status);
    if (endpoint.code) expect(JSON.parse(text).error.code).toBe(endpoint.code);
  };

  it.each(ENDPOINTS)('accepts $what with no body and no Content-Type', async (endpoint) => {
    await accepted(await send(endpoint, {}), endpoint);
  });

  it.each(ENDPOINTS)('accepts $what with an empty JSON body', async (endpoint) => {
    await accepted(await send(endpoint, { type: 'application/json', body: '' }), endpoint);
  });

  it.each(ENDPOINTS)('accepts $what with {}', async (endpoint) => {
    await accepted(await send(endpoint, { type: 'application/json', body: '{}' }), endpoint);
  });

  it.each(ENDPOINTS)('refuses $what with an unknown field, naming it', async (endpoint) => {
    const response = await send(endpoint, { type: 'application/json', body: '{"foo":1}' });

    await expectError(response, {
      status: 400,
      code: 'validation_failed',
      field: 'foo',
      message: 'foo: unknown field',
    });
  });

  it.each(ENDPOINTS)('refuses $what with a body but no Content-Type with 415', async (endpoint) => {
    // Bytes, so that fetch adds no text/plain of its own.
    await expectError(await send(endpoint, { body: new TextEncoder().encode('{}') }), {
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the body as Content-Type: application/json',
    });
  });

  it.each(ENDPOINTS)('refuses $what with a body that is not an object', async (endpoint) => {
    const response = await send(endpoint, { type: 'application/json', body: '[]' });

    await expectError(response, {
      status: 400,
      code: 'validation_failed',
      message: 'request body: expected object, received array',
    });
  });

  it('reinstates a suspended certificate on a call with no body at all', async () => {
    const { id } = await issue(registry);
    const suspended = await registry.request(`/api/v1/certificates/${id}/suspend`, {
      method: 'POST',
      headers: { ...ASTANA, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'under_review' }),
    });
    expect(suspended.status).toBe(200);

    const reinstated = await registry.request(`/api/v1/certificates/${id}/reinstate`, {
      method: 'POST',
      headers: ASTANA,
    });
    expect(reinstated.status, await reinstated.clone().text()).toBe(200);
    expect(await reinstated.json()).toMatchObject({ status: 'active', alreadyActive: false });
  });
});
