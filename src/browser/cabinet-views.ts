import type { Language } from '../web/i18n/languages.js';
import type { MessageKey, Translate } from '../web/i18n/translator.js';
import { countdown, dateTime, day, el } from './format.js';

type Texts = Record<Language, string>;

/** The application as `GET /api/v1/applications/<id>` answers it (what the page reads). */
export interface ApplicationView {
  id: string;
  type: 'guardianship' | 'trusteeship';
  status: 'submitted' | 'processing' | 'issued' | 'refused' | 'review';
  submittedAt: string;
  deadline: string;
  overdue: boolean;
  certificate?: { id: string; documents: { pdf: string; png: string } };
  refusal?: { code: string; text: Texts; comment: string | null };
  history?: { from: string | null; to: string; at: string; by: string }[];
}

export interface CertificateView {
  id: string;
  serial: string;
  type: 'guardianship' | 'trusteeship';
  status: 'active' | 'suspended' | 'revoked';
  validUntil: string;
  verifyUrl: string;
  documents: { pdf: string; png: string };
  revocation?: { at: string; reason: string | null };
  suspension?: { at: string; reason: string | null };
  verifications: { at: string; verdict: string; organization: string | null }[];
}

export interface NotificationView {
  id: number;
  kind: string;
  at: string;
  message: Texts;
  reason: { code: string; text: Texts | null } | null;
}

/** Statuses that still move: the page keeps asking while one is on screen. */
export const ACTIVE = new Set(['submitted', 'processing', 'review']);

/**
 * One application: its status, its term ticking, the steps so far and the result. A certificate
 * in `revoked` is not offered for download: its card under "My certificates" says why.
 */
export function applicationCard(
  lang: Language,
  t: Translate,
  a: ApplicationView,
  revoked: ReadonlySet<string>,
): HTMLElement {
  const card = el('li', { class: 'card', 'data-status': a.status, 'data-id': a.id });
  card.append(
    el('h3', {}, t(`cabinet.${a.type}`)),
    el('p', { class: 'hint' }, t('cabinet.application', { id: a.id })),
    el(
      'p',
      { class: `status status-${a.status}` },
      `${t('cabinet.status')}: `,
      el('strong', { class: 'status-text' }, t(`cabinet.status_${a.status}`)),
    ),
  );

  if (ACTIVE.has(a.status)) {
    const term = el(
      'p',
      { class: 'term' },
      t('cabinet.deadline', { time: dateTime(lang, a.deadline) }),
    );
    const left = el('span', { class: 'countdown', 'data-deadline': a.deadline });
    term.append(' · ', left);
    card.append(term);
  }

  if (a.history?.length) {
    const steps = el('ol', { class: 'history', 'aria-label': t('cabinet.history') });
    for (const step of a.history) {
      steps.append(
        el(
          'li',
          {},
          el('time', { datetime: step.at }, dateTime(lang, step.at)),
          ` — ${t(`cabinet.status_${step.to}` as MessageKey)} (${t(`cabinet.by_${step.by}` as MessageKey)})`,
        ),
      );
    }
    card.append(steps);
  }

  if (a.refusal) {
    card.append(
      el('p', { class: 'refusal' }, t('cabinet.refusal', { reason: a.refusal.text[lang] })),
    );
    if (a.refusal.comment) {
      card.append(el('p', {}, t('cabinet.officerComment', { comment: a.refusal.comment })));
    }
  }
  if (a.certificate && revoked.has(a.certificate.id)) {
    card.append(el('p', { class: 'revoked' }, t('cabinet.applicationCertificateRevoked')));
  } else if (a.certificate) {
    card.append(downloads(t, a.certificate.documents));
  }
  return card;
}

/** Sets every countdown on the page from the deadline it carries. */
export function tickCountdowns(t: Translate, now: number): void {
  for (const node of document.querySelectorAll<HTMLElement>('.countdown[data-deadline]')) {
    const deadline = node.dataset.deadline ?? '';
    const passed = Date.parse(deadline) <= now;
    node.textContent = passed
      ? t('cabinet.overdue')
      : t('cabinet.remaining', { time: countdown(deadline, now) });
    node.classList.toggle('overdue', passed);
  }
}

function downloads(t: Translate, documents: { pdf: string; png: string }): HTMLElement {
  return el(
    'p',
    { class: 'actions downloads' },
    el('a', { class: 'button', href: documents.pdf, download: '' }, t('cabinet.downloadPdf')),
    el(
      'a',
      { class: 'button secondary', href: documents.png, download: '' },
      t('cabinet.downloadPng'),
    ),
  );
}

