import type ExcelJS from 'exceljs';
import type { CriterionKind, LevelSpec, ProcessSpec, SubprocessSpec } from '../agreement-document.js';
import { readDecimal, readLevel, readText } from './cells.js';
import { COMMITMENT_COLUMNS, LEVEL_PREFIX, SHEET } from './layout.js';
import { table, type ReadContext, type TableReader } from './sheet-reader.js';

type Key = (typeof COMMITMENT_COLUMNS)[number]['key'];

/**
 * Reads the Compromisos sheet: a row per criterion, grouped into processes and subprocesses by
 * their codes. A process (or subprocess) is described on its first row; later rows may leave its
 * name and weights blank or repeat them, but not contradict them. A blank process or subprocess
 * code continues the one above.
 */
export function readCommitments(wb: ExcelJS.Workbook, ctx: ReadContext): ProcessSpec[] {
  const t = table(ctx, wb, SHEET.commitments, COMMITMENT_COLUMNS);
  if (!t) return [];
  t.sheet.placeSheet('processes');
  const levels = levelColumns(t);
  const processes: ProcessSpec[] = [];
  /** where each process (by code) and subprocess (by path) is described */
  const firstRow = new Map<string, number>();
  let process: ProcessSpec | undefined;
  let subprocess: SubprocessSpec | undefined;

  for (const n of t.rows(levels.length)) {
    const processCode = t.read(n, 'process', readText) ?? process?.code;
    if (processCode === undefined) {
      t.problem(n, 'process', 'write the code of the process');
      continue;
    }
    let i = processes.findIndex((x) => x.code === processCode);
    if (i < 0) {
      const at = `processes[${(i = processes.length)}]`;
      t.sheet.place(at, n, t.col('process'));
      firstRow.set(processCode, n);
      processes.push({
        code: processCode, name: t.read(n, 'processName', readText, `${at}.name`)!,
        weight: t.read(n, 'processWeight', readDecimal, `${at}.weight`), share: t.read(n, 'processShare', readDecimal, `${at}.share`),
        subprocesses: [],
      });
    } else {
      agree(t, n, processes[i], firstRow.get(processCode)!, [['processName', 'name'], ['processWeight', 'weight'], ['processShare', 'share']]);
    }
    if (processes[i] !== process) subprocess = undefined;
    process = processes[i];

    const subCode = t.read(n, 'subprocess', readText) ?? subprocess?.code;
    if (subCode === undefined) {
      t.problem(n, 'subprocess', 'write the code of the subprocess');
      continue;
    }
    let j = process.subprocesses.findIndex((x) => x.code === subCode);
    const sAt = `processes[${i}].subprocesses[${j < 0 ? process.subprocesses.length : j}]`;
    if (j < 0) {
      t.sheet.place(sAt, n, t.col('subprocess'));
      firstRow.set(sAt, n);
      j = process.subprocesses.push({
        code: subCode, name: t.read(n, 'subprocessName', readText, `${sAt}.name`)!,
        weight: t.read(n, 'subprocessWeight', readDecimal, `${sAt}.weight`), criteria: [],
      }) - 1;
    } else {
      agree(t, n, process.subprocesses[j], firstRow.get(sAt)!, [['subprocessName', 'name'], ['subprocessWeight', 'weight']]);
    }
    subprocess = process.subprocesses[j];

    const cAt = `${sAt}.criteria[${subprocess.criteria.length}]`;
    t.sheet.place(cAt, n, t.col('criterion'));
    const criterionLevels: LevelSpec[] = [];
    for (const { col, period } of levels) {
      const value = t.sheet.read(n, col, readLevel);
      if (value === undefined) continue;
      t.sheet.place(`${cAt}.levels[${criterionLevels.length}]`, n, col);
      criterionLevels.push({ period, value });
    }
    subprocess.criteria.push({
      code: t.read(n, 'criterion', readText, `${cAt}.code`)!,
      name: t.read(n, 'criterionName', readText, `${cAt}.name`)!,
      kind: t.read(n, 'kind', readText, `${cAt}.kind`) as CriterionKind,
      unit: t.read(n, 'unit', readText, `${cAt}.unit`),
      weight: t.read(n, 'weight', readDecimal, `${cAt}.weight`),
      verificationMeans: t.read(n, 'verificationMeans', readText, `${cAt}.verificationMeans`),
      levels: criterionLevels,
    });
  }
  return processes;
}

/** A process or subprocess is described on its first row: later rows may repeat its name and weights, not change them. */
function agree(
  t: TableReader<Key>, n: number, item: { name: string; weight?: string; share?: string }, first: number,
  fields: Array<[column: Key, field: 'name' | 'weight' | 'share']>,
): void {
  for (const [column, field] of fields) {
    const v = t.read(n, column, field === 'name' ? readText : readDecimal);
    if (v !== undefined && v !== item[field]) t.problem(n, column, `differs from row ${first}, where it is "${item[field] ?? ''}"`);
  }
}

/** The level columns after the fixed ones: `Nivel P1`, `Nivel P2`… up to the first blank title. */
function levelColumns(t: TableReader<Key>): Array<{ col: number; period: string }> {
  const out: Array<{ col: number; period: string }> = [];
  for (let col = COMMITMENT_COLUMNS.length + 1; ; col++) {
    const title = readText(t.sheet.ws.getCell(1, col).value).value;
    if (title === undefined) return out;
    if (!title.startsWith(LEVEL_PREFIX) || !title.slice(LEVEL_PREFIX.length).trim()) {
      t.sheet.problem(1, col, `a level column is titled "${LEVEL_PREFIX}<period code>"`);
    } else out.push({ col, period: title.slice(LEVEL_PREFIX.length).trim() });
  }
}
