// The page numbers of every paginated list (home, month, author and entity pages, the entities
// index): first, previous, a few numbers around the current page with ellipses for gaps, next
// and last. Only what leads somewhere is a link; the current page is marked for assistive
// technology.
import type { Paged, PageSlot } from "../../src/archive/model.ts";

/** What the previous and next steps say: "Newer" and "Older" in lists of articles. */
export interface StepWords {
  previous: string;
  next: string;
}

const BY_DATE: StepWords = { previous: "Newer", next: "Older" };

export function Pager(props: { page: Paged; label?: string; words?: StepWords }) {
  const { page, label = "Pages", words = BY_DATE } = props;
  if (page.pageCount < 2) return null;
  const first = page.pageNumber > 1;
  const last = page.pageNumber < page.pageCount;
  return (
    <nav class="pager" aria-label={label}>
      <ul class="pager-list">
        <li class="pager-step">
          <Step href={first ? page.firstUrl : undefined} text="First" before="«" />
        </li>
        <li class="pager-step">
          <Step href={page.previousUrl} rel="prev" text={words.previous} before="‹" />
        </li>
        {page.slots.map((slot) => (
          <li>
            <Slot slot={slot} current={page.pageNumber} />
          </li>
        ))}
        <li class="pager-step">
          <Step href={page.nextUrl} rel="next" text={words.next} after="›" />
        </li>
        <li class="pager-step">
          <Step href={last ? page.lastUrl : undefined} text="Last" after="»" />
        </li>
      </ul>
    </nav>
  );
}

interface StepProps {
  href: string | undefined;
  rel?: string;
  text: string;
  /** An arrow, shown and not read out. */
  before?: string;
  after?: string;
}

/** A step (first, newer, older, last): a link, or dimmed text where it leads nowhere. */
function Step({ href, rel, text, before, after }: StepProps) {
  const content = (
    <>
      {before ? <span aria-hidden="true">{before} </span> : null}
      {text}
      {after ? <span aria-hidden="true"> {after}</span> : null}
    </>
  );
  if (!href) return <span class="pager-off">{content}</span>;
  return (
    <a href={href} rel={rel}>
      {content}
    </a>
  );
}

function Slot({ slot, current }: { slot: PageSlot; current: number }) {
  if ("gap" in slot) return <span class="pager-gap">…</span>;
  const number = slot.pageNumber.toLocaleString("en");
  if (slot.pageNumber === current) {
    return (
      <span class="pager-current" aria-current="page">
        <span class="visually-hidden">Page </span>
        {number}
      </span>
    );
  }
  return (
    <a href={slot.url}>
      <span class="visually-hidden">Page </span>
      {number}
    </a>
  );
}
