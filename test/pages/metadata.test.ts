// What a page tells search engines, feed readers and link previews: canonical URL, description,
// OpenGraph and Twitter card, and schema.org JSON-LD (checked against schema-dts's types: the
// expected objects below are typed, so a wrong property fails the type check).
import assert from "node:assert/strict";
import { Resvg } from "@resvg/resvg-js";
import { after, before, test } from "node:test";
import type { Element } from "hast";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { VNode } from "preact";
import type {
  BreadcrumbList, ImageObject, NewsArticle, Organization, ProfilePage, WithContext,
} from "schema-dts";
import type { Archive } from "../../src/archive/model.ts";
import type { IconFormat } from "../../src/archive/pages.ts";
import { readArchive } from "../../src/read-archive.ts";
import * as articlePage from "../../layouts/article.11ty.tsx";
import * as authorPage from "../../layouts/author.11ty.tsx";
import * as entityPage from "../../layouts/entity.11ty.tsx";
import * as monthPage from "../../layouts/month.11ty.tsx";
import * as redirectPage from "../../layouts/redirect.11ty.tsx";
import { isRightToLeft } from "../../src/content/language.ts";
import * as yearPage from "../../layouts/year.11ty.tsx";
import { writeArchive } from "../support/archive.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";

const HOME = "https://news.example.org";
const TITLE = 'Gazette & <Co> </script>';

/** A real PNG: the image an article names must exist in static/ (src/images/). */
const PNG = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>').render().asPng();

const FILES = {
  // Beside its article's URL, as its relative `src` (map.png) names it.
  "static/2020/08/13/pictured/map.png": PNG,
  "site.yaml": `title: '${TITLE}'\nurl: ${HOME}\n`,
  "authors/ana.md": [
    "---",
    'name: "Ana </script> Ruiz"',
    "bio: Covers the courts.",
    "links: [https://example.com/ana]",
    "---",
    "",
  ].join("\n"),
  "articles/2020/08/pictured.md": [
    "---",
    'title: "Map <of> the </script> district"',
    "date: 2020-08-13",
    "updated: 2020-08-20",
    'author: ["Ana </script> Ruiz", Li Wei]',
    "summary: Where the lines run.",
    "entities: [{ name: Lisbon, type: place }, { name: FBI, type: organization }]",
    "image: { src: map.png, alt: A map of the district }",
    "---",
    "",
    "Text.",
    "",
  ].join("\n"),
  "articles/2020/07/plain.md": [
    "---",
    "title: Plain",
    "date: 2020-07-01T09:30:00+01:00",
    "author: Li Wei",
    "entities: [{ name: Jane Roe, type: person }]",
    "---",
    "",
    "Text.",
    "",
  ].join("\n"),
};

const cleanup = suiteCleanup(after);
let archive: Archive;

before(async () => {
  const content = await writeArchive(FILES, await tempDir(cleanup, "metadata"));
  const result = await readArchive(content, { includeDrafts: false });
  assert.deepEqual(result.problems.filter((p) => p.severity === "error"), []);
  archive = result.archive;
});

interface Head {
  meta: Map<string, string>;
  canonical?: string;
  jsonLd: unknown[];
}

/** A page's head as link previews read it: meta by name or property, canonical, JSON-LD. */
function headOf(page: unknown): Head {
  const html = `<!doctype html>\n${renderToStaticMarkup(page as VNode)}`;
  const elements = allElements(parsePageHtml(html));
  const meta = new Map<string, string>();
  for (const { tagName, properties } of elements) {
    const key = properties.property ?? properties.name;
    if (tagName === "meta" && key) meta.set(String(key), String(properties.content));
  }
  const isCanonical = (el: Element) =>
    el.tagName === "link" && `${el.properties.rel}` === "canonical";
  const canonical = elements.find(isCanonical);
  const scripts = elements.filter((el) => el.properties.type === "application/ld+json");
  const jsonLd = scripts.map((script) => JSON.parse(textOf(script)) as unknown);
  return { meta, ...(canonical ? { canonical: String(canonical.properties.href) } : {}), jsonLd };
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === "text" ? child.value : "")).join("");
}

