import { test, fc, sends, type Exchange } from '../fixtures/test';

/**
 * ignore_precheck_warnings (vcenter-contract.md §1, §3.3; UpgradeSpec: "If missing or null … It is
 * equivalent to setting the value to false"; prior-art §4.6): omitted ≡ null ≡ false, compared from
 * the same reset state, and true lets a warnings-only cluster start.
 */
type Fact = 'upgradableClusters' | 'warningsClusters' | 'errorsClusters';

test.describe('upgradeMultiple optional fields', () => {
  test(
    'a batch with ignore_precheck_warnings unset gives the same res per cluster as the same batch with it false, and with it null',
    sends({ 'read-only': ['session.create'], 'state-changing': ['clusters.upgradeMultiple'] }).assuming({
      roles: ['upgradableCluster', 'warningsCluster', 'errorsCluster'],
      reset: true,
    }),
    async ({ api, target, sessions, need, property }) => {
      need.reset();
      const roles = need.roles('upgradableCluster', 'warningsCluster', 'errorsCluster');
      const pool = (
        [
          ['upgradableClusters', roles.upgradableCluster],
          ['warningsClusters', roles.warningsCluster],
          ['errorsClusters', roles.errorsCluster],
        ] as const
      ).filter(([, c], i, all) => all.findIndex(([, o]) => o.id === c.id) === i);
      await property(fc.shuffledSubarray([...pool], { minLength: 1 }), async (members) => {
        const send = async (ignore?: false | null): Promise<Exchange> => {
          await target.reset();
          const body = Object.fromEntries(
            members.map(([, c]) => [
              c.id,
              { desired_version: c.version, ...(ignore !== undefined && { ignore_precheck_warnings: ignore }) },
            ]),
          );
          return api.call('clusters.upgradeMultiple', { body, session: await sessions.get('administrator') });
        };
        const unset = await send();
        const twin = await send(false);
        const nullTwin = await send(null);
        const facts: Record<Fact, string[]> = { upgradableClusters: [], warningsClusters: [], errorsClusters: [] };
        for (const [fact, c] of members) facts[fact].push(c.id);
        const names = members.map(([, c]) => c.id).join(', ');
        return [
          {
            scenario: `upgradeMultiple of ${names} with ignore_precheck_warnings unset, then (each from the same state) false and null`,
            intent: { kind: 'valid' },
            exchange: unset,
            facts,
            related: { twin, nullTwin },
          },
          { scenario: `upgradeMultiple of ${names} with ignore_precheck_warnings false`, intent: { kind: 'valid' }, exchange: twin, facts },
          {
            scenario: `upgradeMultiple of ${names} with ignore_precheck_warnings null`,
            intent: { kind: 'valid' },
            exchange: nullTwin,
            facts,
          },
        ];
      });
    },
  );

  for (const ignore of [true, false, undefined, null]) {
    const flag = ignore === undefined ? 'unset' : String(ignore);
    const outcome = ignore === true ? 'starts' : 'rejects';
    test(
      `ignore_precheck_warnings ${flag} ${outcome} a cluster whose pre-check gives only warnings, and get shows it`,
      sends({ 'read-only': ['session.create', 'clusters.get'], 'state-changing': ['clusters.upgradeMultiple'] }).assuming({
        roles: ['warningsCluster'],
        reset: true,
      }),
      async ({ api, target, sessions, need, verify, readBackUpgrades, vcconform }) => {
        test.setTimeout(30_000 + vcconform.taskBudgetMs);
        need.reset();
        const { warningsCluster: c } = need.roles('warningsCluster');
        await target.reset();
        const session = await sessions.get('administrator');
        const before = await api.call('clusters.get', { params: { cluster: c.id }, session });
        const spec = { desired_version: c.version, ...(ignore !== undefined && { ignore_precheck_warnings: ignore }) };
        const exchange = await api.call('clusters.upgradeMultiple', { body: { [c.id]: spec }, session });
        // A STARTED cluster is polled until get shows the upgrade (or the budget runs out).
        const { readBack, polls, poll } = await readBackUpgrades([c.id], exchange, session);
        await verify([
          {
            scenario: `upgradeMultiple of warnings-only cluster ${c.id} with ignore_precheck_warnings ${flag}`,
            intent: { kind: 'valid' },
            exchange,
            facts: { warningsClusters: [c.id], upgradePoll: poll },
            related: { before: [before], readBack },
          },
          ...polls.map((x) => ({ scenario: 'read the cluster after the batch', intent: { kind: 'valid' } as const, exchange: x })),
        ]);
      },
    );
  }
});
