import { z } from 'zod';

/** The form only; the check digit and birth date are checked by the sign-in services. */
const iin = z.string().regex(/^\d{12}$/, 'expected 12 digits');

/** `POST /api/v1/auth/otp`. */
export const otpRequestSchema = z.strictObject({ iin });

/** `POST /api/v1/auth/otp/verify`. */
export const otpVerifySchema = z.strictObject({
  iin,
  code: z.string().regex(/^\d{6}$/, 'expected the 6 digits of the SMS code'),
});

/** `POST /api/v1/auth/eds`: base64url without padding, 32-byte nonce and 64-byte signature. */
export const edsSignInSchema = z.strictObject({
  iin,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected the 43-character nonce of a challenge'),
  signature: z
    .string()
    .regex(/^[A-Za-z0-9_-]{86}$/, 'expected 86 base64url characters (a 64-byte signature)'),
});
