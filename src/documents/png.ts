import type { CertificateFonts } from './fonts.js';
import { encodeVerifyQr } from './qr.js';
import { renderCertificateSvg } from './svg.js';
import type { CertificateView } from './view.js';

/**
 * Pixels per layout pixel in the PNG: 1588 × 2246 for A4, sharp on phone screens and still
 * printable at about 190 dpi.
 */
export const PNG_SCALE = 2;

/**
 * Turns an SVG into PNG bytes at the given zoom. resvg-js (native) serves Node and resvg-wasm
 * will serve Workers; both take the same SVG, so the backend is all that differs.
 */
export type Rasterizer = (svg: string, scale: number) => Promise<Uint8Array>;

/** A certificate PNG renderer bound to one rasteriser backend. */
export type PngRenderer = (view: CertificateView, fonts: CertificateFonts) => Promise<Uint8Array>;

/**
 * Builds `renderCertificatePng` for a backend. The layout and the QR are shared with the PDF; the
 * text is outlined by satori, so the rasteriser needs no fonts and draws the same on any host.
 */
export function pngRenderer(rasterize: Rasterizer): PngRenderer {
  return async (view, fonts) => {
    const qr = encodeVerifyQr(view.verifyUrl);
    const svg = await renderCertificateSvg(view, fonts, qr, { embedFont: true });
    return rasterize(svg, PNG_SCALE);
  };
}
