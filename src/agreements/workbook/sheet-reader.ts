import type ExcelJS from 'exceljs';
import type { ProblemDetail } from '../../common/errors.js';
import { readText, type Read } from './cells.js';
import { colOf, columnLetter, type Column } from './layout.js';

/**
 * What reading a workbook collects: problems named `Sheet!B7`, and for every document path it
 * filled the cell it came from, so later problems about the document can be named by cell too.
 */
export class ReadContext {
  readonly problems: ProblemDetail[] = [];
  readonly cells = new Map<string, string>();

  sheet(wb: ExcelJS.Workbook, name: string): SheetReader | null {
    const ws = wb.getWorksheet(name);
    if (!ws) this.problems.push({ field: name, problem: `sheet "${name}" is missing: use the template (GET /agreements/template.xlsx)` });
    return ws ? new SheetReader(ws, name, this) : null;
  }
}

export class SheetReader {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly name: string,
    private readonly ctx: ReadContext,
  ) {}

  at(row: number, col: number): string {
    return `${this.name}!${columnLetter(col)}${row}`;
  }

  problem(row: number, col: number, problem: string): void {
    this.ctx.problems.push({ field: this.at(row, col), problem });
  }

  /** Reads a cell; `path`, when given, is the document field it fills (recorded even when blank). */
  read<T>(row: number, col: number, reader: (v: ExcelJS.CellValue) => Read<T>, path?: string): T | undefined {
    const r = reader(this.ws.getCell(row, col).value);
    if (r.problem) this.problem(row, col, r.problem);
    if (path) this.place(path, row, col);
    return r.value;
  }

  place(path: string, row: number, col: number): void {
    if (!this.ctx.cells.has(path)) this.ctx.cells.set(path, this.at(row, col));
  }

  /** The whole sheet stands for a document list (e.g. `indicators`): its problems are named by the sheet. */
  placeSheet(path: string): void {
    this.ctx.cells.set(path, this.name);
  }

  /** Checks the column titles of row 1; false (with a problem per title) when they are not the template's. */
  hasHeaders(columns: readonly Column[]): boolean {
    let ok = true;
    columns.forEach((c, i) => {
      if (readText(this.ws.getCell(1, i + 1).value).value !== c.header) {
        this.problem(1, i + 1, `expected the column title "${c.header}"`);
        ok = false;
      }
    });
    return ok;
  }

  /** The numbers of the rows below the titles with something in the first `width` columns. */
  dataRows(width: number): number[] {
    const rows: number[] = [];
    this.ws.eachRow((row, n) => {
      if (n === 1) return;
      for (let c = 1; c <= width; c++) {
        const v = row.getCell(c).value;
        if (v !== null && v !== undefined && !(typeof v === 'string' && !v.trim())) return void rows.push(n);
      }
    });
    return rows;
  }
}

/** A table sheet's reader bound to its columns: `table.read(row, 'weight', readDecimal, path)`. */
export class TableReader<K extends string> {
  constructor(
    readonly sheet: SheetReader,
    private readonly columns: ReadonlyArray<Column & { key: K }>,
  ) {}

  col(key: K): number {
    return colOf(this.columns, key);
  }

  read<T>(row: number, key: K, reader: (v: ExcelJS.CellValue) => Read<T>, path?: string): T | undefined {
    return this.sheet.read(row, this.col(key), reader, path);
  }

  problem(row: number, key: K, problem: string): void {
    this.sheet.problem(row, this.col(key), problem);
  }

  /** The filled rows, or none when the titles are not the template's (the problems say so). */
  rows(extraWidth = 0): number[] {
    return this.sheet.hasHeaders(this.columns) ? this.sheet.dataRows(this.columns.length + extraWidth) : [];
  }
}

/** Opens a table sheet, or null (with a problem) when it is missing. */
export function table<K extends string>(ctx: ReadContext, wb: ExcelJS.Workbook, name: string, columns: ReadonlyArray<Column & { key: K }>) {
  const sheet = ctx.sheet(wb, name);
  return sheet ? new TableReader(sheet, columns) : null;
}
