import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { fromBase64Url } from '../../src/crypto/bytes.js';
import { DEMO_PROVIDERS } from '../../src/demo/demo-data.js';
import { ageOn, compareDays } from '../../src/domain/calendar.js';
import { parseIin } from '../../src/domain/iin.js';
import { demoEdsSeed } from '../../src/gateway/demo-eds-seeds.js';
import { RETURNING_APPLICANT } from '../../src/gateway/fixture-cases.js';
import { demoPersonas, fixtureData } from '../../src/gateway/fixture-data.js';
import { FixtureGateway } from '../../src/gateway/fixture-gateway.js';
import { BIRTH_RECORDS_AFTER, type PersonRecord } from '../../src/gateway/gateway.js';
import { referenceOutcome } from './reference-outcome.js';

const TODAY = '2026-12-03';

// Days that move every age across a year boundary, a leap day, and a day on which the oldest
// demo child was born before the digital civil registry.
const DAYS = ['2025-03-01', TODAY, '2028-02-29', '2035-07-15'];

const PROVIDER_IDS: string[] = DEMO_PROVIDERS.map((provider) => provider.id);

// The independent check of the demo EDS keys: OpenSSL derives them from a PKCS#8 seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function opensslPublicKey(seed: Uint8Array): string {
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, seed]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return String(jwk.x);
}

function byIin(persons: PersonRecord[]): Map<string, PersonRecord> {
  return new Map(persons.map((person) => [person.iin, person]));
}

describe('the demo identity records', () => {
  it.each(DAYS)('hold valid IINs that encode each birth date and sex (%s)', async (today) => {
    const { persons } = await fixtureData(today);

    for (const person of persons) {
      const parsed = parseIin(person.iin);
      expect(parsed, person.iin).toEqual({
        ok: true,
        birthDate: person.birthDate,
        sex: person.sex,
      });
    }
    expect(new Set(persons.map((p) => p.iin)).size).toBe(persons.length);
  });

  it('write names in Cyrillic, Kazakh letters included, and phones in E.164', async () => {
    const { persons } = await fixtureData(TODAY);
    const cyrillic = /^[\p{Script=Cyrillic}-]+$/u;

    for (const person of persons) {
      expect(person.lastName).toMatch(cyrillic);
      expect(person.firstName).toMatch(cyrillic);
      if (person.middleName !== undefined) expect(person.middleName).toMatch(cyrillic);
      if (person.phone !== undefined) expect(person.phone).toMatch(/^\+77\d{9}$/);
    }
    expect(persons.some((p) => /[әғқңөұүһі]/i.test(p.lastName + p.firstName))).toBe(true);
  });

  it('register EDS keys that OpenSSL derives from the published demo seeds', async () => {
    const { persons, personas } = await fixtureData(TODAY);
    const people = byIin(persons);
    const holders = personas.filter((persona) => persona.edsSeed !== undefined);

    expect(holders.length).toBeGreaterThanOrEqual(3);
    for (const persona of holders) {
      const seed = fromBase64Url(persona.edsSeed ?? '');
      expect(seed).toEqual(demoEdsSeed(persona.key));
      expect(people.get(persona.iin)?.edsPublicKey).toBe(opensslPublicKey(seed));
    }
  });

  it('give no EDS key to applicants who sign in by SMS only', async () => {
    const { persons, personas } = await fixtureData(TODAY);
    const people = byIin(persons);

    const smsOnly = personas.filter((persona) => persona.edsSeed === undefined);
    expect(smsOnly.length).toBeGreaterThanOrEqual(2);
    for (const persona of smsOnly) expect(people.get(persona.iin)?.edsPublicKey).toBeUndefined();
  });
});

