import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCode, formatOutcome } from '../../src/monitor/monitor-report.js';
import type { MonitorState } from '../../src/monitor/monitor-state.js';
import type { MonitorOutcome } from '../../src/monitor/run-monitor.js';
import { runMonitor } from '../../src/monitor/run-monitor.js';
import { localNoteSigningKey } from '../../src/translog/note-key.js';
import { type CertificateJson, issue, postRevoke } from '../e2e/client.js';
import { asSuperuser, monitor, REGISTRY_URL } from '../e2e/log-client.js';
import { ALMATY, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { trusteeshipRequest } from '../support/requests.js';

/** Issues as both providers and moves the clock past the checkpoint policy. */
async function issueSome(registry: TestRegistry, astana: number, almaty: number) {
  const issued: CertificateJson[] = [];
  for (let i = 0; i < astana; i++) issued.push(await issue(registry));
  for (let i = 0; i < almaty; i++) issued.push(await issue(registry, trusteeshipRequest(), ALMATY));
  registry.clock.advance?.(1_000);
  return issued;
}

function stateOf(outcome: MonitorOutcome): MonitorState {
  if (outcome.status !== 'ok') throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.state;
}

describe.each(databaseTargets)('the monitor against a registry on $name', (target) => {
  let registry: TestRegistry;

  beforeEach(async () => {
    registry = await startTestRegistry(target);
  });
  afterEach(async () => {
    await registry?.close();
  });

  describe('when the log is honest', () => {
    it('pins the key, verifies the first checkpoint and lists everything', async () => {
      const issued = await issueSome(registry, 2, 1);
      const outcome = await monitor(registry);

      expect(outcome).toMatchObject({
        status: 'ok',
        firstRun: true,
        previousSize: 0,
        newEntries: 5,
      });
      expect(exitCode(outcome)).toBe(0);
      const state = stateOf(outcome);
      expect(state.key).toMatch(/^verify\.example\.kz\/registry-log\+/);
      expect(state.size).toBe(5);
      expect(outcome.status === 'ok' && outcome.entries.map((e) => e.index)).toEqual([
        0, 1, 2, 3, 4,
      ]);
      expect(formatOutcome(outcome, undefined).stdout[2]).toMatch(/^#0 \S+ key.registered key /);
      expect(formatOutcome(outcome, undefined).stdout.join('\n')).toContain(
        `certificate.issued ${issued[2]?.id} prv_almaty_medeu record `,
      );
    });

    it('lists exactly the certificates issued in one provider’s name, run after run', async () => {
      const firstBatch = await issueSome(registry, 2, 2);
      const first = await monitor(registry, undefined, 'prv_astana');
      const secondBatch = await issueSome(registry, 1, 3);
      await postRevoke(registry, firstBatch[0]?.id as string, { reason: 'superseded' });
      registry.clock.advance?.(1_000);
      const second = await monitor(registry, stateOf(first), 'prv_astana');

      const issuedIn = (outcome: MonitorOutcome) =>
        outcome.status === 'ok'
          ? outcome.entries
              .filter(({ entry }) => entry.kind === 'certificate.issued')
              .map(({ entry }) => ('certificateId' in entry ? entry.certificateId : ''))
          : [];
      expect(issuedIn(first)).toEqual(firstBatch.slice(0, 2).map((c) => c.id));
      expect(issuedIn(second)).toEqual([secondBatch[0]?.id]);
      expect(second).toMatchObject({ status: 'ok', firstRun: false, previousSize: 6 });
      expect(second).toMatchObject({ newEntries: 5 });
      expect(formatOutcome(second, 'prv_astana').stdout).toEqual([
        'verify.example.kz/registry-log: checkpoint of size 11 verified, extends size 6',
        '5 new entries, 2 in the name of prv_astana',
        expect.stringMatching(/^#6 .* certificate.issued crt_\w+ prv_astana record [0-9a-f]{16}…$/),
        `#10 2026-12-03T07:00:02.000Z certificate.revoked ${firstBatch[0]?.id} prv_astana reason superseded`,
      ]);
    });

    it('finds nothing new when nothing was added', async () => {
      await issueSome(registry, 1, 0);
      const first = stateOf(await monitor(registry));
      registry.clock.advance?.(5_000);

      const again = await monitor(registry, first);
      expect(again).toMatchObject({ status: 'ok', previousSize: 3, newEntries: 0, entries: [] });
    });

    it('refuses a saved checkpoint edited apart from the saved size and root', async () => {
      await issueSome(registry, 1, 0);
      const first = stateOf(await monitor(registry));
      const [origin, size, ...rest] = first.checkpoint.split('\n');
      const edited = { ...first, checkpoint: [origin, `${Number(size) + 1}`, ...rest].join('\n') };

      const outcome = await monitor(registry, edited);
      expect(outcome).toMatchObject({ status: 'unavailable', code: 'state_invalid' });
      expect(outcome.status !== 'ok' && outcome.message).toMatch(/saved checkpoint/);
      // The state as saved still checks.
      expect(await monitor(registry, first)).toMatchObject({ status: 'ok' });
    });
  });

  describe('when the log was tampered with in the database', () => {
    let saved: MonitorState;

    beforeEach(async () => {
      await issueSome(registry, 2, 1);
      saved = stateOf(await monitor(registry));
    });

    const expectInconsistent = (outcome: MonitorOutcome, code: string, message: RegExp) => {
      expect(outcome).toMatchObject({ status: 'inconsistent', code });
      expect(outcome.status !== 'ok' && outcome.message).toMatch(message);
      expect(exitCode(outcome)).toBe(1);
      expect(formatOutcome(outcome, undefined).stderr[0]).toMatch(/^INCONSISTENT LOG/);
    };

    it('catches a changed entry', async () => {
      await issueSome(registry, 0, 2);
      await asSuperuser(
        registry,
        'drop trigger log_entries_append_only on log_entries',
        `update log_entries set data = convert_to(replace(convert_from(data, 'UTF8'),
           'prv_almaty_medeu', 'prv_astana'), 'UTF8') where index = 6`,
      );

      const outcome = await monitor(registry, saved);
      expectInconsistent(outcome, 'entries_mismatch', /entries 5\.\.6 do not build/);
    });

    it('catches a deleted entry', async () => {
      await issueSome(registry, 2, 0);
      await asSuperuser(
        registry,
        'drop trigger log_entries_append_only on log_entries',
        'delete from log_entries where index = 5',
      );

      const outcome = await monitor(registry, saved);
      expectInconsistent(
        outcome,
        'entry_missing',
        /entry 5: the log signed size 7 but answers 404/,
      );
    });

    it('catches a changed leaf hash in the tree', async () => {
      await issueSome(registry, 1, 1);
      await asSuperuser(
        registry,
        'drop trigger log_nodes_append_only on log_nodes',
        `update log_nodes set hash = sha256('forged') where level = 0 and index = 6`,
      );
      registry.clock.advance?.(1_000);

      const outcome = await monitor(registry, saved);
      expectInconsistent(outcome, 'entries_mismatch', /do not build the signed root/);
    });

    it('catches history rewritten under a signed checkpoint: the log shrinks', async () => {
      await rewriteHistoryFrom(registry, 3);
      await issueSome(registry, 1, 0);

      const outcome = await monitor(registry, saved);
      expectInconsistent(outcome, 'size_decreased', /shrank from 5 to 4 entries/);
      expect(outcome.status !== 'ok' && outcome.evidence?.previous).toBe(saved.checkpoint);
    });

    it('catches history rewritten under a signed checkpoint: another root, same size', async () => {
      await rewriteHistoryFrom(registry, 3);
      await issueSome(registry, 1, 1);

      const outcome = await monitor(registry, saved);
      expectInconsistent(outcome, 'root_changed', /two different roots were signed for size 5/);
      expect(formatOutcome(outcome, undefined).stderr).toContain(saved.checkpoint);
    });

    it('catches history rewritten under a signed checkpoint: the tree does not extend it', async () => {
      await rewriteHistoryFrom(registry, 3);
      await issueSome(registry, 2, 2);

      const outcome = await monitor(registry, saved);
      expectInconsistent(outcome, 'consistency_failed', /tree of 7 does not extend the tree of 5/);
    });

    it('stops the registry signing over a changed subtree, which the monitor reports', async () => {
      // Node (2, 0) holds leaves 0..3: part of the root of the checkpoint of size 5.
      await asSuperuser(
        registry,
        'drop trigger log_nodes_append_only on log_nodes',
        `update log_nodes set hash = sha256('forged') where level = 2 and index = 0`,
      );
      await issueSome(registry, 1, 0);

      const outcome = await monitor(registry, saved);
      expect(outcome).toMatchObject({ status: 'unavailable', code: 'registry_unavailable' });
      expect(exitCode(outcome)).toBe(2);
      expect(registry.logger.lines.join('\n')).toContain('"event":"log.inconsistent"');
    });
  });

  describe('when the answers are forged on the way', () => {
    it('refuses a checkpoint whose root was altered', async () => {
      await issueSome(registry, 1, 0);
      const outcome = await runMonitor({
        registryUrl: REGISTRY_URL,
        fetch: async (url) => {
          const response = await registry.app.request(url);
          if (!url.endsWith('/log/checkpoint')) return response;
          const [origin, size, root, ...rest] = (await response.text()).split('\n');
          const forged = `${root?.startsWith('A') ? 'B' : 'A'}${root?.slice(1)}`;
          return new Response([origin, size, forged, ...rest].join('\n'));
        },
        state: undefined,
        now: () => registry.clock.now(),
      });

      expect(outcome).toMatchObject({ status: 'inconsistent', code: 'checkpoint_invalid' });
      expect(outcome.status !== 'ok' && outcome.message).toMatch(/does not verify/);
    });

    it('refuses a log key other than the pinned one', async () => {
      await issueSome(registry, 1, 0);
      const saved = stateOf(await monitor(registry));
      const other = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
      const impostor = await startTestRegistry(target);
      try {
        const outcome = await runMonitor({
          registryUrl: REGISTRY_URL,
          fetch: (url) => Promise.resolve(impostor.app.request(url)),
          state: saved,
          now: () => impostor.clock.now(),
        });
        expect(outcome).toMatchObject({ status: 'inconsistent', code: 'key_changed' });
        expect(other.publicKey).toHaveLength(32);
      } finally {
        await impostor.close();
      }
    });

    it('says it could not check when the registry does not answer', async () => {
      const outcome = await runMonitor({
        registryUrl: REGISTRY_URL,
        fetch: () => Promise.reject(new Error('connect ECONNREFUSED')),
        state: undefined,
        now: () => new Date(),
      });

      expect(outcome).toMatchObject({ status: 'unavailable', code: 'registry_unavailable' });
      expect(exitCode(outcome)).toBe(2);
      expect(formatOutcome(outcome, undefined).stderr[0]).toMatch(/^Could not check the log/);
    });
  });
});

/**
 * What an attacker with the database would do to make a signed history disappear: drop the
 * triggers, cut entries, nodes and checkpoints back to `size` leaves, and rewind the head. New
 * issuances then grow a different tree on top of the kept prefix.
 */
async function rewriteHistoryFrom(registry: TestRegistry, size: number) {
  await asSuperuser(
    registry,
    'drop trigger log_entries_append_only on log_entries',
    'drop trigger log_nodes_append_only on log_nodes',
    'drop trigger log_checkpoints_append_only on log_checkpoints',
    'drop trigger log_head_only_grows on log_head',
    `delete from log_entries where index >= ${size}`,
    `delete from log_nodes where (index + 1) * (1::bigint << level) > ${size}`,
    `delete from log_checkpoints where size > ${size}`,
    `update log_head set size = ${size}`,
  );
}
