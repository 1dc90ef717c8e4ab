import { RECEIPT_ATTACHMENT_NAME } from '../receipts/receipt.js';
import type { FontSubsetter } from './font-subset.js';
import type { CertificateFonts } from './fonts.js';
import { attachFile } from './pdf-attachments.js';
import { layoutPdf } from './pdf-layout.js';
import { receiptLayout } from './receipt-layout.js';
import type { ReceiptView } from './receipt-view.js';
import { typesetterFor } from './typesetter.js';

export type ReceiptPdfRenderer = (
  view: ReceiptView,
  fonts: CertificateFonts,
) => Promise<Uint8Array>;

/**
 * Builds the receipt renderer: one A4 page with real text, and the signed receipt attached as
 * `receipt.json`, so the paper copy can be checked again offline (`npm run receipt:verify`).
 */
export function receiptPdfRenderer(options: { subsetFont?: FontSubsetter } = {}) {
  return async (view: ReceiptView, fonts: CertificateFonts): Promise<Uint8Array> => {
    const { receipt } = view;
    const checkedAt = new Date(receipt.verification.checkedAt);
    const serial = receipt.verification.certificate?.serial;

    const doc = await layoutPdf(
      receiptLayout(view, typesetterFor(fonts)),
      fonts,
      { title: serial ? `Receipt ${serial}` : 'Receipt', date: checkedAt, language: 'kk-KZ' },
      { subsetFont: options.subsetFont },
    );
    const json = new TextEncoder().encode(`${JSON.stringify(receipt, null, 2)}\n`);
    await attachFile(doc, RECEIPT_ATTACHMENT_NAME, json, {
      description: 'Verification receipt signed by the registry log key',
      date: checkedAt,
    });
    return doc.save();
  };
}
