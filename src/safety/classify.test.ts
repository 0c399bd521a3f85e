import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import type { Role } from '../target/roles';
import { arbitraryFor } from '../generators/arbitrary-for';
import { invalidArbitraryFor } from '../generators/invalid-arbitrary-for';
import { valueAt } from '../generators/json-pointer';
import { check, LAW_SEED } from '../generators/testing';
import { classify, type Classification, type OutgoingRequest, type SafetyFacts } from './classify';
import { cataloguePrivileges, missingPrivilege, requiredPrivileges } from './role-model';
import type { DeclaredLacks } from '../target/privileges';
import { operation } from '../../specs/index';

const BASE = 'https://vc.example';
const NS = '/api/vcenter/namespace-management/software/clusters';
const STAGE = (cluster: string) => `/api/esx/settings/clusters/${cluster}/software?action=stage&vmw-task=true`;
const SESSIONS: Record<string, Role> = { 'sid-admin': 'administrator', 'sid-ro': 'read-only', 'sid-op': 'operator' };
const TASK = '52a5:com.vmware.esx.settings.clusters.software';

const STAGE_PRIVILEGE = 'VcIntegrity.lifecycleSoftwareRemediation.Write';
/**
 * What the profile declares: read-only lacks both privileges everywhere, the operator the stage one everywhere and Namespaces.Upgrade on
 * domain-c12.
 */
const LACKS: Partial<Record<Role, DeclaredLacks>> = {
  'read-only': { lacks: ['Namespaces.Upgrade', STAGE_PRIVILEGE] },
  operator: { lacks: [STAGE_PRIVILEGE], lacksOn: { 'domain-c12': ['Namespaces.Upgrade'] } },
};

/** Sessions as above; domain-c98 and domain-c99 answered 404; lacks as declared above; TASK staged on domain-c10. */
const facts: SafetyFacts = {
  sessionRole: (id) => SESSIONS[id],
  isAbsent: (id) => id === 'domain-c98' || id === 'domain-c99',
  lacksOf: (role) => LACKS[role],
  taskCluster: (id) => (id === TASK ? 'domain-c10' : undefined),
};

function req(method: string, path: string, session?: string, body?: unknown, headerName = 'vmware-api-session-id'): OutgoingRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session !== undefined) headers[headerName] = session;
  return { method, url: BASE + path, headers, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }) };
}

type Case = { description: string; request: OutgoingRequest; expected: Omit<Classification, 'reason'>; reason: RegExp };
const spec = { desired_version: 'v1.30.4' };

const DRAFTS = (cluster: string) => `/api/esx/settings/clusters/${cluster}/software/drafts`;

