// The page shell every HTML page shares: head, skip link, masthead, navigation, footer.
import type { ComponentChildren } from "preact";
import type { Archive } from "../../src/archive/model.ts";
import { absoluteUrl } from "../../src/archive/pages.ts";
import { ContentProblems } from "./ContentProblems.tsx";
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
}

const NAV = [
  { href: "/", label: "Latest" },
  { href: "/entities/", label: "Entities" },
  { href: "/authors/", label: "Authors" },
  { href: "/search/", label: "Search" },
];

export function Page({ archive, title, description, url, children, head, draft, ogType = "website" }: PageProps) {
  const { site } = archive;
  const fullTitle = title ? `${title} · ${site.title}` : site.title;
  const summary = description ?? site.description;
  return (
    <html lang={site.language}>
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
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="alternate" type="application/atom+xml" title={`${site.title} (Atom)`} href="/feed.xml" />
        <link rel="alternate" type="application/feed+json" title={`${site.title} (JSON Feed)`} href="/feed.json" />
        <script type="module" src="/assets/search-key.js" />
        {head}
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
              {NAV.map((item) => (
                <li>
                  <a href={item.href} aria-current={isCurrent(url, item.href) ? "page" : undefined}>
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
          {archive.years.length ? (
            <nav aria-label="Archive by year">
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
            <a href="/feed.xml">Atom feed</a> · <a href="/feed.json">JSON Feed</a> · <a href="/sitemap.xml">Sitemap</a>
          </p>
          <p class="colophon">Published with Dateline.</p>
        </footer>
      </body>
    </html>
  );
}

function isCurrent(url: string, href: string): boolean {
  return href === "/" ? url === "/" || url.startsWith("/page/") : url.startsWith(href);
}
