import { bytesEqual } from '../crypto/bytes.js';
import { toBase64 } from '../translog/base64.js';
import { decodeLogEntry, type LogEntry } from '../translog/log-entry.js';
import { hashLeaf } from '../translog/merkle.js';
import { type NoteVerifierKey, parseVerifierKey } from '../translog/note-key.js';
import { openCheckpoint } from '../translog/signed-checkpoint.js';
import { verifyConsistency } from '../translog/verify-proof.js';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot } from './frontier.js';
import { type Fetch, LogClient } from './log-client.js';
import { inconsistent, MonitorProblem, unavailable } from './monitor-problem.js';
import type { MonitorState } from './monitor-state.js';

export interface MonitorOptions {
  registryUrl: string;
  fetch: Fetch;
  /** What the previous run saved; undefined on the first run, which pins the key. */
  state: MonitorState | undefined;
  /** List only the entries in this provider's name. */
  provider?: string | undefined;
  /** Entries fetched at once. Default 8. */
  concurrency?: number;
  now: () => Date;
}

export interface ListedEntry {
  index: number;
  entry: LogEntry;
}

export type MonitorOutcome =
  | {
      status: 'ok';
      state: MonitorState;
      /** No state was saved before: this run pinned the key. */
      firstRun: boolean;
      previousSize: number;
      /** The new entries, filtered by provider when one was given. */
      entries: ListedEntry[];
      /** All new entries, whatever the filter. */
      newEntries: number;
    }
  | {
      status: 'inconsistent' | 'unavailable';
      code: MonitorProblem['code'];
      message: string;
      /** The previous and the new signed checkpoints, when both are at hand. */
      evidence?: { previous: string; current: string };
    };

/**
 * One monitor run, as c2sp.org/tlog-checkpoint monitors work: check the new checkpoint's
 * signature with the pinned key; check it extends the one saved (no smaller size, a consistency
 * proof that verifies); fetch every entry added since, hash it, and check that the saved
 * frontier plus those leaves builds the signed root, independently of the proof. Only a run
 * with no problem produces a state to save.
 */
export async function runMonitor(options: MonitorOptions): Promise<MonitorOutcome> {
  const client = new LogClient(options.registryUrl, options.fetch);
  const seen: { note?: string } = {};
  try {
    return await check(client, options, seen);
  } catch (error) {
    if (!(error instanceof MonitorProblem)) throw error;
    return failure(error, options.state?.checkpoint, seen.note);
  }
}

/**
 * The saved checkpoint is the evidence a later contradiction is shown with: it must still be a
 * note the pinned key signed, for the saved size and root.
 *
 * @throws MonitorProblem `state_invalid`.
 */
async function checkSavedCheckpoint(state: MonitorState, key: NoteVerifierKey): Promise<void> {
  const saved = await openCheckpoint(state.checkpoint, key);
  const matches =
    saved.ok &&
    saved.checkpoint.size === state.size &&
    bytesEqual(saved.checkpoint.rootHash, state.rootHash);
  if (!matches) {
    throw unavailable(
      'state_invalid',
      'the saved checkpoint is not a signed note of the saved size and root',
    );
  }
}

function failure(problem: MonitorProblem, previous?: string, current?: string): MonitorOutcome {
  const outcome = { status: problem.kind, code: problem.code, message: problem.message };
  if (problem.kind !== 'inconsistent' || !previous || !current || previous === current) {
    return outcome;
  }
  return { ...outcome, evidence: { previous, current } };
}

async function check(
  client: LogClient,
  options: MonitorOptions,
  seen: { note?: string },
): Promise<MonitorOutcome> {
  const { state } = options;

  // 1. The key: pinned on the first run, the same on every later one.
  const keyText = await client.key();
  if (state && keyText !== state.key) {
    throw inconsistent('key_changed', `the log key changed from ${state.key} to ${keyText}`);
  }
  const key = readKey(keyText);
  if (state) await checkSavedCheckpoint(state, key);

  // 2. The checkpoint, verified before anything in it is believed.
  const note = await client.checkpoint();
  seen.note = note;
  const opened = await openCheckpoint(note, key);
  if (!opened.ok) {
    throw inconsistent('checkpoint_invalid', `checkpoint: ${opened.message} (${opened.code})`);
  }
  const { size, rootHash } = opened.checkpoint;

  // 3. It extends what we saw: never smaller, the same root at the same size, a proof between.
  const before = state ?? { size: 0, rootHash: frontierRoot(EMPTY_FRONTIER) };
  if (size < before.size) {
    throw inconsistent('size_decreased', `the log shrank from ${before.size} to ${size} entries`);
  }
  if (size === before.size && !bytesEqual(rootHash, before.rootHash)) {
    throw inconsistent('root_changed', `two different roots were signed for size ${size}`);
  }
  if (size > before.size && before.size > 0) {
    const proof = await client.consistency(before.size, size);
    const verdict = verifyConsistency({
      from: before.size,
      to: size,
      fromRoot: before.rootHash,
      toRoot: rootHash,
      proof,
    });
    if (!verdict.ok) {
      throw inconsistent(
        'consistency_failed',
        `the tree of ${size} does not extend the tree of ${before.size}: ${verdict.message}`,
      );
    }
  }

  // 4. The entries added since, hashed on to the new root without the proof's help.
  const fresh = await fetchEntries(client, before.size, size, options.concurrency ?? 8);
  const frontier = extendFrontier(
    state?.frontier ?? EMPTY_FRONTIER,
    fresh.map(({ data }) => hashLeaf(data)),
  );
  if (!bytesEqual(frontierRoot(frontier), rootHash)) {
    throw inconsistent(
      'entries_mismatch',
      `entries ${before.size}..${size - 1} do not build the signed root ${toBase64(rootHash)}`,
    );
  }

  const entries = fresh
    .map(({ index, data }) => ({ index, entry: readEntry(index, data) }))
    .filter(({ entry }) => !options.provider || entry.providerId === options.provider);
  return {
    status: 'ok',
    firstRun: state === undefined,
    previousSize: before.size,
    entries,
    newEntries: fresh.length,
    state: {
      version: 1,
      registry: options.registryUrl,
      key: keyText,
      checkpoint: note,
      size,
      rootHash,
      frontier,
      checkedAt: options.now().toISOString(),
    },
  };
}

function readKey(text: string): NoteVerifierKey {
  try {
    return parseVerifierKey(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw inconsistent('key_invalid', `the log key is not a signed-note verifier key: ${reason}`);
  }
}

/** Every leaf must be an event of the registry's format: anything else is not auditable. */
function readEntry(index: number, data: Uint8Array): LogEntry {
  const entry = decodeLogEntry(data);
  if (!entry) throw inconsistent('entry_malformed', `entry ${index}: not a registry event`);
  return entry;
}

/** Entries [from, to) in order, `concurrency` requests at a time. */
async function fetchEntries(client: LogClient, from: number, to: number, concurrency: number) {
  const entries: { index: number; data: Uint8Array }[] = [];
  let next = from;

  const lane = async () => {
    while (next < to) {
      const index = next++;
      entries.push({ index, data: await client.entry(index, to) });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return entries.sort((a, b) => a.index - b.index);
}
