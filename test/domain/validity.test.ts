import { describe, expect, it } from 'vitest';
import type { CertificateType, Day } from '../../src/domain/certificate.js';
import type { AppError, ErrorCode } from '../../src/domain/errors.js';
import {
  assertCertificateRequest,
  type CertificateRequestInput,
  checkCertificateRequest,
  latestValidUntil,
} from '../../src/domain/validity.js';
import { breakCheckDigit, makeIin, withCheckDigit } from '../support/iin.js';

const TODAY = '2026-05-20';
const GUARDIAN_BIRTH = '1985-01-15';
const CHILD_BIRTH = '2016-03-10';

interface Options {
  type?: string;
  today?: Day;
  childBirth?: Day;
  guardianBirth?: Day;
  decisionDate?: Day;
  validUntil?: Day;
  edit?: (input: CertificateRequestInput) => void;
}

/** A request that passes every rule unless an option or `edit` breaks one. */
function build(options: Options = {}): CertificateRequestInput {
  const childBirth = options.childBirth ?? CHILD_BIRTH;
  const input: CertificateRequestInput = {
    type: options.type ?? 'guardianship',
    guardian: {
      iin: makeIin(options.guardianBirth ?? GUARDIAN_BIRTH, 'female', 17),
      lastName: 'Әбілқасымова',
      firstName: 'Гүлнар',
      middleName: 'Серікқызы',
    },
    child: {
      iin: makeIin(childBirth, 'male', 42),
      lastName: 'Әбілқасымов',
      firstName: 'Нұрсұлтан',
      birthDate: childBirth,
    },
    decision: { number: '№ 123-р', date: options.decisionDate ?? childBirth },
  };
  if (options.validUntil !== undefined) input.validUntil = options.validUntil;
  options.edit?.(input);
  return input;
}

function check(options: Options = {}) {
  return checkCertificateRequest(build(options), options.today ?? TODAY);
}

function failure(options: Options): AppError {
  const result = check(options);
  if (result.ok) throw new Error('expected the request to be refused');
  return result.error;
}

function expectRefused(options: Options, code: ErrorCode, field: string): AppError {
  const error = failure(options);

  expect({ code: error.code, field: error.field }).toEqual({ code, field });
  expect(error.message.startsWith(`${field}: `)).toBe(true);
  return error;
}

describe('a valid request', () => {
  it('is valid from the issue day to the day before the 14th birthday for guardianship', () => {
    const result = check();

    expect(result).toMatchObject({ ok: true, validFrom: TODAY, validUntil: '2030-03-09' });
  });

  it('is valid from the issue day to the day before the 18th birthday for trusteeship', () => {
    const result = check({ type: 'trusteeship', childBirth: '2010-07-01' });

    expect(result).toMatchObject({ ok: true, validFrom: TODAY, validUntil: '2028-06-30' });
  });

  it('comes back normalized, with the validity end filled in', () => {
    const input = build({
      edit: (request) => {
        request.guardian.lastName = '  Әбілқасымова ';
        request.guardian.firstName = 'Гүлнар   Айым';
        request.child.middleName = '   ';
        request.decision.number = ' № 123-р ';
      },
    });

    const { request } = assertCertificateRequest(input, TODAY);

    expect(request.guardian).toEqual({
      iin: input.guardian.iin,
      lastName: 'Әбілқасымова',
      firstName: 'Гүлнар Айым',
      middleName: 'Серікқызы',
    });
    expect(request.child).not.toHaveProperty('middleName');
    expect(request.decision.number).toBe('№ 123-р');
    expect(request.validUntil).toBe('2030-03-09');
  });

  it('accepts a child born on the issue day and a decision taken that day', () => {
    expect(check({ childBirth: TODAY, decisionDate: TODAY }).ok).toBe(true);
  });
});

