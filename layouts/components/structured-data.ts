// schema.org data for search engines and link previews, as JSON-LD: NewsArticle for articles,
// ProfilePage for authors, BreadcrumbList for the date archives. Typed with schema-dts, so a
// misspelt property or a wrong type is a compile error, not a silently ignored field.
import type {
  BreadcrumbList,
  CollectionPage,
  ImageObject,
  NewsArticle,
  Person,
  ProfilePage,
  Thing,
  WithContext,
} from "schema-dts";
import type {
  Archive,
  Article,
  ArticleImage,
  Author,
  EntityProfile,
  EntityRef,
  MonthArchive,
  YearArchive,
} from "../../src/archive/model.ts";
import { absoluteUrl, drawnIcons, ICON_URLS, linkedIcons } from "../../src/archive/pages.ts";
import { monthName } from "../../src/content/dates.ts";
import type { EntityType } from "../../src/content/schema.ts";
import { TOUCH_ICON_SIZE } from "../../src/icons/site-icons.ts";

/** An image for link previews: an absolute URL, with its size when the build made it. */
export interface PreviewImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

/**
 * An article's image for link previews, at an absolute URL: the published JPEG or PNG nearest
 * to 1200 pixels wide when the image is a static file (src/images/), else its `src` as
 * written, which may be a site path, a path relative to the article or a URL.
 */
export function previewImage(archive: Archive, article: Article): PreviewImage | undefined {
  return article.image && imagePreview(archive, article.image, article.url);
}

/** As previewImage, for any image: `src` as written is relative to the page at `pageUrl`. */
export function imagePreview(archive: Archive, image: ArticleImage, pageUrl: string): PreviewImage {
  const { responsive, alt } = image;
  if (responsive) {
    const { url, width, height } = responsive.preview;
    return { url: absoluteUrl(archive, url), alt, width, height };
  }
  return { url: new URL(image.src, absoluteUrl(archive, pageUrl)).href, alt };
}

/** The JSON-LD `image`: an ImageObject with its size when known, else the URL. */
function imageObject(image: PreviewImage): ImageObject | string {
  if (image.width === undefined || image.height === undefined) return image.url;
  const { url, width, height } = image;
  return { "@type": "ImageObject", url, contentUrl: url, width: String(width), height: String(height) };
}

/** schema-dts allows a bare string wherever an object may be; ours are always objects. */
type PersonObject = Exclude<Person, string>;

function person(archive: Archive, author: { name: string; url: string }): PersonObject {
  return { "@type": "Person", name: author.name, url: absoluteUrl(archive, author.url) };
}

const THING_TYPES = {
  person: "Person",
  organization: "Organization",
  place: "Place",
  event: "Event",
  work: "CreativeWork",
  topic: "Thing",
} as const satisfies Record<EntityType, string>;

function thing(archive: Archive, entity: EntityRef): Exclude<Thing, string> {
  const url = absoluteUrl(archive, entity.url);
  // A union of "@type"s is no single schema-dts type: each member is, and so is the result.
  return { "@type": THING_TYPES[entity.type], name: entity.name, url } as Exclude<Thing, string>;
}

export function newsArticle(archive: Archive, article: Article): WithContext<NewsArticle> {
  const preview = previewImage(archive, article);
  const image = preview ? imageObject(preview) : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    ...(article.summary ? { description: article.summary } : {}),
    datePublished: article.date.written,
    ...(article.updated ? { dateModified: article.updated.written } : {}),
    author: article.authors.map((author) => person(archive, author)),
    about: article.entities.map((entity) => thing(archive, entity)),
    ...(image ? { image } : {}),
    mainEntityOfPage: absoluteUrl(archive, article.url),
    ...(article.corrections.length
      ? {
          correction: article.corrections.map((correction) => ({
            "@type": "CorrectionComment" as const,
            text: correction.text,
            datePublished: correction.date.written,
          })),
        }
      : {}),
    publisher: publisher(archive),
  };
}

function publisher(archive: Archive) {
  const logo = publisherLogo(archive);
  const { title: name } = archive.site;
  const url = absoluteUrl(archive, "/");
  return { "@type": "Organization", name, url, ...(logo ? { logo } : {}) } as const;
}

/**
 * The publisher's logo: the site's touch icon, its mark at 180 px (search engines ask a logo
 * for 112 px or more), drawn from the title or the archive's own (of a size we do not know);
 * its own SVG icon when it brings no PNG. An ICO alone gives none: search engines do not take
 * the format as an image. `site.yaml` has no key for a logo (the content contract names none).
 */
export function publisherLogo(archive: Archive): Exclude<ImageObject, string> | undefined {
  const linked = linkedIcons(archive);
  const format = linked.includes("png") ? "png" : linked.includes("svg") ? "svg" : undefined;
  if (!format) return undefined;
  const url = absoluteUrl(archive, ICON_URLS[format]);
  if (format === "svg" || !drawnIcons(archive).includes("png")) {
    return { "@type": "ImageObject", url };
  }
  const side = pixels(TOUCH_ICON_SIZE);
  return { "@type": "ImageObject", url, width: side, height: side };
}

/** A length in pixels as schema.org gives one: E37 is UN/CEFACT's code for the pixel. */
function pixels(value: number) {
  return { "@type": "QuantitativeValue", value, unitCode: "E37" } as const;
}

export function profilePage(
  archive: Archive,
  author: Pick<Author, "name" | "url" | "bio" | "links">,
): WithContext<ProfilePage> {
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absoluteUrl(archive, author.url),
    mainEntity: {
      ...person(archive, author),
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.links.length ? { sameAs: author.links } : {}),
    },
  };
}

/**
 * An entity's page: a collection of the articles about it, whose main entity is the entity
 * itself (a Person, an Organization, a Place…), with its description, links and picture.
 */
export function entityCollectionPage(
  archive: Archive,
  profile: EntityProfile,
): WithContext<CollectionPage> {
  const preview = profile.image && imagePreview(archive, profile.image, profile.url);
  const mainEntity = {
    ...thing(archive, profile),
    ...(profile.description ? { description: profile.description } : {}),
    ...(profile.aliases.length ? { alternateName: profile.aliases } : {}),
    ...(profile.links.length ? { sameAs: profile.links } : {}),
    ...(preview ? { image: imageObject(preview) } : {}),
  } as Thing;
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    url: absoluteUrl(archive, profile.url),
    name: profile.name,
    mainEntity,
  };
}

/** The trail from the home page down to a page, each step a name and a site path. */
export function breadcrumbList(
  archive: Archive,
  trail: readonly { name: string; url: string }[],
): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((step, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: step.name,
      item: absoluteUrl(archive, step.url),
    })),
  };
}

/** Home › 2020: the trail to a year's archive. */
export function yearTrail(archive: Archive, year: Pick<YearArchive, "year" | "url">) {
  return [{ name: archive.site.title, url: "/" }, { name: String(year.year), url: year.url }];
}

/** Home › 2020 › August 2020: the trail to a month's archive. */
export function monthTrail(archive: Archive, month: MonthArchive) {
  const name = `${monthName(month.month)} ${month.year}`;
  const year = yearTrail(archive, { year: month.year, url: month.yearUrl });
  return [...year, { name, url: month.firstUrl }];
}
