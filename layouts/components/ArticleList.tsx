// A list of articles as a newspaper's index shows them: headline, dateline, byline, summary.
import type { Article } from "../../src/archive/model.ts";
import { Byline } from "./Byline.tsx";
import { DateTime } from "./DateTime.tsx";
import { Picture } from "./Picture.tsx";

/** A thumbnail's width (site.css, .article-list-thumb). */
const THUMB_SIZES = "(min-width: 45rem) 8rem, 6rem";
/**
 * The lead story's image width (site.css, .article-list-lead-image): the column on a phone,
 * beside the text, five ninths of the page, on a wide screen.
 */
const LEAD_SIZES =
  "(min-width: 76rem) 39rem, (min-width: 48rem) calc(55vw - 2rem), calc(100vw - 2rem)";

/**
 * `lead` sets the first article as the page's lead story (the front page), with its image
 * large; `compact` drops bylines, summaries and images.
 */
export function ArticleList({ articles, compact = false, lead = false, headingLevel = 2 }: { articles: readonly Article[]; compact?: boolean; lead?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const Heading = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  const className = ["article-list", compact ? "compact" : null, lead ? "lead" : null].filter(Boolean).join(" ");
  return (
    <ol class={className}>
      {articles.map((article, i) => {
        const image = compact ? undefined : article.image;
        const leadImage = lead && i === 0 && image?.responsive ? image : undefined;
        return (
          <li>
            <article class={leadImage ? "pictured" : undefined}>
              {/* The lead story's image, large and at the top of the page, likely its largest
                  element: fetched first, and described, as on the article's page. */}
              {leadImage?.responsive ? (
                <Picture
                  image={leadImage.responsive}
                  alt={leadImage.alt}
                  sizes={LEAD_SIZES}
                  lazy={false}
                  class="article-list-lead-image"
                />
              ) : null}
              {/* No alt: the headline beside it says what the story is. */}
              {!leadImage && image?.responsive ? (
                <Picture
                  image={image.responsive}
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
        );
      })}
    </ol>
  );
}
