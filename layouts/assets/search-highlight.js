// Article pages opened from search results (`?highlight=word`): the searched words are marked
// in the article by Pagefind's highlight script, the same file in every search shard, published
// once at /pagefind/pagefind-highlight.js (src/search/index-shards.ts). Only an address with
// `highlight` loads it (44 kB), so a reader arriving otherwise pays nothing.
const HIGHLIGHT_PARAM = "highlight";

if (new URLSearchParams(window.location.search).has(HIGHLIGHT_PARAM)) {
  import("/pagefind/pagefind-highlight.js")
    .then(({ default: PagefindHighlight }) => {
      new PagefindHighlight({
        highlightParam: HIGHLIGHT_PARAM,
        markContext: "[data-pagefind-body]",
        addStyles: false,
      });
    })
    .catch(() => {}); // no highlight is no loss: the article is there
}
