import type { Transport } from '../client/api-client';
import type { Role } from '../target/roles';
import type { DeclaredLacks } from '../target/privileges';
import { classify, planKey, type Classification, type RequestClass, type SafetyFacts } from './classify';
import { learnFrom, type LearnedFacts } from './learn';
import { readRequest } from './read-request';

export { planKey };

export interface SafetyPolicy {
  allowMutations: boolean;
  /** cluster ids state changes may touch; '*' = any (the embedded mock) */
  allowlist: readonly string[] | '*';
}

/** One request the guard saw: its class, and whether it was sent (with the answer's status) or refused. */
export interface Decision {
  /** ISO time the guard decided. */
  at: string;
  method: string;
  /** Path and query, without the origin. */
  path: string;
  operation: string;
  class: RequestClass;
  reason: string;
  clusters: string[];
  sent: boolean;
  status?: number;
  refusal?: string;
}

/** Safe mode refused a state-changing request; nothing was sent. */
export class SafeModeRefusal extends Error {
  override name = 'SafeModeRefusal';
  constructor(
    message: string,
    readonly decision: Decision,
  ) {
    super(message);
  }
}

/** The request's `operation:class` is not in the running test's plan; nothing was sent. */
export class UndeclaredRequest extends Error {
  override name = 'UndeclaredRequest';
  constructor(
    message: string,
    readonly decision: Decision,
  ) {
    super(message);
  }
}

/** Classifies every request, sends only what the policy allows, and learns facts from the answers. */
export class SafetyGuard {
  private readonly facts: LearnedFacts;
  private readonly log: Decision[] = [];

  /** `lacks`: what each role's user is declared to lack (only declared lacks make a request expected-rejected). */
  constructor(
    private readonly policy: SafetyPolicy,
    options: { lacks?: Partial<Record<Role, DeclaredLacks>> } = {},
  ) {
    this.facts = { sessions: new Map(), absent: new Set(), tasks: new Map(), lacks: options.lacks ?? {} };
  }

  /** Every decision so far, sent or refused, in the order decided. */
  get decisions(): readonly Decision[] {
    return this.log;
  }

  /** Trusts a session the harness created (after a successful login) as holding `role`. */
  trustSession(sessionId: string, role: Role): void {
    this.facts.sessions.set(sessionId, role);
  }

  /**
   * Wraps a transport: classify, enforce, send, learn from the answer. `declared()` returns the current test's declared "operation:class"
   * keys, or undefined for no check.
   */
  wrap(transport: Transport, declared?: () => ReadonlySet<string> | undefined): Transport {
    return async (request) => {
      const c = classify(request, this.view());
      const decision: Decision = {
        at: new Date().toISOString(),
        method: request.method,
        path: readRequest(request).pathAndQuery,
        operation: c.operation,
        class: c.class,
        reason: c.reason,
        clusters: c.clusters,
        sent: false,
      };
      this.log.push(decision);
      const plan = declared?.();
      if (plan && !plan.has(planKey(c.operation, c.class))) {
        decision.refusal = undeclaredMessage(decision, plan);
        throw new UndeclaredRequest(decision.refusal, decision);
      }
      const refusal = c.class === 'state-changing' ? refusalOf(decision, c, this.policy) : undefined;
      if (refusal) {
        decision.refusal = refusal;
        throw new SafeModeRefusal(refusal, decision);
      }
      decision.sent = true;
      const response = await transport(request);
      decision.status = response.status;
      learnFrom(request, response, this.facts);
      return response;
    };
  }

  /** State-changing requests actually sent, per cluster, both sorted (a send that failed may have arrived: it counts). */
  changed(): { cluster: string; operations: string[] }[] {
    const byCluster = new Map<string, Set<string>>();
    for (const d of this.log) {
      if (!d.sent || d.class !== 'state-changing') continue;
      for (const cluster of d.clusters) byCluster.set(cluster, (byCluster.get(cluster) ?? new Set()).add(d.operation));
    }
    return [...byCluster].sort(([a], [b]) => a.localeCompare(b)).map(([cluster, ops]) => ({ cluster, operations: [...ops].sort() }));
  }

  private view(): SafetyFacts {
    const { sessions, absent, tasks, lacks } = this.facts;
    return {
      sessionRole: (id) => sessions.get(id),
      isAbsent: (id) => absent.has(id),
      lacksOf: (role) => lacks[role],
      taskCluster: (id) => tasks.get(id),
    };
  }
}

const PREFIX = '[vcconform] safe mode: refused to send';

/** Why the policy refuses this state-changing request, as the message to throw; undefined to send it. */
function refusalOf(d: Decision, c: Classification, policy: SafetyPolicy): string | undefined {
  const head = `${PREFIX} ${d.method} ${d.path} (state-changing: ${c.reason}). Nothing was sent.`;
  if (!policy.allowMutations) {
    return `${head} Pass --allow-mutations (or capabilities.allowMutations in the profile) and allowlist the cluster to run it.`;
  }
  const { allowlist } = policy;
  if (allowlist === '*') return undefined;
  if (c.clusters.length === 0) {
    return `${head} It names no cluster it could be confined to, so no allowlist can cover it; run it against the embedded mock instead.`;
  }
  const outside = c.clusters.filter((id) => !allowlist.includes(id));
  if (outside.length === 0) return undefined;
  const listed = allowlist.length > 0 ? allowlist.join(', ') : 'empty';
  return (
    `${head} ${outside.length > 1 ? 'Clusters' : 'Cluster'} ${outside.join(', ')} ` +
    `${outside.length > 1 ? 'are' : 'is'} not in the mutation allowlist (${listed}). ` +
    `Add ${outside.length > 1 ? 'them' : 'it'} to capabilities.mutationAllowlist in the profile to run it.`
  );
}

function undeclaredMessage(d: Decision, plan: ReadonlySet<string>): string {
  const key = planKey(d.operation, d.class);
  const listed = plan.size > 0 ? [...plan].sort().join(', ') : 'nothing';
  return (
    `[vcconform] Failed to send ${d.method} ${d.path}: it is ${d.class} (${d.reason}), and the test's plan does not ` +
    `declare ${key} (it declares ${listed}). Nothing was sent. Add ${key} to the test's plan if the test means to send it.`
  );
}
