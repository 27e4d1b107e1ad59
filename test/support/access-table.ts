import type { Role } from '../../src/auth/auth-user.js';

/** The demo login of each role. */
export const LOGINS: Record<Role, string> = {
  ADMIN: 'admin@demo.tramos.pe',
  ANALYST: 'analista@demo.tramos.pe',
  APPROVER: 'director@demo.tramos.pe',
  ENTITY: 'gore.ayacucho@demo.tramos.pe',
  VERIFIER: 'sis@demo.tramos.pe',
  DONOR: 'ue@demo.tramos.pe',
};
export const ROLES = Object.keys(LOGINS) as Role[];

/**
 * Three agreements, and who must see each (the contract of the access issue). AYA: GORE
 * Ayacucho × an EU programme, analyst assigned, no verifier. AMA: GORE Amazonas × another
 * donor's programme, verifier SIS, analyst assigned. UNASSIGNED: like AYA with no analyst.
 */
export type Subject = 'AYA' | 'AMA' | 'UNASSIGNED';
export const SUBJECTS: Subject[] = ['AYA', 'AMA', 'UNASSIGNED'];
export const SEES: Record<Role, Subject[]> = {
  ADMIN: ['AYA', 'AMA', 'UNASSIGNED'],
  APPROVER: ['AYA', 'AMA', 'UNASSIGNED'],
  ANALYST: ['AYA', 'AMA'],
  ENTITY: ['AYA', 'UNASSIGNED'],
  VERIFIER: ['AMA'],
  DONOR: ['AYA', 'UNASSIGNED'],
};
