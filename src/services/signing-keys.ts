import { AppError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import type { Signer } from '../signer/signer.js';
import type { ProviderKeyRow } from '../store/registry-store.js';

/**
 * The key a provider signs with now: active, inside its validity window, and held by the signer.
 * The newest such key wins, so a rotation takes effect as soon as the new key is registered.
 *
 * @throws AppError `no_signing_key` (409) when the provider has no active key at all, and
 *   `signing_key_not_held` (409) when it has some but this instance's signer holds none of them
 *   (a key rotated in on another instance, whose seed SIGNING_KEYS here lacks): configuration,
 *   which no retry here cures. That one is logged at error level with the kid, for the operator.
 */
export function activeSigningKey(
  keys: readonly ProviderKeyRow[],
  signer: Signer,
  providerId: string,
  now: Date,
  logger: Logger,
): ProviderKeyRow {
  const active = keys
    .filter((k) => k.providerId === providerId && k.status === 'active')
    .filter((k) => k.notBefore <= now && (k.notAfter === null || now < k.notAfter));
  if (active.length === 0) {
    // An administrator retired or declared compromised the last key: a state, not an outage.
    throw new AppError(
      'no_signing_key',
      'The provider has no active signing key: an administrator must rotate to a new key',
    );
  }

  const usable = active
    .filter((k) => signer.has(k.kid))
    .sort((a, b) => b.notBefore.getTime() - a.notBefore.getTime());
  const key = usable[0];
  if (!key) {
    const newest = [...active].sort((a, b) => b.notBefore.getTime() - a.notBefore.getTime())[0];
    logger.error('signing.key_missing', { providerId, kid: newest?.kid });
    throw new AppError(
      'signing_key_not_held',
      "This instance holds no private key for the provider's active signing key: the operator " +
        'must add its seed to SIGNING_KEYS (configuration) and restart',
    );
  }
  return key;
}
