import type { CertificateRecord } from '../domain/certificate.js';
import { box, type Element, text } from './elements.js';
import { formatDay, formatInstant, fullName } from './format.js';
import { type Bilingual, LABELS, WORDING } from './labels.js';
import { fitted, rule, type TextRule } from './layout-text.js';
import { CONTENT_WIDTH, MUTED, RULE } from './page-style.js';
import type { Typesetter } from './typesetter.js';

/** The label column, its right padding included. */
const LABEL_WIDTH = 220;
const LABEL_GAP = 16;

/** What is left for the values. */
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH;

/**
 * A full name: what the certificate is about, so it keeps its size as long as it can, shrinks
 * only while whole words still fit, and then has its longest words broken (see `fit.ts`). The box
 * is what the page can spare for two names: it holds three parts of 100 letters each, the most
 * the API accepts, at 12 px in Kazakh capitals and at 9.5 px even in `Њ`, the widest letter of
 * PT Sans Bold.
 */
const NAME: TextRule = {
  size: 19,
  minSize: 14,
  floorSize: 8,
  lineHeight: 1.25,
  width: VALUE_WIDTH,
  maxHeight: 92,
  breaks: 'name',
  bold: true,
};

/** The decision: its number is free text of up to 50 characters, often with no space in it. */
const DECISION: TextRule = {
  size: 17,
  minSize: 14,
  floorSize: 8,
  lineHeight: 1.3,
  width: VALUE_WIDTH,
  maxHeight: 2 * 17 * 1.3,
  breaks: 'code',
  bold: false,
};

/** The facts of the appointment in labelled rows, between thin rules. */
export function facts(record: CertificateRecord, typesetter: Typesetter): Element {
  const { guardian, child, decision } = record;
  const wording = WORDING[record.type];
  const iin = `${LABELS.iin.kk} / ${LABELS.iin.ru}`;
  const birth = `${LABELS.birthDate.kk} / ${LABELS.birthDate.ru}`;
  // Cleaned before the comma is added, so a dropped character leaves no gap in front of it.
  const number = numbered(typesetter.printable(decision.number).trim());
  const decided = `${number}, ${formatDay(decision.date)}`;

  return box(
    { flexDirection: 'column', marginTop: 20 },
    rule(RULE, 1),
    row(wording.guardian, [
      fitted(typesetter, fullName(guardian), NAME),
      detail(iin, guardian.iin),
    ]),
    rule(RULE, 1),
    row(wording.child, [
      fitted(typesetter, fullName(child), NAME),
      detail(iin, child.iin),
      detail(birth, formatDay(child.birthDate)),
    ]),
    rule(RULE, 1),
    row(wording.decision, [fitted(typesetter, decided, DECISION)]),
    rule(RULE, 1),
    row(LABELS.validity, [
      value(`${formatDay(record.validFrom)} — ${formatDay(record.validUntil)}`),
    ]),
    rule(RULE, 1),
    row(LABELS.issuedAt, [value(formatInstant(record.issuedAt))]),
    rule(RULE, 1),
  );
}

function row(label: Bilingual, values: Element[]): Element {
  return box(
    { flexDirection: 'row', padding: '11px 0' },
    box(
      {
        flexDirection: 'column',
        boxSizing: 'border-box',
        width: LABEL_WIDTH,
        flexShrink: 0,
        paddingRight: LABEL_GAP,
      },
      text({ fontSize: 13, fontWeight: 700, color: MUTED }, label.kk),
      text({ fontSize: 13, color: MUTED, marginTop: 2 }, label.ru),
    ),
    box({ flexDirection: 'column', width: VALUE_WIDTH, flexShrink: 0 }, ...values),
  );
}

/** A value of fixed form (dates), which always fits its line. */
function value(content: string): Element {
  return text({ fontSize: 17, lineHeight: 1.3 }, content);
}

/** A labelled detail of fixed form (an IIN, a birth date). */
function detail(label: string, content: string): Element {
  return text({ fontSize: 14.5, marginTop: 4 }, `${label}: ${content}`);
}

/** Decision numbers often arrive with their own "№"; print exactly one. */
function numbered(number: string): string {
  return /^№/.test(number) ? number : `№ ${number}`;
}
