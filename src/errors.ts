/** Thrown at load time for a bad schema, an unsupported keyword or an inconsistent catalogue. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** Thrown for misuse of the command line: a bad flag or value. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Builds the one message shape: `[vcconform] Failed to <action>: <reason>. <hint>.` */
export function message(action: string, reason: string, hint?: string): string {
  return `[vcconform] Failed to ${action}: ${reason}.${hint ? ` ${hint}.` : ''}`;
}

/**
 * What a target did that ended a request (a reset connection, no answer within the budget, a body
 * over the size limit): one line naming the request and the condition. Its stack is that line alone:
 * harness stack frames belong to harness bugs, not to a target's behaviour.
 */
export class TargetError extends Error {
  override name = 'TargetError';
  constructor(text: string) {
    super(text);
    this.stack = `${this.name}: ${text}`;
  }
}

/**
 * The target broke a documented rule: the named checks' Received/Documented lines. Like TargetError
 * its stack is its message alone — a contract failure is the target's, not a harness frame's.
 */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
  constructor(text: string) {
    super(text);
    this.stack = `${this.name}: ${text}`;
  }
}
