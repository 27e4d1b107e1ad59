export interface ComplianceInputProblem {
  /** Path of the offending field in the input as given, e.g. `indicators[2].weight`. */
  field: string;
  /** What is wrong, in Spanish, naming the code of the item when there is one. */
  problem: string;
}

/**
 * The engine refuses to compute on inputs it cannot read unambiguously. It lists every
 * problem at once so that whoever fixes the agreement does it in one pass.
 */
export class ComplianceInputError extends Error {
  readonly problems: ComplianceInputProblem[];

  constructor(problems: ComplianceInputProblem[]) {
    const count = problems.length;
    const first = problems[0];
    super(
      `Datos de cumplimiento no válidos (${count} ${count === 1 ? 'problema' : 'problemas'})` +
        (first ? `: ${first.field}: ${first.problem}` : ''),
    );
    this.name = 'ComplianceInputError';
    this.problems = problems;
  }
}

/** Where readers report problems. */
export interface ProblemSink {
  add(field: string, problem: string): void;
}

/** Collects problems while validating and throws them together at the end. */
export class ProblemList implements ProblemSink {
  private readonly problems: ComplianceInputProblem[] = [];

  add(field: string, problem: string): void {
    this.problems.push({ field, problem });
  }

  get count(): number {
    return this.problems.length;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ComplianceInputError(this.problems);
  }
}

/** A sink that throws at the first problem: for single values on a hot path, where building a list would be waste. */
export const THROW_AT_ONCE: ProblemSink = {
  add(field: string, problem: string): void {
    throw new ComplianceInputError([{ field, problem }]);
  },
};
