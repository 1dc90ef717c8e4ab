/**
 * What the personal cabinet says for each notification, in Kazakh, Russian and English. The
 * notification rows hold only a kind and a reason code; the words live here.
 */

import type { Texts } from './refusal-reasons.js';

/** The kinds of notification the cabinet shows (issue 3, part 4). */
export const NOTIFICATION_KINDS = [
  'submitted',
  'issued',
  'refused',
  'revoked',
  'suspended',
  'reinstated',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const MESSAGES: Record<NotificationKind, Texts> = {
  submitted: {
    kk: 'Өтініш қабылданды. Нәтижесі 30 минут ішінде жеке кабинетке келеді.',
    ru: 'Заявление принято. Результат поступит в личный кабинет в течение 30 минут.',
    en: 'Your application was received. The result reaches your cabinet within 30 minutes.',
  },
  issued: {
    kk: 'Анықтама берілді және жеке кабинетте қолжетімді.',
    ru: 'Справка выдана и доступна в личном кабинете.',
    en: 'The certificate was issued and is in your personal cabinet.',
  },
  refused: {
    kk: 'Анықтама беруден бас тартылды.',
    ru: 'В выдаче справки отказано.',
    en: 'The application was refused.',
  },
  revoked: {
    kk: 'Анықтаманы берген орган оны кері қайтарып алды.',
    ru: 'Справка отозвана выдавшим её органом.',
    en: 'The certificate was revoked by its issuer.',
  },
  suspended: {
    kk: 'Анықтаманы берген орган оның күшін уақытша тоқтатты.',
    ru: 'Действие справки приостановлено выдавшим её органом.',
    en: 'The certificate was suspended by its issuer for the time being.',
  },
  reinstated: {
    kk: 'Анықтаманың күші қалпына келтірілді: ол қайтадан жарамды.',
    ru: 'Действие справки восстановлено: она снова действительна.',
    en: 'The suspension was lifted: the certificate counts again.',
  },
};

/** Suspension reasons as officers give them (`POST /api/v1/certificates/<id>/suspend`). */
const SUSPENSION_REASONS: Record<string, Texts> = {
  court_proceedings: {
    kk: 'Сот шешімі шыққанға дейін.',
    ru: 'До решения суда.',
    en: 'Until a court decides.',
  },
  under_review: {
    kk: 'Қорғаншылық және қамқоршылық органы тексеру жүргізуде.',
    ru: 'Орган опеки и попечительства проводит проверку.',
    en: 'The guardianship authority is reviewing the case.',
  },
  document_lost: {
    kk: 'Анықтаманың жоғалғаны туралы хабарланды.',
    ru: 'Сообщено об утере справки.',
    en: 'The certificate was reported lost.',
  },
};

/** Revocation reasons as officers give them (`POST /api/v1/certificates/<id>/revoke`). */
const REVOCATION_REASONS: Record<string, Texts> = {
  guardianship_terminated: {
    kk: 'Қорғаншылық (қамқоршылық) тоқтатылды.',
    ru: 'Опека (попечительство) прекращена.',
    en: 'The guardianship or trusteeship has ended.',
  },
  issued_in_error: {
    kk: 'Анықтама қате берілген.',
    ru: 'Справка выдана ошибочно.',
    en: 'The certificate was issued in error.',
  },
  superseded: {
    kk: 'Анықтаманың орнына жаңасы берілді.',
    ru: 'Справка заменена новой.',
    en: 'A new certificate replaces this one.',
  },
  data_changed: {
    kk: 'Анықтамадағы мәліметтер өзгерді.',
    ru: 'Сведения в справке изменились.',
    en: 'The facts in the certificate have changed.',
  },
  court_decision: {
    kk: 'Сот шешімі бойынша.',
    ru: 'По решению суда.',
    en: 'By a court decision.',
  },
  holder_deceased: {
    kk: 'Анықтама иесі қайтыс болды.',
    ru: 'Владелец справки скончался.',
    en: 'The holder of the certificate has died.',
  },
};

/** The message for a notification kind. */
export function notificationMessage(kind: NotificationKind): Texts {
  return MESSAGES[kind];
}

/** The words for a revocation reason, or undefined for a code this catalog does not know. */
export function revocationReasonText(code: string): Texts | undefined {
  return REVOCATION_REASONS[code];
}

/** The words for a suspension reason, or undefined for a code this catalog does not know. */
export function suspensionReasonText(code: string): Texts | undefined {
  return SUSPENSION_REASONS[code];
}
