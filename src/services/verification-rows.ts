import { LRUCache } from 'lru-cache';
import { bytesToHex, utf8ToBytes } from '../crypto/bytes.js';
import { recordDigest } from '../crypto/token.js';
import { BatchedLookup, type Prefetch } from '../store/batched-lookup.js';
import type { CertificateRow, RegistryStore } from '../store/registry-store.js';
import type { CertificateSummary } from './verification-result.js';

/** A registry row as the verify path keeps it. */
export interface CachedRow {
  row: CertificateRow;
  /** Undefined when the stored record is not JSON: it cannot be the record that was signed. */
  summary: CertificateSummary | undefined;
  /** Digest of the stored record bytes, computed once per read. */
  digest: string;
  /** When the read that produced this started (ms since the epoch, from the injected clock). */
  readAt: number;
  /** Whether a scan used this copy after the one that read it: a hot row, worth refreshing. */
  reused: boolean;
}

export interface VerificationRowsDeps {
  store: Pick<RegistryStore, 'certificatesById'>;
  /** How long a row may be reused; see VerificationDeps.statusTtlMs. */
  ttlMs: number;
  /** The current time in ms; the injected clock. */
  now: () => number;
  /** The public summary of a row; undefined when its record is unreadable. */
  summarize: (row: CertificateRow) => Promise<CertificateSummary | undefined>;
}

/** Rows kept in memory: one QR is scanned many times, by many verifiers. */
const CACHE_ENTRIES = 20_000;

/**
 * The registry rows the verify path checks tokens against, each reused for at most `ttlMs`:
 * that bounds how late a revocation made by another process can show. Revocations made here
 * call {@link forget} and show at once.
 *
 * The cost is in the reads, about half a millisecond per statement on the embedded database
 * whatever it returns, and so the reads are shared: the scans that need a row while one read
 * runs are read together in the next, and each read also takes along the hot rows (used again
 * since they were read) that are past half their time, so that a row scanned over and over is
 * refreshed in a shared statement before a scan has to wait for it alone. Reading earlier only
 * makes a row fresher: the bound stays exact.
 */
export class VerificationRows {
  #rows = new LRUCache<string, CachedRow>({ max: CACHE_ENTRIES });
  /** Cached copies in the order they were read, oldest first, for refreshing ahead. */
  #readOrder: { id: string; copy: CachedRow }[] = [];
  #reads: BatchedLookup<CertificateRow>;
  /** Counts {@link forget} calls, so a read that overlapped one is not cached. */
  #forgets = 0;

  constructor(private readonly deps: VerificationRowsDeps) {
    this.#reads = new BatchedLookup((ids) => deps.store.certificatesById(ids), {
      prefetch: (room) => this.#prefetch(room),
    });
  }

  /** The row and its summary, from memory while it is fresh; undefined when there is none. */
  async get(id: string, now: number): Promise<CachedRow | undefined> {
    const cached = this.#rows.get(id);
    if (cached && now - cached.readAt < this.deps.ttlMs) {
      cached.reused = true;
      return cached;
    }

    const forgets = this.#forgets;
    const row = await this.#reads.get(id);
    if (!row) return undefined;

    const fresh = await this.#copy(row, now);
    // A revocation that finished during the read may not be in it: answer this scan from the
    // read (it overlapped the revocation), but leave the next to read again.
    if (forgets === this.#forgets) this.#keep(fresh);
    return fresh;
  }

  /** The cached row, fresh or not, without reading; for what the verdict already checked. */
  peek(id: string): CertificateRow | undefined {
    return this.#rows.get(id)?.row;
  }

  /** Drops what is cached about a certificate; revocation calls this so it shows at once. */
  forget(id: string): void {
    this.#rows.delete(id);
    this.#forgets += 1;
  }

  async #copy(row: CertificateRow, readAt: number): Promise<CachedRow> {
    return {
      row,
      summary: await this.deps.summarize(row),
      digest: bytesToHex(recordDigest(utf8ToBytes(row.record))),
      readAt,
      reused: false,
    };
  }

  #keep(copy: CachedRow): void {
    this.#rows.set(copy.row.id, copy);
    this.#readOrder.push({ id: copy.row.id, copy });
    if (this.#readOrder.length > 2 * CACHE_ENTRIES) this.#readOrder.splice(0, CACHE_ENTRIES);
  }

  /**
   * Hot rows past half their time, oldest first. A copy past half its time that no scan used
   * again waits in the queue until one does or it expires; replaced and expired copies go.
   */
  #prefetch(room: number): Prefetch<CertificateRow> | undefined {
    const now = this.deps.now();
    const due: string[] = [];
    const waiting: { id: string; copy: CachedRow }[] = [];
    let taken = 0;
    while (taken < this.#readOrder.length && due.length < room) {
      const entry = this.#readOrder[taken];
      if (!entry || now - entry.copy.readAt < this.deps.ttlMs / 2) break;
      taken += 1;
      if (this.#rows.peek(entry.id) !== entry.copy) continue;
      if (entry.copy.reused) due.push(entry.id);
      else if (now - entry.copy.readAt < this.deps.ttlMs) waiting.push(entry);
    }
    this.#readOrder.splice(0, taken, ...waiting);
    if (due.length === 0) return undefined;

    const forgets = this.#forgets;
    return {
      keys: due,
      received: (found) => {
        if (forgets !== this.#forgets) return;
        for (const id of due) {
          const row = found.get(id);
          if (!row) {
            this.#rows.delete(id);
            continue;
          }
          void this.#copy(row, now).then((copy) => {
            if (forgets === this.#forgets) this.#keep(copy);
          });
        }
      },
    };
  }
}
