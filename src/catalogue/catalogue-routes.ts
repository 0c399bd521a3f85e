import { operations } from '../../specs/index';
import { compileRoute, matchRoute, type RouteMatch } from './router';

/** The routes of the whole catalogue, compiled once per process (the mock, the safety classifier and the routing checks). */
export const CATALOGUE_ROUTES = operations.map(compileRoute);

/** The catalogued operation a request matches (method, path, the path key's fixed query), with its path parameters. */
export function routeRequest(method: string, path: string, query: Record<string, string>): RouteMatch | undefined {
  return matchRoute(CATALOGUE_ROUTES, method, path, query);
}
