import { toBase64Url } from '../crypto/bytes.js';
import { kidHint } from '../crypto/jwk.js';
import type { Clock } from '../runtime/clock.js';
import type { SignerPublicKey } from '../signer/signer.js';
import { appendLogEntry } from '../store/log-append.js';
import type { RegistryStore } from '../store/registry-store.js';
import { keyRegisteredEntry } from '../translog/log-entry.js';

/**
 * Publishes the public half of every key the signer holds: a key is registered (and appears in
 * the JWKS and the transparency log) before its first signature. Keys already known are left as
 * they are.
 */
export async function registerSignerKeys(
  store: RegistryStore,
  keys: readonly SignerPublicKey[],
  clock: Clock,
): Promise<string[]> {
  const known = new Set((await store.listKeys()).map((k) => k.kid));
  const added: string[] = [];

  for (const key of keys) {
    if (known.has(key.kid)) continue;
    if (!(await store.provider(key.providerId))) {
      throw new Error(`signing key ${key.kid} belongs to unknown provider ${key.providerId}`);
    }

    const now = clock.now();
    await store.transaction(async (tx) => {
      await store.insertKey(tx, {
        kid: key.kid,
        kidHint: kidHint(key.kid),
        providerId: key.providerId,
        publicKey: toBase64Url(key.publicKey),
        status: 'active',
        notBefore: now,
        notAfter: null,
        compromisedAt: null,
        createdAt: now,
      });
      await store.appendEvent(tx, {
        at: now,
        kind: 'key.registered',
        actor: 'system',
        providerId: key.providerId,
        data: { kid: key.kid },
      });
      await appendLogEntry(
        tx,
        keyRegisteredEntry({
          at: now,
          providerId: key.providerId,
          kid: key.kid,
          publicKey: toBase64Url(key.publicKey),
        }),
      );
    });
    added.push(key.kid);
  }
  return added;
}
