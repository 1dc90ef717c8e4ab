import { type Color, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { DocumentError } from './errors.js';
import type { ImageOp, PaintOp } from './svg-reader.js';

/** PDF points per CSS pixel: 72 per inch over 96 per inch. */
export const POINTS_PER_PIXEL = 0.75;

/** Where painting goes: a page, its two faces, and how to draw the layout's images. */
export interface PdfCanvas {
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
  /** Draws an image op; the certificate has only the QR code, which is redrawn as vectors. */
  drawImage(op: ImageOp): void;
}

/**
 * Replays the layout's painting steps on a PDF page. Layout pixels have their origin at the top
 * left and grow downwards; PDF points start at the bottom left and grow upwards, hence the flip.
 * Each text run is placed at satori's own position, so line breaks and alignment are the layout's,
 * not a second guess by the PDF library.
 */
export function paintOps(ops: PaintOp[], canvas: PdfCanvas): void {
  const { page } = canvas;
  const top = page.getHeight();
  const k = POINTS_PER_PIXEL;

  for (const op of ops) {
    switch (op.kind) {
      case 'rect':
        page.drawRectangle({
          x: op.x * k,
          y: top - (op.y + op.height) * k,
          width: op.width * k,
          height: op.height * k,
          color: parseColor(op.fill),
        });
        break;
      case 'text':
        page.drawText(op.text, {
          x: op.x * k,
          y: top - op.y * k,
          size: op.fontSize * k,
          font: op.bold ? canvas.bold : canvas.regular,
          color: parseColor(op.fill),
        });
        break;
      case 'image':
        canvas.drawImage(op);
        break;
    }
  }
}

const NAMED: Record<string, string> = { black: '#000000', white: '#ffffff' };

/** Colours as satori writes them: `#rgb`, `#rrggbb`, or the names black and white. */
export function parseColor(value: string): Color {
  const hex = NAMED[value.toLowerCase()] ?? value;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const parts = short ? short.slice(1).map((c) => c + c) : long?.slice(1);
  if (!parts) {
    throw new DocumentError(
      'svg_unsupported',
      `the PDF painter supports #rgb and #rrggbb colours, got ${JSON.stringify(value)}`,
    );
  }

  const [r = 0, g = 0, b = 0] = parts.map((part) => Number.parseInt(part, 16) / 255);
  return rgb(r, g, b);
}
