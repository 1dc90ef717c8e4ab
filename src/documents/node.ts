import { loadNodeSubsetter } from './font-subset-node.js';
import type { CertificateFonts } from './fonts.js';
import { pdfRenderer } from './pdf.js';
import { pngRenderer } from './png.js';
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
