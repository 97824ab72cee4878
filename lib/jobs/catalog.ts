import type { JobDefinition } from "./define-job";
import { sendDocumentJob } from "./send-document-job";
import { sendEmailJob } from "./send-email-job";

/** Every job the worker runs. Later capabilities add theirs here. */
export const allJobs: readonly JobDefinition[] = [sendEmailJob, sendDocumentJob];
