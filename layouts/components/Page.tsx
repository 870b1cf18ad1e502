// The page shell every HTML page shares: head, skip link, masthead, navigation, footer.
import type { ComponentChildren } from "preact";
import type { Archive } from "../../src/archive/model.ts";
import {
  absoluteUrl, type IconFormat, ICON_URLS, linkedIcons, subjectFeedUrl,
} from "../../src/archive/pages.ts";
import { isRightToLeft } from "../../src/content/language.ts";
import type { SiteUrl } from "../../src/content/paths.ts";
import type { EntityType } from "../../src/content/schema.ts";
import { ContentProblems } from "./ContentProblems.tsx";
import { typeLabel } from "./format.ts";
import { SearchBox } from "./SearchBox.tsx";

export interface PageProps {
  archive: Archive;
  /** The page's own title; the site's title is added after it. */
  title?: string;
  description?: string;
  url: string;
  children: ComponentChildren;
  /** Extra elements for `<head>` (structured data, search assets). */
  head?: ComponentChildren;
  /** Marks pages that only the dev server shows. */
  draft?: boolean;
  ogType?: "website" | "article";
  /**
   * Lists the archive's years in the footer: on the pages that list articles by date (home,
   * years, months). Every other page links to the home page's list instead, so that the first
   * article of a new year re-renders those pages only (src/publish/incremental.ts).
   */
  years?: boolean;
  /** The page's own Atom feed (an author's, an entity's), offered beside the site's. */
  feed?: { url: string; title: string };
  /** The page's picture for link previews (OpenGraph, Twitter's large card), an absolute URL. */
  image?: { url: string; alt: string; width?: number; height?: number };
}

const NAV = [
  { href: "/", label: "Latest" },
  { href: "/authors/", label: "Authors" },
  { href: "/search/", label: "Search" },
];

/** The entity types named in the navigation, in a reader's words, when the archive has any. */
const NAV_TYPES: readonly EntityType[] = ["person", "organization", "place", "topic"];

/** Latest, then People, Organisations, Places and Topics (those the archive has), then the rest. */
function sections(archive: Archive): { href: string; label: string }[] {
  const types = NAV_TYPES.filter((type) => archive.entityGroups.some((group) => group.type === type));
  const entities = types.map((type) => ({ href: `/entities/#${type}`, label: typeLabel(type, true) }));
  return [NAV[0]!, ...entities, ...NAV.slice(1)];
}

export function Page(props: PageProps) {
  const { archive, title, description, url, children, head, draft, ogType = "website" } = props;
  const { feed, image } = props;
  const { site } = archive;
  const fullTitle = title ? `${title} · ${site.title}` : site.title;
  // Every page has a description, for search results and link previews: the page's own, the
  // site's, or at least its title.
  const summary = description || site.description || fullTitle;
  return (
    <html lang={site.language} dir={isRightToLeft(site.language) ? "rtl" : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {summary ? <meta name="description" content={summary} /> : null}
        <link rel="canonical" href={absoluteUrl(archive, url)} />
        <meta name="color-scheme" content="light dark" />
        <meta property="og:site_name" content={site.title} />
        <meta property="og:title" content={title ?? site.title} />
        <meta property="og:type" content={ogType} />
        <meta property="og:url" content={absoluteUrl(archive, url)} />
        {summary ? <meta property="og:description" content={summary} /> : null}
        {image ? <meta property="og:image" content={image.url} /> : null}
        {image?.width ? <meta property="og:image:width" content={String(image.width)} /> : null}
        {image?.height ? <meta property="og:image:height" content={String(image.height)} /> : null}
        {image?.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
        <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
        {image ? <meta name="twitter:image" content={image.url} /> : null}
        <link rel="stylesheet" href="/assets/site.css" />
        <IconLinks formats={linkedIcons(archive)} />
        <link rel="alternate" type="application/atom+xml" title={`${site.title} (Atom)`} href="/feed.xml" />
        <link rel="alternate" type="application/feed+json" title={`${site.title} (JSON Feed)`} href="/feed.json" />
        {feed ? (
          <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.url} />
        ) : null}
        {/* The search page's own script does what this one does: one request fewer there. */}
        {url === "/search/" ? null : <script type="module" src="/assets/search-key.js" />}
        {head}
        {/* Served by the preview alone (src/preview/preview.ts): the banner's style, reload. */}
        {archive.preview ? <link rel="stylesheet" href="/__dateline/preview.css" /> : null}
        {archive.preview ? <script src="/__dateline/reload.js" defer /> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <ContentProblems problems={archive.problems} />
        {draft ? <p class="draft-banner" role="status">DRAFT: this page is not published. Only the preview shows it.</p> : null}
        <header class="masthead">
          <p class="masthead-title">
            <a href="/">{site.title}</a>
          </p>
          {site.description ? <p class="masthead-tagline">{site.description}</p> : null}
          <nav aria-label="Sections">
            <ul>
              {sections(archive).map((item) => (
                <li>
                  <a href={item.href} aria-current={currentness(url, item.href)}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {url === "/search/" ? null : <SearchBox />}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          {props.years && archive.years.length ? (
            <nav aria-label="Archive by year" id="archive">
              <h2>Archive</h2>
              <ul class="inline-list">
                {archive.years.map((year) => (
                  <li>
                    <a href={year.url}>{year.year}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <p>
            {props.years ? null : (
              <>
                <a href="/#archive">Archive by year</a>
                {" · "}
              </>
            )}
            <a href="/feed.xml">Atom feed</a> · <a href="/feed.json">JSON Feed</a> ·{" "}
            <a href="/corrections/">Corrections</a> · <a href="/sitemap.xml">Sitemap</a>
          </p>
          <p class="colophon">Published with Dateline.</p>
        </footer>
      </body>
    </html>
  );
}

/** The site's icons (src/archive/pages.ts, `linkedIcons`): an ICO only without an SVG. */
function IconLinks({ formats }: { formats: readonly IconFormat[] }) {
  return (
    <>
      {formats.includes("ico") ? <link rel="icon" href={ICON_URLS.ico} sizes="32x32" /> : null}
      {formats.includes("svg") ? (
        <link rel="icon" href={ICON_URLS.svg} type="image/svg+xml" />
      ) : null}
      {formats.includes("png") ? <link rel="apple-touch-icon" href={ICON_URLS.png} /> : null}
    </>
  );
}

/** The Atom feed beside an author's or entity's page, as its head offers it. */
export function feedLink(subject: { name: string; url: SiteUrl }, archive: Archive) {
  const title = `${subject.name} · ${archive.site.title} (Atom)`;
  return { url: subjectFeedUrl(subject.url), title };
}

/**
 * A navigation link's `aria-current`: "page" on its own page, "true" on the pages beneath it
 * (page 3 of the latest, an entity of the index), where the pager or the page's own heading
 * is the current page.
 */
function currentness(url: string, href: string): "page" | "true" | undefined {
  if (href.includes("#")) return undefined;
  if (url === href) return "page";
  const within = href === "/" ? url.startsWith("/page/") : url.startsWith(href);
  return within ? "true" : undefined;
}
