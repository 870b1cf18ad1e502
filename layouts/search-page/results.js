// The search page's results: headline, date, byline and excerpt, all as text but the
// excerpt's marks, and the count line that a screen reader announces.
import { FACET_KEY, facetValue } from "./address.js";
import { element } from "./dom.js";

/**
 * Results shown at a time, as Pagefind's own interface does: each needs its fragment (a request
 * of 2 to 3 kB), and a first search on a fresh visit is to stay within 20 requests (README).
 */
export const PAGE_SIZE = 5;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** "12 results for “x”", and which years they are from while some shards are unsearched. */
export function statusLine(search, state) {
  const total = search.results.length;
  const count = total === 1 ? "1 result" : `${total.toLocaleString("en")} results`;
  const line = state.q ? `${count} for “${state.q}”` : count;
  const last = search.searched.at(-1);
  if (search.complete || !last) return line;
  if (state.sort === "date:asc") {
    return `${line} until ${last.to}; later years are searched as you show more`;
  }
  return `${line} since ${last.from}; earlier years are searched as you show more`;
}

export function resultItem(item) {
  const li = element("li", { class: "search-result" });
  const thumbnail = thumbnailOf(item.meta?.image);
  if (thumbnail) li.append(thumbnail);
  const heading = element("h2");
  heading.append(element("a", { href: item.url }, item.meta?.title ?? item.url));
  li.append(heading);
  const meta = element("p", { class: "meta" });
  const date = item.meta?.date;
  if (date) meta.append(element("time", { datetime: date }, readableDate(date)));
  const prefix = facetValue("author", "");
  const authors = (item.filters?.[FACET_KEY] ?? [])
    .filter((value) => value.startsWith(prefix))
    .map((value) => value.slice(prefix.length));
  if (authors.length) meta.append(`${date ? " · " : ""}By ${authors.join(", ")}`);
  li.append(meta, excerpt(item.excerpt ?? ""));
  return li;
}

/**
 * The article's image as a thumbnail, as the lists show it: the narrowest variant the build
 * made (layouts/article.11ty.tsx gives it to the index). Only an image of the site's own: a
 * search never asks another host for anything. Decorative: the headline says what it is.
 */
function thumbnailOf(src) {
  if (typeof src !== "string" || !src.startsWith("/") || src.startsWith("//")) return undefined;
  const attributes = { class: "search-result-thumb", src, alt: "", loading: "lazy" };
  return element("img", { ...attributes, decoding: "async" });
}

/** Pagefind's excerpt is escaped text with <mark> around matches: keep the marks, nothing else. */
function excerpt(html) {
  const paragraph = element("p", { class: "summary" });
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  for (const node of parsed.body.firstChild?.childNodes ?? []) {
    const text = node.textContent ?? "";
    paragraph.append(node.nodeName === "MARK" ? element("mark", {}, text) : text);
  }
  return paragraph;
}

function readableDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return month && day ? `${day} ${MONTHS[month - 1]} ${year}` : iso;
}
