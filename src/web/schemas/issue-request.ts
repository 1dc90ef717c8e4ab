import { z } from 'zod';
import { CERTIFICATE_TYPES } from '../../domain/certificate.js';
import { freeText } from './free-text.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const iin = z.string().regex(/^\d{12}$/, 'expected 12 digits');
const name = z.string().min(1, 'must not be empty').max(100, 'at most 100 characters');

const person = {
  iin,
  lastName: name,
  firstName: name,
  middleName: name.optional(),
};

/**
 * The shape of `POST /api/v1/certificates` (DESIGN.md). Unknown fields are rejected so that a
 * misspelt `midleName` is an error, not a silently dropped patronymic. Domain rules (check
 * digits, ages, dates) are checked by the issuance service after this.
 */
export const issueRequestSchema = z.strictObject({
  type: z.enum(CERTIFICATE_TYPES, { message: 'expected "guardianship" or "trusteeship"' }),
  guardian: z.strictObject(person),
  child: z.strictObject({ ...person, birthDate: day }),
  decision: z.strictObject({
    number: z.string().min(1, 'must not be empty').max(50, 'at most 50 characters'),
    date: day,
  }),
  validUntil: day.optional(),
});

export type IssueRequest = z.infer<typeof issueRequestSchema>;

export const REVOCATION_REASONS = [
  'guardianship_terminated',
  'issued_in_error',
  'superseded',
  'data_changed',
  'court_decision',
  'holder_deceased',
] as const;

export const revokeRequestSchema = z.strictObject({
  reason: z.enum(REVOCATION_REASONS, {
    message: `expected one of ${REVOCATION_REASONS.join(', ')}`,
  }),
  comment: freeText(500).optional(),
});