describe('the child’s age decides the type', () => {
  // Outcome 'ok', or the field of the age_does_not_fit_type refusal. Born 2012-03-10: 14 on
  // 2026-03-10. Born 2008-03-10: 18 on 2026-03-10. Born 2012-02-29: 14 on 2026-02-28.
  const cases: [Day, Day, CertificateType, 'ok' | 'type' | 'child.birthDate'][] = [
    ['2012-03-10', '2026-03-09', 'guardianship', 'ok'],
    ['2012-03-10', '2026-03-09', 'trusteeship', 'type'],
    ['2012-03-10', '2026-03-10', 'guardianship', 'type'],
    ['2012-03-10', '2026-03-10', 'trusteeship', 'ok'],
    ['2012-03-10', '2026-03-11', 'guardianship', 'type'],
    ['2012-03-10', '2026-03-11', 'trusteeship', 'ok'],
    ['2008-03-10', '2026-03-09', 'guardianship', 'type'],
    ['2008-03-10', '2026-03-09', 'trusteeship', 'ok'],
    ['2008-03-10', '2026-03-10', 'guardianship', 'child.birthDate'],
    ['2008-03-10', '2026-03-10', 'trusteeship', 'child.birthDate'],
    ['2008-03-10', '2026-03-11', 'guardianship', 'child.birthDate'],
    ['2008-03-10', '2026-03-11', 'trusteeship', 'child.birthDate'],
    ['2012-02-29', '2026-02-27', 'guardianship', 'ok'],
    ['2012-02-29', '2026-02-27', 'trusteeship', 'type'],
    ['2012-02-29', '2026-02-28', 'guardianship', 'type'],
    ['2012-02-29', '2026-02-28', 'trusteeship', 'ok'],
  ];

  it.each(cases)('born %s, issued %s: %s gives %s', (birth, today, type, outcome) => {
    const options = { type, childBirth: birth, today, decisionDate: today };

    if (outcome === 'ok') expect(check(options).ok).toBe(true);
    else expectRefused(options, 'age_does_not_fit_type', outcome);
  });

  it('names the type that fits in the message', () => {
    const error = failure({ type: 'trusteeship' });

    expect(error.message).toBe(
      'type: trusteeship is for a child aged 14 to 17 on the issue day; ' +
        "the child's age calls for guardianship",
    );
  });

  it('gives a one-day certificate on the last day of guardianship', () => {
    const result = check({
      childBirth: '2012-03-10',
      today: '2026-03-09',
      decisionDate: '2026-03-01',
    });

    expect(result).toMatchObject({ ok: true, validFrom: '2026-03-09', validUntil: '2026-03-09' });
  });
});

describe('validUntil', () => {
  // Guardianship of a child born 2016-03-10, issued 2026-05-20: allowed 2026-05-20 … 2030-03-09.
  it.each([
    ['the issue day', '2026-05-20'],
    ['the day after the issue day', '2026-05-21'],
    ['the day before the 14th birthday', '2030-03-09'],
  ])('accepts %s', (_case, validUntil) => {
    expect(check({ validUntil })).toMatchObject({ ok: true, validFrom: TODAY, validUntil });
  });

  it.each([
    ['the day before the issue day', '2026-05-19', 'not before the issue day'],
    ['the 14th birthday', '2030-03-10', "before the child's 14th birthday"],
    ['a year later', '2031-03-09', "before the child's 14th birthday"],
  ])('refuses %s', (_case, validUntil, expected) => {
    const error = expectRefused({ validUntil }, 'valid_until_out_of_range', 'validUntil');

    expect(error.message).toContain(expected);
  });

  it('stops trusteeship before the 18th birthday', () => {
    const options = { type: 'trusteeship', childBirth: '2010-07-01' };

    expect(check({ ...options, validUntil: '2028-06-30' }).ok).toBe(true);
    expectRefused(
      { ...options, validUntil: '2028-07-01' },
      'valid_until_out_of_range',
      'validUntil',
    );
  });

  it.each([
    ['guardianship', '2016-03-10', '2030-03-09'],
    ['trusteeship', '2010-07-01', '2028-06-30'],
    ['guardianship', '2012-02-29', '2026-02-27'],
    ['trusteeship', '2008-02-29', '2026-02-27'],
    ['guardianship', '2016-01-01', '2029-12-31'],
  ] as const)('latest for %s of a child born %s is %s', (type, birthDate, latest) => {
    expect(latestValidUntil(type, birthDate)).toBe(latest);
  });
});

