import ExcelJS from 'exceljs';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../../../src/reports/xlsx/report-book.js';
import { writeVariableVerification } from '../../../src/reports/xlsx/variable-verification.workbook.js';
import { evolution, loadDistricts, PERIODS, syntheticVariableReport } from './synthetic-variable-report.js';

/*
 * One measured case in a process of its own, so that each peak RSS is that case's alone:
 * `node report-bench-child.js <tramos|raw> <districts>`. Prints one JSON line.
 */

export interface ChildResult {
  mode: string;
  rows: number;
  seconds: number;
  bytes: number;
  baselineRss: number;
  peakRss: number;
}

const [mode, count] = [process.argv[2], Number(process.argv[3])];
const districts = loadDistricts().slice(0, count);
const dir = mkdtempSync(join(tmpdir(), 'tramos-bench-report-'));
const file = join(dir, 'report.xlsx');

async function main() {
  await new Promise((r) => setTimeout(r, 50));
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
  const started = process.hrtime.bigint();
  const rows = mode === 'tramos' ? await tramos() : await raw();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const result: ChildResult = { mode: mode!, rows, seconds, bytes: statSync(file).size, baselineRss, peakRss };
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Tramos' variable verification report, as the worker writes it (minus the database). */
async function tramos(): Promise<number> {
  const data = syntheticVariableReport(districts);
  await writeWorkbook(createWriteStream(file), 'es', data.meta.generatedAt, (book) => writeVariableVerification(book, data));
  return districts.length * 20 * PERIODS.length;
}

/**
 * The same evolution cells (the same values, number formats and department subtotal rows)
 * written straight with ExcelJS's streaming writer: the floor Tramos' report is compared with.
 */
async function raw(): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet('Evolución');
  const number: Partial<ExcelJS.Style> = { numFmt: '#,##0.0###' };
  sheet.addRow(['Código', 'Indicador', 'Ámbito', 'UBIGEO', 'Departamento', 'Provincia', 'Distrito', 'Periodo', 'Línea de base', 'Meta', 'Logrado', '¿Meta alcanzada?']).commit();
  let rows = 0;
  let dept: { key: string; target: number[]; achieved: number[] } | null = null;
  const flush = () => {
    if (!dept) return;
    for (const [p, period] of PERIODS.entries()) {
      const targets = dept.target.filter((_, i) => i % PERIODS.length === p);
      const achieved = dept.achieved.filter((_, i) => i % PERIODS.length === p && !Number.isNaN(dept!.achieved[i]));
      write([dept.key, 'Indicador', 'Subtotal', dept.key, 'DEPARTAMENTO', null, 'distritos', `Año ${period}`, 40, mean(targets), achieved.length ? mean(achieved) : null, null]);
    }
    dept = null;
  };
  const write = (cells: (string | number | null)[]) => {
    const row = sheet.addRow(cells);
    for (const c of [9, 10, 11]) if (typeof cells[c - 1] === 'number') row.getCell(c).style = number;
    row.commit();
  };
  for await (const r of evolution(districts)) {
    const key = `${r.indicatorCode}|${r.departmentUbigeo}`;
    if (dept && dept.key !== key) flush();
    if (r.ubigeo) {
      rows++;
      dept ??= { key, target: [], achieved: [] };
      dept.target.push(Number(r.target));
      dept.achieved.push(r.achieved === null ? Number.NaN : Number(r.achieved));
    }
    const target = Number(r.target);
    const achieved = r.achieved === null ? null : Number(r.achieved);
    write([r.indicatorCode, 'Indicador', r.level ?? 'Agregado', r.ubigeo, r.department, r.province, r.district, `Año ${r.periodCode}`, 40, target, achieved,
      achieved === null ? null : achieved >= target ? 'Sí' : 'No']);
  }
  flush();
  sheet.commit();
  await wb.commit();
  return rows;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
