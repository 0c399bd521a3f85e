import { queryString } from '../client/path-and-query';
import { DEFAULTS } from '../../fixtures/options';
import { join } from 'node:path';
import { operation } from '../../specs/index';
import { startPrismMock, type PrismMock } from '../openapi/prism-mock';
import { pollTask } from '../tasks/poll-task';
import { mockRoles } from '../target/mock-roles';
import { benchClient, sessionOf } from './bench-client';
import { harnessCases, type CasesResult } from './harness-cases';
import { load, requireAll2xx, type LoadRequest } from './load';
import type { BenchSettings, Part } from './report-types';
import { startServer, userOf, type BenchServer } from './servers';
import { measured, notMeasured } from './parts';
import { figure, ratioFigure } from './stats';

const OPENAPI = join(__dirname, '..', '..', 'specs', 'vcenter.openapi.json');

/** Path and query of a catalogued operation, with its fixed `action` / `vmw-task`. */
function pathOf(operationId: string, params: Record<string, string> = {}): string {
  const op = operation(operationId);
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const query = queryString(op.query);
  return query ? `${path}?${query}` : path;
}

/** The batch autocannon repeats: the default inventory's clean, warnings-only and errors clusters, warnings ignored. */
const BATCH = JSON.stringify(
  Object.fromEntries(
    [mockRoles.upgradableCluster!, mockRoles.warningsCluster!, mockRoles.errorsCluster!].map((c) => [
      c.id,
      { desired_version: c.version, ignore_precheck_warnings: true },
    ]),
  ),
);

interface Setup {
  mock: BenchServer;
  raw: BenchServer;
  prism?: PrismMock;
  session: string;
  taskPath: string;
  sizes: string;
}

/** The mock, a session, a staged task, and a bare server answering the mock's own steady-state texts (same sizes). */
async function setUp(withPrism: boolean, closers: (() => Promise<void>)[]): Promise<Setup> {
  const mock = await startServer({ kind: 'mock' });
  closers.push(mock.close);
  const { api, transport } = benchClient(mock.url);
  try {
    const session = await sessionOf(api, userOf(mock, 'administrator'));
    const staged = await api.call('software.stage', { params: { cluster: mockRoles.stageCluster!.id }, body: {}, session });
    if (staged.status !== 202 || typeof staged.body !== 'string')
      throw new Error(`[vcconform] Failed to stage a task for the bench: stage answered ${staged.status} ${staged.text.slice(0, 200)}.`);
    // Polled to its end first: a finished task answers the same text on every poll, so every repetition reads the same thing.
    const polled = await pollTask(api, staged.body, session, { budgetMs: DEFAULTS.taskBudgetMs });
    if (polled.outcome !== 'terminal')
      throw new Error(`[vcconform] Failed to stage a task for the bench: it was ${polled.outcome} after ${polled.polls.length} polls.`);
    const taskPath = pathOf('tasks.get', { task: staged.body });
    // The second answer is the steady state: the clean cluster's upgrade is in progress from the first one on.
    await api.raw('POST', pathOf('clusters.upgradeMultiple'), { rawBody: BATCH, session });
    const batch = await api.raw('POST', pathOf('clusters.upgradeMultiple'), { rawBody: BATCH, session });
    const task = await api.raw('GET', taskPath, { session });
    const raw = await startServer({ kind: 'raw', bodies: { POST: batch.text, GET: task.text } });
    closers.push(raw.close);
    const prism = withPrism ? await startPrismMock(OPENAPI, 60_000) : undefined;
    if (prism) closers.push(prism.stop);
    return {
      mock,
      raw,
      ...(prism && { prism }),
      session,
      taskPath,
      sizes: `answers of ${Buffer.byteLength(batch.text)} B (upgradeMultiple) and ${Buffer.byteLength(task.text)} B (task poll)`,
    };
  } finally {
    transport.close();
  }
}

type Series = Record<'rawBatch' | 'mockBatch' | 'rawPoll' | 'mockPoll' | 'rawBatch1' | 'harness' | 'prismBatch', number[]>;

/**
 * P1 and P5 in one loop: every repetition measures each server in turn, so each ratio pairs two
 * measurements taken seconds apart (the machine's other load moves both sides together).
 */
