import { type PDFPage, rgb } from 'pdf-lib';
import { DocumentError } from './errors.js';
import type { FontSubsetter } from './font-subset.js';
import type { CertificateFonts } from './fonts.js';
import { certificateLayout, qrImageHref } from './layout.js';
import { attachFile } from './pdf-attachments.js';
import { layoutPdf } from './pdf-layout.js';
import { POINTS_PER_PIXEL } from './pdf-paint.js';
import { encodeVerifyQr, type QrSymbol, qrPathData } from './qr.js';
import type { ImageOp } from './svg-reader.js';
import { typesetterFor } from './typesetter.js';
import {
  CERTIFICATE_ATTACHMENT_NAME,
  type CertificateView,
  certificateAttachment,
} from './view.js';

export { REGISTRY_NAME } from './pdf-layout.js';

/** A certificate PDF renderer. */
export type PdfRenderer = (view: CertificateView, fonts: CertificateFonts) => Promise<Uint8Array>;

/** What the PDF renderer may use from its host. */
export interface PdfOptions {
  /** Subsets the fonts before embedding; without it both faces are embedded whole. */
  subsetFont?: FontSubsetter;
}

/**
 * Builds `renderCertificatePdf`: one A4 page with real text. The satori layout that makes the PNG
 * is laid out again without outlining glyphs; its text runs are drawn at satori's positions with
 * the embedded fonts, so readers can search and copy names, and the QR code is drawn as vector
 * squares. The metadata carries the serial as title and no personal data.
 *
 * When the view carries the signed record, the PDF also carries it as the attached file
 * `certificate.json` (see view.ts), so the paper can be checked field by field without the
 * registry: the QR token's signature covers the digest of exactly those bytes.
 */
export function pdfRenderer(options: PdfOptions = {}): PdfRenderer {
  return async (view, fonts) => {
    const { record } = view;
    const qr = encodeVerifyQr(view.verifyUrl);
    const qrHref = qrImageHref(qr);

    // The dates come from the record, not the clock: one certificate always gives the same bytes.
    const issued = new Date(record.issuedAt);
    const layout = certificateLayout(view, qr, typesetterFor(fonts));
    const doc = await layoutPdf(
      layout,
      fonts,
      { title: record.serial, date: issued, language: 'kk-KZ' },
      {
        subsetFont: options.subsetFont,
        drawImage(page, op) {
          if (op.href !== qrHref) {
            throw new DocumentError(
              'svg_unsupported',
              'the only image a certificate has is its QR',
            );
          }
          drawQr(page, qr, op);
        },
      },
    );

    const attachment = certificateAttachment(view);
    if (attachment) {
      await attachFile(doc, CERTIFICATE_ATTACHMENT_NAME, attachment, {
        description: `Signed certificate record ${record.serial} and its QR token`,
        date: issued,
      });
    }
    return doc.save();
  };
}

/** The QR as one vector path over a white square, crisp at any zoom and on any printer. */
function drawQr(page: PDFPage, qr: QrSymbol, op: ImageOp): void {
  const k = POINTS_PER_PIXEL;
  const x = op.x * k;
  const top = page.getHeight() - op.y * k;
  const side = op.width * k;

  page.drawRectangle({ x, y: top - side, width: side, height: side, color: rgb(1, 1, 1) });
  page.drawSvgPath(qrPathData(qr), { x, y: top, scale: side / qr.size, color: rgb(0, 0, 0) });
}
