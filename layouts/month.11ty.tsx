// Month archive: every article of one month, newest first.
import type { MonthArchive } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { count, monthName } from "./components/format.ts";
import { JsonLd } from "./components/JsonLd.tsx";
import { Page } from "./components/Page.tsx";
import { breadcrumbList, monthTrail } from "./components/structured-data.ts";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"month", MonthArchive>;

export const data = onePagePer("pages.months", "month");

export function render({ archive, month }: Data) {
  const title = `${monthName(month.month)} ${month.year}`;
  return (
    <Page
      archive={archive}
      years
      url={month.url}
      title={title}
      description={`${count(month.articles.length, "article")} published in ${title}.`}
      head={<JsonLd data={breadcrumbList(archive, monthTrail(archive, month))} />}
    >
      <p class="breadcrumb">
        <a href={month.yearUrl}>{month.year}</a>
      </p>
      <h1>{title}</h1>
      <ArticleList articles={month.articles} />
    </Page>
  );
}
