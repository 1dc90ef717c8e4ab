import { parseCheckpoint } from '../translog/checkpoint.js';
import { box, type Element, text } from './elements.js';
import { FONT_FAMILY } from './fonts.js';
import { formatDay, formatInstant } from './format.js';
import { LABELS, WORDING } from './labels.js';
import { fitted, rule, type TextRule } from './layout-text.js';
import {
  CONTENT_WIDTH,
  FRAME,
  INK,
  INNER_PADDING,
  MUTED,
  NAVY,
  PAGE,
  PAGE_PADDING,
  RULE,
} from './page-style.js';
import { RECEIPT_LABELS as L, receiptInstruction } from './receipt-labels.js';
import type { ReceiptView, Trilingual } from './receipt-view.js';
import type { Typesetter } from './typesetter.js';

const LABEL_WIDTH = 210;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH;

/** A value of the receipt on one or two lines: names, the issuer, an organisation. */
const VALUE: TextRule = {
  size: 14,
  minSize: 11,
  floorSize: 8,
  lineHeight: 1.3,
  width: VALUE_WIDTH,
  maxHeight: 2 * 14 * 1.3,
  breaks: 'name',
  bold: false,
};
const STRONG: TextRule = { ...VALUE, bold: true };

/** Digests, roots and keys: read out character by character, broken anywhere if need be. */
const CODE: TextRule = {
  size: 11,
  minSize: 8,
  floorSize: 7,
  lineHeight: 1.3,
  width: VALUE_WIDTH,
  maxHeight: 2 * 11 * 1.3,
  breaks: 'code',
  bold: false,
};
const KEY: TextRule = { ...CODE, width: CONTENT_WIDTH };

const GREEN = '#e7f4ea';
const RED = '#fbe9e7';

/**
 * The receipt page: what was checked, the verdict in three languages, when and by whom, and the
 * registry checkpoint it was checked against, with the instruction to re-check the attached
 * signed file. Only what the receipt holds is shown: surname and initials, never an IIN.
 */
export function receiptLayout(view: ReceiptView, typesetter: Typesetter): Element {
  const { receipt, words } = view;
  const { verification } = receipt;
  const certificate = verification.certificate;
  const wording = certificate ? WORDING[certificate.type as keyof typeof WORDING] : undefined;
  const setValue = (content: string, textRule: TextRule) => fitted(typesetter, content, textRule);

  const rows: Element[] = [];
  const add = (label: Trilingual, ...values: Element[]) => {
    rows.push(row(label, values), rule(RULE, 1));
  };

  add(L.serial, setValue(certificate?.serial ?? '—', STRONG));
  if (certificate) {
    add(
      L.issuer,
      setValue(certificate.issuer.nameKk, VALUE),
      setValue(certificate.issuer.nameRu, VALUE),
    );
    add(withEnglish(wording?.guardian, L.guardian), setValue(certificate.guardian, STRONG));
    add(withEnglish(wording?.child, L.child), setValue(certificate.child, STRONG));
    add(
      L.validity,
      plain(`${formatDay(certificate.validFrom)} — ${formatDay(certificate.validUntil)}`),
    );
  }
  add(
    L.checkedAt,
    plain(`${formatInstant(verification.checkedAt)} (${L.almatyTime.kk} / ${L.almatyTime.ru})`),
    small(verification.checkedAt),
  );
  add(L.verifier, setValue(receipt.verifier?.organization ?? '—', VALUE));
  if (receipt.recordDigest) add(L.recordDigest, setValue(receipt.recordDigest, CODE));
  add(L.checkpoint, ...checkpointLines(view, typesetter));

  return box(
    {
      boxSizing: 'border-box',
      width: PAGE.width,
      height: PAGE.height,
      padding: PAGE_PADDING,
      backgroundColor: '#ffffff',
      fontFamily: FONT_FAMILY,
      fontKerning: 'none',
      fontVariantLigatures: 'none',
      color: INK,
    },
    frame(
      header(),
      verdictPanel(verification.verdict, words),
      box({ flexDirection: 'column', marginTop: 14 }, rule(RULE, 1), ...rows),
      box({ flexGrow: 1 }),
      footer(view, typesetter),
    ),
  );
}

