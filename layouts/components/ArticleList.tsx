// A list of articles as a newspaper's index shows them: headline, dateline, byline, summary.
import type { Article } from "../../src/archive/model.ts";
import { Byline } from "./Byline.tsx";
import { DateTime } from "./DateTime.tsx";
import { Picture } from "./Picture.tsx";

/** A thumbnail's width (site.css, .article-list-thumb). */
const THUMB_SIZES = "(min-width: 45rem) 8rem, 6rem";

/** `lead` sets the first article as the page's lead story (the front page); `compact` drops bylines and summaries. */
export function ArticleList({ articles, compact = false, lead = false, headingLevel = 2 }: { articles: readonly Article[]; compact?: boolean; lead?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const Heading = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  const className = ["article-list", compact ? "compact" : null, lead ? "lead" : null].filter(Boolean).join(" ");
  return (
    <ol class={className}>
      {articles.map((article) => (
        <li>
          <article>
            {/* No alt: the headline beside it says what the story is. */}
            {!compact && article.image?.responsive ? (
              <Picture
                image={article.image.responsive}
                alt=""
                sizes={THUMB_SIZES}
                lazy
                class="article-list-thumb"
              />
            ) : null}
            <Heading class="article-list-title">
              <a href={article.url}>{article.title}</a>
              {article.draft ? <span class="draft-tag"> (draft)</span> : null}
            </Heading>
            <p class="meta">
              <DateTime date={article.date} />
              {compact ? null : (
                <>
                  {" · "}
                  <Byline authors={article.authors} linked={false} />
                </>
              )}
            </p>
            {!compact && article.summary ? <p class="summary">{article.summary}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
