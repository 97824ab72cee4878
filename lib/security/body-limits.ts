/**
 * The largest bank statement accepted (README: "at most 5 MB"), and the server actions'
 * body limit that carries it: one number, used by the upload action, its form, the
 * proxy that answers 413 beyond it, and next.config.ts.
 */
export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

/** The statement plus the multipart envelope and the form's other fields. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = MAX_STATEMENT_BYTES + 64 * 1024;
