import type { Failure, TaskPoll } from '../conformance-types';
import { formatDuration, num } from './format';
import { html, type Markup } from './markup';

type Task = NonNullable<Failure['task']>;

const KNOWN = new Set(['PENDING', 'RUNNING', 'BLOCKED', 'SUCCEEDED', 'FAILED']);
const W = 640;
const H = 172;
const LEFT = 44;
const RIGHT = 24;
const PLOT = { top: 24, bottom: 90 };
const AXIS_Y = 98;
const LANE_Y = 130;
const CHAR_W = 6.6; // approximate advance of an 11px label character, to keep labels apart

/** A poll's status as the page names it: the task status, or the HTTP status of a non-Info answer. */
function stateOf(p: TaskPoll): string {
  if (p.httpStatus !== 200) return `HTTP ${p.httpStatus}`;
  return p.status ?? 'no status';
}

/** A class for the mark's colour, from a fixed set: report text never becomes a class name. */
function stateClass(p: TaskPoll): string {
  if (p.httpStatus !== 200) return 'ts-http-error';
  return p.status && KNOWN.has(p.status) ? `ts-${p.status.toLowerCase()}` : 'ts-other';
}

function progressOf(p: TaskPoll): string {
  return p.completed !== undefined && p.total !== undefined
    ? `${p.completed}/${p.total}`
    : p.completed !== undefined
      ? `${p.completed}/?`
      : '–';
}

function describeTask(task: Task): string {
  const changes: string[] = [];
  task.polls.forEach((p, i) => {
    const prev = task.polls[i - 1];
    if (!prev || stateOf(prev) !== stateOf(p)) changes.push(`${stateOf(p)} at ${formatDuration(p.offsetMs)}`);
  });
  const last = task.polls[task.polls.length - 1];
  return `Task timeline, ${task.polls.length} polls: ${changes.join(', then ')}${last ? `; last progress ${progressOf(last)}` : ''}.`;
}

/** Ticks at round fractions of the domain, labelled in people's units. */
function ticks(domain: number, x: (ms: number) => number): Markup[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const ms = domain * f;
    return html`<line class="tick" x1="${num(x(ms))}" x2="${num(x(ms))}" y1="${AXIS_Y}" y2="${AXIS_Y + 4}"/>\
<text class="tick-label" x="${num(x(ms))}" y="${AXIS_Y + 15}" text-anchor="middle">${formatDuration(ms)}</text>`;
  });
}

/** A label where the status changes; a label that would overlap the previous one drops to a second row. */
function stateLabels(task: Task, x: (ms: number) => number): Markup[] {
  const rightEdge = [-Infinity, -Infinity];
  return task.polls.flatMap((p, i) => {
    const prev = task.polls[i - 1];
    if (prev && stateOf(prev) === stateOf(p)) return [];
    const text = stateOf(p);
    const width = text.length * CHAR_W;
    const atEnd = x(p.offsetMs) + width > W - 4;
    const left = atEnd ? x(p.offsetMs) - width : x(p.offsetMs);
    const row = left > rightEdge[0]! + 6 ? 0 : 1;
    rightEdge[row] = left + width;
    return [
      html`<text class="state-label" x="${num(x(p.offsetMs))}" \
y="${LANE_Y + 20 + 13 * row}" text-anchor="${atEnd ? 'end' : 'start'}">${text}</text>`,
    ];
  });
}

/** The poll history as an inline SVG: one mark per poll coloured by status, progress as a line, time on x. */
export function timelineSvg(task: Task): Markup {
  const last = task.polls[task.polls.length - 1]?.offsetMs ?? 0;
  const domain = Math.max(last, 1);
  const x = (ms: number) => LEFT + ((W - LEFT - RIGHT) * Math.min(Math.max(ms, 0), domain)) / domain;
  const y = (fraction: number) => PLOT.bottom - (PLOT.bottom - PLOT.top) * Math.min(Math.max(fraction, 0), 1);
  const withProgress = task.polls.filter((p) => p.completed !== undefined && p.total !== undefined && p.total > 0);
  const points = withProgress.map((p) => `${num(x(p.offsetMs))},${num(y(p.completed! / p.total!))}`).join(' ');
  const label = describeTask(task);
  return html`<svg class="timeline" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-label="${label}">
<title>${label}</title>
<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${PLOT.top}" y2="${PLOT.top}"/>\
<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${PLOT.bottom}" y2="${PLOT.bottom}"/>
<text class="axis-label" x="${LEFT}" y="${PLOT.top - 10}">progress (completed / total)</text>
<text class="axis-label" x="${LEFT - 6}" y="${PLOT.top + 4}" text-anchor="end">100%</text>\
<text class="axis-label" x="${LEFT - 6}" y="${PLOT.bottom + 4}" text-anchor="end">0%</text>
<text class="axis-label" x="${LEFT - 6}" y="${LANE_Y + 4}" text-anchor="end">status</text>
<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${AXIS_Y}" y2="${AXIS_Y}"/>${ticks(domain, x)}
${
  task.budgetMs <= domain
    ? html`<line class="budget" x1="${num(x(task.budgetMs))}" x2="${num(x(task.budgetMs))}" y1="${PLOT.top}" y2="${LANE_Y + 8}"/>\
<text class="axis-label" x="${num(x(task.budgetMs) - 4)}" y="${PLOT.top + 12}" text-anchor="end">budget</text>`
    : ''
}
${
  points
    ? html`<polyline class="progress" points="${points}"/>${withProgress.map(
        (p) => html`<circle class="progress-point" cx="${num(x(p.offsetMs))}" cy="${num(y(p.completed! / p.total!))}" r="2.5">\
<title>progress ${progressOf(p)} at ${formatDuration(p.offsetMs)}</title></circle>`,
      )}`
    : ''
}
${task.polls.map(
  (p, i) => html`<circle class="mark ${stateClass(p)}" cx="${num(x(p.offsetMs))}" cy="${LANE_Y}" r="5">\
<title>poll ${i + 1} at +${formatDuration(p.offsetMs)} (${p.at}): ${stateOf(p)}, progress ${progressOf(p)}</title></circle>`,
)}
${stateLabels(task, x)}
</svg>`;
}

/** The timeline with its caption and, as a text alternative, the polls as a table. */
export function taskBlock(task: Task): Markup {
  const last = task.polls[task.polls.length - 1];
  return html`<div class="task">
<h4>Task poll history</h4>
<p>Task <code>${task.taskId}</code>: outcome <strong>${task.outcome}</strong>, ${task.polls.length} \
poll${task.polls.length === 1 ? '' : 's'} over ${formatDuration(last?.offsetMs ?? 0)}, budget ${formatDuration(task.budgetMs)}.</p>
${task.polls.length ? timelineSvg(task) : ''}
<details class="polls" open><summary>Polls as a table</summary>
<table class="plain"><thead><tr><th scope="col">#</th><th scope="col">offset</th><th scope="col">at</th>\
<th scope="col">HTTP</th><th scope="col">status</th><th scope="col">progress</th></tr></thead>
<tbody>${task.polls.map(
    (p, i) => html`<tr><td>${i + 1}</td><td>+${formatDuration(p.offsetMs)}</td><td>${p.at}</td><td>${p.httpStatus}</td>\
<td><span class="dot ${stateClass(p)}" aria-hidden="true"></span>${p.status ?? '–'}</td><td>${progressOf(p)}</td></tr>`,
  )}</tbody></table>
</details>
</div>`;
}
