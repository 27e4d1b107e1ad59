/** Who acted: a person, or the system (scheduled jobs) with a label. */
export interface Actor {
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR = (job: string): Actor => ({ id: null, label: `system:${job}` });

export interface AuditEntry {
  agreementId?: string | null;
  subjectType: string;
  subjectId?: string | null;
  action: string;
  actor: Actor;
  before?: unknown;
  after?: unknown;
}
