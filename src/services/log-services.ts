import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { Database } from '../store/database.js';
import { LogStore } from '../store/log-store.js';
import { type NoteSigningKey, verifierKeyString } from '../translog/note-key.js';
import { CheckpointService, logOrigin } from './log-checkpoints.js';
import { LogEvidenceReader } from './log-evidence.js';
import { LogPositions } from './log-position.js';
import { receiptSigner } from './receipt-signer.js';
import { TransparencyLog } from './transparency-log.js';

export interface LogServiceDeps {
  db: Database;
  /** The log's own Ed25519 key (LOG_SIGNING_KEY, or the demo key file). */
  logKey: NoteSigningKey;
  publicUrl: string;
  clock: Clock;
  logger: Logger;
}

/**
 * The transparency log's services, wired once: the checkpoint and receipt signers (the only
 * holders of the log key), the public endpoints' service, and the positions the verify answer
 * shows.
 */
export function createLogServices(deps: LogServiceDeps) {
  const logStore = new LogStore(deps.db);
  const origin = logOrigin(deps.publicUrl);
  const checkpoints = new CheckpointService({ ...deps, logStore, key: deps.logKey, origin });

  return {
    checkpoints,
    transparencyLog: new TransparencyLog({
      db: deps.db,
      logStore,
      checkpoints,
      verifierKey: verifierKeyString(origin, deps.logKey.publicKey),
    }),
    positions: new LogPositions({ ...deps, logStore, checkpoints }),
    /** Receipts carry the latest checkpoint and a certificate's checked place under it. */
    evidence: new LogEvidenceReader({ ...deps, logStore, checkpoints }),
    /** The log key also signs verification receipts, under the log's name. */
    signReceipt: receiptSigner(deps.logKey, origin),
  };
}
