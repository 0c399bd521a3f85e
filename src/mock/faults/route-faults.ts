import { vapiError } from '../errors';
import { errorTypeOf, isObject, type Fault } from './fault';

/** Faults for every operation; `--fault NAME@OPERATION_ID` narrows them to one. */

export const errorTypeMismatch: Fault = {
  name: 'error-type-mismatch',
  breaks: '404 answers carry error_type ERROR instead of NOT_FOUND (§7: NOT_FOUND ↔ 404)',
  after: (_request, response) => (response.status === 404 && isObject(response.body) && errorTypeOf(response) === 'NOT_FOUND'
    ? { ...response, body: { ...response.body, error_type: 'ERROR' } }
    : response),
};

/**
 * The response headers override the content type. The mock's server always writes JSON text, so
 * the body bytes stay the std error; a client that honours Content-Type cannot read it as JSON.
 */
export const errorBodyNotJson: Fault = {
  name: 'error-body-not-json',
  breaks: 'error responses are sent as text/plain instead of application/json (§1: every response is application/json)',
  after: (_request, response) => (response.status >= 400 && response.body !== undefined
    ? { ...response, headers: { ...response.headers, 'content-type': 'text/plain; charset=utf-8' } }
    : response),
};

/** Answers before the handler, so nothing changes state; authentication still comes first. */
export const internalError: Fault = {
  name: 'internal-error',
  breaks: 'every request that gets past session authentication fails with 500 ERROR, also on the session operations, which declare no 500 (§7)',
  before: (request) => vapiError('ERROR', `Simulated internal error in ${request.operation.id} (fault internal-error).`),
};

export const serviceUnavailable: Fault = {
  name: 'service-unavailable',
  breaks: 'every request that gets past session authentication fails with 503 SERVICE_UNAVAILABLE, also on the cluster operations, which declare no 503 (§7)',
  before: (request) => vapiError('SERVICE_UNAVAILABLE', `Simulated outage of the service behind ${request.operation.id} (fault service-unavailable).`),
};

export const latency: Fault = {
  name: 'latency',
  breaks: 'no documented rule: every answer is delayed by 200 ms, to exercise client time budgets and pollers',
  latencyMs: 200,
};

export const routeFaults: readonly Fault[] = [errorTypeMismatch, errorBodyNotJson, internalError, serviceUnavailable, latency];
