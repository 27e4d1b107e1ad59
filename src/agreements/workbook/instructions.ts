import type ExcelJS from 'exceljs';
import {
  COMMITMENT_COLUMNS, HEADER_FIELDS, INDICATOR_COLUMNS, LEVEL_HELP, LEVEL_PREFIX, PERIOD_COLUMNS, SCOPE_COLUMNS, SHEET, TARGET_COLUMNS,
  type Column,
} from './layout.js';

const GENERAL = [
  'Cada hoja describe una parte del convenio; la importación las lee todas y registra el convenio como borrador (DRAFT).',
  'Una fila por elemento; las filas vacías se ignoran. No cambie los nombres de las hojas ni los títulos de las columnas.',
  `Los códigos de programas de financiamiento, entidades, programas presupuestales y productos son los de la hoja "${SHEET.catalogue}".`,
  'Fechas: celdas de fecha o texto AAAA-MM-DD. Montos en soles: números con a lo más dos decimales. Pesos, participaciones y umbrales: decimales entre 0 y 1.',
  'Las listas desplegables muestran los valores admitidos (códigos del sistema, explicados abajo).',
  'Todo o nada: si hay un error no se registra nada, y la respuesta nombra la hoja, la fila y la columna (p. ej. Indicadores!F7).',
  'Un convenio exportado de Tramos puede volver a importarse: cambie antes su código, que es único.',
];

const SHEETS: Array<{ sheet: string; about: string; columns: Array<Pick<Column, 'header' | 'help'>> }> = [
  { sheet: SHEET.header, about: 'Datos generales y reglas del convenio: un dato por fila, el valor en la columna B.',
    columns: HEADER_FIELDS.map((f) => ({ header: f.label, help: f.help })) },
  { sheet: SHEET.scope, about: 'Ámbito de intervención: un territorio por fila (los quintiles priorizados van en la hoja Convenio).', columns: [...SCOPE_COLUMNS] },
  { sheet: SHEET.periods, about: 'Periodos del convenio, uno por fila, con el monto y la fecha prevista de sus tramos fijo y variable.', columns: [...PERIOD_COLUMNS] },
  { sheet: SHEET.commitments, about: 'Compromisos de gestión (tramo fijo): una fila por criterio, con su proceso y subproceso.',
    columns: [...COMMITMENT_COLUMNS, { header: `${LEVEL_PREFIX}P1, ${LEVEL_PREFIX}P2…`, help: LEVEL_HELP }] },
  { sheet: SHEET.indicators, about: 'Indicadores (tramo variable): uno por fila, con su regla de puntaje y su ficha técnica.', columns: [...INDICATOR_COLUMNS] },
  { sheet: SHEET.targets, about: 'Metas de los indicadores: una por indicador, periodo y (si la meta es desagregada) territorio.', columns: [...TARGET_COLUMNS] },
  { sheet: SHEET.catalogue, about: 'Códigos válidos del catálogo, solo de consulta: no se importa.', columns: [] },
];

/** The first sheet: what the workbook is and, sheet by sheet, what each column takes. */
export function addInstructions(wb: ExcelJS.Workbook, title: string): void {
  const ws = wb.addWorksheet(SHEET.help);
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 110;
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  for (const line of GENERAL) ws.addRow([line]);
  for (const s of SHEETS) {
    ws.addRow([]);
    ws.addRow([`Hoja "${s.sheet}"`, s.about]).font = { bold: true };
    for (const c of s.columns) ws.addRow([c.header, c.help]);
  }
}
