// The entities index: every person, organisation, place, event, work and topic, grouped by
// type, by name at /entities/ (each type by first letter) and by number of articles at
// /entities/by-count/ (each type in bands of counts), a few hundred names a page (…/page/2/),
// with jump links on every page to each type, letter and band on whichever page it starts.
import type { EntityIndexPage } from "../src/archive/model.ts";
import { IndexGroup, IndexJumps, pageRange } from "./components/EntityIndex.tsx";
import { Page } from "./components/Page.tsx";
import { Pager } from "./components/Pager.tsx";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"indexPage", EntityIndexPage>;

export const data = onePagePer("pages.entityIndexPages", "indexPage");

const HEADINGS = {
  name: "People, organisations, places and topics",
  count: "Most mentioned people, organisations, places and topics",
};

export function render({ archive, indexPage }: Data) {
  const { order, pageNumber, pageCount } = indexPage;
  const heading = HEADINGS[order];
  const title = pageNumber > 1 ? `${heading}, page ${pageNumber}` : heading;
  const description =
    order === "name"
      ? `The people, organisations, places and events in ${archive.site.title}, A–Z.`
      : `The people, organisations, places and events ${archive.site.title} covers most.`;
  return (
    <Page archive={archive} url={indexPage.url} title={title} description={description}>
      <h1>{title}</h1>
      <p class="index-order">
        {order === "name" ? (
          <>
            A–Z · <a href={indexPage.otherUrl}>Most mentioned first</a>
          </>
        ) : (
          <>
            Most mentioned first · <a href={indexPage.otherUrl}>A–Z</a>
          </>
        )}
      </p>
      <IndexJumps page={indexPage} />
      {pageCount > 1 ? (
        <p class="index-range">
          Page {pageNumber} of {pageCount}: {pageRange(indexPage)}
        </p>
      ) : null}
      {indexPage.groups.length ? null : <p>No article names anyone or anything yet.</p>}
      {indexPage.groups.map((group) => (
        <IndexGroup group={group} />
      ))}
      <Pager
        page={indexPage}
        label="Pages of the index"
        words={{ previous: "Previous", next: "Next" }}
      />
    </Page>
  );
}
