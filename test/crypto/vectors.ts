/**
 * Where the public test vectors are: `shared/vectors` beside the repository (`<repo>/../shared`),
 * the team's copy, when it is there; otherwise test/vectors, the same files committed here (with
 * their licences and SOURCES.md) so that a clone anywhere runs the same cases.
 * test/crypto/vectors-copy.test.ts keeps the two byte for byte the same.
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_VECTORS = new URL('../../../shared/vectors/', import.meta.url);
export const COMMITTED_VECTORS = new URL('../vectors/', import.meta.url);

export const VECTORS = existsSync(fileURLToPath(SHARED_VECTORS))
  ? SHARED_VECTORS
  : COMMITTED_VECTORS;

export function readVectorJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(relativePath, VECTORS), 'utf8')) as T;
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'hex'));
}
