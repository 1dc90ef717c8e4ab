/**
 * `npm run receipt:verify -- <receipt.json|receipt.pdf> --key <verifier key | key file>`: checks a
 * verification receipt offline; exits 0 (verified), 1 (not verified) or 2 (nothing checked).
 */
import { readFile } from 'node:fs/promises';
import { RECEIPT_EXIT, runReceiptVerify } from '../src/receipts/receipt-cli.js';

runReceiptVerify(process.argv.slice(2), async (path) => new Uint8Array(await readFile(path))).then(
  (outcome) => {
    const out = outcome.code === RECEIPT_EXIT.verified ? console.log : console.error;
    out(outcome.lines.join('\n'));
    process.exit(outcome.code);
  },
  (error: unknown) => {
    console.error('Could not check the receipt:', error instanceof Error ? error.message : error);
    process.exit(RECEIPT_EXIT.unusable);
  },
);
