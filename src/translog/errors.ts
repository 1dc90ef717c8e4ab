/**
 * Stable machine codes for calls the transparency log cannot carry out. A proof or a note that
 * fails to verify is never one of these: verification answers with a verdict instead.
 */
export type TranslogErrorCode =
  // A tree size is negative, fractional, unsafe as a JS number, or larger than the tree.
  | 'size_out_of_range'
  // A leaf index is not below the tree size it is asked against.
  | 'index_out_of_range'
  // The store lacks a node that a complete subtree must have: the storage is damaged.
  | 'node_missing'
  // Another append committed between reading the tree size and writing the new nodes.
  | 'append_conflict'
  // The stored tree no longer gives the root of a signed checkpoint: its storage was changed.
  | 'tree_inconsistent'
  // The latest checkpoint is not this log's: another name or key signed it (two instances that
  // share the database disagree on PUBLIC_URL or LOG_SIGNING_KEY).
  | 'foreign_checkpoint'
  // A checkpoint body is not in the exact form c2sp.org/tlog-checkpoint prescribes.
  | 'checkpoint_malformed'
  // A note text or a key name cannot be signed as a c2sp.org/signed-note.
  | 'note_malformed'
  // A verifier key string or public key is not a valid Ed25519 note key.
  | 'key_invalid';

/** Thrown by the log core; callers branch on `code`, people read `message`. */
export class TranslogError extends Error {
  override readonly name = 'TranslogError';

  constructor(
    readonly code: TranslogErrorCode,
    message: string,
  ) {
    super(message);
  }
}
