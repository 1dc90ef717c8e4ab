import {
  loadNodeFonts,
  renderCertificatePdf,
  renderCertificatePng,
  renderReceiptPdf,
} from '../documents/node.js';
import type { DocumentRenderer } from '../services/documents.js';

/** Documents on Node: native resvg for PNG, PT Sans read from node_modules. */
export async function nodeRenderer(): Promise<DocumentRenderer> {
  const fonts = await loadNodeFonts();
  return {
    png: (view) => renderCertificatePng(view, fonts),
    pdf: (view) => renderCertificatePdf(view, fonts),
    receiptPdf: (view) => renderReceiptPdf(view, fonts),
  };
}
