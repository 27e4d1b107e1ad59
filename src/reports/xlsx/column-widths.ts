/** Headers wrap, so a long header widens its column only up to this (and to its longest word). */
const HEADER_SHARE = 18;
const MIN_WIDTH = 6;
/** Wider than this, text is easier to read wrapped. */
const MAX_TEXT = 50;
const MAX_WRAPPED = 70;

/**
 * Column widths that fit: the widest value seen in each column (all of a small table, the first
 * rows of a streamed one), plus a little air, within bounds.
 */
export class ColumnWidths {
  private readonly need: number[] = [];
  private readonly wrapped = new Set<number>();

  /** `col` is 0-based; `chars` is the formatted length of a value in it. */
  fit(col: number, chars: number): void {
    if (chars > (this.need[col] ?? 0)) this.need[col] = chars;
  }

  fitHeader(col: number, header: string): void {
    const longestWord = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
    this.fit(col, Math.max(longestWord, Math.min(header.length, HEADER_SHARE)));
  }

  /** The column holds long text shown wrapped. */
  wrap(col: number): void {
    this.wrapped.add(col);
  }

  isWrapped(col: number): boolean {
    return this.wrapped.has(col);
  }

  widths(): number[] {
    return Array.from({ length: this.need.length }, (_, col) => {
      const max = this.wrapped.has(col) ? MAX_WRAPPED : MAX_TEXT;
      return Math.min(max, Math.max(MIN_WIDTH, (this.need[col] ?? 0) + 2));
    });
  }
}
