/**
 * Checks a verification receipt offline with nothing but the log's published verifier key
 * (`GET /api/v1/log/key`). Pure and portable: WebCrypto, @noble and zod only, so the same code runs
 * in a browser, on Workers and in the `receipt:verify` CLI.
 *
 * What a valid answer proves, step by step:
 * 1. the receipt was signed by the registry's log key and not one byte of it changed since;
 * 2. the checkpoint it carries is a tree head that key signed, so it can be compared with what
 *    monitors and witnesses saw (a registry that signed two histories is caught there);
 * 3. the certificate's issuance entry names this certificate and this record digest, and its
 *    inclusion proof leads to that checkpoint's root: the certificate is in the public log.
 */

import { z } from 'zod';

import { bytesToHex } from '../crypto/bytes.js';
import { verifyStrict } from '../crypto/ed25519.js';
import { fromBase64 } from '../translog/base64.js';
import type { Checkpoint } from '../translog/checkpoint.js';
import { TranslogError } from '../translog/errors.js';
import { decodeLogEntry } from '../translog/log-entry.js';
import { hashLeaf } from '../translog/merkle.js';
import { type NoteVerifierKey, parseVerifierKey } from '../translog/note-key.js';
import { openCheckpoint } from '../translog/signed-checkpoint.js';
import { verifyInclusion } from '../translog/verify-proof.js';
import { RECEIPT_TYPE, RECEIPT_VERSION, type Receipt, receiptSigningInput } from './receipt.js';

export type ReceiptFailureCode =
  // Not JSON, or not shaped as a version 1 receipt.
  | 'receipt_malformed'
  // The key given is not a signed-note verifier key.
  | 'key_invalid'
  // The receipt names another key than the one given.
  | 'key_mismatch'
  // The receipt's signature does not verify: it was altered or forged.
  | 'signature_invalid'
  // The embedded checkpoint is not one the key signed for its log.
  | 'checkpoint_invalid'
  // The embedded log entry is not this certificate's issuance with this record digest.
  | 'entry_mismatch'
  // The inclusion proof does not lead to the checkpoint's root.
  | 'inclusion_invalid';

export type ReceiptVerdict =
  | {
      ok: true;
      receipt: Receipt;
      checkpoint: Checkpoint;
      /** The issuance entry's index, when the receipt carries it. */
      entryIndex?: number;
      /** Whether the inclusion proof of the issuance entry checked out against the checkpoint. */
      included: boolean;
    }
  | { ok: false; code: ReceiptFailureCode; message: string };

const HEX = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));
const INDEX = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The members the checks read; the rest is covered by the signature and passed through. */
const RECEIPT = z.looseObject({
  v: z.literal(RECEIPT_VERSION),
  type: z.literal(RECEIPT_TYPE),
  verification: z.looseObject({
    verdict: z.string(),
    checkedAt: z.string(),
    certificate: z.looseObject({ id: z.string(), serial: z.string() }).optional(),
  }),
  recordDigest: HEX(64).optional(),
  token: z.looseObject({ sha256: HEX(64) }),
  log: z.looseObject({
    checkpoint: z.string().max(64 * 1024),
    entry: z.looseObject({ index: INDEX, leaf: z.string().max(64 * 1024) }).optional(),
    inclusionProof: z.array(z.string()).max(64).optional(),
  }),
  signature: z.strictObject({
    alg: z.literal('Ed25519'),
    keyName: z.string(),
    keyId: HEX(8),
    value: z.string(),
  }),
});

/**
 * Verifies `receipt` (the parsed object or its JSON text) against the log's verifier key
 * `<name>+<key id hex>+<base64 key>`. Never throws on bad input: every failure is a verdict with a
 * stable code and a message saying which part failed.
 */
export async function verifyReceipt(
  receipt: unknown,
  verifierKey: string | NoteVerifierKey,
): Promise<ReceiptVerdict> {
  let key: NoteVerifierKey;
  try {
    key = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey.trim()) : verifierKey;
  } catch (error) {
    if (!(error instanceof TranslogError)) throw error;
    return fail('key_invalid', error.message);
  }

  const parsed = RECEIPT.safeParse(typeof receipt === 'string' ? parseJson(receipt) : receipt);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.join('.') || 'receipt';
    return fail('receipt_malformed', `${at}: ${issue?.message ?? 'not a version 1 receipt'}`);
  }
  const value = parsed.data as unknown as Receipt;

  // 1. The receipt's own signature, by the key given.
  const { signature } = value;
  if (signature.keyName !== key.name) {
    return fail('key_mismatch', `signature: made by ${signature.keyName}, not by ${key.name}`);
  }
  if (signature.keyId !== bytesToHex(key.keyId)) {
    return fail('key_mismatch', `signature: made by ${signature.keyName}, not by that key`);
  }
  const signatureBytes = fromBase64(signature.value);
  if (signatureBytes?.length !== 64) {
    return fail('receipt_malformed', 'signature.value: expected the base64 of 64 bytes');
  }
  let message: Uint8Array;
  try {
    message = receiptSigningInput(value);
  } catch {
    return fail('receipt_malformed', 'receipt: holds a value canonical JSON cannot carry');
  }
  if (!(await verifyStrict(key.publicKey, message, signatureBytes))) {
    return fail('signature_invalid', 'signature: does not verify; the receipt was altered');
  }

  // 2. The checkpoint, a signed note of the same log.
  const opened = await openCheckpoint(value.log.checkpoint, key);
  if (!opened.ok) return fail('checkpoint_invalid', `log.checkpoint: ${opened.message}`);
  const { checkpoint } = opened;

  // 3. The issuance entry and its inclusion proof.
  const { entry, inclusionProof } = value.log;
  if (!entry) return { ok: true, receipt: value, checkpoint, included: false };

  const problem = entryProblem(value, entry.leaf);
  if (problem) return fail('entry_mismatch', `log.entry: ${problem}`);
  if (!inclusionProof) {
    return { ok: true, receipt: value, checkpoint, entryIndex: entry.index, included: false };
  }

  const proof = inclusionProof.map((hash) => fromBase64(hash));
  if (proof.some((hash) => hash === null)) {
    return fail('receipt_malformed', 'log.inclusionProof: expected base64 hashes');
  }
  const verdict = verifyInclusion({
    leafHash: hashLeaf(fromBase64(entry.leaf) as Uint8Array),
    index: entry.index,
    size: checkpoint.size,
    root: checkpoint.rootHash,
    proof: proof as Uint8Array[],
  });
  if (!verdict.ok) return fail('inclusion_invalid', `log.inclusionProof: ${verdict.message}`);
  return { ok: true, receipt: value, checkpoint, entryIndex: entry.index, included: true };
}

/** Why the leaf is not this certificate's issuance with this record, or null when it is. */
function entryProblem(receipt: Receipt, leafText: string): string | null {
  const leaf = fromBase64(leafText);
  const logged = leaf && decodeLogEntry(leaf);
  if (!logged) return 'the leaf is not a log entry of this registry';
  if (logged.kind !== 'certificate.issued') return `the leaf records ${logged.kind}`;
  if (logged.certificateId !== receipt.verification.certificate?.id) {
    return 'the leaf records another certificate';
  }
  if (logged.recordDigest !== receipt.recordDigest) {
    return 'the leaf records another record digest';
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fail(code: ReceiptFailureCode, message: string): ReceiptVerdict {
  return { ok: false, code, message };
}
