import { LRUCache } from 'lru-cache';

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
import type { LogPosition } from './verification-result.js';

const CACHE_ENTRIES = 20_000;

/**
 * Where a certificate stands in the transparency log, for the verify answer: its issuance entry,
 * the latest checkpoint, and whether the inclusion proof checks out against that checkpoint.
 *
 * The answer depends only on the certificate and the checkpoint size (entries and tree nodes
 * never change), so it is cached under both: a scan costs no query while the checkpoint stands,
 * and one proof (two queries) when a new checkpoint is signed.
 */
export class LogPositions {
  #answers = new LRUCache<string, LogPosition | 'absent'>({ max: CACHE_ENTRIES });

  constructor(
    private readonly deps: {
      db: Database;
      logStore: LogStore;
      checkpoints: CheckpointService;
      logger: Logger;
    },
  ) {}

  /**
   * The position of a certificate whose record hashes to `recordDigest` (hex), or undefined when
   * the log holds no issuance of it (certificates issued before the log existed) or cannot be
   * read: the verdict on the certificate stands without it, and the failure is logged.
   */
  async position(certificateId: string, recordDigest: string): Promise<LogPosition | undefined> {
    try {
      return await this.#position(certificateId, recordDigest);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : typeof error;
      this.deps.logger.error('log.position_failed', { certificateId, error: message });
      return undefined;
    }
  }

  async #position(certificateId: string, recordDigest: string): Promise<LogPosition | undefined> {
    const checkpoint = await this.deps.checkpoints.current();
    const key = `${certificateId}:${recordDigest}:${checkpoint.size}`;
    const known = this.#answers.get(key);
    if (known) return known === 'absent' ? undefined : known;

    const entry = await this.deps.logStore.issuanceEntry(certificateId);
    if (!entry) {
      this.#answers.set(key, 'absent');
      return undefined;
    }

    const position: LogPosition = {
      index: entry.index,
      checkpointSize: checkpoint.size,
      signedAt: checkpoint.signedAt.toISOString(),
      proofVerified: false,
    };
    if (entry.index < checkpoint.size) {
      // The leaf must describe this very record, and the tree must hold that leaf.
      const described = decodeLogEntry(entry.data);
      const matches =
        described?.kind === 'certificate.issued' &&
        described.certificateId === certificateId &&
        described.recordDigest === recordDigest;

      position.proofVerified = matches && (await this.#included(entry, checkpoint));
    }

    this.#answers.set(key, position);
    return position;
  }

  /** Whether the entry's leaf is in the checkpoint's tree; a damaged tree answers no. */
  async #included(entry: LogEntryRow, checkpoint: SignedCheckpoint): Promise<boolean> {
    const tree = new SqlTreeStore(this.deps.db, checkpoint.size);
    let proof: Uint8Array[];
    try {
      proof = await inclusionProof(tree, entry.index, checkpoint.size);
    } catch (error) {
      if (error instanceof TranslogError) return false;
      throw error;
    }

    const verdict = verifyInclusion({
      leafHash: hashLeaf(entry.data),
      index: entry.index,
      size: checkpoint.size,
      root: checkpoint.root,
      proof,
    });
    return verdict.ok;
  }
}
