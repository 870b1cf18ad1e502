// Withdrawn: a URL the archive once published and took down on purpose (site.yaml
// `withdrawn`) says so, with the date, instead of answering "not found".
import type { WithdrawnPage } from "../src/archive/model.ts";
import { fileForUrl } from "../src/content/paths.ts";
import { DateTime } from "./components/DateTime.tsx";
import { Page } from "./components/Page.tsx";
import type { PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"withdrawn", WithdrawnPage>;

export const data = {
  pagination: { data: "pages.withdrawn", size: 1, alias: "withdrawn" },
  permalink: (page: Data) => `/${fileForUrl(page.withdrawn.url)}`,
};

export function render({ archive, withdrawn }: Data) {
  return (
    <Page archive={archive} url={withdrawn.url} title="Withdrawn" head={<meta name="robots" content="noindex" />}>
      <h1>This page was withdrawn</h1>
      <p class="lede">
        What was published here was withdrawn on <DateTime date={withdrawn.date} />.
      </p>
      {withdrawn.reason ? <p>{withdrawn.reason}</p> : null}
      <p>
        Start from the <a href="/">latest articles</a> or <a href="/search/">search the archive</a>.
      </p>
    </Page>
  );
}
