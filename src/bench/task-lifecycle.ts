import { DEFAULTS } from '../../fixtures/options';
import { loadInventory } from '../mock/inventory';
import { startMock } from '../mock/start-mock';
import { pollTask } from '../tasks/poll-task';
import { mockRoles } from '../target/mock-roles';
import type { ApiClient } from '../client/api-client';
import { benchClient, sessionOf } from './bench-client';
import { measured } from './parts';
import type { BenchSettings, Figure, Part } from './report-types';
import { figure, ratioFigure } from './stats';

/** The task budget the suites poll with (playwright.config.ts, VCCONFORM_TASK_BUDGET_MS's default). */
const TASK_BUDGET_MS = DEFAULTS.taskBudgetMs;

/** The three stages of suites/stage-task.lifecycle.spec.ts: cluster, spec, and how many hosts the task stages. */
function scenarios(): { cluster: string; spec: object; hosts: number }[] {
  const inventory = loadInventory();
  const hostsOf = (cluster: string) => inventory.hosts.filter((h) => h.cluster === cluster).length;
  const clean = mockRoles.stageCluster!;
  return [
    { cluster: clean.id, spec: {}, hosts: hostsOf(clean.id) },
    { cluster: mockRoles.failingStageCluster!, spec: {}, hosts: hostsOf(mockRoles.failingStageCluster!) },
    { cluster: clean.id, spec: { hosts: clean.hosts.slice(0, 1) }, hosts: 1 },
  ];
}

/** The real time the mock's task engine takes for a stage of `hosts` hosts: PENDING, then one slot per host, scaled. */
export function simulatedMs(hosts: number, timeScale: number): number {
  const { taskPendingMs, stagePerHostMs } = loadInventory().timings;
  return (taskPendingMs + hosts * stagePerHostMs) / timeScale;
}

/** What the suite's stageToTheEnd does: stage, poll the task to its end with the harness's poller, read it once more. */
async function stageToTheEnd(api: ApiClient, session: string, cluster: string, spec: object): Promise<number> {
  const exchange = await api.call('software.stage', { params: { cluster }, body: spec, session });
  if (exchange.status !== 202 || typeof exchange.body !== 'string')
    throw new Error(`[vcconform] Failed to stage ${cluster}: it answered ${exchange.status} ${exchange.text.slice(0, 200)}.`);
  const task = await pollTask(api, exchange.body, session, { budgetMs: TASK_BUDGET_MS });
  if (task.outcome !== 'terminal')
    throw new Error(`[vcconform] Failed to stage ${cluster} to the end: the task was ${task.outcome} after ${task.polls.length} polls.`);
  await api.call('tasks.get', { params: { task: task.taskId }, session });
  return task.polls.length;
}

/** Wall time of the three stages, per repetition, on an in-process mock at this time scale (as a worker runs it). */
async function lifecycleWalls(timeScale: number, repetitions: number): Promise<{ walls: number[]; polls: number }> {
  const mock = await startMock({ timeScale });
  const { api, transport } = benchClient(mock.url);
  const admin = mock.users.find((u) => u.role === 'administrator')!;
  const walls: number[] = [];
  let polls = 0;
  try {
    for (let rep = -1; rep < repetitions; rep++) {
      mock.reset();
      const session = await sessionOf(api, admin);
      const t0 = performance.now();
      let n = 0;
      for (const s of scenarios()) n += await stageToTheEnd(api, session, s.cluster, s.spec);
      if (rep >= 0) {
        walls.push(performance.now() - t0);
        polls += n;
      }
      api.exchanges.length = 0;
    }
  } finally {
    transport.close();
    await mock.close();
  }
  return { walls, polls: polls / Math.max(1, repetitions) };
}

/**
 * P4: the stage-to-the-end path of the lifecycle suite, timed directly, against the task durations the mock
 * simulates (inventory timings ÷ time scale); `suiteMs`, when P2 ran, is what the suite's three tests took
 * inside each `vcconform run` (fixtures, checks and reporting included).
 */
export async function taskLifecyclePart(settings: BenchSettings, suiteMs: number[]): Promise<Part> {
  const simulated = scenarios().reduce((sum, s) => sum + simulatedMs(s.hosts, settings.timeScale), 0);
  const at = await lifecycleWalls(settings.timeScale, settings.taskRepetitions);
  const slow = settings.timeScale / 10;
  const slowSimulated = simulated * 10;
  const atSlow = await lifecycleWalls(slow, settings.taskRepetitions);
  const figures: Figure[] = [
    figure(
      'p4-stage-to-the-end',
      `stage → poll to the end → read again, the suite's 3 stages (time scale ${settings.timeScale})`,
      'ms',
      at.walls,
      `simulated ${simulated.toFixed(1)} ms; ${at.polls.toFixed(0)} polls per repetition`,
    ),
    ratioFigure(
      'p4-poll-overhead',
      `wall ÷ simulated task time (time scale ${settings.timeScale})`,
      at.walls,
      at.walls.map(() => simulated),
    ),
    ratioFigure(
      'p4-poll-overhead-slow',
      `wall ÷ simulated task time (time scale ${slow}: tasks 10× longer)`,
      atSlow.walls,
      atSlow.walls.map(() => slowSimulated),
      `simulated ${slowSimulated.toFixed(0)} ms; ${atSlow.polls.toFixed(0)} polls per repetition`,
    ),
  ];
  if (suiteMs.length > 0) {
    figures.push(figure('p4-suite-tests', 'suites/stage-task.lifecycle.spec.ts: its 3 tests inside vcconform run (P2)', 'ms', suiteMs));
    figures.push(
      ratioFigure(
        'p4-suite-to-simulated',
        "the suite's tests ÷ simulated task time",
        suiteMs,
        suiteMs.map(() => simulated),
      ),
    );
  }
  return measured('P4', figures, [
    'An in-process mock (as a Playwright worker runs it) with the default inventory; ' +
      `timings ${JSON.stringify(loadInventory().timings)}; the harness's poller (src/tasks/poll-task.ts: ` +
      "first delay 1 ms, ×1.2, at most 1 s) with the suites' 15 s budget.",
    `${settings.taskRepetitions} repetition(s) after one untimed round; the mock reset before each.`,
  ]);
}
