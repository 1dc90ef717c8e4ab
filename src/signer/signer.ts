/**
 * The only door to private keys. Issuance holds a Signer; routes and verification never do.
 * A local key today, a KMS or HSM later: both fit behind these two methods.
 */
export interface Signer {
  /**
   * The 64-byte Ed25519 signature of `message` by the key `kid`.
   *
   * @throws SignerError `signer_key_unknown` when this signer holds no such key.
   */
  sign(kid: string, message: Uint8Array): Promise<Uint8Array>;

  /** Whether `sign` can use `kid`; lets issuance fail before it records an intent. */
  has(kid: string): boolean;
}

/** The public half of a key a signer holds, for the key registry and the JWKS. */
export interface SignerPublicKey {
  kid: string;
  providerId: string;
  publicKey: Uint8Array;
}
