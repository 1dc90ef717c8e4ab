import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { type CertificateJson, expectError, issue, tokenOf } from './client.js';
import { getText } from './log-client.js';
import { postReceipt } from './receipt-client.js';

// Someone with write access to the database changes a certificate's log entry behind the
// append-only trigger. A receipt without the entry would read as "issued before the log".
describe.each(databaseTargets)('a receipt over a damaged log entry on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry);
    await getText(registry, '/api/v1/log/checkpoint');
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('is signed with its entry and proof while the entry is intact', async () => {
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl));
    expect(JSON.stringify(receipt)).toContain('inclusionProof');
  });

  it('is refused, not signed without the entry, once the entry was changed', async () => {
    const { db } = registry.database;
    await db.execute(sql`alter table log_entries disable trigger log_entries_append_only`);
    await db.execute(sql`
      update log_entries set data = convert_to(replace(convert_from(data, 'UTF8'),
        ${certificate.id}, ${`${certificate.id.slice(0, -1)}x`}), 'UTF8')
      where certificate_id = ${certificate.id}`);
    await db.execute(sql`alter table log_entries enable trigger log_entries_append_only`);

    const response = await registry.request(
      `/api/v1/verify/${tokenOf(certificate.verifyUrl)}/receipt`,
      { method: 'POST' },
    );
    await expectError(response, {
      status: 500,
      code: 'internal',
      message: 'An internal error occurred; quote the request id',
    });
    expect(registry.logger.lines.join('\n')).toContain('receipt.entry_mismatch');
  });
});
