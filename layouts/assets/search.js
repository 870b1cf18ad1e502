// Starts Pagefind's search UI and runs the query in the address (`/search/?q=…`), keeping the
// address in step with what the reader types so that a search can be shared or bookmarked.
(function () {
  var container = document.querySelector("[data-search-ui]");
  var form = document.querySelector("[data-search-form]");
  if (!container || typeof PagefindUI === "undefined") return;
  if (form) form.hidden = true;
  var ui = new PagefindUI({ element: container, showSubResults: true, showImages: false, resetStyles: false, autofocus: true });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
  container.addEventListener("input", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== "text") return;
    var url = new URL(window.location.href);
    if (target.value) url.searchParams.set("q", target.value);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  });
})();
