import type {
  CriterionKind, CriterionSpec, IndicatorSpec, LevelSpec, PeriodSpec, ProcessSpec, SubprocessSpec, TargetSpec,
} from '../agreement-document.js';

/** Every demo agreement says what it is: invented figures on real programmes. */
export const ILLUSTRATIVE_NOTE =
  'Ilustrativo (demo): montos, niveles de cumplimiento y metas inventados, verosímiles, a partir de la sistematización de ' +
  'experiencias CAP (GIZ/MEF, 2016). No son cifras oficiales.';

/** The four processes every CAP's management commitments follow (seed 001, EUROPAN). */
export const PROCESS_NAMES = {
  '1': 'Programación operativa',
  '2': 'Soporte logístico para la adquisición y distribución de los insumos',
  '3': 'Organización para la obtención de productos y su entrega a los beneficiarios',
  '4': 'Supervisión, seguimiento y evaluación',
} as const;

export function period(n: number, startsOn: string, endsOn: string, fixed?: [string, string], variable?: [string, string]): PeriodSpec {
  const [from, to] = [startsOn.slice(0, 4), endsOn.slice(0, 4)];
  return {
    code: `P${n}`, name: `Periodo ${n} (${from === to ? from : `${from}-${to}`})`, startsOn, endsOn,
    ...(fixed ? { fixedTranche: { amount: fixed[0], plannedDate: fixed[1] } } : {}),
    ...(variable ? { variableTranche: { amount: variable[0], plannedDate: variable[1] } } : {}),
  };
}

/** Levels for P1, P2, … in order (they rise year by year). */
export const levels = (...values: string[]): LevelSpec[] => values.map((value, i) => ({ period: `P${i + 1}`, value }));
/** A condition to reach in each of n periods. */
export const always = (n: number): LevelSpec[] => levels(...Array<string>(n).fill('true'));

export function criterion(
  code: string, name: string, kind: CriterionKind, lv: LevelSpec[], extra: Pick<CriterionSpec, 'unit' | 'verificationMeans' | 'weight'> = {},
): CriterionSpec {
  return { code, name, kind, ...extra, levels: lv };
}

export const subprocess = (code: string, name: string, criteria: CriterionSpec[]): SubprocessSpec => ({ code, name, criteria });

export const managementProcess = (code: keyof typeof PROCESS_NAMES, subprocesses: SubprocessSpec[]): ProcessSpec => ({
  code, name: PROCESS_NAMES[code], subprocesses,
});

/** Targets for P1, P2, … in order, optionally for one territory. */
export const targets = (values: string[], ubigeo?: string): TargetSpec[] =>
  values.map((value, i) => ({ period: `P${i + 1}`, ...(ubigeo ? { ubigeo } : {}), value }));

export type IndicatorInput = Omit<IndicatorSpec, 'kind' | 'unit' | 'direction' | 'territorialLevel' | 'scoring'> &
  Partial<Pick<IndicatorSpec, 'kind' | 'unit' | 'direction' | 'territorialLevel' | 'scoring'>>;

/** An indicator with the usual defaults: an output in %, rising, departmental, proportional. */
export const indicator = (x: IndicatorInput): IndicatorSpec => ({
  kind: 'OUTPUT', unit: '%', direction: 'INCREASE', territorialLevel: 'DEPARTMENT', scoring: { type: 'PROPORTIONAL' }, ...x,
});
