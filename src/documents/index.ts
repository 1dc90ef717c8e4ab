/**
 * The documents module without host bindings: layout, QR, and renderers that take their
 * rasteriser and font subsetter as arguments, so a Worker can supply WebAssembly builds. Node code
 * imports `./node.js`, which binds the native ones.
 */
export { DocumentError, type DocumentErrorCode } from './errors.js';
export { type FontSubsetter, hbSubsetter } from './font-subset.js';
export { type CertificateFonts, certificateFonts, FONT_FAMILY, KAZAKH_LETTERS } from './fonts.js';
export { PAGE, QR_SIZE } from './layout.js';
export { type PdfOptions, type PdfRenderer, pdfRenderer, REGISTRY_NAME } from './pdf.js';
export { PNG_SCALE, type PngRenderer, pngRenderer, type Rasterizer } from './png.js';
export {
  encodeVerifyQr,
  MAX_ALPHANUMERIC_URL_LENGTH,
  MAX_QR_VERSION,
  type QrSymbol,
  QUIET_ZONE,
} from './qr.js';
export { receiptPdfRenderer } from './receipt-pdf.js';
export type { CertificateView } from './view.js';
