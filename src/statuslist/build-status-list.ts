import { toBase64Url } from '../crypto/bytes.js';
import { encodeBitstring, setBit } from './bitstring.js';
import {
  type SignedStatusList,
  STATUS_LIST_FRESHNESS_MS,
  STATUS_LIST_MIN_SIZE,
  STATUS_LIST_TYPE,
  type StatusListBody,
  statusListSigningInput,
} from './status-list.js';

/** The entries of a list holding `highestIndex`: 131,072 doubled as often as needed. */
export function statusListSize(highestIndex: number | null): number {
  let size = STATUS_LIST_MIN_SIZE;
  while (highestIndex !== null && highestIndex >= size) size *= 2;
  return size;
}

/** Builds and signs a provider's list from the indexes of its revoked and suspended certificates. */
export async function buildStatusList(input: {
  providerId: string;
  url: string;
  size: number;
  revoked: readonly number[];
  suspended: readonly number[];
  issuedAt: Date;
  keyId: string;
  sign: (message: Uint8Array) => Promise<Uint8Array>;
}): Promise<SignedStatusList> {
  const bits = (indexes: readonly number[]) => {
    const out = new Uint8Array(input.size / 8);
    for (const index of indexes) setBit(out, index);
    return encodeBitstring(out);
  };

  const body: StatusListBody = {
    v: 1,
    type: STATUS_LIST_TYPE,
    providerId: input.providerId,
    url: input.url,
    size: input.size,
    issuedAt: input.issuedAt.toISOString(),
    validUntil: new Date(input.issuedAt.getTime() + STATUS_LIST_FRESHNESS_MS).toISOString(),
    keyId: input.keyId,
    revocation: await bits(input.revoked),
    suspension: await bits(input.suspended),
  };
  const signature = await input.sign(statusListSigningInput(body));
  return { ...body, signature: toBase64Url(signature) };
}
