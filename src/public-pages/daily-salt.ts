import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { localDay } from '../domain/calendar.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';

/**
 * Pseudonyms for visitors that cannot outlive the day: HMAC-SHA-256 of the address under a
 * random salt drawn for each Almaty day and kept only in memory. When the day turns, the salt is
 * replaced and yesterday's pseudonyms can no longer be linked to anyone, not even by us.
 */
export class DailySalt {
  #day = '';
  #salt: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly clock: Clock,
    private readonly random: RandomBytes,
  ) {}

  /** The Almaty day the current salt belongs to. */
  day(): string {
    this.#rotate();
    return this.#day;
  }

  /** Today's pseudonym of a visitor, from what the request says about them. */
  pseudonym(...parts: string[]): string {
    this.#rotate();
    return bytesToHex(hmac(sha256, this.#salt, utf8ToBytes(parts.join('\u0000'))));
  }

  #rotate(): void {
    const today = localDay(this.clock.now());
    if (today === this.#day) return;
    this.#day = today;
    this.#salt = this.random(32);
  }
}
