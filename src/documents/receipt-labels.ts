import type { Trilingual } from './receipt-view.js';

/** The fixed words of a receipt. Kazakh first, as on state papers; English for foreign banks. */
export const RECEIPT_LABELS = {
  title: {
    kk: 'Анықтаманы тексеру түбіртегі',
    ru: 'Квитанция о проверке справки',
    en: 'Certificate verification receipt',
  },
  serial: { kk: 'Анықтама нөмірі', ru: 'Номер справки', en: 'Certificate no.' },
  issuer: { kk: 'Берген орган', ru: 'Выдавший орган', en: 'Issued by' },
  guardian: { kk: 'Қорғаншы (қамқоршы)', ru: 'Опекун (попечитель)', en: 'Guardian' },
  child: { kk: 'Бала', ru: 'Ребёнок', en: 'Child' },
  validity: { kk: 'Әрекет ету мерзімі', ru: 'Срок действия', en: 'Valid' },
  checkedAt: { kk: 'Тексерілген уақыты', ru: 'Время проверки', en: 'Checked at' },
  almatyTime: { kk: 'Алматы уақыты', ru: 'время Алматы', en: 'Almaty time' },
  verifier: { kk: 'Тексерген ұйым', ru: 'Проверившая организация', en: 'Checked by' },
  recordDigest: { kk: 'Жазбаның хэші', ru: 'Хеш записи', en: 'Record digest (SHA-256)' },
  checkpoint: {
    kk: 'Тізілімнің бақылау нүктесі',
    ru: 'Контрольная точка реестра',
    en: 'Registry checkpoint',
  },
  size: { kk: 'өлшемі', ru: 'размер', en: 'size' },
  root: { kk: 'түбір', ru: 'корень', en: 'root' },
  entry: { kk: 'журналдағы жазба', ru: 'запись журнала', en: 'log entry' },
  proofIncluded: {
    kk: 'қосылу дәлелі тіркелген',
    ru: 'доказательство включения приложено',
    en: 'inclusion proof attached',
  },
  proofPending: {
    kk: 'әлі бақылау нүктесіне енген жоқ',
    ru: 'ещё не вошла в контрольную точку',
    en: 'not yet in a checkpoint',
  },
} satisfies Record<string, Trilingual>;

/** How to check the paper again: the attached file and the key printed under these lines. */
export function receiptInstruction(publicUrl: string): Trilingual {
  return {
    kk:
      'Қол қойылған түбіртек осы PDF құжатына receipt.json файлы ретінде тіркелген. ' +
      `Оны тізілім журналының кілтімен тексеріңіз (${publicUrl}/api/v1/log/key):`,
    ru:
      'Подписанная квитанция приложена к этому PDF как файл receipt.json. ' +
      `Проверьте её ключом журнала реестра (${publicUrl}/api/v1/log/key):`,
    en:
      'The signed receipt is attached to this PDF as receipt.json. ' +
      `Check it with the registry log key (${publicUrl}/api/v1/log/key):`,
  };
}
