import { z } from 'zod';

import { bytesEqual } from '../crypto/bytes.js';
import { fromBase64, toBase64 } from '../translog/base64.js';
import { type Frontier, frontierRoot, isWellFormed } from './frontier.js';
import { unavailable } from './monitor-problem.js';

/**
 * What a monitor keeps between runs (`.monitor-state.json` by default): the key it pinned on its
 * first run, the last checkpoint it accepted, and the frontier that lets it hash new entries on
 * to the next root. The checkpoint is kept as the signed note, so a contradiction found later
 * comes with both signed texts as evidence.
 */
export interface MonitorState {
  version: 1;
  registry: string;
  /** The verifier key string pinned on the first run; a different one is an inconsistency. */
  key: string;
  /** The signed checkpoint note last accepted. */
  checkpoint: string;
  size: number;
  rootHash: Uint8Array;
  frontier: Frontier;
  checkedAt: string;
}

const Base64 = z.string().refine((text) => fromBase64(text)?.length === 32, 'a 32-byte hash');

const StateFile = z.strictObject({
  version: z.literal(1),
  registry: z.string().min(1),
  key: z.string().min(1),
  checkpoint: z.string().min(1),
  size: z.number().int().nonnegative(),
  rootHash: Base64,
  frontier: z.array(Base64),
  checkedAt: z.string(),
});

/**
 * Reads a state file's text. The frontier must fold to the saved root, so a state file edited
 * by hand (or by an attacker hoping to move the monitor's baseline) fails here, loudly.
 *
 * @throws MonitorProblem `state_invalid`, naming `source`.
 */
export function parseMonitorState(text: string, source: string): MonitorState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unavailable('state_invalid', `${source}: not JSON`);
  }

  const parsed = StateFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw unavailable('state_invalid', `${source}: ${issue?.path.join('.')}: ${issue?.message}`);
  }

  const file = parsed.data;
  const decode = (hash: string) => fromBase64(hash) as Uint8Array;
  const frontier = { size: file.size, hashes: file.frontier.map(decode) };
  const rootHash = decode(file.rootHash);
  if (!isWellFormed(frontier) || !bytesEqual(frontierRoot(frontier), rootHash)) {
    throw unavailable(
      'state_invalid',
      `${source}: the saved frontier does not give the saved root`,
    );
  }
  return { ...file, rootHash, frontier };
}

/** The state file's text: JSON, hashes in base64, ending in a newline. */
export function formatMonitorState(state: MonitorState): string {
  const file: z.infer<typeof StateFile> = {
    version: 1,
    registry: state.registry,
    key: state.key,
    checkpoint: state.checkpoint,
    size: state.size,
    rootHash: toBase64(state.rootHash),
    frontier: state.frontier.hashes.map(toBase64),
    checkedAt: state.checkedAt,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
