import { describe, expect, it } from 'vitest';
import { childIin, guardianIin, iinCheckDigit, makeIin } from './fixture.js';

describe('IIN fixture', () => {
  it('gives 12-digit numbers whose check digit verifies', () => {
    for (const iin of [guardianIin, childIin]) {
      expect(iin).toMatch(/^\d{12}$/);
      expect(iinCheckDigit(iin.slice(0, 11))).toBe(Number(iin[11]));
    }
  });

  it('encodes the birth date and the century-and-sex digit', () => {
    expect(guardianIin.slice(0, 7)).toBe('8503124');
    expect(childIin.slice(0, 7)).toBe('1306145');
  });

  it('uses the second weights when the first pass gives 10', () => {
    // First pass: 1 × 10 (tenth digit) = 10; second pass: 1 × 1 = 1.
    expect(iinCheckDigit('00000000010')).toBe(1);
  });

  it('has no check digit when both passes give 10', () => {
    expect(iinCheckDigit('90010130080')).toBeUndefined();
    expect(makeIin('1990-01-01', 3, 80)).not.toMatch(/^90010130080/);
  });
});
