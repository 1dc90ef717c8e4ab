import type { CertificateType } from '../domain/certificate.js';

/** A text in the two languages of the certificate; Kazakh, the state language, comes first. */
export interface Bilingual {
  kk: string;
  ru: string;
}

/** The title of the document by certificate type, as the service names its result. */
export const TITLES: Record<CertificateType, Bilingual> = {
  guardianship: { kk: 'Қорғаншылық туралы анықтама', ru: 'Справка об опеке' },
  trusteeship: { kk: 'Қамқоршылық туралы анықтама', ru: 'Справка о попечительстве' },
};

/** Field labels and fixed lines of the certificate. */
export const LABELS = {
  state: { kk: 'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ', ru: 'РЕСПУБЛИКА КАЗАХСТАН' },
  guardian: { kk: 'Қорғаншы (қамқоршы)', ru: 'Опекун (попечитель)' },
  child: { kk: 'Бала', ru: 'Ребёнок' },
  iin: { kk: 'ЖСН', ru: 'ИИН' },
  birthDate: { kk: 'Туған күні', ru: 'Дата рождения' },
  decision: {
    kk: 'Қорғаншыны (қамқоршыны) тағайындау туралы шешім',
    ru: 'Решение о назначении опекуна (попечителя)',
  },
  validity: { kk: 'Әрекет ету мерзімі', ru: 'Срок действия' },
  issuedAt: { kk: 'Берілген күні', ru: 'Дата выдачи' },
  kid: { kk: 'Кілт идентификаторы', ru: 'Идентификатор ключа' },
  recordId: { kk: 'Тізілімдегі нөмірі', ru: 'Номер в реестре' },
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
