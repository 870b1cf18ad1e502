// Previous/next page links for paginated lists.
import type { ListPage } from "../../src/archive/model.ts";

export function Pager({ page }: { page: ListPage }) {
  if (page.pageCount < 2) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {page.previousUrl ? <a href={page.previousUrl} rel="prev">← Newer</a> : <span />}
      <span>
        Page {page.pageNumber} of {page.pageCount}
      </span>
      {page.nextUrl ? <a href={page.nextUrl} rel="next">Older →</a> : <span />}
    </nav>
  );
}