describe('the guardian', () => {
  it('may be 18 today', () => {
    const options = { guardianBirth: '2008-06-15', childBirth: '2020-01-01', today: '2026-06-15' };

    expect(check(options).ok).toBe(true);
  });

  it('may not be 17', () => {
    const options = { guardianBirth: '2008-06-15', childBirth: '2020-01-01', today: '2026-06-14' };

    expectRefused(options, 'guardian_not_adult', 'guardian.iin');
  });

  it('may be 100 on the day of the decision', () => {
    const options = {
      guardianBirth: '1920-03-10',
      childBirth: '2020-01-01',
      decisionDate: '2020-03-10',
    };

    expect(check(options).ok).toBe(true);
  });

  it('may not be 100 and a day on the day of the decision', () => {
    const options = {
      guardianBirth: '1920-03-10',
      childBirth: '2020-01-01',
      decisionDate: '2021-03-10',
    };

    const error = expectRefused(options, 'guardian_age_implausible', 'guardian.iin');
    expect(error.message).toBe(
      'guardian.iin: expected a guardian aged 100 or under on the decision date; the IIN gives an older person',
    );
  });

  it('is judged on the decision date, not on the issue day', () => {
    // 100 when the akimat decided, 106 when the certificate is issued: the decision stands.
    const options = {
      guardianBirth: '1920-03-10',
      childBirth: '2020-01-01',
      decisionDate: '2020-06-01',
    };

    expect(check({ ...options, today: '2026-05-20' }).ok).toBe(true);
  });

  it('may not be born in 1850 (a century digit mistyped)', () => {
    expectRefused({ guardianBirth: '1850-01-01' }, 'guardian_age_implausible', 'guardian.iin');
  });

  it('may not be the child', () => {
    const edit = (input: CertificateRequestInput) => set('child.iin', input.guardian.iin)(input);

    expectRefused({ edit }, 'same_person', 'child.iin');
  });
});

describe('the child', () => {
  it('must have the birth date its IIN encodes', () => {
    const edit = set('child.iin', makeIin('2016-03-11', 'male'));

    const error = expectRefused({ edit }, 'iin_birth_date_mismatch', 'child.birthDate');
    expect(error.message).toContain('child.iin');
  });

  it('must be born by the issue day', () => {
    expectRefused({ childBirth: '2026-05-21' }, 'date_out_of_range', 'child.birthDate');
  });
});

describe('the decision', () => {
  it.each([
    ['the issue day', TODAY],
    ['the birth date', CHILD_BIRTH],
  ])('may be dated %s', (_case, decisionDate) => {
    expect(check({ decisionDate }).ok).toBe(true);
  });

  it.each([
    ['after the issue day', '2026-05-21', 'not after the issue day'],
    ['before the birth date', '2016-03-09', "not before the child's birth date"],
  ])('may not be dated %s', (_case, decisionDate, expected) => {
    const error = expectRefused({ decisionDate }, 'date_out_of_range', 'decision.date');

    expect(error.message).toContain(expected);
  });

  it.each([
    ['one character', '1'],
    ['50 characters', `№ ${'7'.repeat(48)}`],
    ['slashes and letters', '№ 12/345-р от 01.05.2026'],
  ])('number may be %s', (_case, number) => {
    expect(check({ edit: set('decision.number', number) }).ok).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['51 characters', 'N'.repeat(51)],
    ['a line break', '12\n34'],
    ['a NUL', '12\u000034'],
    ['a zero-width space', '12\u200B34'],
  ])('number may not be %s', (_case, number) => {
    expectRefused({ edit: set('decision.number', number) }, 'validation_failed', 'decision.number');
  });
});

