import { describe, expect, it } from 'vitest';
import { iinCheckDigit, maskIin, parseIin } from '../../src/domain/iin.js';
import { makeIin, withCheckDigit } from '../support/iin.js';

describe('iinCheckDigit', () => {
  it('is the weighted sum with weights 1..11, mod 11', () => {
    // 8·1 + 5·2 + 0·3 + 1·4 + 1·5 + 5·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11 = 89; 89 mod 11 = 1
    expect(iinCheckDigit('85011530001')).toBe(1);
    expect(iinCheckDigit('08072050001')).toBe(1);
    expect(iinCheckDigit('12022960001')).toBe(9);
  });

  it('takes a second pass with weights 3..11, 1, 2 when the first gives 10', () => {
    // First pass: 9·1 + 1·4 + 1·6 + 3·7 + 8·10 + 1·11 = 131; 131 mod 11 = 10.
    // Second pass: 9·3 + 1·6 + 1·8 + 3·9 + 8·1 + 1·2 = 78; 78 mod 11 = 1.
    expect(iinCheckDigit('90010130081')).toBe(1);
    expect(iinCheckDigit('90010130082')).toBe(3);
  });

  it('gives null when both passes give 10', () => {
    // First pass: 9 + 4 + 6 + 21 + 80 = 120 → 10; second: 27 + 6 + 8 + 27 + 8 = 76 → 10.
    expect(iinCheckDigit('90010130080')).toBeNull();
    expect(iinCheckDigit('90010130161')).toBeNull();
  });

  it.each(['', '1234567890', '123456789012', '1234567890a', '１２３４５６７８９０１'])(
    'refuses an argument that is not 11 ASCII digits: %j',
    (text) => {
      expect(() => iinCheckDigit(text)).toThrow(TypeError);
    },
  );
});

describe('parseIin', () => {
  it.each([
    ['850115300011', '1985-01-15', 'male'],
    ['080720500011', '2008-07-20', 'male'],
    ['120229600019', '2012-02-29', 'female'],
    ['900101300811', '1990-01-01', 'male'],
  ] as const)('reads %s as born %s, %s', (iin, birthDate, sex) => {
    expect(parseIin(iin)).toEqual({ ok: true, birthDate, sex });
  });

  it.each([
    ['1', '1800s', 'male', '1885-01-15'],
    ['2', '1800s', 'female', '1885-01-15'],
    ['3', '1900s', 'male', '1985-01-15'],
    ['4', '1900s', 'female', '1985-01-15'],
    ['5', '2000s', 'male', '2085-01-15'],
    ['6', '2000s', 'female', '2085-01-15'],
  ])('reads century digit %s as the %s, %s', (digit, _century, sex, birthDate) => {
    expect(parseIin(withCheckDigit(`850115${digit}`))).toEqual({ ok: true, birthDate, sex });
  });

  it.each([
    ['too short', '85011530001'],
    ['too long', '8501153000111'],
    ['letters', '85011530001a'],
    ['spaces around', ' 850115300011'],
    ['inner space', '850115 300011'],
    ['non-ASCII digits', '８５０１１５３０００１１'],
    ['empty', ''],
  ])('fails with format when %s', (_case, text) => {
    expect(parseIin(text)).toEqual({ ok: false, reason: 'format' });
  });

  it('fails with check_digit when the last digit is wrong', () => {
    expect(parseIin('850115300012')).toEqual({ ok: false, reason: 'check_digit' });
    expect(parseIin('900101300812')).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('fails with check_digit for every completion of a prefix where both passes give 10', () => {
    for (let digit = 0; digit <= 9; digit++) {
      expect(parseIin(`90010130080${digit}`)).toEqual({ ok: false, reason: 'check_digit' });
    }
  });

  it.each(['0', '7', '8', '9'])('fails with century when the 7th digit is %s', (digit) => {
    expect(parseIin(withCheckDigit(`850115${digit}`))).toEqual({ ok: false, reason: 'century' });
  });

  it.each([
    ['29 February in a common year', '2302296'],
    ['29 February 1900, not a leap year', '0002293'],
    ['month 13', '8513153'],
    ['month 00', '8500153'],
    ['day 00', '8501003'],
    ['31 April', '8504313'],
  ])('fails with birth_date on %s', (_case, first7) => {
    expect(parseIin(withCheckDigit(first7))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it.each([
    ['2024', '2402296', '2024-02-29'],
    ['2000', '0002295', '2000-02-29'],
    ['1996', '9602294', '1996-02-29'],
  ])('accepts 29 February in the leap year %s', (_year, first7, birthDate) => {
    expect(parseIin(withCheckDigit(first7))).toMatchObject({ ok: true, birthDate });
  });
});

describe('test/support/iin', () => {
  it.each([
    ['1985-01-15', 'male'],
    ['1985-01-15', 'female'],
    ['1899-12-31', 'female'],
    ['2012-02-29', 'male'],
    ['2024-03-01', 'female'],
  ] as const)('builds an IIN that parseIin reads back: %s %s', (birthDate, sex) => {
    expect(parseIin(makeIin(birthDate, sex))).toEqual({ ok: true, birthDate, sex });
  });

  it('steps past a serial that no check digit completes', () => {
    // Serial 0080 on 1990-01-01 male is the prefix where both passes give 10.
    const iin = makeIin('1990-01-01', 'male', 80);

    expect(iin.slice(0, 11)).toBe('90010130081');
    expect(parseIin(iin).ok).toBe(true);
  });

  it('withCheckDigit completes a prefix that parseIin then judges on date and century only', () => {
    expect(parseIin(withCheckDigit('8501150'))).toEqual({ ok: false, reason: 'century' });
    expect(parseIin(withCheckDigit('1602305'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseIin(withCheckDigit('1603105'))).toMatchObject({
      ok: true,
      birthDate: '2016-03-10',
    });
  });

  it('agrees with iinCheckDigit on every serial of one birth date', () => {
    for (let serial = 0; serial < 10_000; serial += 7) {
      const iin = makeIin('2010-06-30', 'female', serial);
      expect(iinCheckDigit(iin.slice(0, 11))).toBe(Number(iin[11]));
    }
  });
});

describe('maskIin', () => {
  it('shows only the last two digits', () => {
    expect(maskIin('850115300011')).toBe('••••••••••11');
  });

  it('hides the birth date and the century digit', () => {
    const masked = maskIin('850115300011');

    expect(masked).not.toContain('850115');
    expect(masked.slice(0, 10)).toBe('•'.repeat(10));
  });

  it.each(['', '123', '85011530001x', ' 850115300011'])(
    'masks a malformed input whole: %j',
    (text) => {
      expect(maskIin(text)).toBe('•'.repeat(12));
    },
  );
});
