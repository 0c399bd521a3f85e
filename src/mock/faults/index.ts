import { operations } from '../../../specs/index';
import { idsLike } from '../../catalogue/ids-like';
import { MockError } from '../mock-error';
import { authFaults } from './auth-faults';
import { clustersFaults } from './clusters-faults';
import { faultApplies, type Fault } from './fault';
import { genericFaults } from './generic-faults';
import { nullFaults } from './null-faults';
import { routeFaults } from './route-faults';
import { stageFaults } from './stage-faults';
import { taskFaults } from './task-faults';
import { upgradeMultipleFaults } from './upgrade-multiple-faults';

/** The fault catalogue, in the order `vcconform mock --list-faults` prints it. */
export const faults: readonly Fault[] = [
  ...authFaults,
  ...clustersFaults,
  ...upgradeMultipleFaults,
  ...stageFaults,
  ...taskFaults,
  ...nullFaults,
  ...routeFaults,
  ...genericFaults,
];

/**
 * The fault a name selects: `NAME`, or `NAME@OPERATION_ID` for the same fault narrowed to one
 * catalogued operation (its name then keeps the suffix, so the journal shows the scope).
 */
export function faultByName(spec: string): Fault {
  const at = spec.indexOf('@');
  const name = at < 0 ? spec : spec.slice(0, at);
  const action = `enable fault ${JSON.stringify(spec)}`;
  const fault = faults.find((f) => f.name === name);
  if (!fault) throw new MockError(action, 'there is no such fault switch', `Known faults: ${faults.map((f) => f.name).join(', ')}`);
  if (at < 0) return fault;
  const operationId = spec.slice(at + 1);
  if (!operations.some((op) => op.id === operationId)) {
    throw new MockError(
      action,
      `there is no operation ${JSON.stringify(operationId)}`,
      `Operation ids like it: ${idsLike(operationId).join(', ')} (vcconform operations lists all ${operations.length})`,
    );
  }
  if (!faultApplies(fault, operationId)) {
    throw new MockError(action, `${name} never applies to ${operationId}`, `It applies to: ${fault.operations?.join(', ')}`);
  }
  return { ...fault, name: spec, operations: [operationId] };
}

/** The faults with these names (see faultByName); an unknown name fails, listing the known ones. */
export function faultsByName(names: readonly string[]): Fault[] {
  return names.map(faultByName);
}
