import type { CertificateRecord } from '../domain/certificate.js';
import { box, type Child, type Element, text } from './elements.js';
import { FONT_FAMILY } from './fonts.js';
import { LABELS, WORDING } from './labels.js';
import { facts } from './layout-facts.js';
import { footer } from './layout-footer.js';
import { fitted, rule, type TextRule } from './layout-text.js';
import {
  CONTENT_WIDTH,
  FRAME,
  INK,
  INNER_PADDING,
  NAVY,
  PAGE,
  PAGE_PADDING,
} from './page-style.js';
import { type QrSymbol, qrSvg } from './qr.js';
import type { Typesetter } from './typesetter.js';
import type { CertificateView } from './view.js';

export { PAGE, QR_SIZE } from './page-style.js';

/** Centred header lines keep clear of the frame by this much on each side. */
const HEADER_WIDTH = 600;

/**
 * The issuing body's names come from configuration, not from the API: one line at full size, or
 * two at 12 px, holds every name we know of.
 */
const PROVIDER_KK: TextRule = {
  size: 15,
  minSize: 12,
  floorSize: 8,
  lineHeight: 1.3,
  width: HEADER_WIDTH,
  maxHeight: 2 * 12 * 1.3,
  breaks: 'name',
  bold: true,
};
const PROVIDER_RU: TextRule = { ...PROVIDER_KK, size: 14, bold: false };

/** The serial is the registry's own (`ОП-2024-000137`); one line, shrunk if it ever grows. */
const SERIAL: TextRule = {
  size: 16,
  minSize: 12,
  floorSize: 8,
  lineHeight: 1.3,
  width: CONTENT_WIDTH,
  maxHeight: 16 * 1.3,
  breaks: 'code',
  bold: true,
};

/**
 * The certificate page as a satori element tree: a state-style header, the facts of the
 * appointment in labelled rows, and the QR code with the instruction to verify it. Kazakh comes
 * before Russian throughout, as on Kazakh state papers. Only flat backgrounds, text and one image
 * are used, because the PDF renderer redraws exactly those as vector operations. Every value that
 * comes from the record is fitted into a box of its own (see `fit.ts`), and the boxes add up to
 * less than the page, so no value the API accepts can push anything past the frame.
 */
export function certificateLayout(
  view: CertificateView,
  qr: QrSymbol,
  typesetter: Typesetter,
): Element {
  const { record } = view;

  return box(
    {
      boxSizing: 'border-box',
      width: PAGE.width,
      height: PAGE.height,
      padding: PAGE_PADDING,
      backgroundColor: '#ffffff',
      fontFamily: FONT_FAMILY,
      // The PDF draws each word with the font's plain advances; without kerning and ligatures
      // satori measures words the same way, so words in the PDF land exactly where they do here.
      fontKerning: 'none',
      fontVariantLigatures: 'none',
      color: INK,
    },
    frame(
      header(record, typesetter),
      facts(record, typesetter),
      box({ flexGrow: 1 }),
      footer(view, qrImageHref(qr), typesetter),
    ),
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
  const { top, side, bottom } = INNER_PADDING;
  const inner = box(
    {
      flexGrow: 1,
      flexDirection: 'column',
      padding: `${top}px ${side}px ${bottom}px`,
      backgroundColor: '#ffffff',
    },
    ...children,
  );
  const line = box({ flexGrow: 1, padding: FRAME.inner, backgroundColor: NAVY }, inner);
  const gap = box({ flexGrow: 1, padding: FRAME.gap, backgroundColor: '#ffffff' }, line);
  return box({ flexGrow: 1, padding: FRAME.outer, backgroundColor: NAVY }, gap);
}

function header(record: CertificateRecord, typesetter: Typesetter): Element {
  const title = WORDING[record.type].title;
  const centred = { textAlign: 'center', maxWidth: HEADER_WIDTH } as const;

  return box(
    { flexDirection: 'column', alignItems: 'center' },
    text({ fontSize: 13, fontWeight: 700, color: NAVY }, LABELS.state.kk),
    text({ fontSize: 13, color: NAVY, marginTop: 2 }, LABELS.state.ru),
    fitted(typesetter, record.provider.nameKk, PROVIDER_KK, centred, { marginTop: 16 }),
    fitted(typesetter, record.provider.nameRu, PROVIDER_RU, centred, { marginTop: 3 }),
    rule(NAVY, 1, '16px 0 18px'),
    text({ ...centred, fontSize: 27, fontWeight: 700, color: NAVY }, title.kk),
    text({ ...centred, fontSize: 21, fontWeight: 700, color: NAVY, marginTop: 4 }, title.ru),
    fitted(typesetter, `№ ${record.serial}`, SERIAL, {}, { marginTop: 14 }),
  );
}
