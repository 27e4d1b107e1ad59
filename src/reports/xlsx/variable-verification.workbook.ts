import { Dec } from '../../common/decimal.js';
import type { IndicatorLine } from '../../compliance/index.js';
import { type Cell, decimal, soles } from './cell-values.js';
import { backgroundSheet, metadataSheet, summarySheet, verificationMetadata, verificationSubtitle, yesNo } from './common-sheets.js';
import { type EvolutionLine, withDepartmentSubtotals } from './department-subtotals.js';
import type { Labels } from './labels.js';
import type { ReportBook } from './report-book.js';
import type { IndicatorInfo, VariableReportData } from './report-data.js';
import { type Row, StrongRow, writeSheet } from './report-sheet.js';

/**
 * Informe de verificación – tramo variable: Resumen, Antecedentes, Evolución de indicadores (per
 * territory, with department subtotals; streamed), Metas alcanzadas, Conclusiones, Metadatos.
 * The goals and amounts are the frozen result's lines.
 */
export async function writeVariableVerification(book: ReportBook, d: VariableReportData): Promise<void> {
  const L = book.labels;
  const t = d.meta.tranche;
  const r = d.result;
  const title = L.titleVariable;
  const subtitle = verificationSubtitle(d.background, d.meta);

  await writeSheet(book, summarySheet(book, title, subtitle, d.background, d.meta, [
    { label: L.programmedAmount, value: soles(r.trancheAmount), fmt: 'money' },
    { label: L.carriedIn, value: soles(r.carriedIn), fmt: 'money' },
    { label: L.amountToTransfer, value: soles(t.verifiedAmount), fmt: 'money' },
    { label: L.carriedOver, value: soles(r.carriedOver), fmt: 'money' },
    { label: L.released, value: soles(r.released), fmt: 'money' },
  ], r.explanation));

  await writeSheet(book, backgroundSheet(book, title, subtitle, d.background, d.indicators));

  await writeSheet(book, {
    name: L.sheetEvolution,
    title,
    subtitle,
    notes: [L.evolutionNote],
    blocks: [{
      kind: 'table',
      filter: true,
      columns: [
        { header: L.code, fmt: 'text' },
        { header: L.indicator, fmt: 'text' },
        { header: L.scope, fmt: 'text' },
        { header: L.ubigeo, fmt: 'text' },
        { header: L.department, fmt: 'text' },
        { header: L.province, fmt: 'text' },
        { header: L.district, fmt: 'text' },
        { header: L.period, fmt: 'text' },
        { header: L.baseline, fmt: 'number' },
        { header: L.target, fmt: 'number' },
        { header: L.achieved, fmt: 'number' },
        { header: L.targetMet, fmt: 'text' },
      ],
      rows: evolutionRows(L, d),
      empty: L.noRows,
    }],
  });

  await writeSheet(book, {
    name: L.sheetGoals,
    title,
    subtitle,
    notes: [L.frozenNote, L.explanationsInSpanish],
    blocks: [
      {
        kind: 'table',
        filter: true,
        columns: [
          { header: L.code, fmt: 'text' },
          { header: L.indicator, fmt: 'wrap' },
          { header: L.unit, fmt: 'text' },
          { header: L.direction, fmt: 'text' },
          { header: L.lineStatus, fmt: 'text' },
          { header: L.baseline, fmt: 'number' },
          { header: L.target, fmt: 'number' },
          { header: L.achieved, fmt: 'number' },
          { header: L.progress, fmt: 'percent' },
          { header: L.score, fmt: 'percent' },
          { header: L.weight, fmt: 'percent' },
          { header: L.effectiveWeight, fmt: 'percent' },
          { header: L.neutralised, fmt: 'text' },
          { header: L.carriedIn, fmt: 'money' },
          { header: L.allocated, fmt: 'money' },
          { header: L.amount, fmt: 'money' },
          { header: L.unpaid, fmt: 'money' },
          { header: L.carriedOver, fmt: 'money' },
          { header: L.released, fmt: 'money' },
          { header: L.explanation, fmt: 'wrap' },
        ],
        rows: r.lines.map((l) => goalRow(L, l)),
        total: () => new StrongRow([
          L.total, null, null, null, null, null, null, null, null, null, null, null, null,
          soles(r.carriedIn), soles(sum(r.lines.map((l) => l.allocated))), soles(t.verifiedAmount),
          soles(sum(r.lines.map((l) => l.unpaid))), soles(r.carriedOver), soles(r.released), null,
        ]),
      },
      { kind: 'note', caption: L.explanation, text: r.explanation },
    ],
  });

  await writeSheet(book, {
    name: L.sheetConclusions,
    title,
    subtitle,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: L.trancheAmount, value: soles(r.trancheAmount), fmt: 'money' },
          { label: L.carriedIn, value: soles(r.carriedIn), fmt: 'money' },
          { label: L.amountToTransfer, value: soles(t.verifiedAmount), fmt: 'money' },
          { label: L.carriedOver, value: soles(r.carriedOver), fmt: 'money' },
          { label: L.released, value: soles(r.released), fmt: 'money' },
        ],
      },
      { kind: 'text', paragraphs: [{ label: L.conclusions, text: t.conclusions }, { label: L.recommendations, text: t.recommendations }] },
    ],
  });

  await writeSheet(book, metadataSheet(book, title, d.meta, verificationMetadata(L, d.background, d.meta)));
}