function article(slug: string) {
  const found = archive.articles.find((candidate) => candidate.slug === slug);
  assert.ok(found, slug);
  return found;
}

const page = { url: "/" };

test("an article with an image: canonical, description, OpenGraph, large Twitter card", () => {
  const head = headOf(articlePage.render({ archive, page, article: article("pictured") }));
  const url = `${HOME}/2020/08/13/pictured/`;
  assert.equal(head.canonical, url);
  assert.equal(head.meta.get("description"), "Where the lines run.");
  assert.equal(head.meta.get("og:type"), "article");
  assert.equal(head.meta.get("og:url"), url);
  assert.equal(head.meta.get("og:title"), "Map <of> the </script> district");
  assert.equal(head.meta.get("og:description"), "Where the lines run.");
  assert.equal(head.meta.get("og:image"), `${url}map.png`);
  assert.equal(head.meta.get("og:image:alt"), "A map of the district");
  assert.equal(head.meta.get("twitter:card"), "summary_large_image");
});

test("an article's NewsArticle: every author a Person with their page, entities by type", () => {
  const head = headOf(articlePage.render({ archive, page, article: article("pictured") }));
  const url = `${HOME}/2020/08/13/pictured/`;
  const expected: WithContext<NewsArticle> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: "Map <of> the </script> district",
    description: "Where the lines run.",
    datePublished: "2020-08-13",
    dateModified: "2020-08-20",
    author: [
      { "@type": "Person", name: "Ana </script> Ruiz", url: `${HOME}/authors/ana-script-ruiz/` },
      { "@type": "Person", name: "Li Wei", url: `${HOME}/authors/li-wei/` },
    ],
    about: [
      { "@type": "Place", name: "Lisbon", url: `${HOME}/entities/lisbon/` },
      { "@type": "Organization", name: "FBI", url: `${HOME}/entities/fbi/` },
    ],
    image: `${url}map.png`,
    mainEntityOfPage: url,
    publisher: {
      "@type": "Organization",
      name: TITLE,
      url: `${HOME}/`,
      logo: {
        "@type": "ImageObject",
        url: `${HOME}/apple-touch-icon.png`,
        width: { "@type": "QuantitativeValue", value: 180, unitCode: "E37" },
        height: { "@type": "QuantitativeValue", value: 180, unitCode: "E37" },
      },
    },
  };
  assert.deepEqual(head.jsonLd, [expected]);
});

test("the publisher's logo is the archive's own icon when it brings one, never an ICO", () => {
  const logoOf = (ownIcons: IconFormat[]) => {
    const withOwn = { ...archive, ownIcons };
    const head = headOf(articlePage.render({ archive: withOwn, page, article: article("plain") }));
    const [json] = head.jsonLd as WithContext<NewsArticle>[];
    const publisher = json?.publisher as Exclude<Organization, string> | undefined;
    return publisher?.logo;
  };
  const image = (path: string): ImageObject => ({ "@type": "ImageObject", url: `${HOME}${path}` });
  // Its own PNG's size is unknown, so none is given.
  assert.deepEqual(logoOf(["png", "ico"]), image("/apple-touch-icon.png"));
  assert.deepEqual(logoOf(["svg", "ico"]), image("/favicon.svg"));
  assert.equal(logoOf(["ico"]), undefined);
});

test("an article without an image has the small card and no og:image", () => {
  const head = headOf(articlePage.render({ archive, page, article: article("plain") }));
  assert.equal(head.meta.get("twitter:card"), "summary");
  assert.ok(!head.meta.has("og:image"));
  const [json] = head.jsonLd as WithContext<NewsArticle>[];
  assert.ok(json && typeof json === "object");
  assert.equal(json.datePublished, "2020-07-01T09:30:00+01:00");
  assert.deepEqual(json.about, [
    { "@type": "Person", name: "Jane Roe", url: `${HOME}/entities/jane-roe/` },
  ]);
});

