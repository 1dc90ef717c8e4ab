import type { CertificateRecord } from '../domain/certificate.js';
import { box, type Child, type Element, image, text } from './elements.js';
import { FONT_FAMILY } from './fonts.js';
import { formatDay, formatInstant, fullName } from './format.js';
import { type Bilingual, LABELS, TITLES, verifyInstruction } from './labels.js';
import { type QrSymbol, qrSvg } from './qr.js';
import type { CertificateView } from './view.js';

/** A4 portrait in CSS pixels (96 per inch): the unit satori lays out in. */
export const PAGE = { width: 794, height: 1123 } as const;

/**
 * Side of the QR image in CSS pixels, 52.9 mm on paper. Even a version 1 symbol, whose quiet zone
 * takes the largest share, then prints its modules across at least 38 mm, which phone cameras read
 * from arm's length on a desk.
 */
export const QR_SIZE = 200;

const INK = '#1a1a1a';
const NAVY = '#1f3a60';
const MUTED = '#4b5563';
const RULE = '#c5cdd8';

/**
 * The certificate page as a satori element tree: a state-style header, the facts of the
 * appointment in labelled rows, and the QR code with the instruction to verify it. Kazakh comes
 * before Russian throughout, as on Kazakh state papers. Only flat backgrounds, text and one image
 * are used, because the PDF renderer redraws exactly those as vector operations.
 */
export function certificateLayout(view: CertificateView, qr: QrSymbol): Element {
  const { record } = view;

  return box(
    {
      boxSizing: 'border-box',
      width: PAGE.width,
      height: PAGE.height,
      padding: 34,
      backgroundColor: '#ffffff',
      fontFamily: FONT_FAMILY,
      // The PDF draws each word with the font's plain advances; without kerning and ligatures
      // satori measures words the same way, so words in the PDF land exactly where they do here.
      fontKerning: 'none',
      fontVariantLigatures: 'none',
      color: INK,
    },
    frame(header(record), facts(record), box({ flexGrow: 1 }), footer(view, qrImageHref(qr))),
  );
}

/** The QR symbol as the data URI the layout places; the PDF renderer recognises it by this. */
export function qrImageHref(qr: QrSymbol): string {
  return `data:image/svg+xml;base64,${btoa(qrSvg(qr))}`;
}

/**
 * A double rule around the page, built from nested fills so it stays plain rectangles. Widths are
 * whole pixels because the layout engine rounds every edge to the pixel grid.
 */
function frame(...children: Child[]): Element {
  const inner = box(
    { flexGrow: 1, flexDirection: 'column', padding: '30px 44px 28px', backgroundColor: '#ffffff' },
    ...children,
  );
  const line = box({ flexGrow: 1, padding: 1, backgroundColor: NAVY }, inner);
  const gap = box({ flexGrow: 1, padding: 3, backgroundColor: '#ffffff' }, line);
  return box({ flexGrow: 1, padding: 2, backgroundColor: NAVY }, gap);
}

function header(record: CertificateRecord): Element {
  const title = TITLES[record.type];
  const centred = { textAlign: 'center', maxWidth: 600 } as const;

  return box(
    { flexDirection: 'column', alignItems: 'center' },
    text({ fontSize: 13, fontWeight: 700, color: NAVY }, LABELS.state.kk),
    text({ fontSize: 13, color: NAVY, marginTop: 2 }, LABELS.state.ru),
    text({ ...centred, fontSize: 15, fontWeight: 700, marginTop: 16 }, record.provider.nameKk),
    text({ ...centred, fontSize: 14, marginTop: 3 }, record.provider.nameRu),
    rule(NAVY, 1, '18px 0 22px'),
    text({ ...centred, fontSize: 27, fontWeight: 700, color: NAVY }, title.kk),
    text({ ...centred, fontSize: 21, fontWeight: 700, color: NAVY, marginTop: 4 }, title.ru),
    text({ fontSize: 16, fontWeight: 700, marginTop: 14 }, `№ ${record.serial}`),
  );
}

function facts(record: CertificateRecord): Element {
  const { guardian, child, decision } = record;
  const iin = `${LABELS.iin.kk} / ${LABELS.iin.ru}`;
  const birth = `${LABELS.birthDate.kk} / ${LABELS.birthDate.ru}`;

  return box(
    { flexDirection: 'column', marginTop: 26 },
    rule(RULE, 1),
    row(LABELS.guardian, [name(fullName(guardian)), detail(iin, guardian.iin)]),
    rule(RULE, 1),
    row(LABELS.child, [
      name(fullName(child)),
      detail(iin, child.iin),
      detail(birth, formatDay(child.birthDate)),
    ]),
    rule(RULE, 1),
    row(LABELS.decision, [value(`${numbered(decision.number)}, ${formatDay(decision.date)}`)]),
    rule(RULE, 1),
    row(LABELS.validity, [
      value(`${formatDay(record.validFrom)} — ${formatDay(record.validUntil)}`),
    ]),
    rule(RULE, 1),
    row(LABELS.issuedAt, [value(formatInstant(record.issuedAt))]),
    rule(RULE, 1),
  );
}

function footer(view: CertificateView, qrHref: string): Element {
  const { record } = view;
  const instruction = verifyInstruction(view.publicUrl);
  const small = { fontSize: 10, color: MUTED, wordBreak: 'break-all' } as const;

  return box(
    { flexDirection: 'row', alignItems: 'center' },
    image(qrHref, QR_SIZE, { flexShrink: 0 }),
    box(
      { flexDirection: 'column', flexGrow: 1, flexShrink: 1, marginLeft: 22 },
      text({ fontSize: 13, lineHeight: 1.35 }, instruction.kk),
      text({ fontSize: 13, lineHeight: 1.35, marginTop: 8 }, instruction.ru),
      text({ ...small, marginTop: 16 }, `${LABELS.kid.kk} / ${LABELS.kid.ru}: ${record.kid}`),
      text(
        { ...small, marginTop: 3 },
        `${LABELS.recordId.kk} / ${LABELS.recordId.ru}: ${record.id}`,
      ),
    ),
  );
}

function row(label: Bilingual, values: Element[]): Element {
  return box(
    { flexDirection: 'row', padding: '14px 0' },
    box(
      { flexDirection: 'column', width: 250, flexShrink: 0, paddingRight: 16 },
      text({ fontSize: 13, fontWeight: 700, color: MUTED }, label.kk),
      text({ fontSize: 13, color: MUTED, marginTop: 2 }, label.ru),
    ),
    box({ flexDirection: 'column', flexGrow: 1, flexShrink: 1 }, ...values),
  );
}

/**
 * A full name wraps only between its words: a break after the hyphen of a double surname would
 * read as a different name, and text extractors drop such a hyphen at the end of a line.
 */
function name(content: string): Element {
  const words = content.split(' ');
  return box(
    { flexDirection: 'row', flexWrap: 'wrap', fontSize: 19, fontWeight: 700 },
    ...words.map((word, i) =>
      text({ whiteSpace: 'pre' }, i < words.length - 1 ? `${word} ` : word),
    ),
  );
}

function value(content: string): Element {
  return text({ fontSize: 17 }, content);
}

function detail(label: string, content: string): Element {
  return text({ fontSize: 14.5, marginTop: 4 }, `${label}: ${content}`);
}

function rule(color: string, thickness: number, margin: string | number = 0): Element {
  return box({ alignSelf: 'stretch', height: thickness, backgroundColor: color, margin });
}

/** Decision numbers often arrive with their own "№"; print exactly one. */
function numbered(number: string): string {
  return /^№/.test(number) ? number : `№ ${number}`;
}
