/**
 * Builds valid IINs for tests anywhere in the project. It computes the check digit on its own,
 * without importing the domain, so that it also serves as an independent check of `src/domain/iin`.
 */

export type TestSex = 'male' | 'female';

const CENTURY_DIGITS: Record<number, [male: string, female: string]> = {
  18: ['1', '2'],
  19: ['3', '4'],
  20: ['5', '6'],
};

/**
 * A valid IIN for a person born on `birthDate` (`YYYY-MM-DD`, years 1800..2099). `serial` (0..9999)
 * is a starting point: when it yields a prefix that no check digit can complete, the next serial
 * is taken, so the result is always valid and the same arguments always give the same IIN.
 */
export function makeIin(birthDate: string, sex: TestSex = 'male', serial = 1): string {
  const match = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new TypeError(`makeIin: expected YYYY-MM-DD, got ${birthDate}`);

  const [, centuryText, yy, mm, dd] = match;
  const digits = CENTURY_DIGITS[Number(centuryText)];
  if (!digits) throw new RangeError(`makeIin: no IIN century digit for ${birthDate}`);
  const centuryDigit = sex === 'male' ? digits[0] : digits[1];

  for (let step = 0; step < 10_000; step++) {
    const serialText = String((serial + step) % 10_000).padStart(4, '0');
    const prefix = `${yy}${mm}${dd}${centuryDigit}${serialText}`;
    const check = checkDigit(prefix);
    if (check !== undefined) return prefix + check;
  }

  throw new Error('makeIin: no serial gives a valid check digit');
}

function checkDigit(prefix: string): number | undefined {
  const digits = prefix.split('').map(Number);

  let sum = 0;
  digits.forEach((digit, i) => {
    sum += digit * (i + 1);
  });
  if (sum % 11 !== 10) return sum % 11;

  sum = 0;
  digits.forEach((digit, i) => {
    sum += digit * (((i + 2) % 11) + 1);
  });
  return sum % 11 === 10 ? undefined : sum % 11;
}

/**
 * Completes the first 7 digits of an IIN (date and century digit, which need not be valid) with
 * the first serial from 0001 that has a check digit. For building IINs that pass the check digit
 * but fail another rule, such as a century digit of 0 or a 30 February.
 */
export function withCheckDigit(first7: string): string {
  if (!/^\d{7}$/.test(first7)) throw new TypeError('withCheckDigit: expected exactly 7 digits');

  for (let serial = 1; serial < 10_000; serial++) {
    const prefix = first7 + String(serial).padStart(4, '0');
    const check = checkDigit(prefix);
    if (check !== undefined) return prefix + check;
  }

  throw new Error('withCheckDigit: no serial gives a valid check digit');
}

/** The same IIN with a check digit that does not match. */
export function breakCheckDigit(iin: string): string {
  return iin.slice(0, 11) + String((Number(iin.slice(11)) + 1) % 10);
}
