import type { ProblemDetail } from '../../common/errors.js';

export type { ProblemDetail };

/** A rule over the agreement document: every problem it finds, each with the path of its field. */
export const problem = (field: string, text: string): ProblemDetail => ({ field, problem: text });

/** The second and later occurrences of each key, with the index of the first one. */
export function duplicates<T>(items: readonly T[], keyOf: (item: T) => string): Array<{ index: number; firstIndex: number; key: string }> {
  const first = new Map<string, number>();
  const out: Array<{ index: number; firstIndex: number; key: string }> = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else out.push({ index, firstIndex: seen, key });
  });
  return out;
}
