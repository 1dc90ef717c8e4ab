import satori, { type Font } from 'satori';
import type { Element } from './elements.js';
import { type CertificateFonts, FONT_FAMILY } from './fonts.js';
import { certificateLayout, PAGE } from './layout.js';
import type { QrSymbol } from './qr.js';
import { typesetterFor } from './typesetter.js';
import type { CertificateView } from './view.js';

/**
 * satori keeps parsed fonts in a cache keyed by the identity of the array it is given, so the
 * same array is handed over for the same fonts; otherwise every render would parse them again.
 */
const satoriFonts = new WeakMap<CertificateFonts, Font[]>();

function fontsFor(fonts: CertificateFonts): Font[] {
  let list = satoriFonts.get(fonts);
  if (!list) {
    list = [
      { name: FONT_FAMILY, data: arrayBuffer(fonts.regular), weight: 400, style: 'normal' },
      { name: FONT_FAMILY, data: arrayBuffer(fonts.bold), weight: 700, style: 'normal' },
    ];
    satoriFonts.set(fonts, list);
  }
  return list;
}

/** satori asks for an ArrayBuffer; a view may share a larger one, so its own bytes are copied. */
function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/**
 * Lays the certificate out once, for both outputs. With `embedFont` the text becomes glyph
 * outlines, which any rasteriser draws without fonts of its own (the PNG); without it satori
 * leaves `<text>` runs at their computed positions, which the PDF redraws as real, searchable text.
 */
export function renderCertificateSvg(
  view: CertificateView,
  fonts: CertificateFonts,
  qr: QrSymbol,
  options: { embedFont: boolean },
): Promise<string> {
  return renderLayoutSvg(certificateLayout(view, qr, typesetterFor(fonts)), fonts, options);
}

/** Sets any A4 layout of ours with the given faces, as {@link renderCertificateSvg} does. */
export function renderLayoutSvg(
  layout: Element,
  fonts: CertificateFonts,
  options: { embedFont: boolean },
): Promise<string> {
  return satori(layout, {
    width: PAGE.width,
    height: PAGE.height,
    fonts: fontsFor(fonts),
    embedFont: options.embedFont,
  });
}
