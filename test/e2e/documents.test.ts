import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import { type CertificateJson, download, issue, readQr } from './client.js';

/** The text layer as poppler's pdftotext (Debian poppler-utils) extracts it, in reading order. */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-pdf-'));
  try {
    const path = join(dir, 'certificate.pdf');
    writeFileSync(path, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext not found: apt-get install -y poppler-utils');
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names that together hold all nine Kazakh letters, so none may fall back to a box or a lookalike. */
const GUARDIAN = { lastName: 'Төлеуһанова', firstName: 'Шаңғүл', middleName: 'Серікқызы' };
const CHILD = { lastName: 'Өмірзақов', firstName: 'Ғалымжан', middleName: 'Іңкәрұлы' };

function kazakhRequest() {
  const request = guardianshipRequest();
  return {
    ...request,
    guardian: { ...request.guardian, ...GUARDIAN },
    child: { ...request.child, ...CHILD },
  };
}

describe.each(databaseTargets)('certificate documents on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry, kazakhRequest());
    pdf = await download(registry, certificate.id, 'pdf');
    text = pdfText(pdf);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('serves a PDF named after the serial, never cached by others', async () => {
    const response = await registry.request(certificate.documents.pdf, { headers: ASTANA });
    await response.arrayBuffer();

    expect(response.headers.get('content-disposition')).toBe(
      'inline; filename="AST-2026-000001.pdf"',
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  it('has a text layer with the serial', () => {
    expect(text).toContain('AST-2026-000001');
  });

  it('has a text layer with the full names, every Kazakh letter intact', () => {
    expect(text).toContain('Төлеуһанова Шаңғүл Серікқызы');
    expect(text).toContain('Өмірзақов Ғалымжан Іңкәрұлы');

    const names = [...Object.values(GUARDIAN), ...Object.values(CHILD)].join(' ').toLowerCase();
    for (const letter of 'әғқңөұүһі') expect(names).toContain(letter);
  });

  it('has a text layer with the decision, the validity and the issuing body', () => {
    expect(text).toContain('1-15/2345');
    expect(text).toContain('20.11.2026');
    expect(text).toContain('03.12.2026 — 08.03.2032');
    expect(text).toContain('Астана қаласының әкімдігі');
    expect(text).toContain('Акимат города Астаны');
    expect(text).toContain('Қорғаншылық туралы анықтама');
    expect(text).toContain('Справка об опеке');
  });

  it('prints a trusteeship with its own title', async () => {
    const trusteeship = await issue(registry, trusteeshipRequest());
    const extracted = pdfText(await download(registry, trusteeship.id, 'pdf'));

    expect(extracted).toContain(trusteeship.serial);
    expect(extracted).toContain('Қамқоршылық туралы анықтама');
    expect(extracted).toContain('Справка о попечительстве');
    expect(extracted).toContain('Иванова Дарья Алексеевна');
  });

  it('serves a portrait PNG whose QR holds the verify URL', async () => {
    const png = await download(registry, certificate.id, 'png');
    const image = decode(png);

    expect(image.height / image.width).toBeCloseTo(Math.SQRT2, 1);
    expect(readQr(png)?.text).toBe(certificate.verifyUrl);
  });
});
