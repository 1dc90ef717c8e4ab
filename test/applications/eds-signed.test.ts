import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDocument } from '../../src/applications/application-document.js';
import { newApplicationId } from '../../src/applications/ids.js';
import { secureRandom } from '../../src/runtime/random.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import {
  apply,
  applyWithFile,
  citizen,
  edsSign,
  errorOf,
  getJson,
  type Headers,
  PDF,
  PNG,
  persona,
  unknownChild,
} from './support.js';

const holder = persona('issued-guardianship-astana');
const body = { type: holder.type, childIin: holder.childIin };

/**
 * Only the first test processes its application (to issuance); the others that store one leave
 * it open, so each applies for a child of its own (one open application per child and type).
 */
let children = 0;
const anotherChild = () => ({ ...body, childIin: unknownChild(++children) });

interface Prepared {
  applicationId: string;
  submittedAt: string;
  document: string;
}

describe('an application signed with the applicant’s EDS', () => {
  let registry: TestRegistry;
  let headers: Headers;
  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[0]);
    headers = await citizen(registry, holder, 'eds');
  });
  afterAll(async () => {
    await registry.close();
  });

  async function prepare(extra: Record<string, unknown> = {}): Promise<Prepared> {
    const response = await registry.request('/api/v1/applications/prepare', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, ...extra }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Prepared;
  }

  it('is prepared, signed by node:crypto, issued, and verifies valid', async () => {
    const prepared = await prepare();
    const signature = edsSign(holder, prepared.document);

    const response = await apply(registry, headers, {
      ...body,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature,
    });
    expect(response.status).toBe(202);
    const submitted = (await response.json()) as { id: string; signedWith: string };
    expect(submitted).toMatchObject({ id: prepared.applicationId, signedWith: 'eds' });

    await registry.processor.drain();
    const read = await getJson<{
      status: string;
      document: string;
      signature: string;
      certificate: { id: string };
    }>(registry, `/api/v1/applications/${submitted.id}`, headers);
    expect(read.body).toMatchObject({ status: 'issued', document: prepared.document, signature });

    const row = await registry.store.certificate(read.body.certificate.id);
    const verdict = await getJson<{ verdict: string }>(
      registry,
      `/api/v1/verify/${row?.token}`,
      {},
    );
    expect(verdict.body.verdict).toBe('valid');
  });

  it('can be built and signed by the client alone, without prepare', async () => {
    const own = anotherChild();
    const applicationId = newApplicationId(secureRandom);
    const submittedAt = registry.clock.now().toISOString();
    const document = applicationDocument({
      applicationId,
      applicantIin: holder.iin,
      childIin: own.childIin,
      type: 'guardianship',
      submittedAt,
    });
    const response = await apply(registry, headers, {
      ...own,
      applicationId,
      submittedAt,
      signature: edsSign(holder, document),
    });
    expect(response.status).toBe(202);
  });

  it('delivered twice is one application', async () => {
    const own = anotherChild();
    const prepared = await prepare(own);
    const signed = {
      ...own,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature: edsSign(holder, prepared.document),
    };
    const first = await apply(registry, headers, signed);
    const again = await apply(registry, headers, signed);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(
      ((await first.json()) as { id: string }).id,
    );
  });

  it('refuses a signature over another document: 422 signature_invalid', async () => {
    const prepared = await prepare();
    const other = await prepare({ type: 'trusteeship' });
    const response = await apply(registry, headers, {
      ...body,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature: edsSign(holder, other.document),
    });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({
      code: 'signature_invalid',
      field: 'signature',
    });
  });

  it('refuses a signature by another person’s key', async () => {
    const prepared = await prepare();
    const response = await apply(registry, headers, {
      ...body,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature: edsSign(persona('refused-no-decision'), prepared.document),
    });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe('signature_invalid');
  });

  it('refuses a document signed more than 10 minutes ago', async () => {
    const prepared = await prepare();
    registry.clock.advance?.(11 * 60_000);
    const response = await apply(registry, headers, {
      ...body,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature: edsSign(holder, prepared.document),
    });
    registry.clock.advance?.(-11 * 60_000);
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({
      code: 'date_out_of_range',
      field: 'submittedAt',
    });
  });

  it.each([
    ['a signature that is not base64url', { signature: '***' }, 'signature'],
    ['a short signature', { signature: 'AAAA' }, 'signature'],
    ['an id of another form', { applicationId: 'app_1' }, 'applicationId'],
    ['a time in another spelling', { submittedAt: '2026-12-03T07:00:00Z' }, 'submittedAt'],
  ])('answers 400 for %s', async (_, change, field) => {
    const prepared = await prepare();
    const response = await apply(registry, headers, {
      ...body,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature: edsSign(holder, prepared.document),
      ...change,
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'validation_failed', field });
  });

  it('refuses a signature from someone who holds no EDS', async () => {
    const noEds = persona('issued-trusteeship-almaty');
    const response = await apply(registry, await citizen(registry, noEds), {
      type: noEds.type,
      childIin: noEds.childIin,
      applicationId: newApplicationId(secureRandom),
      submittedAt: registry.clock.now().toISOString(),
      signature: 'A'.repeat(86),
    });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe('signature_invalid');
    expect(error.message).toContain('no EDS key');
  });

  it('covers the attached copy: the document carries its SHA-256', async () => {
    const own = anotherChild();
    const sha = createHash('sha256').update(PDF).digest('hex');
    const prepared = await prepare({ ...own, attachmentSha256: sha });
    expect(JSON.parse(prepared.document).attachmentSha256).toBe(sha);

    const fields = {
      ...own,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature: edsSign(holder, prepared.document),
    };
    const file = { bytes: PDF, name: 'copy.pdf', type: 'application/pdf' };
    expect((await applyWithFile(registry, headers, fields, file)).status).toBe(202);
  });

  it('refuses the signature when another file is delivered than the one signed', async () => {
    const sha = createHash('sha256').update(PDF).digest('hex');
    const prepared = await prepare({ attachmentSha256: sha });
    const fields = {
      ...body,
      applicationId: prepared.applicationId,
      submittedAt: prepared.submittedAt,
      signature: edsSign(holder, prepared.document),
    };
    const other = { bytes: PNG, name: 'copy.pdf', type: 'application/pdf' };
    const response = await applyWithFile(registry, headers, fields, other);
    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe('signature_invalid');
  });

  it('takes an EDS session without a signature, recorded as such', async () => {
    const response = await apply(registry, headers, anotherChild());
    expect(response.status).toBe(202);
    expect(((await response.json()) as { signedWith: string }).signedWith).toBe('eds_session');
  });
});
