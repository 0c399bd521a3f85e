import type { ErrorType } from '../../specs/catalogue-types';
import type { MockResponse } from './types';

/** error_type → HTTP status on `/api` (vcenter-contract.md §7). */
export const STATUS_OF: Partial<Record<ErrorType, number>> = {
  ALREADY_EXISTS: 400, ALREADY_IN_DESIRED_STATE: 400, FEATURE_IN_USE: 400, INVALID_ARGUMENT: 400,
  INVALID_ELEMENT_CONFIGURATION: 400, INVALID_ELEMENT_TYPE: 400, INVALID_REQUEST: 400,
  NOT_ALLOWED_IN_CURRENT_STATE: 400, RESOURCE_IN_USE: 400, UNSUPPORTED: 400, UNVERIFIED_PEER: 400,
  UNAUTHENTICATED: 401, UNAUTHORIZED: 403, NOT_FOUND: 404, CONCURRENT_CHANGE: 409,
  ERROR: 500, INTERNAL_SERVER_ERROR: 500, RESOURCE_BUSY: 500, RESOURCE_INACCESSIBLE: 500, TIMED_OUT: 500,
  UNABLE_TO_ALLOCATE_RESOURCE: 500, SERVICE_UNAVAILABLE: 503,
};

/** A vAPI std error body (`Vapi.Std.Errors.Error`) with one LocalizableMessage. */
export function vapiErrorBody(type: ErrorType, text: string, messageId = `vcconform.mock.${type.toLowerCase()}`) {
  return { error_type: type, messages: [{ id: messageId, default_message: text, args: [] as string[] }] };
}

/** An error response at the status the `/api` table gives its type. */
export function vapiError(type: ErrorType, text: string, extra: Record<string, unknown> = {}): MockResponse {
  const status = STATUS_OF[type];
  if (status === undefined) throw new Error(`[vcconform] Failed to build a ${type} error: the /api table maps it to no status.`);
  return { status, body: { ...vapiErrorBody(type, text), ...extra } };
}
