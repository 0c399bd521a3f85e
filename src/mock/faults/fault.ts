import type { HandlerContext, MockResponse, RoutedRequest } from '../types';
import { isObject } from '../../util/is-object';

export { isObject };

/**
 * A fault switch: data that breaks exactly one documented rule. It may delay the answer, rewrite
 * the request before the handler sees it, answer instead of the handler, or rewrite the response.
 * Faults apply only to requests that matched a catalogued operation.
 */
export interface Fault {
  /** Stable kebab-case name, used by `--fault NAME` (and `NAME@OPERATION_ID` to narrow it). */
  name: string;
  /** One line: the documented rule this fault breaks, and how. */
  breaks: string;
  /** Catalogue operation ids it applies to; absent = every operation. */
  operations?: readonly string[];
  latencyMs?: number;
  /** The request is served without a session, as the administrator, instead of being refused with 401 (app.ts). */
  servesWithoutSession?: boolean;
  before?(request: RoutedRequest, context: HandlerContext): RoutedRequest | MockResponse;
  after?(request: RoutedRequest, response: MockResponse, context: HandlerContext): MockResponse;
  /** Forgets the memory the fault keeps for this mock (called by the mock's reset()). */
  reset?(context: HandlerContext): void;
  /**
   * How the fault proof (src/proof/fault-proof.test.ts) shows this fault caught: with it on, these suites
   * run and every one of these checks fails (or warns, for an advisory rule). Absent for a fault that breaks
   * no documented rule: src/proof/fault-expectations.ts lists those, saying why.
   */
  caughtBy?: CaughtBy;
}

export interface CaughtBy {
  /** The checks that name the rule the fault breaks (its `breaks` line). */
  checks: readonly string[];
  /** Suite file filters (path substrings) that exercise the rule. */
  suites: readonly string[];
  /** Only the tests whose title matches (Playwright `--grep`): the test that sets up the broken rule. */
  grep?: string;
  /** Narrows the fault to these operations (`NAME@OPERATION_ID`), so the calls the suites need first (a login) still work. */
  operations?: readonly string[];
  /** The mock's time scale, where the rule can only be seen while a task runs (WHILE_RUNNING). */
  timeScale?: number;
}

/** Whether a fault applies to an operation. */
export function faultApplies(fault: Fault, operationId: string): boolean {
  return !fault.operations || fault.operations.includes(operationId);
}

/**
 * Per-mock memory for stateful faults. Fault objects are shared by every mock in the process, so
 * what a fault remembers is keyed by the mock's state object, and reset() forgets only that mock's.
 */
export function perMock<T>(create: () => T): { of(context: HandlerContext): T; forget(context: HandlerContext): void } {
  const memory = new WeakMap<object, T>();
  return {
    of(context) {
      let value = memory.get(context.state);
      if (value === undefined) {
        value = create();
        memory.set(context.state, value);
      }
      return value;
    },
    forget(context) {
      memory.delete(context.state);
    },
  };
}

export type Json = Record<string, unknown>;