describe('the form of each field', () => {
  it.each([
    ['type', 'custody', 'validation_failed', 'guardianship or trusteeship'],
    ['guardian.iin', '123', 'invalid_iin', 'exactly 12 digits'],
    [
      'guardian.iin',
      breakCheckDigit(makeIin(GUARDIAN_BIRTH, 'female')),
      'invalid_iin',
      'check digit',
    ],
    ['child.iin', breakCheckDigit(makeIin(CHILD_BIRTH, 'male')), 'invalid_iin', 'check digit'],
    ['child.iin', withCheckDigit('1603100'), 'invalid_iin', '7th digit'],
    ['child.iin', withCheckDigit('1602305'), 'invalid_iin', 'real birth date'],
    ['child.birthDate', '2016-02-30', 'validation_failed', 'YYYY-MM-DD'],
    ['decision.date', '01.05.2026', 'validation_failed', 'YYYY-MM-DD'],
    ['validUntil', '2030-3-9', 'validation_failed', 'YYYY-MM-DD'],
    ['guardian.lastName', 'Әбілқасымова2', 'validation_failed', 'digit'],
    ['guardian.firstName', ' ', 'validation_failed', 'empty'],
    ['guardian.middleName', 'Серік@', 'validation_failed', 'not a letter'],
    ['child.lastName', 'Ә\u0007', 'validation_failed', 'control'],
    ['child.firstName', 'ә'.repeat(101), 'validation_failed', '101 characters'],
    ['child.middleName', '3', 'validation_failed', 'digit'],
  ] satisfies [string, string, ErrorCode, string][])(
    'refuses %s = %j',
    (field, value, code, expected) => {
      const error = expectRefused({ edit: set(field, value) }, code, field);

      expect(error.message).toContain(expected);
    },
  );
});

describe('messages', () => {
  it.each([
    ['a type the age does not fit', { type: 'trusteeship' }],
    ['a late validUntil', { validUntil: '2031-03-09' }],
    ['a child born later', { childBirth: '2026-05-21' }],
    ['an early decision', { decisionDate: '2016-03-09' }],
    ['a minor guardian', { guardianBirth: '2010-06-15' }],
    ['the same IIN twice', { edit: (input) => set('child.iin', input.guardian.iin)(input) }],
    ['another child IIN', { edit: set('child.iin', makeIin('2016-03-11', 'male')) }],
    [
      'a wrong check digit',
      { edit: set('guardian.iin', breakCheckDigit(makeIin(GUARDIAN_BIRTH))) },
    ],
    ['a surname with a digit', { edit: set('guardian.lastName', 'Әбілқасымова2') }],
    ['a malformed birth date', { edit: set('child.birthDate', '2016-02-30') }],
  ] satisfies [string, Options][])(
    'never repeat an IIN, a birth date or a name: %s',
    (_case, options) => {
      const input = build(options);
      const { message } = failure(options);

      expect(message).not.toMatch(/\d{6}/);
      expect(message).not.toContain(input.child.birthDate);
      expect(message).not.toContain(GUARDIAN_BIRTH);
      expect(message).not.toContain('Әбілқасым');
      expect(message).not.toContain(input.child.firstName);
    },
  );
});

/** An edit that sets one field of the request by its path, e.g. `guardian.lastName`. */
function set(path: string, value: string) {
  return (input: CertificateRequestInput) => {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let target = input as unknown as Record<string, unknown>;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    target[last] = value;
  };
}

describe('the two entry points', () => {
  it('assertCertificateRequest throws the AppError that checkCertificateRequest returns', () => {
    const input = build({ type: 'trusteeship' });

    expect(() => assertCertificateRequest(input, TODAY)).toThrow(
      expect.objectContaining({ code: 'age_does_not_fit_type', field: 'type' }),
    );
  });

  it('refuses an issue day that is not a real day, as a programming error', () => {
    expect(() => checkCertificateRequest(build(), '2026-02-30')).toThrow(RangeError);
  });
});
