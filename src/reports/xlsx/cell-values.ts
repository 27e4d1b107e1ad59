import { Dec } from '../../common/decimal.js';

/**
 * What goes into a cell. Excel keeps every number as a binary double, so a decimal becomes a
 * JS number only here, at the last step, from its exact text (the nearest double of "1250000.10"
 * shows as 1250000.10). Sums and means are done before, in decimals.
 */
export type Cell = string | number | Date | null;

const isBlank = (v: string | null | undefined): v is null | undefined => v === null || v === undefined || v === '';

/** Soles with two decimals (half-up), as the API gives them. */
export const soles = (v: string | null | undefined): number | null => (isBlank(v) ? null : Number(new Dec(v).toFixed(2)));

/**
 * Any decimal text as a number: indicator values, and ratios given as fractions ("0.7500", shown
 * with the percent format). The text is plain notation, so Number() reads it exactly as Excel would.
 */
export const decimal = (v: string | null | undefined): number | null => {
  if (isBlank(v)) return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a decimal: ${v}`);
  return n;
};

/** A percentage given as such ("87.50") turned into the fraction Excel's percent format expects. */
export const percentAsFraction = (v: string | null | undefined): number | null =>
  isBlank(v) ? null : Number(new Dec(v).div(100).toString());

/** Any decimal text; text that is not a number (a BOOLEAN level, say) is returned as given. */
export const decimalOrText = (v: string | null | undefined): Cell => {
  if (isBlank(v)) return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
};

/** `YYYY-MM-DD` as an Excel date (a date has no time zone: midnight UTC is its serial). */
export const isoDate = (v: string | null | undefined): Date | null => {
  if (isBlank(v)) return null;
  const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${v}`);
  return d;
};

const LIMA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Lima', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/**
 * An instant as the wall-clock time in Lima. Excel dates have no time zone, so the reader sees
 * the time as DGPP staff lived it; the Metadatos sheet says the times are Lima's.
 */
export const limaTime = (v: Date | string | null | undefined): Date | null => {
  if (v === null || v === undefined || v === '') return null;
  const parts = Object.fromEntries(LIMA.formatToParts(new Date(v)).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!));
};
