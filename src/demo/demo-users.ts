import type { EntityManager } from 'typeorm';
import type { Role } from '../auth/auth-user.js';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  entityCode?: string;
  donorCode?: string;
}

/** Fixed logins so tutorials and scripts can rely on them (README "Demo"). */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.tramos.pe', name: 'Administración Tramos', role: 'ADMIN' },
  { email: 'analista@demo.tramos.pe', name: 'Sectorista DGPP (demo)', role: 'ANALYST' },
  { email: 'director@demo.tramos.pe', name: 'Director DGPP (demo)', role: 'APPROVER' },
  { email: 'gore.ayacucho@demo.tramos.pe', name: 'GORE Ayacucho – OPP (demo)', role: 'ENTITY', entityCode: 'GORE-AYA' },
  { email: 'sis@demo.tramos.pe', name: 'SIS – verificador (demo)', role: 'VERIFIER', entityCode: 'SIS' },
  { email: 'ue@demo.tramos.pe', name: 'Unión Europea – oficial de programa (demo)', role: 'DONOR', donorCode: 'UE' },
];

/**
 * The people who report for the other demo entities (their OPP), so every demo tranche already
 * reported on was reported by someone; same password.
 */
export const DEMO_ENTITY_USERS: DemoUser[] = [
  { email: 'gore.amazonas@demo.tramos.pe', name: 'GORE Amazonas – OPP (demo)', role: 'ENTITY', entityCode: 'GORE-AMA' },
  { email: 'gore.piura@demo.tramos.pe', name: 'GORE Piura – OPP (demo)', role: 'ENTITY', entityCode: 'GORE-PIU' },
  { email: 'reniec@demo.tramos.pe', name: 'RENIEC – planeamiento (demo)', role: 'ENTITY', entityCode: 'RENIEC' },
  { email: 'juntos@demo.tramos.pe', name: 'JUNTOS – planeamiento (demo)', role: 'ENTITY', entityCode: 'JUNTOS' },
  { email: 'seguro.integral@demo.tramos.pe', name: 'SIS – planeamiento (demo)', role: 'ENTITY', entityCode: 'SIS' },
  { email: 'devida@demo.tramos.pe', name: 'DEVIDA – planeamiento (demo)', role: 'ENTITY', entityCode: 'DEVIDA' },
];

/** Inserts the demo users; their entity and donor must already be in the catalogue. */
export async function insertDemoUsers(tx: EntityManager, passwordHash: string): Promise<void> {
  for (const u of [...DEMO_USERS, ...DEMO_ENTITY_USERS]) {
    await tx.query(
      `INSERT INTO users (email, name, role, entity_id, donor_id, password_hash, is_demo)
       VALUES ($1, $2, $3, (SELECT id FROM entities WHERE code = $4), (SELECT id FROM donors WHERE code = $5), $6, true)`,
      [u.email, u.name, u.role, u.entityCode ?? null, u.donorCode ?? null, passwordHash],
    );
  }
  // The demo analyst is the sectorista of every demo agreement.
  await tx.query(
    `INSERT INTO agreement_analysts (agreement_id, user_id)
     SELECT a.id, u.id FROM agreements a, users u WHERE a.illustrative AND u.email = 'analista@demo.tramos.pe'
     ON CONFLICT DO NOTHING`,
  );
}
