import type { LogPosition } from '../../services/verification-result.js';
import type { Language } from './verdict-messages.js';

type LogWords = {
  /** The entry is under the checkpoint and its inclusion proof checked out. */
  recorded: (index: number, size: number, at: string) => string;
  /** The entry is newer than the latest checkpoint (signed about once a second). */
  pending: (index: number, size: number, at: string) => string;
  /** The entry is under the checkpoint, but the proof or the entry does not match. */
  unproven: (index: number, size: number, at: string) => string;
};

/** The verify page's line about the public log, per language. */
export const LOG_WORDS: Record<Language, LogWords> = {
  kk: {
    recorded: (i, m, t) =>
      `Жария журналда ${i} нөмірімен тіркелген; ${m} өлшемді бақылау нүктесіне ${t} ` +
      'қол қойылған. Журналға енгізу дәлелі тексерілді.',
    pending: (i, m, t) =>
      `Жария журналда ${i} нөмірімен тіркелген; әлі қол қойылған бақылау нүктесіне ` +
      `енген жоқ (соңғысы: өлшемі ${m}, ${t} қол қойылған).`,
    unproven: (i, m, t) =>
      `Жария журналдағы ${i} нөмірлі жазба ${m} өлшемді бақылау нүктесімен (${t}) ` +
      'сәйкес келмейді.',
  },
  ru: {
    recorded: (i, m, t) =>
      `Записана в публичном журнале под номером ${i}; контрольная точка размера ${m} ` +
      `подписана ${t}. Доказательство включения проверено.`,
    pending: (i, m, t) =>
      `Записана в публичном журнале под номером ${i}; ещё не вошла в подписанную ` +
      `контрольную точку (последняя: размер ${m}, подписана ${t}).`,
    unproven: (i, m, t) =>
      `Запись ${i} публичного журнала не сходится с контрольной точкой размера ${m}, ` +
      `подписанной ${t}.`,
  },
  en: {
    recorded: (i, m, t) =>
      `Recorded in the public log at index ${i}; checkpoint of size ${m}, signed at ${t}. ` +
      'Inclusion proof checked.',
    pending: (i, m, t) =>
      `Recorded in the public log at index ${i}; not yet in a signed checkpoint ` +
      `(latest: size ${m}, signed at ${t}).`,
    unproven: (i, m, t) =>
      `Entry ${i} of the public log does not match the checkpoint of size ${m}, ` +
      `signed at ${t}.`,
  },
};

/** The sentence for a position, with the time already formatted for the reader. */
export function logSentence(lang: Language, log: LogPosition, signedAt: string): string {
  const words = LOG_WORDS[lang];
  const say = log.proofVerified
    ? words.recorded
    : log.index >= log.checkpointSize
      ? words.pending
      : words.unproven;
  return say(log.index, log.checkpointSize, signedAt);
}
