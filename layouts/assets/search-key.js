// Every page: `/` focuses the search box (the masthead's, or the search page's own), as on
// most sites with search, unless the reader is typing somewhere or holds a modifier key.
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const typing = (node) => node.isContentEditable || node.closest("input, textarea, select");
  if (target instanceof HTMLElement && typing(target)) return;
  const box = document.querySelector("[data-search-shortcut]");
  if (!(box instanceof HTMLInputElement)) return;
  event.preventDefault();
  box.focus();
  box.select();
});
