import { authErrorsCarryNoData } from './auth/auth-errors-carry-no-data';
import { authenticatedIsNot401 } from './auth/authenticated-is-not-401';
import { unauthenticatedCarriesChallenge } from './auth/unauthenticated-carries-challenge';
import { unauthenticatedIs401 } from './auth/unauthenticated-is-401';
import { unprivilegedIs403 } from './auth/unprivileged-is-403';
import { bodyMatchesSchema } from './generic/body-matches-schema';
import { contentTypeIsJson } from './generic/content-type-is-json';
import { documentedErrorIsReturned } from './generic/documented-error-is-returned';
import { errorTypeMatchesStatus } from './generic/error-type-matches-status';
import { invalidInputIsRejected } from './generic/invalid-input-is-rejected';
import { optionalFieldsAreOmitted } from './generic/optional-fields-are-omitted';
import { statusIsDocumented } from './generic/status-is-documented';
import type { Check } from './types';

/** The check registry, in the order checks run and reports list them. */
export const checks: readonly Check[] = [
  // generic: every catalogued operation
  statusIsDocumented,
  bodyMatchesSchema,
  errorTypeMatchesStatus,
  contentTypeIsJson,
  invalidInputIsRejected,
  documentedErrorIsReturned,
  optionalFieldsAreOmitted,
  // authentication and privileges
  unauthenticatedIs401,
  unauthenticatedCarriesChallenge,
  authenticatedIsNot401,
  unprivilegedIs403,
  authErrorsCarryNoData,
];

/** The check with this name; throws naming the known ones. */
export function checkNamed(name: string): Check {
  const check = checks.find((c) => c.name === name);
  if (!check) throw new Error(`[vcconform] Failed to find check "${name}": known checks are ${checks.map((c) => c.name).join(', ')}.`);
  return check;
}