export async function throughputParts(settings: BenchSettings, withPrism: boolean): Promise<Part[]> {
  const closers: (() => Promise<void>)[] = [];
  try {
    const s = await setUp(withPrism, closers);
    const headers = { 'vmware-api-session-id': s.session, 'content-type': 'application/json' };
    const batchOn = (base: string): LoadRequest => ({
      method: 'POST',
      url: base + pathOf('clusters.upgradeMultiple'),
      headers,
      body: BATCH,
    });
    const pollOn = (base: string): LoadRequest => ({
      method: 'GET',
      url: base + s.taskPath,
      headers: { 'vmware-api-session-id': s.session },
    });
    const measure = async (what: string, request: LoadRequest, connections = settings.connections) =>
      requireAll2xx(what, await load(request, settings.loadSeconds, connections)).requestsPerSecond;
    const targets: [keyof Series, string, LoadRequest, number?][] = [
      ['rawBatch', 'the bare server (POST)', batchOn(s.raw.url)],
      ['mockBatch', 'the mock on upgradeMultiple', batchOn(s.mock.url)],
      ['rawPoll', 'the bare server (GET)', pollOn(s.raw.url)],
      ['mockPoll', 'the mock on a task poll', pollOn(s.mock.url)],
      ['rawBatch1', 'the bare server on one connection', batchOn(s.raw.url), 1],
      ...(s.prism ? [['prismBatch', 'Prism on upgradeMultiple', batchOn(s.prism.baseUrl)] as [keyof Series, string, LoadRequest]] : []),
    ];
    // Warm-up: JIT and connection pools settle before anything is counted.
    if (settings.warmupSeconds > 0) for (const [, , request] of targets) await load(request, settings.warmupSeconds, settings.connections);
    const series: Series = { rawBatch: [], mockBatch: [], rawPoll: [], mockPoll: [], rawBatch1: [], harness: [], prismBatch: [] };
    const cases: CasesResult[] = [];
    for (let rep = 0; rep < settings.repetitions; rep++) {
      for (const [key, what, request, connections] of targets) series[key].push(await measure(what, request, connections));
      const c = await harnessCases(s.mock.url, s.session, settings.loadSeconds, 42 + rep);
      cases.push(c);
      series.harness.push(c.casesPerSecond);
    }
    return [
      p1Part(settings, series, cases, s.sizes),
      s.prism
        ? p5Part(settings, series, s.prism.startupMs)
        : notMeasured('P5', 'skipped', '--smoke skips Prism (its start-up alone takes seconds)'),
    ];
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

function p1Part(settings: BenchSettings, s: Series, cases: CasesResult[], sizes: string): Part {
  const conns = `${settings.connections} connections`;
  const harness = figure(
    'p1-harness-cases',
    'harness: property cases of upgradeMultiple (generate, send, checks), one at a time',
    'cases/s',
    s.harness,
    `${cases.reduce((n, c) => n + c.cases, 0)} cases, ${Math.round(cases[0]!.checksPerCase)} checks ` +
      `judged each, ${cases.reduce((n, c) => n + c.failedChecks, 0)} failed`,
  );
  const harnessRaw = ratioFigure(
    'p1-harness-to-raw',
    `harness cases/s ÷ bare server req/s (upgradeMultiple-sized, ${conns})`,
    s.harness,
    s.rawBatch,
  );
  const mockRawBatch = ratioFigure('p1-mock-to-raw-upgrade-multiple', 'mock ÷ bare server, upgradeMultiple', s.mockBatch, s.rawBatch);
  const mockRawPoll = ratioFigure('p1-mock-to-raw-task-poll', 'mock ÷ bare server, task poll', s.mockPoll, s.rawPoll);
  return measured(
    'P1',
    [
      figure('p1-raw-upgrade-multiple', `bare node:http, POST with the batch body (${conns})`, 'req/s', s.rawBatch),
      figure('p1-mock-upgrade-multiple', `mock, POST upgradeMultiple of 3 clusters (${conns})`, 'req/s', s.mockBatch),
      figure('p1-raw-task-poll', `bare node:http, GET (${conns})`, 'req/s', s.rawPoll),
      figure('p1-mock-task-poll', `mock, GET /api/cis/tasks/{id} of a finished stage task (${conns})`, 'req/s', s.mockPoll),
      figure('p1-raw-upgrade-multiple-1', 'bare node:http, POST with the batch body (1 connection)', 'req/s', s.rawBatch1),
      harness,
      harnessRaw,
      mockRawBatch,
      mockRawPoll,
      ratioFigure('p1-harness-to-raw-1', 'harness cases/s ÷ bare server req/s on 1 connection (same concurrency)', s.harness, s.rawBatch1),
    ],
    [
      `Each server runs in a process of its own; autocannon (and the harness) in the bench's process; ${settings.loadSeconds} s ` +
        `per measurement, ${settings.repetitions} repetition(s), each ratio paired within a repetition.`,
      `The bare server reads the request body and answers the mock's own steady-state text for the method: ${sizes}.`,
      'The harness runs property cases one at a time, as checkProperty does: its ratio to the 10-connection ' +
        'bare server mixes concurrency with cost; p1-harness-to-raw-1 compares at one connection.',
    ],
  );
}

function p5Part(settings: BenchSettings, s: Series, prismStartupMs: number): Part {
  const prism = figure(
    'p5-prism-upgrade-multiple',
    `Prism 5.14 (prism mock specs/vcenter.openapi.json), POST upgradeMultiple (${settings.connections} connections)`,
    'req/s',
    s.prismBatch,
    `Prism took ${prismStartupMs} ms to start`,
  );
  const ratio = ratioFigure('p5-mock-to-prism', 'mock ÷ Prism, upgradeMultiple req/s', s.mockBatch, s.prismBatch);
  return measured(
    'P5',
    [prism, ratio],
    ['Measured in the same repetitions as P1 (same request, headers and body; Prism checks the header is present, not the session).'],
  );
}