const sum = (values: string[]): string => values.reduce((s, v) => s.plus(v), new Dec(0)).toFixed(2);

function goalRow(L: Labels, l: IndicatorLine): Row {
  const status = l.status === 'COMPUTED' ? L.lineComputed : l.status === 'NEUTRALISED' ? L.lineNeutralised : L.linePending;
  return [
    l.code, l.name, l.unit ?? null, l.direction === 'INCREASE' ? L.increase : L.decrease, status,
    decimal(l.baseline), decimal(l.target), decimal(l.achieved), decimal(l.progress), decimal(l.score), decimal(l.weight), decimal(l.effectiveWeight),
    yesNo(L, l.neutralised), soles(l.carriedIn), soles(l.allocated), soles(l.amount), soles(l.unpaid), soles(l.carriedOver), soles(l.released),
    l.explanation,
  ];
}

/** Whether the value reaches the target in the indicator's direction; null while either is missing. */
function reaches(direction: IndicatorInfo['direction'], target: string | null, achieved: string | null): boolean | null {
  if (target === null || achieved === null) return null;
  const cmp = new Dec(achieved).comparedTo(target);
  return direction === 'INCREASE' ? cmp >= 0 : cmp <= 0;
}

async function* evolutionRows(L: Labels, d: VariableReportData): AsyncGenerator<Row> {
  const indicators = new Map(d.indicators.map((i) => [i.code, i]));
  const baseline = new Map(d.indicators.map((i) => [i.code, decimal(i.baseline)]));
  const periodName = new Map(d.periods.map((p) => [p.code, p.name]));
  const scope = { DEPARTMENT: L.scopeDepartment, PROVINCE: L.scopeProvince, DISTRICT: L.scopeDistrict } as const;
  const lines: AsyncIterable<EvolutionLine> = withDepartmentSubtotals(d.evolution, d.periods.map((p) => p.code));
  for await (const line of lines) {
    if (line.kind === 'row') {
      const row = line.row;
      const ind = indicators.get(row.indicatorCode);
      yield [
        row.indicatorCode, ind?.name ?? null, row.level ? scope[row.level] : L.scopeAggregate, row.ubigeo, row.department, row.province,
        row.district, periodName.get(row.periodCode) ?? row.periodCode, baseline.get(row.indicatorCode) ?? null, decimal(row.target), decimal(row.achieved),
        yesNo(L, ind ? reaches(ind.direction, row.target, row.achieved) : null),
      ] satisfies Cell[];
    } else {
      const s = line.subtotal;
      const ind = indicators.get(s.indicatorCode);
      yield new StrongRow([
        s.indicatorCode, ind?.name ?? null, L.scopeSubtotal, s.departmentUbigeo, s.department, null, `${s.districts} ${L.district.toLowerCase()}(s)`,
        periodName.get(s.periodCode) ?? s.periodCode, baseline.get(s.indicatorCode) ?? null, decimal(s.target), decimal(s.achieved),
        yesNo(L, ind ? reaches(ind.direction, s.target, s.achieved) : null),
      ]);
    }
  }
}
