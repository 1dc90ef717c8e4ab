import { describe, expect, it } from 'vitest';
import { parseVerifierOrganization } from '../../src/services/verification-log.js';

/** What Node's HTTP parser hands over for a raw header: each byte as one Latin-1 character. */
const onTheWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('parseVerifierOrganization', () => {
  it('decodes a raw UTF-8 name, a percent-encoded one and plain ASCII', () => {
    expect(parseVerifierOrganization(onTheWire('АО Банк'))).toEqual({ ok: true, name: 'АО Банк' });
    expect(parseVerifierOrganization(onTheWire('«Қазпошта» АҚ'))).toEqual({
      ok: true,
      name: '«Қазпошта» АҚ',
    });
    expect(parseVerifierOrganization(encodeURIComponent('Школа № 12'))).toEqual({
      ok: true,
      name: 'Школа № 12',
    });
    expect(parseVerifierOrganization('  School 12 ')).toEqual({ ok: true, name: 'School 12' });
  });

  it('takes a percent sign literally in a value without escapes, not beside them', () => {
    expect(parseVerifierOrganization('100% Bank')).toEqual({ ok: true, name: '100% Bank' });
    expect(parseVerifierOrganization('%D0%90 100%')).toEqual({
      ok: false,
      detail: 'is not valid percent-encoded UTF-8',
    });
  });

  it('is null when absent or blank', () => {
    expect(parseVerifierOrganization(undefined)).toEqual({ ok: true, name: null });
    expect(parseVerifierOrganization('   ')).toEqual({ ok: true, name: null });
  });

  it('refuses bytes not UTF-8, broken percent-encoding, control and invisible characters, length', () => {
    const cases: [string, string][] = [
      ['\u00c9cole', 'is not valid UTF-8'], // a lone Latin-1 byte 0xC9
      ['%D0%', 'is not valid percent-encoded UTF-8'],
      ['%FF%FE', 'is not valid percent-encoded UTF-8'],
      ['Bank%00', 'must not contain control characters'],
      ['Bank\u0007', 'must not contain control characters'],
      ['Halyk%E2%80%AE', 'must not contain invisible or direction-changing characters'],
      [onTheWire('Halyk\u202eknaB'), 'must not contain invisible or direction-changing characters'],
      [onTheWire('Банк\u200b'), 'must not contain invisible or direction-changing characters'],
      ['Bank\u2066', 'must not contain invisible or direction-changing characters'],
      ['Б'.repeat(101), 'expected at most 100 characters'],
      [onTheWire('Б'.repeat(101)), 'expected at most 100 characters'],
    ];
    for (const [header, detail] of cases) {
      expect(parseVerifierOrganization(header), header).toEqual({ ok: false, detail });
    }
    expect(parseVerifierOrganization('Б'.repeat(100))).toEqual({ ok: true, name: 'Б'.repeat(100) });
  });
});
