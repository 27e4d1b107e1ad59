import {
  CRITERION_KINDS, DATASHEET_FIELDS, DIRECTIONS, FIXED_TRANCHE_RULES, INDICATOR_KINDS, SCORING_TYPES, TERRITORIAL_LEVELS,
} from '../agreement-document.js';

/**
 * Where each part of the agreement lives in the workbook. The writer, the reader and the
 * instructions all work from these lists, so a column is described once.
 */
export const SHEET = {
  help: 'Instrucciones',
  header: 'Convenio',
  scope: 'Ámbito',
  periods: 'Periodos',
  commitments: 'Compromisos',
  indicators: 'Indicadores',
  targets: 'Metas',
  catalogue: 'Catálogos',
} as const;

/** Rows of each table sheet given a data validation (and so ready to be filled). */
export const TABLE_ROWS = 500;

export const YES = 'Sí';
export const NO = 'No';
/** An inline list for a data validation: `"A,B,C"`. */
const inline = (values: readonly string[]) => `"${values.join(',')}"`;

export interface Column {
  key: string;
  header: string;
  width: number;
  help: string;
  /** data validation list formula */
  list?: string;
  /** Excel number format */
  numFmt?: string;
}

export const AMOUNT_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const TEXT_FORMAT = '@';

/** Catálogos: code/name pairs side by side; the lists of Convenio point at their code columns. */
export const CATALOGUE_BLOCKS = {
  fundingPrograms: { col: 1, title: 'Programas de financiamiento' },
  entities: { col: 4, title: 'Entidades' },
  budgetPrograms: { col: 7, title: 'Programas presupuestales' },
  products: { col: 10, title: 'Productos (código, nombre, programa presupuestal)' },
} as const;
const catalogueList = (block: keyof typeof CATALOGUE_BLOCKS) => {
  const letter = columnLetter(CATALOGUE_BLOCKS[block].col);
  return `'${SHEET.catalogue}'!$${letter}$3:$${letter}$2000`;
};

/** Convenio: one field per row, the value in column B. */
export const HEADER_FIELDS = [
  { key: 'code', label: 'Código del convenio', help: 'Único, sin espacios (p. ej. CAP-2021-EUROPAN-AYA).' },
  { key: 'title', label: 'Título', help: 'Título del convenio de apoyo presupuestario.' },
  { key: 'fundingProgram', label: 'Programa de financiamiento', help: 'Código del catálogo (hoja Catálogos).', list: catalogueList('fundingPrograms') },
  { key: 'entity', label: 'Entidad', help: 'Código de la entidad que recibe los recursos y reporta.', list: catalogueList('entities') },
  { key: 'verifier', label: 'Entidad verificadora', help: 'Opcional: código de una tercera entidad que verifica.', list: catalogueList('entities') },
  { key: 'startsOn', label: 'Inicio de vigencia', help: 'Fecha (AAAA-MM-DD).', numFmt: DATE_FORMAT },
  { key: 'endsOn', label: 'Fin de vigencia', help: 'Fecha (AAAA-MM-DD).', numFmt: DATE_FORMAT },
  { key: 'maxAmount', label: 'Monto máximo (S/)', help: 'Número con a lo más dos decimales.', numFmt: AMOUNT_FORMAT },
  { key: 'budgetPrograms', label: 'Programas presupuestales', help: 'Códigos separados por comas (p. ej. 0001, 0002).', numFmt: TEXT_FORMAT },
  { key: 'products', label: 'Productos priorizados', help: 'Códigos de productos de esos programas, separados por comas.', numFmt: TEXT_FORMAT },
  { key: 'analysts', label: 'Analistas asignados', help: 'Opcional: correos separados por comas; quien importa queda asignado.' },
  { key: 'notes', label: 'Notas', help: 'Opcional.' },
  { key: 'fixedTrancheRule', label: 'Regla del tramo fijo', help: 'ALL_OR_NOTHING: todo o nada; PER_PROCESS: por proceso (use la participación de cada proceso).', list: inline(FIXED_TRANCHE_RULES) },
  { key: 'allowCarryOver', label: 'Arrastre al periodo siguiente', help: `${YES} o ${NO}: el monto variable no desembolsado pasa al mismo indicador del periodo siguiente.`, list: inline([YES, NO]) },
  { key: 'correctionDays', label: 'Plazo de subsanación (días)', help: 'Número entero de días (1 a 365).' },
  { key: 'quintiles', label: 'Quintiles de pobreza priorizados', help: 'Opcional: números del 1 (más pobre) al 5, separados por comas.', numFmt: TEXT_FORMAT },
] as const;
export type HeaderKey = (typeof HEADER_FIELDS)[number]['key'];
/** The row of a Convenio field (row 1 holds the column titles). */
export const headerRow = (key: HeaderKey) => HEADER_FIELDS.findIndex((f) => f.key === key) + 2;

