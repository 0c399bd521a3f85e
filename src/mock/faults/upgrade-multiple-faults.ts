import { vapiError, vapiErrorBody } from '../errors';
import { UM } from './proof-suites';
import type { MockState } from '../state';
import { UPGRADE_PRIVILEGE, settledSupervisor, tryUpgrade, type UpgradeSpec } from '../supervisor';
import type { HandlerContext, RoutedRequest } from '../types';
import { isObject, type Fault } from './fault';

const UPGRADE_MULTIPLE = ['clusters.upgradeMultiple'] as const;

/** The request map's cluster ids, in request order. */
function requestedClusters(request: RoutedRequest): string[] {
  return isObject(request.body) ? Object.keys(request.body) : [];
}

/** Rewrites the 200 result map (a copy); other answers pass unchanged. */
function editResults(
  edit: (results: Record<string, unknown>, request: RoutedRequest, clusterIds: string[]) => Record<string, unknown>,
): NonNullable<Fault['after']> {
  return (request, response, context) => {
    if (response.status !== 200 || !isObject(response.body)) return response;
    const known = [...context.state.clusters.keys()];
    return { ...response, body: edit(structuredClone(response.body), request, known) };
  };
}

export const ignoreWarningsByDefault: Fault = {
  name: 'ignore-warnings-by-default',
  breaks:
    'upgradeMultiple treats an unset ignore_precheck_warnings as true, so clusters with pre-check warnings start (§3.3: unset = false)',
  operations: UPGRADE_MULTIPLE,
  before(request) {
    if (!isObject(request.body)) return request;
    const body = Object.fromEntries(
      Object.entries(request.body).map(([cluster, spec]) => [
        cluster,
        isObject(spec) && spec.ignore_precheck_warnings === undefined ? { ...spec, ignore_precheck_warnings: true } : spec,
      ]),
    );
    return { ...request, body };
  },
  caughtBy: { checks: ['ignore-warnings-true-starts-warning-cluster', 'unset-ignore-warnings-equals-false'], suites: UM },
};

export const singleUpgradeIgnoresWarningsByDefault: Fault = {
  name: 'single-upgrade-ignores-warnings-by-default',
  breaks:
    'the single upgrade treats an unset ignore_precheck_warnings as true, so a warnings-only cluster it would refuse starts, ' +
    'where upgradeMultiple from the same state REJECTS it (§3.1–§3.3: both share the pre-check; unset = false)',
  operations: ['clusters.upgrade'],
  before(request) {
    if (!isObject(request.body) || request.body.ignore_precheck_warnings !== undefined) return request;
    return { ...request, body: { ...request.body, ignore_precheck_warnings: true } };
  },
  // The single call's own documented 400 UNSUPPORTED is missed too: both checks name the shared pre-check.
  caughtBy: { checks: ['single-and-batch-agree', 'documented-error-is-returned'], suites: UM, grep: 'the single upgrade agree' },
};

export const startedWithException: Fault = {
  name: 'started-with-exception',
  breaks: 'upgradeMultiple STARTED results carry an exception (§3.2: exception is only relevant when res is REJECTED)',
  operations: UPGRADE_MULTIPLE,
  after: editResults((results) => {
    for (const [cluster, result] of Object.entries(results)) {
      if (isObject(result) && result.res === 'STARTED')
        results[cluster] = { ...result, exception: vapiErrorBody('ERROR', 'Pre-check reported no problem.') };
    }
    return results;
  }),
  caughtBy: { checks: ['started-has-no-exception'], suites: UM },
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
  caughtBy: { checks: ['result-keys-match-request'], suites: UM },
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
  caughtBy: { checks: ['result-keys-match-request'], suites: UM },
};

/** The request map's entries (cluster id → spec), in request order. */
function requestedSpecs(request: RoutedRequest): [string, UpgradeSpec][] {
  return isObject(request.body) ? (Object.entries(request.body) as [string, UpgradeSpec][]) : [];
}

/** The pre-check outcome of a WCP cluster for a version ('none' when clean; undefined when not WCP or unknown). */
function precheckOf(state: MockState, clusterId: string, version: string): string | undefined {
  const s = state.clusters.get(clusterId)?.supervisor;
  return s ? (s.prechecks[version] ?? 'none') : undefined;
}

/** Starts an upgrade with no pre-check at all, as a faulty server would; false when it cannot start (unknown, not WCP, busy, version). */
function startWithoutPrecheck(state: MockState, clusterId: string, version: string): boolean {
  const cluster = state.clusters.get(clusterId);
  const s = cluster && settledSupervisor(cluster, state.now());
  if (!s || s.upgrade || !s.availableVersions.includes(version)) return false;
  const now = state.now();
  s.upgrade = { to: version, startedAt: now, endsAt: now + state.timings.upgradeMs };
  return true;
}

