import { createHash } from 'node:crypto';
import { type Cell, isoDate, soles } from './cell-values.js';
import { kindLabel, metadataSheet } from './common-sheets.js';
import { type Labels, statusLabel } from './labels.js';
import { accountAgreement, type GroupTotal, PortfolioTotals, type PortfolioLine } from './portfolio-accounting.js';
import type { ReportBook } from './report-book.js';
import type { PortfolioReportData, PortfolioTranche } from './report-data.js';
import { type Column, type Field, type Row, StrongRow, writeSheet } from './report-sheet.js';

export interface PortfolioOutcome {
  /** SHA-256 of the accounted lines, in order: the same data give the same fingerprint. */
  dataHash: string;
  tranches: number;
}

/**
 * Reporte de cartera: every visible agreement with its tranches and the money of each
 * (Cartera, streamed), then totals by donor, funding programme, region and year.
 */
export async function writePortfolio(book: ReportBook, d: PortfolioReportData): Promise<PortfolioOutcome> {
  const L = book.labels;
  const title = L.titlePortfolio;
  const region = (line: PortfolioLine) => line.region ?? L.national;
  const totals = {
    donor: new PortfolioTotals((l) => [l.donor]),
    program: new PortfolioTotals((l) => [l.donor, l.fundingProgram]),
    region: new PortfolioTotals((l) => [region(l)]),
    year: new PortfolioTotals((l) => [String(l.year)]),
    all: new PortfolioTotals(() => []),
  };
  const hash = createHash('sha256');
  let count = 0;

  async function* lines(): AsyncGenerator<Row> {
    for await (const agreement of byAgreement(d.tranches)) {
      for (const line of accountAgreement(agreement)) {
        for (const t of Object.values(totals)) t.add(line);
        hash.update(`${JSON.stringify(fingerprint(line))}\n`);
        count++;
        yield [
          line.donor, line.fundingProgram, line.agreementCode, line.agreementTitle, line.entity, region(line),
          statusLabel(book.lang, line.agreementStatus), line.periodCode, kindLabel(L, line.kind), statusLabel(book.lang, line.status),
          isoDate(line.plannedDate), String(line.year), soles(line.amount), soles(line.carriedIn), soles(line.verifiedAmount),
          soles(line.transferredAmount), isoDate(line.transferredOn), line.instrument, soles(line.cancelledAmount), soles(line.notPaid),
          soles(line.carriedOver), soles(line.pending),
        ] satisfies Cell[];
      }
    }
  }

  const subtitle = `${L.generatedOn} ${d.meta.generatedAt.toISOString().slice(0, 10)}`;
  await writeSheet(book, {
    name: L.sheetPortfolio,
    title,
    subtitle,
    notes: [L.portfolioNote],
    blocks: [{
      kind: 'table',
      filter: true,
      columns: [
        { header: L.donor, fmt: 'text' },
        { header: L.fundingProgram, fmt: 'text' },
        { header: L.agreement, fmt: 'text' },
        { header: L.agreementTitle, fmt: 'text' },
        { header: L.entity, fmt: 'text' },
        { header: L.region, fmt: 'text' },
        { header: L.agreementStatus, fmt: 'text' },
        { header: L.period, fmt: 'text' },
        { header: L.tranche, fmt: 'text' },
        { header: L.trancheStatus, fmt: 'text' },
        { header: L.plannedDate, fmt: 'date' },
        { header: L.year, fmt: 'text' },
        { header: L.programmed, fmt: 'money' },
        { header: L.carriedIn, fmt: 'money' },
        { header: L.verified, fmt: 'money' },
        { header: L.transferred, fmt: 'money' },
        { header: L.transferDate, fmt: 'date' },
        { header: L.instrument, fmt: 'text' },
        { header: L.cancelled, fmt: 'money' },
        { header: L.notPaid, fmt: 'money' },
        { header: L.carriedOver, fmt: 'money' },
        { header: L.pending, fmt: 'money' },
      ],
      rows: lines(),
      empty: L.noRows,
      total: () => {
        const m = totals.all.rows().total.money;
        return new StrongRow([
          L.total, null, null, null, null, null, null, null, null, null, null, null, soles(m.amount), soles(m.carriedIn), null,
          soles(m.transferredAmount), null, null, soles(m.cancelledAmount), soles(m.notPaid), soles(m.carriedOver), soles(m.pending),
        ]);
      },
    }],
  });

  await writeSheet(book, totalsSheet(L, L.sheetByDonor, title, subtitle, [L.donor], totals.donor));
  await writeSheet(book, totalsSheet(L, L.sheetByProgram, title, subtitle, [L.donor, L.fundingProgram], totals.program));
  await writeSheet(book, totalsSheet(L, L.sheetByRegion, title, subtitle, [L.region], totals.region));
  await writeSheet(book, totalsSheet(L, L.sheetByYear, title, subtitle, [L.year], totals.year));

  const dataHash = hash.digest('hex');
  const f = d.filters;
  const filters = [
    f.fundingProgram ? `${L.fundingProgram}: ${f.fundingProgram}` : null,
    f.entity ? `${L.entity}: ${f.entity}` : null,
    f.year ? `${L.year}: ${f.year}` : null,
  ].filter((x): x is string => x !== null);
  const extra: Field[] = [
    { label: L.filters, value: filters.length ? filters.join(' · ') : L.allVisible, fmt: 'wrap' },
    { label: L.tranches, value: count, fmt: 'integer' },
    { label: L.dataHash, value: dataHash },
  ];
  await writeSheet(book, metadataSheet(book, title, d.meta, extra));
  return { dataHash, tranches: count };
}

