import { z } from 'zod';
import { parseIin } from '../../domain/iin.js';

/** A serial as printed: the provider's code, the year and the number, e.g. `AST-2026-000003`. */
export const SERIAL = /^[A-Z]{2,10}-\d{4}-\d{6,9}$/;

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
    .superRefine((iin, ctx) => {
      const parsed = parseIin(iin);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: IIN_WORDS[parsed.reason] });
    }),
});
