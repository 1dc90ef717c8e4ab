/**
 * Demo EDS key files, so that a person trying the demo can sign in with EDS from the shell:
 * `<dataDir>/demo-eds/<persona-key>.json`, directory mode 0700, files mode 0600, each holding
 *
 *   { "persona": "<key>", "iin": "<12 digits>", "seed": "<base64url>", "publicKey": "<base64url>" }
 *
 * The seeds are public by construction (see src/gateway/demo-eds-seeds.ts); the files are
 * private all the same, because that is how a real key must be kept and the demo should teach it.
 * `scripts/eds-sign.ts` signs a sign-in challenge with one of them.
 */

import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoEdsPublicKey, type Persona } from '../gateway/fixture-data.js';

/** What a demo key file holds. */
export interface DemoEdsKeyFile {
  persona: string;
  iin: string;
  seed: string;
  publicKey: string;
}

/**
 * Writes one key file per persona that holds an EDS, replacing older files (the content is the
 * same on every start). Returns the directory.
 */
export async function writeDemoEdsKeyFiles(dataDir: string, personas: Persona[]): Promise<string> {
  const directory = join(dataDir, 'demo-eds');
  await mkdir(directory, { recursive: true, mode: 0o700 });

  for (const persona of personas) {
    if (!persona.edsSeed) continue;

    const file: DemoEdsKeyFile = {
      persona: persona.key,
      iin: persona.iin,
      seed: persona.edsSeed,
      publicKey: await demoEdsPublicKey(persona.edsSeed),
    };
    const path = join(directory, `${persona.key}.json`);
    await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    // `mode` applies only when the file is created; a file left by an older start is fixed here.
    await chmod(path, 0o600);
  }
  return directory;
}
