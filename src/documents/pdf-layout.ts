import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument, type PDFPage } from 'pdf-lib';
import type { Element } from './elements.js';
import { DocumentError } from './errors.js';
import type { FontSubsetter } from './font-subset.js';
import type { CertificateFonts } from './fonts.js';
import { embedFace } from './pdf-fonts.js';
import { paintOps } from './pdf-paint.js';
import { renderLayoutSvg } from './svg.js';
import { type ImageOp, readSatoriSvg, type TextOp } from './svg-reader.js';

/** Written as the creator and producer of every PDF, so a document says where it came from. */
export const REGISTRY_NAME = 'Registry of guardianship and trusteeship certificates';

/** What a one-page PDF says about itself. No personal data goes here: readers show it. */
export interface PdfMeta {
  title: string;
  /** Creation and modification date; from the content, not the clock, so bytes repeat. */
  date: Date;
  language: string;
}

/**
 * One A4 page with real text from a satori layout: the layout is set without outlining glyphs,
 * and its text runs are drawn at satori's positions with the embedded (subset) fonts, so readers
 * can search and copy every word. Answers the document unsaved, so callers can attach files.
 *
 * @throws DocumentError `svg_unsupported` when the layout uses what the painter cannot redraw,
 *   including an image when `drawImage` is not given.
 */
export async function layoutPdf(
  layout: Element,
  fonts: CertificateFonts,
  meta: PdfMeta,
  options: {
    subsetFont?: FontSubsetter;
    drawImage?: (page: PDFPage, op: ImageOp) => void;
  } = {},
): Promise<PDFDocument> {
  const ops = readSatoriSvg(await renderLayoutSvg(layout, fonts, { embedFont: false }));

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const texts = ops.flatMap((op) => (op.kind === 'text' ? [op] : []));
  const [regular, bold] = await Promise.all([
    embedFace(doc, fonts.regular, textsIn(texts, false), options.subsetFont),
    embedFace(doc, fonts.bold, textsIn(texts, true), options.subsetFont),
  ]);

  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setCreator(REGISTRY_NAME);
  doc.setProducer(REGISTRY_NAME);
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);

  const page = doc.addPage(PageSizes.A4);
  paintOps(ops, {
    page,
    regular,
    bold,
    drawImage(op) {
      if (!options.drawImage) {
        throw new DocumentError('svg_unsupported', 'this layout has no images');
      }
      options.drawImage(page, op);
    },
  });
  return doc;
}

function textsIn(texts: TextOp[], bold: boolean): string[] {
  return texts.filter((op) => op.bold === bold).map((op) => op.text);
}
