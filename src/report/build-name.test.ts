import { test, expect } from '@playwright/test';
import { BUILD_NOT_REPORTED, buildAnnotation, buildDetail, buildName, sameBuild } from './build-name';
import { sampleBuild } from './compare/sample-report';

test.describe('how the reports name a build', () => {
  test('name: product, version and build number; detail: type, and the patch or that there was none', () => {
    expect(buildName(sampleBuild())).toBe('VMware vCenter Server 9.1.0.0 build 24321653');
    expect(buildDetail(sampleBuild())).toBe('vCenter Server with an embedded Platform Services Controller; not patched');
    expect(buildDetail(sampleBuild({ releasedate: 'June 2, 2026' }))).toBe(
      'vCenter Server with an embedded Platform Services Controller; patch released June 2, 2026',
    );
    // A target may leave strings empty: no stray "build" or separator.
    expect(buildName(sampleBuild({ product: '', build: '' }))).toBe('9.1.0.0');
    expect(buildDetail(sampleBuild({ type: '' }))).toBe('not patched');
  });

  test('the JUnit property (annotation vcconform.build) reads the same, or says the build was not reported', () => {
    expect(buildAnnotation(sampleBuild())).toBe(
      'VMware vCenter Server 9.1.0.0 build 24321653 (vCenter Server with an embedded Platform Services Controller; not patched)',
    );
    expect(buildAnnotation(null)).toBe(BUILD_NOT_REPORTED);
    expect(BUILD_NOT_REPORTED).toBe('not reported by the target');
  });

  test('two builds are the same only when every kept field is', () => {
    expect(sameBuild(sampleBuild(), sampleBuild())).toBe(true);
    for (const field of ['product', 'version', 'build', 'type', 'releasedate'] as const)
      expect(sameBuild(sampleBuild(), sampleBuild({ [field]: 'x' })), field).toBe(false);
  });
});
