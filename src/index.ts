/**
 * The package's public surface (`import { … } from 'vcconform'`, docs/library.md): re-exports only.
 * index.js loads it for consumers; the names it lists for ES modules must match (index.test.ts).
 */

// Playwright Test with vcconform's fixtures (api, sessions, need, property, verify, target, …), and what suites build requests with.
export { test, expect, fc, sends, DEFAULTS as defaultOptions } from '../fixtures/test';
export type { LiveTarget, Needs, Property, Sessions, Target, VcconformOptions, Verify } from '../fixtures/test';
export type { ApiClient } from './client/api-client';
export type { InventoryRole, InventoryRoles, Role, RoleUser } from './target/roles';

// The embedded reference mock vCenter.
export { startMock } from './mock/start-mock';
export type { RunningMock, StartMockOptions } from './mock/start-mock';

// Values from the schemas: valid ones, and ones that break them (each with the mutation that broke it).
export { arbitraryFor } from './generators/arbitrary-for';
export { invalidArbitraryFor } from './generators/invalid-arbitrary-for';
export type { GeneratorOptions } from './generators/arbitrary-for';
export type { InvalidValue, Mutation } from './generators/invalid-arbitrary-for';

// The checks: the registry in run order, one by name, and what a check of your own is made of.
export { checkNamed, checks } from './checks/index';
export { issue } from './checks/issue';
export type { Check, Evidence, Exchange, Intent, Issue, RecordedRequest, Severity, TaskHistory } from './checks/types';

// The operation catalogue and the schemas' validators (the one Ajv instance).
export { operation, operations, validatorFor } from '../specs/index';
export type { Operation } from '../specs/index';

// Producer → consumer discovery: where responses carry ids of a resource type, and which read fills each path parameter.
export { discoveryFor, producersOf } from './catalogue/discovery';
export type { Discovery, DiscoveryStep, Producer } from './catalogue/discovery';
export { idSites, idsAt } from './catalogue/id-sites';
export type { IdSite } from './catalogue/id-sites';
export { fillParams } from './catalogue/fill-params';
export type { Filled } from './catalogue/fill-params';

// Live targets: a profile file (or the VCENTER_* variables), split into what the fixtures' `live` option takes.
export { loadProfile, profileFromEnv, splitProfile } from './target/profile';
export type { PublicProfile, TargetProfile } from './target/profile';
