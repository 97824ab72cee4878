import type { z } from "zod";

/**
 * What a form's server action answers: success, or one i18n error key per field
 * (the same keys the browser shows when it validates with the same schema).
 */
export type ActionResult<T = undefined> =
  { ok: true; data?: T } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