const cases: Case[] = [
  // Generic operations: classified from the catalogue alone (GET reads; any other method could change state).
  {
    description: 'a generic GET (a draft of a cluster) is read-only',
    request: req('GET', `${DRAFTS('domain-c10')}/1`, 'sid-admin'),
    expected: { class: 'read-only', operation: 'esx.settings.clusters.software.drafts.get', clusters: [] },
    reason: /GET only reads/,
  },
  {
    description: 'a generic DELETE by the administrator changes state, pinned to the cluster its path names',
    request: req('DELETE', `${DRAFTS('domain-c10')}/1`, 'sid-admin'),
    expected: { class: 'state-changing', operation: 'esx.settings.clusters.software.drafts.delete', clusters: ['domain-c10'] },
    reason: /./,
  },
  {
    description: 'a generic create without a session is refused with 401 before acting',
    request: req('POST', '/api/vcenter/datacenter', undefined, { name: 'dc', folder: 'group-d1' }),
    expected: { class: 'expected-rejected', operation: 'vcenter.datacenter.create', clusters: [] },
    reason: /401 before acting/,
  },
  {
    description: 'a generic create whose body breaks the schema is refused with 400 before acting',
    request: req('POST', '/api/vcenter/datacenter', 'sid-admin', { name: 7 }),
    expected: { class: 'expected-rejected', operation: 'vcenter.datacenter.create', clusters: [] },
    reason: /invalid input/,
  },
  {
    description: 'a generic create with a valid body changes state, and names no cluster to pin it to',
    request: req('POST', '/api/vcenter/datacenter', 'sid-admin', { name: 'dc', folder: 'group-d1' }),
    expected: { class: 'state-changing', operation: 'vcenter.datacenter.create', clusters: [] },
    reason: /./,
  },
  // Rule 1: reads and sessions
  {
    description: 'a GET without a session is read-only',
    request: req('GET', `${NS}/domain-c10`),
    expected: { class: 'read-only', operation: 'clusters.get', clusters: [] },
    reason: /GET only reads/,
  },
  {
    description: 'a lower-case get is read-only',
    request: req('get', `${NS}/domain-c10`, 'sid-admin'),
    expected: { class: 'read-only', operation: 'clusters.get', clusters: [] },
    reason: /only reads/,
  },
  {
    description: 'a HEAD probe is read-only',
    request: req('HEAD', '/api/anything'),
    expected: { class: 'read-only', operation: 'unlisted', clusters: [] },
    reason: /HEAD only reads/,
  },
  {
    description: 'login is read-only whatever the credentials',
    request: { method: 'POST', url: `${BASE}/api/session`, headers: { authorization: 'Basic bm9ib2R5Om5vcGU=' } },
    expected: { class: 'read-only', operation: 'session.create', clusters: [] },
    reason: /session is not inventory state/,
  },
  {
    description: 'logout with an unknown id is read-only',
    request: req('DELETE', '/api/session', 'sid-unknown'),
    expected: { class: 'read-only', operation: 'session.delete', clusters: [] },
    reason: /session is not inventory state/,
  },
  {
    description: 'tasks.list is a POST the catalogue documents as a read',
    request: req('POST', '/api/cis/tasks?action=list', 'sid-admin', {}),
    expected: { class: 'read-only', operation: 'tasks.list', clusters: [] },
    reason: /documents tasks.list as a read/,
  },
  // Rule 2: unauthenticated
  {
    description: 'stage without a session header',
    request: req('POST', STAGE('domain-c10'), undefined, {}),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /^no session: .*401/,
  },
  {
    description: 'stage with an empty session id',
    request: req('POST', STAGE('domain-c10'), '', {}),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /^no session/,
  },
  {
    description: 'stage with an id that is no live session',
    request: req('POST', STAGE('domain-c10'), 'sid-unknown', {}),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /not a live session/,
  },
  {
    description: 'an unknown id in an upper-case header is still unauthenticated',
    request: req('POST', STAGE('domain-c10'), 'sid-unknown', {}, 'VMWARE-API-SESSION-ID'),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /not a live session/,
  },
  {
    description: 'a live id in a mixed-case header authenticates',
    request: req('POST', STAGE('domain-c10'), 'sid-admin', {}, 'VMware-Api-Session-Id'),
    expected: { class: 'state-changing', operation: 'software.stage', clusters: ['domain-c10'] },
    reason: /may change domain-c10/,
  },
  {
    description: 'two headers, one live: the live one may be read',
    request: {
      ...req('POST', STAGE('domain-c10'), 'sid-unknown', {}),
      headers: { 'vmware-api-session-id': 'sid-unknown', 'Vmware-Api-Session-Id': 'sid-admin' },
    },
    expected: { class: 'state-changing', operation: 'software.stage', clusters: ['domain-c10'] },
    reason: /may change/,
  },
  {
    description: 'a comma list holding a live id may be read as it',
    request: req('POST', STAGE('domain-c10'), 'sid-unknown, sid-admin', {}),
    expected: { class: 'state-changing', operation: 'software.stage', clusters: ['domain-c10'] },
    reason: /may change/,
  },
  {
    description: 'no session wins over an invalid body',
    request: req('POST', STAGE('domain-c10'), undefined, 'not json'),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /^no session/,
  },
  // Rule 3: invalid input
  {
    description: 'stage without a body',
    request: req('POST', STAGE('domain-c10'), 'sid-admin'),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /invalid input: the body is missing/,
  },
  {
    description: 'stage with a blank body',
    request: req('POST', STAGE('domain-c10'), 'sid-admin', '  \n'),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /body is missing/,
  },
  {
    description: 'stage with a body that is not JSON',
    request: req('POST', STAGE('domain-c10'), 'sid-admin', '{"hosts": ['),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /not JSON/,
  },
  {
    description: 'stage with hosts of the wrong type',
    request: req('POST', STAGE('domain-c10'), 'sid-admin', { hosts: 'host-101' }),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /does not match Esx.Settings.Clusters.Software.StageSpec \(at \/hosts: must be array\)/,
  },
  {
    description: 'stage with a valid empty spec',
    request: req('POST', STAGE('domain-c10'), 'sid-admin', {}),
    expected: { class: 'state-changing', operation: 'software.stage', clusters: ['domain-c10'] },
    reason: /may change domain-c10/,
  },
  {
    description: 'a null optional property is unset to vAPI, so the stage acts',
    request: req('POST', STAGE('domain-c10'), 'sid-admin', { commit: null, hosts: null }),
    expected: { class: 'state-changing', operation: 'software.stage', clusters: ['domain-c10'] },
    reason: /may change/,
  },
  {
    description: 'a null required property is missing',
    request: req('POST', `${NS}/domain-c10?action=upgrade`, 'sid-admin', { desired_version: null }),
    expected: { class: 'expected-rejected', operation: 'clusters.upgrade', clusters: [] },
    reason: /must have required property 'desired_version'/,
  },
  {
    description: 'upgradeMultiple with an array body',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-admin', [spec]),
    expected: { class: 'expected-rejected', operation: 'clusters.upgradeMultiple', clusters: [] },
    reason: /must be object/,
  },
  {
    description: 'invalid input wins over a missing privilege',
    request: req('POST', `${NS}/domain-c12?action=upgrade`, 'sid-op', {}),
    expected: { class: 'expected-rejected', operation: 'clusters.upgrade', clusters: [] },
    reason: /invalid input/,
  },
  // Rule 4: privileges
  {
    description: 'operator upgrades a cluster it holds Namespaces.Upgrade on',
    request: req('POST', `${NS}/domain-c10?action=upgrade`, 'sid-op', spec),
    expected: { class: 'state-changing', operation: 'clusters.upgrade', clusters: ['domain-c10'] },
    reason: /may change domain-c10/,
  },
  {
    description: 'operator upgrades an operator-denied cluster',
    request: req('POST', `${NS}/domain-c12?action=upgrade`, 'sid-op', spec),
    expected: { class: 'expected-rejected', operation: 'clusters.upgrade', clusters: [] },
    reason: /unprivileged: the operator role lacks Namespaces.Upgrade on domain-c12/,
  },
  {
    description: 'read-only upgrades a cluster',
    request: req('POST', `${NS}/domain-c10?action=upgrade`, 'sid-ro', spec),
    expected: { class: 'expected-rejected', operation: 'clusters.upgrade', clusters: [] },
    reason: /read-only role lacks Namespaces.Upgrade on domain-c10/,
  },
  {
    description: 'operator upgradeMultiple on allowed clusters',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-op', { 'domain-c10': spec, 'domain-c11': spec }),
    expected: { class: 'state-changing', operation: 'clusters.upgradeMultiple', clusters: ['domain-c10', 'domain-c11'] },
    reason: /may change domain-c10, domain-c11/,
  },
  {
    description: 'operator upgradeMultiple with one denied key: the whole batch is refused',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-op', { 'domain-c10': spec, 'domain-c12': spec }),
    expected: { class: 'expected-rejected', operation: 'clusters.upgradeMultiple', clusters: [] },
    reason: /lacks Namespaces.Upgrade on domain-c12/,
  },
  {
    description: 'operator stages',
    request: req('POST', STAGE('domain-c10'), 'sid-op', {}),
    expected: { class: 'expected-rejected', operation: 'software.stage', clusters: [] },
    reason: /operator role lacks VcIntegrity.lifecycleSoftwareRemediation.Write/,
  },
  // tasks.cancel names no privilege, so no declaration can say a user lacks it: it may act.
  {
    description: 'operator cancels a task',
    request: req('POST', `/api/cis/tasks/${TASK}?action=cancel`, 'sid-op'),
    expected: { class: 'state-changing', operation: 'tasks.cancel', clusters: ['domain-c10'] },
    reason: /may change domain-c10/,
  },
  {
    description: 'read-only cancels a task',
    request: req('POST', `/api/cis/tasks/${TASK}?action=cancel`, 'sid-ro'),
    expected: { class: 'state-changing', operation: 'tasks.cancel', clusters: ['domain-c10'] },
    reason: /may change/,
  },
  {
    description: 'one privileged reading of ambiguous headers is enough to act',
    request: {
      ...req('POST', STAGE('domain-c10'), undefined, {}),
      headers: { 'vmware-api-session-id': 'sid-op', 'VMWARE-API-SESSION-ID': 'sid-admin' },
    },
    expected: { class: 'state-changing', operation: 'software.stage', clusters: ['domain-c10'] },
    reason: /may change/,
  },
  // Rule 5: unknown ids
  {
    description: 'upgrade of a cluster that answered 404',
    request: req('POST', `${NS}/domain-c99?action=upgrade`, 'sid-admin', spec),
    expected: { class: 'expected-rejected', operation: 'clusters.upgrade', clusters: [] },
    reason: /unknown id: .*domain-c99/,
  },
  {
    description: 'upgradeMultiple where every key answered 404',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-admin', { 'domain-c98': spec, 'domain-c99': spec }),
    expected: { class: 'expected-rejected', operation: 'clusters.upgradeMultiple', clusters: [] },
    reason: /unknown id/,
  },
  {
    description: 'upgradeMultiple where one key exists may change it',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-admin', { 'domain-c99': spec, 'domain-c10': spec }),
    expected: { class: 'state-changing', operation: 'clusters.upgradeMultiple', clusters: ['domain-c10'] },
    reason: /may change domain-c10$/,
  },
  // Rule 6: empty upgradeMultiple
  {
    description: 'administrator upgradeMultiple with no key',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-admin', {}),
    expected: { class: 'read-only', operation: 'clusters.upgradeMultiple', clusters: [] },
    reason: /^names no cluster: nothing to change$/,
  },
  {
    description: 'read-only upgradeMultiple with no key',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-ro', {}),
    expected: { class: 'read-only', operation: 'clusters.upgradeMultiple', clusters: [] },
    reason: /names no cluster/,
  },
  {
    description: 'a null map value still names its key',
    request: req('POST', `${NS}?action=upgradeMultiple`, 'sid-admin', { 'domain-c10': null }),
    expected: { class: 'state-changing', operation: 'clusters.upgradeMultiple', clusters: ['domain-c10'] },
    reason: /may change domain-c10/,
  },
  // Rule 7: state-changing, and probes
  {
    description: 'administrator cancels a task the run staged',
    request: req('POST', `/api/cis/tasks/${TASK}?action=cancel`, 'sid-admin'),
    expected: { class: 'state-changing', operation: 'tasks.cancel', clusters: ['domain-c10'] },
    reason: /may change domain-c10/,
  },
  {
    description: 'administrator cancels a task of unknown origin',
    request: req('POST', '/api/cis/tasks/other:svc?action=cancel', 'sid-admin'),
    expected: { class: 'state-changing', operation: 'tasks.cancel', clusters: [] },
    reason: /names no cluster to confine it to/,
  },
  {
    description: 'a percent-encoded cluster id is pinned decoded',
    request: req('POST', STAGE('domain%2Dc10'), 'sid-admin', {}),
    expected: { class: 'state-changing', operation: 'software.stage', clusters: ['domain-c10'] },
    reason: /may change domain-c10/,
  },
  {
    description: 'an unlisted action is pinned by its clusters segment',
    request: req('POST', '/api/esx/settings/clusters/domain-c10/software?action=bogus', 'sid-admin', {}),
    expected: { class: 'state-changing', operation: 'unlisted', clusters: ['domain-c10'] },
    reason: /no catalogued operation matches/,
  },
  {
    description: 'an unlisted probe keeps a cluster that answered 404 (it might create it)',
    request: req('POST', '/api/esx/settings/clusters/domain-c99/software?action=bogus', 'sid-ro'),
    expected: { class: 'state-changing', operation: 'unlisted', clusters: ['domain-c99'] },
    reason: /no catalogued/,
  },
  {
    description: 'a repeated action matches no operation',
    request: req('POST', '/api/esx/settings/clusters/domain-c10/software?action=bogus&action=stage&vmw-task=true', 'sid-op', {}),
    expected: { class: 'state-changing', operation: 'unlisted', clusters: ['domain-c10'] },
    reason: /no catalogued/,
  },
  {
    description: 'a PUT on a catalogued path is unlisted',
    request: req('PUT', `${NS}/domain-c10`, 'sid-admin', spec),
    expected: { class: 'state-changing', operation: 'unlisted', clusters: ['domain-c10'] },
    reason: /no catalogued/,
  },
  {
    description: 'a POST that names no cluster cannot be pinned',
    request: req('POST', '/api/vcenter/bogus', 'sid-admin', {}),
    expected: { class: 'state-changing', operation: 'unlisted', clusters: [] },
    reason: /no catalogued/,
  },
  {
    description: 'an unlisted probe without a session is refused',
    request: req('POST', '/api/esx/settings/clusters/domain-c10/software?action=bogus'),
    expected: { class: 'expected-rejected', operation: 'unlisted', clusters: [] },
    reason: /^no session/,
  },
];

