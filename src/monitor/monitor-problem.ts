/**
 * What stops a monitor run, in two kinds that call for different reactions:
 *
 * - `inconsistent`: the log contradicts itself or what the monitor saw before (a bad signature,
 *   a smaller tree, a failed proof, entries that do not build the signed root). Someone must
 *   look: the registry misbehaved or its storage was changed.
 * - `unavailable`: the check could not run (network, a 5xx, an unreadable state file). Try again.
 */
export type MonitorProblemKind = 'inconsistent' | 'unavailable';

export type MonitorProblemCode =
  | 'key_invalid'
  | 'key_changed'
  | 'checkpoint_invalid'
  | 'size_decreased'
  | 'root_changed'
  | 'consistency_failed'
  | 'entry_missing'
  | 'entry_malformed'
  | 'entries_mismatch'
  | 'answer_malformed'
  | 'registry_unavailable'
  | 'state_invalid';

/** Thrown inside a run; the run answers it as its outcome. */
export class MonitorProblem extends Error {
  override readonly name = 'MonitorProblem';

  constructor(
    readonly kind: MonitorProblemKind,
    readonly code: MonitorProblemCode,
    message: string,
  ) {
    super(message);
  }
}

export const inconsistent = (code: MonitorProblemCode, message: string) =>
  new MonitorProblem('inconsistent', code, message);

export const unavailable = (code: MonitorProblemCode, message: string) =>
  new MonitorProblem('unavailable', code, message);
