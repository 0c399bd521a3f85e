import { test, fc, sends, resourceIdArbitrary, unknownResourceIdArbitrary, type Evidence, type Intent } from '../fixtures/test';

/**
 * The documented errors of stage (vcenter-contract.md §4 table, §7; tasks get's 404 is in tasks.get.spec.ts,
 * schema-breaking StageSpecs from invalidArbitraryFor in invalid-input.spec.ts):
 * each condition is set up on purpose and must come back with its documented status and
 * error_type (`documented-error-is-returned`), plus the generic status/schema/error-type checks.
 */
const notFound = (when: string): Intent => ({ kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when });
const invalidArgument = (when: string): Intent => ({ kind: 'documented-error', status: 400, errorType: 'INVALID_ARGUMENT', when });

/** An administrator's stage of one of the target's clusters with a valid StageSpec. */
const STAGES = sends({ 'read-only': ['session.create'], 'state-changing': ['software.stage'] });

/** The server's own start and end of a finished task. */
function spanOf(info: unknown): { start: number; end: number } | undefined {
  const { start_time: start, end_time: end } = (info ?? {}) as { start_time?: unknown; end_time?: unknown };
  return typeof start === 'string' && typeof end === 'string' ? { start: Date.parse(start), end: Date.parse(end) } : undefined;
}

