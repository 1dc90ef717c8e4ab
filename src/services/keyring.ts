import { fromBase64Url } from '../crypto/bytes.js';
import { checkPublicKey } from '../crypto/ed25519.js';
import type { Clock } from '../runtime/clock.js';
import type { ProviderKeyRow, RegistryStore } from '../store/registry-store.js';

export interface VerificationKey {
  kid: string;
  kidHint: string;
  providerId: string;
  publicKey: Uint8Array;
  status: string;
  notBefore: Date;
  notAfter: Date | null;
}

/** An unknown key hint reloads the keys at most this often, so garbage cannot flood us. */
const RELOAD_INTERVAL_MS = 5_000;

/**
 * The keys last read from the registry. On Node one Keyring holds its own; on Workers, where
 * services live for one request, the isolate keeps one snapshot that every request's Keyring
 * shares, so a signature can still be checked while the database is unreachable.
 */
export class KeySnapshot {
  byHint = new Map<string, VerificationKey[]>();
  loadedAt = Number.NEGATIVE_INFINITY;
}

/**
 * The public keys verification trusts, held in memory and indexed by the 8-byte hint that tokens
 * carry. Keys that are not strictly valid Ed25519 points (small order, non-canonical) are never
 * trusted, whatever the database says.
 */
export class Keyring {
  constructor(
    private readonly store: RegistryStore,
    private readonly clock: Clock,
    private readonly snapshot: KeySnapshot = new KeySnapshot(),
  ) {}

  async reload(): Promise<void> {
    const rows = await this.store.listKeys();
    const byHint = new Map<string, VerificationKey[]>();
    for (const row of rows) {
      const key = toKey(row);
      if (!key) continue;
      byHint.set(key.kidHint, [...(byHint.get(key.kidHint) ?? []), key]);
    }
    this.snapshot.byHint = byHint;
    this.snapshot.loadedAt = this.clock.now().getTime();
  }

  /** Keys whose kid starts with the hint; reloads once when none is known (a key just added). */
  async byHint(hint: string): Promise<VerificationKey[]> {
    const known = this.snapshot.byHint.get(hint);
    if (known) return known;

    if (this.clock.now().getTime() - this.snapshot.loadedAt >= RELOAD_INTERVAL_MS) {
      await this.reload();
    }
    return this.snapshot.byHint.get(hint) ?? [];
  }
}

function toKey(row: ProviderKeyRow): VerificationKey | undefined {
  const publicKey = fromBase64Url(row.publicKey, 'publicKey');
  if (!checkPublicKey(publicKey)) return undefined;
  return {
    kid: row.kid,
    kidHint: row.kidHint,
    providerId: row.providerId,
    publicKey,
    status: row.status,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
  };
}
