import { describe, expect, it } from 'vitest';
import {
  certificateIssuedEntry,
  certificateReinstatedEntry,
  certificateRevokedEntry,
  certificateSuspendedEntry,
  decodeLogEntry,
  encodeLogEntry,
  keyCompromisedEntry,
  keyRegisteredEntry,
  keyRetiredEntry,
} from '../../src/translog/log-entry.js';

const AT = new Date('2026-12-03T07:00:00Z');
const ISSUED = certificateIssuedEntry({
  at: AT,
  providerId: 'prv_astana',
  certificateId: 'crt_7a4vluugyykuwimkzjfwnhcyg4',
  recordDigest: 'ab'.repeat(32),
  kid: '58BdyddcyTOLdKZS2L7WFEl-W3V7BmSmkafXcMB3t64',
});
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('log entries', () => {
  it('are RFC 8785 JSON: members sorted, no spaces', () => {
    expect(new TextDecoder().decode(encodeLogEntry(ISSUED))).toBe(
      '{"at":"2026-12-03T07:00:00.000Z","certificateId":"crt_7a4vluugyykuwimkzjfwnhcyg4",' +
        '"kid":"58BdyddcyTOLdKZS2L7WFEl-W3V7BmSmkafXcMB3t64","kind":"certificate.issued",' +
        `"providerId":"prv_astana","recordDigest":"${'ab'.repeat(32)}","v":1}`,
    );
  });

  it.each([
    ['an issuance', ISSUED],
    [
      'a revocation',
      certificateRevokedEntry({
        at: AT,
        providerId: 'prv_astana',
        certificateId: 'crt_7a4vluugyykuwimkzjfwnhcyg4',
        reason: 'court_decision',
      }),
    ],
    [
      'a key',
      keyRegisteredEntry({
        at: AT,
        providerId: 'prv_almaty_medeu',
        kid: 'kid-1',
        publicKey: 'e8fR4kpkOhhf9hrg8OxW8hydb-yklv9ctm7i3uHqObw',
      }),
    ],
    [
      'a suspension',
      certificateSuspendedEntry({
        at: AT,
        providerId: 'prv_astana',
        certificateId: 'crt_7a4vluugyykuwimkzjfwnhcyg4',
        reason: 'court_proceedings',
      }),
    ],
    [
      'a reinstatement',
      certificateReinstatedEntry({
        at: AT,
        providerId: 'prv_astana',
        certificateId: 'crt_7a4vluugyykuwimkzjfwnhcyg4',
      }),
    ],
    ['a key retired', keyRetiredEntry({ at: AT, providerId: 'prv_astana', kid: 'kid-1' })],
    [
      'a key compromised',
      keyCompromisedEntry({
        at: AT,
        providerId: 'prv_astana',
        kid: 'kid-1',
        since: new Date('2026-12-01T00:00:00Z'),
      }),
    ],
  ])('read back exactly: %s', (_name, entry) => {
    expect(decodeLogEntry(encodeLogEntry(entry))).toEqual(entry);
  });

  it.each([
    ['JSON with spaces', JSON.stringify(ISSUED, null, 1)],
    ['members out of order', JSON.stringify(ISSUED)],
    ['an unknown kind', '{"at":"2026-12-03T07:00:00.000Z","kind":"key.stolen","v":1}'],
    ['a member more', new TextDecoder().decode(encodeLogEntry({ ...ISSUED, name: 'x' } as never))],
    ['a member less', '{"at":"2026-12-03T07:00:00.000Z","kind":"certificate.issued","v":1}'],
    ['another version', new TextDecoder().decode(encodeLogEntry({ ...ISSUED, v: 2 } as never))],
    ['not JSON', 'certificate.issued crt_x'],
    ['JSON null', 'null'],
    [
      'a compromise without its instant',
      '{"at":"2026-12-03T07:00:00.000Z","kid":"k","kind":"key.compromised","providerId":"p","v":1}',
    ],
  ])('refuse %s', (_name, text) => {
    expect(decodeLogEntry(utf8(text))).toBeNull();
  });

  it('refuse bytes that are not UTF-8', () => {
    expect(decodeLogEntry(Uint8Array.of(0x7b, 0xff, 0x7d))).toBeNull();
  });
});
