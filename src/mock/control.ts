import { vapiError } from './errors';
import type { Journal } from './journal';
import { MockError } from './mock-error';
import type { MockRequest, MockResponse } from './types';

/** Where the test-control surface lives: outside `/api`, so it can never shadow an operation. */
export const CONTROL_PREFIX = '/__vcconform';

/** On GET /__vcconform/journal: how many requests the journal no longer holds (it keeps the newest N). */
export const JOURNAL_DROPPED_HEADER = 'x-vcconform-journal-dropped';

/** What the control surface may drive. */
export interface ControlTarget {
  journal: Journal;
  reset(): void;
  /** Replaces the fault switches in force; throws MockError for an unknown name. */
  setFaults(names: readonly string[]): void;
}

interface ControlRoute {
  method: string;
  path: string;
  summary: string;
  run(request: MockRequest, target: ControlTarget): MockResponse;
}

const routes: readonly ControlRoute[] = [
  {
    method: 'POST',
    path: `${CONTROL_PREFIX}/reset`,
    summary: 'back to the initial state (204)',
    run: (_request, target) => {
      target.reset();
      return { status: 204 };
    },
  },
  {
    method: 'PUT',
    path: `${CONTROL_PREFIX}/faults`,
    summary: 'body {"faults": [NAME…]}: the fault switches in force (200)',
    run: putFaults,
  },
  {
    method: 'GET',
    path: `${CONTROL_PREFIX}/journal`,
    summary: `the newest requests, oldest first (200); header ${JOURNAL_DROPPED_HEADER}: how many older ones were not kept`,
    run: (_request, target) => ({
      status: 200,
      body: target.journal.all(),
      headers: { [JOURNAL_DROPPED_HEADER]: String(target.journal.dropped) },
    }),
  },
];

function putFaults(request: MockRequest, target: ControlTarget): MockResponse {
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch {
    body = undefined;
  }
  const names = (body as { faults?: unknown } | undefined)?.faults;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    return vapiError(
      'INVALID_ARGUMENT',
      '[vcconform] Failed to set the faults: the body must be {"faults": ' +
        `["name", …]}, got ${JSON.stringify(request.rawBody.slice(0, 200))}.`,
    );
  }
  try {
    target.setFaults(names);
  } catch (e) {
    if (e instanceof MockError) return vapiError('INVALID_ARGUMENT', e.message);
    throw e;
  }
  return { status: 200, body: { faults: names } };
}

/**
 * The control surface's answer to a request under CONTROL_PREFIX, or undefined for any other
 * path. Control requests are not journalled: the journal is what the API saw.
 */
export function controlResponse(request: MockRequest, target: ControlTarget): MockResponse | undefined {
  if (request.path !== CONTROL_PREFIX && !request.path.startsWith(`${CONTROL_PREFIX}/`)) return undefined;
  const route = routes.find((r) => r.method === request.method && r.path === request.path);
  if (route) return route.run(request, target);
  const known = routes.map((r) => `${r.method} ${r.path}`).join(', ');
  return vapiError('NOT_FOUND', `No control operation at ${request.method} ${request.path}. Control operations: ${known}.`);
}

/** Wraps the mock app so control paths are answered by the control surface, everything else by the app. */
export function withControl(
  app: (request: MockRequest) => Promise<MockResponse>,
  target: ControlTarget,
): (request: MockRequest) => Promise<MockResponse> {
  return async (request) => controlResponse(request, target) ?? app(request);
}

/** One line per control operation, for banners and docs. */
export function controlSummary(): string[] {
  return routes.map((r) => `${r.method.padEnd(4)} ${r.path}  ${r.summary}`);
}
