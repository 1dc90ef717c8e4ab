/**
 * A state gateway that answers from in-memory records: the demo's, or a test's own. It behaves as
 * a real source would where that matters to callers: answers are copies, an invalid IIN is simply
 * unknown, and a source can be slowed down or taken down to exercise waiting and retrying.
 */

import { compareDays } from '../domain/calendar.js';
import type { Day } from '../domain/certificate.js';
import { parseIin } from '../domain/iin.js';
import { type FixtureData, fixtureData } from './fixture-data.js';
import {
  type BirthRecord,
  birthRecordExpected,
  type CivilRegistry,
  type GatewaySource,
  GatewayUnavailableError,
  type GuardianshipDecision,
  type GuardianshipRegistry,
  type IdentityDocuments,
  type PersonRecord,
  type StateGateway,
} from './gateway.js';
import { type Sleep, timerSleep } from './sleep.js';

export interface FixtureGatewayOptions {
  /** Delay before every answer, to make the fixture feel like a network service. */
  latencyMs?: number;
  sleep?: Sleep;
}

/** The records a fixture gateway answers from. */
export type FixtureRecords = Pick<FixtureData, 'persons' | 'birthRecords' | 'decisions'>;

export class FixtureGateway implements StateGateway {
  readonly identity: IdentityDocuments;
  readonly civilRegistry: CivilRegistry;
  readonly guardianship: GuardianshipRegistry;

  /** Calls received per source, answered or not; tests use it to see retries happen. */
  readonly calls: Record<GatewaySource, number> = {
    identity: 0,
    civil_registry: 0,
    guardianship_registry: 0,
  };

  private readonly down = new Set<GatewaySource>();
  private latencyMs: number;
  private readonly sleep: Sleep;

  /**
   * @throws Error when a birth record is dated on or before 13 August 2007: the real registry
   *   holds none, and a fixture that did would hide the manual-review path.
   */
  constructor(records: FixtureRecords, options: FixtureGatewayOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.sleep = options.sleep ?? timerSleep;

    const persons = new Map(records.persons.map((p) => [p.iin, p]));
    const births = new Map<string, BirthRecord>();
    for (const record of records.birthRecords) {
      if (!birthRecordExpected(record.child.birthDate)) {
        throw new Error('FixtureGateway: a birth record predates the digital civil registry');
      }
      births.set(record.child.iin, record);
    }
    const decisions = [...records.decisions].sort((a, b) => compareDays(a.date, b.date));

    this.identity = {
      person: (iin) => this.answer('identity', iin, null, () => persons.get(iin) ?? null),
    };
    this.civilRegistry = {
      birthRecord: (iin) => this.answer('civil_registry', iin, null, () => births.get(iin) ?? null),
    };
    this.guardianship = {
      decisions: (iin) =>
        this.answer('guardianship_registry', iin, [], () =>
          decisions.filter((d) => d.childIin === iin),
        ),
    };
  }

  /** A gateway over the demo's records on `today`. */
  static async demo(today: Day, options: FixtureGatewayOptions = {}): Promise<FixtureGateway> {
    return new FixtureGateway(await fixtureData(today), options);
  }

  /**
   * Takes one source (or all, when none is named) down or brings it back up. While down, calls
   * fail with `GatewayUnavailableError` reason `down`, as a real outage would.
   */
  setAvailable(available: boolean, source?: GatewaySource): void {
    const sources = source === undefined ? (Object.keys(this.calls) as GatewaySource[]) : [source];
    for (const each of sources) {
      if (available) this.down.delete(each);
      else this.down.add(each);
    }
  }

  /** Sets the delay before every answer from now on. */
  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('FixtureGateway: latency must be zero or more');
    this.latencyMs = ms;
  }

  private async answer<T extends PersonRecord | BirthRecord | GuardianshipDecision[] | null>(
    source: GatewaySource,
    iin: string,
    unknown: T,
    find: () => T,
  ): Promise<T> {
    this.calls[source] += 1;
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);

    if (this.down.has(source)) {
      throw new GatewayUnavailableError(source, 'down', 'is down (fixture)');
    }
    if (!parseIin(iin).ok) return unknown;

    return structuredClone(find());
  }
}
