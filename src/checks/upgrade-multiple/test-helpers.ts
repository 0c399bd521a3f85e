import type { Evidence, Exchange, Intent } from '../types';

/** Hand-built exchanges for the upgradeMultiple check table (upgrade-multiple.test.ts). */

const BASE = '/api/vcenter/namespace-management/software/clusters';

/** An exchange with JSON request/response bodies; `body: undefined` means no response body. */
export function exchange(x: {
  operation: string;
  method?: string;
  url: string;
  request?: unknown;
  status: number;
  body?: unknown;
}): Exchange {
  const text = x.body === undefined ? '' : JSON.stringify(x.body);
  return {
    operation: x.operation,
    request: {
      method: x.method ?? 'POST',
      url: x.url,
      headers: { accept: 'application/json' },
      ...(x.request !== undefined && { body: x.request, rawBody: JSON.stringify(x.request) }),
    },
    status: x.status,
    headers: text ? { 'content-type': 'application/json' } : {},
    body: x.body,
    text,
    bodyIsJson: text !== '',
    at: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
  };
}

export const v = 'v1.30.4';
export const spec = (ignore?: boolean | null) => ({
  desired_version: v,
  ...(ignore !== undefined && { ignore_precheck_warnings: ignore }),
});
export const stdError = (type: string, text = 'Pre-check failed.') => ({
  error_type: type,
  messages: [{ id: 'x.y', default_message: text, args: [] }],
});
export const STARTED = { res: 'STARTED' };
export const REJECTED = { res: 'REJECTED', exception: stdError('UNSUPPORTED') };

/** POST …?action=upgradeMultiple with this map, answered with this status and body. */
export function batch(request: unknown, status: number, body?: unknown): Exchange {
  return exchange({ operation: 'clusters.upgradeMultiple', url: `${BASE}?action=upgradeMultiple`, request, status, body });
}

/** POST …/{cluster}?action=upgrade with this spec. */
export function single(cluster: string, request: unknown, status: number, body?: unknown): Exchange {
  return exchange({ operation: 'clusters.upgrade', url: `${BASE}/${cluster}?action=upgrade`, request, status, body });
}

/** GET …/{cluster} answered 200 with an Info. */
export function get(cluster: string, info: Record<string, unknown>, status = 200): Exchange {
  return exchange({ operation: 'clusters.get', method: 'GET', url: `${BASE}/${cluster}`, status, body: info });
}

export const ready = (version = 'v1.29.7', extra: Record<string, unknown> = {}) => ({
  current_version: version,
  available_versions: [v],
  messages: [],
  state: 'READY',
  ...extra,
});
export const pending = (to = v) => ({ ...ready(), state: 'PENDING', upgrade_status: { desired_version: to, messages: [] } });

/** The `upgradePoll` fact of a read-back that polled each of these clusters `reads` times over `ms` (src/tasks/poll-upgrades.ts). */
export function polled(clusters: string[], ms = 3000, reads = 9, budgetMs = 3000) {
  return {
    upgradePoll: {
      budgetMs,
      reads: Object.fromEntries(clusters.map((c) => [c, reads])),
      polledMs: Object.fromEntries(clusters.map((c) => [c, ms])),
    },
  };
}

/** Evidence of a batch, valid intent unless given. */
export function evidence(exchange: Exchange, more: Partial<Evidence> = {}, intent: Intent = { kind: 'valid' }): Evidence {
  return { scenario: 'self-test', intent, exchange, ...more };
}
