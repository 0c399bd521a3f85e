import { test, sends, resourceIdArbitrary, type Evidence, type Exchange } from '../fixtures/test';

/**
 * GET /api/cis/tasks/{task} (vcenter-contract.md §5, §5.1, §7): an unknown id is 404 NOT_FOUND;
 * with GetSpec.exclude_result the Info comes without its result (the /api spelling
 * `?exclude_result=true` is unconfirmed, so that part is observed; the read without it is kept for comparison).
 */
test.describe('tasks get', () => {
  test(
    'an unknown task id answers 404 NOT_FOUND',
    sends({ 'read-only': ['session.create', 'tasks.get'] }),
    async ({ api, sessions, property }) => {
      const session = await sessions.get('administrator');
      await property(
        resourceIdArbitrary('com.vmware.cis.task'),
        async (task): Promise<Evidence[]> => [
          {
            scenario: `get the unknown task ${task}`,
            intent: { kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when: 'the task is not found' },
            exchange: await api.call('tasks.get', { params: { task }, session }),
          },
        ],
      );
    },
  );

  test(
    'a finished stage task read with exclude_result=true comes without its result',
    sends({ 'read-only': ['session.create', 'tasks.get'], 'state-changing': ['software.stage'] }).assuming({ roles: ['stageCluster'] }),
    async ({ api, poll, sessions, need, verify }) => {
      const { stageCluster } = need.roles('stageCluster');
      const session = await sessions.get('administrator');
      const stage = await api.call('software.stage', { params: { cluster: stageCluster.id }, body: {}, session });
      const evidence: Evidence[] = [{ scenario: `stage ${stageCluster.id}`, intent: { kind: 'valid' }, exchange: stage }];
      if (stage.status < 300 && typeof stage.body === 'string') {
        const task = await poll(stage.body, session);
        evidence[0] = { ...evidence[0]!, task };
        const excluded: Exchange = await api.call('tasks.get', {
          params: { task: stage.body },
          query: { exclude_result: 'true' },
          session,
        });
        const included: Exchange = await api.call('tasks.get', { params: { task: stage.body }, session });
        evidence.push(
          { scenario: 'get the finished task with ?exclude_result=true', intent: { kind: 'valid' }, exchange: excluded },
          { scenario: 'get the finished task without GetSpec', intent: { kind: 'valid' }, exchange: included },
        );
      }
      await verify(evidence);
    },
  );
});
