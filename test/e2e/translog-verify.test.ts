import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { type CertificateJson, issue, postRevoke, tokenOf, verify } from './client.js';
import { asSuperuser, freshCheckpoint, getText } from './log-client.js';

describe.each(databaseTargets)('verification shows the log position on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('gives the index, the checkpoint and a checked inclusion proof', async () => {
    const checkpoint = await freshCheckpoint(registry);
    const result = await verify(registry, tokenOf(certificate.verifyUrl));

    expect(result.verdict).toBe('valid');
    expect(result.log).toEqual({
      index: 2,
      checkpointSize: checkpoint.size,
      signedAt: registry.clock.now().toISOString(),
      proofVerified: true,
    });
  });

  it('says so on the page, in each language', async () => {
    const path = `/v/${tokenOf(certificate.verifyUrl)}`;
    const at = /\d\d\.\d\d\.\d{4}, \d\d:\d\d:\d\d/.source;

    expect(await getText(registry, `${path}?lang=en`)).toMatch(
      new RegExp(`Recorded in the public log at index 2; checkpoint of size 3, signed at ${at}`),
    );
    expect(await getText(registry, `${path}?lang=ru`)).toMatch(
      new RegExp(`под номером 2; контрольная точка размера 3 подписана ${at}`),
    );
    expect(await getText(registry, `${path}?lang=kk`)).toContain('2 нөмірімен тіркелген');
  });

  it('keeps the position for a revoked certificate', async () => {
    const revoked = await issue(registry);
    await postRevoke(registry, revoked.id, { reason: 'superseded' });
    await freshCheckpoint(registry);

    const result = await verify(registry, tokenOf(revoked.verifyUrl));
    expect(result.verdict).toBe('revoked');
    expect(result.log).toMatchObject({ index: 3, checkpointSize: 5, proofVerified: true });
  });

  it('says a certificate newer than the checkpoint is not in one yet', async () => {
    await freshCheckpoint(registry);
    const fresh = await issue(registry);

    const result = await verify(registry, tokenOf(fresh.verifyUrl));
    expect(result.log).toMatchObject({ index: 5, checkpointSize: 5, proofVerified: false });
    expect(await getText(registry, `/v/${tokenOf(fresh.verifyUrl)}?lang=en`)).toContain(
      'Recorded in the public log at index 5; not yet in a signed checkpoint (latest: size 5',
    );

    registry.clock.advance?.(1_000);
    expect((await verify(registry, tokenOf(fresh.verifyUrl))).log).toMatchObject({
      index: 5,
      checkpointSize: 6,
      proofVerified: true,
    });
  });

  it('refuses the proof once the logged entry was altered', async () => {
    const altered = await issue(registry);
    await asSuperuser(
      registry,
      'drop trigger log_entries_append_only on log_entries',
      `update log_entries set data = convert_to(replace(convert_from(data, 'UTF8'),
         'prv_astana', 'prv_almaty_medeu'), 'UTF8') where index = 6`,
    );
    await freshCheckpoint(registry);

    const result = await verify(registry, tokenOf(altered.verifyUrl));
    expect(result.verdict).toBe('valid');
    expect(result.log).toMatchObject({ index: 6, checkpointSize: 7, proofVerified: false });
    expect(await getText(registry, `/v/${tokenOf(altered.verifyUrl)}?lang=en`)).toContain(
      'Entry 6 of the public log does not match the checkpoint of size 7',
    );
  });
});
