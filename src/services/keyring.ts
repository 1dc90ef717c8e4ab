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
  /** For a compromised key: certificates it signed with an issue time at or after this fail. */
  compromisedAt: Date | null;
}

/** An unknown key hint reloads the keys at most this often, so garbage cannot flood us. */
const RELOAD_INTERVAL_MS = 5_000;

/**
 * How stale a key's status may be: a compromise declared through another instance shows here
 * within this time (through this instance, at once: the key service reloads the ring).
 */
const STATUS_TTL_MS = 5_000;

/**
 * The keys last read from the registry. On Node one Keyring holds its own; on Workers, where
 * services live for one request, the isolate keeps one snapshot that every request's Keyring
 * shares, so a signature can still be checked while the database is unreachable.
 */
export class KeySnapshot {
  byHint = new Map<string, VerificationKey[]>();
  byKid = new Map<string, VerificationKey>();
  loadedAt = Number.NEGATIVE_INFINITY;
}

/**
 * The public keys verification trusts, held in memory and indexed by the 8-byte hint that tokens
 * carry. Keys that are not strictly valid Ed25519 points (small order, non-canonical) are never
 * trusted, whatever the database says.
 */
export class Keyring {
  #reloading: Promise<void> | undefined;

  constructor(
    private readonly store: RegistryStore,
    private readonly clock: Clock,
    private readonly snapshot: KeySnapshot = new KeySnapshot(),
  ) {}

  async reload(): Promise<void> {
    const rows = await this.store.listKeys();
    const byHint = new Map<string, VerificationKey[]>();
    const byKid = new Map<string, VerificationKey>();
    for (const row of rows) {
      const key = toKey(row);
      if (!key) continue;
      byHint.set(key.kidHint, [...(byHint.get(key.kidHint) ?? []), key]);
      byKid.set(key.kid, key);
    }
    this.snapshot.byHint = byHint;
    this.snapshot.byKid = byKid;
    this.snapshot.loadedAt = this.clock.now().getTime();
  }

  /** Keys whose kid starts with the hint; reloads once when none is known (a key just added). */
  async byHint(hint: string): Promise<VerificationKey[]> {
    const known = this.snapshot.byHint.get(hint);
    if (known) return known;

    if (this.clock.now().getTime() - this.snapshot.loadedAt >= RELOAD_INTERVAL_MS) {
      await this.refresh();
    }
    return this.snapshot.byHint.get(hint) ?? [];
  }

  /** The key as the registry describes it now (status, compromise), at most a few seconds old. */
  async current(kid: string): Promise<VerificationKey | undefined> {
    if (this.clock.now().getTime() - this.snapshot.loadedAt >= STATUS_TTL_MS) {
      // The registry unreachable: a key we know keeps the status last read, so a cached record
      // still verifies; an unknown one cannot be judged and the error goes up.
      await this.refresh().catch((error) => {
        if (!this.snapshot.byKid.has(kid)) throw error;
      });
    }
    return this.snapshot.byKid.get(kid);
  }

  /** One reload at a time, however many verifications find the ring stale together. */
  private refresh(): Promise<void> {
    this.#reloading ??= this.reload().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
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
    compromisedAt: row.compromisedAt,
  };
}
