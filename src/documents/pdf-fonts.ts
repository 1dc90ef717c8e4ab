import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { FontSubsetter } from './font-subset.js';

/**
 * pdf-lib's own subsetting stays off: it loses most outlines of PT Sans. Ligatures are off to
 * match the layout, which measured every word without them.
 */
const EMBED_OPTIONS = { subset: false, features: { liga: false, clig: false, calt: false } };

const postscriptNames = new WeakMap<Uint8Array, string>();

/**
 * Embeds one face for the given characters. With a subsetter the face is cut down first and named
 * with a subset tag (`ABCDEF+Name`, ISO 32000-1, 9.6.4), so readers and preflight tools know
 * they hold only part of the font.
 */
export function embedFace(
  doc: PDFDocument,
  font: Uint8Array,
  characters: Iterable<string>,
  subsetFont?: FontSubsetter,
): Promise<PDFFont> {
  if (!subsetFont) return doc.embedFont(font, EMBED_OPTIONS);

  const codePoints = new Set<number>();
  for (const text of characters) {
    for (const char of text) codePoints.add(char.codePointAt(0) ?? 0);
  }
  const sorted = [...codePoints].sort((a, b) => a - b);
  const customName = `${subsetTag(sorted)}+${postscriptName(font)}`;

  return doc.embedFont(subsetFont(font, sorted), { ...EMBED_OPTIONS, customName });
}

function postscriptName(font: Uint8Array): string {
  let name = postscriptNames.get(font);
  if (!name) {
    name = (fontkit.create(font).postscriptName ?? 'Font').replace(/[^\x21-\x7e]/g, '');
    postscriptNames.set(font, name);
  }
  return name;
}

/** Six capital letters from an FNV-1a hash of the code points: the same glyphs, the same tag. */
function subsetTag(codePoints: number[]): string {
  let hash = 0x811c9dc5;
  for (const codePoint of codePoints) hash = Math.imul(hash ^ codePoint, 0x01000193) >>> 0;

  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) ^ Math.imul(hash, 31);
    hash >>>= 0;
  }
  return tag;
}
