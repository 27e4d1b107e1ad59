import type ExcelJS from 'exceljs';
import type { ProblemDetail } from '../../common/errors.js';
import type { AgreementDocument } from '../agreement-document.js';
import type { WorkbookCatalogue } from './catalogue.js';
import { readCommitments } from './read-commitments.js';
import { readHeader } from './read-header.js';
import { readIndicators, readPeriods, readScope, readTargets } from './read-tables.js';
import { ReadContext } from './sheet-reader.js';

export interface ReadWorkbook {
  /** what the cells say, for the shape check and the rules; only to be drafted when `problems` is empty */
  doc: AgreementDocument;
  /** cells that cannot be read as what they hold, named `Sheet!B7` */
  problems: ProblemDetail[];
  /** the cell (or sheet) each document path came from */
  cells: Map<string, string>;
}

/**
 * The agreement document a workbook in the template's layout describes. Every sheet is read even
 * after a problem, so one answer lists every cell to fix.
 */
export function readAgreementWorkbook(wb: ExcelJS.Workbook, cat: WorkbookCatalogue): ReadWorkbook {
  const ctx = new ReadContext();
  const header = readHeader(wb, ctx, cat);
  const ubigeos = readScope(wb, ctx);
  const periods = readPeriods(wb, ctx);
  const processes = readCommitments(wb, ctx);
  const indicators = readIndicators(wb, ctx);
  readTargets(wb, ctx, indicators);
  const { quintiles = [], ...rest } = header ?? {};
  // JSON drops the keys of blank optional cells, as a client would leave them out.
  const doc = JSON.parse(JSON.stringify({ ...rest, scope: { ubigeos, quintiles }, periods, processes, indicators })) as AgreementDocument;
  return { doc, problems: ctx.problems, cells: ctx.cells };
}

/** The path one level up: `a[1].b` → `a[1]` → `a`. */
const parent = (path: string) => path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');

/**
 * Problems about the document (`indicators[0].targets[1].value`) named by the cell the value came
 * from (`Metas!D3`), or by the nearest enclosing thing that has one (the indicator's row); a path
 * with none stays as it is.
 */
export function locateProblems(problems: ProblemDetail[], cells: Map<string, string>): ProblemDetail[] {
  return problems.map((p) => {
    for (let path = p.field, up = parent(path); ; path = up, up = parent(up)) {
      const cell = cells.get(path);
      if (cell) return { ...p, field: cell };
      if (up === path) return p;
    }
  });
}
