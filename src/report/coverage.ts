import { errorTypeOf } from '../util/error-type';
import { isObject } from '../util/is-object';
import { operations, schemaFor, type Operation } from '../../specs/index';
import type { Exchange } from '../checks/types';
import { flatten } from '../generators/flatten';
import type { CheckOutcome, OperationCoverage, TargetBuild } from './conformance-types';

/** The attachment every conformance test carries (fixtures/test.ts): what it sent and got back. */
export const COVERAGE_ATTACHMENT = 'vcconform.coverage';

/** How an optional request field was sent: absent or null, `''` / `[]` / `{}`, or with a value. */
export type FieldUsage = 'unset' | 'empty' | 'explicit';

/** One test's traffic for one catalogued operation: answers by (status, error type), optional fields by usage. */
export interface OperationUse {
  operation: string;
  statuses: { status: number; errorType: string | null; count: number }[];
  optionalFields: { field: string; unset: number; explicit: number; empty: number }[];
}

/** Where the test ran: the same for every test of a run; in each attachment because blob reports keep no project options. */
export interface RunInfo {
  kind: 'mock' | 'live' | 'replay';
  /** Base URL without credentials, query or fragment; `embedded` for the mock (a free port per worker). */
  url: string;
  seed: number | null;
  /** The build under test, as the worker got it (fixtures/test.ts `build`); null: not reported by the target. */
  build: TargetBuild | null;
}

/** The `vcconform.coverage` attachment's JSON. */
export interface TestCoverage {
  run: RunInfo;
  operations: OperationUse[];
}

/**
 * The run as the fixtures see it: the system kind and the resolved `vcconform` options. The build is
 * the one the options carry (a live target's, read by vcconform run's pre-flight, or a recording's);
 * the embedded mock's is read by each worker, which puts it in place of this null.
 */
export function runInfoOf(
  kind: 'mock' | 'live',
  options: { seed?: number; replay?: string; live?: { profile: { url: string } }; build?: TargetBuild | null },
): RunInfo {
  const seed = options.seed ?? null;
  if (kind === 'mock') return { kind, url: 'embedded', seed, build: null };
  return {
    kind: options.replay === undefined ? 'live' : 'replay',
    url: publicUrl(options.live?.profile.url ?? 'unknown'),
    seed,
    build: options.build ?? null,
  };
}

/** The URL without credentials, query or fragment (and without a trailing slash). */
export function publicUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`.replace(/\/+$/, '');
}

/** `unset` for absent and null (the 9.1 prose: "if missing or `null`"), `empty` for '' / [] / {}, else `explicit`. */
export function fieldUsage(value: unknown): FieldUsage {
  if (value === undefined || value === null) return 'unset';
  if (value === '' || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)) return 'empty';
  return 'explicit';
}

/**
 * The optional fields of an operation's request: top-level properties not in `required`, or for a
 * map body (UpgradeSpecMap: additionalProperties → UpgradeSpec) those of the map's values.
 */
export function optionalFieldsOf(op: Operation): { fields: string[]; map: boolean } {
  if (!op.request) return { fields: [], map: false };
  const body = flatten(schemaFor(op.request.schema), `${op.request.schema}#`, schemaFor);
  const map = Object.keys(body.properties).length === 0 && typeof body.additionalProperties === 'object';
  const shape = map ? flatten(body.additionalProperties!, `${op.request.schema}#/additionalProperties`, schemaFor) : body;
  return { fields: Object.keys(shape.properties).filter((name) => !shape.required.includes(name)), map };
}

const catalogue = new Map(operations.map((op) => [op.id, { op, ...optionalFieldsOf(op) }]));

