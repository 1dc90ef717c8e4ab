import { fromBase64Url } from '../crypto/bytes.js';
import { verifyStrict } from '../crypto/ed25519.js';
import { AppError, fieldError } from '../domain/errors.js';
import { isGatewayUnavailable, type StateGateway } from '../gateway/gateway.js';

/**
 * Checks the applicant's EDS signature over the application document against the public key
 * the national PKI registers to their IIN (the identity source of the gateway stands in for it).
 * Strict Ed25519 (RFC 8032 §5.1.7), the same policy as the registry's own tokens.
 *
 * @throws AppError `validation_failed` for a signature that is not 64 bytes of base64url,
 *   `signature_invalid` when no key is registered or the signature does not verify, and
 *   `service_unavailable` when the identity source cannot be asked.
 */
export async function verifyApplicantSignature(
  gateway: StateGateway,
  applicantIin: string,
  document: string,
  signature: string,
): Promise<void> {
  let signatureBytes: Uint8Array;
  try {
    signatureBytes = fromBase64Url(signature, 'signature');
  } catch {
    throw fieldError('validation_failed', 'signature', 'expected unpadded base64url');
  }
  if (signatureBytes.length !== 64) {
    const detail = `expected an Ed25519 signature of 64 bytes; found ${signatureBytes.length}`;
    throw fieldError('validation_failed', 'signature', detail);
  }

  const person = await gateway.identity.person(applicantIin).catch((error: unknown) => {
    if (!isGatewayUnavailable(error)) throw error;
    throw new AppError(
      'service_unavailable',
      'The national PKI cannot be asked for your EDS key right now; try again shortly',
      undefined,
      { cause: error },
    );
  });
  if (!person?.edsPublicKey) {
    const detail = 'no EDS key is registered to your IIN; apply with an SMS-code session';
    throw fieldError('signature_invalid', 'signature', detail);
  }

  const publicKey = fromBase64Url(person.edsPublicKey, 'edsPublicKey');
  const message = new TextEncoder().encode(document);
  if (!(await verifyStrict(publicKey, message, signatureBytes))) {
    const detail = 'does not verify under your registered EDS key over the application document';
    throw fieldError('signature_invalid', 'signature', detail);
  }
}
