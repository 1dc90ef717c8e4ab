/**
 * What a citizen signs with their EDS key to sign in. A public contract: the web pages, the demo
 * script and any integrator's signing tool build exactly these bytes, so it never changes; a new
 * format would get a new context string beside this one.
 *
 *   UTF-8( "KZ-REGISTRY-SIGNIN" 0x00 <nonce> 0x00 <iin> )
 *
 * `<nonce>` is the challenge exactly as the server sent it (43 base64url characters) and `<iin>`
 * the 12 digits of the IIN signing in. The context string keeps a sign-in signature from being
 * mistaken for a signature over anything else the key signs (an application, say); the IIN binds
 * the signature to one person, so it cannot open a session for another.
 */

import { utf8ToBytes } from '../crypto/bytes.js';

/** The context string at the start of every sign-in message. */
export const EDS_SIGN_IN_CONTEXT = 'KZ-REGISTRY-SIGNIN';

/** The exact bytes to sign (Ed25519, RFC 8032, pure: no prehash) to sign in. */
export function edsSignInMessage(nonce: string, iin: string): Uint8Array {
  return utf8ToBytes(`${EDS_SIGN_IN_CONTEXT}\0${nonce}\0${iin}`);
}
