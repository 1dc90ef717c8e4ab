/**
 * The compressed bitstring of a status list, as W3C Bitstring Status List v1.0 §2.1 encodes it:
 * one bit per certificate, index 0 the most significant bit of the first byte, GZIP-compressed
 * (RFC 1952), then multibase base64url without padding (the prefix `u`).
 *
 * Runs on the platform's CompressionStream and DecompressionStream (Node 18+, browsers, Workers),
 * so a page or a Worker decodes a list with no library and no Node API.
 */

import { base64urlnopad } from '@scure/base';

/** Multibase prefix of unpadded base64url. */
const MULTIBASE_BASE64URL = 'u';

/** Bit `index` of `bits`, counting from the most significant bit of byte 0. */
export function getBit(bits: Uint8Array, index: number): boolean {
  const byte = bits[index >> 3] ?? 0;
  return ((byte >> (7 - (index & 7))) & 1) === 1;
}

/** Sets bit `index` of `bits` (same order as {@link getBit}). */
export function setBit(bits: Uint8Array, index: number): void {
  const at = index >> 3;
  bits[at] = (bits[at] ?? 0) | (0x80 >> (index & 7));
}

/** `u` + base64url(gzip(bits)). */
export async function encodeBitstring(bits: Uint8Array): Promise<string> {
  const compressed = await pipe(bits, new CompressionStream('gzip'));
  return MULTIBASE_BASE64URL + base64urlnopad.encode(compressed);
}

/**
 * The bits of an encoded list, or null when the text is not `u` + base64url of a GZIP stream.
 * `maxBytes` bounds the decompressed size, so a small hostile list cannot fill memory.
 */
export async function decodeBitstring(text: string, maxBytes: number): Promise<Uint8Array | null> {
  if (!text.startsWith(MULTIBASE_BASE64URL)) return null;
  let compressed: Uint8Array;
  try {
    compressed = base64urlnopad.decode(text.slice(1));
  } catch {
    return null;
  }

  try {
    return await pipe(compressed, new DecompressionStream('gzip'), maxBytes);
  } catch {
    return null;
  }
}

/** Runs `input` through a (de)compression stream, stopping past `maxBytes` of output. */
async function pipe(
  input: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(new Uint8Array(input)).then(() => writer.close());
  written.catch(() => {});

  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw new Error('decompressed list is larger than allowed');
    }
    chunks.push(value);
  }
  await written;

  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
