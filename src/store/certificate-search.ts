import { and, desc, eq, like, or, sql } from 'drizzle-orm';
import { certificates } from '../../db/schema.js';
import type { Database } from './database.js';
import type { CertificateRow } from './registry-store.js';

/** At most this many answers; the console asks for a narrower query beyond it. */
export const SEARCH_LIMIT = 50;

/** `%`, `_` and `\` are LIKE wildcards: a surname never holds them, but a query might. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** `иВаНоВа` → `Иванова`: names are stored capitalised, word by word (hyphens included). */
function capitalise(name: string): string {
  return name
    .toLocaleLowerCase('ru')
    .replace(
      /(^|[-\s])(\p{L})/gu,
      (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('ru'),
    );
}

/**
 * One provider's certificates whose serial starts with the query, or whose guardian's or child's
 * surname starts with it, newest first. The provider is part of every query, so another
 * provider's certificates cannot be found whatever the text.
 *
 * Surnames are matched in any letter case: names are stored as the officer typed them (`O'Brien`,
 * `McDonald`, `éclair`), so besides the capitalised form the query is compared lower-cased with
 * the lower-cased record (Unicode-aware in any UTF-8 locale but `C`, where the capitalised form
 * still finds the usual names).
 *
 * Surnames are matched in the signed record (RFC 8785 JSON, `"lastName":"…"`) without an index:
 * a provider's registry is thousands of rows, not millions. A trigram index on the names is
 * the step when one grows past that.
 */
export async function searchCertificates(
  db: Database,
  providerId: string,
  query: string,
): Promise<CertificateRow[]> {
  const serial = `${escapeLike(query.toUpperCase())}%`;
  const surname = `%"lastName":"${escapeLike(capitalise(query))}%`;
  const anyCase = `%"lastName":"${escapeLike(query)}%`;

  return db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.providerId, providerId),
        or(
          like(certificates.serial, serial),
          like(certificates.record, surname),
          sql`lower(${certificates.record}) like lower(${anyCase})`,
        ),
      ),
    )
    .orderBy(desc(certificates.issuedAt))
    .limit(SEARCH_LIMIT);
}
