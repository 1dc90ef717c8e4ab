import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/documents/errors.js';
import {
  type CertificateFonts,
  certificateFonts,
  KAZAKH_LETTERS,
} from '../../src/documents/fonts.js';
import { loadNodeFonts } from '../../src/documents/fonts-node.js';
import { encodeVerifyQr } from '../../src/documents/qr.js';
import { renderCertificateSvg } from '../../src/documents/svg.js';
import { readSatoriSvg } from '../../src/documents/svg-reader.js';
import { sampleView } from './fixture.js';

const RUSSIAN = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const MARKS = '0123456789№—–-.,:;/()_';

/** Characters a face lacks, or maps to a glyph with no outline (an invisible letter). */
function missing(font: Uint8Array, characters: string): string[] {
  const face = fontkit.create(font);
  return [...new Set(characters)].filter((char) => {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!face.hasGlyphForCodePoint(codePoint)) return true;
    return char.trim() !== '' && !(face.glyphForCodePoint(codePoint).path.bbox.width > 0);
  });
}

describe('certificate fonts', () => {
  let fonts: CertificateFonts;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
  });

  it('are checked by a test that does notice a missing letter', () => {
    expect(missing(fonts.regular, 'әᚠ')).toEqual(['ᚠ']);
  });

  it('cover every Kazakh letter in both faces', () => {
    expect(KAZAKH_LETTERS).toHaveLength(18);
    expect(missing(fonts.regular, KAZAKH_LETTERS)).toEqual([]);
    expect(missing(fonts.bold, KAZAKH_LETTERS)).toEqual([]);
  });

  it('cover the Russian alphabet, digits and the marks the layout uses', () => {
    expect(missing(fonts.regular, RUSSIAN + MARKS)).toEqual([]);
    expect(missing(fonts.bold, RUSSIAN + MARKS)).toEqual([]);
  });

  it('cover every character the sample certificate sets', async () => {
    const view = sampleView();
    const svg = await renderCertificateSvg(view, fonts, encodeVerifyQr(view.verifyUrl), {
      embedFont: false,
    });
    const texts = readSatoriSvg(svg).flatMap((op) => (op.kind === 'text' ? [op] : []));

    const regular = texts.filter((op) => !op.bold).map((op) => op.text);
    const bold = texts.filter((op) => op.bold).map((op) => op.text);

    expect(missing(fonts.regular, regular.join(''))).toEqual([]);
    expect(missing(fonts.bold, bold.join(''))).toEqual([]);
  });

  it('refuses bytes that are not TrueType or OpenType, naming the face', () => {
    const woff2 = new TextEncoder().encode('wOF2 and the rest');

    expect(() => certificateFonts(fonts.regular, woff2)).toThrow(DocumentError);
    try {
      certificateFonts(fonts.regular, woff2);
    } catch (error) {
      expect((error as DocumentError).code).toBe('font_invalid');
      expect((error as DocumentError).message).toBe(
        'bold font must be TrueType or OpenType, got bytes starting "wOF2"',
      );
    }
  });
});
