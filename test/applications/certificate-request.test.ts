import { describe, expect, it } from 'vitest';
import { certificateRequest, issuanceKey } from '../../src/applications/certificate-request.js';
import type { Grounds } from '../../src/applications/decide.js';
import { makeIin } from '../support/iin.js';

const child = {
  iin: makeIin('2018-03-09', 'male', 77),
  lastName: 'Нұрланұлы',
  firstName: 'Әлихан',
  birthDate: '2018-03-09',
  sex: 'male' as const,
  alive: true,
};
const applicant = {
  iin: makeIin('1985-04-12', 'female', 3021),
  lastName: 'Әбілқасымова',
  firstName: 'Гүлнұр',
  middleName: 'Серікқызы',
  birthDate: '1985-04-12',
  sex: 'female' as const,
  alive: true,
  phone: '+77011234567',
};

function grounds(end?: string): Grounds {
  return {
    applicant,
    child,
    decision: {
      providerId: 'prv_astana',
      number: '№ 1-15/2345',
      date: '2026-11-19',
      guardianIin: applicant.iin,
      childIin: child.iin,
      kind: 'guardianship',
      start: '2026-11-19',
      ...(end ? { end } : {}),
    },
  };
}

describe('the certificate request of an application', () => {
  it('takes names from identity records and number and date from the decision', () => {
    expect(certificateRequest('guardianship', grounds())).toEqual({
      type: 'guardianship',
      guardian: {
        iin: applicant.iin,
        lastName: 'Әбілқасымова',
        firstName: 'Гүлнұр',
        middleName: 'Серікқызы',
      },
      child: {
        iin: child.iin,
        lastName: 'Нұрланұлы',
        firstName: 'Әлихан',
        birthDate: '2018-03-09',
      },
      decision: { number: '№ 1-15/2345', date: '2026-11-19' },
    });
  });

  it('ends with a decision that ends before the 14th birthday', () => {
    expect(certificateRequest('guardianship', grounds('2027-06-30')).validUntil).toBe('2027-06-30');
  });

  it('leaves the default when the decision ends on or after it', () => {
    expect(certificateRequest('guardianship', grounds('2032-03-08')).validUntil).toBeUndefined();
    expect(certificateRequest('guardianship', grounds('2040-01-01')).validUntil).toBeUndefined();
  });

  it('keys issuance by the application, so each yields one certificate', () => {
    expect(issuanceKey('app_x')).toBe('application:app_x');
  });
});
