import { type Decimal, canonicalDecimal } from '../shared/decimal.js';
import { codeList, ratioText, soles, valueWithUnit } from '../shared/spanish-text.js';
import type { IndicatorScore } from './indicator-score.js';
import type { ReadIndicator } from './read-variable-tranche.js';
import type { IndicatorLine, VariableTrancheResult } from './variable-tranche.types.js';

export interface LineContext {
  /** This period's part of the tranche, before carry-in, as money text. */
  share: string;
  tranchePending: boolean;
  nothingToPay: boolean;
}

const NONE = '0.00';

/**
 * One line a sectorista can read aloud, with the inputs that produced it, e.g.
 * "base 60 %, meta 75 %, logrado 72.5 %, avance 0.83 → puntaje 0.5 (escalón ≥ 0.75); …".
 * Works from the line's formatted figures so the text shows exactly what the line says.
 */
export function explainIndicatorLine(
  indicator: ReadIndicator,
  scored: IndicatorScore | null,
  line: Omit<IndicatorLine, 'explanation'>,
  context: LineContext,
): string {
  const { input } = indicator;
  if (indicator.neutralised) {
    const reason = `neutralizado: ${input.neutralisationReason}`;
    if (context.nothingToPay)
      return `${reason}; no queda peso que redistribuir, se libera ${soles(line.allocated)}`;
    return line.carriedIn === NONE
      ? `${reason}; peso redistribuido`
      : `${reason}; peso redistribuido; se libera el arrastre ${soles(line.carriedIn)}`;
  }

  const unit = input.unit;
  const goal =
    `base ${valueWithUnit(input.baseline, unit)}, meta ${valueWithUnit(input.target, unit)}` +
    (input.direction === 'DECREASE' ? ' (reducir)' : '');
  if (scored === null) return `${goal}, sin valor logrado → pendiente`;

  const sameAsBaseline = indicator.target.equals(indicator.baseline)
    ? ' (meta igual a la base)'
    : '';
  const score = scoreText(line.score!, scored.score);
  const judged =
    `${goal}, logrado ${valueWithUnit(input.achieved!, unit)}, avance ${ratioText(line.progress!)}${sameAsBaseline}` +
    ` → puntaje ${score} (${scored.reason})`;
  if (context.tranchePending) return `${judged}; pago en espera de los demás indicadores`;

  const carried = line.carriedIn === NONE ? '' : ` + arrastre ${soles(line.carriedIn)}`;
  const paid = `${soles(context.share)}${carried} × ${score} = ${soles(line.amount)}`;
  if (line.unpaid === NONE) return `${judged}; ${paid}`;
  const fate =
    line.carriedOver === NONE
      ? `se libera ${soles(line.unpaid)}`
      : `${soles(line.carriedOver)} pasa al siguiente periodo`;
  return `${judged}; ${paid}; ${fate}`;
}

type Explained = Omit<VariableTrancheResult, 'explanation'>;

export function explainVariableTranche(
  result: Explained,
  how: { nothingToPay: boolean; waitingForPeriod: number | null },
): string {
  if (how.waitingForPeriod !== null) {
    return `Pendiente: el periodo ${how.waitingForPeriod} aún no está calculado y de él depende lo arrastrado a este periodo.`;
  }
  if (result.status === 'PENDING') {
    const codes = result.lines.filter((l) => l.status === 'PENDING').map((l) => l.code);
    return `Pendiente: sin valor logrado para ${codeList(codes)}. No se paga nada hasta contar con todos los valores.`;
  }
  if (how.nothingToPay) {
    return `Todos los indicadores están neutralizados: no se paga nada y se libera ${soles(result.released)}.`;
  }

  const parts = [`Se paga ${soles(result.amount)} de ${soles(result.trancheAmount)}`];
  if (result.carriedIn !== '0.00') parts[0] += ` + ${soles(result.carriedIn)} arrastrado`;
  if (result.carriedOver !== '0.00')
    parts.push(`pasa al siguiente periodo ${soles(result.carriedOver)}`);
  if (result.released !== '0.00') parts.push(`se libera ${soles(result.released)}`);
  const neutralised = result.lines.filter((l) => l.neutralised).map((l) => l.code);
  if (neutralised.length > 0)
    parts.push(`neutralizados: ${codeList(neutralised)} (peso redistribuido)`);
  return `${parts.join('; ')}.`;
}

/**
 * Scores read as "1", "0.5", "0.8333…": trailing zeros say nothing here, and the ellipsis
 * warns that the amount was computed on the exact score, not on the four shown decimals.
 */
function scoreText(shown: string, exact: Decimal): string {
  const text = canonicalDecimal(shown);
  return exact.decimalPlaces() > 4 ? `${text}…` : text;
}
