import type { PublishedKey } from './token-check.js';

/** Where the published keys are kept between visits, so a signature can be checked offline. */
const STORAGE_KEY = 'registry.jwks.v1';

interface StoredKeys {
  fetchedAt: number;
  keys: PublishedKey[];
}

/**
 * The registry's published keys: fresh from `/.well-known/jwks.json` when the network answers,
 * otherwise the copy kept in localStorage from the last visit. Keys are public, so keeping them
 * is harmless; a kept key still has to be its own thumbprint (token-check.ts).
 */
export class KeyStore {
  #loading: Promise<PublishedKey[] | undefined> | undefined;

  /** Starts fetching at once, so the keys are there by the time a code is scanned. */
  prefetch(): void {
    this.#loading ??= this.#load();
  }

  /** The keys, or undefined when there is neither network nor a kept copy. */
  keys(): Promise<PublishedKey[] | undefined> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<PublishedKey[] | undefined> {
    try {
      const response = await fetch('/.well-known/jwks.json', { cache: 'no-cache' });
      if (!response.ok) throw new Error(`jwks answered ${response.status}`);
      const body = (await response.json()) as { keys?: PublishedKey[] };
      const keys = Array.isArray(body.keys) ? body.keys : [];
      const stored: StoredKeys = { fetchedAt: Date.now(), keys };
      localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
      return keys;
    } catch {
      this.#loading = undefined; // try the network again next time
      return kept();
    }
  }
}

function kept(): PublishedKey[] | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredKeys | null;
    return Array.isArray(stored?.keys) ? stored.keys : undefined;
  } catch {
    return undefined;
  }
}
