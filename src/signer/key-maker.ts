/**
 * Making new provider keys, apart from {@link Signer}: issuance signs and never adds keys, while
 * a rotation asks for a new key and gets back only its public half.
 */

import type { RandomBytes } from '../crypto/ed25519-keys.js';
import { createRotatedKeyFile } from './dev-key-files.js';
import type { LocalSigner } from './local-signer.js';
import type { SignerPublicKey } from './signer.js';

/** What a rotation needs: a fresh key, held by the signer from now on, public half returned. */
export interface KeyMaker {
  createKey(providerId: string): Promise<SignerPublicKey>;
}

/**
 * Demo mode: a new seed from the CSPRNG, written to `DATA_DIR/keys` like the dev keys (so it
 * survives a restart), then handed to the running local signer. Production has no key maker:
 * a local signer there takes its seeds from `SIGNING_KEYS` only (see the README).
 */
export class DevKeyMaker implements KeyMaker {
  constructor(
    private readonly signer: LocalSigner,
    private readonly dataDir: string,
    private readonly random?: RandomBytes,
  ) {}

  async createKey(providerId: string): Promise<SignerPublicKey> {
    const material = await createRotatedKeyFile(this.dataDir, providerId, this.random);
    return this.signer.adopt(material);
  }
}
