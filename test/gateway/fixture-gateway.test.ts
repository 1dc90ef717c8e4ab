import { describe, expect, it } from 'vitest';

import { demoPersonas } from '../../src/gateway/fixture-data.js';
import { FixtureGateway } from '../../src/gateway/fixture-gateway.js';
import { GatewayUnavailableError, isGatewayUnavailable } from '../../src/gateway/gateway.js';

const TODAY = '2026-12-03';
const personas = demoPersonas(TODAY);

function persona(key: string) {
  const found = personas.find((p) => p.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

const issued = persona('issued-guardianship-astana');
const review = persona('review-born-abroad');

async function rejection(promise: Promise<unknown>): Promise<GatewayUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isGatewayUnavailable(error)) throw new Error('expected GatewayUnavailableError');
  return error;
}

describe('FixtureGateway', () => {
  it('answers each source from the demo records', async () => {
    const gateway = await FixtureGateway.demo(TODAY);

    const applicant = await gateway.identity.person(issued.iin);
    const birth = await gateway.civilRegistry.birthRecord(issued.childIin);
    const decisions = await gateway.guardianship.decisions(issued.childIin);

    expect(applicant).toMatchObject({
      lastName: 'Әбілқасымова',
      firstName: 'Гүлнұр',
      middleName: 'Серікқызы',
      alive: true,
      phone: '+77011234567',
    });
    expect(applicant?.edsPublicKey).toMatch(/^[\w-]{43}$/);
    expect(birth?.child).toMatchObject({ iin: issued.childIin, firstName: 'Әлихан' });
    expect(birth?.parents).toHaveLength(2);
    expect(decisions).toEqual([
      expect.objectContaining({ providerId: 'prv_astana', guardianIin: issued.iin }),
    ]);
  });

  it('answers null and [] for what no source holds, and for malformed IINs', async () => {
    const gateway = await FixtureGateway.demo(TODAY);
    const unknown = persona('refused-person-unknown').childIin;

    expect(await gateway.identity.person(unknown)).toBeNull();
    expect(await gateway.civilRegistry.birthRecord(unknown)).toBeNull();
    expect(await gateway.guardianship.decisions(unknown)).toEqual([]);
    expect(await gateway.identity.person(`${issued.iin.slice(0, 11)}x`)).toBeNull();
  });

  it('holds no birth record for the child born abroad, though it knows the child', async () => {
    const gateway = await FixtureGateway.demo(TODAY);

    expect(await gateway.identity.person(review.childIin)).not.toBeNull();
    expect(await gateway.civilRegistry.birthRecord(review.childIin)).toBeNull();
  });

  it('hands out copies, so a caller cannot change what it answers next', async () => {
    const gateway = await FixtureGateway.demo(TODAY);

    const first = await gateway.identity.person(issued.iin);
    if (first) first.alive = false;
    const decisions = await gateway.guardianship.decisions(issued.childIin);
    decisions.length = 0;

    expect((await gateway.identity.person(issued.iin))?.alive).toBe(true);
    expect(await gateway.guardianship.decisions(issued.childIin)).toHaveLength(1);
  });

  it('fails every source with reason down while unavailable, and recovers', async () => {
    const gateway = await FixtureGateway.demo(TODAY);
    gateway.setAvailable(false);

    const error = await rejection(gateway.identity.person(issued.iin));
    expect(error).toBeInstanceOf(GatewayUnavailableError);
    expect(error.code).toBe('gateway_unavailable');
    expect(error.reason).toBe('down');
    expect(error.source).toBe('identity');
    expect(error.message).not.toContain(issued.iin);
    await rejection(gateway.civilRegistry.birthRecord(issued.childIin));
    await rejection(gateway.guardianship.decisions(issued.childIin));

    gateway.setAvailable(true);
    expect(await gateway.identity.person(issued.iin)).not.toBeNull();
    expect(gateway.calls).toEqual({ identity: 2, civil_registry: 1, guardianship_registry: 1 });
  });

  it('takes a single source down while the others keep answering', async () => {
    const gateway = await FixtureGateway.demo(TODAY);
    gateway.setAvailable(false, 'guardianship_registry');

    expect(await gateway.identity.person(issued.iin)).not.toBeNull();
    const error = await rejection(gateway.guardianship.decisions(issued.childIin));
    expect(error.source).toBe('guardianship_registry');
  });

  it('waits the configured latency before each answer', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const gateway = await FixtureGateway.demo(TODAY, { latencyMs: 40, sleep });

    await gateway.identity.person(issued.iin);
    gateway.setLatency(0);
    await gateway.identity.person(issued.iin);
    gateway.setLatency(250);
    await gateway.civilRegistry.birthRecord(issued.childIin);

    expect(waits).toEqual([40, 250]);
    expect(() => gateway.setLatency(-1)).toThrow(RangeError);
  });

  it('refuses test data with a birth record the digital registry cannot hold', () => {
    const child = { iin: '070801500014', lastName: 'Ахметов', firstName: 'Арман' };
    const records = {
      persons: [],
      birthRecords: [{ child: { ...child, birthDate: '2007-08-13' }, parents: [] }],
      decisions: [],
    };

    expect(() => new FixtureGateway(records)).toThrow(/predates the digital civil registry/);
  });
});
