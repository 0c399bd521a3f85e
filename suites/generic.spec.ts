import {
  test,
  fc,
  checks,
  arbitraryFor,
  invalidArbitraryFor,
  mustBeRefused,
  refusedBeforeActing,
  operations,
  documentsError,
  unknownResourceIdArbitrary,
  hasFarIds,
  lookalike,
  lookalikes,
  type Evidence,
  type Exchange,
  type Operation,
} from '../fixtures/test';
import { discover, generatedParams, planFor } from './generic-support';

/**
 * Generic conformance for every operation of the catalogue that no deep suite covers, from the spec alone
 * (vcenter-contract.md §1, §7): without a session 401 UNAUTHENTICATED; a read answers a documented status,
 * and a 200 body that matches its schema, for ids the target itself lists (producer → consumer); an id it does
 * not list is its documented 404 NOT_FOUND; a body that breaks the request schema a 4xx; a task operation 202
 * with a task id, then the task lifecycle (only where mutations are allowed). Where the docs allow several
 * answers (a listed cluster without a desired-state document answering its documented 404), the answer is
 * recorded, never failed.
 */
const GENERIC = operations.filter((op) => op.depth === 'generic' && op.outsideContract === undefined);
/** Invalid input is judged by invalid-input-is-rejected and the shape checks (suites/invalid-input.spec.ts says why). */
const INPUT_CHECKS = checks.filter((c) => c.name !== 'error-type-matches-status');

const valid = (scenario: string, exchange: Exchange, extra: Partial<Evidence> = {}): Evidence => ({
  scenario,
  intent: { kind: 'valid' },
  exchange,
  ...extra,
});
const wire = (op: Operation, params: Record<string, string>) => op.path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? `{${n}}`);

