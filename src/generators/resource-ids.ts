import fc from 'fast-check';

// vAPI services and operations that this harness actually exercises; real values keep logs readable.
const SERVICES = [
  'com.vmware.esx.settings.clusters.software',
  'com.vmware.vcenter.namespace_management.software.clusters',
  'com.vmware.cis.tasks',
];
const OPERATIONS = ['stage', 'apply', 'check', 'upgrade', 'upgrade_multiple', 'list', 'get'];
const SEGMENT = fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/);

/** A vLCM name: `bnxtnet`, `VMware-vmkusb-nic-fling`, `vsan`. */
const NAME = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{1,23}$/);
const VERSION = fc
  .tuple(fc.integer({ min: 7, max: 9 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1_000_000, max: 99_999_999 }))
  .map(([major, update, build]) => `${major}.0.${update}-0.0.${build}`);

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
  // The inventory's other managed objects: `datacenter-3`, `group-v4` (folders by kind), `resgroup-9`.
  Datacenter: moid('datacenter-'),
  Folder: fc.tuple(fc.constantFrom('d', 'h', 'v', 'n', 's'), fc.integer({ min: 1, max: 999_999 })).map(([k, n]) => `group-${k}${n}`),
  ResourcePool: moid('resgroup-'),
  // vLCM names its objects: components and solutions by name, drafts and BCG products by number, images by name.
  'com.vmware.esx.settings.component': NAME,
  'com.vmware.esx.settings.solution': NAME,
  'com.vmware.esx.settings.image': NAME,
  'com.vmware.esx.settings.data_processing_unit': NAME,
  'com.vmware.esx.setting.hardware_support.manager': NAME,
  'com.vmware.esx.setting.hardware_support.package': NAME,
  'com.vmware.esx.setting.hardware_module': NAME,
  'com.vmware.esx.settings.draft': fc.integer({ min: 1, max: 99_999 }).map(String),
  'com.vmware.esx.settings.vcg_product': fc.integer({ min: 1, max: 999_999 }).map(String),
  // Image versions: `8.0.3-0.0.24022510`.
  'com.vmware.esx.settings.base_image': VERSION,
  'com.vmware.esx.settings.repository.software_spec': VERSION,
  // Supervisors and content libraries are UUIDs; Supervisor versions `v1.28.3+vmware.1`; sizes and zones are names.
  'com.vmware.vcenter.namespace_management.supervisor.Supervisor': fc.uuid(),
  'com.vmware.content.Library': fc.uuid(),
  SupervisorVersion: fc
    .tuple(fc.integer({ min: 20, max: 40 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 9 }))
    .map(([minor, patch, build]) => `v1.${minor}.${patch}+vmware.${build}`),
  'com.vmware.vcenter.namespace_management.software.supervisors.versions.control_plane.Size': fc.constantFrom(
    'TINY',
    'SMALL',
    'MEDIUM',
    'LARGE',
  ),
  'com.vmware.vcenter.consumption_domains.Zone': fc.stringMatching(/^zone-[a-z0-9]{1,8}$/),
};

/** Resource types with a realistic identifier shape; any other type gets a non-empty string. */
export const KNOWN_RESOURCE_TYPES: readonly string[] = Object.freeze(Object.keys(BY_TYPE));

const FALLBACK = fc.string({ minLength: 1, maxLength: 12 });

/** An arbitrary of identifiers for the vSphere resource type named by `x-vmw-resource-type`. */
export function resourceIdArbitrary(resourceType: string): fc.Arbitrary<string> {
  return Object.hasOwn(BY_TYPE, resourceType) ? (BY_TYPE[resourceType] as fc.Arbitrary<string>) : FALLBACK;
}

// Commits are numbered per cluster from 1: a lab's cluster may have any few thousand, never hundreds of millions.
const FAR_PREFIX: Readonly<Record<string, string>> = {
  ClusterComputeResource: 'domain-c',
  HostSystem: 'host-',
  Datacenter: 'datacenter-',
  'com.vmware.esx.settings.commit': '',
};

/** Whether unknownResourceIdArbitrary draws ids of this type from beyond any counter a vCenter reaches (else: realistic ones). */
export function hasFarIds(resourceType: string): boolean {
  return Object.hasOwn(FAR_PREFIX, resourceType);
}

/**
 * Identifiers meant to name nothing on the target: a managed object id or commit number far above
 * any counter a vCenter reaches (`domain-c9xxxxxxxx`, `host-9xxxxxxxx`, commit `9xxxxxxxx`), where the realistic ids above favour small
 * numbers that a lab may well have (issue: `domain-c13` was drawn as "unknown" and existed). A test still excludes
 * what the target lists and what its profile maps, and reads an id back where another operation can.
 */
export function unknownResourceIdArbitrary(resourceType: string): fc.Arbitrary<string> {
  const prefix = FAR_PREFIX[resourceType];
  return prefix === undefined
    ? resourceIdArbitrary(resourceType)
    : fc.integer({ min: 900_000_000, max: 999_999_999 }).map((n) => `${prefix}${n}`);
}
