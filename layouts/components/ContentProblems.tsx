// The dev server's error banner: every content error, over every page, until it is fixed.
// Styled by src/preview/preview.css, which only the preview serves: a build with an error
// publishes nothing, so no built page has the banner or its style.
import type { Problem } from "../../src/content/problems.ts";

export function ContentProblems({ problems }: { problems: readonly Problem[] }) {
  if (!problems.length) return null;
  const one = problems.length === 1;
  return (
    <section class="content-problems" role="alert" aria-labelledby="content-problems-title">
      <h2 id="content-problems-title">
        {one ? "1 content error" : `${problems.length} content errors`}:{" "}
        fix {one ? "it" : "them"} and this page reloads
      </h2>
      <ol>
        {problems.map((problem) => (
          <li>
            <code class="content-problem-place">{place(problem)}</code>{" "}
            <span class="content-problem-message">{problem.message}</span>{" "}
            <span class="content-problem-fix">({problem.fix})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** `file:line:column`, as editors and terminals turn into a link to the place. */
function place(problem: Problem): string {
  return problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
}
