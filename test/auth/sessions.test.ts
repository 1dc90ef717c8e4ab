import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { errorOf, lastCode, persona, post, sessionCookie } from './sign-in-client.js';

const applicant = persona('issued-guardianship-astana');

describe.each(databaseTargets)('the session of a signed-in citizen on $name', (target) => {
  let registry: TestRegistry;
  beforeEach(async () => {
    registry = await startTestRegistry(target);
  });
  afterEach(async () => {
    await registry.close();
  });

  async function signIn() {
    await post(registry, '/api/v1/auth/otp', { iin: applicant.iin });
    const code = await lastCode(registry, applicant.phone);
    const response = await post(registry, '/api/v1/auth/otp/verify', { iin: applicant.iin, code });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { response, cookie: sessionCookie(response), csrfToken };
  }

  it('sets an HttpOnly, Secure, SameSite=Lax cookie for the whole site until the session ends', async () => {
    const { response } = await signIn();

    const header = response.headers.get('set-cookie') ?? '';
    const attributes = header.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain('expires=thu, 03 dec 2026 08:00:00 gmt');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('signs out with the CSRF token, after which the cookie is worth nothing', async () => {
    const { cookie, csrfToken } = await signIn();

    const out = await post(registry, '/api/v1/auth/logout', undefined, {
      cookie,
      'x-csrf-token': csrfToken,
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ signedOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^session=;.*Max-Age=0/);

    const again = await post(registry, '/api/v1/auth/logout', undefined, {
      cookie,
      'x-csrf-token': csrfToken,
    });
    expect(again.status).toBe(401);
  });

  it.each([
    ['without', undefined],
    ['with a wrong', '0'.repeat(32)],
  ])('refuses a state change %s x-csrf-token header with 403', async (_, token) => {
    const { cookie } = await signIn();
    const headers: Record<string, string> = { cookie };
    if (token) headers['x-csrf-token'] = token;

    const response = await post(registry, '/api/v1/auth/logout', undefined, headers);

    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'forbidden' });
  });

  it('refuses sign-out without a session with 401', async () => {
    const response = await post(registry, '/api/v1/auth/logout');

    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'unauthorized' });
  });

  it('closes the session a browser held when it signs in again', async () => {
    const first = await signIn();
    registry.clock.advance?.(61_000);

    await post(registry, '/api/v1/auth/otp', { iin: applicant.iin });
    const code = await lastCode(registry, applicant.phone);
    await post(
      registry,
      '/api/v1/auth/otp/verify',
      { iin: applicant.iin, code },
      {
        cookie: first.cookie,
      },
    );

    const stale = await post(registry, '/api/v1/auth/logout', undefined, {
      cookie: first.cookie,
      'x-csrf-token': first.csrfToken,
    });
    expect(stale.status).toBe(401);
  });
});
