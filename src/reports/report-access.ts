import type { AuthUser } from '../auth/auth-user.js';
import { visibleAgreement } from '../auth/scope.js';

/**
 * The SQL condition "the caller may see report `<alias>`": a verification report goes with its
 * agreement's visibility; a portfolio report (it shows what its requester may see) belongs to
 * its requester, and to ADMIN.
 */
export function visibleReport(user: AuthUser, params: unknown[], alias = 'r'): string {
  const agreement = visibleAgreement(user, params, 'ra');
  const portfolio = user.role === 'ADMIN' ? 'TRUE' : `${alias}.requested_by = $${params.push(user.id)}`;
  return `((${alias}.type <> 'PORTFOLIO' AND EXISTS (SELECT 1 FROM agreements ra WHERE ra.id = ${alias}.agreement_id AND ${agreement}))
    OR (${alias}.type = 'PORTFOLIO' AND ${portfolio}))`;
}
