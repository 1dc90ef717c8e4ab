import { describe, expect, it } from 'vitest';
import { returningApplicantLines, welcomeLines } from '../../src/node/welcome-banner.js';
import { DocumentService } from '../../src/services/documents.js';

const PUBLIC_URL = 'http://localhost:8787';
const TOKEN = 'AGRX23SFYQHG3YM5QVKHG2CT6SE43P52LAB2EHKWKE3FROBLBYYHFYP7OTKX6XPZ';

describe('the npm start banner', () => {
  // The links are made by the same function as the QR content of the documents.
  const documents = new DocumentService({} as never, PUBLIC_URL);
  const link = documents.verifyUrl(TOKEN);

  it('prints demo certificates as their QR codes hold them: upper case, /V/', () => {
    const lines = welcomeLines({
      publicUrl: PUBLIC_URL,
      demo: true,
      database: 'pglite',
      demoLinks: [
        { url: link, serial: 'AST-2026-000001', revoked: false, guardianIin: '850412430212' },
        { url: link, serial: 'AST-2026-000002', revoked: true, guardianIin: '900315410004' },
      ],
    });

    // Which one is revoked, and what to type for the lookup by serial and IIN.
    expect(lines).toContain(
      `Demo certificate AST-2026-000001 (valid; guardian's IIN 850412430212): ` +
        `HTTP://LOCALHOST:8787/V/${TOKEN}`,
    );
    expect(lines).toContain(
      `Demo certificate AST-2026-000002 (revoked; guardian's IIN 900315410004): ` +
        `HTTP://LOCALHOST:8787/V/${TOKEN}`,
    );
    expect(lines.join('\n')).not.toContain('/v/');
  });

  it('prints the returning applicant’s certificate the same way', () => {
    const lines = returningApplicantLines(PUBLIC_URL, link);

    expect(lines.at(-1)).toBe(
      `  issued on her application just now: HTTP://LOCALHOST:8787/V/${TOKEN}`,
    );
  });

  it('prints no demo lines outside demo mode', () => {
    const lines = welcomeLines({
      publicUrl: PUBLIC_URL,
      demo: false,
      database: 'postgres',
      demoLinks: [],
    });

    expect(lines).toEqual([
      'Certificate registry listening on http://localhost:8787 (database: postgres)',
      '  health:  http://localhost:8787/healthz',
      '  keys:    http://localhost:8787/.well-known/jwks.json',
    ]);
  });
});