export const SCOPE_COLUMNS = [
  { key: 'ubigeo', header: 'UBIGEO', width: 12, help: 'Código de 6 dígitos de un departamento, provincia o distrito del ámbito.', numFmt: TEXT_FORMAT },
  { key: 'name', header: 'Territorio', width: 40, help: 'Solo informativo: no se importa.' },
] as const satisfies readonly Column[];

const amount = (what: string) => ({ width: 16, help: `${what}: número con a lo más dos decimales; vacío si el periodo no tiene ese tramo.`, numFmt: AMOUNT_FORMAT });
const date = (what: string) => ({ width: 14, help: `${what} (AAAA-MM-DD).`, numFmt: DATE_FORMAT });
export const PERIOD_COLUMNS = [
  { key: 'code', header: 'Código', width: 10, help: 'Único en el convenio (P1, P2…); lo usan los niveles y las metas.' },
  { key: 'name', header: 'Nombre', width: 28, help: 'P. ej. "Año 1 (2021)".' },
  { key: 'startsOn', header: 'Inicio', ...date('Primer día del periodo') },
  { key: 'endsOn', header: 'Fin', ...date('Último día del periodo') },
  { key: 'fixedAmount', header: 'Tramo fijo: monto', ...amount('Monto del tramo fijo') },
  { key: 'fixedDate', header: 'Tramo fijo: fecha prevista', ...date('Fecha prevista del desembolso del tramo fijo') },
  { key: 'variableAmount', header: 'Tramo variable: monto', ...amount('Monto del tramo variable') },
  { key: 'variableDate', header: 'Tramo variable: fecha prevista', ...date('Fecha prevista del desembolso del tramo variable') },
] as const satisfies readonly Column[];

const ratio = { width: 10, help: 'Opcional: decimal entre 0 y 1; sin pesos, todos pesan igual.' };
export const COMMITMENT_COLUMNS = [
  { key: 'process', header: 'Proceso', width: 9, help: 'Código del proceso; repítalo en cada fila de sus criterios.' },
  { key: 'processName', header: 'Nombre del proceso', width: 30, help: 'Basta en la primera fila del proceso; si se repite, debe ser igual.' },
  { key: 'processWeight', header: 'Peso del proceso', ...ratio },
  { key: 'processShare', header: 'Participación en el tramo fijo', width: 12, help: 'Solo con PER_PROCESS: parte del tramo fijo (entre 0 y 1); todas suman 1.' },
  { key: 'subprocess', header: 'Subproceso', width: 11, help: 'Código del subproceso, único dentro de su proceso.' },
  { key: 'subprocessName', header: 'Nombre del subproceso', width: 30, help: 'Basta en la primera fila del subproceso.' },
  { key: 'subprocessWeight', header: 'Peso del subproceso', ...ratio },
  { key: 'criterion', header: 'Criterio', width: 10, help: 'Código del criterio, único en el convenio.' },
  { key: 'criterionName', header: 'Nombre del criterio', width: 40, help: 'Lo que se verifica.' },
  { key: 'kind', header: 'Tipo', width: 11, help: 'BOOLEAN (sí/no), AT_LEAST (al menos el nivel) o AT_MOST (a lo más el nivel).', list: inline(CRITERION_KINDS) },
  { key: 'unit', header: 'Unidad', width: 9, help: 'Opcional (p. ej. %).' },
  { key: 'weight', header: 'Peso del criterio', ...ratio },
  { key: 'verificationMeans', header: 'Medio de verificación', width: 30, help: 'Opcional.' },
] as const satisfies readonly Column[];
/** Columns after the fixed ones: the required level in one period each, titled `Nivel <código>`. */
export const LEVEL_PREFIX = 'Nivel ';
export const LEVEL_HELP = `Una columna por periodo, titulada "${LEVEL_PREFIX}<código del periodo>": el nivel requerido en ese periodo (${YES} para BOOLEAN, un número para los demás); vacío si no se exige en ese periodo.`;