/** Whether the caller holds Namespaces.Upgrade on every listed cluster (else the handler answers 403). */
function mayUpgradeAll(request: RoutedRequest, { state }: HandlerContext): boolean {
  return requestedSpecs(request).every(([id]) => state.can(request.user!, UPGRADE_PRIVILEGE, id));
}

export const precheckFailureAs400: Fault = {
  name: 'precheck-failure-as-400',
  breaks:
    'upgradeMultiple refuses a whole batch with 400 UNSUPPORTED when any cluster fails its pre-check, ' +
    'starting none (§3.2: pre-check failures are REJECTED inside the 200 body, never a 400)',
  operations: UPGRADE_MULTIPLE,
  before(request, context) {
    if (!mayUpgradeAll(request, context)) return request;
    const failing = requestedSpecs(request).filter(([id, spec]) => {
      const outcome = precheckOf(context.state, id, spec.desired_version);
      return outcome === 'errors' || (outcome === 'warnings' && spec.ignore_precheck_warnings !== true);
    });
    return failing.length ? vapiError('UNSUPPORTED', `Pre-check failed for ${failing.map(([id]) => id).join(', ')}.`) : request;
  },
  caughtBy: { checks: ['precheck-failure-is-per-cluster', 'status-is-documented'], suites: [...UM, 'suites/clusters'] },
};

export const ignoreWarningsSkipsErrors: Fault = {
  name: 'ignore-warnings-skips-errors',
  breaks:
    'upgradeMultiple with ignore_precheck_warnings: true starts a cluster whose ' +
    'pre-check reports errors, as STARTED (§3.3: ERROR never proceeds beyond pre-check)',
  operations: UPGRADE_MULTIPLE,
  after(request, response, { state }) {
    if (response.status !== 200 || !isObject(response.body)) return response;
    const results = structuredClone(response.body);
    for (const [id, spec] of requestedSpecs(request)) {
      if (
        spec.ignore_precheck_warnings === true &&
        precheckOf(state, id, spec.desired_version) === 'errors' &&
        startWithoutPrecheck(state, id, spec.desired_version)
      )
        results[id] = { res: 'STARTED' };
    }
    return { ...response, body: results };
  },
  caughtBy: { checks: ['precheck-errors-are-rejected'], suites: UM },
};

export const ignoreWarningsFlagIgnored: Fault = {
  name: 'ignore-warnings-flag-ignored',
  breaks:
    'upgradeMultiple disregards ignore_precheck_warnings: true, so a cluster with pre-check warnings ' +
    'only is REJECTED (§3.3, UpgradeSpec: if true, the workflow ignores warnings and proceeds)',
  operations: UPGRADE_MULTIPLE,
  before(request) {
    if (!isObject(request.body)) return request;
    const body = Object.fromEntries(
      Object.entries(request.body).map(([cluster, spec]) => [
        cluster,
        isObject(spec) ? { ...spec, ignore_precheck_warnings: false } : spec,
      ]),
    );
    return { ...request, body };
  },
  caughtBy: { checks: ['ignore-warnings-true-starts-warning-cluster'], suites: UM },
};

export const unauthorizedAfterStarting: Fault = {
  name: 'unauthorized-after-starting',
  breaks:
    'upgradeMultiple starts the clusters the caller may upgrade before answering 403 for the ' +
    'cluster it may not (§3.2: a 403 for the whole request, and no cluster may start upgrading)',
  operations: UPGRADE_MULTIPLE,
  after(request, response, { state }) {
    if (response.status !== 403 || !request.user) return response;
    for (const [id, spec] of requestedSpecs(request)) if (state.can(request.user, UPGRADE_PRIVILEGE, id)) tryUpgrade(state, id, spec);
    return response;
  },
  caughtBy: { checks: ['unprivileged-batch-starts-nothing'], suites: UM },
};

export const startedButNotUpgrading: Fault = {
  name: 'started-but-not-upgrading',
  breaks:
    'upgradeMultiple answers STARTED but the upgrade never begins: get keeps showing READY at the old ' +
    'version however long it is polled (9.1 Result.Res: STARTED means "Upgrade is started"; §3.2, §3.4)',
  operations: UPGRADE_MULTIPLE,
  after(_request, response, { state }) {
    if (response.status !== 200 || !isObject(response.body)) return response;
    for (const [id, result] of Object.entries(response.body)) {
      if (isObject(result) && result.res === 'STARTED') delete state.clusters.get(id)?.supervisor?.upgrade;
    }
    return response;
  },
  // The started clusters are polled to the end of the (proof's short) task budget before the check fails.
  caughtBy: { checks: ['started-cluster-shows-upgrade'], suites: UM, grep: 'get agrees|get shows it' },
};

