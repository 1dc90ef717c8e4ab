/** Cryptographically secure random bytes. Injected so that tests can be deterministic if needed. */
export type RandomBytes = (length: number) => Uint8Array;

/** Bytes drawn from the platform at a time for small requests; Workers allow up to 65 536. */
const POOL_BYTES = 4_096;
/** Requests up to this length are served from the pool; larger ones go to the platform. */
const POOLED_MAX = 64;

let pool = new Uint8Array(0);
let offset = 0;

/**
 * `crypto.getRandomValues`, with small requests (request ids, tokens, certificate ids) served
 * from a buffer refilled 4 KiB at a time, as Node does for `randomUUID`: one call into the
 * platform costs microseconds whatever the length, and every HTTP request asks for an id. The
 * bytes are the platform's CSPRNG output either way; each is handed out once and wiped from the
 * buffer as it goes.
 */
export const secureRandom: RandomBytes = (length) => {
  if (length > POOLED_MAX) return globalThis.crypto.getRandomValues(new Uint8Array(length));

  if (offset + length > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  const out = pool.slice(offset, offset + length);
  pool.fill(0, offset, offset + length);
  offset += length;
  return out;
};
