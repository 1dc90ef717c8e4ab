import { describe, expect, it } from 'vitest';
import { formatDay, formatInstant, fullName } from '../../src/documents/format.js';

describe('formatDay', () => {
  it('writes a day as DD.MM.YYYY', () => {
    expect(formatDay('2013-06-14')).toBe('14.06.2013');
  });

  it('shows a value of another shape as stored', () => {
    expect(formatDay('14/06/2013')).toBe('14/06/2013');
  });
});

describe('formatInstant', () => {
  it('shows the time in Kazakhstan (UTC+5 since March 2024)', () => {
    expect(formatInstant('2024-03-15T05:42:10Z')).toBe('15.03.2024 10:42');
  });

  it('moves to the next day when Kazakhstan is already past midnight', () => {
    expect(formatInstant('2025-12-31T20:30:00Z')).toBe('01.01.2026 01:30');
  });
});

describe('fullName', () => {
  it('joins surname, given name and patronymic', () => {
    const person = {
      iin: '',
      lastName: 'Әбілқасымова',
      firstName: 'Гүлнұр',
      middleName: 'Серікқызы',
    };
    expect(fullName(person)).toBe('Әбілқасымова Гүлнұр Серікқызы');
  });

  it('leaves out a missing or blank patronymic', () => {
    expect(fullName({ iin: '', lastName: 'Нұрланұлы', firstName: 'Әлихан' })).toBe(
      'Нұрланұлы Әлихан',
    );
    expect(fullName({ iin: '', lastName: 'Ким', firstName: 'Анна', middleName: ' ' })).toBe(
      'Ким Анна',
    );
  });
});
