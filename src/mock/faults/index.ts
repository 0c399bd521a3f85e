import type { Fault } from './fault';
import { MockError } from '../mock-error';

/** The fault catalogue, in the order `vcconform mock --list-faults` prints it. */
export const faults: readonly Fault[] = [];

/** The faults with these names; an unknown name fails, listing the known ones. */
export function faultsByName(names: readonly string[]): Fault[] {
  return names.map((name) => {
    const fault = faults.find((f) => f.name === name);
    if (!fault) throw new MockError(`enable fault ${JSON.stringify(name)}`, 'there is no such fault switch', `Known faults: ${faults.map((f) => f.name).join(', ') || '(none)'}`);
    return fault;
  });
}
