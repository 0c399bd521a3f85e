import { operations, schemaFor, validatorFor } from '../../../specs/index';
import { flatten } from '../../generators/flatten';
import { errorTypeOf } from '../../util/error-type';
import { parsesAsJson } from '../../util/json-text';
import { vapiError } from '../errors';
import { isObject, type Fault } from './fault';
import { GENERIC } from './proof-suites';

/**
 * Faults that break a rule of the generic checks (suites/generic.spec.ts) on the operations no deep suite
 * covers: each proof runs one test of the generic suite on one such operation.
 */
const generic = operations.filter((op) => op.depth === 'generic');
const genericReads = generic.filter((op) => op.method === 'GET').map((op) => op.id);
const READ = 'vcenter.datacenter.get';
const CREATE = 'vcenter.datacenter.create';

/** The mock lets the request through to its handler as the administrator: app.ts reads the flag. */
export const servedWithoutSession: Fault = {
  name: 'served-without-session',
  breaks: 'a generic operation is served without a session instead of being refused with 401 UNAUTHENTICATED (§1, §7)',
  operations: generic.map((op) => op.id),
  servesWithoutSession: true,
  caughtBy: {
    checks: ['unauthenticated-is-401'],
    suites: GENERIC,
    grep: `${READ} refuses a request without a session`,
    operations: [READ],
  },
};

/** The first required property of the 200 body's schema is left out. */
export const readOmitsRequiredField: Fault = {
  name: 'read-omits-required-field',
  breaks: "a generic read's 200 body leaves out a property its schema requires (§1: bodies match the documented schema)",
  operations: genericReads,
  after: (request, response) => {
    const id = request.operation.success.schema;
    if (response.status !== 200 || !id || !isObject(response.body)) return response;
    const [first] = flatten(schemaFor(id), `${id}#`, schemaFor).required;
    if (first === undefined) return response;
    const { [first]: _left, ...rest } = response.body;
    return { ...response, body: rest };
  },
  caughtBy: { checks: ['body-matches-schema'], suites: GENERIC, grep: `${READ} answers a documented status`, operations: [READ] },
};

export const readAnswers204: Fault = {
  name: 'read-answers-204',
  breaks: 'a generic read answers 204 No Content, a status it does not document, instead of 200 with its body (§7)',
  operations: genericReads,
  after: (_request, response) => (response.status === 200 ? { status: 204 } : response),
  caughtBy: { checks: ['status-is-documented'], suites: GENERIC, grep: `${READ} answers a documented status`, operations: [READ] },
};

export const unknownId400: Fault = {
  name: 'unknown-id-400',
  breaks: 'an id the target does not have is refused with 400 INVALID_ARGUMENT instead of the documented 404 NOT_FOUND (§7)',
  operations: generic.map((op) => op.id),
  after: (request, response) =>
    response.status === 404 && errorTypeOf(response.body) === 'NOT_FOUND'
      ? vapiError('INVALID_ARGUMENT', `Invalid identifier in ${request.path} (fault unknown-id-400).`)
      : response,
  caughtBy: { checks: ['documented-error-is-returned'], suites: GENERIC, grep: `${READ} answers 404 NOT_FOUND`, operations: [READ] },
};

/** A body that breaks the schema is answered as if valid: the success status, and a created id where the operation returns one. */
export const invalidBodyAccepted: Fault = {
  name: 'invalid-body-accepted',
  breaks: 'a generic operation accepts a body that breaks its request schema instead of refusing it with a 4xx (§1, §8)',
  operations: generic.filter((op) => op.request).map((op) => op.id),
  after: (request, response) => {
    const spec = request.operation.request;
    if (!spec || response.status !== 400 || !parsesAsJson(request.rawBody)) return response;
    if (validatorFor(spec.schema)(JSON.parse(request.rawBody))) return response;
    const created = request.operation.success.schema === undefined ? undefined : 'accepted-without-validation';
    return { status: request.operation.success.status, ...(created && { body: created }) };
  },
  caughtBy: {
    checks: ['invalid-input-is-rejected-with-4xx'],
    suites: GENERIC,
    grep: `${CREATE} refuses a body that breaks`,
    operations: [CREATE],
  },
};

export const genericFaults: readonly Fault[] = [
  servedWithoutSession,
  readOmitsRequiredField,
  readAnswers204,
  unknownId400,
  invalidBodyAccepted,
];
