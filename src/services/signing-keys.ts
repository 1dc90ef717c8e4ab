import { AppError } from '../domain/errors.js';
import type { Signer } from '../signer/signer.js';
import type { ProviderKeyRow } from '../store/registry-store.js';

/**
 * The key a provider signs with now: active, inside its validity window, and held by the signer.
 * The newest such key wins, so a rotation takes effect as soon as the new key is registered.
 *
 * @throws AppError `no_signing_key` when the provider has no active key at all (409), and
 *   `service_unavailable` when it has some but this signer holds none of them (503).
 */
export function activeSigningKey(
  keys: readonly ProviderKeyRow[],
  signer: Signer,
  providerId: string,
  now: Date,
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
    throw new AppError('service_unavailable', 'No signing key is available for this provider');
  }
  return key;
}
