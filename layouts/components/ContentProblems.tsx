// The dev server's error page: every content error, over every page, until it is fixed.
import type { Problem } from "../../src/content/problems.ts";

export function ContentProblems({ problems }: { problems: readonly Problem[] }) {
  if (!problems.length) return null;
  return (
    <section class="content-problems" role="alert" aria-labelledby="content-problems-title">
      <h2 id="content-problems-title">
        {problems.length === 1 ? "1 content error" : `${problems.length} content errors`}: fix {problems.length === 1 ? "it" : "them"} and this page reloads
      </h2>
      <ul>
        {problems.map((problem) => (
          <li>
            <code>
              {problem.file}
              {problem.line ? `:${problem.line}:${problem.column ?? 1}` : ""}
            </code>{" "}
            {problem.message} <em>({problem.fix})</em>
          </li>
        ))}
      </ul>
    </section>
  );
}
