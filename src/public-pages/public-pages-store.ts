import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { mistakeReports, pageVisitDays } from '../../db/schema.js';
import type { Database } from '../store/database.js';

export type MistakeReportRow = typeof mistakeReports.$inferSelect;
export type NewMistakeReport = Omit<typeof mistakeReports.$inferInsert, 'seq'>;

/** The queries of the public pages: mistake reports and daily visitor counts. */
export class PublicPagesStore {
  constructor(readonly db: Database) {}

  async insertMistake(report: NewMistakeReport): Promise<number> {
    const [row] = await this.db
      .insert(mistakeReports)
      .values(report)
      .returning({ seq: mistakeReports.seq });
    if (!row) throw new Error('mistake report insert returned no row');
    return row.seq;
  }

  /** Newest first; `before` continues after the last seq of a previous page. */
  async mistakes(limit: number, before?: number): Promise<MistakeReportRow[]> {
    return this.db
      .select()
      .from(mistakeReports)
      .where(before === undefined ? undefined : lt(mistakeReports.seq, before))
      .orderBy(desc(mistakeReports.seq))
      .limit(limit);
  }

  /** One more visitor of a page on a day. */
  async countVisitor(page: string, day: string): Promise<void> {
    await this.db
      .insert(pageVisitDays)
      .values({ page, day, visitors: 1 })
      .onConflictDoUpdate({
        target: [pageVisitDays.page, pageVisitDays.day],
        set: { visitors: sql`${pageVisitDays.visitors} + 1` },
      });
  }

  /** Visitors of a page from `from` to `to`, both days included. */
  async visitorsBetween(page: string, from: string, to: string): Promise<number> {
    const [row] = await this.db
      .select({ total: sql<string | number>`coalesce(sum(${pageVisitDays.visitors}), 0)` })
      .from(pageVisitDays)
      .where(
        and(
          eq(pageVisitDays.page, page),
          gte(pageVisitDays.day, from),
          sql`${pageVisitDays.day} <= ${to}`,
        ),
      );
    return Number(row?.total ?? 0);
  }
}
