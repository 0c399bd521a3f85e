import type { ErrorType } from '../../specs/catalogue-types';
import { STATUS_OF } from '../../specs/error-status';

export { STATUS_OF };
import type { MockResponse } from './types';

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
