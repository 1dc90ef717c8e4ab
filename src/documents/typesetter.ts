import fontkit from '@pdf-lib/fontkit';
import type { CertificateFonts } from './fonts.js';

/** What the layout needs to know about its fonts before satori sets the page. */
export interface Typesetter {
  /**
   * Advance width in layout pixels. Kerning and ligatures are off in the layout, so the width of
   * a text is the sum of the widths of its characters, which {@link fitText} relies on.
   */
  width(text: string, size: number, bold: boolean): number;
  /**
   * The text without the characters that either face lacks, which satori would draw as the
   * font's empty box and the PDF would embed as glyph 0. A missing character becomes its
   * compatibility form when the fonts have that (a full-width `Ｗ` becomes `W`, `ǅ` becomes
   * `Dž`), else the parts of its decomposition that they have (`ǹ` becomes `n`), and is dropped
   * when nothing is left (an emoji, a variation selector, `Ԫ`). Request validation is to refuse
   * such characters; this keeps a record that got past it from printing boxes.
   */
  printable(text: string): string;
}

const typesetters = new WeakMap<CertificateFonts, Typesetter>();

/** The typesetter of a pair of faces, parsed once and kept as long as the fonts are. */
export function typesetterFor(fonts: CertificateFonts): Typesetter {
  let typesetter = typesetters.get(fonts);
  if (!typesetter) {
    typesetter = fontTypesetter(fonts);
    typesetters.set(fonts, typesetter);
  }
  return typesetter;
}

function fontTypesetter(fonts: CertificateFonts): Typesetter {
  const regular = advances(fonts.regular);
  const bold = advances(fonts.bold);
  const covered = new Map<number, boolean>();

  const isCovered = (char: string): boolean => {
    const codePoint = char.codePointAt(0) ?? 0;
    let known = covered.get(codePoint);
    if (known === undefined) {
      known = regular.has(codePoint) && bold.has(codePoint);
      covered.set(codePoint, known);
    }
    return known;
  };

  return {
    width(text, size, isBold) {
      const face = isBold ? bold : regular;
      let units = 0;
      for (const char of text) units += face.advance(char.codePointAt(0) ?? 0);
      return units * size;
    },
    printable(text) {
      let result = '';
      for (const char of text) {
        if (isCovered(char)) {
          result += char;
          continue;
        }
        const composed = char.normalize('NFKC');
        if ([...composed].every(isCovered)) {
          result += composed;
          continue;
        }
        for (const part of char.normalize('NFKD')) if (isCovered(part)) result += part;
      }
      return result;
    },
  };
}

/** Advance widths in ems by code point, read from the font once per character. */
function advances(bytes: Uint8Array) {
  const face = fontkit.create(bytes);
  const cache = new Map<number, number>();

  return {
    has: (codePoint: number) => face.hasGlyphForCodePoint(codePoint),
    advance(codePoint: number): number {
      let em = cache.get(codePoint);
      if (em === undefined) {
        em = face.glyphForCodePoint(codePoint).advanceWidth / face.unitsPerEm;
        cache.set(codePoint, em);
      }
      return em;
    },
  };
}
