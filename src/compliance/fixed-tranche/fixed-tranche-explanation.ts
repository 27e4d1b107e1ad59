import { codeList, plural, soles } from '../shared/spanish-text.js';
import type { FixedTrancheResult } from './fixed-tranche.types.js';

type Explained = Omit<FixedTrancheResult, 'explanation' | 'inputHash'>;

/** One or two sentences a sectorista can paste into the informe de verificación. */
export function explainFixedTranche(result: Explained): string {
  const criteria = result.processes.flatMap((p) => p.subprocesses.flatMap((s) => s.criteria));
  const total = soles(result.trancheAmount);
  const unmet = result.blockingCriteria.map((c) => c.code);

  if (result.status === 'PENDING') {
    const pendingCodes = criteria.filter((c) => c.status === 'PENDING').map((c) => c.code);
    const alreadyUnmet =
      unmet.length > 0 ? ` Ya no se cumple${unmet.length > 1 ? 'n' : ''}: ${codeList(unmet)}.` : '';
    return (
      `Pendiente: ${plural(pendingCodes.length, 'criterio', 'criterios')} sin valor aceptado (${codeList(pendingCodes)}).` +
      `${alreadyUnmet} No se paga nada del tramo (${total}) hasta que todos estén decididos.`
    );
  }

  const level = `cumplimiento ${result.compliancePct} %`;
  if (result.rule === 'ALL_OR_NOTHING') {
    if (result.status === 'MET') {
      return `Todo o nada: se cumplen ${criteria.length === 1 ? 'el único criterio' : `los ${criteria.length} criterios`} (${level}) → se paga el tramo completo, ${total}.`;
    }
    return (
      `Todo o nada: no se ${unmet.length === 1 ? 'cumple' : 'cumplen'} ${unmet.length} de ${criteria.length} criterios ` +
      `(${codeList(unmet)}); ${level} → no se paga (S/ 0.00 de ${total}).`
    );
  }

  const met = result.processes.filter((p) => p.met === true).map((p) => p.code);
  const notMet = result.processes.filter((p) => p.met !== true).map((p) => p.code);
  const paid = soles(result.amount);
  const metText = met.length > 0 ? ` (${codeList(met)})` : '';
  const notMetText =
    notMet.length > 0 ? `; no cumplen: ${codeList(notMet)} (criterios ${codeList(unmet)})` : '';
  return (
    `Por proceso: cumplen ${met.length} de ${result.processes.length} procesos${metText}${notMetText}; ` +
    `${level} → se paga ${paid} de ${total}.`
  );
}
