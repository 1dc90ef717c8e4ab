/** Cryptographically secure random bytes. Injected so that tests can be deterministic if needed. */
export type RandomBytes = (length: number) => Uint8Array;

export const secureRandom: RandomBytes = (length) =>
  globalThis.crypto.getRandomValues(new Uint8Array(length));
