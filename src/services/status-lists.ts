import type { Clock } from '../runtime/clock.js';
import { buildStatusList, statusListSize } from '../statuslist/build-status-list.js';
import type { SignedStatusList } from '../statuslist/status-list.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { StatusListStore } from '../store/status-list-store.js';

/**
 * How long a built list is served before it is built again. Changes through this process drop
 * it at once; this bounds how late another instance's change shows in the list.
 */
const REBUILD_AFTER_MS = 10_000;

/**
 * Builds, signs and caches each provider's status list. The log key signs it (through `sign`,
 * which the registry wires to that key and nothing else), so a verifier that pinned the log key
 * for checkpoints needs no other key.
 */
export class StatusListService {
  #cache = new Map<string, { list: SignedStatusList; builtAt: number }>();
  #building = new Map<string, Promise<SignedStatusList>>();

  constructor(
    private readonly deps: {
      store: RegistryStore;
      lists: StatusListStore;
      clock: Clock;
      publicUrl: string;
      /** Hex key ID of the log key. */
      keyId: string;
      sign: (message: Uint8Array) => Promise<Uint8Array>;
    },
  ) {}

  /** Where a provider's list is served; the verify answer points there. */
  url(providerId: string): string {
    return `${this.deps.publicUrl}/api/v1/status-lists/${providerId}`;
  }

  /** The provider's current list, or undefined for a provider that does not exist. */
  async list(providerId: string): Promise<SignedStatusList | undefined> {
    const now = this.deps.clock.now();
    const cached = this.#cache.get(providerId);
    if (cached && now.getTime() - cached.builtAt < REBUILD_AFTER_MS) return cached.list;
    if (!(await this.deps.store.provider(providerId))) return undefined;

    let building = this.#building.get(providerId);
    if (!building) {
      building = this.build(providerId, now).finally(() => this.#building.delete(providerId));
      this.#building.set(providerId, building);
    }
    return building;
  }

  /** Drops the built lists: a status changed here and must show in the next list. */
  forget(): void {
    this.#cache.clear();
  }

  private async build(providerId: string, now: Date): Promise<SignedStatusList> {
    const [rows, highest] = await Promise.all([
      this.deps.lists.unsettled(providerId),
      this.deps.lists.highestIndex(providerId),
    ]);
    const indexes = (status: string) =>
      rows.flatMap((r) => (r.status === status && r.statusIndex !== null ? [r.statusIndex] : []));

    const list = await buildStatusList({
      providerId,
      url: this.url(providerId),
      size: statusListSize(highest),
      revoked: indexes('revoked'),
      suspended: indexes('suspended'),
      issuedAt: now,
      keyId: this.deps.keyId,
      sign: this.deps.sign,
    });
    this.#cache.set(providerId, { list, builtAt: now.getTime() });
    return list;
  }
}
