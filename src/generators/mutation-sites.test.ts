import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { schemaFor, schemaIds, validatorFor } from '../../specs/index';
import { optionalNullsUnset } from '../mock/optional-nulls';
import { invalidArbitraryFor } from './invalid-arbitrary-for';
import { roundTrip } from './json';
import { mutationSites } from './mutation-sites';
import { LAW_SEED as SEED } from './testing';

/**
 * "missing or `null`" means unset (vcenter-contract.md §1; StageSpec.commit, UpgradeSpec
 * .ignore_precheck_warnings): a null optional property is a request a vCenter acts on, so it is
 * never produced as an invalid value. Null stays a wrong type everywhere else.
 */
test.describe('mutationSites: null on an optional property is not a wrong type', () => {
  const schema = {
    $id: 'T.Mixed',
    type: 'object',
    required: ['r'],
    properties: {
      r: { type: 'string' },
      o: { type: 'string' },
      list: { type: 'array', items: { type: 'string' } },
      map: { type: 'object', additionalProperties: { type: 'boolean' } },
    },
  };
  const written = (pointer: string) =>
    mutationSites({ r: 'a', o: 'b', list: ['c'], map: { k: true } }, schema, 'T.Mixed#', schemaFor)
      .filter((site) => site.kind === 'wrong-type' && site.pointer === pointer)
      .flatMap((site) => site.variants.map((v) => v.value));

  test('an optional property gets every other wrong type, but not null', () => {
    expect(written('/o')).not.toContain(null);
    expect(written('/o')).toEqual(expect.arrayContaining([7, true, [], {}]));
    expect(written('/list')).not.toContain(null);
    expect(written('/map')).not.toContain(null);
  });

  test('a required property, an array item, a map value and the whole value still get null', () => {
    for (const pointer of ['/r', '/list/0', '/map/k', '']) expect(written(pointer), pointer || '/').toContain(null);
  });

  test('across specs/, no invalid value is valid once optional nulls read as unset: each is one a vCenter must refuse', () => {
    const accepted: string[] = [];
    let values = 0;
    for (const id of schemaIds()) {
      const validate = validatorFor(id);
      for (const invalid of fc.sample(invalidArbitraryFor(id), { numRuns: 100, seed: SEED })) {
        values++;
        if (validate(optionalNullsUnset(id, roundTrip(invalid.value)).value)) accepted.push(`${id}: ${JSON.stringify(invalid.mutation)}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(values).toBeGreaterThan(1000);
  });
});
