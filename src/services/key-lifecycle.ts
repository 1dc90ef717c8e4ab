import { toBase64Url } from '../crypto/bytes.js';
import { kidHint } from '../crypto/jwk.js';
import { AppError, fieldError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { KeyMaker } from '../signer/key-maker.js';
import type { Tx } from '../store/database.js';
import type { KeyStore } from '../store/key-store.js';
import { appendLogEntry } from '../store/log-append.js';
import type { ProviderKeyRow, RegistryStore } from '../store/registry-store.js';
import { keyCompromisedEntry, keyRegisteredEntry, keyRetiredEntry } from '../translog/log-entry.js';

export interface KeyCommand {
  /** The provider whose keys are meant; it must be the administrator's own. */
  providerId: string;
  /** The administrator's provider. */
  officerProviderId: string;
  actor: string;
  requestId?: string | undefined;
}

export interface RotateResult {
  key: ProviderKeyRow;
  /** The keys that were active before and are retired now. */
  retired: ProviderKeyRow[];
}

export interface KeyChangeResult {
  key: ProviderKeyRow;
  /** False when the key already was in the state asked for. */
  changed: boolean;
}

/**
 * The life of a provider's signing keys: rotation, retirement, compromise. Each change commits
 * with its events and transparency log leaves, under a lock on the provider, and then tells the
 * caches (issuance's key list, verification's keyring) through `onChanged`.
 *
 * Compromise policy: a certificate signed by the key with an issue time at or after `since` is
 * invalid; earlier ones stay valid, because their registry row and its log leaf, written in the
 * registry at issue time, witness when they were signed (README, "Key lifecycle").
 */
export class KeyLifecycleService {
  constructor(
    private readonly deps: {
      store: RegistryStore;
      keys: KeyStore;
      clock: Clock;
      logger: Logger;
      /** Absent where the signer cannot make keys (production): rotation answers 409. */
      keyMaker?: KeyMaker | undefined;
      onChanged?: () => void | Promise<void>;
    },
  ) {}

  /** A new key signs from now on; every key active before is retired. */
  async rotate(command: KeyCommand): Promise<RotateResult> {
    this.ownProvider(command);
    const { keyMaker } = this.deps;
    if (!keyMaker) {
      throw new AppError(
        'key_generation_unavailable',
        'This signer cannot create keys: add the new seed to SIGNING_KEYS and restart (the new ' +
          'key signs from then on), then retire the old key',
      );
    }
    if (!(await this.deps.store.provider(command.providerId))) throw noProvider();

    // The key exists (and its seed is stored) before the registry names it.
    const made = await keyMaker.createKey(command.providerId);
    const now = this.deps.clock.now();

    const result = await this.deps.store.transaction(async (tx) => {
      await this.deps.keys.lockProvider(tx, command.providerId);
      const before = await this.deps.keys.activeKeys(tx, command.providerId);

      const key: ProviderKeyRow = {
        kid: made.kid,
        kidHint: kidHint(made.kid),
        providerId: command.providerId,
        publicKey: toBase64Url(made.publicKey),
        status: 'active',
        notBefore: now,
        notAfter: null,
        compromisedAt: null,
        createdAt: now,
      };
      await this.deps.store.insertKey(tx, key);
      await this.event(tx, command, 'key.registered', now, {
        kid: key.kid,
        rotatedFrom: before.map((k) => k.kid),
      });

      const retired: ProviderKeyRow[] = [];
      for (const old of before) retired.push(await this.retireIn(tx, command, old, now));

      await appendLogEntry(
        tx,
        keyRegisteredEntry({
          at: now,
          providerId: key.providerId,
          kid: key.kid,
          publicKey: key.publicKey,
        }),
      );
      for (const old of retired) {
        await appendLogEntry(
          tx,
          keyRetiredEntry({ at: now, providerId: old.providerId, kid: old.kid }),
        );
      }
      return { key, retired };
    });

    await this.settled('key.rotated', command, result.key.kid);
    return result;
  }

  /** The key signs nothing more; what it signed stays valid. Retiring again changes nothing. */
  async retire(command: KeyCommand & { kid: string }): Promise<KeyChangeResult> {
    this.ownProvider(command);
    const now = this.deps.clock.now();

    const result = await this.deps.store.transaction(async (tx) => {
      await this.deps.keys.lockProvider(tx, command.providerId);
      const key = await this.ownKey(tx, command);
      if (key.status !== 'active') return { key, changed: false };

      const retired = await this.retireIn(tx, command, key, now);
      await appendLogEntry(
        tx,
        keyRetiredEntry({ at: now, providerId: key.providerId, kid: key.kid }),
      );
      return { key: retired, changed: true };
    });

    if (result.changed) await this.settled('key.retired', command, command.kid);
    return result;
  }

  /**
   * Declares the key compromised since `since` (at most now). A second declaration can only
   * move `since` earlier: moving it later would make forged certificates valid again.
   */
  async compromise(command: KeyCommand & { kid: string; since: Date }): Promise<KeyChangeResult> {
    this.ownProvider(command);
    const now = this.deps.clock.now();
    if (command.since > now) {
      throw fieldError('date_out_of_range', 'since', 'must not be in the future');
    }

    const result = await this.deps.store.transaction(async (tx) => {
      await this.deps.keys.lockProvider(tx, command.providerId);
      const key = await this.ownKey(tx, command);
      // A key cannot be compromised before it existed; such a `since` is a typo (a two-digit
      // year), and it would also reach instants PostgreSQL and JSON disagree about.
      if (command.since < key.notBefore) {
        const notBefore = key.notBefore.toISOString();
        throw fieldError(
          'date_out_of_range',
          'since',
          `must not be before the key's notBefore, ${notBefore}`,
        );
      }
      if (key.status === 'compromised' && key.compromisedAt && key.compromisedAt <= command.since) {
        return { key, changed: false };
      }

      const marked = await this.deps.keys.compromise(tx, key.kid, command.since, now);
      await this.event(tx, command, 'key.compromised', now, {
        kid: key.kid,
        since: command.since.toISOString(),
      });
      await appendLogEntry(
        tx,
        keyCompromisedEntry({
          at: now,
          providerId: key.providerId,
          kid: key.kid,
          since: command.since,
        }),
      );
      return { key: marked, changed: true };
    });

    if (result.changed) await this.settled('key.compromised', command, command.kid);
    return result;
  }

  /** Certificates that the key's compromise makes invalid, for the administrator's answer. */
  invalidatedBy(key: ProviderKeyRow): Promise<number> {
    return key.compromisedAt
      ? this.deps.keys.signedSince(key.kid, key.compromisedAt)
      : Promise.resolve(0);
  }

  private async retireIn(tx: Tx, command: KeyCommand, key: ProviderKeyRow, now: Date) {
    const retired = await this.deps.keys.retire(tx, key.kid, now);
    await this.event(tx, command, 'key.retired', now, { kid: key.kid });
    return retired;
  }

  private event(
    tx: Tx,
    command: KeyCommand,
    kind: string,
    at: Date,
    data: Record<string, unknown>,
  ) {
    return this.deps.store.appendEvent(tx, {
      at,
      kind,
      actor: command.actor,
      providerId: command.providerId,
      requestId: command.requestId ?? null,
      data,
    });
  }

  /** Administrators manage their own provider's keys only; providers are public, so 403. */
  private ownProvider(command: KeyCommand): void {
    if (command.providerId !== command.officerProviderId) {
      throw new AppError('forbidden', "Officers manage only their own provider's keys");
    }
  }

  private async ownKey(tx: Tx, command: KeyCommand & { kid: string }): Promise<ProviderKeyRow> {
    const key = await this.deps.keys.key(tx, command.kid);
    if (!key || key.providerId !== command.providerId) {
      throw new AppError('not_found', 'No key with this kid belongs to this provider');
    }
    return key;
  }

  private async settled(what: string, command: KeyCommand, kid: string): Promise<void> {
    await this.deps.onChanged?.();
    this.deps.logger.info(what, {
      requestId: command.requestId,
      providerId: command.providerId,
      kid,
    });
  }
}

function noProvider(): AppError {
  return new AppError('not_found', 'The provider does not exist');
}
