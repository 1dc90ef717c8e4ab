import { desc } from 'drizzle-orm';
import { smsOutbox } from '../../db/schema.js';
import type { Clock } from '../runtime/clock.js';
import type { Database } from '../store/database.js';
import type { SmsSender } from './sms.js';

/** One message in the outbox, as `GET /api/v1/dev/sms-outbox` shows it. */
export interface OutboxMessage {
  seq: number;
  phone: string;
  text: string;
  sentAt: Date;
}

/**
 * The SMS sender of development and the demo: messages go to the `sms_outbox` table instead of
 * a carrier, so that the demo can print the codes and tests can read them. Never used in
 * production, where codes must reach only the citizen's phone.
 */
export class OutboxSms implements SmsSender {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async send(phone: string, text: string): Promise<void> {
    await this.deps.db.insert(smsOutbox).values({ phone, text, createdAt: this.deps.clock.now() });
  }

  /** The latest messages, newest first. */
  async latest(limit: number): Promise<OutboxMessage[]> {
    const rows = await this.deps.db
      .select()
      .from(smsOutbox)
      .orderBy(desc(smsOutbox.seq))
      .limit(limit);
    return rows.map((row) => ({
      seq: row.seq,
      phone: row.phone,
      text: row.text,
      sentAt: row.createdAt,
    }));
  }
}
