/**
 * Orders codes the way people number them ("1.2" before "1.10", "IND-9" before "IND-10"),
 * without locale rules, so that the engine's order — and therefore which line gets a
 * spare cent — is the same on every machine and independent of the input order.
 * Runs of digits compare as whole numbers; everything else by UTF-16 code unit.
 */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      const endA = digitRunEnd(a, i);
      const endB = digitRunEnd(b, j);
      const byNumber = compareDigitRuns(a, i, endA, b, j, endB);
      if (byNumber !== 0) return byNumber;
      i = endA;
      j = endB;
    } else {
      if (x !== y) return x - y;
      i++;
      j++;
    }
  }
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  // Same value written differently ("07" and "7"): fall back to the plain text.
  return a < b ? -1 : 1;
}

function isDigit(charCode: number): boolean {
  return charCode >= 48 && charCode <= 57;
}

function digitRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return end;
}

function compareDigitRuns(
  a: string,
  i: number,
  endA: number,
  b: string,
  j: number,
  endB: number,
): number {
  while (i < endA - 1 && a.charCodeAt(i) === 48) i++;
  while (j < endB - 1 && b.charCodeAt(j) === 48) j++;
  const lengths = endA - i - (endB - j);
  if (lengths !== 0) return lengths;
  for (; i < endA; i++, j++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(j);
    if (difference !== 0) return difference;
  }
  return 0;
}
