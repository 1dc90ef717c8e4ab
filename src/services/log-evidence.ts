import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/database.js';
import type { LogEntryRow, LogStore } from '../store/log-store.js';
import { SqlTreeStore } from '../store/sql-tree-store.js';
import { TranslogError } from '../translog/errors.js';
import { decodeLogEntry } from '../translog/log-entry.js';
import { hashLeaf } from '../translog/merkle.js';
import { inclusionProof } from '../translog/proofs.js';
import { verifyInclusion } from '../translog/verify-proof.js';
import type { CheckpointService, SignedCheckpoint } from './log-checkpoints.js';

/** What a receipt carries from the log about one certificate. */
export interface LogEvidence {
  checkpoint: SignedCheckpoint;
  /** The issuance entry, when the log holds one that describes this very record. */
  entry?: LogEntryRow;
  /** The entry's audit path to the checkpoint's root, checked; absent when not yet covered. */
  proof?: Uint8Array[];
}

/**
 * The latest checkpoint and a certificate's place under it, for receipts. Nothing goes into a
 * receipt that does not check out here: an entry that describes another record, or a proof that
 * leads elsewhere, is left out and logged, so the registry never signs evidence that fails.
 */
export class LogEvidenceReader {
  constructor(
    private readonly deps: {
      db: Database;
      logStore: LogStore;
      checkpoints: CheckpointService;
      logger: Logger;
    },
  ) {}

  /**
   * The evidence for `certificateId` whose record hashes to `recordDigest` (hex), if any. No
   * entry at all (a certificate issued before the log) is evidence of nothing; an entry that does
   * not describe the record, or that the tree does not hold, means the log's storage was changed,
   * and a receipt without it would read as the first case: that is refused instead.
   *
   * @throws TranslogError `tree_inconsistent` for such an entry (the web layer answers 500).
   */
  async evidence(certificateId?: string, recordDigest?: string): Promise<LogEvidence> {
    const checkpoint = await this.deps.checkpoints.latest();
    if (!certificateId || !recordDigest) return { checkpoint };

    const entry = await this.deps.logStore.issuanceEntry(certificateId);
    if (!entry) return { checkpoint };

    const described = decodeLogEntry(entry.data);
    const matches =
      described?.kind === 'certificate.issued' &&
      described.certificateId === certificateId &&
      described.recordDigest === recordDigest;
    if (!matches) {
      this.deps.logger.error('receipt.entry_mismatch', { certificateId, index: entry.index });
      throw new TranslogError('tree_inconsistent', `log entry ${entry.index} is not this record`);
    }
    if (entry.index >= checkpoint.size) return { checkpoint, entry };

    const proof = await this.#proof(entry, checkpoint);
    if (!proof) {
      throw new TranslogError('tree_inconsistent', `log entry ${entry.index} is not in the tree`);
    }
    return { checkpoint, entry, proof };
  }

  async #proof(entry: LogEntryRow, checkpoint: SignedCheckpoint): Promise<Uint8Array[] | null> {
    let proof: Uint8Array[];
    try {
      proof = await inclusionProof(
        new SqlTreeStore(this.deps.db, checkpoint.size),
        entry.index,
        checkpoint.size,
      );
    } catch (error) {
      if (!(error instanceof TranslogError)) throw error;
      proof = [];
    }

    const verdict = verifyInclusion({
      leafHash: hashLeaf(entry.data),
      index: entry.index,
      size: checkpoint.size,
      root: checkpoint.root,
      proof,
    });
    if (verdict.ok) return proof;

    this.deps.logger.error('receipt.proof_failed', { index: entry.index, size: checkpoint.size });
    return null;
  }
}