/** Consecutive tranches of one agreement, as one list: carry is accounted within an agreement. */
async function* byAgreement(tranches: PortfolioReportData['tranches']): AsyncGenerator<PortfolioTranche[]> {
  let current: PortfolioTranche[] = [];
  for await (const t of tranches) {
    if (current.length && current[0]!.agreementId !== t.agreementId) {
      yield current;
      current = [];
    }
    current.push(t);
  }
  if (current.length) yield current;
}

const fingerprint = (l: PortfolioLine) => [
  l.agreementCode, l.periodCode, l.kind, l.status, l.plannedDate, l.amount, l.carriedIn, l.verifiedAmount, l.transferredAmount,
  l.transferredOn, l.cancelledAmount, l.notPaid, l.carriedOver, l.pending,
];

function totalsSheet(L: Labels, name: string, title: string, subtitle: string, keyHeaders: string[], totals: PortfolioTotals) {
  const { groups, total } = totals.rows();
  const columns: Column[] = [
    ...keyHeaders.map((header): Column => ({ header, fmt: 'text' })),
    { header: L.agreements, fmt: 'integer' },
    { header: L.tranches, fmt: 'integer' },
    { header: L.programmed, fmt: 'money' },
    { header: L.carriedIn, fmt: 'money' },
    { header: L.transferred, fmt: 'money' },
    { header: L.cancelled, fmt: 'money' },
    { header: L.notPaid, fmt: 'money' },
    { header: L.carriedOver, fmt: 'money' },
    { header: L.pending, fmt: 'money' },
  ];
  const row = (g: GroupTotal, key: Cell[]): Cell[] => [
    ...key, g.agreements, g.tranches, soles(g.money.amount), soles(g.money.carriedIn), soles(g.money.transferredAmount),
    soles(g.money.cancelledAmount), soles(g.money.notPaid), soles(g.money.carriedOver), soles(g.money.pending),
  ];
  return {
    name,
    title,
    subtitle,
    notes: [L.portfolioNote],
    blocks: [{
      kind: 'table' as const,
      filter: true,
      columns,
      rows: groups.map((g) => row(g, g.key)),
      empty: L.noRows,
      total: () => new StrongRow(row(total, [L.total, ...keyHeaders.slice(1).map(() => null)])),
    }],
  };
}
