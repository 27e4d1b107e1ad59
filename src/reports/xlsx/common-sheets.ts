import { type Cell, isoDate, limaTime, decimal, soles } from './cell-values.js';
import { type Labels, statusLabel, territorialLabel } from './labels.js';
import type { ReportBook } from './report-book.js';
import type { AgreementBackground, IndicatorInfo, ReportMeta, VerificationMeta } from './report-data.js';
import type { Block, Field, SheetSpec } from './report-sheet.js';

export const yesNo = (L: Labels, v: boolean | null | undefined): string | null => (v === null || v === undefined ? null : v ? L.yes : L.no);
export const kindLabel = (L: Labels, kind: 'FIXED' | 'VARIABLE'): string => (kind === 'FIXED' ? L.kindFixed : L.kindVariable);
export const ruleLabel = (L: Labels, rule: 'ALL_OR_NOTHING' | 'PER_PROCESS'): string =>
  rule === 'PER_PROCESS' ? L.rulePerProcess : L.ruleAllOrNothing;

/** "CAP-2010-EUROPAN-AYA · Año 2031 · Gobierno Regional de Ayacucho" */
export const verificationSubtitle = (b: AgreementBackground, meta: VerificationMeta): string =>
  `${b.code} · ${meta.tranche.periodName} · ${b.entity}`;

/** Antecedentes: the agreement as signed, its versions and its schedule of tranches (and its indicators). */
/**
 * Resumen, the first sheet of both verification reports: which agreement, whose, which tranche;
 * then `figures` (what the tranche's kind decides on); then where it stands and who verified it
 * under which version; the engine's explanation below.
 */
export function summarySheet(
  book: ReportBook, title: string, subtitle: string, b: AgreementBackground, meta: VerificationMeta, figures: Field[], explanation: string,
): SheetSpec {
  const L = book.labels;
  const t = meta.tranche;
  return {
    name: L.sheetSummary,
    title,
    subtitle,
    notes: [L.frozenNote],
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: L.agreement, value: b.code },
          { label: L.agreementTitle, value: b.title, fmt: 'wrap' },
          { label: L.entity, value: b.entity },
          { label: L.fundingProgram, value: b.fundingProgram },
          { label: L.donor, value: b.donor },
          { label: L.period, value: t.periodName },
          { label: L.tranche, value: kindLabel(L, t.kind) },
          ...figures,
          { label: L.trancheStatus, value: statusLabel(book.lang, t.status) },
          { label: L.verifiedAt, value: limaTime(t.verifiedAt), fmt: 'datetime' },
          { label: L.verifiedBy, value: t.verifiedBy },
          { label: L.agreementVersion, value: t.verifiedVersion, fmt: 'integer' },
        ],
      },
      { kind: 'text', paragraphs: [{ label: L.explanation, text: explanation }] },
    ],
  };
}

