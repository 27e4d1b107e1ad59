export const ROLES = ['ADMIN', 'ANALYST', 'APPROVER', 'ENTITY', 'VERIFIER', 'DONOR'] as const;
export type Role = (typeof ROLES)[number];

/** The caller, as every service sees it. Loaded from the database on each request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  entityId: string | null;
  fundingProgramId: string | null;
  /** A DONOR linked to a donor sees all of that donor's programmes. */
  donorId: string | null;
}

export const actorOf = (u: AuthUser) => ({ id: u.id, label: `${u.role}:${u.email}` });
