import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { challenge, lastCode, persona, post, sessionCookie, signSignIn } from './sign-in-client.js';

const applicant = persona('issued-guardianship-astana');

describe.each(databaseTargets)('what sign-in logs on $name', (target) => {
  let registry: TestRegistry;
  beforeEach(async () => {
    registry = await startTestRegistry(target);
  });
  afterEach(async () => {
    await registry.close();
  });

  it('names events and a masked IIN, never the IIN, phone, code, signature or cookie', async () => {
    const secrets: string[] = [applicant.iin, applicant.phone, applicant.phone.slice(2)];

    await post(registry, '/api/v1/auth/otp', { iin: applicant.iin });
    const code = await lastCode(registry, applicant.phone);
    await post(registry, '/api/v1/auth/otp/verify', { iin: applicant.iin, code: '000000' });
    const byCode = await post(registry, '/api/v1/auth/otp/verify', { iin: applicant.iin, code });
    const { csrfToken } = (await byCode.json()) as { csrfToken: string };
    const cookie = sessionCookie(byCode);
    await post(registry, '/api/v1/auth/logout', undefined, { cookie, 'x-csrf-token': csrfToken });
    secrets.push(code, csrfToken, cookie.slice('session='.length));

    const nonce = await challenge(registry);
    const signature = signSignIn(applicant.edsSeed ?? '', nonce, applicant.iin);
    await post(registry, '/api/v1/auth/eds', { iin: applicant.iin, nonce, signature });
    await post(registry, '/api/v1/auth/eds', { iin: applicant.iin, nonce, signature });
    secrets.push(nonce, signature);

    const log = registry.logger.lines.join('\n');
    for (const secret of secrets) expect(log).not.toContain(secret);

    const events = registry.logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const masked = `••••••••••${applicant.iin.slice(10)}`;
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'auth.otp.sent', person: masked }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'auth.otp.wrong_code', person: masked, attempt: 1 }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'auth.signed_in', method: 'otp', person: masked }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'auth.signed_in', method: 'eds', person: masked }),
    );
    expect(events).toContainEqual(expect.objectContaining({ event: 'auth.signed_out' }));
  });
});
