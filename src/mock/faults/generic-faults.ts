import { documentsError, operations, schemaFor, taskOperation, validatorFor } from '../../../specs/index';
import { flatten } from '../../generators/flatten';
import { errorTypeOf } from '../../util/error-type';
import { parsesAsJson } from '../../util/json-text';
import { vapiError } from '../errors';
import { isObject, type Fault, type Json } from './fault';
import { GENERIC } from './proof-suites';
import { editInfos, TASK_READS } from './task-faults';

/**
 * Faults that break a rule of the generic checks (suites/generic.spec.ts) on the operations no deep suite
 * covers: each proof runs one test of the generic suite on one such operation.
 */
const generic = operations.filter((op) => op.depth === 'generic');
const genericReads = generic.filter((op) => op.method === 'GET');
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

/** `value` without the first property the schema with this `$id` requires (as it is, where it requires none). */
function withoutFirstRequired(schemaId: string, value: Json): Json {
  const [first] = flatten(schemaFor(schemaId), `${schemaId}#`, schemaFor).required;
  if (first === undefined) return value;
  const { [first]: _left, ...rest } = value;
  return rest;
}

/** The first required property of the 200 body's schema is left out. */
export const readOmitsRequiredField: Fault = {
  name: 'read-omits-required-field',
  breaks: "a generic read's 200 body leaves out a property its schema requires (§1: bodies match the documented schema)",
  operations: genericReads.map((op) => op.id),
  after: (request, response) => {
    const id = request.operation.success.schema;
    return response.status === 200 && id && isObject(response.body)
      ? { ...response, body: withoutFirstRequired(id, response.body) }
      : response;
  },
  caughtBy: { checks: ['body-matches-schema'], suites: GENERIC, grep: `${READ} answers a documented status`, operations: [READ] },
};

export const readAnswers204: Fault = {
  name: 'read-answers-204',
  breaks: 'a generic read answers 204 No Content, a status it does not document, instead of 200 with its body (§7)',
  operations: genericReads.map((op) => op.id),
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

/** A member read (`GET …/{param}`) answers 404 NOT_FOUND for every id, those its collection read lists included. */
export const listedMemberNotFound: Fault = {
  name: 'listed-member-not-found',
  breaks:
    'a generic member read answers 404 NOT_FOUND for an object its collection read lists ' +
    "(the 404's documented condition: there is no such object)",
  operations: genericReads.filter((op) => /\/\{\w+\}$/.test(op.path)).map((op) => op.id),
  before: (request) => vapiError('NOT_FOUND', `No object at ${request.path} (fault listed-member-not-found).`),
  caughtBy: { checks: ['listed-member-is-found'], suites: GENERIC, grep: `${READ} answers a documented status`, operations: [READ] },
};

/** The operation of the generic task whose result the fault breaks: the one the spec's prose links a result type to (ApplyResult). */
const APPLY = 'esx.settings.clusters.software.apply';

/** A generic task's SUCCEEDED result leaves out the first property its result schema requires. */
export const genericTaskResultOffSchema: Fault = {
  name: 'generic-task-result-off-schema',
  breaks: "a generic task's result leaves out a property its result type requires (Cis.Task.Info.result: the operation's result, §5.1)",
  operations: TASK_READS,
  after: (request, response, { state }) =>
    editInfos(request, response, (taskId, info) => {
      const record = state.tasks.get(taskId);
      const schema = record?.generic ? taskOperation(record.service, record.operation)?.task?.resultSchema : undefined;
      return schema && isObject(info.result) ? { ...info, result: withoutFirstRequired(schema, info.result) } : info;
    }),
  caughtBy: {
    checks: ['task-result-matches-schema'],
    suites: GENERIC,
    grep: `${APPLY} answers 202 with a task id`,
    operations: ['tasks.get'],
  },
};

/** The vLCM reads of one cluster, as a cluster managed with baselines (no desired-state document) answers them. */
const VLCM_READS = genericReads.filter((op) => op.path.startsWith('/api/esx/settings/clusters/{cluster}/')).map((op) => op.id);

/** Conforming, not a fault: what a cluster without a desired software document answers (each read documents this 404). */
export const noDesiredDocument: Fault = {
  name: 'no-desired-document',
  breaks:
    'no documented rule: every vLCM read of a cluster answers its documented 404 NOT_FOUND ("desired software document is not found"), ' +
    'as a cluster managed with baselines does',
  operations: VLCM_READS,
  before: (request) =>
    documentsError(request.operation, 404, 'NOT_FOUND')
      ? vapiError('NOT_FOUND', `Cluster ${request.params.cluster} has no desired software document (fault no-desired-document).`)
      : request,
};

export const genericFaults: readonly Fault[] = [
  servedWithoutSession,
  readOmitsRequiredField,
  readAnswers204,
  unknownId400,
  invalidBodyAccepted,
  genericTaskResultOffSchema,
  listedMemberNotFound,
  noDesiredDocument,
];
