import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

export interface ChainedFields {
  chain: string;
  seq: number;
  agreementId: string | null;
  subjectType: string;
  subjectId: string | null;
  action: string;
  actorId: string | null;
  actorLabel: string;
  at: string;
  before: unknown;
  after: unknown;
}

/** hash_n = sha256(hash_{n-1} ‖ canonical(fields_n)): changing any row breaks every later link. */
export function linkHash(prevHash: string | null, f: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(canonicalJson(f))
    .digest('hex');
}

/** Chains are per agreement; events with no agreement (users, catalogues) share one chain. */
export const chainOf = (agreementId: string | null | undefined) => agreementId ?? 'global';
