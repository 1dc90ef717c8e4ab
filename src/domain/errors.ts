/**
 * The one error type of the application. Every failure a caller can react to carries a stable
 * machine `code` (a closed list: integrators branch on it, so codes are never renamed) and a human
 * `message` that may be reworded at any time. Only the web layer turns a code into an HTTP status.
 */

/** Every machine code the application can answer with. Add new codes; never rename or remove. */
export const ERROR_CODES = [
  // The request is malformed, or a field has the wrong form (length, characters, date format).
  'validation_failed',
  // The request body is not well-formed JSON.
  'malformed_json',
  // The request body is not of a media type the endpoint takes.
  'unsupported_media_type',
  // An IIN is not 12 digits, fails its check digit, or encodes no real birth date.
  'invalid_iin',
  // The child's IIN encodes a birth date other than the one given.
  'iin_birth_date_mismatch',
  // The guardian's IIN gives a person under 18 on the issue day.
  'guardian_not_adult',
  // The guardian's IIN gives a person over 100 on the date of the decision: a mistyped century.
  'guardian_age_implausible',
  // The guardian and the child have the same IIN.
  'same_person',
  // The child's age on the issue day does not fit the certificate type.
  'age_does_not_fit_type',
  // A date lies outside what the rules allow (a birth or decision date in the future, and so on).
  'date_out_of_range',
  // The requested end of validity is before the issue day or past the latest allowed day.
  'valid_until_out_of_range',
  // An applicant's EDS signature does not verify under the key the national PKI registers.
  'signature_invalid',
  'unauthorized',
  // Sign-in by SMS code: the code does not match; `attemptsLeft` says how many tries the code has
  // (sent as the `Attempts-Left` header: the error body keeps its one shape).
  'otp_invalid',
  // No usable code: it expired (5 minutes), was used or replaced, or none was requested.
  'otp_expired',
  // Three wrong codes: this code is blocked; a new one must be requested.
  'otp_attempts_exhausted',
  // Sign-in by EDS: the nonce is unknown, already used or expired; ask for a new challenge.
  'eds_challenge_invalid',
  // Sign-in by EDS: the signature does not verify under the key registered to the IIN.
  'eds_signature_invalid',
  'forbidden',
  'not_found',
  // The path exists but does not take this method; the Allow header lists those it takes.
  'method_not_allowed',
  // The same Idempotency-Key came back with a different request body.
  'idempotency_conflict',
  // The request contradicts the current state (for example, revoking a revoked certificate).
  'conflict',
  // The applicant already has an application for this child and certificate type that is not yet
  // issued or refused; the message names it by id (the API also points at it in Location).
  'application_open',
  // Suspending or reinstating a revoked certificate (revocation is final), or its holder asking
  // the cabinet for its documents: a revoked certificate is no longer handed out.
  'certificate_revoked',
  // The provider has no active signing key (all retired or compromised): rotate to a new one.
  'no_signing_key',
  // The provider's active key is one whose private key this instance's signer does not hold (it
  // was rotated in on another instance): configuration, SIGNING_KEYS; no retry here cures it.
  'signing_key_not_held',
  // This deployment's signer cannot make keys; a new seed comes through SIGNING_KEYS.
  'key_generation_unavailable',
  'payload_too_large',
  // The request line and headers are longer than the server reads (16 KB on Node).
  'headers_too_large',
  // An uploaded photo holds no QR code that could be read (blurred, cut off, or none there).
  'qr_unreadable',
  // A text given as a verify token is not even in the form of a token of this registry.
  'token_malformed',
  // A transparency log size or index asked for lies beyond the latest signed checkpoint.
  'size_beyond_checkpoint',
  'rate_limited',
  // A dependency (database, signer, state gateway) cannot answer now; the caller may retry.
  'service_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  /** The underlying error, kept for logs; never rendered to the caller. */
  cause?: unknown;
  /** For `otp_invalid`: how many more tries the code just sent allows (rendered to the caller). */
  attemptsLeft?: number;
}

/**
 * A failure with a stable code. Messages name the field and say what was expected and what came,
 * but never repeat an IIN, a name or a birth date: they end up in logs and in responses.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  /** Path of the offending request field, e.g. `guardian.lastName`, when one field is at fault. */
  readonly field?: string;
  /** How many more tries a sign-in code allows, on `otp_invalid` only. */
  readonly attemptsLeft?: number;

  constructor(code: ErrorCode, message: string, field?: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (field !== undefined) this.field = field;
    if (options.attemptsLeft !== undefined) this.attemptsLeft = options.attemptsLeft;
  }
}

/** Narrows an unknown thrown value to an `AppError`, so handlers need not use `instanceof`. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Shorthand for a field-level error whose message starts with the field path. */
export function fieldError(code: ErrorCode, field: string, detail: string): AppError {
  return new AppError(code, `${field}: ${detail}`, field);
}
