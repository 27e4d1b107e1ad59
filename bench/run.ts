import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { type BenchRow, complianceBench } from './suites/compliance.bench.js';
import { evidenceBench } from './suites/evidence.bench.js';
import { reportsBench } from './suites/reports.bench.js';

/** Runs every suite in one process and writes bench/results/latest.md (a results table). */
async function main() {
  const rows: BenchRow[] = [];
  for (const [name, suite] of [['compliance', complianceBench], ['evidence', evidenceBench], ['reports', reportsBench]] as const) {
    process.stdout.write(`running ${name}…\n`);
    rows.push(...(await suite()));
  }
  const header = `# Tramos benchmarks\n\n${new Date().toISOString()} · Node ${process.version} · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}\n\n`;
  const table = ['| suite | case | metric | value | unit | note |', '|---|---|---|---:|---|---|',
    ...rows.map((r) => `| ${r.suite} | ${r.case} | ${r.metric} | ${fmt(r.value)} | ${r.unit} | ${r.note ?? ''} |`)].join('\n');
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.md', header + table + '\n');
  process.stdout.write(header + table + '\n\nwritten to bench/results/latest.md\n');
}

const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
