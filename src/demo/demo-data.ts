import { addDays, addYears } from '../domain/calendar.js';
import type { Day } from '../domain/certificate.js';
import type { CertificateRequestInput } from '../domain/validity.js';
import { demoIin } from './demo-iin.js';

/** The two demo providers: a city akimat and a district akimat of Almaty. */
export const DEMO_PROVIDERS = [
  {
    id: 'prv_astana',
    code: 'AST',
    nameKk: 'Астана қаласының әкімдігі',
    nameRu: 'Акимат города Астаны',
    nameEn: 'Akimat of Astana city',
  },
  {
    id: 'prv_almaty_medeu',
    code: 'ALM',
    nameKk: 'Алматы қаласы Медеу ауданының әкімдігі',
    nameRu: 'Акимат Медеуского района города Алматы',
    nameEn: 'Akimat of Medeu district, Almaty',
  },
] as const;

/** Demo officers and their bearer tokens (DESIGN.md). These exist only outside production. */
export const DEMO_OFFICERS = [
  {
    id: 'off_astana_1',
    providerId: 'prv_astana',
    fullName: 'Сәрсенбаева Айгүл Маратқызы',
    token: 'demo-officer-astana',
    roles: ['issuer', 'revoker', 'reviewer', 'admin'],
  },
  {
    id: 'off_almaty_1',
    providerId: 'prv_almaty_medeu',
    fullName: 'Ким Виктор Александрович',
    token: 'demo-officer-almaty',
    roles: ['issuer', 'revoker', 'reviewer', 'admin'],
  },
] as const;

export interface DemoCertificate {
  providerId: string;
  request: CertificateRequestInput;
  revoke?: { reason: string; comment: string };
}

/** A few certificates, with birth dates counted back from `today` so the demo never ages out. */
export function demoCertificates(today: Day): DemoCertificate[] {
  const childA = addDays(addYears(today, -8), -41);
  const childB = addDays(addYears(today, -15), -120);
  const childC = addDays(addYears(today, -6), -200);
  const decided = addDays(today, -14);

  return [
    {
      providerId: 'prv_astana',
      request: {
        type: 'guardianship',
        guardian: {
          iin: demoIin('1985-04-12', 'female', 3021),
          lastName: 'Әбілқасымова',
          firstName: 'Гүлнұр',
          middleName: 'Серікқызы',
        },
        child: {
          iin: demoIin(childA, 'male', 1147),
          lastName: 'Нұрланұлы',
          firstName: 'Әлихан',
          birthDate: childA,
        },
        decision: { number: '№ 1-15/2345', date: decided },
      },
    },
    {
      providerId: 'prv_almaty_medeu',
      request: {
        type: 'trusteeship',
        guardian: {
          iin: demoIin('1979-02-14', 'male', 2250),
          lastName: 'Иванов',
          firstName: 'Сергей',
          middleName: 'Петрович',
        },
        child: {
          iin: demoIin(childB, 'female', 1302),
          lastName: 'Иванова',
          firstName: 'Дарья',
          middleName: 'Алексеевна',
          birthDate: childB,
        },
        decision: { number: '05-09/781', date: decided },
      },
    },
    {
      providerId: 'prv_astana',
      request: {
        type: 'guardianship',
        guardian: {
          iin: demoIin('1990-11-05', 'male', 4410),
          lastName: 'Жұмабаев',
          firstName: 'Ерлан',
          middleName: 'Қайратұлы',
        },
        child: {
          iin: demoIin(childC, 'female', 1888),
          lastName: 'Жұмабаева',
          firstName: 'Әйгерім',
          middleName: 'Ерланқызы',
          birthDate: childC,
        },
        decision: { number: '№ 1-15/1990', date: addDays(today, -60) },
      },
      revoke: { reason: 'guardianship_terminated', comment: 'Демо: қорғаншылық тоқтатылды' },
    },
  ];
}
