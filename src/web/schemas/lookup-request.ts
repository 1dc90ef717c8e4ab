import { z } from 'zod';
import { fieldError } from '../../domain/errors.js';
import { parseIin } from '../../domain/iin.js';
import { SERIAL } from '../../domain/serial.js';

const IIN_WORDS = {
  format: 'expected 12 digits',
  check_digit: 'check digit does not match',
  century: 'the century digit is not valid',
  birth_date: 'encodes no real birth date',
} as const;

/** `POST /api/v1/verify/lookup`: the serial from the paper and the guardian's or child's IIN. */
export const lookupRequest = z.strictObject({
  serial: z
    .string()
    .trim()
    .toUpperCase()
    .regex(SERIAL, 'expected the serial as printed, e.g. AST-2026-000003'),
  iin: z
    .string()
    .trim()
    .regex(/^\d{12}$/, IIN_WORDS.format),
});

/**
 * The IIN's own rules, past its form: a wrong check digit or century is `422 invalid_iin` on
 * `iin`, as for an IIN anywhere else in the API. The message never repeats the IIN.
 *
 * @throws AppError `invalid_iin` naming `iin`.
 */
export function checkLookupIin(iin: string): void {
  const parsed = parseIin(iin);
  if (!parsed.ok) throw fieldError('invalid_iin', 'iin', IIN_WORDS[parsed.reason]);
}
