// Month archive: the month's articles, newest first, paginated at `/YYYY/MM/`,
// `/YYYY/MM/page/2/`, …, with links to the nearest months with articles.
import type { MonthArchive } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { DateNeighbours } from "./components/DateNeighbours.tsx";
import { count, monthName } from "./components/format.ts";
import { JsonLd } from "./components/JsonLd.tsx";
import { Page } from "./components/Page.tsx";
import { Pager } from "./components/Pager.tsx";
import { breadcrumbList, monthTrail } from "./components/structured-data.ts";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"month", MonthArchive>;

export const data = onePagePer("pages.months", "month");

export function render({ archive, month }: Data) {
  const name = `${monthName(month.month)} ${month.year}`;
  const title = month.pageNumber > 1 ? `${name}, page ${month.pageNumber}` : name;
  return (
    <Page
      archive={archive}
      years
      url={month.url}
      title={title}
      description={`${count(month.articleCount, "article")} published in ${name}.`}
      head={<JsonLd data={breadcrumbList(archive, monthTrail(archive, month))} />}
    >
      <p class="breadcrumb">
        <a href={month.yearUrl}>{month.year}</a>
      </p>
      <h1>{title}</h1>
      <ArticleList articles={month.articles} />
      <Pager page={month} />
      <DateNeighbours previous={month.previous} next={month.next} label="Other months" />
    </Page>
  );
}
