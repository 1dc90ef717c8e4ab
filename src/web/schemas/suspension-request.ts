import { z } from 'zod';
import { freeText } from './free-text.js';

/**
 * Why a certificate is suspended: reversible states, unlike the revocation reasons. A court case
 * about the guardianship, a check by the guardianship authority, or a paper reported lost.
 */
export const SUSPENSION_REASONS = ['court_proceedings', 'under_review', 'document_lost'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

const comment = freeText(500).optional();

/** `POST /api/v1/certificates/<id>/suspend`. */
export const suspendRequestSchema = z.strictObject({
  reason: z.enum(SUSPENSION_REASONS, {
    message: `expected one of ${SUSPENSION_REASONS.join(', ')}`,
  }),
  comment,
});

/** `POST /api/v1/certificates/<id>/reinstate`; the body may be left out, or `{}`. */
export const reinstateRequestSchema = z.strictObject({ comment });
