import { test, expect } from '@playwright/test';
import { operations } from '../../specs/index';
import { compileRoute, matchRoute } from './router';

const routes = operations.map(compileRoute);
const route = (method: string, target: string) => {
  const url = new URL(target, 'http://vcenter');
  return matchRoute(routes, method, url.pathname, Object.fromEntries(url.searchParams))?.operation.id;
};
const SOFTWARE = '/api/esx/settings/clusters/domain-c8/software';

test.describe('router: method, path and the query the path key fixes', () => {
  test('a fixed query beyond action and vmw-task picks its own operation; without it, the plain one', () => {
    expect(route('GET', SOFTWARE)).toBe('esx.settings.clusters.software.get');
    expect(route('GET', `${SOFTWARE}?image=default`)).toBe('esx.settings.clusters.software.getDefaultImage');
    expect(route('GET', `${SOFTWARE}/effective-components`)).toBe('esx.settings.clusters.software.effectiveComponents.list');
    expect(route('GET', `${SOFTWARE}/effective-components?with-removed-components`)).toBe(
      'esx.settings.clusters.software.effectiveComponents.listWithRemovedComponents',
    );
    // Another value of a fixed key is not the fixed query: the plain read.
    expect(route('GET', `${SOFTWARE}?image=other`)).toBe('esx.settings.clusters.software.get');
  });

  test('action and vmw-task must be exactly what the key fixes, or absent where it fixes none', () => {
    expect(route('POST', `${SOFTWARE}/drafts`)).toBe('esx.settings.clusters.software.drafts.create');
    expect(route('POST', `${SOFTWARE}/drafts?action=import-software-spec`)).toBe(
      'esx.settings.clusters.software.drafts.importSoftwareSpec',
    );
    expect(route('POST', `${SOFTWARE}?action=stage&vmw-task=true`)).toBe('software.stage');
    expect(route('POST', `${SOFTWARE}?action=stage`)).toBeUndefined();
    expect(route('POST', `${SOFTWARE}/drafts?action=nonsense`)).toBeUndefined();
    expect(route('PUT', `${SOFTWARE}/drafts/1/display-name`)).toBe('esx.settings.clusters.software.drafts.displayName.set');
    expect(route('PATCH', `${SOFTWARE}/drafts/1/software/components`)).toBe(
      'esx.settings.clusters.software.drafts.software.components.update',
    );
  });
});
