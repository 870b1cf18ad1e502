// Authors index: every byline, with how much each has written.
import { count } from "./components/format.ts";
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-context.ts";

export const data = { permalink: "/authors/" };

export function render({ archive }: PageData) {
  return (
    <Page archive={archive} url="/authors/" title="Authors" description={`The ${count(archive.authors.length, "author")} of ${archive.site.title}.`}>
      <h1>Authors</h1>
      <ul class="index-list">
        {archive.authors.map((author) => (
          <li>
            <a href={author.url}>{author.name}</a> <span class="count">{count(author.articles.length, "article")}</span>
            {author.bio ? <p>{author.bio}</p> : null}
          </li>
        ))}
      </ul>
    </Page>
  );
}
