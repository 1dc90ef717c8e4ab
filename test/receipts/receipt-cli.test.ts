import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReceiptVerify } from '../../src/receipts/receipt-cli.js';
import { issue, tokenOf } from '../e2e/client.js';
import { freshCheckpoint, getText } from '../e2e/log-client.js';
import { postReceipt } from '../e2e/receipt-client.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

const read = async (path: string) => new Uint8Array(await readFile(path));

describe('npm run receipt:verify', () => {
  let registry: TestRegistry;
  let dir: string;
  let key: string;
  let serial: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
    dir = mkdtempSync(join(tmpdir(), 'receipt-cli-'));
    const certificate = await issue(registry);
    serial = certificate.serial;
    await freshCheckpoint(registry);
    key = await getText(registry, '/api/v1/log/key');

    const path = `/api/v1/verify/${tokenOf(certificate.verifyUrl)}/receipt`;
    const receipt = await postReceipt(registry, tokenOf(certificate.verifyUrl), {
      'x-verifier-organization': 'School 12',
    });
    const pdf = await registry.request(`${path}.pdf`, { method: 'POST' });
    writeFileSync(file('receipt.json'), JSON.stringify(receipt, null, 2));
    writeFileSync(file('receipt.pdf'), new Uint8Array(await pdf.arrayBuffer()));
    writeFileSync(file('log.key'), `${key}\n`);
    const altered = { ...receipt, verification: { ...receipt.verification, verdict: 'revoked' } };
    writeFileSync(file('altered.json'), JSON.stringify(altered));
  });
  afterAll(async () => {
    await registry?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the JSON with the key as text, and the PDF with the key file', async () => {
    const json = await runReceiptVerify([file('receipt.json'), '--key', key], read);
    expect(json.code).toBe(0);
    expect(json.lines).toEqual([
      'Receipt verified: signed by the registry log key, unchanged.',
      `  certificate  ${serial}`,
      '  verdict      valid',
      `  checked at   ${registry.clock.now().toISOString()}`,
      '  checked by   School 12',
      '  checkpoint   verify.example.kz/registry-log, size 3',
      '  in the log   entry 2, inclusion proof checked against the checkpoint root',
    ]);

    const pdf = await runReceiptVerify([file('receipt.pdf'), '--key', file('log.key')], read);
    expect(pdf.code).toBe(0);
    expect(pdf.lines[1]).toBe(`  certificate  ${serial}`);
  });

  it('exits 1 with the reason for an altered receipt or a PDF without one', async () => {
    expect(await runReceiptVerify([file('altered.json'), '--key', key], read)).toEqual({
      code: 1,
      lines: [
        'Receipt NOT verified (signature_invalid): signature: does not verify; the receipt was altered',
      ],
    });

    writeFileSync(file('plain.pdf'), await read(file('receipt.pdf')).then((b) => b.slice(0, 9)));
    expect(await runReceiptVerify([file('plain.pdf'), '--key', key], read)).toEqual({
      code: 1,
      lines: [`Receipt NOT verified: ${file('plain.pdf')}: a PDF without an attached receipt.json`],
    });
  });

  it('exits 2 when nothing could be checked', async () => {
    const cases: [string[], RegExp][] = [
      [[file('receipt.json')], /^--key is required\nusage: npm run receipt:verify/],
      [['--key', key], /^the receipt file is required\n/],
      [[file('missing.json'), '--key', key], /missing\.json: cannot be read \(ENOENT\)$/],
      [
        [file('receipt.json'), '--key', file('receipt.json')],
        /^Receipt NOT verified \(key_invalid\)/,
      ],
      [[file('receipt.json'), '--key', key, '--fast'], /^--fast: unknown option/],
    ];
    for (const [argv, message] of cases) {
      const outcome = await runReceiptVerify(argv, read);
      expect(outcome.code, argv.join(' ')).toBe(2);
      expect(outcome.lines.join('\n')).toMatch(message);
    }
  });

  it('runs as a script with those exit codes', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)('npx', ['tsx', 'scripts/receipt-verify.ts', ...args]).then(
        (done) => ({ code: 0, out: done.stdout }),
        (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
      );

    expect(await run(file('receipt.pdf'), '--key', key)).toMatchObject({ code: 0 });
    const altered = await run(file('altered.json'), '--key', key);
    expect(altered.code).toBe(1);
    expect(altered.out).toContain('Receipt NOT verified (signature_invalid)');
  });
});
