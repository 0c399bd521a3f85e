import { operations } from '../../../specs/index';
import { parsesAsJson } from '../../util/json-text';
import { SESSION, AUTH, CLUSTER_OPERATIONS } from './proof-suites';
import { vapiError } from '../errors';
import { stage } from '../handlers/stage';
import { errorTypeOf } from '../../util/error-type';
import { isObject, type Fault } from './fault';

/** Faults for every operation; `--fault NAME@OPERATION_ID` narrows them to one. */

export const errorTypeMismatch: Fault = {
  name: 'error-type-mismatch',
  breaks: '404 answers carry error_type ERROR instead of NOT_FOUND (§7: NOT_FOUND ↔ 404)',
  after: (_request, response) =>
    response.status === 404 && isObject(response.body) && errorTypeOf(response.body) === 'NOT_FOUND'
      ? { ...response, body: { ...response.body, error_type: 'ERROR' } }
      : response,
  caughtBy: { checks: ['error-type-matches-status', 'documented-error-is-returned'], suites: AUTH },
};

/**
 * The response headers override the content type. The mock's server always writes JSON text, so
 * the body bytes stay the std error; a client that honours Content-Type cannot read it as JSON.
 */
export const errorBodyNotJson: Fault = {
  name: 'error-body-not-json',
  breaks: 'error responses are sent as text/plain instead of application/json (§1: every response is application/json)',
  after: (_request, response) =>
    response.status >= 400 && response.body !== undefined
      ? { ...response, headers: { ...response.headers, 'content-type': 'text/plain; charset=utf-8' } }
      : response,
  caughtBy: { checks: ['content-type-is-json'], suites: AUTH },
};

/** Answers before the handler, so nothing changes state; authentication still comes first. */
export const internalError: Fault = {
  name: 'internal-error',
  breaks:
    'every request that gets past session authentication fails with 500 ERROR, also on the session operations, which declare no 500 (§7)',
  before: (request) => vapiError('ERROR', `Simulated internal error in ${request.operation.id} (fault internal-error).`),
  caughtBy: { checks: ['status-is-documented'], suites: SESSION },
};

export const serviceUnavailable: Fault = {
  name: 'service-unavailable',
  breaks:
    'every request that gets past session authentication fails with 503 ' +
    'SERVICE_UNAVAILABLE, also on the cluster operations, which declare no 503 (§7)',
  before: (request) =>
    vapiError('SERVICE_UNAVAILABLE', `Simulated outage of the service behind ${request.operation.id} (fault service-unavailable).`),
  // Narrowed to the cluster operations (which declare no 503): login and the session service stay up.
  caughtBy: { checks: ['status-is-documented'], suites: ['suites/clusters'], operations: CLUSTER_OPERATIONS },
};

export const latency: Fault = {
  name: 'latency',
  breaks: 'no documented rule: every answer is delayed by 200 ms, to exercise client time budgets and pollers',
  latencyMs: 200,
};

/** The operations whose requests carry a JSON body. */
const WITH_BODY = operations.filter((op) => op.request).map((op) => op.id);

/** A body that is not JSON at all crashes the server instead of being refused as the client's error. */
export const malformedJson500: Fault = {
  name: 'malformed-json-500',
  breaks: 'a request body that is not JSON is answered 500 ERROR instead of a 4xx (§7: an input the client got wrong is never a 5xx)',
  operations: WITH_BODY,
  after: (request, response) =>
    request.rawBody.trim() !== '' && !parsesAsJson(request.rawBody)
      ? vapiError('ERROR', `Unexpected internal error while reading the request of ${request.operation.id} (fault malformed-json-500).`)
      : response,
  caughtBy: { checks: ['invalid-input-is-rejected-with-4xx'], suites: ['suites/invalid-input'] },
};

/** A stage without its required body runs as if `{}` had been sent. */
export const stageWithoutBodyAccepted: Fault = {
  name: 'stage-without-body-accepted',
  breaks:
    'a stage request without its required body is staged as if {} had been sent (§4: ' +
    'the StageSpec body is required; contract §8 leaves the refusal code open)',
  operations: ['software.stage'],
  after: (request, response, context) =>
    request.rawBody.trim() === '' && response.status === 400 ? stage({ ...request, body: {} }, context) : response,
  caughtBy: { checks: ['probe-is-refused'], suites: ['suites/routing.probes'] },
};

export const routeFaults: readonly Fault[] = [
  errorTypeMismatch,
  errorBodyNotJson,
  internalError,
  serviceUnavailable,
  latency,
  malformedJson500,
  stageWithoutBodyAccepted,
];
