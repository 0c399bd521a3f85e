/** Suite filters the fault proof runs a fault's suites with (Fault.caughtBy), shared by the fault files and the proof. */
export const SESSION = ['suites/session'];
export const AUTH = ['suites/auth.unauthenticated'];
export const UM = ['suites/upgrade-multiple'];
export const LIFECYCLE = ['suites/stage-task.lifecycle'];
export const OPTIONAL = ['suites/stage-task.optional-fields'];
export const STAGE_ERRORS = ['suites/stage-task.errors'];
/**
 * A time scale at which a stage of three hosts (31 virtual seconds) lasts about 150 ms, so the
 * poller (1 ms, ×1.2) sees it RUNNING more than once; at the default 2000 it is over in 15 ms and
 * a loaded machine may poll only PENDING and SUCCEEDED.
 */
export const WHILE_RUNNING = 200;
export const CLUSTER_OPERATIONS = ['clusters.list', 'clusters.get', 'clusters.upgrade', 'clusters.upgradeMultiple'];
/** The generic suite: every operation no deep suite covers, from the spec alone. */
export const GENERIC = ['suites/generic'];
