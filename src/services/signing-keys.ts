import { AppError } from '../domain/errors.js';
import type { Signer } from '../signer/signer.js';
import type { ProviderKeyRow } from '../store/registry-store.js';

/**
 * The key a provider signs with now: active, inside its validity window, and held by the signer.
 * The newest such key wins, so a rotation takes effect as soon as the new key is registered.
 */
export function activeSigningKey(
  keys: readonly ProviderKeyRow[],
  signer: Signer,
  providerId: string,
  now: Date,
): ProviderKeyRow {
  const usable = keys
    .filter((k) => k.providerId === providerId && k.status === 'active')
    .filter((k) => k.notBefore <= now && (k.notAfter === null || now < k.notAfter))
    .filter((k) => signer.has(k.kid))
    .sort((a, b) => b.notBefore.getTime() - a.notBefore.getTime());

  const key = usable[0];
  if (!key) {
    throw new AppError('service_unavailable', 'No signing key is available for this provider');
  }
  return key;
}
