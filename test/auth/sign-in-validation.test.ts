import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { breakCheckDigit } from '../support/iin.js';
import { challenge, errorOf, persona, post } from './sign-in-client.js';

const { iin } = persona('issued-guardianship-astana');
const NONCE = 'A'.repeat(43);
const SIGNATURE = 'A'.repeat(86);

/** Bad bodies never reach state, so one registry serves every case of a target. */
describe.each(databaseTargets)('sign-in input checks on $name', (target) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry.close();
  });

  it.each([
    ['/api/v1/auth/otp', {}, 'iin', 'validation_failed'],
    ['/api/v1/auth/otp', { iin: '12345' }, 'iin', 'validation_failed'],
    ['/api/v1/auth/otp', { iin: Number(iin) }, 'iin', 'validation_failed'],
    ['/api/v1/auth/otp', { iin: ` ${iin}` }, 'iin', 'validation_failed'],
    ['/api/v1/auth/otp', { iin: breakCheckDigit(iin) }, 'iin', 'invalid_iin'],
    ['/api/v1/auth/otp/verify', { iin }, 'code', 'validation_failed'],
    ['/api/v1/auth/otp/verify', { iin, code: '12345' }, 'code', 'validation_failed'],
    ['/api/v1/auth/otp/verify', { iin, code: '12345a' }, 'code', 'validation_failed'],
    ['/api/v1/auth/otp/verify', { iin, code: 123456 }, 'code', 'validation_failed'],
    ['/api/v1/auth/otp/verify', { code: '123456' }, 'iin', 'validation_failed'],
    [
      '/api/v1/auth/otp/verify',
      { iin: breakCheckDigit(iin), code: '123456' },
      'iin',
      'invalid_iin',
    ],
    ['/api/v1/auth/eds', { nonce: NONCE, signature: SIGNATURE }, 'iin', 'validation_failed'],
    ['/api/v1/auth/eds', { iin, signature: SIGNATURE }, 'nonce', 'validation_failed'],
    ['/api/v1/auth/eds', { iin, nonce: 'abc', signature: SIGNATURE }, 'nonce', 'validation_failed'],
    ['/api/v1/auth/eds', { iin, nonce: NONCE }, 'signature', 'validation_failed'],
    [
      '/api/v1/auth/eds',
      { iin, nonce: NONCE, signature: `${SIGNATURE}==` },
      'signature',
      'validation_failed',
    ],
    [
      '/api/v1/auth/eds',
      { iin: breakCheckDigit(iin), nonce: NONCE, signature: SIGNATURE },
      'iin',
      'invalid_iin',
    ],
  ])('%s refuses %j naming %s', async (path, body, field, code) => {
    const response = await post(registry, path, body);

    expect(response.status).toBe(code === 'invalid_iin' ? 422 : 400);
    const error = await errorOf(response);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('refuses a signature whose last character leaves stray bits', async () => {
    // 86 characters carry 516 bits; the last 4 must be zero in canonical base64url.
    const nonce = await challenge(registry);
    const response = await post(registry, '/api/v1/auth/eds', {
      iin,
      nonce,
      signature: `${'A'.repeat(85)}B`,
    });

    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: 'validation_failed',
      field: 'signature',
    });
  });

  it.each([
    ['/api/v1/auth/otp', { iin }],
    ['/api/v1/auth/otp/verify', { iin, code: '123456' }],
    ['/api/v1/auth/eds', { iin, nonce: NONCE, signature: SIGNATURE }],
  ])('%s refuses unknown fields and bodies that are not JSON', async (path, body) => {
    const extra = await post(registry, path, { ...body, shoeSize: 42 });
    expect(extra.status).toBe(400);
    expect((await errorOf(extra)).message).toContain('shoeSize');

    const form = await registry.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `iin=${iin}`,
    });
    expect(form.status).toBe(415);

    const broken = await post(registry, path, undefined, { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
  });
});
