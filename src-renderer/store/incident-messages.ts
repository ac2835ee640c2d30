// The shared schemas word their errors for logs ("the update must not be empty"); the detail view's
// forms show them as sentences. Kept apart so every incident form says it the same way.
import type { z } from 'zod';

export const asSentence = (message: string): string =>
  `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;

/** The first problem of each top-level field of a failed parse, as sentences. */
export function fieldErrorsOf<F extends string>(error: z.ZodError, fields: readonly F[]): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (fields as readonly string[]).includes(field) && errors[field as F] === undefined) {
      errors[field as F] = asSentence(issue.message);
    }
  }
  return errors;
}
