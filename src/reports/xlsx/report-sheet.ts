import type ExcelJS from 'exceljs';
import { ColumnWidths } from './column-widths.js';
import { displayWidth, type Fmt, isDateFmt, isNumericFmt } from './cell-formats.js';
import type { Cell } from './cell-values.js';
import type { Emphasis, ReportBook } from './report-book.js';

export interface Column {
  header: string;
  fmt: Fmt;
}

/** A row that stands out (a total, a subtotal, a process above its criteria). */
export class StrongRow {
  constructor(readonly cells: Cell[]) {}
}

export type Row = Cell[] | StrongRow;
export type Rows = readonly Row[] | AsyncIterable<Row>;

export interface Field {
  label: string;
  value: Cell;
  fmt?: Fmt;
}

export type Block =
  /** Label / value pairs in columns A and B. */
  | { kind: 'fields'; caption?: string; fields: Field[] }
  /**
   * A table with its header. `filter` puts the sheet's autofilter on it (one per sheet) and
   * freezes the rows above its data when they are few. `total` is asked for after the last row.
   */
  | { kind: 'table'; caption?: string; columns: Column[]; rows: Rows; filter?: boolean; total?: () => Row; empty?: string }
  /** Paragraphs of free text (conclusions), each with its label. */
  | { kind: 'text'; caption?: string; paragraphs: { label: string; text: string | null }[] }
  /** One long text across the sheet's width (an explanation under a table). */
  | { kind: 'note'; caption?: string; text: string };

export interface SheetSpec {
  name: string;
  title: string;
  subtitle?: string;
  notes?: string[];
  blocks: Block[];
}

/** Rows of a streamed table read before anything is written, to size its columns. */
const SAMPLE_ROWS = 200;
/** A filtered table whose header is further down than this does not freeze the rows above it. */
const MAX_FROZEN = 10;
const TEXT_WIDTH = 90;
const LINE_HEIGHT = 15;

interface PreparedTable {
  block: Extract<Block, { kind: 'table' }>;
  head: Row[];
  rest: AsyncIterator<Row> | null;
}

/**
 * Writes one sheet: title, notes, then its blocks one under the other. Widths, the frozen rows
 * and the print setup must be known before ExcelJS writes the first row, so small tables are
 * measured whole and streamed ones on their first rows; then every row is written and committed
 * in order, and the sheet is closed before the next one starts.
 */
export async function writeSheet(book: ReportBook, spec: SheetSpec): Promise<void> {
  const tables = new Map<Block, PreparedTable>();
  for (const block of spec.blocks) {
    if (block.kind === 'table') tables.set(block, await prepare(block));
  }
  const widths = new ColumnWidths();
  measure(spec, tables, widths);
  const layout = placeFilter(spec);
  const columnCount = Math.max(2, ...spec.blocks.map((b) => (b.kind === 'table' ? b.columns.length : 2)));

  const sheet = book.addSheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: layout.freeze, topLeftCell: `A${layout.freeze + 1}`, activeCell: `A${layout.freeze + 1}` }],
    pageSetup: {
      orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(layout.headerRow ? { printTitlesRow: `${layout.headerRow}:${layout.headerRow}` } : {}),
    },
    headerFooter: { oddFooter: `&L${escapeFooter(spec.title)}&R&P / &N` },
  });
  sheet.columns = widths.widths().map((width) => ({ width }));
  const w = new SheetWriter(book, sheet, widths, columnCount);

  w.line([spec.title], 'title');
  if (spec.subtitle) w.line([spec.subtitle], 'subtitle');
  for (const note of spec.notes ?? []) w.note(note);
  w.blank();
  for (const block of spec.blocks) {
    if (block.kind === 'fields') w.fields(block);
    else if (block.kind === 'text') w.text(block);
    else if (block.kind === 'note') w.longNote(block);
    else await w.table(tables.get(block)!, block === layout.filtered);
    w.blank();
  }
  sheet.commit();
}

