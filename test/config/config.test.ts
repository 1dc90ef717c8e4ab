import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      publicUrl: 'http://localhost:8787',
      dataDir: './data',
      databaseUrl: undefined,
      production: false,
      demo: true,
    });
  });

  it('drops a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://verify.example.kz/' }).publicUrl).toBe(
      'https://verify.example.kz',
    );
  });

  it.each([
    ['PORT', { PORT: '0' }],
    ['PORT', { PORT: 'eighty' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://verify.example.kz' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/registry' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
  ])('refuses a bad %s and names it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(`${name}:`);
  });

  it('refuses a PUBLIC_URL too long for a version 10 QR code at level Q', () => {
    const url = 'https://certificates-registry-verification.example.gov.kz';
    expect(() => loadConfig({ PUBLIC_URL: url })).toThrow(
      'PUBLIC_URL must be at most 43 characters, or the QR code outgrows version 10 at level Q',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://verify.registry.egov.kz' }).publicUrl).toBe(
      'https://verify.registry.egov.kz',
    );
  });

  it('refuses production without https and its secrets, naming variables but not values', () => {
    const secret = 'do-not-print-this-database-password';
    let message = '';
    try {
      loadConfig({
        NODE_ENV: 'production',
        PUBLIC_URL: 'http://verify.example.kz',
        DATABASE_URL: `postgres://registry:${secret}@db/registry`,
      });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toContain('PUBLIC_URL: must be https in production');
    expect(message).toContain('SIGNING_KEYS');
    expect(message).not.toContain(secret);
  });
});
