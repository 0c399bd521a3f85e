import type { TargetBuild } from './conformance-types';

/** What the reports say where the target did not report its build (`target.build` is null). */
export const BUILD_NOT_REPORTED = 'not reported by the target';

/** `VMware vCenter Server 9.1.0.0 build 24321653`: how the reports name a build. */
export function buildName(b: TargetBuild): string {
  return [b.product, b.version, b.build && `build ${b.build}`].filter(Boolean).join(' ');
}

/** The rest of what the target said about it: its type, and whether and when it was patched. */
export function buildDetail(b: TargetBuild): string {
  // VersionStruct.releasedate: "empty string, if the appliance has not been patched".
  return [b.type, b.releasedate === '' ? 'not patched' : `patch released ${b.releasedate}`].filter(Boolean).join('; ');
}

/** Whether two reported builds are the same: every field the report keeps is equal. */
export function sameBuild(a: TargetBuild, b: TargetBuild): boolean {
  return a.product === b.product && a.version === b.version && a.build === b.build && a.type === b.type && a.releasedate === b.releasedate;
}

/** The annotation, and so the JUnit property, that names the build each conformance test ran against (fixtures/test.ts). */
export const BUILD_ANNOTATION = 'vcconform.build';

/** Its text: `VMware vCenter Server 9.1.0.0 build 24321653 (type; not patched)`, or `not reported by the target`. */
export function buildAnnotation(b: TargetBuild | null): string {
  return b ? `${buildName(b)} (${buildDetail(b)})` : BUILD_NOT_REPORTED;
}
