// Entity pages from the model: articles per year (and the chart's bars, which must match),
// first and latest mention, co-mentions, year jump links, pagination and page weight.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { render as renderEntityPage } from "../../layouts/entity.11ty.tsx";
import { pageHtml } from "../../layouts/components/page-html.ts";
import { ENTITY_PAGE_SIZE } from "../../src/archive/build.ts";
import { articlesPerYear, entityPages } from "../../src/archive/entity-pages.ts";
import type { Archive, Article, ArticleLink, Entity } from "../../src/archive/model.ts";
import type { Slug, SiteUrl, SourcePath } from "../../src/content/paths.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);
const base = { author: "Ana Ruiz", summary: "A summary of one or two sentences, as most have." };

async function sampleArchive(): Promise<Archive> {
  const dates = ["2016-03-01", "2018-05-23", "2018-09-01", "2019-09-04", "2020-03-11", "2020-08-12", "2020-08-14"];
  const files: Record<string, string> = {
    "entities/fbi.md": "---\nname: FBI\ndescription: The bureau.\nlinks: [https://en.wikipedia.org/wiki/FBI, https://www.wikidata.org/wiki/Q8333]\n---\n",
  };
  dates.forEach((date, i) => {
    const entities = i % 2 === 0 ? "[FBI, Facebook]" : i === 3 ? "[FBI, CISA]" : "[Facebook]";
    files[`articles/a${i}.md`] = article({ ...base, title: `Story ${i}`, date, entities });
  });
  const result = await readArchive(await writeArchive(files, temp), { includeDrafts: false });
  assert.deepEqual(result.problems.filter((p) => p.severity === "error"), []);
  return result.archive;
}

test("an entity's profile: articles per year with empty years, first and latest, co-mentions", async () => {
  const archive = await sampleArchive();
  const [page, ...more] = archive.entityPages.filter((p) => p.profile.name === "FBI");
  assert.equal(more.length, 0);
  const { profile } = page!;
  assert.deepEqual(profile.perYear, [
    { year: 2016, count: 1 }, { year: 2017, count: 0 }, { year: 2018, count: 1 },
    { year: 2019, count: 1 }, { year: 2020, count: 2 },
  ]);
  const fbi = archive.entities.find((e) => e.name === "FBI")!;
  assert.equal(profile.articleCount, fbi.articles.length);
  assert.equal(profile.perYear.reduce((sum, y) => sum + y.count, 0), fbi.articles.length);
  assert.equal(profile.first?.title, "Story 0");
  assert.equal(profile.latest?.title, "Story 6");
  // "in N articles together": articles naming both, which the index's counts are not.
  assert.deepEqual(profile.coMentions.map((c) => [c.entity.name, c.count]), [["Facebook", 4], ["CISA", 1]]);
  const facebook = archive.entities.find((e) => e.name === "Facebook")!;
  assert.equal(facebook.articles.length, 6);
});

test("the chart's bars match the model's counts, and its text gives the numbers", async () => {
  const archive = await sampleArchive();
  const entityPage = archive.entityPages.find((p) => p.profile.name === "FBI")!;
  const html = pageHtml(renderEntityPage({ archive, entityPage, page: { url: entityPage.url } }));
  const elements = allElements(parsePageHtml(html));
  const bars = elements.filter((e) => e.tagName === "g" && e.properties.dataYear !== undefined);
  const heights = bars.map((g) => {
    const rect = g.children.find((c) => c.type === "element" && c.tagName === "rect");
    return rect?.type === "element" ? Number(rect.properties.height) : NaN;
  });
  assert.deepEqual(bars.map((g) => [Number(g.properties.dataYear), Number(g.properties.dataCount)]), entityPage.profile.perYear.map((y) => [y.year, y.count]));
  // Heights are proportional to the counts: the tallest bar is the year with the most.
  assert.deepEqual(heights.map((h) => h / Math.max(...heights)), entityPage.profile.perYear.map((y) => y.count / 2));
  const desc = elements.find((e) => e.tagName === "desc");
  assert.equal(desc?.children[0]?.type === "text" && desc.children[0].value, "2016: 1 article, 2017: none, 2018: 1 article, 2019: 1 article, 2020: 2 articles");
  assert.match(html, />Wikipedia<\/a>/);
  assert.match(html, />Wikidata<\/a>/);
  assert.match(html, /href="\/search\/\?entity=FBI"/);
  assert.match(html, /in 4 articles together/);
});

