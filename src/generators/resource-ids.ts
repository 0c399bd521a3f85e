import fc from 'fast-check';

// vAPI services and operations that this harness actually exercises; real values keep logs readable.
const SERVICES = [
  'com.vmware.esx.settings.clusters.software',
  'com.vmware.vcenter.namespace_management.software.clusters',
  'com.vmware.cis.tasks',
];
const OPERATIONS = ['stage', 'apply', 'check', 'upgrade', 'upgrade_multiple', 'list', 'get'];
const SEGMENT = fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/);

/** Managed object ids are `<prefix>-<n>` (e.g. `domain-c8`, `host-1013`), with n from a per-vCenter counter. */
const moid = (prefix: string) => fc.integer({ min: 1, max: 999_999 }).map((n) => `${prefix}${n}`);

/** Identifier generators by `x-vmw-resource-type`, shaped like what a real vCenter returns. */
const BY_TYPE: Readonly<Record<string, fc.Arbitrary<string>>> = {
  ClusterComputeResource: moid('domain-c'),
  HostSystem: moid('host-'),
  // Task ids are `<uuid>:<service>`, e.g. `52a5…:com.vmware.esx.settings.clusters.software`.
  'com.vmware.cis.task': fc.tuple(fc.uuid(), fc.constantFrom(...SERVICES)).map(([uuid, service]) => `${uuid}:${service}`),
  // Desired-state commits are numbered.
  'com.vmware.esx.settings.commit': fc.integer({ min: 1, max: 99_999 }).map(String),
  'com.vmware.vapi.service': fc.oneof(
    fc.constantFrom(...SERVICES),
    fc.array(SEGMENT, { minLength: 1, maxLength: 3 }).map((parts) => ['com', 'vmware', ...parts].join('.')),
  ),
  // vAPI operation ids are single snake_case names (the service id carries the dots).
  'com.vmware.vapi.operation': fc.oneof(fc.constantFrom(...OPERATIONS), SEGMENT),
};

/** Resource types with a realistic identifier shape; any other type gets a non-empty string. */
export const KNOWN_RESOURCE_TYPES: readonly string[] = Object.freeze(Object.keys(BY_TYPE));

const FALLBACK = fc.string({ minLength: 1, maxLength: 12 });

/** An arbitrary of identifiers for the vSphere resource type named by `x-vmw-resource-type`. */
export function resourceIdArbitrary(resourceType: string): fc.Arbitrary<string> {
  return Object.hasOwn(BY_TYPE, resourceType) ? (BY_TYPE[resourceType] as fc.Arbitrary<string>) : FALLBACK;
}

/**
 * Identifiers meant to name nothing on the target: a managed object id or commit number far above
 * any counter a vCenter reaches (`domain-c9xxxxxxxx`, `host-9xxxxxxxx`, commit `9xxxxxxxx`), where the realistic ids above favour small
 * numbers that a lab may well have (issue: `domain-c13` was drawn as "unknown" and existed). A test still excludes
 * what the target lists and what its profile maps, and reads an id back where another operation can.
 */
export function unknownResourceIdArbitrary(resourceType: string): fc.Arbitrary<string> {
  // Commits are numbered per cluster from 1: a lab's cluster may have any few thousand, never hundreds of millions.
  const prefix = (
    { ClusterComputeResource: 'domain-c', HostSystem: 'host-', 'com.vmware.esx.settings.commit': '' } as Record<string, string>
  )[resourceType];
  return prefix === undefined
    ? resourceIdArbitrary(resourceType)
    : fc.integer({ min: 900_000_000, max: 999_999_999 }).map((n) => `${prefix}${n}`);
}
