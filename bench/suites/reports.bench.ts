import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './compliance.bench.js';
import type { ChildResult } from './reports/report-bench-child.js';

const SUITE = 'reports';
const MB = 1024 * 1024;
const CHILD = fileURLToPath(new URL('./reports/report-bench-child.js', import.meta.url));
const ALL_DISTRICTS = 1891;

/**
 * The variable verification report at national scale — 1,891 districts × 20 indicators × 4
 * periods (151,280 evolution rows, with department subtotals) — beside raw ExcelJS streaming of
 * the same cells, each case in a fresh process (so a peak RSS is that case's only), alternated
 * over two rounds, best time kept. A quarter of the districts shows whether memory grows with rows.
 */
export async function reportsBench(): Promise<BenchRow[]> {
  const best = new Map<string, ChildResult>();
  for (let round = 0; round < 2; round++) {
    for (const [mode, districts] of [['raw', ALL_DISTRICTS], ['tramos', ALL_DISTRICTS], ['raw', ALL_DISTRICTS / 4], ['tramos', ALL_DISTRICTS / 4]] as const) {
      const r = runChild(mode, Math.floor(districts));
      const key = `${mode}|${r.rows}`;
      const prev = best.get(key);
      best.set(key, !prev ? r : { ...r, seconds: Math.min(prev.seconds, r.seconds), peakRss: Math.max(prev.peakRss, r.peakRss) });
    }
  }
  const [rawFull, tramosFull, rawQuarter, tramosQuarter] = [...best.values()];
  const growth = (r: ChildResult) => (r.peakRss - r.baselineRss) / MB;
  const ratio = tramosFull!.seconds / rawFull!.seconds;
  const caseName = (r: ChildResult, who: string) => `${who}: variable report, ${r.rows.toLocaleString('en-US')} district rows`;
  return [
    row(caseName(tramosFull!, 'Tramos'), 'wall time', tramosFull!.seconds, 's', `${ratio.toFixed(2)}× raw (target ≤ 1.5×); ${mb(tramosFull!.bytes)} MB file; all sheets`),
    row(caseName(rawFull!, 'raw ExcelJS'), 'wall time', rawFull!.seconds, 's', 'same evolution cells, formats and subtotals; one sheet'),
    row(caseName(tramosFull!, 'Tramos'), 'peak RSS growth', growth(tramosFull!), 'MB', `target ≤ +100 MB; baseline ${mb(tramosFull!.baselineRss)} MB`),
    row(caseName(tramosQuarter!, 'Tramos'), 'peak RSS growth', growth(tramosQuarter!), 'MB', 'a quarter of the rows: growth must not scale with rows'),
    row(caseName(rawFull!, 'raw ExcelJS'), 'peak RSS growth', growth(rawFull!), 'MB', `baseline ${mb(rawFull!.baselineRss)} MB`),
    row(caseName(rawQuarter!, 'raw ExcelJS'), 'peak RSS growth', growth(rawQuarter!), 'MB', 'a quarter of the rows'),
  ];
}

function runChild(mode: string, districts: number): ChildResult {
  const out = execFileSync(process.execPath, [CHILD, mode, String(districts)], { encoding: 'utf8', maxBuffer: MB });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

const mb = (bytes: number) => (bytes / MB).toFixed(0);

function row(name: string, metric: string, value: number, unit: string, note: string): BenchRow {
  return { suite: SUITE, case: name, metric, value, unit, note };
}
