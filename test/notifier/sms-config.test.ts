import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://verify.example.kz',
  GATEWAY_URL: 'https://gateway.example.kz',
  GATEWAY_TOKEN: 'gateway-token',
  SIGNING_KEYS: '[]',
  LOG_SIGNING_KEY: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  SMS_GATEWAY_URL: 'https://sms.example.kz/send',
  SMS_GATEWAY_TOKEN: 'sms-token',
  OTP_SECRET: 'a-production-secret-of-enough-length',
};

describe('SMS and OTP configuration', () => {
  it('reads the SMS gateway and the OTP secret', () => {
    const config = loadConfig(PRODUCTION);

    expect(config.sms).toEqual({ url: 'https://sms.example.kz/send', token: 'sms-token' });
    expect(config.otpSecret).toBe(PRODUCTION.OTP_SECRET);
  });

  it.each([
    ['SMS_GATEWAY_URL', 'SMS_GATEWAY_URL: SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN are required'],
    ['SMS_GATEWAY_TOKEN', 'SMS_GATEWAY_URL: SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN are required'],
    ['OTP_SECRET', 'OTP_SECRET: is required in production'],
  ])('requires %s in production', (name, message) => {
    const env: Record<string, string | undefined> = { ...PRODUCTION, [name]: undefined };

    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses a short OTP secret and an SMS URL that is not http(s)', () => {
    expect(() => loadConfig({ ...PRODUCTION, OTP_SECRET: 'short' })).toThrow(
      'OTP_SECRET: OTP_SECRET must be at least 32 characters',
    );
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'ftp://sms.example.kz' })).toThrow(
      'SMS_GATEWAY_URL must be an http(s) URL',
    );
  });

  it('needs neither in demo mode, where the outbox and the demo key serve', () => {
    const config = loadConfig({});

    expect(config.demo).toBe(true);
    expect(config.sms).toBeUndefined();
    expect(config.otpSecret).toBeUndefined();
  });
});
