import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { FixtureGateway } from '../../src/gateway/fixture-gateway.js';
import { captureLogger } from '../../src/logging/logger.js';
import { bootNode } from '../../src/node/boot.js';
import { PUBLIC_URL, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { errorOf, outbox, persona, post } from './sign-in-client.js';

const first = persona('issued-guardianship-astana');
const second = persona('issued-trusteeship-almaty');

describe.each(databaseTargets)('the SMS outbox on $name', (target) => {
  describe('in demo mode', () => {
    let registry: TestRegistry;
    beforeEach(async () => {
      registry = await startTestRegistry(target);
    });
    afterEach(async () => {
      await registry.close();
    });

    it('lists what was sent, newest first, with phone, text and time', async () => {
      await post(registry, '/api/v1/auth/otp', { iin: first.iin });
      registry.clock.advance?.(1_000);
      await post(registry, '/api/v1/auth/otp', { iin: second.iin });

      const response = await registry.request('/api/v1/dev/sms-outbox');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');

      const messages = await outbox(registry);
      expect(messages.map((m) => [m.phone, m.sentAt])).toEqual([
        [second.phone, '2026-12-03T07:00:01.000Z'],
        [first.phone, '2026-12-03T07:00:00.000Z'],
      ]);
      expect(messages[0]?.text).toMatch(
        /^Растау коды: (\d{6})\. Код подтверждения: \1\. Ешкімге айтпаңыз \/ Никому не сообщайте\.$/,
      );
    });
  });

  describe('in production', () => {
    it('does not exist', async () => {
      const config = loadConfig({
        NODE_ENV: 'production',
        PUBLIC_URL,
        GATEWAY_URL: 'https://gateway.example.kz',
        GATEWAY_TOKEN: 'gateway-token',
        SIGNING_KEYS: '[]',
        LOG_SIGNING_KEY: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        SMS_GATEWAY_URL: 'https://sms.example.kz/send',
        SMS_GATEWAY_TOKEN: 'sms-token',
        OTP_SECRET: 'a-production-secret-of-enough-length',
        LOG_LEVEL: 'silent',
      });
      expect(config.demo).toBe(false);

      const booted = await bootNode({
        config,
        logger: captureLogger(),
        keys: [],
        database: await target.open(),
        gateway: new FixtureGateway({ persons: [], birthRecords: [], decisions: [] }),
      });
      try {
        const response = await booted.app.request('http://localhost/api/v1/dev/sms-outbox');

        expect(response.status).toBe(404);
        expect(await errorOf(response)).toMatchObject({ code: 'not_found' });
        expect(booted.services.auth.outbox).toBeUndefined();
      } finally {
        await booted.close();
      }
    });
  });
});
