/**
 * The Kazakhstan individual identification number (IIN) of a person: twelve digits laid out as
 *
 *   YYMMDD  birth date
 *   C       century and sex: 1/2 born in the 1800s, 3/4 in the 1900s, 5/6 in the 2000s;
 *           odd is male, even is female
 *   NNNN    serial
 *   K       check digit
 *
 * A 0 in the century place appears on numbers issued to some foreign nationals and carries no
 * birth century; the registry deals only with persons whose birth date the IIN encodes, so 0 (and
 * 7, 8, 9) are rejected with reason `century`.
 */

import { isValidDay } from './calendar.js';
import type { Day } from './certificate.js';

export type Sex = 'male' | 'female';

/** Why a text is not a usable IIN; stable values that callers may branch on. */
export type IinFailure = 'format' | 'check_digit' | 'century' | 'birth_date';

export type IinParse = { ok: true; birthDate: Day; sex: Sex } | { ok: false; reason: IinFailure };

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

const CENTURY_BY_DIGIT: Record<string, number> = {
  1: 1800,
  2: 1800,
  3: 1900,
  4: 1900,
  5: 2000,
  6: 2000,
};

const MASK = '•';

/**
 * The check digit for the first eleven digits of an IIN, or `null` when no digit works (both
 * weighted sums leave 10): such a prefix is never issued, and an IIN built on it is invalid.
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new TypeError('iinCheckDigit: expected exactly 11 digits');

  const digits = [...first11].map(Number);
  const first = weightedSum(digits, FIRST_PASS_WEIGHTS) % 11;
  if (first !== 10) return first;

  const second = weightedSum(digits, SECOND_PASS_WEIGHTS) % 11;
  return second === 10 ? null : second;
}

/**
 * Reads an IIN. The text must be exactly twelve ASCII digits (trim at the boundary, not here).
 * Failures are checked in a fixed order: format, check digit, century, birth date.
 */
export function parseIin(text: string): IinParse {
  if (!/^\d{12}$/.test(text)) return { ok: false, reason: 'format' };

  if (iinCheckDigit(text.slice(0, 11)) !== Number(text[11])) {
    return { ok: false, reason: 'check_digit' };
  }

  const centuryDigit = text[6] ?? '';
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) return { ok: false, reason: 'century' };

  const year = century + Number(text.slice(0, 2));
  const birthDate = `${year}-${text.slice(2, 4)}-${text.slice(4, 6)}`;
  if (!isValidDay(birthDate)) return { ok: false, reason: 'birth_date' };

  const sex: Sex = Number(centuryDigit) % 2 === 1 ? 'male' : 'female';
  return { ok: true, birthDate, sex };
}

/**
 * An IIN for display where the full number must not appear (logs, verification answers): ten
 * bullets and the last two digits, e.g. `••••••••••12`. The last two digits are the end of the
 * serial and the check digit, so neither the birth date nor the sex is revealed, yet a person
 * holding the paper can see that it is their number. Anything that is not twelve digits is masked
 * completely, so a malformed input is never echoed either.
 */
export function maskIin(iin: string): string {
  if (!/^\d{12}$/.test(iin)) return MASK.repeat(12);
  return MASK.repeat(10) + iin.slice(10);
}

function weightedSum(digits: number[], weights: number[]): number {
  return digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0);
}
