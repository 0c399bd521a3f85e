/**
 * Deterministic ids for the objects the generic mock makes up: the `n`th id (from 1) of a resource
 * type, shaped like the ids a vCenter hands out for it. The same (type, n) gives the same id in every
 * scope, so two reads that name the same kind of object agree even when they are scoped differently.
 */
const SHAPES: Readonly<Record<string, (n: number) => string>> = {
  // Drafts and commits are numbered per cluster (the inventory's commits are "1", "2", …).
  'com.vmware.esx.settings.draft': (n) => String(n),
  'com.vmware.esx.settings.commit': (n) => String(n),
  'com.vmware.esx.settings.component': (n) => named(['bnxtnet', 'nvme-pcie', 'vmw-ahci'], 'component', n),
  'com.vmware.esx.settings.solution': (n) => named(['com.vmware.vsphere-ha', 'com.vmware.vcls'], 'solution', n),
  'com.vmware.esx.setting.hardware_support.manager': (n) => named(['com.dell.omivv', 'com.hpe.oneview'], 'hsm', n),
  'com.vmware.esx.settings.base_image': (n) => `9.1.0-${24_300_000 + n}`,
  SupervisorVersion: (n) => `v1.3${n}.0`,
  Folder: (n) => `group-${n}`,
  ResourcePool: (n) => `resgroup-${n}`,
  VirtualMachine: (n) => `vm-${n}`,
};

function named(names: readonly string[], fallback: string, n: number): string {
  return names[n - 1] ?? `${fallback}-${n}`;
}

/** `Datacenter` → `datacenter`, `com.vmware.esx.settings.image` → `image`, `…control_plane.Size` → `size`. */
function stem(type: string): string {
  const last = type.split('.').at(-1) ?? type;
  return last.replace(/_/g, '-').toLowerCase();
}

/** The `n`th id (n ≥ 1) of a resource type. */
export function idOf(type: string, n: number): string {
  return SHAPES[type]?.(n) ?? `${stem(type)}-${n}`;
}

/** How many objects of a type the mock makes up for a scope it has not seen before. */
export const DEFAULT_COUNT = 2;
