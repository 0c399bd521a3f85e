import { vapiErrorBody } from '../errors';
import type { RoutedRequest } from '../types';
import { isObject, type Fault } from './fault';

const UPGRADE_MULTIPLE = ['clusters.upgradeMultiple'] as const;

/** The request map's cluster ids, in request order. */
function requestedClusters(request: RoutedRequest): string[] {
  return isObject(request.body) ? Object.keys(request.body) : [];
}

/** Rewrites the 200 result map (a copy); other answers pass unchanged. */
function editResults(edit: (results: Record<string, unknown>, request: RoutedRequest, clusterIds: string[]) => Record<string, unknown>): NonNullable<Fault['after']> {
  return (request, response, context) => {
    if (response.status !== 200 || !isObject(response.body)) return response;
    const known = [...context.state.clusters.keys()];
    return { ...response, body: edit(structuredClone(response.body), request, known) };
  };
}

export const ignoreWarningsByDefault: Fault = {
  name: 'ignore-warnings-by-default',
  breaks: 'upgradeMultiple treats an unset ignore_precheck_warnings as true, so clusters with pre-check warnings start (§3.3: unset = false)',
  operations: UPGRADE_MULTIPLE,
  before(request) {
    if (!isObject(request.body)) return request;
    const body = Object.fromEntries(Object.entries(request.body).map(([cluster, spec]) =>
      [cluster, isObject(spec) && spec.ignore_precheck_warnings === undefined ? { ...spec, ignore_precheck_warnings: true } : spec]));
    return { ...request, body };
  },
};

export const startedWithException: Fault = {
  name: 'started-with-exception',
  breaks: 'upgradeMultiple STARTED results carry an exception (§3.2: exception is only relevant when res is REJECTED)',
  operations: UPGRADE_MULTIPLE,
  after: editResults((results) => {
    for (const [cluster, result] of Object.entries(results)) {
      if (isObject(result) && result.res === 'STARTED') results[cluster] = { ...result, exception: vapiErrorBody('ERROR', 'Pre-check reported no problem.') };
    }
    return results;
  }),
};

export const missingResultKey: Fault = {
  name: 'missing-result-key',
  breaks: 'the upgradeMultiple 200 map leaves out the last requested cluster (§3.2: one Result for each requested cluster)',
  operations: UPGRADE_MULTIPLE,
  after: editResults((results, request) => {
    const last = requestedClusters(request).at(-1);
    if (last !== undefined) delete results[last];
    return results;
  }),
};

export const extraResultKey: Fault = {
  name: 'extra-result-key',
  breaks: 'the upgradeMultiple 200 map adds a Result for a cluster that was not requested (§3.2: keys are exactly the request keys)',
  operations: UPGRADE_MULTIPLE,
  after: editResults((results, request, known) => {
    const requested = new Set(requestedClusters(request));
    const extra = known.find((id) => !requested.has(id)) ?? 'domain-c999999';
    return { ...results, [extra]: { res: 'STARTED' } };
  }),
};

export const upgradeMultipleFaults: readonly Fault[] = [ignoreWarningsByDefault, startedWithException, missingResultKey, extraResultKey];
