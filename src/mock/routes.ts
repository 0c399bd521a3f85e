import { operations } from '../../specs/index';
import type { Handler } from './types';
import { genericHandler } from './generic/handler';
import { createSession, deleteSession, getSession } from './handlers/session';
import { listClusters } from './handlers/clusters-list';
import { getCluster } from './handlers/clusters-get';
import { upgradeCluster } from './handlers/clusters-upgrade';
import { upgradeMultiple } from './handlers/upgrade-multiple';
import { stage } from './handlers/stage';
import { getTask } from './handlers/tasks-get';
import { listTasks } from './handlers/tasks-list';
import { cancelTask } from './handlers/tasks-cancel';
import { getApplianceVersion } from './handlers/appliance-version';

/** The hand-written, stateful handlers of the deep operations: catalogue operation id → handler. */
export const deepHandlers: Readonly<Record<string, Handler>> = {
  'session.create': createSession,
  'session.get': getSession,
  'session.delete': deleteSession,
  'clusters.list': listClusters,
  'clusters.get': getCluster,
  'clusters.upgrade': upgradeCluster,
  'clusters.upgradeMultiple': upgradeMultiple,
  'software.stage': stage,
  'tasks.get': getTask,
  'tasks.list': listTasks,
  'tasks.cancel': cancelTask,
  'appliance.version': getApplianceVersion,
};

/**
 * The mocked API surface: every catalogued operation id → its handler (method, path and query come from the
 * catalogue): the deep handler where there is one, else the data-driven generic handler (src/mock/generic).
 */
export const handlers: Readonly<Record<string, Handler>> = Object.fromEntries(
  operations.map((op) => [op.id, deepHandlers[op.id] ?? genericHandler]),
);
