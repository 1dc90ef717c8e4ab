import { loadNodeSubsetter } from './font-subset-node.js';
import type { CertificateFonts } from './fonts.js';
import { pdfRenderer } from './pdf.js';
import { pngRenderer } from './png.js';
import { receiptPdfRenderer } from './receipt-pdf.js';
import type { ReceiptView } from './receipt-view.js';
import { rasterizeWithResvgJs } from './resvg-node.js';
import type { CertificateView } from './view.js';

export { loadNodeFonts } from './fonts-node.js';

/** Renders a certificate as a PNG on Node, rasterised by the native resvg binding. */
export const renderCertificatePng = pngRenderer(rasterizeWithResvgJs);

let nodePdfRenderer: ReturnType<typeof pdfRenderer> | undefined;

/**
 * Renders a certificate as a PDF on Node, with fonts subset by HarfBuzz. The subsetter is
 * instantiated on first use and kept: compiling its WebAssembly costs more than a whole render.
 */
export async function renderCertificatePdf(
  view: CertificateView,
  fonts: CertificateFonts,
): Promise<Uint8Array> {
  nodePdfRenderer ??= pdfRenderer({ subsetFont: await loadNodeSubsetter() });
  return nodePdfRenderer(view, fonts);
}

let nodeReceiptRenderer: ReturnType<typeof receiptPdfRenderer> | undefined;

/** Renders a verification receipt as a PDF on Node, with the same subset fonts. */
export async function renderReceiptPdf(
  view: ReceiptView,
  fonts: CertificateFonts,
): Promise<Uint8Array> {
  nodeReceiptRenderer ??= receiptPdfRenderer({ subsetFont: await loadNodeSubsetter() });
  return nodeReceiptRenderer(view, fonts);
}