test("an author's page is a ProfilePage, with their Atom feed in the head", () => {
  const authorPageData = archive.authorPages.find((candidate) => {
    return candidate.profile.name === "Ana </script> Ruiz" && candidate.pageNumber === 1;
  });
  assert.ok(authorPageData);
  const head = headOf(authorPage.render({ archive, page, authorPage: authorPageData }));
  const url = `${HOME}/authors/ana-script-ruiz/`;
  assert.equal(head.canonical, url);
  assert.equal(head.meta.get("description"), "Covers the courts.");
  assert.equal(head.meta.get("twitter:card"), "summary");
  const expected: WithContext<ProfilePage> = {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url,
    mainEntity: {
      "@type": "Person",
      name: "Ana </script> Ruiz",
      url,
      description: "Covers the courts.",
      sameAs: ["https://example.com/ana"],
    },
  };
  assert.deepEqual(head.jsonLd, [expected]);
});

test("year and month pages carry their BreadcrumbList", () => {
  const year = archive.years.find((candidate) => candidate.year === 2020);
  const month = archive.months.find((candidate) => candidate.month === 8);
  assert.ok(year && month);
  const trail = (steps: [string, string][]): WithContext<BreadcrumbList> => ({
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: steps.map(([name, path], index) => ({
      "@type": "ListItem",
      position: index + 1,
      name,
      item: `${HOME}${path}`,
    })),
  });
  const home: [string, string] = [TITLE, "/"];
  assert.deepEqual(headOf(yearPage.render({ archive, page, year })).jsonLd, [
    trail([home, ["2020", "/2020/"]]),
  ]);
  assert.deepEqual(headOf(monthPage.render({ archive, page, month })).jsonLd, [
    trail([home, ["2020", "/2020/"], ["August 2020", "/2020/08/"]]),
  ]);
});

test("every page type has a canonical URL, a description, OpenGraph and a Twitter card", () => {
  const entity = archive.entityPages[0];
  const author = archive.authorPages[0];
  const [year] = archive.years;
  const [month] = archive.months;
  assert.ok(entity && author && year && month);
  const pages = [
    articlePage.render({ archive, page, article: article("plain") }),
    authorPage.render({ archive, page, authorPage: author }),
    entityPage.render({ archive, page, entityPage: entity }),
    yearPage.render({ archive, page, year }),
    monthPage.render({ archive, page, month }),
  ];
  for (const rendered of pages) {
    const head = headOf(rendered);
    assert.match(head.canonical ?? "", /^https:\/\/news\.example\.org\//);
    for (const key of ["description", "og:title", "og:url", "og:type", "twitter:card"]) {
      assert.ok(head.meta.get(key), `${head.canonical}: ${key}`);
    }
  }
});

test("a site in a right-to-left language has right-to-left pages, redirects included", () => {
  for (const language of ["ar", "he-IL", "fa", "ur"]) assert.ok(isRightToLeft(language), language);
  for (const language of ["en", "zh-Hant", "ja", "tr"]) assert.ok(!isRightToLeft(language), language);
  const htmlOf = (node: VNode) => {
    const html = allElements(parsePageHtml(`<!doctype html>${renderToStaticMarkup(node)}`))[0];
    assert.equal(html?.tagName, "html");
    return [html.properties.lang, html.properties.dir];
  };
  const arabic: Archive = { ...archive, site: { ...archive.site, language: "ar" } };
  const redirect = { url: "/old/", target: "/2020/08/13/pictured/", title: "Map" } as never;
  for (const [name, render] of [
    ["article", (a: Archive) => articlePage.render({ archive: a, page, article: article("pictured") })],
    ["redirect", (a: Archive) => redirectPage.render({ archive: a, redirect } as never)],
  ] as const) {
    assert.deepEqual(htmlOf(render(arabic)), ["ar", "rtl"], name);
    assert.deepEqual(htmlOf(render(archive)), ["en", undefined], name);
  }
});
