import { localDay } from '../domain/calendar.js';
import { demoPersonas } from '../gateway/fixture-data.js';
import type { Clock } from '../runtime/clock.js';

/** Where a persona's demo EDS key file lives, relative to `DATA_DIR`. */
export function demoEdsKeyFile(personaKey: string): string {
  return `demo-eds/${personaKey}.json`;
}

/**
 * The demo applicants for `GET /api/v1/dev/personas`: who to sign in as for each path of the
 * service (auto-issue, each refusal, manual review). Built from the fixture gateway's cases for
 * today, so the list always matches what the gateway answers. Demo data, invented people.
 */
export class DemoPersonaDirectory {
  constructor(
    private readonly deps: {
      clock: Clock;
      /** Whether the key file (see {@link demoEdsKeyFile}) was written for this persona. */
      keyFileExists: (personaKey: string) => Promise<boolean>;
    },
  ) {}

  async list() {
    const personas = demoPersonas(localDay(this.deps.clock.now()));
    return Promise.all(
      personas.map(async (persona) => {
        const keyFile = persona.edsSeed ? demoEdsKeyFile(persona.key) : null;
        return {
          key: persona.key,
          name: persona.name,
          iin: persona.iin,
          phone: persona.phone,
          childIin: persona.childIin,
          type: persona.type,
          outcome: persona.outcome,
          providerId: persona.providerId ?? null,
          story: persona.story,
          eds: persona.edsSeed !== undefined,
          edsKeyFile: keyFile && (await this.deps.keyFileExists(persona.key)) ? keyFile : null,
        };
      }),
    );
  }
}
