import { describe, expect, it } from 'vitest';
import { newOtpCode } from '../../src/auth/otp-code.js';
import { NO_CODE, OtpHasher } from '../../src/auth/otp-hasher.js';
import { OTP_LIMITS_PER_IIN, waitBeforeNext } from '../../src/auth/otp-rate-limit.js';
import { phoneHint, standInPhoneHint } from '../../src/auth/phone-hint.js';

/** A random source that plays back 32-bit big-endian draws. */
function draws(...values: number[]) {
  const queue = [...values];
  return (length: number) => {
    expect(length).toBe(4);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, queue.shift() ?? 0);
    return bytes;
  };
}

describe('newOtpCode', () => {
  it('keeps leading zeros', () => {
    expect(newOtpCode(draws(42))).toBe('000042');
    expect(newOtpCode(draws(2_000_999_999))).toBe('999999');
  });

  it('redraws above the last whole multiple of a million, so every code is equally likely', () => {
    const limit = Math.floor(2 ** 32 / 1e6) * 1e6;

    expect(newOtpCode(draws(limit, 2 ** 32 - 1, 7))).toBe('000007');
    expect(newOtpCode(draws(limit - 1))).toBe('999999');
  });

  it('spreads real draws over all digits', () => {
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const firstDigits = new Set(Array.from({ length: 300 }, () => newOtpCode(random)[0]));

    expect(firstDigits.size).toBe(10);
  });
});

describe('OtpHasher', () => {
  const hasher = new OtpHasher('a-test-secret-of-thirty-two-chars!!');
  const salt = new Uint8Array(16).fill(9);

  it('matches the right code for the right IIN only', () => {
    const stored = hasher.hashCode('850412430212', '123456', salt);

    expect(hasher.codeMatches('850412430212', '123456', stored)).toBe(true);
    expect(hasher.codeMatches('850412430212', '123457', stored)).toBe(false);
    expect(hasher.codeMatches('850412430213', '123456', stored)).toBe(false);
  });

  it('depends on the secret and the salt', () => {
    const stored = hasher.hashCode('850412430212', '123456', salt);
    const otherKey = new OtpHasher('another-secret-of-thirty-two-chars!');

    expect(otherKey.codeMatches('850412430212', '123456', stored)).toBe(false);
    expect(hasher.hashCode('850412430212', '123456', new Uint8Array(16))).not.toBe(stored);
  });

  it('matches nothing against the no-SMS marker or a malformed value', () => {
    for (const stored of [NO_CODE, '', 'v1.x', 'v2.AAAA.AAAA', 'v1.AAAA.AAAA.AAAA']) {
      expect(hasher.codeMatches('850412430212', '123456', stored)).toBe(false);
    }
  });

  it('hashes a phone stably, without the digits in it', () => {
    const hash = hasher.hashPhone('+77011234567');

    expect(hash).toBe(hasher.hashPhone('+77011234567'));
    expect(hash).not.toBe(hasher.hashPhone('+77011234568'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('phone hints', () => {
  it('shows the operator code and the last two digits', () => {
    expect(phoneHint('+77011234567')).toBe('+7 701 *** ** 67');
    expect(phoneHint('+77759990011')).toBe('+7 775 *** ** 11');
  });

  it('shows nothing for what is not +7 and ten digits', () => {
    expect(phoneHint('87011234567')).toBeUndefined();
    expect(phoneHint('+7701123456')).toBeUndefined();
    expect(phoneHint('+996555123456')).toBeUndefined();
  });

  it('draws stand-in hints of the same form', () => {
    const hint = standInPhoneHint(new Uint8Array([255, 1, 2]));

    expect(hint).toMatch(/^\+7 7\d\d \*\*\* \*\* \d\d$/);
    expect(standInPhoneHint(new Uint8Array([255, 1, 2]))).toBe(hint);
  });
});

describe('waitBeforeNext', () => {
  const now = new Date('2026-12-03T07:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('lets the first request through', () => {
    expect(waitBeforeNext([], now, OTP_LIMITS_PER_IIN)).toBe(0);
  });

  it('waits for the minute after the last request', () => {
    expect(waitBeforeNext([ago(20_000)], now, OTP_LIMITS_PER_IIN)).toBe(40_000);
    expect(waitBeforeNext([ago(60_000)], now, OTP_LIMITS_PER_IIN)).toBe(0);
  });

  it('waits for the oldest of five in the hour to leave it', () => {
    const five = [ago(60_000), ago(120_000), ago(180_000), ago(240_000), ago(50 * 60_000)];

    expect(waitBeforeNext(five, now, OTP_LIMITS_PER_IIN)).toBe(10 * 60_000);
    expect(waitBeforeNext(five.slice(0, 4), now, OTP_LIMITS_PER_IIN)).toBe(0);
  });
});
