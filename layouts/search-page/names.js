// The names index (src/search/names.ts) on the search page: the one small file a query's first
// letter names, read once per letter, answering which entity or author a query names (by name
// or alias, case and accents ignored) and which names are closest to it by edit distance.
import { distance } from "fastest-levenshtein";
import { element } from "./dom.js";

/** How many names to suggest, and how far (in edits) a suggestion may be from the query. */
const SUGGESTIONS = 5;
export const maxEdits = (length) => (length < 5 ? 1 : length < 12 ? 2 : 3);

/** Case, accents and spacing folded, as src/search/names.ts folds them. */
export function foldName(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** As src/search/names.ts: FNV-1a of the first folded character, into a bucket. */
export function nameBucket(text, buckets) {
  const first = [...foldName(text)][0] ?? "";
  let hash = 0x811c9dc5;
  for (let i = 0; i < first.length; i++) {
    hash = Math.imul(hash ^ first.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** The names index of a site with `buckets` files; each file is fetched at most once. */
export function namesIndex(buckets) {
  const files = new Map();
  const read = (bucket) => {
    if (!files.has(bucket)) {
      const file = fetch(`/search/names/${bucket}.json`)
        .then((response) => (response.ok ? response.json() : []))
        .then((rows) => rows.map(([name, url, type, count, ...aliases]) => {
          return { name, url, type, count, aliases };
        }))
        .catch(() => []);
      files.set(bucket, file);
    }
    return files.get(bucket);
  };
  return {
    /**
     * What a query names: `named`, the entity or author whose name or alias it is (the one
     * with most articles), and `close`, the nearest other names within a few edits.
     */
    async lookup(query) {
      const folded = foldName(query);
      if (!folded || !buckets) return { named: undefined, close: [] };
      const entries = await read(nameBucket(folded, buckets));
      const spellings = (entry) => [entry.name, ...entry.aliases].map(foldName);
      const named = entries.find((entry) => spellings(entry).includes(folded));
      const limit = maxEdits(folded.length);
      const close = entries
        .filter((entry) => entry !== named)
        .map((entry) => ({ entry, edits: Math.min(...spellings(entry).map(nearness(folded))) }))
        .filter(({ edits }) => edits <= limit)
        .sort((a, b) => a.edits - b.edits || b.entry.count - a.entry.count)
        .slice(0, SUGGESTIONS)
        .map(({ entry }) => entry);
      return { named, close };
    },
  };
}

/** Edits between the query and a spelling, skipped for spellings of very different lengths. */
function nearness(folded) {
  return (spelling) => {
    if (Math.abs(spelling.length - folded.length) > 3) return Infinity;
    return distance(folded, spelling);
  };
}

/** A query that names nothing. */
export const NO_NAMES = { named: undefined, close: [] };
const TYPE_LABELS = {
  person: "Person",
  organization: "Organisation",
  place: "Place",
  event: "Event",
  work: "Work",
  topic: "Topic",
  author: "Author",
};

/**
 * Above the results: the card of the entity or author the query names, with its page, the
 * choice to keep it as a filter or to search the words instead; the closest names to the
 * query; and, when nothing is found, the headlines closest to its words (headlines.js) and where
 * to browse instead. Names and headlines are put on the page as text.
 */
export function showNames(namesBox, { named, close }, found, query, headlines = []) {
  const parts = [];
  if (named) parts.push(nameCard(named, query));
  if (close.length) {
    const line = element("p", { class: "search-suggest" }, "Did you mean ");
    close.forEach((entry, i) => {
      if (i > 0) line.append(i === close.length - 1 ? " or " : ", ");
      const link = element("a", { href: `?q=${encodeURIComponent(entry.name)}` }, entry.name);
      link.setAttribute("data-name-action", "suggest");
      link.setAttribute("data-name", entry.name);
      line.append(link, ` (${TYPE_LABELS[entry.type] ?? entry.type})`);
    });
    line.append("?");
    parts.push(line);
  }
  if (found === 0 && headlines.length) {
    const section = element("div", { class: "search-headlines" });
    section.append(element("p", {}, "Headlines with words close to yours:"));
    const list = element("ul");
    for (const { title, url } of headlines) {
      const item = element("li");
      item.append(element("a", { href: url }, title));
      list.append(item);
    }
    section.append(list);
    parts.push(section);
  }
  if (found === 0) {
    const line = element("p", { class: "search-browse" }, "Browse instead: ");
    const links = [["/", "latest articles"], ["/authors/", "authors"], ["/entities/", "entities"]];
    links.forEach(([href, text], i) => {
      if (i > 0) line.append(" · ");
      line.append(element("a", { href }, text));
    });
    parts.push(line);
  }
  namesBox.replaceChildren(...parts);
}

function nameCard(entry, query) {
  const card = element("div", { class: "search-name-card" });
  const title = element("p", { class: "search-name-title" });
  title.append(element("a", { href: entry.url }, entry.name));
  const articles = entry.count === 1 ? "1 article" : `${entry.count.toLocaleString("en")} articles`;
  const kind = `${TYPE_LABELS[entry.type]} · ${articles}`;
  title.append(" ", element("span", { class: "meta" }, kind));
  const group = entry.type === "author" ? "author" : "entity";
  const about = group === "author" ? `by ${entry.name}` : `about ${entry.name}`;
  const actions = element("p", {}, `Showing the articles ${about}. `);
  const button = (kind, text) => {
    const node = element("button", { type: "button", class: "link-button" }, text);
    node.setAttribute("data-name-action", kind);
    node.setAttribute("data-name", entry.name);
    node.setAttribute("data-name-group", group);
    return node;
  };
  actions.append(button("keep", `Keep ${entry.name} as a filter`), " · ");
  actions.append(button("words", `Search for the words “${query}” instead`));
  card.append(title, actions);
  return card;
}
