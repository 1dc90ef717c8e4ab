/** Stable machine codes of the signer. Messages never carry key material or secret text. */
export type SignerErrorCode =
  | 'signer_config_invalid'
  | 'signer_key_file_invalid'
  | 'signer_key_mismatch'
  | 'signer_key_unknown'
  | 'signer_self_check_failed';

/**
 * Thrown when the signer cannot do what issuance asked. Issuance records the failure; the web
 * layer turns it into a 5xx without these details.
 */
export class SignerError extends Error {
  override readonly name = 'SignerError';

  constructor(
    readonly code: SignerErrorCode,
    message: string,
  ) {
    super(message);
  }
}
