import type { ErrorObject } from 'ajv';
import { validatorFor } from '../../../specs/index';
import { UsageError } from '../../errors';
import { CONFORMANCE_FORMAT, CONFORMANCE_VERSION, type ConformanceReport } from '../conformance-types';

/** The `$id` of conformance.json (specs/vcconform/conformance-report.schema.json). */
export const REPORT_SCHEMA_ID = 'Vcconform.Conformance.Report';
const MAX_PROBLEMS = 3;

/** One Ajv error as `at /pointer: what is wrong`, naming the property or the allowed values Ajv leaves out. */
function describe(e: ErrorObject): string {
  const params = e.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const extra =
    e.keyword === 'additionalProperties'
      ? ` (${JSON.stringify(params.additionalProperty)})`
      : e.keyword === 'enum'
        ? ` (${(params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')})`
        : '';
  return `at ${e.instancePath || '/'}: ${e.message ?? e.keyword}${extra}`;
}

/**
 * The value as a ConformanceReport, or a UsageError saying why it is not one: first the format
 * marker (so Playwright's results.json is named as such), then the version, then the schema.
 */
export function checkConformanceReport(value: unknown): ConformanceReport {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    (value as { format?: unknown }).format !== CONFORMANCE_FORMAT
  ) {
    throw new UsageError(
      `not a vcconform conformance report (it has no "format": "${CONFORMANCE_FORMAT}"; ` +
        'compare reads the conformance.json a run writes, not results.json)',
    );
  }
  const version = (value as { version?: unknown }).version;
  if (version !== CONFORMANCE_VERSION) {
    throw new UsageError(
      `a conformance report of version ${JSON.stringify(version)}, but this vcconform reads version ${CONFORMANCE_VERSION}`,
    );
  }
  const validate = validatorFor<ConformanceReport>(REPORT_SCHEMA_ID);
  const problems = validate(value) ? [] : (validate.errors ?? []).map(describe);
  if (problems.length) {
    const more = problems.length > MAX_PROBLEMS ? `; and ${problems.length - MAX_PROBLEMS} more` : '';
    throw new UsageError(`not a valid conformance report (${REPORT_SCHEMA_ID}): ${problems.slice(0, MAX_PROBLEMS).join('; ')}${more}`);
  }
  return value as ConformanceReport;
}
