import { test, expect } from '@playwright/test';
import { schemaFor, schemaIds, validatorFor } from './index';

const valid = (id: string, value: unknown) => {
  const v = validatorFor(id);
  return v(value) ? 'valid' : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');
};

test.describe('specs/index: one Ajv, every schema by $id', () => {
  test('every schema is loaded, compiled and described with the doc sentence it encodes', () => {
    const ids = schemaIds();
    expect(ids.length).toBeGreaterThanOrEqual(60);
    for (const id of ids) {
      const schema = schemaFor(id);
      expect(schema.$id).toBe(id);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(typeof schema.description, `${id} has a description`).toBe('string');
      expect(typeof validatorFor(id)).toBe('function');
    }
  });

  test('unknown $ids fail loudly with the id in the message', () => {
    expect(() => validatorFor('Nope.Schema')).toThrow(/Failed to find validator "Nope\.Schema"/);
    expect(() => schemaFor('Nope.Schema')).toThrow(/Failed to find schema "Nope\.Schema"/);
  });

  test('prose enums are real enums', () => {
    expect(valid('Cis.Task.Status', 'DONE')).toContain('allowed values');
    const info = { description: { id: 'x', default_message: 'x', args: [] }, service: 's', operation: 'o', cancelable: false };
    expect(valid('Cis.Task.Info', { ...info, status: 'RUNNING' })).toBe('valid');
    expect(valid('Cis.Task.Info', { ...info, status: 'SUCCESS' })).toContain('/status must be equal to one of the allowed values');
    expect(valid('Vcenter.NamespaceManagement.Software.Clusters.Result', { res: 'ACCEPTED' })).toContain('/res must be equal');
    expect(valid('Esx.Settings.Clusters.Software.StageStatus.Status', 'SUCCEEDED')).toContain('allowed values');
    expect(valid('Vapi.Std.Errors.Error', { error_type: 'OOPS', messages: [] })).toContain('/error_type must be equal');
    expect(valid('Cis.Tasks.FilterSpec', { status: ['RUNNING'] })).toBe('valid');
    expect(valid('Cis.Tasks.FilterSpec', { status: ['DONE'] })).toContain('/status/0 must be equal to one of the allowed values');
  });

  test('map keys and identifier strings carry their resource type', () => {
    const keyType = (id: string) => (schemaFor(id).propertyNames as Record<string, unknown> | undefined)?.['x-vmw-resource-type'];
    expect(keyType('Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap')).toBe('ClusterComputeResource');
    expect(keyType('Vcenter.NamespaceManagement.Software.Clusters.ResultMap')).toBe('ClusterComputeResource');
    expect(keyType('Cis.Tasks.InfoMap')).toBe('com.vmware.cis.task');
    const stageSpec = schemaFor('Esx.Settings.Clusters.Software.StageSpec').properties as Record<string, Record<string, unknown>>;
    expect(stageSpec.hosts?.items).toMatchObject({ 'x-vmw-resource-type': 'HostSystem' });
    expect(stageSpec.commit?.['x-vmw-resource-type']).toBe('com.vmware.esx.settings.commit');
  });

  test('upgradeMultiple request and response are maps of cluster id to UpgradeSpec / Result', () => {
    const req = 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap';
    expect(valid(req, { 'domain-c8': { desired_version: '1.30.1' } })).toBe('valid');
    expect(valid(req, { 'domain-c8': { desired_version: '1.30.1', ignore_precheck_warnings: true } })).toBe('valid');
    expect(valid(req, { 'domain-c8': { ignore_precheck_warnings: true } })).toContain("must have required property 'desired_version'");
    expect(valid(req, { 'domain-c8': { desired_version: '1', ignore_precheck_warnings: 'yes' } })).toContain('must be boolean');
    const res = 'Vcenter.NamespaceManagement.Software.Clusters.ResultMap';
    expect(valid(res, { 'domain-c8': { res: 'REJECTED', exception: {} } })).toBe('valid');
    expect(valid(res, { 'domain-c8': { res: 'REJECTED', exception: 'boom' } })).toContain('/domain-c8/exception must be object');
    expect(valid(res, { 'domain-c8': {} })).toContain("must have required property 'res'");
  });

  test('StageSpec: every field optional, hosts unique; task id and session id are bare strings', () => {
    const spec = 'Esx.Settings.Clusters.Software.StageSpec';
    expect(valid(spec, {})).toBe('valid');
    expect(valid(spec, { commit: '3', hosts: ['host-1', 'host-2'] })).toBe('valid');
    expect(valid(spec, { hosts: ['host-1', 'host-1'] })).toContain('must NOT have duplicate items');
    expect(valid('Esx.Settings.Clusters.Software.StageTaskId', '52f0:com.vmware.esx.settings.clusters.software')).toBe('valid');
    expect(valid('Esx.Settings.Clusters.Software.StageTaskId', { value: 'x' })).toContain('must be string');
    expect(valid('Cis.Session.Id', 'b00db39f948d13ea1e59b4d6fce56389')).toBe('valid');
    expect(valid('Cis.Session.Id', { value: 'b00d' })).toContain('must be string');
  });

  test('StageResult requires the commit and the three host sets, and StageStatus its times', () => {
    const result = {
      commit: '3',
      host_info: { 'host-1': { name: 'esx-1' } },
      host_status: {},
      successful_hosts: ['host-1'],
      failed_hosts: [],
      skipped_hosts: [],
    };
    expect(valid('Esx.Settings.Clusters.Software.StageResult', result)).toBe('valid');
    const { commit: _omit, ...noCommit } = result;
    expect(valid('Esx.Settings.Clusters.Software.StageResult', noCommit)).toContain("required property 'commit'");
    expect(valid('Esx.Settings.Clusters.Software.StageResult', { ...result, failed_hosts: ['host-1', 'host-1'] })).toContain('duplicate');
    expect(
      valid('Esx.Settings.Clusters.Software.StageStatus', {
        status: 'OK',
        start_time: '2026-01-01T00:00:00Z',
        end_time: 'later',
        notifications: {},
      }),
    ).toContain('must match format "date-time"');
  });

  test('the error body: Error with subtypes carrying an optional challenge', () => {
    const msg = { id: 'vapi.session.unauthenticated', default_message: 'Authentication required.', args: [] };
    expect(
      valid('Vapi.Std.Errors.Unauthenticated', {
        error_type: 'UNAUTHENTICATED',
        messages: [msg],
        challenge: 'Basic realm="VAPI endpoint"',
      }),
    ).toBe('valid');
    expect(valid('Vapi.Std.Errors.Unauthorized', { error_type: 'UNAUTHORIZED', messages: [msg] })).toBe('valid');
    expect(valid('Vapi.Std.Errors.Unauthorized', { error_type: 'UNAUTHORIZED', messages: [msg], challenge: 7 })).toContain(
      '/challenge must be string',
    );
    expect(valid('Vapi.Std.Errors.Error', { error_type: 'NOT_FOUND' })).toContain("required property 'messages'");
    expect(valid('Vapi.Std.LocalizableMessage', { id: 'x', default_message: 'y' })).toContain("required property 'args'");
    expect(valid('Vapi.Std.LocalizationParam', { i: 1.5 })).toContain('must be integer');
    expect(valid('Vapi.Std.LocalizationParam', { i: 2 ** 64 })).toContain('must match format "int64"');
  });

  test('session Info needs user and both times', () => {
    expect(
      valid('Cis.Session.Info', {
        user: 'VSPHERE.LOCAL\\Administrator',
        created_time: '2026-11-24T10:00:00.000Z',
        last_accessed_time: '2026-11-24T10:01:00.000Z',
      }),
    ).toBe('valid');
    expect(valid('Cis.Session.Info', { user: 'a', created_time: '2026-11-24T10:00:00Z' })).toContain(
      "required property 'last_accessed_time'",
    );
  });
});
