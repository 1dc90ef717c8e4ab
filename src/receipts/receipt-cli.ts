/**
 * `npm run receipt:verify -- <receipt.json|receipt.pdf> --key <verifier key or file>`: checks a
 * receipt offline, as src/receipts/verify-receipt.ts does, from its JSON or from the PDF that
 * carries it. The host's file reading is passed in, so the whole run is testable.
 */

import { readAttachment } from '../documents/pdf-attachments.js';
import { RECEIPT_ATTACHMENT_NAME } from './receipt.js';
import { verifyReceipt } from './verify-receipt.js';

export const RECEIPT_VERIFY_USAGE =
  'usage: npm run receipt:verify -- <receipt.json|receipt.pdf> --key <verifier key | key file>\n' +
  '  --key  the registry log key as GET /api/v1/log/key publishes it, or a file holding it';

/** 0: the receipt verifies; 1: it does not (altered, forged, other key); 2: nothing checked. */
export const RECEIPT_EXIT = { verified: 0, failed: 1, unusable: 2 } as const;

export interface ReceiptCliOutcome {
  code: (typeof RECEIPT_EXIT)[keyof typeof RECEIPT_EXIT];
  lines: string[];
}

/** A signed-note verifier key: name, 8 hex digits, base64. Anything else is taken as a path. */
const KEY_TEXT = /^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/;

/** The largest receipt worth reading; a real one is a few kilobytes. */
const MAX_RECEIPT_BYTES = 1024 * 1024;

export async function runReceiptVerify(
  argv: readonly string[],
  readFile: (path: string) => Promise<Uint8Array>,
): Promise<ReceiptCliOutcome> {
  const args = parseArgs(argv);
  if (typeof args === 'string') return unusable(`${args}\n${RECEIPT_VERIFY_USAGE}`);

  let key = args.key;
  if (!KEY_TEXT.test(key)) {
    const bytes = await read(readFile, key);
    if (typeof bytes === 'string') return unusable(bytes);
    key = new TextDecoder().decode(bytes).trim();
  }

  const bytes = await read(readFile, args.file);
  if (typeof bytes === 'string') return unusable(bytes);
  const text = await receiptText(bytes);
  if (text === undefined) {
    return failed(`${args.file}: a PDF without an attached ${RECEIPT_ATTACHMENT_NAME}`);
  }

  const verdict = await verifyReceipt(text, key);
  if (!verdict.ok) {
    const code = verdict.code === 'key_invalid' ? RECEIPT_EXIT.unusable : RECEIPT_EXIT.failed;
    return { code, lines: [`Receipt NOT verified (${verdict.code}): ${verdict.message}`] };
  }

  const { verification, verifier } = verdict.receipt;
  const serial = verification.certificate?.serial ?? 'no certificate';
  const lines = [
    'Receipt verified: signed by the registry log key, unchanged.',
    `  certificate  ${serial}`,
    `  verdict      ${verification.verdict}${verification.cause ? ` (${verification.cause})` : ''}`,
    `  checked at   ${verification.checkedAt}`,
    `  checked by   ${verifier?.organization ?? '(not named)'}`,
    `  checkpoint   ${verdict.checkpoint.origin}, size ${verdict.checkpoint.size}`,
    `  in the log   ${logLine(verdict.entryIndex, verdict.included)}`,
  ];
  return { code: RECEIPT_EXIT.verified, lines };
}

function logLine(index: number | undefined, included: boolean): string {
  if (index === undefined) return 'no issuance entry (no certificate, or issued before the log)';
  if (!included) return `entry ${index}, not yet in this checkpoint`;
  return `entry ${index}, inclusion proof checked against the checkpoint root`;
}

function parseArgs(argv: readonly string[]): { file: string; key: string } | string {
  let file: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--key') {
      key = argv[++i];
      if (key === undefined || key.startsWith('--')) return '--key: a value is required';
    } else if (arg.startsWith('--')) {
      return `${arg}: unknown option`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return `${arg}: one receipt at a time`;
    }
  }
  if (file === undefined) return 'the receipt file is required';
  if (key === undefined) return '--key is required';
  return { file, key };
}

/** The receipt JSON from its own file or from a PDF's attachment. */
async function receiptText(bytes: Uint8Array): Promise<string | undefined> {
  const isPdf = new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';
  if (!isPdf) return new TextDecoder().decode(bytes);

  const attached = await readAttachment(bytes, RECEIPT_ATTACHMENT_NAME, MAX_RECEIPT_BYTES);
  return attached.ok ? new TextDecoder().decode(attached.bytes) : undefined;
}

async function read(
  readFile: (path: string) => Promise<Uint8Array>,
  path: string,
): Promise<Uint8Array | string> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as { code?: string }).code ?? 'unreadable';
    return `${path}: cannot be read (${reason})`;
  }
}

function unusable(message: string): ReceiptCliOutcome {
  return { code: RECEIPT_EXIT.unusable, lines: [message] };
}

function failed(message: string): ReceiptCliOutcome {
  return { code: RECEIPT_EXIT.failed, lines: [`Receipt NOT verified: ${message}`] };
}
