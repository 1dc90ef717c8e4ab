import type { CertificateFonts } from '../../src/documents/fonts.js';
import { PAGE } from '../../src/documents/layout.js';
import { encodeVerifyQr } from '../../src/documents/qr.js';
import { renderCertificateSvg } from '../../src/documents/svg.js';
import { type PaintOp, readSatoriSvg, type TextOp } from '../../src/documents/svg-reader.js';
import type { CertificateView } from '../../src/documents/view.js';

/** The white area inside the double frame, minus its padding: where all content belongs. */
export const CONTENT = { left: 84, right: PAGE.width - 84, top: 70, bottom: PAGE.height - 68 };

/** The painting steps of a certificate, as the PDF renderer reads them. */
export async function layOut(view: CertificateView, fonts: CertificateFonts): Promise<PaintOp[]> {
  const qr = encodeVerifyQr(view.verifyUrl);
  return readSatoriSvg(await renderCertificateSvg(view, fonts, qr, { embedFont: false }));
}

export function textRuns(ops: PaintOp[]): TextOp[] {
  return ops.flatMap((op) => (op.kind === 'text' ? [op] : []));
}

/**
 * Lines of text as they read, in document order, without the space satori leaves at the end of a
 * wrapped line: runs on one baseline that touch end to start, so that a label and the value
 * beside it stay two lines.
 */
export function lines(ops: PaintOp[]): string[] {
  const found: { y: number; right: number; text: string }[] = [];
  for (const op of textRuns(ops)) {
    const line = found.find((l) => l.y === Math.round(op.y) && Math.abs(l.right - op.x) < 1);
    if (line) {
      line.text += op.text;
      line.right = op.x + op.width;
    } else {
      found.push({ y: Math.round(op.y), right: op.x + op.width, text: op.text });
    }
  }
  return found.map((line) => line.text.trim());
}

/** The em box of a run around its baseline, tight enough that adjacent lines do not touch. */
export function glyphBox(op: TextOp) {
  return { left: op.x, right: op.x + op.width, top: op.y - 0.75 * op.fontSize, bottom: op.y };
}

/**
 * Everything a run's glyphs can cover: no letter of PT Sans, accented capitals included, reaches
 * higher than 0.88 em above the baseline or lower than 0.22 em below it (the tails of Қ, Ң, у).
 */
export function inkBox(op: TextOp) {
  return {
    left: op.x,
    right: op.x + op.width,
    top: op.y - 0.88 * op.fontSize,
    bottom: op.y + 0.22 * op.fontSize,
  };
}

/** Joins broken lines back as poppler's pdftotext does: after a line-end hyphen, no space. */
export function unbreak(lines: string[]): string {
  return lines.join('\n').replace(/-\n/g, '').replace(/\n/g, ' ');
}
