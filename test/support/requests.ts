import { makeIin } from './iin.js';

/**
 * A valid guardianship request on 2026-12-03 (Almaty): a child of eight, a guardian of forty,
 * with Kazakh names. Override any part for a case.
 */
export function guardianshipRequest(overrides: Record<string, unknown> = {}) {
  return {
    type: 'guardianship',
    guardian: {
      iin: makeIin('1986-05-17', 'female', 231),
      lastName: 'Әбілқасымова',
      firstName: 'Гүлнұр',
      middleName: 'Серікқызы',
    },
    child: {
      iin: makeIin('2018-03-09', 'male', 77),
      lastName: 'Нұрланұлы',
      firstName: 'Әлихан',
      birthDate: '2018-03-09',
    },
    decision: { number: '1-15/2345', date: '2026-11-20' },
    ...overrides,
  };
}

/** A valid trusteeship request on 2026-12-03: a girl of fifteen, Russian names. */
export function trusteeshipRequest(overrides: Record<string, unknown> = {}) {
  return {
    type: 'trusteeship',
    guardian: {
      iin: makeIin('1979-02-14', 'male', 2250),
      lastName: 'Иванов',
      firstName: 'Сергей',
      middleName: 'Петрович',
    },
    child: {
      iin: makeIin('2011-06-30', 'female', 1302),
      lastName: 'Иванова',
      firstName: 'Дарья',
      middleName: 'Алексеевна',
      birthDate: '2011-06-30',
    },
    decision: { number: '05-09/781', date: '2026-10-01' },
    ...overrides,
  };
}