export function backgroundSheet(book: ReportBook, title: string, subtitle: string, b: AgreementBackground, indicators?: IndicatorInfo[]): SheetSpec {
  const L = book.labels;
  const lang = book.lang;
  const blocks: Block[] = [
    {
      kind: 'fields',
      caption: L.agreementCaption,
      fields: [
        { label: L.agreement, value: b.code },
        { label: L.agreementTitle, value: b.title, fmt: 'wrap' },
        { label: L.agreementNumber, value: b.number },
        { label: L.signedOn, value: isoDate(b.signedOn), fmt: 'date' },
        { label: L.startsOn, value: isoDate(b.startsOn), fmt: 'date' },
        { label: L.endsOn, value: isoDate(b.endsOn), fmt: 'date' },
        { label: L.agreementStatus, value: statusLabel(lang, b.status) },
        { label: L.entity, value: b.entity },
        { label: L.fundingProgram, value: b.fundingProgram },
        { label: L.donor, value: b.donor },
        { label: L.verifierEntity, value: b.verifier ?? L.none },
        { label: L.maxAmount, value: soles(b.maxAmount), fmt: 'money' },
        { label: L.fixedRule, value: ruleLabel(L, b.fixedTrancheRule) },
        { label: L.carryOver, value: yesNo(L, b.allowCarryOver) },
        { label: L.correctionDays, value: b.correctionDays, fmt: 'integer' },
        { label: L.currentVersion, value: b.currentVersion, fmt: 'integer' },
      ],
    },
    {
      kind: 'table',
      caption: L.versionsCaption,
      columns: [
        { header: L.version, fmt: 'integer' },
        { header: L.effectiveFrom, fmt: 'date' },
        { header: L.reason, fmt: 'wrap' },
        { header: L.recordedAt, fmt: 'datetime' },
      ],
      rows: b.versions.map((v) => [v.version, isoDate(v.effectiveFrom), v.reason, limaTime(v.recordedAt)]),
      empty: L.noRows,
    },
    {
      kind: 'table',
      caption: L.scheduleCaption,
      columns: [
        { header: L.period, fmt: 'text' },
        { header: L.tranche, fmt: 'text' },
        { header: L.programmedAmount, fmt: 'money' },
        { header: L.plannedDate, fmt: 'date' },
        { header: L.trancheStatus, fmt: 'text' },
        { header: L.verifiedAmount, fmt: 'money' },
        { header: L.transferredAmount, fmt: 'money' },
        { header: L.transferDate, fmt: 'date' },
      ],
      rows: b.schedule.map((s): Cell[] => [
        s.periodName, kindLabel(L, s.kind), soles(s.amount), isoDate(s.plannedDate), statusLabel(lang, s.status),
        soles(s.verifiedAmount), soles(s.transferredAmount), isoDate(s.transferredOn),
      ]),
    },
  ];
  if (indicators) {
    blocks.push({
      kind: 'table',
      caption: L.indicatorsCaption,
      columns: [
        { header: L.code, fmt: 'text' },
        { header: L.indicator, fmt: 'wrap' },
        { header: L.indicatorKind, fmt: 'text' },
        { header: L.unit, fmt: 'text' },
        { header: L.direction, fmt: 'text' },
        { header: L.baseline, fmt: 'number' },
        { header: L.baselineYear, fmt: 'text' },
        { header: L.source, fmt: 'text' },
        { header: L.territorialLevel, fmt: 'text' },
        { header: L.weight, fmt: 'percent' },
      ],
      rows: indicators.map((i): Cell[] => [
        i.code, i.name, i.kind === 'RESULT' ? L.kindResult : L.kindOutput, i.unit, i.direction === 'INCREASE' ? L.increase : L.decrease,
        decimal(i.baseline), String(i.baselineYear), i.source, territorialLabel(lang, i.territorialLevel), decimal(i.weight),
      ]),
    });
  }
  return { name: L.sheetBackground, title, subtitle, blocks };
}

const TYPE_LABEL = { FIXED_VERIFICATION: 'reportFixed', VARIABLE_VERIFICATION: 'reportVariable', PORTFOLIO: 'reportPortfolio' } as const;

/** Metadatos: who asked for what, when, and what the figures rest on. */
export function metadataSheet(book: ReportBook, title: string, meta: ReportMeta, extra: Field[]): SheetSpec {
  const L = book.labels;
  return {
    name: L.sheetMetadata,
    title,
    blocks: [{
      kind: 'fields',
      fields: [
        { label: L.reportId, value: meta.reportId },
        { label: L.reportType, value: L[TYPE_LABEL[meta.type]] },
        { label: L.language, value: `${L.languageName} (${book.lang})` },
        { label: L.generatedAt, value: limaTime(meta.generatedAt), fmt: 'datetime' },
        { label: L.requestedBy, value: `${meta.requester.name} <${meta.requester.email}> (${meta.requester.role})` },
        ...extra,
        { label: L.generator, value: 'Tramos' },
      ],
    }],
  };
}

/** The fields every verification report's metadata adds: agreement, version, tranche, engine hash. */
export function verificationMetadata(L: Labels, b: AgreementBackground, meta: VerificationMeta): Field[] {
  const t = meta.tranche;
  return [
    { label: L.agreement, value: b.code },
    { label: L.agreementVersion, value: t.verifiedVersion, fmt: 'integer' },
    { label: L.trancheId, value: t.id },
    { label: L.period, value: t.periodName },
    { label: L.verifiedAt, value: limaTime(t.verifiedAt), fmt: 'datetime' },
    { label: L.verifiedBy, value: t.verifiedBy },
    { label: L.inputHash, value: t.inputHash },
    { label: L.figures, value: L.frozenNote, fmt: 'wrap' },
  ];
}
