// Problems are values with a place: every stage collects them, and the edge (a CLI command)
// decides whether to stop. Hand-written rather than vfile-reporter because editors are
// promised one line per problem in the form `path:line:column  message  (how to fix)`.
import { relative } from "node:path";

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Path of the file, as given to the loader (absolute or relative). */
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What the editor should do about it. */
  fix: string;
  /** A stable id for the kind of problem, for tests and for filtering. */
  rule: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(problem: Problem): void {
    this.list.push(problem);
  }

  error(file: string, rule: string, message: string, fix: string, at: Place = {}): void {
    this.add({ severity: "error", file, rule, message, fix, ...at });
  }

  warn(file: string, rule: string, message: string, fix: string, at: Place = {}): void {
    this.add({ severity: "warning", file, rule, message, fix, ...at });
  }

  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === "error");
  }
}

export interface Place {
  line?: number;
  column?: number;
}

/** Thrown at the edge when content has errors; carries every problem, not just the first. */
export class ContentError extends Error {
  constructor(
    readonly problems: Problem[],
    cwd = process.cwd(),
  ) {
    super(formatReport(problems, cwd));
    this.name = "ContentError";
  }
}

export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  const file = relative(cwd, problem.file) || problem.file;
  const place = [file, problem.line, problem.line ? (problem.column ?? 1) : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  return `${place}  ${problem.message}  (${problem.fix})`;
}

/** How many warnings of one rule a build or the preview lists; `npm run check` lists all. */
export const BUILD_REPORT: ReportOptions = { warningsPerRule: 10 };

export interface ReportOptions {
  /**
   * At most this many warnings of one rule are listed; the rest are counted, with the files
   * they are in. The build and the preview pass one, so that an archive's thousands of hints
   * do not bury its errors; `npm run check` lists everything.
   */
  warningsPerRule?: number;
}

export function formatReport(
  problems: Problem[],
  cwd = process.cwd(),
  { warningsPerRule = Infinity }: ReportOptions = {},
): string {
  const sorted = [...problems].sort(byPlace);
  const errors = sorted.filter((p) => p.severity === "error");
  const warnings = sorted.filter((p) => p.severity === "warning");
  const listed = (p: Problem) => `  ${formatProblem(p, cwd)}`;
  const sections: string[] = [];
  if (errors.length) sections.push(["Errors:", ...errors.map(listed)].join("\n"));
  if (warnings.length) {
    const { shown, unlisted } = limitPerRule(warnings, warningsPerRule);
    sections.push(["Warnings:", ...shown.map(listed), ...unlisted].join("\n"));
  }
  sections.push(`${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`);
  return sections.join("\n\n");
}

/** The first `limit` problems of each rule, and a line for each rule's rest. */
function limitPerRule(
  problems: Problem[],
  limit: number,
): { shown: Problem[]; unlisted: string[] } {
  const seen = new Map<string, number>();
  const rest = new Map<string, { count: number; files: Set<string> }>();
  const shown = problems.filter((problem) => {
    const count = (seen.get(problem.rule) ?? 0) + 1;
    seen.set(problem.rule, count);
    if (count <= limit) return true;
    const more = rest.get(problem.rule) ?? { count: 0, files: new Set<string>() };
    more.count++;
    more.files.add(problem.file);
    rest.set(problem.rule, more);
    return false;
  });
  const unlisted = [...rest].map(
    ([rule, { count, files }]) =>
      `  …and ${plural(count, "more warning")} of the kind "${rule}" in ` +
      `${plural(files.size, "file")}: \`npm run check\` lists them all`,
  );
  return { shown, unlisted };
}

function byPlace(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? noun : nouns}`;
}

/** What went wrong with a file operation, in a few words: its error code when it has one. */
export function errorReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
}
