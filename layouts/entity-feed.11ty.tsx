// Each entity's Atom feed, beside its page: /entities/<slug>/feed.xml.
import { type SubjectFeed, subjectAtomFeed } from "../src/feeds/feeds.ts";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"feed", SubjectFeed>;

export const data = onePagePer("pages.entityFeeds", "feed");

export function render({ archive, feed }: Data): string {
  return subjectAtomFeed(archive, feed);
}
