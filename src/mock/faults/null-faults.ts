import { vapiError } from '../errors';
import { OPTIONAL } from './proof-suites';
import { optionalNullsUnset } from '../optional-nulls';
import type { Fault } from './fault';

/**
 * Runs after the mock has parsed and validated the body (with optional nulls read as unset), so it
 * re-reads the body as sent and refuses it as a strict schema validator would.
 */
export const nullOptionalRefused: Fault = {
  name: 'null-optional-refused',
  breaks:
    'a request body with null on an optional property (StageSpec {"commit": null}, ignore_precheck_warnings: ' +
    'null) is refused with 400 INVALID_ARGUMENT (§1; StageSpec, UpgradeSpec: "missing or null" means unset)',
  before(request) {
    const spec = request.operation.request;
    if (!spec || request.rawBody.trim() === '') return request;
    const { unset } = optionalNullsUnset(spec.schema, JSON.parse(request.rawBody));
    if (unset.length === 0) return request;
    return vapiError(
      'INVALID_ARGUMENT',
      `The request body does not match ${spec.schema}: ${unset.map((p) => `${p} must not be null`).join('; ')} ` +
        '(fault null-optional-refused).',
    );
  },
  caughtBy: {
    checks: ['commit-unset-equals-latest', 'hosts-unset-equals-all-hosts', 'unset-ignore-warnings-equals-false'],
    suites: [...OPTIONAL, 'suites/upgrade-multiple.optional-fields'],
  },
};

export const nullFaults: readonly Fault[] = [nullOptionalRefused];