async function prepare(block: Extract<Block, { kind: 'table' }>): Promise<PreparedTable> {
  if (isArray(block.rows)) return { block, head: [...block.rows], rest: null };
  const rest = block.rows[Symbol.asyncIterator]();
  const head: Row[] = [];
  while (head.length < SAMPLE_ROWS) {
    const next = await rest.next();
    if (next.done) return { block, head, rest: null };
    head.push(next.value);
  }
  return { block, head, rest };
}

const isArray = (rows: Rows): rows is readonly Row[] => Array.isArray(rows);
const cellsOf = (row: Row): Cell[] => (row instanceof StrongRow ? row.cells : row);

/** Notes span the columns the other blocks size, so they are not measured. */
function measure(spec: SheetSpec, tables: Map<Block, PreparedTable>, widths: ColumnWidths): void {
  for (const block of spec.blocks) {
    if (block.kind === 'fields') {
      for (const f of block.fields) {
        widths.fit(0, f.label.length);
        widths.fit(1, displayWidth(f.value, f.fmt ?? 'text'));
        if (f.fmt === 'wrap') widths.wrap(1);
      }
    } else if (block.kind === 'text') {
      for (const p of block.paragraphs) widths.fit(0, p.label.length);
      widths.fit(1, TEXT_WIDTH);
      widths.wrap(1);
    } else if (block.kind === 'table') {
      block.columns.forEach((c, i) => {
        widths.fitHeader(i, c.header);
        if (c.fmt === 'wrap') widths.wrap(i);
      });
      for (const row of tables.get(block)!.head) {
        cellsOf(row).forEach((v, i) => widths.fit(i, displayWidth(v, block.columns[i]?.fmt ?? 'text')));
      }
    }
  }
}

/** Where the filtered table's header lands, and how many rows stay frozen. */
function placeFilter(spec: SheetSpec): { filtered: Block | null; headerRow: number | null; freeze: number } {
  const titleRows = 1 + (spec.subtitle ? 1 : 0);
  let row = titleRows + (spec.notes?.length ?? 0) + 1; // then a blank row
  for (const block of spec.blocks) {
    if (block.caption) row++;
    if (block.kind === 'table' && block.filter) {
      const headerRow = row + 1;
      return { filtered: block, headerRow, freeze: headerRow <= MAX_FROZEN ? headerRow : titleRows };
    }
    if (block.kind === 'fields') row += block.fields.length + 1;
    else if (block.kind === 'text') row += block.paragraphs.length + 1;
    else if (block.kind === 'note') row += 2;
    else if (isArray(block.rows)) row += 1 + Math.max(1, block.rows.length) + (block.total ? 1 : 0) + 1;
    else break; // below a streamed table nothing is filtered: its length is not known in advance
  }
  return { filtered: null, headerRow: null, freeze: titleRows };
}

const escapeFooter = (text: string) => text.replace(/&/g, '&&');

/** Appends rows to one sheet, each committed as soon as it is complete. */
class SheetWriter {
  private rowNumber = 0;

  constructor(
    private readonly book: ReportBook,
    private readonly sheet: ExcelJS.Worksheet,
    private readonly widths: ColumnWidths,
    private readonly columnCount: number,
  ) {}

  blank(): void {
    this.rowNumber++;
  }

  line(cells: Cell[], emphasis: Emphasis): void {
    this.write(cells, cells.map(() => this.book.style('text', emphasis)));
  }

  /** A note spans the sheet's width and wraps. */
  note(text: string, emphasis: Emphasis = 'note'): void {
    const row = this.write([text], [this.book.style('text', emphasis)], false);
    this.sheet.mergeCells(row.number, 1, row.number, this.columnCount);
    const width = this.widths.widths().slice(0, this.columnCount).reduce((sum, w) => sum + w, 0);
    row.height = Math.min(409, LINE_HEIGHT * wrappedLines(text, Math.max(20, width - 4)));
    row.commit();
  }

