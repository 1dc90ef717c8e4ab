import { z } from 'zod';

import { fromBase64 } from '../translog/base64.js';
import { inconsistent, unavailable } from './monitor-problem.js';

/** The `fetch` a monitor uses: the global one, or the app itself in tests. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const EntryAnswer = z.object({ index: z.number().int().nonnegative(), leaf: z.string() });
const ConsistencyAnswer = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  proof: z.array(z.string()),
});

/**
 * The registry's public log endpoints as a monitor reads them. It trusts nothing it is told:
 * answers are checked for shape here, and for meaning by the caller.
 */
export class LogClient {
  readonly #base: string;

  constructor(
    registryUrl: string,
    private readonly fetch: Fetch,
  ) {
    this.#base = registryUrl.replace(/\/+$/, '');
  }

  key(): Promise<string> {
    return this.text('/api/v1/log/key');
  }

  checkpoint(): Promise<string> {
    return this.text('/api/v1/log/checkpoint');
  }

  /**
   * The leaf data of entry `index`, which a checkpoint of `size` covers: an entry the log cannot
   * serve below a size it signed is an inconsistency, not a missing page.
   */
  async entry(index: number, size: number): Promise<Uint8Array> {
    const response = await this.get(`/api/v1/log/entries/${index}`);
    if (!response.ok) {
      throw inconsistent(
        'entry_missing',
        `entry ${index}: the log signed size ${size} but answers ${response.status} for it`,
      );
    }

    const answer = EntryAnswer.safeParse(await this.json(response, `entry ${index}`));
    const leaf = answer.success ? fromBase64(answer.data.leaf) : null;
    if (!answer.success || answer.data.index !== index || leaf === null) {
      throw inconsistent('entry_malformed', `entry ${index}: not { index, leaf (base64) }`);
    }
    return leaf;
  }

  async consistency(from: number, to: number): Promise<Uint8Array[]> {
    const what = `consistency proof ${from}→${to}`;
    const response = await this.get(`/api/v1/log/proof/consistency?from=${from}&to=${to}`);
    if (!response.ok) throw refused(what, response.status);

    const answer = ConsistencyAnswer.safeParse(await this.json(response, what));
    const proof = answer.success ? answer.data.proof.map(fromBase64) : [];
    if (!answer.success || answer.data.from !== from || answer.data.to !== to) {
      throw inconsistent('answer_malformed', `${what}: not { from, to, proof } as asked`);
    }
    if (proof.some((hash) => hash === null)) {
      throw inconsistent('answer_malformed', `${what}: a hash is not base64`);
    }
    return proof as Uint8Array[];
  }

  private async text(path: string): Promise<string> {
    const response = await this.get(path);
    if (!response.ok) throw refused(path, response.status);
    return response.text();
  }

  private async json(response: Response, what: string): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw inconsistent('answer_malformed', `${what}: the answer is not JSON`);
    }
  }

  /** The answer, unless the registry cannot be reached or is failing (5xx, 429): try later. */
  private async get(path: string): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetch(`${this.#base}${path}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw unavailable('registry_unavailable', `${path}: ${reason}`);
    }

    if (response.status >= 500 || response.status === 429) {
      throw unavailable(
        'registry_unavailable',
        `${path}: the registry answered ${response.status}`,
      );
    }
    return response;
  }
}

/** The log refused what it must serve: a proof up to the size it signed, its key, its head. */
function refused(what: string, status: number) {
  return inconsistent('answer_malformed', `${what}: the registry answered ${status}`);
}
