import { box, type Element, image, text } from './elements.js';
import { LABELS, verifyInstruction } from './labels.js';
import { fitted, type TextRule } from './layout-text.js';
import { CONTENT_WIDTH, MUTED, QR_SIZE } from './page-style.js';
import type { Typesetter } from './typesetter.js';
import type { CertificateView } from './view.js';

const QR_GAP = 22;

/** Beside the QR code. */
const COLUMN_WIDTH = CONTENT_WIDTH - QR_SIZE - QR_GAP;

/**
 * A key id is one token that a support call reads out character by character, so it gets a line
 * of its own and is never broken while a smaller size still holds it.
 */
const KID: TextRule = {
  size: 10.5,
  minSize: 7,
  floorSize: 7,
  lineHeight: 1.3,
  width: COLUMN_WIDTH,
  maxHeight: 2 * 10.5 * 1.3,
  breaks: 'code',
  bold: false,
};

/**
 * The QR code and, beside it, what the paper is (an electronic document under the issuing
 * body's signature), how to verify it, and the ids a support call asks for.
 */
export function footer(view: CertificateView, qrHref: string, typesetter: Typesetter): Element {
  const { record } = view;
  const instruction = verifyInstruction(typesetter.printable(view.publicUrl));
  const prose = { fontSize: 12, lineHeight: 1.35, wordBreak: 'break-word' } as const;
  const small = { fontSize: 10.5, color: MUTED } as const;

  return box(
    { flexDirection: 'row', alignItems: 'center' },
    image(qrHref, QR_SIZE, { flexShrink: 0 }),
    box(
      { flexDirection: 'column', width: COLUMN_WIDTH, flexShrink: 0, marginLeft: QR_GAP },
      text({ fontSize: 11.5, lineHeight: 1.3, fontWeight: 700 }, LABELS.electronic.kk),
      text({ fontSize: 11.5, lineHeight: 1.3, marginTop: 1 }, LABELS.electronic.ru),
      text({ ...prose, marginTop: 8 }, instruction.kk),
      text({ ...prose, marginTop: 3 }, instruction.ru),
      text({ ...small, marginTop: 8 }, `${LABELS.kid.kk} / ${LABELS.kid.ru}:`),
      fitted(typesetter, record.kid, KID, { color: MUTED }),
      text(
        { ...small, marginTop: 3 },
        `${LABELS.recordId.kk} / ${LABELS.recordId.ru}: ${typesetter.printable(record.id)}`,
      ),
    ),
  );
}
