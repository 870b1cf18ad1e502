// Home: the latest articles, newest first, paginated at `/`, `/page/2/`, …; the first page
// also shows "On this day": articles of the build's month and day in earlier years.
import type { HomePage, OnThisDay } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { formatDayMonth } from "./components/format.ts";
import { Page } from "./components/Page.tsx";
import { Pager } from "./components/Pager.tsx";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"listPage", HomePage>;

export const data = onePagePer("pages.homePages", "listPage");

export function render({ archive, listPage }: Data) {
  const title = listPage.pageNumber > 1 ? `Latest articles, page ${listPage.pageNumber}` : undefined;
  return (
    <Page archive={archive} years url={listPage.url} title={title}>
      <h1 class={listPage.pageNumber > 1 ? undefined : "visually-hidden"}>{title ?? "Latest articles"}</h1>
      {listPage.articles.length ? <ArticleList articles={listPage.articles} lead={listPage.pageNumber === 1} /> : <p>No articles have been published yet.</p>}
      <Pager page={listPage} />
      {listPage.onThisDay?.articles.length ? (
        <OnThisDaySection onThisDay={listPage.onThisDay} />
      ) : null}
    </Page>
  );
}

function OnThisDaySection({ onThisDay }: { onThisDay: OnThisDay }) {
  return (
    <section class="on-this-day" aria-labelledby="on-this-day">
      <h2 id="on-this-day">On this day, {formatDayMonth(onThisDay.day)}</h2>
      <ol>
        {onThisDay.articles.map((article) => (
          <li>
            <span class="year">{article.date.year}</span>
            <a href={article.url}>{article.title}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