/** One test's exchanges summarised per catalogued operation (requests outside the catalogue are left out). */
export function summariseExchanges(exchanges: readonly Exchange[]): OperationUse[] {
  const uses = new Map<string, OperationUse>();
  for (const e of exchanges) {
    const entry = e.operation === undefined ? undefined : catalogue.get(e.operation);
    if (!entry) continue;
    const use = uses.get(entry.op.id) ?? {
      operation: entry.op.id,
      statuses: [],
      optionalFields: entry.fields.map((field) => ({ field, unset: 0, explicit: 0, empty: 0 })),
    };
    uses.set(entry.op.id, use);
    const errorType = errorTypeOf(e.body) ?? null;
    const status = use.statuses.find((s) => s.status === e.status && s.errorType === errorType);
    if (status) status.count++;
    else use.statuses.push({ status: e.status, errorType, count: 1 });
    for (const body of bodiesOf(e, entry.op, entry.map)) {
      for (const f of use.optionalFields) f[fieldUsage(body[f.field])]++;
    }
  }
  return [...uses.values()];
}

/** The request objects whose optional fields count: the body, or each value of a map body; none for a malformed body. */
function bodiesOf(e: Exchange, op: Operation, map: boolean): Record<string, unknown>[] {
  // An optional body that was not sent leaves every optional field unset.
  if (e.request.rawBody === undefined) return op.request?.required === false ? [{}] : [];
  if (!isObject(e.request.body)) return [];
  return map ? Object.values(e.request.body).filter(isObject) : [e.request.body];
}

/** The operations coverage is about: the certified ones (appliance.version, outside the contract, is only asked for the build). */
export const coveredOperations = operations.filter((op) => op.outsideContract === undefined);

/**
 * The run's coverage: for every certified operation, each documented (status, error type) pair
 * with how often it was observed (0 included), then the undocumented pairs observed, then the
 * optional fields summed over all tests.
 */
export function coverageOf(uses: readonly OperationUse[], results: readonly CheckOutcome[] = []): OperationCoverage[] {
  return coveredOperations.map((op) => {
    const evaluated = results.filter((r) => r.operation === op.id && r.check !== '*' && r.status !== 'skipped');
    const checks = [...new Set(evaluated.map((r) => r.check))].sort();
    const skips = [
      ...new Set(results.filter((r) => r.operation === op.id && r.check === '*').flatMap((r) => (r.reason ? [r.reason] : []))),
    ];
    const uncovered = checks.length > 0 ? undefined : skips.length > 0 ? skips.sort() : ['no test of the run sent it'];
    const mine = uses.filter((u) => u.operation === op.id);
    const observed = new Map<string, number>();
    for (const s of mine.flatMap((u) => u.statuses))
      observed.set(pairKey(s.status, s.errorType), (observed.get(pairKey(s.status, s.errorType)) ?? 0) + s.count);
    const documented: [number, string | null][] = [
      [op.success.status, null],
      ...op.errors.flatMap((e) => e.errorTypes.map((t): [number, string] => [e.status, t])),
    ];
    const documentedKeys = new Set(documented.map(([s, t]) => pairKey(s, t)));
    const undocumented = [...observed.keys()]
      .filter((k) => !documentedKeys.has(k))
      .map(parsePairKey)
      .sort((a, b) => a[0] - b[0] || Number((a[1] ?? '') > (b[1] ?? '')) - Number((a[1] ?? '') < (b[1] ?? '')));
    const statuses = [
      ...documented.map(([status, errorType]) => ({
        status,
        errorType,
        documented: true,
        observed: observed.get(pairKey(status, errorType)) ?? 0,
      })),
      ...undocumented.map(([status, errorType]) => ({
        status,
        errorType,
        documented: false,
        observed: observed.get(pairKey(status, errorType))!,
      })),
    ];
    const optionalFields = (catalogue.get(op.id)?.fields ?? []).map((field) => {
      const counts = mine.flatMap((u) => u.optionalFields.filter((f) => f.field === field));
      const sum = (k: 'unset' | 'explicit' | 'empty') => counts.reduce((n, f) => n + f[k], 0);
      return { field, unset: sum('unset'), explicit: sum('explicit'), empty: sum('empty') };
    });
    return { operation: op.id, depth: op.depth, checks, ...(uncovered && { uncovered }), statuses, optionalFields };
  });
}

export { isObject };

const pairKey = (status: number, errorType: string | null) => JSON.stringify([status, errorType]);
const parsePairKey = (key: string) => JSON.parse(key) as [number, string | null];
