import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

interface ErrorBody {
  error: { code: string; message: string };
  requestId: string;
}

describe('a method a path does not take', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    // Routing only: one target is enough.
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it.each([
    ['PUT', '/api/v1/certificates', 'GET, HEAD, POST'],
    ['DELETE', '/api/v1/certificates/crt_AAAAAAAAAAAAAAAAAAAAAA', 'GET, HEAD'],
    ['POST', '/.well-known/jwks.json', 'GET, HEAD'],
    ['PATCH', '/api/v1/log/checkpoint', 'GET, HEAD'],
    ['GET', '/api/v1/certificates/crt_AAAAAAAAAAAAAAAAAAAAAA/revoke', 'POST'],
  ])('answers %s %s with 405, the one error shape and Allow: %s', async (method, path, allow) => {
    const response = await registry.request(path, { method });
    const body = (await response.json()) as ErrorBody;

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(body.error.code).toBe('method_not_allowed');
    expect(body.error.message).toBe(`${method} is not allowed here; this resource takes ${allow}`);
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('keeps 404 for a path no route has', async () => {
    const response = await registry.request('/api/v1/nothing-here', { method: 'DELETE' });

    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
  });

  it('still answers the methods a path takes', async () => {
    const response = await registry.request('/api/v1/log/checkpoint');
    expect(response.status).toBe(200);
  });
});
