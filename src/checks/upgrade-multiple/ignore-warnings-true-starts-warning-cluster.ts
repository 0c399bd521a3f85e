import type { Check } from '../types';
import { issue } from '../issue';
import { ignoresWarnings, pointerTo, requested, resOf, batchWhen, type Batch } from './batch';

/** The scenario puts a cluster in facts.warningsClusters only from a state where it is not already upgrading. */
export const ignoreWarningsTrueStartsWarningCluster: Check<Batch> = {
  name: 'ignore-warnings-true-starts-warning-cluster',
  reason:
    'A cluster whose pre-check gives only warnings proceeds only if ignore_precheck_warnings is true: ' +
    'STARTED with true, REJECTED when it is unset or false (vcenter-contract.md §3.3; ' +
    'UpgradeSpec: "If true, the upgrade workflow will ignore any pre-check warnings and proceed").',
  severity: 'failure',
  select: (e) => batchWhen(e, (x) => requested(x, 'warningsClusters').length > 0),
  run({ results, specs }, e) {
    return requested(e, 'warningsClusters')
      .filter((id) => Object.hasOwn(results, id))
      .flatMap((id) => {
        const flag = specs[id]?.ignore_precheck_warnings;
        const expected = ignoresWarnings(specs[id]) ? 'STARTED' : 'REJECTED';
        const res = resOf(results[id]);
        if (res === expected) return [];
        return [
          issue(
            this,
            `warnings-only cluster ${id} with ` +
              `ignore_precheck_warnings ${flag === undefined ? 'unset' : JSON.stringify(flag)} was ${String(res)}`,
            {
              received: `res ${String(res)}`,
              documented: `res ${expected}`,
              pointer: pointerTo(id, 'res'),
            },
          ),
        ];
      });
  },
};
