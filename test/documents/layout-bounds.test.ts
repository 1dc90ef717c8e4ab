import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFonts } from '../../src/documents/fonts.js';
import { loadNodeFonts } from '../../src/documents/fonts-node.js';
import { formatDay, fullName } from '../../src/documents/format.js';
import { PAGE, QR_SIZE } from '../../src/documents/layout.js';
import type { PaintOp } from '../../src/documents/svg-reader.js';
import type { CertificateRecord } from '../../src/domain/certificate.js';
import { sampleView } from './fixture.js';
import { CONTENT, glyphBox, inkBox, layOut, lines, textRuns, unbreak } from './layout-ops.js';
import { reportedRecord, WIDEST_LETTER, worstRecord } from './worst-case.js';

const NAVY = '#1f3a60';
const RULE = '#c5cdd8';

/** Left of the value column, right of every label. */
const VALUE_LEFT = 300;

const CASES: [string, CertificateRecord][] = [
  ['the reported double surname and decision number', reportedRecord],
  ['a guardianship at every maximum length', worstRecord('guardianship')],
  ['a trusteeship at every maximum length', worstRecord('trusteeship')],
  ['names of the widest letter at maximum length', worstRecord('trusteeship', WIDEST_LETTER)],
];

/** The runs of both names: the bold values of the first two rows of facts. */
function names(ops: PaintOp[]) {
  const rules = ops.flatMap((op) => (op.kind === 'rect' && op.fill === RULE ? [op.y] : []));
  const [top = 0, , bottom = 0] = rules;
  return textRuns(ops).filter((op) => op.bold && op.x >= VALUE_LEFT && op.y > top && op.y < bottom);
}

describe.each(CASES)('the layout of %s', (_, record) => {
  let fonts: CertificateFonts;
  let ops: PaintOp[];
  beforeAll(async () => {
    fonts = await loadNodeFonts();
    ops = await layOut(sampleView(record), fonts);
  });

  it('keeps the double frame where it is on A4', () => {
    const frame = ops.filter((op) => op.kind === 'rect' && op.fill === NAVY && op.width > 700);

    expect(frame.map((op) => op.kind === 'rect' && [op.x, op.y, op.width, op.height])).toEqual([
      [34, 34, PAGE.width - 68, PAGE.height - 68],
      [39, 39, PAGE.width - 78, PAGE.height - 78],
    ]);
  });

  it('keeps every text run and the QR code inside the frame, clear of each other', () => {
    const texts = textRuns(ops).filter((op) => op.text.trim());
    const qr = ops.find((op) => op.kind === 'image');
    if (qr?.kind !== 'image') throw new Error('no QR image');

    expect([qr.width, qr.height]).toEqual([QR_SIZE, QR_SIZE]);
    expect(qr.x).toBeGreaterThanOrEqual(CONTENT.left);
    expect(qr.y + qr.height).toBeLessThanOrEqual(CONTENT.bottom);
    for (const op of texts) {
      const ink = inkBox(op);
      expect(ink.left, op.text).toBeGreaterThanOrEqual(CONTENT.left);
      expect(ink.right, op.text).toBeLessThanOrEqual(CONTENT.right + 0.5);
      expect(ink.top, op.text).toBeGreaterThanOrEqual(CONTENT.top);
      expect(ink.bottom, op.text).toBeLessThanOrEqual(CONTENT.bottom);
      expect(ink.left >= qr.x + qr.width || ink.bottom <= qr.y, op.text).toBe(true);
    }

    const boxes = texts.map(glyphBox);
    for (const [i, p] of boxes.entries()) {
      for (const [j, q] of boxes.entries()) {
        if (j <= i) continue;
        const apart =
          p.right <= q.left + 0.01 ||
          q.right <= p.left + 0.01 ||
          p.bottom <= q.top ||
          q.bottom <= p.top;
        expect(apart, `${texts[i]?.text} / ${texts[j]?.text}`).toBe(true);
      }
    }
  });

  it('prints both names in full, every letter of them', () => {
    const text = unbreak(lines(names(ops)));

    expect(text).toContain(fullName(record.guardian));
    expect(text).toContain(fullName(record.child));
  });

  it('prints the decision number in full, broken without any mark added', () => {
    const decision = lines(ops).filter((line) => /^(№ )?WW/.test(line));
    const expected = `№ ${record.decision.number}, ${formatDay(record.decision.date)}`;

    // A break may also fall on a space, which a line end replaces.
    const squeezed = (text: string) => text.replace(/ /g, '');
    expect(squeezed(decision.join(''))).toBe(squeezed(expected));
  });

  it('sets every character in a glyph both faces have', () => {
    const regular = fontkit.create(fonts.regular);
    const bold = fontkit.create(fonts.bold);

    for (const op of textRuns(ops)) {
      for (const char of op.text) {
        const codePoint = char.codePointAt(0) ?? 0;
        expect(regular.hasGlyphForCodePoint(codePoint), char).toBe(true);
        expect(bold.hasGlyphForCodePoint(codePoint), char).toBe(true);
      }
    }
  });
});

describe('long names', () => {
  it('stay at 12 px or larger when every part is 100 Kazakh capitals', async () => {
    const fonts = await loadNodeFonts();

    for (const type of ['guardianship', 'trusteeship'] as const) {
      const ops = await layOut(sampleView(worstRecord(type)), fonts);

      for (const op of names(ops)) expect(op.fontSize).toBeGreaterThanOrEqual(12);
    }
  });

  it('keep full size when they fit, as a 40-letter double surname does', async () => {
    const fonts = await loadNodeFonts();
    const ops = await layOut(sampleView(reportedRecord), fonts);

    expect(lines(names(ops))[0]).toBe(reportedRecord.guardian.lastName);
    for (const op of names(ops)) expect(op.fontSize).toBe(19);
  });
});
