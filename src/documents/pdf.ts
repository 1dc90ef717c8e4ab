import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { DocumentError } from './errors.js';
import type { FontSubsetter } from './font-subset.js';
import type { CertificateFonts } from './fonts.js';
import { qrImageHref } from './layout.js';
import { embedFace } from './pdf-fonts.js';
import { POINTS_PER_PIXEL, paintOps } from './pdf-paint.js';
import { encodeVerifyQr, type QrSymbol, qrPathData } from './qr.js';
import { renderCertificateSvg } from './svg.js';
import { type ImageOp, readSatoriSvg, type TextOp } from './svg-reader.js';
import type { CertificateView } from './view.js';

/** Written as the creator and producer of every PDF, so a document says where it came from. */
export const REGISTRY_NAME = 'Registry of guardianship and trusteeship certificates';

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
 */
export function pdfRenderer(options: PdfOptions = {}): PdfRenderer {
  return async (view, fonts) => {
    const { record } = view;
    const qr = encodeVerifyQr(view.verifyUrl);
    const ops = readSatoriSvg(await renderCertificateSvg(view, fonts, qr, { embedFont: false }));

    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const texts = ops.flatMap((op) => (op.kind === 'text' ? [op] : []));
    const [regular, bold] = await Promise.all([
      embedFace(doc, fonts.regular, textsIn(texts, false), options.subsetFont),
      embedFace(doc, fonts.bold, textsIn(texts, true), options.subsetFont),
    ]);

    // The dates come from the record, not the clock: one certificate always gives the same bytes.
    const issued = new Date(record.issuedAt);
    doc.setTitle(record.serial, { showInWindowTitleBar: true });
    doc.setCreator(REGISTRY_NAME);
    doc.setProducer(REGISTRY_NAME);
    doc.setLanguage('kk-KZ');
    doc.setCreationDate(issued);
    doc.setModificationDate(issued);

    const page = doc.addPage(PageSizes.A4);
    const qrHref = qrImageHref(qr);
    paintOps(ops, {
      page,
      regular,
      bold,
      drawImage(op) {
        if (op.href !== qrHref) {
          throw new DocumentError('svg_unsupported', 'the only image a certificate has is its QR');
        }
        drawQr(page, qr, op);
      },
    });

    return doc.save();
  };
}

function textsIn(texts: TextOp[], bold: boolean): string[] {
  return texts.filter((op) => op.bold === bold).map((op) => op.text);
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
