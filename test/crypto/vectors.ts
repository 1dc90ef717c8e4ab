/**
 * Loads the public test vectors from `shared/vectors`, which always sits beside the repository
 * (`<repo>/../shared`), both here and in CI's fresh clone.
 */

import { readFileSync } from 'node:fs';

const VECTORS = new URL('../../../shared/vectors/', import.meta.url);

export function readVectorJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(relativePath, VECTORS), 'utf8')) as T;
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'hex'));
}
