import { localDay } from '../domain/calendar.js';
import type { Language } from '../web/i18n/languages.js';
import type { MessageKey, Translate } from '../web/i18n/translator.js';
import { dateTime, day, el } from './format.js';

/** An application in the review queue, as `GET /api/v1/review/applications` lists it. */
export interface QueueItem {
  id: string;
  type: string;
  applicantIin: string;
  childIin: string;
  submittedAt: string;
  deadline: string;
  overdue: boolean;
  attachment: { mediaType: string; size: number; link: string } | null;
  links: { self: string; approve: string; refuse: string };
}

/** The statuses the officer's API answers with (README: `active`, `suspended`, `revoked`). */
export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

const STATUS_TEXT: Record<CertificateStatus, MessageKey> = {
  active: 'console.status_active',
  suspended: 'console.status_suspended',
  revoked: 'console.status_revoked',
};

/** The reasons of a suspension the console words; another shows as its code. */
const SUSPENSION_TEXT: Record<string, MessageKey> = {
  court_proceedings: 'reasons.court_proceedings',
  under_review: 'reasons.under_review',
  document_lost: 'reasons.document_lost',
};

/** A certificate as the officer's API answers it. */
export interface RegistryItem {
  id: string;
  serial: string;
  type: string;
  status: CertificateStatus;
  suspension?: { at: string; reason: string | null };
  revocation?: { at: string; reason: string | null };
  guardian: { lastName: string; firstName: string };
  child: { lastName: string; firstName: string };
  validUntil: string;
  documents: { pdf: string };
}

export interface PublishedKey {
  kid: string;
  provider: string;
  status: string;
  nbf: number;
  exp?: number;
}

/**
 * A queue card: term, overdue flag, masked IINs, the records to compare (`.review-facts`, filled
 * once read) beside the copy, approve and refuse.
 */
export function queueCard(lang: Language, t: Translate, a: QueueItem, reasons: Node): HTMLElement {
  const card = el('li', { class: 'card', 'data-id': a.id });
  card.append(
    el('h3', {}, t('console.application', { id: a.id })),
    el('p', {}, t('console.submitted', { time: dateTime(lang, a.submittedAt) })),
    el(
      'p',
      { class: a.overdue ? 'overdue' : '' },
      t('console.deadline', { time: dateTime(lang, a.deadline) }),
      a.overdue ? ` — ${t('console.overdue')}` : '',
    ),
    el('p', {}, t('console.applicant', { iin: a.applicantIin })),
    el('p', {}, t('console.child', { iin: a.childIin })),
    el('div', { class: 'review-facts', 'aria-live': 'polite' }),
  );

  if (a.attachment) {
    const kb = Math.max(1, Math.round(a.attachment.size / 1024));
    card.append(
      el('p', {}, t('console.attachment', { type: a.attachment.mediaType, size: kb })),
      el(
        'p',
        {},
        el(
          'button',
          { type: 'button', class: 'secondary show-attachment' },
          t('console.showAttachment'),
        ),
      ),
      el('div', { class: 'attachment-preview' }),
    );
  }

  const reasonId = `refuse-reason-${a.id}`;
  const commentId = `refuse-comment-${a.id}`;
  const select = el('select', { id: reasonId, name: 'reason' });
  select.append(reasons.cloneNode(true));
  card.append(
    el(
      'p',
      { class: 'actions' },
      el('button', { type: 'button', class: 'approve' }, t('console.approve')),
    ),
    el('label', { for: reasonId }, t('console.refuseReason')),
    select,
    el('label', { for: commentId }, t('console.refuseComment')),
    el('textarea', { id: commentId, name: 'comment', rows: '2', maxlength: '500' }),
    el(
      'p',
      { class: 'actions' },
      el('button', { type: 'button', class: 'secondary refuse' }, t('console.refuse')),
    ),
    el('p', { class: 'field-error card-error', role: 'alert' }),
  );
  return card;
}

/**
 * A registry row: serial, names, status (with a suspension's reason), validity, the PDF, and for
 * an officer who may change statuses (role `revoker`, as the API asks): revoke while the
 * certificate is active or suspended, suspend while active, reinstate while suspended.
 */
export function registryItem(
  lang: Language,
  t: Translate,
  c: RegistryItem,
  mayChangeStatus: boolean,
): HTMLElement {
  const name = (p: { lastName: string; firstName: string }) => `${p.lastName} ${p.firstName}`;
  const reason = c.suspension?.reason ?? '';
  const item = el('li', { 'data-serial': c.serial, 'data-id': c.id });
  item.append(
    el('strong', {}, c.serial),
    ' ',
    el('span', { class: `status-${c.status}` }, t(STATUS_TEXT[c.status])),
    ' ',
  );
  if (c.status === 'suspended' && reason) {
    const words = SUSPENSION_TEXT[reason];
    const text = t('console.suspensionReason', { reason: words ? t(words) : reason });
    item.append(el('span', { class: 'hint suspension-reason' }, text), ' ');
  }
  // A revoked one says when and why, never "until": it reads as "revoked until" otherwise.
  if (c.status === 'revoked') {
    const code = c.revocation?.reason ?? 'unspecified';
    const words = t(`reasons.${code}` as MessageKey);
    const text = t('console.revokedOn', {
      date: c.revocation ? day(lang, localDay(new Date(c.revocation.at))) : '',
      reason: words === `reasons.${code}` ? code : words,
    });
    item.append(el('span', { class: 'hint revocation' }, text));
  } else {
    const until = t('console.validTill', { date: day(lang, c.validUntil) });
    item.append(el('span', { class: 'hint valid-until' }, until));
  }
  item.append(
    el('br'),
    t('console.holder', { guardian: name(c.guardian), child: name(c.child) }),
    ' ',
  );

  const actions = el('span', { class: 'actions' });
  actions.append(
    el('button', { type: 'button', class: 'secondary open-pdf' }, t('console.openDocument')),
  );
  const button = (kind: 'suspend' | 'reinstate' | 'revoke', label: MessageKey) =>
    el(
      'button',
      { type: 'button', class: kind === 'revoke' ? kind : `secondary ${kind}` },
      t(label),
    );
  if (mayChangeStatus && c.status === 'active')
    actions.append(button('suspend', 'console.suspend'));
  if (mayChangeStatus && c.status === 'suspended') {
    actions.append(button('reinstate', 'console.reinstate'));
  }
  if (mayChangeStatus && c.status !== 'revoked') actions.append(button('revoke', 'console.revoke'));
  item.append(actions);
  return item;
}

/** A key row of the provider's JWKS entries. */
export function keyRow(lang: Language, t: Translate, k: PublishedKey): HTMLElement {
  const at = (seconds: number) => dateTime(lang, new Date(seconds * 1000).toISOString());
  // A status this page does not know yet (a newer one of the key API) shows as its code.
  const key = `console.key_${k.status}` as MessageKey;
  const words = t(key);
  const status = words === key || words === `key_${k.status}` ? k.status : words;
  // data-label: on a phone each row stacks, every cell naming its column (styles.css).
  return el(
    'tr',
    {},
    el('td', { 'data-label': t('console.kid') }, el('code', {}, k.kid)),
    el('td', { 'data-label': t('console.keyStatus'), class: `key-${k.status}` }, status),
    el('td', { 'data-label': t('console.keyFrom') }, at(k.nbf)),
    el('td', { 'data-label': t('console.keyUntil') }, k.exp ? at(k.exp) : t('console.keyOpen')),
  );
}
