import type { InventoryRoles } from './roles';

/** Where the reference mock's default inventory (fixtures/inventory/default.json) plays each role. */
export const mockRoles: InventoryRoles = {
  upgradableCluster: { id: 'domain-c10', version: 'v1.30.4' },
  warningsCluster: { id: 'domain-c11', version: 'v1.30.4' },
  errorsCluster: { id: 'domain-c12', version: 'v1.30.4' },
  nonWcpCluster: 'domain-c13',
  stageCluster: { id: 'domain-c10', hosts: ['host-101', 'host-102', 'host-103'], commits: ['1', '2', '3'] },
  failingStageCluster: 'domain-c15',
  nonSingleImageCluster: 'domain-c13',
  noDesiredDocumentCluster: 'domain-c14',
  hostOutsideCluster: 'host-199',
  operatorDeniedCluster: 'domain-c12',
};