test.describe('classify', () => {
  for (const c of cases) {
    test(c.description, () => {
      const { reason, ...rest } = classify(c.request, facts);
      expect(rest).toEqual(c.expected);
      expect(reason).toMatch(c.reason);
    });
  }

  test(
    'a lack the profile does not declare is not assumed: an undeclared ' + 'operator may stage, an undeclared read-only user may upgrade',
    () => {
      const undeclared: SafetyFacts = { ...facts, lacksOf: () => undefined };
      expect(classify(req('POST', STAGE('domain-c10'), 'sid-op', {}), undeclared)).toMatchObject({
        class: 'state-changing',
        clusters: ['domain-c10'],
      });
      expect(classify(req('POST', `${NS}/domain-c12?action=upgrade`, 'sid-ro', spec), undeclared)).toMatchObject({
        class: 'state-changing',
        clusters: ['domain-c12'],
      });
    },
  );

  test('a lack declared on one cluster refuses only there', () => {
    expect(
      classify(req('POST', STAGE('domain-c12'), 'sid-admin', {}), {
        ...facts,
        lacksOf: () => ({ lacksOn: { 'domain-c12': [STAGE_PRIVILEGE] } }),
      }).class,
    ).toBe('expected-rejected');
    expect(
      classify(req('POST', STAGE('domain-c10'), 'sid-admin', {}), {
        ...facts,
        lacksOf: () => ({ lacksOn: { 'domain-c12': [STAGE_PRIVILEGE] } }),
      }).class,
    ).toBe('state-changing');
  });

  test('reasons never quote a session id', () => {
    for (const c of cases) expect(classify(c.request, facts).reason).not.toMatch(/sid-/);
  });
});

