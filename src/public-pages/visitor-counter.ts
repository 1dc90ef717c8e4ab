import { addDays, localDay } from '../domain/calendar.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { DailySalt } from './daily-salt.js';
import type { PublicPagesStore } from './public-pages-store.js';

/** A visitor is "online" for this long after their last request of the page. */
export const ONLINE_WINDOW_MS = 5 * 60_000;

export interface VisitorCounts {
  thisMonth: number;
  yesterday: number;
  online: number;
}

/**
 * The service page's counters, without cookies and without storing addresses. A visitor is
 * known only by today's pseudonym (DailySalt), held in memory: the first visit of the day adds
 * one to the day's row in the database; later visits only refresh "online now".
 *
 * Known shortcoming: with several processes a visitor who reaches two of them on one day counts
 * twice, and "online now" is this process's view. Sharing pseudonyms between processes would
 * mean storing them, which this design refuses.
 */
export class VisitorCounter {
  #day = '';
  #seenToday = new Set<string>();
  #lastSeen = new Map<string, number>();

  constructor(
    private readonly deps: {
      store: PublicPagesStore;
      salt: DailySalt;
      clock: Clock;
      logger: Logger;
      page: string;
    },
  ) {}

  /** Counts a visit; a failure to store it is logged and never fails the page. */
  async visit(visitor: string): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const day = this.deps.salt.day();
    if (day !== this.#day) {
      this.#day = day;
      this.#seenToday = new Set();
    }
    const pseudonym = this.deps.salt.pseudonym('visit', this.deps.page, visitor);
    // Re-inserted, so the map stays ordered by last visit and pruning stops at the first fresh one.
    this.#lastSeen.delete(pseudonym);
    this.#lastSeen.set(pseudonym, now);
    this.#forgetIdle(now);

    if (this.#seenToday.has(pseudonym)) return;
    this.#seenToday.add(pseudonym);
    try {
      await this.deps.store.countVisitor(this.deps.page, day);
    } catch (error) {
      this.deps.logger.warn('visitors.not_counted', {
        error: error instanceof Error ? error.name : typeof error,
      });
    }
  }

  async counts(): Promise<VisitorCounts> {
    const now = this.deps.clock.now();
    const today = localDay(now);
    const yesterday = addDays(today, -1);
    this.#forgetIdle(now.getTime());

    const [thisMonth, yesterdayCount] = await Promise.all([
      this.deps.store.visitorsBetween(this.deps.page, `${today.slice(0, 8)}01`, today),
      this.deps.store.visitorsBetween(this.deps.page, yesterday, yesterday),
    ]);
    return { thisMonth, yesterday: yesterdayCount, online: this.#lastSeen.size };
  }

  #forgetIdle(now: number): void {
    for (const [pseudonym, at] of this.#lastSeen) {
      if (now - at <= ONLINE_WINDOW_MS) break;
      this.#lastSeen.delete(pseudonym);
    }
  }
}
