/**
 * Reading a scanned or pasted verify link, the same on the front page's scanner (in the browser)
 * and on its no-JavaScript form (on the server), so both refuse a foreign link alike.
 */

export type LinkReading =
  | { kind: 'token'; token: string }
  | { kind: 'foreign'; host: string }
  | { kind: 'not_a_link' };

/**
 * What a scanned or pasted text is: a verify link of this registry (`https://<domain>/V/<token>`
 * in either case), a bare token, a link to another site (a QR code that leads elsewhere is how
 * quishing works: the page names that site instead of following it), or neither.
 */
export function readVerifyLink(text: string, domain: string): LinkReading {
  const trimmed = text.trim();
  if (/^[A-Za-z2-7]{100,512}$/.test(trimmed))
    return { kind: 'token', token: trimmed.toUpperCase() };

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { kind: 'not_a_link' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'not_a_link' };
  if (url.host.toLowerCase() !== domain.toLowerCase()) return { kind: 'foreign', host: url.host };

  const match = /^\/v\/([A-Za-z2-7]+)\/?$/i.exec(url.pathname);
  return match?.[1] ? { kind: 'token', token: match[1].toUpperCase() } : { kind: 'not_a_link' };
}
