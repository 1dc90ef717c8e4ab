import type { InvalidCause, Verdict } from '../../services/verification-result.js';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalog = {
  verdict: Record<Verdict, string>;
  cause: Record<InvalidCause, string>;
  /** Revocation and suspension reason codes as people read them. */
  reasons: Record<string, string>;
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
    | 'suspendedAt'
    | 'reason'
    | 'checkedAt'
    | 'quishing'
    | 'guardianship'
    | 'trusteeship'
    | 'compare'
    | 'notFoundAdvice',
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
      suspended: 'Анықтаманың күші уақытша тоқтатылды',
      status_unavailable:
        'Қолтаңба түпнұсқа, бірақ тізілім қазір жауап бермейді: анықтаманың күшін кейінірек тексеріңіз',
    },
    cause: {
      format: 'Бұл код осы тізілімнің анықтамасы емес.',
      unknown_key: 'Код біз жарияламаған кілтпен қол қойылған.',
      signature: 'Қолтаңба сәйкес келмейді: код өзгертілген немесе жасанды.',
      record_mismatch: 'Тізілімдегі жазба қол қойылған кодқа сәйкес келмейді.',
      key_compromised: 'Код беру органының кілті жария болғаннан кейін қол қойылған.',
    },
    reasons: {
      guardianship_terminated: 'Қорғаншылық (қамқоршылық) тоқтатылды',
      issued_in_error: 'Қате берілген',
      superseded: 'Жаңа анықтамамен ауыстырылды',
      data_changed: 'Деректер өзгерді',
      court_decision: 'Сот шешімі бойынша',
      holder_deceased: 'Қорғаншы (қамқоршы) қайтыс болды',
      court_proceedings: 'Сот шешімі шыққанға дейін',
      under_review: 'Қорғаншылық органы тексеруде',
      document_lost: 'Анықтаманың жоғалғаны туралы хабарланды',
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
      suspendedAt: 'Тоқтатылған уақыты',
      checkedAt: 'Тексерілген уақыты',
      quishing:
        'Анықтамаларды тек осы сайт тексереді. Басқа мекенжайға апаратын QR-кодқа сенбеңіз.',
      guardianship: 'Қорғаншылық туралы анықтама',
      trusteeship: 'Қамқоршылық туралы анықтама',
      compare: 'Деректерді қағаздағы анықтамамен салыстырыңыз.',
      notFoundAdvice:
        'Анықтаманы қабылдамаңыз. Берген органға немесе ' +
        '1414 бірыңғай байланыс орталығына хабарласыңыз.',
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
      suspended: 'Действие справки приостановлено',
      status_unavailable:
        'Подпись подлинная, но реестр сейчас недоступен: проверьте действие справки позже',
    },
    cause: {
      format: 'Этот код не является справкой этого реестра.',
      unknown_key: 'Код подписан ключом, который мы не публиковали.',
      signature: 'Подпись не совпадает: код изменён или подделан.',
      record_mismatch: 'Запись реестра не совпадает с подписанным кодом.',
      key_compromised: 'Код подписан после того, как ключ выдавшего органа был скомпрометирован.',
    },
    reasons: {
      guardianship_terminated: 'Опека (попечительство) прекращена',
      issued_in_error: 'Выдана ошибочно',
      superseded: 'Заменена новой справкой',
      data_changed: 'Изменились сведения',
      court_decision: 'По решению суда',
      holder_deceased: 'Опекун (попечитель) умер',
      court_proceedings: 'До решения суда',
      under_review: 'Идёт проверка органом опеки',
      document_lost: 'Сообщено об утере справки',
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
      suspendedAt: 'Приостановлена',
      checkedAt: 'Время проверки',
      quishing:
        'Справки проверяет только этот сайт. Не доверяйте QR-коду, ведущему на другой адрес.',
      guardianship: 'Справка об опеке',
      trusteeship: 'Справка о попечительстве',
      compare: 'Сверьте данные с бумажной справкой.',
      notFoundAdvice:
        'Не принимайте справку. Обратитесь в выдавший орган или в Единый контакт-центр 1414.',
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
      suspended: 'Suspended',
      status_unavailable:
        'The signature is authentic, but the registry cannot be reached: check the status again shortly',
    },
    cause: {
      format: 'This code is not a certificate of this registry.',
      unknown_key: 'The code is signed with a key we never published.',
      signature: 'The signature does not match: the code was altered or forged.',
      record_mismatch: 'The registry record does not match the signed code.',
      key_compromised: 'Signed after the issuer’s key was compromised.',
    },
    reasons: {
      guardianship_terminated: 'Guardianship (trusteeship) ended',
      issued_in_error: 'Issued in error',
      superseded: 'Replaced by a new certificate',
      data_changed: 'The details changed',
      court_decision: 'By a court decision',
      holder_deceased: 'The guardian (trustee) died',
      court_proceedings: 'Until a court decides',
      under_review: 'Under review by the guardianship authority',
      document_lost: 'Reported lost',
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
      suspendedAt: 'Suspended on',
      checkedAt: 'Checked at',
      quishing:
        'Only this site verifies certificates. Do not trust a QR code that leads elsewhere.',
      guardianship: 'Certificate of guardianship',
      trusteeship: 'Certificate of trusteeship',
      compare: 'Compare these details with the paper certificate.',
      notFoundAdvice:
        'Do not accept this certificate. ' +
        'Contact the issuing body or the Unified Contact Center 1414.',
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
