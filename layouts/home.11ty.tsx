// Home: the latest articles, newest first, paginated at `/`, `/page/2/`, …
import type { ListPage } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { Page } from "./components/Page.tsx";
import { Pager } from "./components/Pager.tsx";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"listPage", ListPage>;

export const data = onePagePer("pages.homePages", "listPage");

export function render({ archive, listPage }: Data) {
  const title = listPage.pageNumber > 1 ? `Latest articles, page ${listPage.pageNumber}` : undefined;
  return (
    <Page archive={archive} years url={listPage.url} title={title}>
      <h1 class={listPage.pageNumber > 1 ? undefined : "visually-hidden"}>{title ?? "Latest articles"}</h1>
      {listPage.articles.length ? <ArticleList articles={listPage.articles} lead={listPage.pageNumber === 1} /> : <p>No articles have been published yet.</p>}
      <Pager page={listPage} />
    </Page>
  );
}
