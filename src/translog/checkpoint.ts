/**
 * The checkpoint body of c2sp.org/tlog-checkpoint: the text a log signs as a signed note.
 *
 *     <origin>\n
 *     <tree size, decimal>\n
 *     <root hash, base64>\n
 *     [<extension line>\n …]
 *
 * Parsing is strict on purpose: a checkpoint has one spelling, so two texts that mean the same
 * tree head cannot both carry valid signatures, and a monitor comparing texts compares heads.
 */

import { fromBase64, toBase64 } from './base64.js';
import { TranslogError } from './errors.js';
import { HASH_SIZE } from './merkle.js';
import { hasControlCharacter } from './note-text.js';
import { isTreeSize } from './subtrees.js';

export interface Checkpoint {
  /** Names the log; c2sp recommends a schema-less URL such as `registry.example/log`. */
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Opaque extra lines; the spec discourages them, as monitors cannot audit them. */
  extensions?: readonly string[];
}

/** No leading zeros, except for the empty tree's `0`. */
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/**
 * The checkpoint body, ending in a newline.
 *
 * @throws TranslogError `checkpoint_malformed` naming the field that cannot be written.
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;

  checkLine(origin, 'origin');
  if (!isTreeSize(size)) malformed(`size: expected a non-negative safe integer, got ${size}`);
  if (rootHash.length !== HASH_SIZE) {
    malformed(`rootHash: expected ${HASH_SIZE} bytes, got ${rootHash.length}`);
  }
  for (const [i, line] of extensions.entries()) checkLine(line, `extensions[${i}]`);

  return [origin, String(size), toBase64(rootHash), ...extensions].map((l) => `${l}\n`).join('');
}

/**
 * Reads a checkpoint body: at least three non-empty lines, each ending in a newline, with a
 * canonical decimal size and the canonical base64 of a 32-byte root.
 *
 * @throws TranslogError `checkpoint_malformed` saying which line is wrong and how.
 */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) malformed('body: expected a final newline');

  const lines = body.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === undefined || sizeText === undefined || rootText === undefined) {
    malformed(`body: expected at least 3 lines, got ${lines.length}`);
  }
  for (const [i, line] of lines.entries()) checkLine(line, `line ${i + 1}`);

  if (!DECIMAL.test(sizeText)) malformed('line 2: expected a decimal size without leading zeros');
  const size = Number(sizeText);
  if (!isTreeSize(size)) malformed('line 2: size exceeds 2^53 − 1');

  const rootHash = fromBase64(rootText);
  if (rootHash?.length !== HASH_SIZE) {
    malformed(`line 3: expected the canonical base64 of a ${HASH_SIZE}-byte root hash`);
  }

  return { origin, size, rootHash, extensions };
}

function checkLine(line: string, field: string): void {
  if (line.length === 0) malformed(`${field}: expected a non-empty line`);
  if (hasControlCharacter(line)) malformed(`${field}: contains a control character or newline`);
}

function malformed(message: string): never {
  throw new TranslogError('checkpoint_malformed', message);
}