test.describe('stage documented errors', () => {
  // The id is read first: only one the target answered 404 for is staged, so the stage is expected-rejected (unknown id).
  test(
    'staging a cluster that does not exist answers 404 NOT_FOUND',
    sends({ 'read-only': ['session.create', 'clusters.get'], 'expected-rejected': ['software.stage'] }),
    async ({ api, sessions, target, property }) => {
      const known = new Set(Object.values(target.roles).flatMap((r) => (typeof r === 'string' ? [r] : r ? [r.id] : [])));
      const session = await sessions.get('administrator');
      await property(
        resourceIdArbitrary('ClusterComputeResource').filter((id) => !known.has(id)),
        async (cluster) => {
          const read = await api.call('clusters.get', { params: { cluster }, session });
          fc.pre(read.status === 404);
          return [
            {
              scenario: `get ${cluster}, a cluster id the target does not have`,
              intent: notFound('if cluster could not be located'),
              exchange: read,
            },
            {
              scenario: `stage the unknown cluster ${cluster}`,
              intent: notFound('no cluster associated with cluster in the system'),
              exchange: await api.call('software.stage', { params: { cluster }, body: {}, session }),
            },
          ];
        },
      );
    },
  );

  // Whether a stage is refused is the target's to find out: an administrator's valid stage of an existing cluster is state-changing.
  test(
    'staging a cluster without a desired software document answers 404 NOT_FOUND',
    STAGES.assuming({ roles: ['noDesiredDocumentCluster'] }),
    async ({ api, sessions, need, verify }) => {
      const { noDesiredDocumentCluster: cluster } = need.roles('noDesiredDocumentCluster');
      const exchange = await api.call('software.stage', { params: { cluster }, body: {}, session: await sessions.get('administrator') });
      await verify({
        scenario: `stage ${cluster}, which has no desired software document`,
        intent: notFound('desired software document is not found'),
        exchange,
      });
    },
  );

  test(
    'staging a cluster not managed with a single software specification answers 400 INVALID_ARGUMENT',
    STAGES.assuming({ roles: ['nonSingleImageCluster'] }),
    async ({ api, sessions, need, verify }) => {
      const { nonSingleImageCluster: cluster } = need.roles('nonSingleImageCluster');
      const exchange = await api.call('software.stage', { params: { cluster }, body: {}, session: await sessions.get('administrator') });
      await verify({
        scenario: `stage ${cluster}, which is not managed with a single image`,
        intent: invalidArgument('the cluster is not managed with a single software specification'),
        exchange,
      });
    },
  );

  // Each run starts from a reset target where it can be reset: a server that wrongly accepts one
  // stage would otherwise answer the next run NOT_ALLOWED_IN_CURRENT_STATE, blaming the wrong input.
  test(
    'an unknown commit answers 400 INVALID_ARGUMENT',
    STAGES.assuming({ roles: ['stageCluster'] }),
    async ({ api, sessions, target, need, property }) => {
      const { stageCluster } = need.roles('stageCluster');
      // Verified unknown without a commits list: a number far above any cluster's commit counter, or text that is no commit number.
      const commits = fc
        .oneof(
          unknownResourceIdArbitrary('com.vmware.esx.settings.commit'),
          fc.string({ minLength: 1, maxLength: 12 }).filter((c) => !/^\s*\d+\s*$/.test(c)),
        )
        .filter((c) => !stageCluster.commits.includes(c));
      await property(commits, async (commit) => {
        await target.resetIfPossible();
        const exchange = await api.call('software.stage', {
          params: { cluster: stageCluster.id },
          body: { commit },
          session: await sessions.get('administrator'),
        });
        return [
          {
            scenario: `stage ${stageCluster.id} with the unknown commit ${JSON.stringify(commit)}`,
            intent: invalidArgument('the commit property of spec specifies an invalid commit'),
            exchange,
          },
        ];
      });
    },
  );

  test(
    "a host outside the cluster, alone or among the cluster's hosts, answers 400 INVALID_ARGUMENT",
    STAGES.assuming({ roles: ['stageCluster', 'hostOutsideCluster'] }),
    async ({ api, sessions, target, need, property }) => {
      const { stageCluster, hostOutsideCluster } = need.roles('stageCluster', 'hostOutsideCluster');
      // The declared outsider, or a host id far above any host counter: never a host of the cluster the profile did not list.
      const outsider = fc.oneof(
        fc.constant(hostOutsideCluster),
        unknownResourceIdArbitrary('HostSystem').filter((h) => !stageCluster.hosts.includes(h)),
      );
      const specs = fc
        .tuple(outsider, fc.subarray(stageCluster.hosts))
        .chain(([host, inside]) => fc.shuffledSubarray([host, ...inside], { minLength: inside.length + 1 }));
      await property(specs, async (hosts) => {
        await target.resetIfPossible();
        const exchange = await api.call('software.stage', {
          params: { cluster: stageCluster.id },
          body: { hosts },
          session: await sessions.get('administrator'),
        });
        return [
          {
            scenario: `stage ${stageCluster.id} with hosts ${JSON.stringify(hosts)}`,
            intent: invalidArgument('the hosts property of spec specifies an invalid host or a host not part of the cluster'),
            exchange,
          },
        ];
      });
    },
  );

  test(
    'a second stage while the first one runs answers 400 NOT_ALLOWED_IN_CURRENT_STATE',
    sends({ 'read-only': ['session.create', 'tasks.get'], 'state-changing': ['software.stage'] }).assuming({
      roles: ['stageCluster'],
      reset: true,
    }),
    async ({ api, poll, sessions, target, need, verify }) => {
      need.reset();
      const { stageCluster } = need.roles('stageCluster');
      const cluster = stageCluster.id;
      const notAllowed: Intent = {
        kind: 'documented-error',
        status: 400,
        errorType: 'NOT_ALLOWED_IN_CURRENT_STATE',
        when: 'there is another operation in progress',
      };
      // Two stages sent at once. The precondition is shown, not assumed: either one was accepted (then
      // the other came while it ran), or both were, and their tasks' own times overlap.
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await target.reset();
        const session = await sessions.get('administrator');
        const both = await Promise.all([0, 1].map(() => api.call('software.stage', { params: { cluster }, body: {}, session })));
        const accepted = both.filter((x) => x.status === 202 && typeof x.body === 'string');
        if (accepted.length < 2) {
          const first = accepted[0];
          await verify(
            both.map(
              (x): Evidence =>
                x === first
                  ? { scenario: `stage ${cluster} (one of two sent at once; accepted)`, intent: { kind: 'valid' }, exchange: x }
                  : {
                      scenario: `stage ${cluster} (one of two sent at once) while ${first ? 'the other one runs' : 'nothing was accepted'}`,
                      intent: first ? notAllowed : { kind: 'valid' },
                      exchange: x,
                    },
            ),
          );
          return;
        }
        const tasks = await Promise.all(accepted.map((x) => poll(x.body as string, session)));
        const spans = tasks.map((t) => spanOf(t.polls.at(-1)?.body));
        const [a, b] = spans;
        if (a && b && a.start <= b.end && b.start <= a.end) {
          const later = a.start <= b.start ? 1 : 0;
          await verify([
            {
              scenario: `stage ${cluster} (one of two sent at once; accepted first)`,
              intent: { kind: 'valid' },
              exchange: accepted[1 - later]!,
              task: tasks[1 - later]!,
            },
            {
              scenario: `stage ${cluster} (one of two sent at once) while the other one runs: both tasks ran at the same time`,
              intent: notAllowed,
              exchange: accepted[later]!,
              task: tasks[later]!,
            },
          ]);
          return;
        }
      }
      test.skip(true, `both stages of ${cluster} were accepted five times, one after the other: no stage in progress to collide with`);
    },
  );
});
