/**
 * Stable machine codes for inputs the crypto helpers refuse. Callers branch on `code`; the
 * message is for people and names the field, what was expected and what came.
 */
export type CryptoErrorCode =
  | 'canonical_json_unsupported'
  | 'certificate_id_invalid'
  | 'encoding_invalid'
  | 'key_invalid'
  | 'token_field_invalid';

/**
 * Thrown when a caller hands the crypto layer a value it cannot encode. A signature that does not
 * verify is never an error: verification answers `false` instead.
 */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(
    readonly code: CryptoErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
