import type { CertificateType } from '../domain/certificate.js';

/** A text in the two languages of the certificate; Kazakh, the state language, comes first. */
export interface Bilingual {
  kk: string;
  ru: string;
}

/** What a certificate of one type calls its title, its parties and its decision. */
export interface TypeWording {
  title: Bilingual;
  guardian: Bilingual;
  child: Bilingual;
  decision: Bilingual;
}

/**
 * The wording by certificate type. Each type names only its own role: a guardian (қорғаншы,
 * опекун) is appointed for a child under 14, a trustee (қамқоршы, попечитель) for a minor of 14
 * to 17, and papers about a ward of that age call them a minor (кәмелетке толмаған,
 * несовершеннолетний) rather than a child.
 */
export const WORDING: Record<CertificateType, TypeWording> = {
  guardianship: {
    title: { kk: 'Қорғаншылық туралы анықтама', ru: 'Справка об опеке' },
    guardian: { kk: 'Қорғаншы', ru: 'Опекун' },
    child: { kk: 'Бала', ru: 'Ребёнок' },
    decision: {
      kk: 'Қорғаншыны тағайындау туралы шешім',
      ru: 'Решение о назначении опекуна',
    },
  },
  trusteeship: {
    title: { kk: 'Қамқоршылық туралы анықтама', ru: 'Справка о попечительстве' },
    guardian: { kk: 'Қамқоршы', ru: 'Попечитель' },
    child: { kk: 'Кәмелетке толмаған', ru: 'Несовершеннолетний' },
    decision: {
      kk: 'Қамқоршыны тағайындау туралы шешім',
      ru: 'Решение о назначении попечителя',
    },
  },
};

/** Field labels and fixed lines that are the same for both types. */
export const LABELS = {
  state: { kk: 'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ', ru: 'РЕСПУБЛИКА КАЗАХСТАН' },
  iin: { kk: 'ЖСН', ru: 'ИИН' },
  birthDate: { kk: 'Туған күні', ru: 'Дата рождения' },
  validity: { kk: 'Әрекет ету мерзімі', ru: 'Срок действия' },
  issuedAt: { kk: 'Берілген күні', ru: 'Дата выдачи' },
  kid: { kk: 'Кілт идентификаторы', ru: 'Идентификатор ключа' },
  recordId: { kk: 'Тізілімдегі нөмірі', ru: 'Номер в реестре' },
  electronic: {
    kk: 'Электрондық құжат, берген органның электрондық цифрлық қолтаңбасымен қол қойылған',
    ru: 'Электронный документ, подписанный электронной цифровой подписью выдавшего органа',
  },
} satisfies Record<string, Bilingual>;

/** The line that tells a school or a bank how to check the paper in front of them. */
export function verifyInstruction(publicUrl: string): Bilingual {
  return {
    kk:
      'Анықтаманың түпнұсқалығын тексеру үшін QR-кодты сканерлеңіз ' +
      `немесе ${publicUrl} сайтына кіріңіз`,
    ru: `Для проверки подлинности справки отсканируйте QR-код или откройте ${publicUrl}`,
  };
}
