import type { HandlerContext, MockResponse, RoutedRequest } from '../types';

/**
 * A fault switch: data that breaks exactly one documented rule. It may delay the answer, rewrite
 * the request before the handler sees it, answer instead of the handler, or rewrite the response.
 * Faults apply only to requests that matched a catalogued operation.
 */
export interface Fault {
  /** Stable kebab-case name, used by `--fault NAME`. */
  name: string;
  /** One line: the documented rule this fault breaks, and how. */
  breaks: string;
  /** Catalogue operation ids it applies to; absent = every operation. */
  operations?: readonly string[];
  latencyMs?: number;
  before?(request: RoutedRequest, context: HandlerContext): RoutedRequest | MockResponse;
  after?(request: RoutedRequest, response: MockResponse, context: HandlerContext): MockResponse;
  /** Forgets any memory the fault keeps (called by the mock's reset()). */
  reset?(): void;
}

/** Whether a fault applies to an operation. */
export function faultApplies(fault: Fault, operationId: string): boolean {
  return !fault.operations || fault.operations.includes(operationId);
}