/** A synthetic entity with `n` articles, one every few days from 1990, newest first. */
function bigEntity(n: number): Entity {
  const url = "/entities/big/" as SiteUrl;
  const articles = Array.from({ length: n }, (_, i): Article => {
    const date = new Date(Date.UTC(1990, 0, 1) + i * 3 * 86_400_000);
    const iso = date.toISOString().slice(0, 10);
    const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
    return {
      title: `A long enough headline for article number ${i} of the bench archive`, url: `/a/${i}/` as SiteUrl,
      date: { year, month, day, iso, written: iso }, summary: base.summary,
      sourcePath: `/a/${i}.md` as SourcePath, slug: `a${i}` as Slug,
      authors: [{ name: "Ana Ruiz", slug: "ana-ruiz" as Slug, url: "/authors/ana-ruiz/" as SiteUrl }],
      entities: [], topics: [], draft: false, linkMentions: true, html: "", wordCount: 0, related: [],
      corrections: [],
    };
  }).reverse();
  return { name: "Big", slug: "big" as Slug, url, type: "organization", aliases: [], links: [], linkMentions: true, articles, coMentions: [] };
}

const link = (a: Article): ArticleLink => ({ title: a.title, url: a.url, date: a.date });

test("a 1,000-article entity is paginated, and each year's jump link finds its page", () => {
  const entity = bigEntity(1000);
  const pages = entityPages(entity, ENTITY_PAGE_SIZE, link);
  assert.equal(pages.length, Math.ceil(1000 / ENTITY_PAGE_SIZE));
  assert.deepEqual(pages.map((p) => p.url).slice(0, 3), ["/entities/big/", "/entities/big/page/2/", "/entities/big/page/3/"]);
  assert.equal(pages[0]!.previousUrl, undefined);
  assert.equal(pages[0]!.nextUrl, "/entities/big/page/2/");
  assert.equal(pages.at(-1)!.previousUrl, `/entities/big/page/${pages.length - 1}/`);
  assert.deepEqual(pages.flatMap((p) => p.articles), entity.articles);
  assert.ok(pages.every((p) => p.profile === pages[0]!.profile), "one profile shared by every page");
  const { years } = pages[0]!.profile;
  assert.equal(years.reduce((sum, y) => sum + y.count, 0), 1000);
  for (const year of years) {
    const [url, anchor] = year.url.split("#");
    const page = pages.find((p) => p.url === url)!;
    assert.equal(anchor, `y${year.year}`);
    assert.ok(page.articles.some((a) => a.date.year === year.year), `${year.year} is on ${url}`);
    const before = pages[pages.indexOf(page) - 1];
    assert.ok(!before || before.articles.at(-1)!.date.year !== year.year || page === pages[0], "the year starts there");
  }
  assert.deepEqual(articlesPerYear(entity.articles).filter((y) => y.count).map((y) => y.count), [...years].reverse().map((y) => y.count));
});

test("a page of a 10,000-article entity stays under 100 kB", async () => {
  const archive = await sampleArchive();
  const pages = entityPages(bigEntity(10_000), ENTITY_PAGE_SIZE, link);
  for (const entityPage of [pages[0]!, pages[1]!]) {
    const html = pageHtml(renderEntityPage({ archive, entityPage, page: { url: entityPage.url } }));
    assert.ok(Buffer.byteLength(html) < 100_000, `${entityPage.url} is ${Buffer.byteLength(html)} bytes`);
  }
});