describe('the demo civil registry', () => {
  it.each(DAYS)('holds records only of births after 13 August 2007 (%s)', async (today) => {
    const { birthRecords, persons } = await fixtureData(today);
    const people = byIin(persons);

    for (const { child, parents } of birthRecords) {
      expect(compareDays(child.birthDate, BIRTH_RECORDS_AFTER)).toBeGreaterThan(0);
      expect(parseIin(child.iin)).toMatchObject({ ok: true, birthDate: child.birthDate });

      const known = people.get(child.iin);
      expect(known?.lastName).toBe(child.lastName);
      expect(known?.firstName).toBe(child.firstName);

      expect(parents.length).toBeGreaterThanOrEqual(1);
      for (const parent of parents) {
        const record = people.get(parent);
        expect(record, 'every parent is a known person').toBeDefined();
        expect(ageOn(record?.birthDate ?? '', child.birthDate)).toBeGreaterThanOrEqual(16);
      }
    }
  });

  it('lacks the record of the oldest demo child once its birth predates the registry', async () => {
    const early = await fixtureData('2025-03-01');
    const late = await fixtureData(TODAY);

    expect(early.birthRecords.length).toBe(late.birthRecords.length - 1);
  });
});

describe('the demo guardianship registry', () => {
  it.each(DAYS)('holds decisions that fit their persons and providers (%s)', async (today) => {
    const { decisions, persons } = await fixtureData(today);
    const people = byIin(persons);

    for (const decision of decisions) {
      const guardian = people.get(decision.guardianIin);
      const child = people.get(decision.childIin);
      expect(guardian?.alive).toBe(true);
      expect(ageOn(guardian?.birthDate ?? '', decision.date)).toBeGreaterThanOrEqual(18);
      expect(PROVIDER_IDS).toContain(decision.providerId);

      expect(compareDays(decision.date, today)).toBeLessThanOrEqual(0);
      expect(compareDays(decision.start, decision.date)).toBeGreaterThanOrEqual(0);
      if (decision.end) expect(compareDays(decision.end, decision.start)).toBeGreaterThan(0);
      if (decision.terminated) {
        expect(compareDays(decision.terminated.on, decision.start)).toBeGreaterThan(0);
        expect(compareDays(decision.terminated.on, today)).toBeLessThanOrEqual(0);
      }

      const ageAtStart = ageOn(child?.birthDate ?? '', decision.start);
      if (decision.kind === 'guardianship') expect(ageAtStart).toBeLessThan(14);
      else expect(ageAtStart).toBeGreaterThanOrEqual(14);
    }
  });
});

describe('the demo personas', () => {
  it('cover every outcome of issue 3, and both types and providers issuing', () => {
    const personas = demoPersonas(TODAY);

    expect(personas.map((p) => p.outcome).sort()).toEqual(
      [
        'issued',
        'issued',
        'issued',
        'refused:child_adult',
        'refused:decision_terminated',
        'refused:no_decision',
        'refused:not_guardian',
        'refused:person_unknown',
        'review',
      ].sort(),
    );

    const issued = personas.filter((p) => p.outcome === 'issued');
    expect(issued.map((p) => [p.key, p.type, p.providerId])).toEqual([
      ['issued-guardianship-astana', 'guardianship', 'prv_astana'],
      ['issued-trusteeship-almaty', 'trusteeship', 'prv_almaty_medeu'],
      // Applies like the others; the demo also issues her one certificate at its first start.
      [RETURNING_APPLICANT, 'guardianship', 'prv_almaty_medeu'],
    ]);
    expect(new Set(personas.map((p) => p.key)).size).toBe(personas.length);
    expect(new Set(personas.map((p) => p.phone)).size).toBe(personas.length);
  });

  it('are the same list whether read alone or with the records', async () => {
    expect((await fixtureData(TODAY)).personas).toEqual(demoPersonas(TODAY));
  });

  it.each(DAYS)('each reach the promised outcome from the records (%s)', async (today) => {
    const gateway = await FixtureGateway.demo(today);

    for (const persona of demoPersonas(today)) {
      const application = {
        applicantIin: persona.iin,
        childIin: persona.childIin,
        type: persona.type,
      };
      const reading = await referenceOutcome(gateway, application, today);

      expect(reading.outcome, persona.key).toBe(persona.outcome);
      if (reading.decision) expect(reading.decision.providerId).toBe(persona.providerId);
    }
  });

  it('apply only with valid IINs, the unknown child included', () => {
    for (const persona of demoPersonas(TODAY)) {
      expect(parseIin(persona.iin).ok).toBe(true);
      expect(parseIin(persona.childIin).ok).toBe(true);
    }
  });
});