/** A reason code in words; a code the page has no words for reads as "no reason given". */
function reasonText(t: Translate, code: string | null): string {
  const key = `reasons.${code ?? 'unspecified'}` as MessageKey;
  const text = t(key);
  return text === key || text === code ? t('reasons.unspecified') : text;
}

/**
 * What a certificate's status means for its holder. A revoked one says so and is no longer
 * downloadable (the cabinet API refuses it too). A suspended one keeps its downloads: the
 * suspension may end and the same document counts again, and meanwhile a verification shows it
 * as suspended, so a copy cannot pass as valid; the card says that plainly.
 */
function statusLines(lang: Language, t: Translate, c: CertificateView): HTMLElement[] {
  if (c.status === 'revoked') {
    const at = c.revocation ? dateTime(lang, c.revocation.at) : '';
    return [
      el('p', {}, el('strong', { class: 'revoked' }, t('cabinet.revoked'))),
      el(
        'p',
        { class: 'status-notice revoked-notice' },
        t('cabinet.revokedNotice', {
          date: at,
          reason: reasonText(t, c.revocation?.reason ?? null),
        }),
      ),
    ];
  }
  const valid = el('p', {}, t('cabinet.validUntil', { date: day(lang, c.validUntil) }));
  if (c.status === 'suspended') {
    const at = c.suspension ? dateTime(lang, c.suspension.at) : '';
    return [
      el('p', {}, el('strong', { class: 'suspended' }, t('cabinet.suspended'))),
      el(
        'p',
        { class: 'status-notice suspended-notice' },
        t('cabinet.suspendedNotice', {
          date: at,
          reason: reasonText(t, c.suspension?.reason ?? null),
        }),
      ),
      valid,
      downloads(t, c.documents),
    ];
  }
  return [valid, downloads(t, c.documents)];
}

/** A certificate: serial, status, downloads, the share link and who verified it. */
export function certificateCard(lang: Language, t: Translate, c: CertificateView): HTMLElement {
  const card = el('li', { class: 'card', 'data-serial': c.serial, 'data-status': c.status });
  card.append(
    el('h3', {}, t(`cabinet.${c.type}`)),
    el('p', { class: 'serial' }, t('cabinet.serial', { serial: c.serial })),
    ...statusLines(lang, t, c),
  );

  const inputId = `share-${c.id}`;
  const share = el('input', { id: inputId, class: 'share-link', readonly: '', value: c.verifyUrl });
  const copy = el(
    'button',
    { type: 'button', class: 'secondary copy-link' },
    t('cabinet.copyLink'),
  );
  const said = el('span', { class: 'hint copy-said', role: 'status' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(c.verifyUrl);
      said.textContent = t('cabinet.copied');
    } catch {
      share.select();
      said.textContent = t('cabinet.copyFailed');
    }
  });
  card.append(
    el('label', { for: inputId }, t('cabinet.shareLink')),
    share,
    el('p', { class: 'actions' }, copy, said),
  );

  card.append(el('h4', {}, t('cabinet.verificationsTitle')));
  if (c.verifications.length === 0) {
    card.append(el('p', { class: 'hint' }, t('cabinet.noVerifications')));
  } else {
    const list = el('ul', { class: 'verifications plain-list' });
    for (const v of c.verifications) {
      const verdict = t(`verdict.${v.verdict}` as MessageKey);
      const who = v.organization ?? t('cabinet.anonymousVerifier');
      list.append(
        el('li', {}, t('cabinet.verification', { at: dateTime(lang, v.at), who, verdict })),
      );
    }
    card.append(list);
    if (c.verifications.some((v) => v.organization !== null)) {
      card.append(el('p', { class: 'hint' }, t('cabinet.verifiersSelfNamed')));
    }
  }
  return card;
}

/** A notification: what happened, the reason in words, when. */
export function notificationItem(lang: Language, n: NotificationView): HTMLElement {
  const item = el(
    'li',
    { 'data-kind': n.kind },
    el('time', { datetime: n.at }, dateTime(lang, n.at)),
    ' ',
  );
  item.append(el('span', {}, n.message[lang]));
  if (n.reason?.text) item.append(' ', el('span', { class: 'hint' }, n.reason.text[lang]));
  return item;
}

/** A list, or one line saying it is empty. */
export function fillList(list: HTMLElement, items: HTMLElement[], empty: string): void {
  list.replaceChildren(...(items.length ? items : [el('li', { class: 'hint empty' }, empty)]));
}
