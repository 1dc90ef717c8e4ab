import { bytesToHex } from '../crypto/bytes.js';
import type { Receipt, UnsignedReceipt } from '../receipts/receipt.js';
import { receiptSigningInput } from '../receipts/receipt.js';
import { toBase64 } from '../translog/base64.js';
import { type NoteSigningKey, noteKeyId } from '../translog/note-key.js';

/** Signs receipts with the log key; the only other thing that key signs is checkpoints. */
export type ReceiptSigner = (receipt: UnsignedReceipt) => Promise<Receipt>;

/**
 * A receipt signer over the log key, named as the checkpoints name it (`keyName` is the log's
 * origin), so one published verifier key checks both.
 */
export function receiptSigner(key: NoteSigningKey, keyName: string): ReceiptSigner {
  const keyId = bytesToHex(noteKeyId(keyName, key.publicKey));
  return async (receipt) => {
    const value = toBase64(await key.sign(receiptSigningInput(receipt)));
    return { ...receipt, signature: { alg: 'Ed25519', keyName, keyId, value } };
  };
}
