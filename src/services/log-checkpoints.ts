import { bytesEqual } from '../crypto/bytes.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { Database } from '../store/database.js';
import type { LogCheckpointRow, LogStore } from '../store/log-store.js';
import { lockLogHead, readHeadSize, SqlTreeStore } from '../store/sql-tree-store.js';
import { TranslogError } from '../translog/errors.js';
import {
  type NoteSigningKey,
  type NoteVerifierKey,
  parseVerifierKey,
  verifierKeyString,
} from '../translog/note-key.js';
import { treeRoot } from '../translog/proofs.js';
import { openCheckpoint, signCheckpoint } from '../translog/signed-checkpoint.js';

/** A signed tree head as stored and served. */
export type SignedCheckpoint = LogCheckpointRow;

export interface CheckpointDeps {
  db: Database;
  logStore: LogStore;
  /** The log's own key; it signs nothing but checkpoints. */
  key: NoteSigningKey;
  /** The log's name, also the key name: `<PUBLIC_URL host>/registry-log`. */
  origin: string;
  clock: Clock;
  logger: Logger;
  /** The least age of the latest checkpoint before a grown tree gets a new one. Default 1 s. */
  minIntervalMs?: number;
}

/**
 * Signs checkpoints on demand and keeps the fixed rule: a checkpoint is never signed for a size
 * below the latest, nor with a second root for a size already signed.
 *
 * Policy: whoever asks for the checkpoint gets the latest; if the tree has grown since and that
 * checkpoint is at least `minIntervalMs` old, a new one is signed first. So a published
 * checkpoint trails the tree by about a second at most while anyone is looking, and a busy
 * registry signs about one checkpoint a second, however many certificates it issues.
 *
 * The rule is kept by the database as much as by this code: signing runs in a transaction that
 * locks the log head (appends wait, other signers wait), the size is the primary key of
 * `log_checkpoints`, and a trigger refuses any size not above every earlier one.
 */
export class CheckpointService {
  #cached: { checkpoint: SignedCheckpoint; readAt: number } | undefined;
  /** The read under way for {@link current}, so a burst of scans waits for one query. */
  #refreshing: Promise<SignedCheckpoint> | undefined;
  readonly #minIntervalMs: number;
  /** This log's name and public key, which every checkpoint it serves must verify under. */
  readonly #verifier: NoteVerifierKey;
  /** The size of the latest checkpoint already found to be this log's. */
  #oursUpTo = -1;

  constructor(private readonly deps: CheckpointDeps) {
    this.#minIntervalMs = deps.minIntervalMs ?? 1_000;
    this.#verifier = parseVerifierKey(verifierKeyString(deps.origin, deps.key.publicKey));
  }

  /** The latest checkpoint, read from the database, after signing a new one if the policy says. */
  async latest(): Promise<SignedCheckpoint> {
    const { db, logStore, clock } = this.deps;
    const newest = await logStore.latestCheckpoint();
    if (newest) await this.#assertOurs(newest);
    const size = await readHeadSize(db);

    const now = clock.now().getTime();
    const stale = newest && now - newest.signedAt.getTime() >= this.#minIntervalMs;
    const checkpoint = !newest || (size > newest.size && stale) ? await this.sign() : newest;

    // A slower concurrent read may finish last: the cache keeps the larger checkpoint.
    if (!this.#cached || checkpoint.size >= this.#cached.checkpoint.size) {
      this.#cached = { checkpoint, readAt: now };
    }
    return checkpoint;
  }

  /**
   * The same, but answered from memory while under `minIntervalMs` old: the verify path asks on
   * every scan and must not cost a query. Monitors read {@link latest}, which never goes back.
   */
  async current(): Promise<SignedCheckpoint> {
    const cached = this.#cached;
    const now = this.deps.clock.now().getTime();
    if (cached && now - cached.readAt < this.#minIntervalMs) return cached.checkpoint;

    this.#refreshing ??= this.latest().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /**
   * Signs a checkpoint of the whole tree unless the latest already has its size, and answers the
   * one that now stands. Before signing it re-derives the latest checkpoint's root from the
   * stored tree: if the two differ the storage was changed, and signing would fork the log.
   *
   * @throws TranslogError `tree_inconsistent` when the stored tree contradicts the latest
   *   checkpoint: the web layer answers 500, monitors see the log stop, the log says why;
   *   `foreign_checkpoint` when the latest checkpoint is not this log's.
   */
  async sign(): Promise<SignedCheckpoint> {
    const { db, logStore, key, origin, clock, logger } = this.deps;

    return db.transaction(async (tx) => {
      const size = await lockLogHead(tx);
      const newest = await logStore.latestCheckpoint(tx);
      const tree = new SqlTreeStore(tx, size);

      if (newest) {
        await this.#assertOurs(newest);
        const root = newest.size <= size ? await treeRoot(tree, newest.size) : undefined;
        if (!root || !bytesEqual(root, newest.root)) {
          logger.error('log.inconsistent', { checkpointSize: newest.size, treeSize: size });
          throw new TranslogError(
            'tree_inconsistent',
            `the stored tree contradicts the checkpoint of size ${newest.size}`,
          );
        }
        if (newest.size === size) return newest;
      }

      const root = await treeRoot(tree, size);
      const signedAt = clock.now();
      const note = await signCheckpoint({ origin, size, rootHash: root }, key);
      const checkpoint = { size, root, note, signedAt };
      await logStore.insertCheckpoint(tx, checkpoint);

      logger.info('log.checkpoint_signed', { size });
      return checkpoint;
    });
  }

  /**
   * Reads the latest checkpoint, signs nothing, and throws unless it is this log's (or there is
   * none yet): a start calls it to stop early rather than fail on every later request.
   *
   * @throws TranslogError `foreign_checkpoint`.
   */
  async checkOwnership(): Promise<void> {
    const newest = await this.deps.logStore.latestCheckpoint();
    if (newest) await this.#assertOurs(newest);
  }

  /**
   * Refuses to serve or extend a checkpoint that this log's name and key do not verify: two
   * instances on one database with different PUBLIC_URLs (or log keys) would otherwise sign one
   * tree under two names, and monitors and receipts would fail against either.
   *
   * @throws TranslogError `foreign_checkpoint`.
   */
  async #assertOurs(checkpoint: SignedCheckpoint): Promise<void> {
    if (checkpoint.size <= this.#oursUpTo) return;
    const verdict = await openCheckpoint(checkpoint.note, this.#verifier);
    if (!verdict.ok) {
      const { origin, logger } = this.deps;
      logger.error('log.foreign_checkpoint', { size: checkpoint.size, expected: origin });
      throw new TranslogError(
        'foreign_checkpoint',
        `the checkpoint of size ${checkpoint.size} is not signed as ${origin} with this log's ` +
          'key: every instance on this database needs the same PUBLIC_URL and LOG_SIGNING_KEY',
      );
    }
    this.#oursUpTo = checkpoint.size;
  }
}

/**
 * The log's origin line and key name: the public host and a fixed path, schema-less as
 * c2sp.org/tlog-checkpoint recommends, e.g. `verify.example.kz/registry-log`.
 */
export function logOrigin(publicUrl: string): string {
  return `${new URL(publicUrl).host}/registry-log`;
}