test.describe('role model', () => {
  test('derives privileges from the catalogue; tasks.cancel names none', () => {
    expect(requiredPrivileges(operation('clusters.upgradeMultiple'))).toEqual({ operation: [], perCluster: ['Namespaces.Upgrade'] });
    expect(requiredPrivileges(operation('software.stage'))).toEqual({ operation: [STAGE_PRIVILEGE], perCluster: [STAGE_PRIVILEGE] });
    expect(requiredPrivileges(operation('tasks.cancel'))).toEqual({ operation: [], perCluster: [] });
    expect(requiredPrivileges(operation('tasks.get'))).toEqual({ operation: [], perCluster: [] });
    expect(cataloguePrivileges()).toEqual(expect.arrayContaining(['Namespaces.Upgrade', STAGE_PRIVILEGE]));
    expect(cataloguePrivileges()).not.toContain('System.Anonymous');
  });

  test('a user with no declared lacks lacks nothing; a declared lack names the privilege and the cluster', () => {
    for (const id of ['clusters.upgrade', 'clusters.upgradeMultiple', 'software.stage', 'tasks.cancel']) {
      expect(missingPrivilege(undefined, operation(id), ['domain-c12'])).toBeUndefined();
      expect(missingPrivilege({}, operation(id), ['domain-c12'])).toBeUndefined();
    }
    expect(missingPrivilege(LACKS.operator, operation('clusters.upgradeMultiple'), ['domain-c10', 'domain-c12'])).toBe(
      'Namespaces.Upgrade on domain-c12',
    );
    expect(missingPrivilege(LACKS.operator, operation('clusters.upgradeMultiple'), ['domain-c10', 'domain-c11'])).toBeUndefined();
    expect(missingPrivilege(LACKS.operator, operation('software.stage'), ['domain-c10'])).toBe(STAGE_PRIVILEGE);
  });
});

