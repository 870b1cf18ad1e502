// A page of an entity's or author's articles under a heading per year, with jump links to
// each year (which may begin on another page of the list).
import type { Article, YearCount } from "../../src/archive/model.ts";
import { yearAnchor } from "../../src/archive/entity-pages.ts";
import { ArticleList } from "./ArticleList.tsx";

/** Jump links to each year's articles; a year on this page is a fragment of it. */
export function YearLinks({
  years,
  page,
}: {
  years: readonly (YearCount & { url: string })[];
  page: string;
}) {
  if (years.length < 2) return null;
  const href = (url: string) => (url.startsWith(`${page}#`) ? url.slice(page.length) : url);
  return (
    <nav aria-label="Years" class="year-links">
      <ul class="inline-list">
        {years.map((year) => (
          <li>
            <a href={href(year.url)}>{year.year}</a>{" "}
            <span class="count">{year.count.toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page's articles under a heading per year; a year begun on an earlier page goes on. */
export function ArticlesByYear({ articles }: { articles: readonly Article[] }) {
  const groups: { year: number; articles: Article[] }[] = [];
  for (const article of articles) {
    const group = groups.at(-1);
    if (group?.year === article.date.year) group.articles.push(article);
    else groups.push({ year: article.date.year, articles: [article] });
  }
  return (
    <>
      {groups.map((group) => (
        <section aria-labelledby={yearAnchor(group.year)}>
          <h3 id={yearAnchor(group.year)}>{group.year}</h3>
          <ArticleList articles={group.articles} headingLevel={4} />
        </section>
      ))}
    </>
  );
}
