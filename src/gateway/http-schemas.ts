/**
 * The JSON a real gateway answers with, checked before anything trusts it. An answer that does not
 * fit is a fault of the source, reported as unavailable; it must never read as "not found", or a
 * broken upstream would turn into refusals.
 *
 * Optional members may be absent or `null`; both come out absent.
 */

import { z } from 'zod';

import { isValidDay } from '../domain/calendar.js';
import type { BirthRecord, GuardianshipDecision, PersonRecord } from './gateway.js';

const iin = z.string().regex(/^\d{12}$/, 'expected 12 digits');
const day = z.string().refine(isValidDay, 'expected a real day as YYYY-MM-DD');
const name = z.string().trim().min(1).max(200);

/**
 * Phones as registries tend to store them (`8 701 123-45-67`, `+7 (701) 1234567`) brought to
 * E.164; a number that is still not `+7` and ten digits after that is malformed.
 */
const phone = z
  .string()
  .transform((text) => text.replace(/[\s()-]/g, '').replace(/^8(?=\d{10}$)/, '+7'))
  .pipe(z.string().regex(/^\+7\d{10}$/, 'expected +7 and ten digits'));

/** A raw 32-byte Ed25519 public key in unpadded base64url is exactly 43 characters. */
const edsPublicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected 32 bytes in base64url');

const personShape = z.object({
  iin,
  lastName: name,
  firstName: name,
  middleName: name.nullish(),
  birthDate: day,
  sex: z.enum(['male', 'female']),
  alive: z.boolean(),
  phone: phone.nullish(),
  edsPublicKey: edsPublicKey.nullish(),
});

/** `GET /persons/{iin}` */
export const personResponse = personShape.transform(
  (p): PersonRecord => ({
    iin: p.iin,
    lastName: p.lastName,
    firstName: p.firstName,
    ...optional('middleName', p.middleName),
    birthDate: p.birthDate,
    sex: p.sex,
    alive: p.alive,
    ...optional('phone', p.phone),
    ...optional('edsPublicKey', p.edsPublicKey),
  }),
);

const birthShape = z.object({
  child: z.object({
    iin,
    lastName: name,
    firstName: name,
    middleName: name.nullish(),
    birthDate: day,
  }),
  parents: z.array(iin).max(2),
});

/** `GET /birth-records/{iin}` */
export const birthRecordResponse = birthShape.transform(
  (b): BirthRecord => ({
    child: {
      iin: b.child.iin,
      lastName: b.child.lastName,
      firstName: b.child.firstName,
      ...optional('middleName', b.child.middleName),
      birthDate: b.child.birthDate,
    },
    parents: b.parents,
  }),
);

const decisionShape = z.object({
  providerId: z.string().min(1),
  number: z.string().trim().min(1).max(100),
  date: day,
  guardianIin: iin,
  childIin: iin,
  kind: z.enum(['guardianship', 'trusteeship']),
  start: day,
  end: day.nullish(),
  terminated: z.object({ on: day, reason: z.string().max(500) }).nullish(),
});

/** `GET /guardianship-decisions?child={iin}` */
export const decisionsResponse = z
  .object({ decisions: z.array(decisionShape) })
  .transform(({ decisions }): GuardianshipDecision[] =>
    decisions.map((d) => ({
      providerId: d.providerId,
      number: d.number,
      date: d.date,
      guardianIin: d.guardianIin,
      childIin: d.childIin,
      kind: d.kind,
      start: d.start,
      ...optional('end', d.end),
      ...optional('terminated', d.terminated),
    })),
  );

function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
