import type { InvalidCause, Verdict } from '../../services/verification-result.js';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalog = {
  verdict: Record<Verdict, string>;
  cause: Record<InvalidCause, string>;
  labels: Record<
    | 'title'
    | 'serial'
    | 'type'
    | 'issuer'
    | 'guardian'
    | 'child'
    | 'validity'
    | 'issuedAt'
    | 'revokedAt'
    | 'reason'
    | 'checkedAt'
    | 'quishing'
    | 'guardianship'
    | 'trusteeship'
    | 'compare',
    string
  >;
};

/** The words of the verify page, per language. Kazakh first, as on state documents. */
export const CATALOG: Record<Language, Catalog> = {
  kk: {
    verdict: {
      valid: 'Анықтама түпнұсқа және жарамды',
      revoked: 'Анықтама кері қайтарылды',
      expired: 'Анықтаманың мерзімі өтті',
      not_yet_valid: 'Анықтама әлі күшіне енген жоқ',
      invalid: 'Анықтама жарамсыз немесе жалған',
      not_found: 'Тізілімде мұндай анықтама жоқ',
    },
    cause: {
      format: 'Бұл код осы тізілімнің анықтамасы емес.',
      unknown_key: 'Код біз жарияламаған кілтпен қол қойылған.',
      signature: 'Қолтаңба сәйкес келмейді: код өзгертілген немесе жасанды.',
      record_mismatch: 'Тізілімдегі жазба қол қойылған кодқа сәйкес келмейді.',
    },
    labels: {
      title: 'Анықтаманы тексеру',
      serial: 'Нөмірі',
      type: 'Түрі',
      issuer: 'Берген орган',
      guardian: 'Қорғаншы (қамқоршы)',
      child: 'Бала',
      validity: 'Жарамдылық мерзімі',
      issuedAt: 'Берілген күні',
      revokedAt: 'Кері қайтарылған күні',
      reason: 'Себебі',
      checkedAt: 'Тексерілген уақыты',
      quishing:
        'Анықтамаларды тек осы сайт тексереді. Басқа мекенжайға апаратын QR-кодқа сенбеңіз.',
      guardianship: 'Қорғаншылық туралы анықтама',
      trusteeship: 'Қамқоршылық туралы анықтама',
      compare: 'Деректерді қағаздағы анықтамамен салыстырыңыз.',
    },
  },
  ru: {
    verdict: {
      valid: 'Справка подлинная и действительна',
      revoked: 'Справка отозвана',
      expired: 'Срок действия справки истёк',
      not_yet_valid: 'Справка ещё не вступила в силу',
      invalid: 'Справка недействительна или поддельна',
      not_found: 'Такой справки нет в реестре',
    },
    cause: {
      format: 'Этот код не является справкой этого реестра.',
      unknown_key: 'Код подписан ключом, который мы не публиковали.',
      signature: 'Подпись не совпадает: код изменён или подделан.',
      record_mismatch: 'Запись реестра не совпадает с подписанным кодом.',
    },
    labels: {
      title: 'Проверка справки',
      serial: 'Номер',
      type: 'Вид',
      issuer: 'Выдавший орган',
      guardian: 'Опекун (попечитель)',
      child: 'Ребёнок',
      validity: 'Срок действия',
      issuedAt: 'Дата выдачи',
      revokedAt: 'Дата отзыва',
      reason: 'Причина',
      checkedAt: 'Время проверки',
      quishing:
        'Справки проверяет только этот сайт. Не доверяйте QR-коду, ведущему на другой адрес.',
      guardianship: 'Справка об опеке',
      trusteeship: 'Справка о попечительстве',
      compare: 'Сверьте данные с бумажной справкой.',
    },
  },
  en: {
    verdict: {
      valid: 'Authentic and valid',
      revoked: 'Revoked',
      expired: 'Expired',
      not_yet_valid: 'Not valid yet',
      invalid: 'Invalid or forged',
      not_found: 'Not in the registry',
    },
    cause: {
      format: 'This code is not a certificate of this registry.',
      unknown_key: 'The code is signed with a key we never published.',
      signature: 'The signature does not match: the code was altered or forged.',
      record_mismatch: 'The registry record does not match the signed code.',
    },
    labels: {
      title: 'Certificate verification',
      serial: 'Serial',
      type: 'Type',
      issuer: 'Issued by',
      guardian: 'Guardian (trustee)',
      child: 'Child',
      validity: 'Valid',
      issuedAt: 'Issued',
      revokedAt: 'Revoked on',
      reason: 'Reason',
      checkedAt: 'Checked at',
      quishing:
        'Only this site verifies certificates. Do not trust a QR code that leads elsewhere.',
      guardianship: 'Certificate of guardianship',
      trusteeship: 'Certificate of trusteeship',
      compare: 'Compare these details with the paper certificate.',
    },
  },
};

/** The first supported language in `Accept-Language`, Russian when none matches. */
export function pickLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (query && (LANGUAGES as readonly string[]).includes(query)) return query as Language;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'ru';
}