test.describe('generic conformance of every catalogued operation', () => {
  // Hundreds of independent tests in one file: spread over the workers (each has its own embedded mock; a live run has one worker).
  test.describe.configure({ mode: 'parallel' });
  for (const op of GENERIC) {
    test(
      `${op.id} refuses a request without a session with 401 UNAUTHENTICATED`,
      planFor(op, 'expected-rejected'),
      async ({ api, sessions, verify }) => {
        // Only the session is wrong: ids the target lists where it lists them, and a body that matches the schema.
        const found = await discover(api, await sessions.get(), op);
        const params = 'params' in found ? found.params : generatedParams(op, 1);
        const body = op.request ? fc.sample(arbitraryFor(op.request.schema), { numRuns: 1, seed: 1 })[0] : undefined;
        const send = (session: string | undefined) => api.call(op.id, { params, body, session });
        await verify([
          {
            scenario: `${op.method} ${wire(op, params)} without a vmware-api-session-id header`,
            intent: { kind: 'unauthenticated', credential: 'none' },
            exchange: await send(undefined),
          },
          {
            scenario: `${op.method} ${wire(op, params)} with an empty vmware-api-session-id header`,
            intent: { kind: 'unauthenticated', credential: 'none' },
            exchange: await send(''),
          },
        ]);
      },
    );

    if (op.method === 'GET') {
      test(
        `${op.id} answers a documented status, and 200 with a body matching ${op.success.schema}, for ids the target lists`,
        planFor(op, 'read-only'),
        async ({ api, sessions, verify }) => {
          const session = await sessions.get();
          const found = await discover(api, session, op);
          test.skip('skip' in found, 'skip' in found ? found.skip : '');
          if (!('params' in found)) return;
          const last = op.pathParams.at(-1)?.name;
          const collection = last === undefined ? undefined : found.collections[last];
          const facts = collection ? { listedMember: { param: last!, id: found.params[last!]!, collection } } : undefined;
          const exchange = await api.call(op.id, { params: found.params, session });
          await verify(valid(`read ${wire(op, found.params)}`, exchange, facts ? { facts } : {}));
        },
      );

      const last = op.pathParams.at(-1);
      if (last && documentsError(op, 404, 'NOT_FOUND')) {
        const when = op.errors.find((e) => e.status === 404)!.when;
        test(
          `${op.id} answers 404 NOT_FOUND for a {${last.name}} the target does not list`,
          planFor(op, 'read-only'),
          async ({ api, sessions, property }) => {
            const session = await sessions.get();
            const found = await discover(api, session, op);
            test.skip('skip' in found, 'skip' in found ? found.skip : '');
            if (!('params' in found)) return;
            const listed = found.listed[last.name] ?? [];
            // Not listed is unknown only where the producer enumerates them all; a field naming one (compliance's commit) vouches
            // for no other id, so then only ids beyond any lab's counters are drawn, where the type has them.
            const far = unknownResourceIdArbitrary(last.resourceType).filter((id) => !listed.includes(id));
            test.skip(
              !found.enumerated[last.name] && !hasFarIds(last.resourceType),
              `no ${last.resourceType} id is known to be unknown: the read that gives {${last.name}} names one, it does not list them all`,
            );
            // Lookalikes of an id with few variants could run out of unlisted ones: those draw from the far ids alone.
            const real = found.params[last.name]!;
            const alike = found.enumerated[last.name] && lookalikes(real) > 2 * listed.length + 10;
            const unknown = alike ? fc.oneof(lookalike(real, listed), far) : far;
            await property(unknown, async (id) => {
              const params = { ...found.params, [last.name]: id };
              return [
                {
                  scenario: `read ${wire(op, params)}: ${last.name} ${id} is not among the ${listed.length} the target lists`,
                  intent: { kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when },
                  exchange: await api.call(op.id, { params, session }),
                },
              ];
            });
          },
        );
      }
    }

    const request = op.request;
    if (request) {
      test(
        `${op.id} refuses a body that breaks ${request.schema} with a 4xx, never a 5xx`,
        planFor(op, 'expected-rejected'),
        async ({ api, sessions, property }) => {
          const session = await sessions.get();
          const found = await discover(api, session, op);
          const params = 'params' in found ? found.params : generatedParams(op, 1);
          // Safe mode reads every null as unset, so a body broken only by a null is not one it may send as refused.
          await property(
            invalidArbitraryFor(request.schema).filter(({ value }) => refusedBeforeActing(op, value)),
            async ({ value, mutation }) => {
              const what = `${mutation.kind} at ${mutation.pointer || '/'}`;
              return [
                {
                  scenario: `${op.method} ${wire(op, params)} with a body that breaks ${request.schema}: ${what} (${mutation.detail})`,
                  intent: { kind: 'invalid-input', mutation: what, mustRefuse: mustBeRefused(mutation.kind) },
                  exchange: await api.call(op.id, { params, body: value, session }),
                },
              ];
            },
            INPUT_CHECKS,
          );
        },
      );
    }

    if (op.task) {
      test(
        `${op.id} answers 202 with a task id, and the task runs its lifecycle`,
        planFor(op, 'state-changing', ['tasks.get']),
        async ({ api, sessions, target, poll, verify }) => {
          test.skip(
            !target.mutationsAllowed,
            'starts a task: pass --allow-mutations (or capabilities.allowMutations in the profile) to run it',
          );
          const session = await sessions.get();
          const mayChange = (type: string, id: string) =>
            type !== 'ClusterComputeResource' || target.allowlist === '*' || target.allowlist.includes(id);
          const found = await discover(api, session, op, mayChange);
          test.skip('skip' in found, 'skip' in found ? found.skip : '');
          if (!('params' in found)) return;
          const body = request ? fc.sample(arbitraryFor(request.schema), { numRuns: 1, seed: 1 })[0] : undefined;
          const exchange = await api.call(op.id, { params: found.params, body, session });
          const polled = exchange.status === 202 && typeof exchange.body === 'string' ? await poll(exchange.body, session) : undefined;
          // A finished task is read once more: it stays finished (task-transitions-are-legal), as the stage lifecycle reads it.
          const again =
            polled?.outcome === 'terminal' ? await api.call('tasks.get', { params: { task: polled.taskId }, session }) : undefined;
          const task = polled && again ? { ...polled, polls: [...polled.polls, again] } : polled;
          await verify([
            valid(`start ${op.id} on ${wire(op, found.params)}`, exchange, task ? { task } : {}),
            ...(task?.polls ?? []).map((poll, i) => valid(`poll ${i + 1} of the ${op.id} task`, poll)),
          ]);
          await target.resetIfPossible();
        },
      );
    }
  }
});
