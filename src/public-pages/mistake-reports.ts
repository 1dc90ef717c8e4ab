import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { Language } from '../web/i18n/languages.js';
import type { DailySalt } from './daily-salt.js';
import type { MistakeReportRow, PublicPagesStore } from './public-pages-store.js';

/** What a reader sends from a page. */
export interface MistakeReportInput {
  page: string;
  selected: string;
  comment?: string;
  lang: Language;
}

/**
 * Reports per visitor: enough for someone proof-reading a page, too few to flood the table.
 * Counted in memory per process (a Worker isolate, a Node process); a report is cheap and
 * harmless, so a limit that several instances each apply is good enough here.
 */
export const MISTAKE_LIMIT = { points: 10, durationSeconds: 600 };

/** Why a report was not stored; both answer the reader with the same apology. */
export type MistakeRefusal = 'rate_limited' | 'unavailable';

/** A page path as stored: no query, no fragment, and never a verify token (it is the paper). */
export function reportedPath(page: string): string {
  const path = new URL(page, 'http://x').pathname;
  return path.replace(/^\/v\/[^/]*/i, '/v/*').slice(0, 300);
}

/**
 * Report text as stored: a run of 10 or more digits (spaces, dashes, brackets and a leading +
 * allowed between them) reads as an IIN or a phone number, and its digits become •. Readers
 * select text on pages that show such numbers, or type them into the comment, and every officer
 * reads the reports. A serial (AST-2026-000001) follows a letter or a dash and is kept.
 */
export function reportedText(text: string): string {
  return text.replace(/(?<![\p{L}\d-])\+?\d[\d ()-]{8,}\d/gu, (run) =>
    run.replace(/\D/g, '').length >= 10 ? run.replace(/\d/g, '\u2022') : run,
  );
}

/** "Report a mistake": stores what a reader marked, limited per visitor pseudonym. */
export class MistakeReports {
  readonly #limiter = new RateLimiterMemory({
    points: MISTAKE_LIMIT.points,
    duration: MISTAKE_LIMIT.durationSeconds,
  });

  constructor(
    private readonly deps: {
      store: PublicPagesStore;
      salt: DailySalt;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * Stores a report, or says why not: the visitor is over the limit, or the database did not
   * take it. Both refusals reach the reader as the same apology; only the log tells them apart.
   */
  async report(
    input: MistakeReportInput,
    visitor: string,
  ): Promise<{ ok: true } | { ok: false; refusal: MistakeRefusal; retryAfter: number }> {
    try {
      await this.#limiter.consume(this.deps.salt.pseudonym('mistake', visitor));
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        return {
          ok: false,
          refusal: 'rate_limited',
          retryAfter: Math.ceil(error.msBeforeNext / 1000),
        };
      }
      throw error;
    }

    try {
      const seq = await this.deps.store.insertMistake({
        pagePath: reportedPath(input.page),
        selectedText: reportedText(input.selected),
        comment: input.comment?.trim() ? reportedText(input.comment.trim()) : null,
        lang: input.lang,
        createdAt: this.deps.clock.now(),
      });
      this.deps.logger.info('mistake.reported', { seq, lang: input.lang });
      return { ok: true };
    } catch (error) {
      this.deps.logger.error('mistake.not_stored', {
        error: error instanceof Error ? error.name : typeof error,
      });
      return { ok: false, refusal: 'unavailable', retryAfter: 60 };
    }
  }

  /** For officers: newest first. */
  list(limit: number, before?: number): Promise<MistakeReportRow[]> {
    return this.deps.store.mistakes(limit, before);
  }
}
