import type { Evidence } from '../types';
import { errorTypeOf } from '../generic/operation-facts';
import { withoutNulls } from '../../util/without-nulls';
import { isObject, type StageSpecView } from './stage-runs';

/** A related stage call answered with an error: it started no task, so stageRuns() has nothing to judge. */
export interface RefusedStageRun {
  name: string;
  /** The StageSpec as sent, nulls kept (for messages and to see which fields it named). */
  sent: Record<string, unknown>;
  /** The StageSpec as documented: null on a field means unset (vcenter-contract.md §1). */
  spec: StageSpecView;
  /** The answer, e.g. `400 INVALID_ARGUMENT`. */
  answer: string;
  pointer: string;
}

/**
 * Each `related` entry given as `[stage exchange, ...its task polls]` whose stage call was answered
 * 4xx or 5xx. A scenario relates runs of specs the documentation says must stage (`{commit: null}`,
 * `{hosts: []}`, …), so a refusal of one of them breaks the equivalence the checks judge.
 */
export function refusedStageRuns(e: Evidence): RefusedStageRun[] {
  return Object.entries(e.related ?? {}).flatMap(([name, value]) => {
    const stage = Array.isArray(value) ? value[0] : undefined;
    if (stage?.operation !== 'software.stage' || stage.status < 400) return [];
    const sent = isObject(stage.request.body) ? stage.request.body : {};
    const spec = withoutNulls(sent) as StageSpecView;
    return [{ name, sent, spec, answer: `${stage.status} ${errorTypeOf(stage.body) ?? ''}`.trim(), pointer: `/related/${name}/0/status` }];
  });
}