const DATASHEET_HEADERS: Record<(typeof DATASHEET_FIELDS)[number], string> = {
  definition: 'Definición', purpose: 'Propósito', numerator: 'Numerador', denominator: 'Denominador', formula: 'Fórmula',
  periodicity: 'Periodicidad', disaggregation: 'Desagregación', performanceDimension: 'Dimensión de desempeño',
  dataSource: 'Fuente de datos', assumptions: 'Supuestos', alertThresholds: 'Umbrales de alerta', responsibleUnits: 'Unidades responsables',
};
export const INDICATOR_COLUMNS = [
  { key: 'code', header: 'Código', width: 10, help: 'Único en el convenio; lo usan las metas.' },
  { key: 'name', header: 'Nombre', width: 40, help: 'Nombre del indicador.' },
  { key: 'kind', header: 'Tipo', width: 10, help: 'RESULT (resultado) u OUTPUT (producto).', list: inline(INDICATOR_KINDS) },
  { key: 'unit', header: 'Unidad', width: 9, help: 'P. ej. %.' },
  { key: 'direction', header: 'Sentido', width: 11, help: 'INCREASE (debe subir) o DECREASE (debe bajar).', list: inline(DIRECTIONS) },
  { key: 'baseline', header: 'Línea de base', width: 11, help: 'Valor de la línea de base (número).' },
  { key: 'baselineYear', header: 'Año de la línea de base', width: 10, help: 'Año (número entero).' },
  { key: 'baselineSource', header: 'Fuente de la línea de base', width: 16, help: 'Opcional.' },
  { key: 'source', header: 'Fuente', width: 14, help: 'Fuente de verificación del indicador.' },
  { key: 'territorialLevel', header: 'Nivel territorial', width: 13, help: 'NATIONAL, DEPARTMENT, PROVINCE o DISTRICT.', list: inline(TERRITORIAL_LEVELS) },
  { key: 'weight', header: 'Peso', width: 8, help: 'Parte del tramo variable (entre 0 y 1); los pesos suman 1.' },
  { key: 'scoring', header: 'Regla de puntaje', width: 14, help: 'BINARY (todo o nada), PROPORTIONAL (según avance) o STEPS (escalones).', list: inline(SCORING_TYPES) },
  { key: 'floor', header: 'Umbral mínimo', width: 10, help: 'Solo PROPORTIONAL, opcional: avance (0 a 1) por debajo del cual el puntaje es 0.' },
  { key: 'steps', header: 'Escalones', width: 20, help: 'Solo STEPS: "avance=puntaje" separados por punto y coma, p. ej. "1=1; 0.75=0.5".', numFmt: TEXT_FORMAT },
  ...DATASHEET_FIELDS.map((key) => ({ key, header: `Ficha: ${DATASHEET_HEADERS[key]}`, width: 24, help: 'Opcional (ficha técnica).' })),
] as const satisfies readonly Column[];

export const TARGET_COLUMNS = [
  { key: 'indicator', header: 'Indicador', width: 12, help: 'Código del indicador (hoja Indicadores).' },
  { key: 'period', header: 'Periodo', width: 10, help: 'Código del periodo (hoja Periodos).' },
  { key: 'ubigeo', header: 'UBIGEO', width: 10, help: 'Opcional: territorio de una meta desagregada; vacío para la meta del conjunto.', numFmt: TEXT_FORMAT },
  { key: 'value', header: 'Meta', width: 10, help: 'Valor de la meta (número).' },
] as const satisfies readonly Column[];

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** 1-based position of a column of a table. */
export const colOf = (columns: readonly Column[], key: string) => columns.findIndex((c) => c.key === key) + 1;
