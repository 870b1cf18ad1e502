// Corrections: every correction of a published article, newest first, with its feed.
import { CORRECTIONS_FEED_URL, CORRECTIONS_URL } from "../src/archive/pages.ts";
import { DateTime } from "./components/DateTime.tsx";
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-context.ts";

export const data = { permalink: CORRECTIONS_URL };

export function render({ archive }: PageData) {
  const feed = { url: CORRECTIONS_FEED_URL, title: `${archive.site.title}: corrections (Atom)` };
  return (
    <Page
      archive={archive}
      url={CORRECTIONS_URL}
      title="Corrections"
      description={`Every correction published by ${archive.site.title}, newest first.`}
      feed={feed}
    >
      <h1>Corrections</h1>
      <p class="lede">
        Every correction to an article, newest first. <a href={CORRECTIONS_FEED_URL}>Atom feed</a>
      </p>
      {archive.corrections.length ? (
        <ul class="corrections-list">
          {archive.corrections.map((correction) => (
            <li>
              <p class="meta">
                <DateTime date={correction.date} />
              </p>
              <p>
                <a href={`${correction.article.url}#${correction.anchor}`}>
                  {correction.article.title}
                </a>
                : {correction.text}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No article has been corrected.</p>
      )}
    </Page>
  );
}
