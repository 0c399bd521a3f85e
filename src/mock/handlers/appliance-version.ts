import type { Handler } from '../types';

/**
 * GET /api/appliance/system/version → 200 Appliance.System.Version.VersionStruct, from the inventory's
 * `appliance` block. Any session may read it: the 9.1 spec names no privilege for it. Without a
 * session the app answers 401 UNAUTHENTICATED before this runs, as for every session operation (the
 * spec declares only 200 and 500 here; a vCenter answers 401 all the same).
 */
export const getApplianceVersion: Handler = (_request, { state }) => {
  const a = state.appliance;
  return {
    status: 200,
    body: {
      version: a.version,
      product: a.product,
      build: a.build,
      type: a.type,
      summary: a.summary,
      releasedate: a.releasedate,
      install_time: a.installTime,
      ...(a.name !== undefined && { name: a.name }),
    },
  };
};
