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
