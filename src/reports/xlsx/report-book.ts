import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Fmt, numFmt } from './cell-formats.js';
import { type Labels, type Lang, labelsFor } from './labels.js';

/** How a row stands out: a table header, a total or subtotal, a sheet title… */
export type Emphasis = 'plain' | 'strong' | 'header' | 'label' | 'title' | 'subtitle' | 'caption' | 'note' | 'paragraph';

/** Bytes written but not yet zipped and on disk beyond which the writer waits. */
const MAX_BACKLOG = 2 * 1024 * 1024;

/** What ExcelJS's streaming worksheet has and its typings leave out. */
interface StreamingSheet {
  stream?: { buffers?: unknown[]; pipes?: { writableLength?: number; _writableState?: { length: number } }[] };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const STRONG_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9DB' } };

/**
 * One workbook written with ExcelJS's streaming writer: rows go to the zip as they are committed,
 * so memory does not grow with rows. ExcelJS does not wait for the zip to keep up, so `pace()`
 * holds the writer while too much is buffered. Cell styles are shared objects: ExcelJS then
 * recognises them instead of serialising one style per cell.
 */
export class ReportBook {
  readonly labels: Labels;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  private failure: Error | null = null;

  constructor(private readonly out: Writable, readonly lang: Lang, created: Date) {
    this.labels = labelsFor(lang);
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.wb.creator = 'Tramos';
    this.wb.lastModifiedBy = 'Tramos';
    this.wb.created = created;
    this.wb.modified = created;
    out.on('error', (e: Error) => (this.failure ??= e));
    // ExcelJS listens to its zip's errors only once committing; until then they would go unheard.
    (this.wb as unknown as { zip: Writable }).zip.on('error', (e: Error) => (this.failure ??= e));
  }

  addSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
    this.check();
    return this.wb.addWorksheet(name, options);
  }

  /** The one style object for a format and emphasis in this workbook. */
  style(fmt: Fmt, emphasis: Emphasis = 'plain'): Partial<ExcelJS.Style> {
    const key = `${fmt}|${emphasis}`;
    let style = this.styles.get(key);
    if (!style) {
      style = buildStyle(numFmt(fmt, this.lang), fmt === 'wrap' || emphasis === 'header' || emphasis === 'note' || emphasis === 'paragraph', emphasis);
      this.styles.set(key, style);
    }
    return style;
  }

  /** Waits while the zip and the file lag behind what was written. */
  async pace(sheet: ExcelJS.Worksheet): Promise<void> {
    const stream = (sheet as unknown as StreamingSheet).stream;
    const backlog = () =>
      (stream?.buffers?.length ?? 0) * 65536 +
      (stream?.pipes ?? []).reduce((sum, p) => sum + (p.writableLength ?? p._writableState?.length ?? 0), 0) +
      this.out.writableLength;
    while (backlog() > MAX_BACKLOG) {
      this.check();
      await sleep(2);
    }
    this.check();
  }

  /** Writes what remains and waits until the file is complete and closed. */
  async finish(): Promise<void> {
    this.check();
    const closed = 'closed' in this.out && this.out.closed ? Promise.resolve() : once(this.out, 'close');
    await this.wb.commit();
    await closed;
    this.check();
  }

  /** Stops writing after a failure; the caller removes the partial file. */
  abort(): void {
    this.out.destroy();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

function buildStyle(format: string | undefined, wrap: boolean, emphasis: Emphasis): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (format) style.numFmt = format;
  if (wrap) style.alignment = { wrapText: true, vertical: 'top' };
  switch (emphasis) {
    case 'header':
      style.font = { bold: true };
      style.fill = HEADER_FILL;
      style.border = { bottom: THIN, top: THIN };
      style.alignment = { wrapText: true, vertical: 'middle' };
      break;
    case 'strong':
      style.font = { bold: true };
      style.fill = STRONG_FILL;
      break;
    case 'label':
      style.font = { bold: true };
      style.alignment = { vertical: 'top' };
      break;
    case 'title':
      style.font = { bold: true, size: 14 };
      break;
    case 'subtitle':
      style.font = { italic: true, size: 11 };
      break;
    case 'caption':
      style.font = { bold: true, size: 12 };
      break;
    case 'note':
      style.font = { italic: true, size: 9, color: { argb: 'FF595959' } };
      break;
    default:
      break;
  }
  return style;
}

/**
 * Writes a whole workbook to `out` with `build`, and waits until the file is complete. On any
 * failure the stream is destroyed (the caller removes what was written) and the error rethrown.
 */
export async function writeWorkbook<T>(out: Writable, lang: Lang, created: Date, build: (book: ReportBook) => Promise<T>): Promise<T> {
  const book = new ReportBook(out, lang, created);
  try {
    const result = await build(book);
    await book.finish();
    return result;
  } catch (e) {
    book.abort();
    throw e;
  }
}