function header(): Element {
  const centred = { textAlign: 'center' } as const;
  return box(
    { flexDirection: 'column', alignItems: 'center' },
    text({ fontSize: 12, fontWeight: 700, color: NAVY }, LABELS.state.kk),
    text({ fontSize: 12, color: NAVY, marginTop: 2 }, LABELS.state.ru),
    rule(NAVY, 1, '12px 0 12px'),
    text({ ...centred, fontSize: 24, fontWeight: 700, color: NAVY }, L.title.kk),
    text({ ...centred, fontSize: 19, fontWeight: 700, color: NAVY, marginTop: 3 }, L.title.ru),
    text({ ...centred, fontSize: 15, color: NAVY, marginTop: 3 }, L.title.en),
  );
}

function verdictPanel(verdict: string, words: ReceiptView['words']): Element {
  const lines = [
    text({ fontSize: 20, fontWeight: 700 }, words.verdict.kk),
    text({ fontSize: 17, fontWeight: 700, marginTop: 2 }, words.verdict.ru),
    text({ fontSize: 15, marginTop: 2 }, `${words.verdict.en} (${verdict})`),
  ];
  if (words.detail) {
    const detail = { fontSize: 12, color: MUTED, marginTop: 2, maxWidth: CONTENT_WIDTH - 32 };
    lines.push(
      text({ ...detail, marginTop: 8 }, words.detail.kk),
      text(detail, words.detail.ru),
      text(detail, words.detail.en),
    );
  }
  return box(
    {
      flexDirection: 'column',
      marginTop: 16,
      padding: '12px 16px',
      backgroundColor: verdict === 'valid' ? GREEN : RED,
    },
    ...lines,
  );
}

function checkpointLines(view: ReceiptView, typesetter: Typesetter): Element[] {
  const { log } = view.receipt;
  const body = log.checkpoint.slice(0, log.checkpoint.lastIndexOf('\n\n') + 1);
  let size = '?';
  let root = '?';
  try {
    const checkpoint = parseCheckpoint(body);
    size = String(checkpoint.size);
    root = body.split('\n')[2] ?? '?';
  } catch {
    // The verifier refuses such a receipt; the page still shows the rest.
  }

  const lines = [plain(`${L.size.kk} / ${L.size.ru} / ${L.size.en}: ${size}`)];
  const rootLabel = `${L.root.kk} / ${L.root.ru} / ${L.root.en}`;
  lines.push(fitted(typesetter, `${rootLabel}: ${root}`, CODE, { color: MUTED }));
  const entry = log.entry;
  if (entry) {
    const proof = log.inclusionProof ? L.proofIncluded : L.proofPending;
    lines.push(small(`${L.entry.kk} / ${L.entry.ru} / ${L.entry.en}: ${entry.index}`));
    lines.push(small(`${proof.kk} / ${proof.ru} / ${proof.en}`));
  }
  return lines;
}

function footer(view: ReceiptView, typesetter: Typesetter): Element {
  const instruction = receiptInstruction(typesetter.printable(view.publicUrl));
  const prose = { fontSize: 11, lineHeight: 1.35, maxWidth: CONTENT_WIDTH } as const;
  return box(
    { flexDirection: 'column' },
    text({ ...prose, fontWeight: 700 }, instruction.kk),
    text({ ...prose, marginTop: 3 }, instruction.ru),
    text({ ...prose, marginTop: 3 }, instruction.en),
    fitted(typesetter, view.verifierKey, KEY, { color: MUTED }, { marginTop: 6 }),
  );
}

function row(label: Trilingual, values: Element[]): Element {
  return box(
    { flexDirection: 'row', padding: '7px 0' },
    box(
      { flexDirection: 'column', width: LABEL_WIDTH, flexShrink: 0, paddingRight: 12 },
      text({ fontSize: 11, fontWeight: 700, color: MUTED }, label.kk),
      text({ fontSize: 11, color: MUTED }, label.ru),
      text({ fontSize: 11, color: MUTED }, label.en),
    ),
    box({ flexDirection: 'column', width: VALUE_WIDTH, flexShrink: 0 }, ...values),
  );
}

function plain(content: string): Element {
  return text({ fontSize: 14, lineHeight: 1.3 }, content);
}

function small(content: string): Element {
  return text({ fontSize: 11, lineHeight: 1.3, color: MUTED }, content);
}

/** The certificate's own wording for a role, with the English beside it. */
function withEnglish(wording: { kk: string; ru: string } | undefined, fallback: Trilingual) {
  return wording ? { ...wording, en: fallback.en } : fallback;
}

/** The certificate's double rule, so the receipt reads as a paper of the same registry. */
function frame(...children: Element[]): Element {
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
