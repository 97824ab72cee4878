/** A Peppol participant: an ISO 6523 scheme (EAS code) and the identifier under it. */
export interface PeppolParticipant {
  readonly scheme: string;
  readonly id: string;
}

/** The form access points and the Peppol Directory write: `0208:0123456749`. */
export function formatParticipant(participant: PeppolParticipant): string {
  return `${participant.scheme}:${participant.id}`;
}

export function parseParticipant(value: string): PeppolParticipant | null {
  const match = /^(\d{4}):(\S+)$/.exec(value.trim());
  return match?.[1] && match[2] ? { scheme: match[1], id: match[2] } : null;
}
