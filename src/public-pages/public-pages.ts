import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { Database } from '../store/database.js';
import { DailySalt } from './daily-salt.js';
import { MistakeReports } from './mistake-reports.js';
import { PublicPagesStore } from './public-pages-store.js';
import { VisitorCounter } from './visitor-counter.js';

/** What the public pages need beyond verification: mistake reports and the service counters. */
export interface PublicPages {
  mistakes: MistakeReports;
  /** Visitors of the public service page (`/service`). */
  serviceVisitors: VisitorCounter;
  /** Today's pseudonym of a caller's address, for limits kept in memory (see DailySalt). */
  pseudonym: (purpose: string, address: string) => string;
}

export function createPublicPages(deps: {
  db: Database;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
}): PublicPages {
  const store = new PublicPagesStore(deps.db);
  const salt = new DailySalt(deps.clock, deps.random);
  return {
    mistakes: new MistakeReports({ ...deps, store, salt }),
    serviceVisitors: new VisitorCounter({ ...deps, store, salt, page: 'service' }),
    pseudonym: (purpose, address) => salt.pseudonym(purpose, address),
  };
}
