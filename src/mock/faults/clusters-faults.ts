import type { Fault } from './fault';

export const listOmitsCluster: Fault = {
  name: 'list-omits-cluster',
  breaks:
    'clusters list leaves out the first WCP-enabled cluster (9.1: ' +
    'list returns "upgrade related information about all WCP enabled clusters")',
  operations: ['clusters.list'],
  after: (_request, response) =>
    response.status === 200 && Array.isArray(response.body) ? { ...response, body: response.body.slice(1) } : response,
  caughtBy: { checks: ['list-includes-wcp-clusters'], suites: ['suites/clusters.read'] },
};

export const clustersFaults: readonly Fault[] = [listOmitsCluster];
