/**
 * Which status-dependent `Cis.Task.Info` fields each task status requires, allows, and does not
 * expect (vcenter-contract.md §5.1: the 9.1 prose says "only relevant when"; the SDK 8.0U2 union
 * validator makes them required in those statuses).
 */
export const TASK_FIELDS_BY_STATUS: Readonly<
  Record<
    'PENDING' | 'RUNNING' | 'BLOCKED' | 'SUCCEEDED' | 'FAILED',
    {
      required: readonly string[];
      optional: readonly string[];
      notExpected: readonly string[];
    }
  >
> = {
  PENDING: { required: [], optional: [], notExpected: ['progress', 'start_time', 'end_time', 'result', 'error'] },
  RUNNING: { required: ['progress', 'start_time'], optional: ['result'], notExpected: ['end_time', 'error'] },
  BLOCKED: { required: ['progress', 'start_time'], optional: ['result'], notExpected: ['end_time', 'error'] },
  SUCCEEDED: { required: ['progress', 'start_time', 'end_time'], optional: ['result'], notExpected: ['error'] },
  FAILED: { required: ['progress', 'start_time', 'end_time'], optional: ['result', 'error'], notExpected: [] },
};

/** The row for a status, if it is one of Cis.Task.Status. */
export function taskFieldsFor(status: unknown): (typeof TASK_FIELDS_BY_STATUS)[keyof typeof TASK_FIELDS_BY_STATUS] | undefined {
  return typeof status === 'string' && status in TASK_FIELDS_BY_STATUS
    ? TASK_FIELDS_BY_STATUS[status as keyof typeof TASK_FIELDS_BY_STATUS]
    : undefined;
}
