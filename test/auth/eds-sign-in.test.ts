import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { challenge, errorOf, persona, post, signSignIn } from './sign-in-client.js';

const applicant = persona('issued-guardianship-astana');
const other = persona('refused-no-decision');
const withoutEds = persona('issued-trusteeship-almaty');

function seedOf(p: { edsSeed?: string }): string {
  if (!p.edsSeed) throw new Error('persona holds no EDS');
  return p.edsSeed;
}

describe.each(databaseTargets)('sign-in by EDS on $name', (target) => {
  let registry: TestRegistry;
  beforeEach(async () => {
    registry = await startTestRegistry(target);
  });
  afterEach(async () => {
    await registry.close();
  });

  const signIn = (body: { iin: string; nonce: string; signature: string }) =>
    post(registry, '/api/v1/auth/eds', body);

  it('hands out a fresh 32-byte nonce valid for two minutes', async () => {
    const first = await post(registry, '/api/v1/auth/eds/challenge');
    const second = await post(registry, '/api/v1/auth/eds/challenge');

    expect(first.status).toBe(201);
    const body = (await first.json()) as { nonce: string; expiresAt: string };
    expect(body.nonce).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(body.nonce, 'base64url')).toHaveLength(32);
    expect(body.expiresAt).toBe('2026-12-03T07:02:00.000Z');
    expect(((await second.json()) as { nonce: string }).nonce).not.toBe(body.nonce);
  });

  it('opens a session for a signature by the key registered to the IIN', async () => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(applicant), nonce, applicant.iin);

    const response = await signIn({ iin: applicant.iin, nonce, signature });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      iin: `••••••••••${applicant.iin.slice(10)}`,
      method: 'eds',
      csrfToken: expect.stringMatching(/^[0-9a-f]{32}$/),
      expiresAt: '2026-12-03T08:00:00.000Z',
    });
    expect(response.headers.get('set-cookie')).toMatch(/^session=[\w-]{43};/);
  });

  it('refuses a signature by another key', async () => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(other), nonce, applicant.iin);

    const response = await signIn({ iin: applicant.iin, nonce, signature });

    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({
      code: 'eds_signature_invalid',
      message: 'signature: does not verify under the EDS key registered to this IIN',
      field: 'signature',
    });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it("refuses a citizen's own signature offered for another person's IIN", async () => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(other), nonce, other.iin);

    const response = await signIn({ iin: applicant.iin, nonce, signature });

    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'eds_signature_invalid' });
  });

  it('refuses a signature made for another IIN, even under the right key', async () => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(applicant), nonce, other.iin);

    const response = await signIn({ iin: applicant.iin, nonce, signature });

    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'eds_signature_invalid' });
  });

  it('refuses a nonce the second time, even with a valid signature', async () => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(applicant), nonce, applicant.iin);
    expect((await signIn({ iin: applicant.iin, nonce, signature })).status).toBe(200);

    const replay = await signIn({ iin: applicant.iin, nonce, signature });

    expect(replay.status).toBe(401);
    expect(await errorOf(replay)).toEqual({
      code: 'eds_challenge_invalid',
      message: 'nonce: the challenge was already used; ask for a new one',
      field: 'nonce',
    });
  });

  it('spends the nonce on a failed attempt too', async () => {
    const nonce = await challenge(registry);
    await signIn({ iin: applicant.iin, nonce, signature: signSignIn(seedOf(other), nonce, '0') });

    const retry = await signIn({
      iin: applicant.iin,
      nonce,
      signature: signSignIn(seedOf(applicant), nonce, applicant.iin),
    });

    expect(retry.status).toBe(401);
    expect(await errorOf(retry)).toMatchObject({ code: 'eds_challenge_invalid' });
  });

  it.each([
    ['a padded signature', (signature: string) => ({ signature: `${signature}==` })],
    ['a signature one character short', (signature: string) => ({ signature: signature.slice(1) })],
    ['a signature that is not a string', () => ({ signature: 42 })],
    ['an IIN that is not 12 digits', () => ({ iin: '12345' })],
    ['an unknown field', () => ({ extra: true })],
  ])('spends the nonce on an attempt refused with 400 for %s', async (_, change) => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(applicant), nonce, applicant.iin);
    const refused = await post(registry, '/api/v1/auth/eds', {
      iin: applicant.iin,
      nonce,
      signature,
      ...change(signature),
    });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).code).toBe('validation_failed');

    const retry = await signIn({ iin: applicant.iin, nonce, signature });
    expect(retry.status).toBe(401);
    expect(await errorOf(retry)).toMatchObject({
      code: 'eds_challenge_invalid',
      message: 'nonce: the challenge was already used; ask for a new one',
      field: 'nonce',
    });
  });

  it('refuses a nonce after its two minutes', async () => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(applicant), nonce, applicant.iin);

    registry.clock.advance?.(2 * 60_000 + 1);
    const late = await signIn({ iin: applicant.iin, nonce, signature });

    expect(late.status).toBe(401);
    expect(await errorOf(late)).toEqual({
      code: 'eds_challenge_invalid',
      message: 'nonce: the challenge has expired; ask for a new one',
      field: 'nonce',
    });
  });

  it('refuses a nonce it never issued', async () => {
    const nonce = Buffer.alloc(32, 7).toString('base64url');
    const signature = signSignIn(seedOf(applicant), nonce, applicant.iin);

    const response = await signIn({ iin: applicant.iin, nonce, signature });

    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'eds_challenge_invalid' });
  });

  it('answers a person without EDS exactly as a wrong signature', async () => {
    const nonce = await challenge(registry);
    const signature = signSignIn(seedOf(applicant), nonce, withoutEds.iin);

    const response = await signIn({ iin: withoutEds.iin, nonce, signature });

    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({
      code: 'eds_signature_invalid',
      message: 'signature: does not verify under the EDS key registered to this IIN',
      field: 'signature',
    });
  });
});