export const singleUpgradeNotStarted: Fault = {
  name: 'single-upgrade-not-started',
  breaks:
    'the single upgrade answers 204 but the upgrade never begins: get keeps showing READY at the old version however long ' +
    'it is polled (9.1 upgrade: a pre-check with INFO at most "proceeds beyond precheck operation uninterrupted"; §3.1, §3.3)',
  operations: ['clusters.upgrade'],
  after(request, response, { state }) {
    if (response.status === 204 && request.params.cluster !== undefined)
      delete state.clusters.get(request.params.cluster)?.supervisor?.upgrade;
    return response;
  },
  caughtBy: { checks: ['started-cluster-shows-upgrade'], suites: ['suites/clusters.read'], grep: 'get then shows the upgrade' },
};

export const rejectedButUpgrading: Fault = {
  name: 'rejected-but-upgrading',
  breaks:
    "upgradeMultiple answers REJECTED for a failed pre-check but starts that cluster's upgrade " +
    'anyway (§3.2, §3.3: REJECTED means the pre-check failed, and the upgrade does not proceed)',
  operations: UPGRADE_MULTIPLE,
  after(request, response, { state }) {
    if (response.status !== 200 || !isObject(response.body)) return response;
    for (const [id, spec] of requestedSpecs(request)) {
      const result = response.body[id];
      if (
        isObject(result) &&
        result.res === 'REJECTED' &&
        ['errors', 'warnings'].includes(precheckOf(state, id, spec.desired_version) ?? '')
      )
        startWithoutPrecheck(state, id, spec.desired_version);
    }
    return response;
  },
  caughtBy: { checks: ['rejected-cluster-does-not-upgrade'], suites: UM },
};

export const cleanClusterRejected: Fault = {
  name: 'clean-cluster-rejected',
  breaks:
    'upgradeMultiple rejects every cluster it would start, clean pre-checks included, ' +
    'and starts none (§3.2, §3.3: REJECTED implies a failed pre-check; a clean pre-check proceeds)',
  operations: UPGRADE_MULTIPLE,
  after(_request, response, { state }) {
    if (response.status !== 200 || !isObject(response.body)) return response;
    const results = structuredClone(response.body);
    for (const [id, result] of Object.entries(results)) {
      if (!isObject(result) || result.res !== 'STARTED') continue;
      delete state.clusters.get(id)?.supervisor?.upgrade;
      results[id] = { res: 'REJECTED', exception: vapiErrorBody('UNSUPPORTED', `Upgrade of cluster ${id} was rejected.`) };
    }
    return { ...response, body: results };
  },
  caughtBy: { checks: ['clean-precheck-cluster-is-started'], suites: UM },
};

export const exceptionAsString: Fault = {
  name: 'exception-as-string',
  breaks: 'upgradeMultiple REJECTED results carry the exception as a string, as the 7.0 spec typed it (9.1 Result.exception: type object)',
  operations: UPGRADE_MULTIPLE,
  after: editResults((results) => {
    for (const [cluster, result] of Object.entries(results)) {
      if (isObject(result) && result.res === 'REJECTED' && isObject(result.exception))
        results[cluster] = { ...result, exception: exceptionText(result.exception) };
    }
    return results;
  }),
  caughtBy: { checks: ['rejected-exception-is-an-object', 'body-matches-schema'], suites: UM },
};

function exceptionText(exception: Record<string, unknown>): string {
  const first = Array.isArray(exception.messages) && isObject(exception.messages[0]) ? exception.messages[0].default_message : undefined;
  return typeof first === 'string' ? first : String(exception.error_type);
}

export const upgradeMultipleFaults: readonly Fault[] = [
  ignoreWarningsByDefault,
  singleUpgradeIgnoresWarningsByDefault,
  startedWithException,
  missingResultKey,
  extraResultKey,
  precheckFailureAs400,
  ignoreWarningsSkipsErrors,
  ignoreWarningsFlagIgnored,
  unauthorizedAfterStarting,
  startedButNotUpgrading,
  singleUpgradeNotStarted,
  rejectedButUpgrading,
  cleanClusterRejected,
  exceptionAsString,
];
