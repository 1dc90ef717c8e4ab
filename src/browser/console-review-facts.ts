import type { Language } from '../web/i18n/languages.js';
import type { MessageKey, Translate } from '../web/i18n/translator.js';
import { day, el } from './format.js';

interface Name {
  lastName: string;
  firstName: string;
  middleName: string | null;
}

/**
 * What the state records say about an application now (`facts` of
 * `GET /api/v1/review/applications/<id>`): `null` while the gateway is down, only an outcome
 * when the records no longer support issuing.
 */
export type ReviewFacts =
  | null
  | { outcome: `refused:${string}` }
  | {
      outcome: 'issue' | 'review';
      decision: { providerId: string; number: string; date: string };
      applicant: Name;
      child: Name & { birthDate: string };
    };

export type Grounds = Extract<NonNullable<ReviewFacts>, { decision: unknown }>;

/** A name as the records write it: surname, given name, patronymic. */
export const fullName = (p: Name) =>
  [p.lastName, p.firstName, p.middleName].filter((part) => part).join(' ');

export const hasGrounds = (facts: ReviewFacts | undefined): facts is Grounds =>
  facts != null && 'decision' in facts;

const TYPE_TEXT: Record<string, MessageKey> = {
  guardianship: 'console.guardianship',
  trusteeship: 'console.trusteeship',
};

interface Context {
  lang: Language;
  t: Translate;
  /** The certificate type the application asks for (`guardianship`, `trusteeship`). */
  type: string;
  /** A provider's name in the page's language, or its id when the page does not know it. */
  providerName: (id: string) => string;
  /** A refusal code in words (the page's own refusal texts), or the code itself. */
  refusalText: (code: string) => string;
}

/**
 * The records beside the attached copy, for the officer to compare: the child's name and birth
 * date, the applicant's name, the decision and the certificate type, all in the page's language.
 */
export function factsView(facts: ReviewFacts, c: Context): HTMLElement {
  const { t } = c;
  if (facts === null) return el('p', { class: 'warning' }, t('console.factsUnavailable'));
  if (!hasGrounds(facts)) {
    const code = facts.outcome.replace(/^refused:/, '');
    return el(
      'p',
      { class: 'warning' },
      t('console.factsRefused', { reason: c.refusalText(code) }),
    );
  }

  const { child, applicant, decision } = facts;
  const type = TYPE_TEXT[c.type];
  const rows: [MessageKey, string][] = [
    ['console.child_', fullName(child)],
    ['console.birthDate', day(c.lang, child.birthDate)],
    ['console.factsApplicant', fullName(applicant)],
    [
      'console.decision',
      t('console.factsDecision', {
        number: decision.number,
        date: day(c.lang, decision.date),
        provider: c.providerName(decision.providerId),
      }),
    ],
    ['console.type', type ? t(type) : c.type],
  ];
  const list = el('dl', { class: 'facts' });
  for (const [term, value] of rows) list.append(el('dt', {}, t(term)), el('dd', {}, value));
  return el('div', {}, el('p', { class: 'facts-title' }, t('console.factsTitle')), list);
}
