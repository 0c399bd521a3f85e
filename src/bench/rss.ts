import { readdirSync, readFileSync } from 'node:fs';

/** Peak resident memory seen while sampling a process tree: the whole tree at once, and its largest process. */
export interface RssPeak {
  treeMiB: number;
  largestMiB: number;
  samples: number;
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function rssKiB(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // it ended between the listing and the read
  }
}

/** RSS of `root` and all its descendants now, in KiB: [sum, largest]. */
function treeRss(root: number): [number, number] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let sum = 0;
  let largest = 0;
  for (let pending = [root], pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    const kib = rssKiB(pid);
    sum += kib;
    largest = Math.max(largest, kib);
    pending.push(...(children.get(pid) ?? []));
  }
  return [sum, largest];
}

/**
 * Samples the tree under `root` every `intervalMs` from /proc (Linux) until stopped: a peak of all the
 * processes together (the CLI, Playwright's runner, its workers, the mock inside them). undefined where
 * there is no /proc.
 */
export function sampleRss(root: number, intervalMs = 100): { stop(): RssPeak | undefined } {
  let peak = { tree: 0, largest: 0, samples: 0 };
  let available = true;
  const tick = () => {
    try {
      const [sum, largest] = treeRss(root);
      peak = { tree: Math.max(peak.tree, sum), largest: Math.max(peak.largest, largest), samples: peak.samples + 1 };
    } catch {
      available = false;
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return available && peak.samples > 0
        ? { treeMiB: peak.tree / 1024, largestMiB: peak.largest / 1024, samples: peak.samples }
        : undefined;
    },
  };
}
