import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest } from '../support/requests.js';

describe.each(databaseTargets)('issue and verify on $name', (target) => {
  let registry: TestRegistry;
  beforeEach(async () => {
    registry = await startTestRegistry(target);
  });
  afterEach(async () => {
    await registry.close();
  });

  it('issues a certificate that then verifies as valid', async () => {
    const issued = await registry.request('/api/v1/certificates', {
      method: 'POST',
      headers: asOfficer(ASTANA),
      body: JSON.stringify(guardianshipRequest()),
    });
    expect(issued.status).toBe(201);
    const body = (await issued.json()) as { verifyUrl: string; serial: string };
    expect(body.serial).toBe('AST-2026-000001');

    const token = body.verifyUrl.split('/V/')[1];
    const verified = await registry.request(`/api/v1/verify/${token}`);
    expect(await verified.json()).toMatchObject({ verdict: 'valid' });
  });
});
