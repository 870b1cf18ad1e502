// "By A, B and C", each name linking to the author's page.
import type { AuthorRef } from "../../src/archive/model.ts";

export function Byline({ authors, linked = true }: { authors: readonly AuthorRef[]; linked?: boolean }) {
  return (
    <span class="byline">
      By{" "}
      {authors.map((author, i) => (
        <>
          {i > 0 ? (i === authors.length - 1 ? " and " : ", ") : null}
          {linked ? (
            <a href={author.url} rel="author">
              {author.name}
            </a>
          ) : (
            author.name
          )}
        </>
      ))}
    </span>
  );
}