  longNote(block: Extract<Block, { kind: 'note' }>): void {
    this.caption(block.caption);
    this.note(block.text, 'paragraph');
  }

  fields(block: Extract<Block, { kind: 'fields' }>): void {
    this.caption(block.caption);
    for (const f of block.fields) {
      const fmt = f.fmt ?? 'text';
      this.write([f.label, f.value], [this.book.style('text', 'label'), this.book.style(fmt)]);
    }
  }

  text(block: Extract<Block, { kind: 'text' }>): void {
    this.caption(block.caption);
    for (const p of block.paragraphs) {
      const text = p.text ?? '';
      const row = this.write([p.label, text], [this.book.style('text', 'label'), this.book.style('wrap')], false);
      row.height = Math.min(409, LINE_HEIGHT * wrappedLines(text, TEXT_WIDTH));
      row.commit();
    }
  }

  async table(t: PreparedTable, filtered: boolean): Promise<void> {
    const { block } = t;
    this.caption(block.caption);
    const header = this.write(block.columns.map((c) => c.header), block.columns.map(() => this.book.style('text', 'header')));
    const plain = block.columns.map((c) => this.book.style(c.fmt));
    const strong = block.columns.map((c) => this.book.style(c.fmt, 'strong'));
    // Row heights for wrapped text are estimated on small tables only; streamed ones keep one line.
    const wrapped = isArray(block.rows) ? block.columns.map((c, i) => c.fmt === 'wrap' && this.widths.isWrapped(i)) : [];
    const widths = this.widths.widths();
    const emit = (row: Row) => {
      const cells = cellsOf(row);
      check(block.columns, cells);
      const written = this.write(cells, row instanceof StrongRow ? strong : plain, false);
      const height = rowHeight(cells, wrapped, widths);
      if (height) written.height = height;
      written.commit();
    };
    let count = 0;
    for (const row of t.head) emit(row);
    count += t.head.length;
    if (t.rest) {
      for (let next = await t.rest.next(); !next.done; next = await t.rest.next()) {
        emit(next.value);
        if (++count % 256 === 0) await this.book.pace(this.sheet);
      }
    }
    if (count === 0 && block.empty) this.line([block.empty], 'note');
    if (block.total) emit(block.total());
    if (filtered) {
      this.sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: Math.max(header.number + 1, this.rowNumber), column: block.columns.length } };
    }
  }

  private caption(caption: string | undefined): void {
    if (caption) this.line([caption], 'caption');
  }

  private write(cells: Cell[], styles: Partial<ExcelJS.Style>[], commit = true): ExcelJS.Row {
    const row = this.sheet.getRow(++this.rowNumber);
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (value === null || value === undefined || value === '') continue;
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = styles[i] ?? {};
    }
    if (commit) row.commit();
    return row;
  }
}

/**
 * A programming error caught early: a date column given anything but a date, a number column a
 * date. (Number columns may hold a word where a value is not a number, e.g. "Sí" as a level.)
 */
function check(columns: Column[], cells: Cell[]): void {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    const fmt = columns[i]?.fmt ?? 'text';
    if ((isDateFmt(fmt) && !(v instanceof Date)) || (isNumericFmt(fmt) && v instanceof Date)) {
      throw new Error(`column "${columns[i]?.header}" (${fmt}) got ${v instanceof Date ? 'a date' : typeof v}`);
    }
  }
}

const wrappedLines = (text: string, width: number): number =>
  text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / width)), 0);

function rowHeight(cells: Cell[], wrapped: boolean[], widths: number[]): number | undefined {
  let lines = 1;
  cells.forEach((v, i) => {
    if (wrapped[i] && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, Math.max(1, (widths[i] ?? 10) - 2)));
  });
  return lines > 1 ? Math.min(409, LINE_HEIGHT * lines) : undefined;
}
