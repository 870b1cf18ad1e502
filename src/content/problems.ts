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
  constructor(readonly problems: Problem[], cwd = process.cwd()) {
    super(formatReport(problems, cwd));
    this.name = "ContentError";
  }
}

export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  const file = relative(cwd, problem.file) || problem.file;
  const place = [file, problem.line, problem.line ? problem.column ?? 1 : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  return `${place}  ${problem.message}  (${problem.fix})`;
}

export function formatReport(problems: Problem[], cwd = process.cwd()): string {
  const sorted = [...problems].sort(byPlace);
  const errors = sorted.filter((p) => p.severity === "error");
  const warnings = sorted.filter((p) => p.severity === "warning");
  const sections: string[] = [];
  if (errors.length) sections.push(["Errors:", ...errors.map((p) => `  ${formatProblem(p, cwd)}`)].join("\n"));
  if (warnings.length) sections.push(["Warnings:", ...warnings.map((p) => `  ${formatProblem(p, cwd)}`)].join("\n"));
  sections.push(`${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`);
  return sections.join("\n\n");
}

function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? noun : nouns}`;
}

/** What went wrong with a file operation, in a few words: its error code when it has one. */
export function errorReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
}
