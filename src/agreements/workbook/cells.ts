import type ExcelJS from 'exceljs';
import { Dec } from '../../common/decimal.js';
import { NO, YES } from './layout.js';

/**
 * One cell read as what the document needs. A value the cell holds in the wrong form gives a
 * problem; a value of the right type but the wrong format (a text where an amount goes) is passed
 * on as text, and the document's own shape check names it.
 */
export type Read<T> = { value?: T; problem?: string };

/** What a cell holds once formulas, rich text and hyperlinks are looked through. */
function plain(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return v;
}

const isError = (v: ExcelJS.CellValue) => typeof v === 'object' && v !== null && 'error' in v;
const errorOf = (v: ExcelJS.CellValue): Read<never> => ({ problem: isError(v) ? `cell error ${(v as ExcelJS.CellErrorValue).error}` : 'unreadable cell' });

/** Text as written; numbers in plain decimal notation. */
export function readText(raw: ExcelJS.CellValue): Read<string> {
  const v = plain(raw);
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') return v.trim() ? { value: v.trim() } : {};
  if (typeof v === 'number') return Number.isFinite(v) ? { value: new Dec(v).toFixed() } : { problem: 'not a number' };
  if (typeof v === 'boolean') return { value: String(v) };
  if (v instanceof Date) return { problem: 'is a date; write text' };
  return errorOf(v);
}

/** A number (weight, baseline, target, level) as a decimal string; "72,5" is read as 72.5. */
export function readDecimal(raw: ExcelJS.CellValue): Read<string> {
  const v = plain(raw);
  if (v instanceof Date) return { problem: 'is a date; write a number' };
  if (typeof v === 'boolean') return { problem: 'write a number' };
  const t = readText(v);
  return t.value !== undefined && typeof v === 'string' && /^-?\d+,\d+$/.test(t.value) ? { value: t.value.replace(',', '.') } : t;
}

/** Money: a number with at most two decimals, written with exactly two ("1250000.00"). */
export function readAmount(raw: ExcelJS.CellValue): Read<string> {
  const v = plain(raw);
  if (typeof v !== 'number') return readDecimal(v);
  const d = new Dec(v);
  return d.decimalPlaces() > 2 ? { problem: 'an amount has at most 2 decimals' } : { value: d.toFixed(2) };
}

/** A day: a date cell, or text written YYYY-MM-DD (any other text is left to the shape check). */
export function readDay(raw: ExcelJS.CellValue): Read<string> {
  const v = plain(raw);
  // Excel dates have no time zone: ExcelJS gives them as UTC midnight.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { problem: 'not a valid date' } : { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') return { problem: 'write a date (YYYY-MM-DD)' };
  return readText(v);
}

export function readInt(raw: ExcelJS.CellValue): Read<number> {
  const t = readText(plain(raw));
  if (t.value === undefined) return t as Read<never>;
  return /^-?\d+$/.test(t.value) ? { value: Number(t.value) } : { problem: 'write a whole number' };
}

const TRUE = new Set(['true', 'sí', 'si', 'verdadero', 'x']);
const FALSE = new Set(['false', 'no', 'falso']);

export function readBool(raw: ExcelJS.CellValue): Read<boolean> {
  const v = plain(raw);
  if (typeof v === 'boolean') return { value: v };
  const t = readText(v);
  if (t.value === undefined) return t as Read<never>;
  const word = t.value.toLowerCase();
  return TRUE.has(word) ? { value: true } : FALSE.has(word) ? { value: false } : { problem: `write ${YES} or ${NO}` };
}

/** A criterion's required level: yes/no ("true"/"false") or a number. */
export function readLevel(raw: ExcelJS.CellValue): Read<string> {
  const v = plain(raw);
  if (typeof v === 'boolean') return { value: String(v) };
  const t = readDecimal(v);
  if (t.value === undefined || typeof v === 'number') return t;
  const word = t.value.toLowerCase();
  return TRUE.has(word) ? { value: 'true' } : FALSE.has(word) ? { value: 'false' } : t;
}

/** A UBIGEO retyped as a number loses its leading zero (050101 → 50101): put it back. */
export function readUbigeo(raw: ExcelJS.CellValue): Read<string> {
  const v = plain(raw);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { value: String(v).padStart(6, '0') };
  return readText(v);
}

/** A list in one cell: "0001, 0002" → ["0001", "0002"]. */
export const splitList = (text: string | undefined): string[] => (text ?? '').split(/[,;\s]+/).filter(Boolean);

/** A day as an Excel date (UTC midnight, which Excel shows as that day). */
export const dateCell = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * A decimal string as an Excel number, what people type and sum; as text when a double would not
 * hold it exactly (more than ~15 digits), so exporting never changes a value.
 */
export function numberCell(d: string): number | string {
  const n = Number(d);
  return Number.isFinite(n) && new Dec(n).equals(new Dec(d)) ? n : d;
}
