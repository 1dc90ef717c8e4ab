import { DocumentError } from './errors.js';

/** The family name the layout asks for; any font bytes given to us are registered under it. */
export const FONT_FAMILY = 'PT Sans';

/**
 * The letters of the Kazakh alphabet that Russian lacks, both cases. A font without them prints
 * empty boxes in the names of half the country, so tests check every font against this list.
 */
export const KAZAKH_LETTERS = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';

/** The two faces a certificate is set in, as TrueType or OpenType bytes. */
export interface CertificateFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/**
 * Wraps font bytes that the caller read wherever it can: from node_modules on Node, from a bundled
 * asset on Workers. Only the container is checked here; glyph coverage is a test, not a run-time
 * cost.
 */
export function certificateFonts(regular: Uint8Array, bold: Uint8Array): CertificateFonts {
  assertSfnt('regular', regular);
  assertSfnt('bold', bold);
  return { regular, bold };
}

/** satori reads TrueType, OpenType and WOFF; the PDF embedder needs TrueType or OpenType. */
function assertSfnt(face: string, bytes: Uint8Array): void {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  const isTrueType = bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0;
  if (isTrueType || tag === 'OTTO' || tag === 'true') return;

  throw new DocumentError(
    'font_invalid',
    `${face} font must be TrueType or OpenType, got bytes starting ${JSON.stringify(tag)}`,
  );
}
