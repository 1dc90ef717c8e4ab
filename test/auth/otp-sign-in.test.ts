import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { otpCodes } from '../../db/schema.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { errorOf, lastCode, outbox, persona, post } from './sign-in-client.js';

const applicant = persona('issued-guardianship-astana');

describe.each(databaseTargets)('sign-in by SMS code on $name', (target) => {
  let registry: TestRegistry;
  beforeEach(async () => {
    registry = await startTestRegistry(target);
  });
  afterEach(async () => {
    await registry.close();
  });

  const requestCode = (iin = applicant.iin) => post(registry, '/api/v1/auth/otp', { iin });
  const verify = (code: string, iin = applicant.iin) =>
    post(registry, '/api/v1/auth/otp/verify', { iin, code });

  it('sends a code to the registered phone and opens a session with it', async () => {
    const requested = await requestCode();
    expect(requested.status).toBe(202);
    expect(await requested.json()).toEqual({
      sent: true,
      phoneHint: '+7 701 *** ** 67',
      expiresAt: '2026-12-03T07:05:00.000Z',
    });

    const [sms] = await outbox(registry);
    expect(sms?.phone).toBe('+77011234567');
    expect(sms?.text).toMatch(/^Растау коды: \d{6}\. Код подтверждения: \d{6}\. /);

    const verified = await verify(await lastCode(registry, applicant.phone));
    expect(verified.status).toBe(200);
    const body = (await verified.json()) as Record<string, string>;
    expect(body).toEqual({
      iin: `••••••••••${applicant.iin.slice(10)}`,
      method: 'otp',
      csrfToken: expect.stringMatching(/^[0-9a-f]{32}$/),
      expiresAt: '2026-12-03T08:00:00.000Z',
    });
    expect(verified.headers.get('set-cookie')).toMatch(/^session=[\w-]{43};/);
  });

  it('counts wrong codes, blocks the code at the third, and refuses the right one after', async () => {
    await requestCode();
    const right = await lastCode(registry, applicant.phone);
    const wrong = right === '000000' ? '000001' : '000000';

    const first = await verify(wrong);
    expect(first.status).toBe(401);
    expect(first.headers.get('attempts-left')).toBe('2');
    expect(await errorOf(first)).toEqual({
      code: 'otp_invalid',
      message: 'code: does not match the code sent; 2 attempts left',
      field: 'code',
    });
    const second = await verify(wrong);
    expect(second.headers.get('attempts-left')).toBe('1');
    expect(await errorOf(second)).toMatchObject({
      message: expect.stringContaining('1 attempt left'),
    });

    const third = await verify(wrong);
    expect(third.status).toBe(401);
    expect(await errorOf(third)).toMatchObject({ code: 'otp_attempts_exhausted', field: 'code' });

    const late = await verify(right);
    expect(late.status).toBe(401);
    expect(await errorOf(late)).toMatchObject({ code: 'otp_attempts_exhausted' });
  });

  it('lets a right code in after one wrong attempt, once only', async () => {
    await requestCode();
    const right = await lastCode(registry, applicant.phone);

    await verify(right === '123456' ? '654321' : '123456');
    expect((await verify(right)).status).toBe(200);

    const again = await verify(right);
    expect(again.status).toBe(401);
    expect(await errorOf(again)).toMatchObject({ code: 'otp_expired' });
  });

  it('counts concurrent guesses one by one, so no more than three are ever checked', async () => {
    await requestCode();
    const right = await lastCode(registry, applicant.phone);
    const wrong = right === '000000' ? '000001' : '000000';

    const answers = await Promise.all(Array.from({ length: 6 }, () => verify(wrong)));
    const codes = await Promise.all(answers.map(async (a) => (await errorOf(a)).code));

    expect(codes.filter((c) => c === 'otp_invalid')).toHaveLength(2);
    expect(codes.filter((c) => c === 'otp_attempts_exhausted')).toHaveLength(4);
    const [row] = await registry.database.db.select().from(otpCodes);
    expect(row?.attempts).toBe(3);
  });

  it('refuses a code after its five minutes', async () => {
    await requestCode();
    const code = await lastCode(registry, applicant.phone);

    registry.clock.advance?.(5 * 60_000 + 1);
    const late = await verify(code);

    expect(late.status).toBe(401);
    expect(await errorOf(late)).toEqual({
      code: 'otp_expired',
      message: 'code: the code has expired (5 minutes); request a new one',
      field: 'code',
    });
  });

  it('replaces the previous code with a new one', async () => {
    await requestCode();
    const old = await lastCode(registry, applicant.phone);
    registry.clock.advance?.(61_000);
    await requestCode();
    const fresh = await lastCode(registry, applicant.phone);

    if (old !== fresh) {
      expect(await errorOf(await verify(old))).toMatchObject({ code: 'otp_invalid' });
    }
    expect((await verify(fresh)).status).toBe(200);
  });

  it('stores no code and no phone in clear', async () => {
    await requestCode();
    const code = await lastCode(registry, applicant.phone);

    const rows = await registry.database.db.select().from(otpCodes);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(applicant.phone.slice(2));
    expect(rows[0]?.codeHash).toMatch(/^v1\.[\w-]{22}\.[\w-]{43}$/);
    expect(rows[0]?.phoneHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('asks for a code before one was requested', async () => {
    const response = await verify('123456');

    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'otp_expired', field: 'code' });
  });
});
