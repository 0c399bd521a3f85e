import fc from 'fast-check';
import { checks } from '../checks/index';
import { failuresOf, runChecks } from '../checks/run-checks';
import type { Evidence } from '../checks/types';
import { arbitraryFor } from '../generators/arbitrary-for';
import { mockRoles } from '../target/mock-roles';
import { benchClient } from './bench-client';

type Spec = { desired_version: string; ignore_precheck_warnings?: boolean | null };

/** The clean, warnings-only and errors clusters of the default inventory, at the version a batch asks for. */
const POOL = [mockRoles.upgradableCluster, mockRoles.warningsCluster, mockRoles.errorsCluster].filter((r) => r !== undefined);

/**
 * Batches as suites/upgrade-multiple.batch.spec.ts draws them: a non-empty shuffled subset of the pool,
 * each cluster with an UpgradeSpec from its schema at the role's version and ignore_precheck_warnings
 * unset, null, false or true.
 */
export const batchArbitrary: fc.Arbitrary<Record<string, Spec>> = fc
  .shuffledSubarray(POOL, { minLength: 1 })
  .chain((members) =>
    fc.tuple(
      ...members.map((m) =>
        fc
          .tuple(
            arbitraryFor('Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpec'),
            fc.constantFrom<'unset' | boolean | null>('unset', null, false, true),
          )
          .map(([generated, ignore]): [string, Spec] => {
            const { ignore_precheck_warnings: _drawn, ...rest } = generated as Spec;
            return [
              m.id,
              ignore === 'unset'
                ? { ...rest, desired_version: m.version }
                : { ...rest, desired_version: m.version, ignore_precheck_warnings: ignore },
            ];
          }),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries));

export interface CasesResult {
  casesPerSecond: number;
  cases: number;
  /** Checks that judged a case, on average, and failure-severity results in all (0 on the conforming mock). */
  checksPerCase: number;
  failedChecks: number;
}

/**
 * Property cases for `seconds`, one at a time as checkProperty (fixtures/property.ts) runs them: fast-check
 * draws a batch, the harness's client sends upgradeMultiple through its wire (node-transport, redaction,
 * the recorded exchange), and every applicable check of the registry judges the evidence.
 */
export async function harnessCases(baseUrl: string, session: string, seconds: number, seed = 42): Promise<CasesResult> {
  const { api, transport } = benchClient(baseUrl);
  api.learnSession(session);
  let judged = 0;
  let failed = 0;
  const started = performance.now();
  try {
    const details = await fc.check(
      fc.asyncProperty(batchArbitrary, async (body) => {
        const exchange = await api.call('clusters.upgradeMultiple', { body, session });
        const evidence: Evidence = { scenario: 'upgradeMultiple of a generated batch', intent: { kind: 'valid' }, exchange };
        const results = runChecks(evidence, checks);
        judged += results.length;
        failed += failuresOf(results).length;
      }),
      { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000 },
    );
    const elapsed = (performance.now() - started) / 1000;
    return {
      casesPerSecond: details.numRuns / elapsed,
      cases: details.numRuns,
      checksPerCase: judged / Math.max(1, details.numRuns),
      failedChecks: failed,
    };
  } finally {
    transport.close();
  }
}
