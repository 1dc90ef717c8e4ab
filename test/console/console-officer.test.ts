import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../e2e/client.js';
import { ALMATY, ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { signedInAs } from '../support/citizen.js';
import { databaseTargets } from '../support/databases.js';

describe.each(databaseTargets)('GET /api/v1/console/officer ($name)', (target) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
  });
  afterAll(async () => {
    await registry?.close();
  });

  const me = async (headers: Record<string, string>) => {
    const response = await registry.request('/api/v1/console/officer', { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    return (await response.json()) as {
      id: string;
      roles: string[];
      provider: { id: string; nameRu: string };
    };
  };

  it("names the token's officer, roles and own provider, and no other", async () => {
    const astana = await me(ASTANA);
    const almaty = await me(ALMATY);
    const providers = await registry.services.store.listProviders();

    expect(astana.provider.id).not.toBe(almaty.provider.id);
    expect(astana.roles).toEqual(expect.arrayContaining(['issuer', 'revoker', 'reviewer']));
    for (const [who, answer] of [
      ['astana', astana],
      ['almaty', almaty],
    ] as const) {
      const provider = providers.find((p) => p.id === answer.provider.id);
      expect(provider, who).toBeDefined();
      expect(answer.provider.nameRu).toBe(provider?.nameRu);
    }
  });

  it('answers 401 without a token, with a wrong one, and to a citizen session', async () => {
    await expectError(await registry.request('/api/v1/console/officer'), {
      status: 401,
      code: 'unauthorized',
      message: 'An officer bearer token is required (Authorization: Bearer …)',
    });
    await expectError(
      await registry.request('/api/v1/console/officer', {
        headers: { authorization: 'Bearer not-an-officer-token' },
      }),
      { status: 401, code: 'unauthorized', message: 'The bearer token is not valid' },
    );
    const citizen = await signedInAs(registry, '850412430212');
    await expectError(await registry.request('/api/v1/console/officer', { headers: citizen }), {
      status: 401,
      code: 'unauthorized',
      message: 'An officer bearer token is required (Authorization: Bearer …)',
    });
  });
});
