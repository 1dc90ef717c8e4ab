/**
 * Why an application is refused: stable codes the cabinet, integrators and tests branch on, and
 * the words shown to the applicant in Kazakh, Russian and English. The words may be reworded;
 * the codes never change.
 */

import type { RefusalReason } from '../gateway/fixture-data.js';

/** A text in the three languages of the service, Kazakh first as on state documents. */
export interface Texts {
  kk: string;
  ru: string;
  en: string;
}

/** Reasons the processor reaches from the state records alone (issue 3, part 3). */
export const AUTOMATIC_REFUSALS = [
  'no_decision',
  'decision_terminated',
  'not_guardian',
  'child_adult',
  'person_unknown',
] as const satisfies readonly RefusalReason[];

/**
 * The civil registry holds no birth record and nothing was attached: the officer would have
 * nothing to review, so the applicant learns at once what to attach instead of waiting.
 */
export const BIRTH_CERTIFICATE_REQUIRED = 'birth_certificate_required';

/** Reasons an officer may give when refusing after review. */
export const OFFICER_REFUSALS = ['document_invalid', ...AUTOMATIC_REFUSALS] as const;

export type RefusalCode =
  | (typeof AUTOMATIC_REFUSALS)[number]
  | typeof BIRTH_CERTIFICATE_REQUIRED
  | (typeof OFFICER_REFUSALS)[number];

const TEXTS: Record<RefusalCode, Texts> = {
  no_decision: {
    kk:
      'Қорғаншылық және қамқоршылық тізілімінде осы балаға сіз сұраған түрдегі қорғаншы ' +
      'немесе қамқоршы тағайындау туралы шешім табылмады.',
    ru:
      'В реестре опеки и попечительства нет решения о назначении опекуна или попечителя ' +
      'этого ребёнка того вида, о котором вы просите.',
    en:
      'The guardianship registry holds no decision of the kind applied for appointing a ' +
      'guardian or trustee of this child.',
  },
  decision_terminated: {
    kk:
      'Сізді осы балаға қорғаншы (қамқоршы) етіп тағайындау туралы шешімнің қолданылуы ' +
      'тоқтатылған немесе мерзімі өткен.',
    ru:
      'Решение о назначении вас опекуном (попечителем) этого ребёнка прекращено или его ' +
      'срок истёк.',
    en:
      'The decision appointing you guardian or trustee of this child was terminated or has ' +
      'ended.',
  },
  not_guardian: {
    kk: 'Осы балаға қатысты шешімде қорғаншы (қамқоршы) ретінде басқа адам көрсетілген.',
    ru:
      'В решении об опеке (попечительстве) над этим ребёнком опекуном (попечителем) ' +
      'назначено другое лицо.',
    en: 'The guardianship decision about this child names another person as guardian or trustee.',
  },
  child_adult: {
    kk: 'Бала 18 жасқа толды: оған қатысты қорғаншылық пен қамқоршылық тоқтатылды.',
    ru: 'Ребёнку исполнилось 18 лет: опека и попечительство над ним прекращены.',
    en: 'The child has turned 18, so guardianship and trusteeship have ended.',
  },
  person_unknown: {
    kk:
      'Мемлекеттік ақпараттық жүйелерде өтініш беруші немесе көрсетілген ЖСН бойынша бала ' +
      'туралы мәлімет жоқ. Баланың ЖСН-ін тексеріңіз.',
    ru:
      'В государственных информационных системах нет сведений о заявителе или о ребёнке с ' +
      'указанным ИИН. Проверьте ИИН ребёнка.',
    en:
      'The state information systems know no applicant or no child with the IIN given. ' +
      "Check the child's IIN.",
  },
  birth_certificate_required: {
    kk:
      'Баланың тууы туралы мәлімет азаматтық хал актілерінің электрондық тізілімінде жоқ. ' +
      'Туу туралы куәліктің электрондық көшірмесін (PDF, JPEG немесе PNG, 5 МБ-қа дейін) ' +
      'қоса беріп, өтінішті қайта беріңіз.',
    ru:
      'Сведений о рождении ребёнка нет в электронном реестре актов гражданского состояния. ' +
      'Подайте заявление повторно, приложив электронную копию свидетельства о рождении ' +
      '(PDF, JPEG или PNG, до 5 МБ).',
    en:
      "The civil registry holds no record of the child's birth. Apply again with an " +
      'electronic copy of the birth certificate attached (PDF, JPEG or PNG, up to 5 MB).',
  },
  document_invalid: {
    kk:
      'Қоса берілген туу туралы куәліктің көшірмесі оқылмайды, толық емес немесе бала ' +
      'туралы мәліметтерге сәйкес келмейді.',
    ru:
      'Приложенная копия свидетельства о рождении нечитаема, неполна или не соответствует ' +
      'сведениям о ребёнке.',
    en:
      'The attached copy of the birth certificate is unreadable, incomplete or does not ' +
      "match the child's records.",
  },
};

/** The applicant-facing words for a refusal code; an unknown code gets a generic text. */
export function refusalText(code: string): Texts {
  return TEXTS[code as RefusalCode] ?? GENERIC;
}

const GENERIC: Texts = {
  kk: 'Анықтама беруден бас тартылды. Толығырақ — 1414 Бірыңғай байланыс орталығында.',
  ru: 'В выдаче справки отказано. Подробности — в Едином контакт-центре 1414.',
  en: 'The application was refused. The Unified Contact Center 1414 can tell you more.',
};
