import { test, fc, sends, arbitraryFor, type Evidence, type Exchange } from '../fixtures/test';
import { readClusters } from './cluster-support';

/**
 * upgradeMultiple over generated batches (vcenter-contract.md §3.2, §3.3; prior-art §4.3): any
 * subset of the clean, warnings-only and errors clusters, in any order, each with an UpgradeSpec
 * drawn from its schema (ignore_precheck_warnings unset, null, false or true) at the role's version.
 */
type Fact = 'upgradableClusters' | 'warningsClusters' | 'errorsClusters';
interface Member {
  id: string;
  version: string;
  fact: Fact;
}
type Spec = { desired_version: string; ignore_precheck_warnings?: boolean | null };

/**
 * A spec from the schema at the role's version, with ignore_precheck_warnings unset, null, false or true
 * in equal measure: unset-vs-explicit is the rule under test (§3.3; "missing or null" is unset, §1), so it
 * is not left to the optional-key odds.
 */
const specOf = (version: string) =>
  fc
    .tuple(
      arbitraryFor('Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpec'),
      fc.constantFrom<'unset' | boolean | null>('unset', null, false, true),
    )
    .map(([generated, ignore]): Spec => {
      const { ignore_precheck_warnings: _drawn, ...rest } = generated as Spec;
      return ignore === 'unset'
        ? { ...rest, desired_version: version }
        : { ...rest, desired_version: version, ignore_precheck_warnings: ignore };
    });

/** Batches: a non-empty, shuffled subset of the pool, each cluster with its own generated spec. */
const batches = (pool: Member[]) =>
  fc
    .shuffledSubarray(pool, { minLength: 1 })
    .chain((members) => fc.tuple(...members.map((m) => specOf(m.version).map((spec) => [m, spec] as const))));

/** The pool from the inventory roles; one entry per cluster id (a live target may map two roles to one cluster). */
function poolOf(roles: Record<'upgradableCluster' | 'warningsCluster' | 'errorsCluster', { id: string; version: string }>): Member[] {
  const all: Member[] = [
    { ...roles.upgradableCluster, fact: 'upgradableClusters' },
    { ...roles.warningsCluster, fact: 'warningsClusters' },
    { ...roles.errorsCluster, fact: 'errorsClusters' },
  ];
  return all.filter((m, i) => all.findIndex((o) => o.id === m.id) === i);
}

function factsOf(batch: readonly (readonly [Member, Spec])[]): Record<Fact, string[]> {
  const facts: Record<Fact, string[]> = { upgradableClusters: [], warningsClusters: [], errorsClusters: [] };
  for (const [m] of batch) facts[m.fact].push(m.id);
  return facts;
}

/** The flag as sent: `unset`, `null`, `false` or `true`. */
const flagOf = (spec: Spec) => (spec.ignore_precheck_warnings === undefined ? 'unset' : String(spec.ignore_precheck_warnings));

const describeBatch = (batch: readonly (readonly [Member, Spec])[]) =>
  batch.map(([m, s]) => `${m.id} (${m.fact.replace('Clusters', '')}, ignore ${flagOf(s)})`).join(', ');

test.describe('upgradeMultiple batches', () => {
  test(
    'a mixed batch answers 200 with one Result per cluster: pre-check errors REJECTED, warnings STARTED only when ignored, and get agrees',
    sends({ 'read-only': ['session.create', 'clusters.get'], 'state-changing': ['clusters.upgradeMultiple'] }).assuming({
      roles: ['upgradableCluster', 'warningsCluster', 'errorsCluster'],
      reset: true,
    }),
    async ({ api, target, sessions, need, property, readBackUpgrades, vcconform }) => {
      // A run that polls a STARTED cluster to the end of the budget (a failing target) must still end inside the test's time.
      test.setTimeout(30_000 + 3 * vcconform.taskBudgetMs);
      need.reset();
      const roles = need.roles('upgradableCluster', 'warningsCluster', 'errorsCluster');
      await property(batches(poolOf(roles)), async (batch) => {
        await target.reset();
        const session = await sessions.get('administrator');
        const ids = batch.map(([m]) => m.id);
        const before = await readClusters(api, ids, session);
        const exchange = await api.call('clusters.upgradeMultiple', {
          body: Object.fromEntries(batch.map(([m, s]) => [m.id, s])),
          session,
        });
        // STARTED clusters are polled until get shows the upgrade (or the budget runs out): how soon it shows is not documented.
        const { readBack, polls, poll } = await readBackUpgrades(ids, exchange, session);
        const reads = [...before, ...polls].map(
          (x): Evidence => ({ scenario: 'read a listed cluster around the batch', intent: { kind: 'valid' }, exchange: x }),
        );
        return [
          {
            scenario: `upgradeMultiple of ${describeBatch(batch)}`,
            intent: { kind: 'valid' },
            exchange,
            facts: { ...factsOf(batch), upgradePoll: poll },
            related: { before, readBack },
          },
          ...reads,
        ];
      });
    },
  );

  test(
    'the batch and the single upgrade agree per cluster from the same state: STARTED with 204, REJECTED with 400 UNSUPPORTED',
    sends({ 'read-only': ['session.create'], 'state-changing': ['clusters.upgrade', 'clusters.upgradeMultiple'] }).assuming({
      roles: ['upgradableCluster', 'warningsCluster', 'errorsCluster'],
      reset: true,
    }),
    async ({ api, target, sessions, need, property }) => {
      need.reset();
      const roles = need.roles('upgradableCluster', 'warningsCluster', 'errorsCluster');
      await property(batches(poolOf(roles)), async (batch) => {
        await target.reset();
        let session = await sessions.get('administrator');
        const single: Exchange[] = [];
        for (const [m, spec] of batch) single.push(await api.call('clusters.upgrade', { params: { cluster: m.id }, body: spec, session }));
        await target.reset();
        session = await sessions.get('administrator');
        const exchange = await api.call('clusters.upgradeMultiple', {
          body: Object.fromEntries(batch.map(([m, s]) => [m.id, s])),
          session,
        });
        const singles = batch.map(([m, spec], i): Evidence => {
          const refused = m.fact === 'errorsClusters' || (m.fact === 'warningsClusters' && spec.ignore_precheck_warnings !== true);
          return {
            scenario: `upgrade ${m.id} alone (${m.fact.replace('Clusters', '')}, ignore ${flagOf(spec)})`,
            intent: refused
              ? { kind: 'documented-error', status: 400, errorType: 'UNSUPPORTED', when: 'pre-check failed of the cluster' }
              : { kind: 'valid' },
            exchange: single[i]!,
          };
        });
        return [
          {
            scenario: `upgradeMultiple of ${describeBatch(batch)}, compared with single upgrades`,
            intent: { kind: 'valid' },
            exchange,
            facts: factsOf(batch),
            related: { single },
          },
          ...singles,
        ];
      });
    },
  );
});
