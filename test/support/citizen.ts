import { SESSION_COOKIE } from '../../src/web/middleware/citizen-session.js';
import type { TestRegistry } from './app.js';

/**
 * Signs a citizen in without SMS or EDS (for tests of what comes after sign-in): opens a session
 * directly and returns the headers a browser would send, CSRF token included.
 */
export async function signedInAs(
  registry: TestRegistry,
  iin: string,
  method: 'eds' | 'otp' = 'otp',
) {
  const { token, session } = await registry.services.sessions.open(iin, method);
  return {
    cookie: `${SESSION_COOKIE}=${token}`,
    'x-csrf-token': session.csrfToken,
  };
}
