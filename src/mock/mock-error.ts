import { message } from '../errors';

/** Misuse of the mock: a bad option, inventory or control call. */
export class MockError extends Error {
  override name = 'MockError';
  constructor(action: string, reason: string, hint?: string) {
    super(message(action, reason, hint));
  }
}
