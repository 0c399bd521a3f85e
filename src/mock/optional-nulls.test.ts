import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { schemaFor, schemaIds } from '../../specs/index';
import { arbitraryFor } from '../generators/arbitrary-for';
import { optionalNullsUnset, optionalNullsUnsetBy } from './optional-nulls';
import { startMock, type RunningMock } from './start-mock';
import { MockClient, checkEveryResponse, type Exchange } from './test-client';

checkEveryResponse();

const STAGE_SPEC = 'Esx.Settings.Clusters.Software.StageSpec';
const SPEC_MAP = 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap';

test.describe('optionalNullsUnset: null on an optional property reads as unset ("missing or null", vcenter-contract.md §1)', () => {
  test('StageSpec: null commit and hosts are dropped, with their pointers', () => {
    expect(optionalNullsUnset(STAGE_SPEC, { commit: null, hosts: null })).toEqual({ value: {}, unset: ['/commit', '/hosts'] });
    expect(optionalNullsUnset(STAGE_SPEC, { commit: '2', hosts: null })).toEqual({ value: { commit: '2' }, unset: ['/hosts'] });
  });

  test('through a map: an UpgradeSpec value loses a null ignore_precheck_warnings, keeps a null desired_version (required)', () => {
    const body = { 'domain-c1': { desired_version: 'v1', ignore_precheck_warnings: null }, 'domain-c2': { desired_version: null } };
    expect(optionalNullsUnset(SPEC_MAP, body)).toEqual({
      value: { 'domain-c1': { desired_version: 'v1' }, 'domain-c2': { desired_version: null } },
      unset: ['/domain-c1/ignore_precheck_warnings'],
    });
  });

  test('a null map value, array item, undeclared property or whole body is not an optional property: kept', () => {
    for (const [id, body] of [
      [SPEC_MAP, { 'domain-c1': null }],
      [STAGE_SPEC, { hosts: [null] }],
      [STAGE_SPEC, { extra: null }],
      [STAGE_SPEC, null],
    ] as const) {
      expect(optionalNullsUnset(id, body), JSON.stringify(body)).toEqual({ value: body, unset: [] });
    }
  });

  test('$ref and allOf are followed; null the schema accepts is kept; the input is not changed; a "__proto__" key stays data', () => {
    const inner = {
      $id: 'T.Inner',
      type: 'object',
      required: ['r'],
      properties: { r: { type: 'string' }, o: { type: 'string' }, any: {}, n: { type: ['string', 'null'] } },
    };
    const outer = { $id: 'T.Outer', type: 'object', properties: { list: { type: 'array', items: { allOf: [{ $ref: 'T.Inner' }] } } } };
    const resolve = (id: string) => (id === 'T.Inner' ? inner : schemaFor(id));
    const body = {
      list: [
        { r: 'a', o: null, any: null, n: null },
        { r: null, o: 'b' },
      ],
    };
    const copy = structuredClone(body);
    // Where the schema accepts null (no type, [T, "null"]) null is a value: kept.
    expect(optionalNullsUnsetBy(outer, body, resolve)).toEqual({
      value: {
        list: [
          { r: 'a', any: null, n: null },
          { r: null, o: 'b' },
        ],
      },
      unset: ['/list/0/o'],
    });
    expect(body).toEqual(copy);
    const odd = JSON.parse('{"__proto__": {"x": 1}, "commit": null}') as object;
    const { value } = optionalNullsUnset(STAGE_SPEC, odd);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });

  test('every valid value of every specs/ schema comes back unchanged (none has a null to drop)', () => {
    for (const id of schemaIds()) {
      for (const value of fc.sample(arbitraryFor(id), { numRuns: 20, seed: 7 }))
        expect(optionalNullsUnset(id, value), id).toEqual({ value, unset: [] });
    }
  });
});

// Stage with null commit/hosts is in stage.test.ts, among the other spellings of unset.
test.describe('mock: null on an optional request property is unset, over real HTTP', () => {
  let mock: RunningMock;
  test.beforeAll(async () => {
    mock = await startMock({ clock: 'manual' });
  });
  test.afterAll(async () => {
    await mock.close();
  });
  test.beforeEach(() => mock.reset());

  const STAGE = '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true';
  const CLUSTERS = '/api/vcenter/namespace-management/software/clusters';
  const statusAndType = (r: Exchange) => ({ status: r.status, errorType: (r.body as { error_type?: string } | undefined)?.error_type });

  test(
    'upgradeMultiple with ignore_precheck_warnings null on the warnings-only ' +
      'cluster → REJECTED exactly like unset, and it does not upgrade',
    async () => {
      const api = new MockClient(mock);
      const batch = async (spec: object) => {
        mock.reset();
        const session = await api.login();
        const r = await api.call('clusters.upgradeMultiple', 'POST', `${CLUSTERS}?action=upgradeMultiple`, {
          session,
          body: { 'domain-c11': spec },
        });
        const info = (await api.call('clusters.get', 'GET', `${CLUSTERS}/domain-c11`, { session })).body as { state: string };
        return { status: r.status, body: r.body, state: info.state };
      };
      const unset = await batch({ desired_version: 'v1.30.4' });
      expect(unset).toMatchObject({ status: 200, body: { 'domain-c11': { res: 'REJECTED' } } });
      expect(await batch({ desired_version: 'v1.30.4', ignore_precheck_warnings: null })).toEqual(unset);
      expect(api.problems()).toEqual([]);
    },
  );

  test('null on a required property, an array item or a map value is still refused with 400 INVALID_ARGUMENT', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const refused = { status: 400, errorType: 'INVALID_ARGUMENT' };
    expect(
      statusAndType(
        await api.call('clusters.upgradeMultiple', 'POST', `${CLUSTERS}?action=upgradeMultiple`, {
          session,
          body: { 'domain-c10': { desired_version: null } },
        }),
      ),
    ).toEqual(refused);
    // clusters.upgrade documents 400 UNSUPPORTED only; the runtime's INVALID_ARGUMENT for a body that breaks the schema is outside its
    // catalogue entry.
    const upgrade = new MockClient(mock, {
      unchecked: 'clusters.upgrade refuses a schema-breaking body with INVALID_ARGUMENT, an error type its catalogue entry does not list',
    });
    expect(
      statusAndType(
        await upgrade.call('clusters.upgrade', 'POST', `${CLUSTERS}/domain-c10?action=upgrade`, {
          session,
          body: { desired_version: null },
        }),
      ),
    ).toEqual(refused);
    expect(
      statusAndType(
        await api.call('clusters.upgradeMultiple', 'POST', `${CLUSTERS}?action=upgradeMultiple`, { session, body: { 'domain-c10': null } }),
      ),
    ).toEqual(refused);
    expect(statusAndType(await api.call('software.stage', 'POST', STAGE, { session, body: { hosts: [null] } }))).toEqual(refused);
    expect(
      mock.journal
        .all()
        .filter((e) => e.status < 300)
        .map((e) => e.operation),
    ).toEqual(['session.create']);
  });
});