const ADMIN = { 'vmware-api-session-id': 'sid-admin' };
const stageRequest = (body: unknown): OutgoingRequest => ({
  method: 'POST',
  url: BASE + STAGE('domain-c10'),
  headers: ADMIN,
  body: JSON.stringify(body),
});
const multipleRequest = (body: unknown): OutgoingRequest => ({
  method: 'POST',
  url: `${BASE}${NS}?action=upgradeMultiple`,
  headers: ADMIN,
  body: JSON.stringify(body),
});
const STAGE_SPEC = 'Esx.Settings.Clusters.Software.StageSpec';
const SPEC_MAP = 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap';

test.describe('classify: generated bodies from an administrator', () => {
  // Generated ids may hit the table's absent ones; here every cluster exists.
  const present: SafetyFacts = { ...facts, isAbsent: () => false };
  const options = { numRuns: 300, seed: LAW_SEED, includeErrorInReport: true };

  test('every valid StageSpec is state-changing on its cluster', () => {
    fc.assert(
      fc.property(arbitraryFor(STAGE_SPEC), (body) => {
        const c = classify(stageRequest(body), present);
        check(c.class === 'state-changing' && c.clusters.join() === 'domain-c10', () => `${JSON.stringify(body)} → ${JSON.stringify(c)}`);
      }),
      options,
    );
  });

  test('every valid non-empty UpgradeSpecMap is state-changing on its keys', () => {
    const maps = arbitraryFor(SPEC_MAP).filter((m) => Object.keys(m as object).length > 0);
    fc.assert(
      fc.property(maps, (body) => {
        const c = classify(multipleRequest(body), present);
        check(
          c.class === 'state-changing' && c.clusters.join() === Object.keys(body as object).join(),
          () => `${JSON.stringify(body)} → ${JSON.stringify(c)}`,
        );
      }),
      options,
    );
  });

  // A null written where a property is optional reads as unset (see readBody): the table covers it.
  for (const [id, toRequest] of [
    [STAGE_SPEC, stageRequest],
    [SPEC_MAP, multipleRequest],
  ] as const) {
    test(`every invalid ${id} that writes no null is expected-rejected`, () => {
      fc.assert(
        fc.property(invalidArbitraryFor(id), ({ value, mutation }) => {
          fc.pre(valueAt(value, mutation.pointer) !== null);
          const c = classify(toRequest(value), present);
          check(
            c.class === 'expected-rejected' && /^invalid input/.test(c.reason),
            () => `${JSON.stringify(value)} (${mutation.detail}) → ${JSON.stringify(c)}`,
          );
        }),
        options,
      );
    });
  }
});
