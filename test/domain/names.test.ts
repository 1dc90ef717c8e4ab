import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { initials, normalizeName } from '../../src/domain/names.js';

describe('normalizeName', () => {
  it.each([
    ['Әбілқасымова', 'Әбілқасымова'],
    ['Ғалия', 'Ғалия'],
    ['Іңкәр', 'Іңкәр'],
    ['Өмірзақ', 'Өмірзақ'],
    ['Ұлықпан', 'Ұлықпан'],
    ['Үмітхан', 'Үмітхан'],
    ['Һадиша', 'Һадиша'],
    ['ҚАЙРАТҰЛЫ', 'ҚАЙРАТҰЛЫ'],
    ['Серікқызы', 'Серікқызы'],
    ['Ёлкин', 'Ёлкин'],
    ["O'Connor", "O'Connor"],
    ['Anna-Maria', 'Anna-Maria'],
    ['Ǵalıja', 'Ǵalıja'],
    ['Nurlan Qaırat\u02BCuly', 'Nurlan Qaırat\u02BCuly'],
    ['д\u2019Артаньян', 'д\u2019Артаньян'],
    ['Ли', 'Ли'],
    ['Я', 'Я'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeName(input, 'child.firstName')).toBe(expected);
  });

  it('trims and collapses runs of spaces, no-break spaces included', () => {
    expect(normalizeName('  Анна   Мария\u00A0 ', 'child.firstName')).toBe('Анна Мария');
  });

  it('composes letters typed with a combining mark (NFC)', () => {
    const decomposed = 'Сергеи\u0306';

    expect(normalizeName(decomposed, 'child.firstName')).toBe('Сергей');
  });

  it('accepts exactly 100 letters', () => {
    expect(normalizeName('ә'.repeat(100), 'guardian.lastName')).toHaveLength(100);
  });

  it.each([
    ['a digit', 'Иван2', 'found a digit'],
    ['an Arabic-Indic digit', 'Айгүл٣', 'found a digit'],
    ['a line break', 'Иван\nов', 'control'],
    ['a tab', 'Иван\tов', 'control'],
    ['a NUL', 'Ив\u0000ан', 'control'],
    ['a zero-width space', 'Ива\u200Bн', 'invisible'],
    ['a right-to-left override', '\u202EИван', 'invisible'],
    ['an empty value', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['101 letters', 'ә'.repeat(101), 'found 101 characters'],
    ['an exclamation mark', 'Иван!', 'not a letter'],
    ['a full stop', 'Иван.', 'not a letter'],
    ['an emoji', 'Иван🙂', 'not a letter'],
    ['no letter at all', "-'-", 'no letter'],
    ['a leading hyphen', '-Иванов', 'at the start or end'],
    ['a trailing apostrophe', "Иванов'", 'at the start or end'],
    ['two hyphens in a row', 'Анна--Мария', 'two hyphens, apostrophes or spaces in a row'],
    ['a hyphen between spaces', 'Анна - Мария', 'two hyphens, apostrophes or spaces in a row'],
    ['a Greek letter', 'Αλέξανδρος', 'outside Cyrillic and Latin'],
    ['a Chinese character', '李', 'outside Cyrillic and Latin'],
  ])('refuses %s', (_case, input, found) => {
    const error = catchError(() => normalizeName(input, 'guardian.middleName'));

    expect(error.code).toBe('validation_failed');
    expect(error.field).toBe('guardian.middleName');
    expect(error.message).toMatch(/^guardian\.middleName: expected 1 to 100 /);
    expect(error.message).toContain(found);
    if (input.trim().length > 0) expect(error.message).not.toContain(input.trim());
  });
});

describe('initials', () => {
  it.each([
    [
      { lastName: 'Әбілқасымова', firstName: 'Гүлнар', middleName: 'Серікқызы' },
      'Әбілқасымова Г. С.',
    ],
    [{ lastName: 'Сейітов', firstName: 'Өмірзақ' }, 'Сейітов Ө.'],
    [{ lastName: 'Ахметова', firstName: 'әсем', middleName: 'ғалымқызы' }, 'Ахметова Ә. Ғ.'],
    [{ lastName: 'Бекова', firstName: 'Іңкәр', middleName: 'Ұланқызы' }, 'Бекова І. Ұ.'],
    [{ lastName: 'Иванова', firstName: 'Анна-Мария', middleName: 'Петровна' }, 'Иванова А.-М. П.'],
    [{ lastName: 'Smith', firstName: 'John' }, 'Smith J.'],
    [{ lastName: "O'Neil", firstName: "'Aisha" }, "O'Neil A."],
    [{ lastName: 'Ким', firstName: 'Ён Су', middleName: '' }, 'Ким Ё. С.'],
    [{ lastName: '  Нұрланов  ', firstName: 'Қайрат', middleName: '   ' }, 'Нұрланов Қ.'],
  ])('shows %j as %s', (person, expected) => {
    expect(initials(person)).toBe(expected);
  });
});

function catchError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('normalizeName refuses lookalike mixtures', () => {
  it.each([
    ['Latin C, e, i, a inside a Kazakh surname', 'Ceйiтқaли'],
    ['Latin i for Kazakh і', 'Сейiтқали'],
    ['a Cyrillic а inside a Latin name', 'Smаgulov'],
  ])('refuses %s', (_what, name) => {
    expect(() => normalizeName(name, 'guardian.lastName')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        field: 'guardian.lastName',
        message: expect.stringContaining('Cyrillic and Latin letters mixed in one name'),
      }),
    );
  });

  it('keeps a wholly Latin name and a wholly Cyrillic one', () => {
    expect(normalizeName('Smagulov', 'f')).toBe('Smagulov');
    expect(normalizeName('Сейітқали', 'f')).toBe('Сейітқали');
  });
});
