// Article pages opened from search results (`?highlight=word`): the searched words are marked
// in the article by Pagefind's highlight script, from the article's own search shard. Only an
// address with `highlight` loads it (44 kB), so a reader arriving otherwise pays nothing.
const HIGHLIGHT_PARAM = "highlight";

const script = document.querySelector("script[data-search-shard]");
const shard = script?.getAttribute("data-search-shard");
if (shard && new URLSearchParams(window.location.search).has(HIGHLIGHT_PARAM)) {
  import(`/pagefind/${encodeURIComponent(shard)}/pagefind-highlight.js`)
    .then(({ default: PagefindHighlight }) => {
      new PagefindHighlight({
        highlightParam: HIGHLIGHT_PARAM,
        markContext: "[data-pagefind-body]",
        addStyles: false,
      });
    })
    .catch(() => {}); // no highlight is no loss: the article is there
}
