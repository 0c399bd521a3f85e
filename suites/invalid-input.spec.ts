import {
  test,
  fc,
  sends,
  checks,
  mustBeRefused,
  operation,
  arbitraryFor,
  invalidArbitraryFor,
  type InventoryRoles,
  type Needs,
  type Target,
} from '../fixtures/test';

/**
 * Which error_type refuses a body the operation never got to read is not fixed per operation: the
 * declared (status, error_type) pairs are the operation's own errors (vcenter-contract.md §7), the
 * treatment of bad input is unspecified (§8; field reports show 400 INVALID_ARGUMENT "Missing
 * field"). So invalid input is judged by invalid-input-is-rejected-with-4xx and the shape checks.
 */
const INPUT_CHECKS = checks.filter((c) => c.name !== 'error-type-matches-status');

type Plan = Parameters<typeof sends>[0];
/** A body refused with 400 before acting: the login (and any reads), then the operation as expected-rejected. */
const refused = (id: string, reads: string[] = []): Plan => ({ 'read-only': ['session.create', ...reads], 'expected-rejected': [id] });

/**
 * The operations with a request body, the roles that give them valid path parameters (only the body
 * is wrong), and what each test sends (src/safety/classify.ts). A body that breaks the schema is refused
 * before acting, so it is expected-rejected (tasks.list is a read whatever its body); the generator never
 * breaks it by a null optional property alone, which means unset ("missing or null", vcenter-contract.md
 * §1). upgradeMultiple names generated clusters (`named`): each is read first, and a run goes on only
 * when the target answered 404 for all of them, because the safety classifier reads every null as
 * unset, a null map value too (`{"domain-c15": null}`), and so cannot count such a batch as refused.
 */
const CASES: {
  id: string;
  roles: (keyof InventoryRoles)[];
  params: (roles: InventoryRoles) => Record<string, string>;
  named?: (body: unknown) => string[];
  plans: { breaksSchema: Plan; refused: Plan };
}[] = [
  {
    id: 'clusters.upgrade',
    roles: ['upgradableCluster'],
    params: (roles) => ({ cluster: roles.upgradableCluster!.id }),
    plans: { breaksSchema: refused('clusters.upgrade'), refused: refused('clusters.upgrade') },
  },
  {
    id: 'clusters.upgradeMultiple',
    roles: [],
    params: () => ({}),
    named: (body) => (isObject(body) ? Object.keys(body) : []),
    plans: { breaksSchema: refused('clusters.upgradeMultiple', ['clusters.get']), refused: refused('clusters.upgradeMultiple') },
  },
  {
    id: 'software.stage',
    roles: ['stageCluster'],
    params: (roles) => ({ cluster: roles.stageCluster!.id }),
    plans: { breaksSchema: refused('software.stage'), refused: refused('software.stage') },
  },
  {
    id: 'tasks.list',
    roles: [],
    params: () => ({}),
    plans: { breaksSchema: { 'read-only': ['session.create', 'tasks.list'] }, refused: { 'read-only': ['session.create', 'tasks.list'] } },
  },
];

/**
 * Skips without the roles; operations that would change the target if they accepted the input start each run from a reset target when it
 * can be reset.
 */
function prepare(c: (typeof CASES)[number], target: Target, need: Needs) {
  const changesState = operation(c.id).class === 'state-changing';
  need.roles(...c.roles);
  return {
    params: c.params(target.roles),
    reset: async () => {
      if (changesState) await target.resetIfPossible();
    },
  };
}

test.describe('invalid input', () => {
  for (const c of CASES) {
    const { id } = c;
    const request = operation(id).request!;

    test(
      `${id} refuses a body that breaks ${request.schema} with a 4xx, never a 5xx`,
      sends(c.plans.breaksSchema).assuming({ roles: c.roles }),
      async ({ api, target, need, sessions, property }) => {
        const { params, reset } = prepare(c, target, need);
        await property(
          invalidArbitraryFor(request.schema),
          async ({ value, mutation }) => {
            await reset();
            const session = await sessions.get();
            for (const cluster of c.named?.(value) ?? [])
              fc.pre((await api.call('clusters.get', { params: { cluster }, session })).status === 404);
            const exchange = await api.call(id, { params, body: value, session });
            const what = `${mutation.kind} at ${mutation.pointer || '/'}`;
            return [
              {
                scenario: `${id} with a body that breaks ${request.schema}: ${what} (${mutation.detail})`,
                intent: { kind: 'invalid-input', mutation: what, mustRefuse: mustBeRefused(mutation.kind) },
                exchange,
              },
            ];
          },
          INPUT_CHECKS,
        );
      },
    );

    test(
      `${id} refuses a body that is not JSON with a 4xx, never a 5xx`,
      sends(c.plans.refused).assuming({ roles: c.roles }),
      async ({ api, target, need, sessions, property }) => {
        const { params, reset } = prepare(c, target, need);
        // A valid body cut short: every proper prefix of a JSON object's text fails to parse.
        const cut = arbitraryFor(request.schema)
          .map((v) => JSON.stringify(v))
          .chain((text) => fc.nat(text.length - 1).map((n) => text.slice(0, n)))
          .filter((text) => text.trim() !== '' && !parses(text));
        await property(
          cut,
          async (rawBody) => {
            await reset();
            const exchange = await api.call(id, { params, rawBody, session: await sessions.get() });
            return [
              {
                scenario: `${id} with a JSON body cut short after ${rawBody.length} characters`,
                intent: { kind: 'invalid-input', mutation: 'malformed JSON', mustRefuse: mustBeRefused('malformed JSON') },
                exchange,
              },
            ];
          },
          INPUT_CHECKS,
        );
      },
    );

    // A missing stage body is one of the routing probes: contract §8 leaves its answer open.
    if (request.required && id !== 'software.stage') {
      test(
        `${id} refuses a request without its required body, or with an empty one, with a 4xx, never a 5xx`,
        sends(c.plans.refused).assuming({ roles: c.roles }),
        async ({ api, target, need, sessions, verify }) => {
          const { params, reset } = prepare(c, target, need);
          await reset();
          const none = await api.call(id, { params, session: await sessions.get() });
          await reset();
          const empty = await api.call(id, { params, rawBody: '', session: await sessions.get() });
          await verify(
            [
              {
                scenario: `${id} without a request body (${request.schema} is required)`,
                intent: { kind: 'invalid-input', mutation: 'missing required body', mustRefuse: mustBeRefused('missing required body') },
                exchange: none,
              },
              {
                scenario: `${id} with an empty application/json body (${request.schema} is required)`,
                intent: { kind: 'invalid-input', mutation: 'empty required body', mustRefuse: mustBeRefused('empty required body') },
                exchange: empty,
              },
            ],
            INPUT_CHECKS,
          );
        },
      );
    }
  }
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
