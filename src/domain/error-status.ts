import type { ErrorCode } from './errors.js';

/**
 * The HTTP status for each error code, kept as a plain table so the domain stays free of HTTP
 * while the web layer maps codes in one place. 400 means the request has the wrong form; 422 means
 * it is well formed but breaks a rule of the service.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  invalid_iin: 422,
  iin_birth_date_mismatch: 422,
  guardian_not_adult: 422,
  guardian_age_implausible: 422,
  same_person: 422,
  age_does_not_fit_type: 422,
  date_out_of_range: 422,
  valid_until_out_of_range: 422,
  signature_invalid: 422,
  unauthorized: 401,
  otp_invalid: 401,
  otp_expired: 401,
  otp_attempts_exhausted: 401,
  eds_challenge_invalid: 401,
  eds_signature_invalid: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  idempotency_conflict: 409,
  conflict: 409,
  application_open: 409,
  certificate_revoked: 409,
  no_signing_key: 409,
  signing_key_not_held: 409,
  key_generation_unavailable: 409,
  payload_too_large: 413,
  headers_too_large: 431,
  qr_unreadable: 422,
  token_malformed: 422,
  size_beyond_checkpoint: 400,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
};
