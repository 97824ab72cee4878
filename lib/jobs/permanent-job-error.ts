/**
 * Thrown by a handler when retrying cannot help (a refused address, a malformed
 * payload). The worker records it on the job instead of scheduling retries.
 */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    public readonly code: string,
  ) {
    super(message);
    this.name = "PermanentJobError";
  }
}
