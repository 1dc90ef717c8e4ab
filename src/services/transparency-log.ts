import { AppError, fieldError } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import type { LogStore } from '../store/log-store.js';
import { SqlTreeStore } from '../store/sql-tree-store.js';
import { consistencyProof, inclusionProof } from '../translog/proofs.js';
import type { CheckpointService, SignedCheckpoint } from './log-checkpoints.js';

export interface InclusionAnswer {
  index: number;
  size: number;
  proof: Uint8Array[];
}

export interface ConsistencyAnswer {
  from: number;
  to: number;
  proof: Uint8Array[];
}

/**
 * What the public log endpoints answer, for monitors written by anyone. Everything is served up
 * to the latest signed checkpoint and not beyond: a size no checkpoint vouches for has no root a
 * client could check a proof against, and serving it would only invite confusion.
 */
export class TransparencyLog {
  constructor(
    private readonly deps: {
      db: Database;
      logStore: LogStore;
      checkpoints: CheckpointService;
      /** `<name>+<key id>+<base64 key>`, see note-key.ts. */
      verifierKey: string;
    },
  ) {}

  get verifierKey(): string {
    return this.deps.verifierKey;
  }

  /** The latest signed checkpoint, signing a fresh one first when the policy says so. */
  checkpoint(): Promise<SignedCheckpoint> {
    return this.deps.checkpoints.latest();
  }

  /** Throws `foreign_checkpoint` when the stored log was signed under another name or key. */
  checkOwnership(): Promise<void> {
    return this.deps.checkpoints.checkOwnership();
  }

  /** The leaf data at `index`, once a checkpoint covers it. */
  async entry(index: number): Promise<{ index: number; leaf: Uint8Array }> {
    const signed = await this.signedSize();
    if (index >= signed) {
      throw new AppError(
        'size_beyond_checkpoint',
        `index: entry ${index} is beyond the latest checkpoint (size ${signed})`,
        'index',
      );
    }

    const row = await this.deps.logStore.entry(index);
    if (!row) throw new AppError('not_found', `index: the log holds no entry ${index}`, 'index');
    return { index, leaf: row.data };
  }

  /** The audit path of a certificate's issuance entry in the tree of `size` leaves. */
  async inclusion(certificateId: string, size: number): Promise<InclusionAnswer> {
    await this.checkSigned(size, 'size');

    const row = await this.deps.logStore.issuanceEntry(certificateId);
    if (!row) {
      throw fieldError('not_found', 'certificate', 'no issuance of this id is in the log');
    }
    if (row.index >= size) {
      throw fieldError(
        'not_found',
        'size',
        `the certificate's entry ${row.index} is not in the tree of size ${size}`,
      );
    }

    const proof = await inclusionProof(new SqlTreeStore(this.deps.db, size), row.index, size);
    return { index: row.index, size, proof };
  }

  /** The proof that the tree of `from` leaves is a prefix of the tree of `to`. */
  async consistency(from: number, to: number): Promise<ConsistencyAnswer> {
    if (from > to) throw fieldError('validation_failed', 'from', `expected at most to (${to})`);
    await this.checkSigned(to, 'to');

    const proof = await consistencyProof(new SqlTreeStore(this.deps.db, to), from, to);
    return { from, to, proof };
  }

  /**
   * The size of the latest checkpoint in the database, never from a cache: a monitor may read
   * the checkpoint from one instance and the entries from another, which must not know less.
   */
  private async signedSize(): Promise<number> {
    return (await this.deps.logStore.latestCheckpoint())?.size ?? 0;
  }

  private async checkSigned(size: number, field: string): Promise<void> {
    const signed = await this.signedSize();
    if (size > signed) {
      throw fieldError(
        'size_beyond_checkpoint',
        field,
        `expected at most ${signed}, the size of the latest checkpoint`,
      );
    }
  }
}
