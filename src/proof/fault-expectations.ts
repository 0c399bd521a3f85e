import { faults } from '../mock/faults/index';
import type { CaughtBy } from '../mock/faults/fault';
import { GENERIC, LIFECYCLE } from '../mock/faults/proof-suites';

/**
 * What the fault proof runs. Which check must catch each mock fault switch, and which suites exercise
 * it, is said by the fault itself (Fault.caughtBy, beside its `breaks` line): the proof self-test runs
 * those suites against the mock with the fault on and asserts the named checks fail (or warn, where the
 * rule is advisory). Here: the faults that break no documented rule, and what observation checks report.
 */
/** A fault and how it is shown caught: every one of `checks` fails (or warns, for an advisory rule) with it on. */
export type FaultExpectation = CaughtBy & { fault: string };

/** What an observation check must have reported: a value or pattern for each field of one of its issues. */
export interface Observed {
  check: string;
  message?: RegExp;
  received?: string | RegExp;
  pointer?: string;
}

/** A run of narrow suites in which an observation-severity check must report what it observed (it never fails, by design). */
export interface ObservationExpectation {
  observed: Observed;
  /** The fault switches on: none where the clean mock always gives the check something to report. */
  faults: string[];
  suites: string[];
  grep?: string;
}

/** A fault that breaks no documented rule: with it on, these suites pass with no failed and no warned check. */
export interface HarmlessFault {
  fault: string;
  why: string;
  suites: string[];
  grep?: string;
  /** What an observation check must report with the fault on (and does not on the clean mock). */
  observed?: Observed;
}

/** The fault names a run switches on: the fault itself, or one narrowed copy per operation. */
export function faultSpecs({ fault, operations }: Pick<FaultExpectation, 'fault' | 'operations'>): string[] {
  return operations ? operations.map((op) => `${fault}@${op}`) : [fault];
}

/** Every fault that breaks a documented rule, from its own caughtBy (src/mock/faults/*-faults.ts), in registry order. */
export const faultExpectations: readonly FaultExpectation[] = faults.flatMap(({ name, caughtBy }) =>
  caughtBy ? [{ fault: name, ...caughtBy }] : [],
);

/** Faults that break no documented rule: the proof runs them, and no check may fail or warn because of them. */
export const faultsBreakingNoRule: readonly HarmlessFault[] = [
  {
    fault: 'no-desired-document',
    why:
      'a cluster managed with baselines has no desired software document: its vLCM reads answer their documented 404 ' +
      '(the generic reads pass, and what needs a draft or an image is skipped saying which read answered 404)',
    suites: GENERIC,
    grep: 'esx\\.settings\\.clusters\\.software',
  },
  { fault: 'latency', why: 'slows every answer by 200 ms; exercises budgets and pollers, breaks no documented rule', suites: LIFECYCLE },
  {
    fault: 'exclude-result-ignored',
    why:
      'the on-the-wire spelling of Cis.Tasks.GetSpec on /api is undocumented ' +
      '(vcenter-contract.md §8): only observed, by task-result-omitted-when-excluded',
    suites: ['suites/tasks.get'],
    grep: 'exclude_result',
    observed: {
      check: 'task-result-omitted-when-excluded',
      message: /^the result came back although \?exclude_result=true was sent/,
      received: /^\{"status":\{"status":"OK"/,
      pointer: '/result',
    },
  },
  {
    fault: 'unset-fields-sent-as-null',
    why:
      'the 9.1 prose allows an unset optional field to be "missing or null" ' +
      '(vcenter-contract.md §1): only observed, by unset-fields-are-omitted-not-null',
    suites: ['suites/tasks.get'],
    grep: 'exclude_result',
    observed: {
      check: 'unset-fields-are-omitted-not-null',
      message: /^an unset field is sent as null instead of being omitted$/,
      received: 'null',
      pointer: '/parent',
    },
  },
];

/**
 * Each observation-severity check shown reporting what it observed, in one narrow run (a fault
 * switch where the clean mock gives it nothing to report). task-result-omitted-when-excluded is
 * shown by the exclude-result-ignored entry of faultsBreakingNoRule.
 */
export const observationExpectations: readonly ObservationExpectation[] = [
  {
    observed: {
      check: 'probe-answer-is-observed',
      message: /action=stage without vmw-task: answered 404 NOT_FOUND$/,
      received: '404 NOT_FOUND',
    },
    faults: [],
    suites: ['suites/routing.probes'],
    grep: 'a non-task \\?action=stage',
  },
  {
    observed: {
      check: 'stage-refusal-status-is-observed',
      message: /^the stage by an unprivileged user came out as: 202, task FAILED with UNAUTHORIZED$/,
      received: '202, task FAILED with UNAUTHORIZED',
    },
    faults: [],
    suites: ['suites/stage-task.privileges'],
    grep: 'by the operator user',
  },
  {
    observed: {
      check: 'unknown-cluster-outcome-is-observed',
      message: /^non-WCP cluster domain-c\d+ is reported inside the 200 body$/,
      received: 'res REJECTED (exception UNSUPPORTED)',
    },
    faults: [],
    suites: ['suites/upgrade-multiple.probes'],
    grep: 'not WCP-enabled',
  },
  {
    observed: { check: 'empty-batch-outcome-is-observed', message: /^an empty batch \{\} was answered$/, received: '200 {}' },
    faults: [],
    suites: ['suites/upgrade-multiple.probes'],
    grep: 'empty batch',
  },
  {
    // The mock refuses a duplicate in a uniqueItems array; a server that binds it to a set and accepts it is as right.
    observed: {
      check: 'lenient-input-answer-is-observed',
      message: /^duplicate-item at \/filter_spec\/\w+\/\d+ was answered 400$/,
      received: '400 INVALID_ARGUMENT',
    },
    faults: [],
    suites: ['suites/invalid-input'],
    grep: 'tasks.list refuses a body that breaks',
  },
];
