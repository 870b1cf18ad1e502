// A list of articles as a newspaper's index shows them: headline, dateline, byline, summary.
import type { Article, ArticleImage } from "../../src/archive/model.ts";
import { Byline } from "./Byline.tsx";
import { DateTime } from "./DateTime.tsx";
import { Picture, WrittenImage } from "./Picture.tsx";

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
        const isLead = lead && i === 0 && image !== undefined;
        return (
          <li>
            <article class={isLead ? "pictured" : undefined}>
              {image ? <ListImage image={image} article={article} isLead={isLead} /> : null}
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

/**
 * The lead story's image, large and at the top of the page, likely its largest element: fetched
 * first, and described, as on the article's page. Any other story's, a thumbnail, without alt:
 * the headline beside it says what the story is. An image left as written (a web address) gets
 * the same place in a box of fixed proportions (WrittenImage).
 */
function ListImage({ image, article, isLead }: {
  image: ArticleImage;
  article: Article;
  isLead: boolean;
}) {
  const className = isLead ? "article-list-lead-image" : "article-list-thumb";
  const alt = isLead ? image.alt : "";
  if (image.responsive) {
    const sizes = isLead ? LEAD_SIZES : THUMB_SIZES;
    return (
      <Picture image={image.responsive} alt={alt} sizes={sizes} lazy={!isLead} class={className} />
    );
  }
  return (
    <picture class={className}>
      <WrittenImage src={image.src} pageUrl={article.url} alt={alt} lazy={!isLead} />
    </picture>
  );
}
