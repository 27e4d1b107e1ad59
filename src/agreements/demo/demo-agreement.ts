import type { AgreementDocument, TrancheKind } from '../agreement-document.js';
import type { Addendum } from '../amend-agreement.js';
import type { TrancheStatus } from '../../tranches/tranche-state.js';
import type { DemoCatalogue } from './demo-catalogue.js';

/** One demo agreement: its document and how far its life has gone. */
export interface DemoAgreement {
  build(c: DemoCatalogue): AgreementDocument;
  /** signed → IN_FORCE; unsigned stays DRAFT */
  signature?: { number: string; signedOn: string };
  /** where each tranche stands, by "<period code> <kind>"; unnamed tranches stay SCHEDULED */
  stages?: Partial<Record<`${string} ${TrancheKind}`, TrancheStatus>>;
  addendum?: Addendum;
  /** every tranche settled and the agreement CLOSED */
  closed?: boolean;
}
