/**
 * Readable ids of applications (`app_…`) and attachments (`att_…`): a type prefix for logs and
 * support calls, then the lower-case base32 of 16 random bytes, like certificate ids.
 */

import { base32Decode, base32Encode } from '../crypto/base32.js';
import type { RandomBytes } from '../runtime/random.js';

const ID_BYTES = 16;
const APPLICATION_ID = /^app_[a-z2-7]{26}$/;

/** A fresh application id. */
export function newApplicationId(random: RandomBytes): string {
  return `app_${base32Encode(random(ID_BYTES)).toLowerCase()}`;
}

/** A fresh attachment id. */
export function newAttachmentId(random: RandomBytes): string {
  return `att_${base32Encode(random(ID_BYTES)).toLowerCase()}`;
}

/**
 * True for an application id in its one canonical spelling. Clients that sign their application
 * in one step choose the id themselves (see application-document.ts), so the form is checked.
 */
export function isApplicationId(text: unknown): text is string {
  if (typeof text !== 'string' || !APPLICATION_ID.test(text)) return false;
  return base32Decode(text.slice(4))?.length === ID_BYTES;
}
