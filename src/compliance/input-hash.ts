import * as crypto from 'node:crypto';
import { ComplianceInputError } from './compliance-input.error.js';
import { compareCodes } from './shared/code-order.js';
import { canonicalDecimal, dec, isDecimalString } from './shared/decimal.js';

/**
 * Fields whose string values are decimals. Only these are normalised: a code such as
 * "1.10" must stay distinct from "1.1", whereas a weight "0.50" is the same as "0.5".
 */
const DECIMAL_FIELDS: ReadonlySet<string> = new Set([
  'trancheAmount',
  'weight',
  'share',
  'requiredLevel',
  'acceptedValue',
  'baseline',
  'target',
  'achieved',
  'carriedIn',
  'floor',
  'minProgress',
  'score',
]);

/** Free text chosen by the caller (agreement version, period…): hashed exactly as given. */
const VERBATIM_FIELD = 'context';

const enum Mode {
  Plain,
  Decimal,
  Verbatim,
}

/** Deep enough for any tranche; a cycle (an ORM entity passed by mistake) stops here. */
const MAX_DEPTH = 32;

/**
 * SHA-256 (hex) of the canonical JSON of `value`. A result's `inputHash` is exactly
 * `hashInputs(input)` of the input it was computed from, so a stored input can be checked
 * against its report at any time.
 */
export function hashInputs(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * crypto.hash (Node ≥ 20.12) digests a string in one call, without a Hash object: a
 * noticeable saving on a hash taken at every evaluation. Older Node uses createHash.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * JSON with object keys sorted and `undefined` dropped, decimal fields normalised
 * ("1.50" → "1.5"), and the lists whose order means nothing in this domain put in order:
 * items with a `code` (processes, criteria, indicators…) by code, scoring steps from the
 * highest `minProgress` down. `context` is kept verbatim. Other lists keep their order.
 */
export function canonicalJson(value: unknown): string {
  return write(value, Mode.Plain, 0);
}

/**
 * Building blocks for the engine's own writers, which emit the same canonical JSON as
 * `canonicalJson` for the fields they know, without walking the objects generically
 * (several times faster on a tranche: the hash stays cheap on the hot path).
 */
export const canonical = {
  hash: (json: string): string => sha256Hex(json),
  /** A decimal already checked when reading: no need to test it again. */
  checkedDecimal: (text: string): string => `"${canonicalDecimal(text)}"`,
  /** Any value, as canonicalJson would write it outside a decimal field. */
  value: (value: unknown): string =>
    typeof value === 'string' ? quote(value) : write(value, Mode.Plain, 0),
  /** A value held in a decimal field. */
  decimal: (value: unknown): string =>
    typeof value === 'string' && isDecimalString(value)
      ? `"${canonicalDecimal(value)}"`
      : write(value, Mode.Decimal, 0),
  /** The caller's context: kept as given. */
  verbatim: (value: unknown): string => write(value, Mode.Verbatim, 0),
  /** `,"key":json` when the member is present (not undefined), as canonicalJson leaves absent ones out. */
  member: (key: string, value: unknown, writer: (value: unknown) => string): string =>
    value === undefined ? '' : `,"${key}":${writer(value)}`,
};

function write(value: unknown, mode: Mode, depth: number): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(
        mode === Mode.Decimal && isDecimalString(value) ? canonicalDecimal(value) : value,
      );
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'bigint':
      return String(value);
    case 'object':
      break;
    default:
      return 'null';
  }
  if (depth > MAX_DEPTH) {
    throw new ComplianceInputError([
      { field: '(entrada)', problem: 'estructura demasiado profunda o circular' },
    ]);
  }
  if (Array.isArray(value)) {
    const items = mode === Mode.Verbatim ? value : inDomainOrder(value);
    let out = '[';
    for (let i = 0; i < items.length; i++)
      out += (i === 0 ? '' : ',') + write(items[i], mode, depth + 1);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  if (typeof record['toJSON'] === 'function')
    return write((record['toJSON'] as () => unknown)(), mode, depth + 1);
  const keys = sortedKeys(record);
  let out = '{';
  for (const key of keys) {
    const child = record[key];
    if (child === undefined || typeof child === 'function') continue;
    const childMode =
      mode === Mode.Verbatim || key === VERBATIM_FIELD
        ? Mode.Verbatim
        : DECIMAL_FIELDS.has(key)
          ? Mode.Decimal
          : Mode.Plain;
    out += `${out.length === 1 ? '' : ','}${quote(key)}:${write(child, childMode, depth + 1)}`;
  }
  return `${out}}`;
}

/**
 * Objects here have a handful of keys: an insertion sort on plain `<` beats
 * Array#sort, whose default comparator goes through string conversion.
 */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Most strings need no escaping; JSON.stringify is kept for the ones that do. */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff))
      return JSON.stringify(text);
  }
  return `"${text}"`;
}

function inDomainOrder(items: readonly unknown[]): readonly unknown[] {
  if (items.length < 2) return items;
  if (items.every((item) => typeof (item as { code?: unknown } | null)?.code === 'string')) {
    return sortedIfNeeded(items as { code: string }[], (x, y) => compareCodes(x.code, y.code));
  }
  if (
    items.every((item) => isDecimalString((item as { minProgress?: unknown } | null)?.minProgress))
  ) {
    return sortedIfNeeded(items as { minProgress: string }[], (x, y) =>
      dec(y.minProgress).comparedTo(dec(x.minProgress)),
    );
  }
  return items;
}

/** Inputs usually arrive in order already; checking is cheaper than sorting a copy. */
function sortedIfNeeded<T>(items: readonly T[], compare: (x: T, y: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i - 1]!, items[i]!) > 0) return [...items].sort(compare);
  }
  return items;
}
