// Sitemaps: every page a search engine should list (not the empty search page), each dated by
// its newest article's `updated` or date; the Google News sitemap of the archive's last two days.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { Archive } from "../../src/archive/model.ts";
import { newsArticles, newsLanguage, newsSitemap } from "../../src/feeds/news-sitemap.ts";
import { robotsTxt, sitemap } from "../../src/feeds/sitemap.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup, tempDir } from "../support/temp.ts";
import { childNamed, childrenNamed, parseStrictXml, textOf } from "./xml.ts";

const cleanup = suiteCleanup(after);
const HOME = "https://news.example.org";
const SITE = 'title: "Gazette & <Co> ]]>"\nurl: https://news.example.org\nlanguage: pt-BR\n';

async function archiveOf(articles: Record<string, Record<string, string>>): Promise<Archive> {
  const files: Record<string, string> = { "site.yaml": SITE };
  for (const [slug, fields] of Object.entries(articles)) {
    files[`articles/${slug}.md`] = article({ author: "Ana Ruiz", ...fields });
  }
  const content = await writeArchive(files, await tempDir(cleanup, "sitemaps"));
  const { archive, problems } = await readArchive(content, { includeDrafts: false });
  assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
  return archive;
}

const AUGUST = {
  newest: { title: `'"Fourteenth <b>" & ]]>'`, date: "2020-08-14" },
  // Written on the 13th in New York, already the 14th in UTC: the day written counts.
  late: { title: "Late", date: "2020-08-13T23:30:00-04:00" },
  older: { title: "Older", date: "2020-08-12", updated: "2020-08-20" },
  unpublished: { title: "Draft", date: "2020-08-14", draft: "true" },
};

test("the news sitemap lists the articles of the archive's last two days", async () => {
  const archive = await archiveOf(AUGUST);
  const urlset = parseStrictXml(newsSitemap(archive));
  assert.equal(urlset.attributes["xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
  const urls = childrenNamed(urlset, "url");
  assert.deepEqual(
    urls.map((url) => textOf(url, "loc")),
    [`${HOME}/2020/08/14/newest/`, `${HOME}/2020/08/13/late/`],
  );
  const [newest, late] = urls.map((url) => childNamed(url, "news:news"));
  assert.ok(newest && late);
  const publication = childNamed(newest, "news:publication");
  assert.equal(textOf(publication, "news:name"), "Gazette & <Co> ]]>");
  assert.equal(textOf(publication, "news:language"), "pt");
  assert.equal(textOf(newest, "news:title"), '"Fourteenth <b>" & ]]>');
  assert.equal(textOf(newest, "news:publication_date"), "2020-08-14");
  assert.equal(textOf(late, "news:publication_date"), "2020-08-14T03:30:00.000Z");
});

test("the last two days run across months, leap days and years", async () => {
  const cases: [dates: string[], listed: string[]][] = [
    [["2020-03-01", "2020-02-29", "2020-02-28"], ["2020-03-01", "2020-02-29"]],
    [["2021-01-01", "2020-12-31", "2020-12-30"], ["2021-01-01", "2020-12-31"]],
    [["2020-08-14", "2020-08-01"], ["2020-08-14"]],
  ];
  for (const [dates, listed] of cases) {
    const articles = Object.fromEntries(dates.map((date, i) => [`a${i}`, { title: date, date }]));
    const archive = await archiveOf(articles);
    assert.deepEqual(newsArticles(archive).map((a) => a.date.iso), listed, dates.join(", "));
  }
});

test("Google News language codes: ISO 639, and Chinese as zh-cn or zh-tw", () => {
  const cases: [string, string][] = [
    ["en", "en"],
    ["pt-BR", "pt"],
    ["zh-Hant-TW", "zh-tw"],
    ["zh-HK", "zh-tw"],
    ["zh-Hans-CN", "zh-cn"],
    ["zh", "zh-cn"],
  ];
  for (const [tag, code] of cases) assert.equal(newsLanguage(tag), code, tag);
});

test("the sitemap leaves out the search page, dates pages by their newest `updated`", async () => {
  const archive = await archiveOf(AUGUST);
  const urls = childrenNamed(parseStrictXml(sitemap(archive)), "url");
  const lastmod = new Map(urls.map((url) => [textOf(url, "loc"), url]));
  assert.ok(!lastmod.has(`${HOME}/search/`));
  assert.ok(lastmod.has(`${HOME}/authors/`) && lastmod.has(`${HOME}/`));
  const older = lastmod.get(`${HOME}/2020/08/12/older/`);
  assert.ok(older);
  assert.equal(textOf(older, "lastmod"), "2020-08-20");
  assert.equal(textOf(lastmod.get(`${HOME}/2020/08/14/newest/`)!, "lastmod"), "2020-08-14");
  assert.ok(![...lastmod.keys()].some((loc) => loc.includes("draft")));
});

test("robots.txt names both sitemaps", async () => {
  const archive = await archiveOf(AUGUST);
  assert.equal(
    robotsTxt(archive),
    `User-agent: *\nAllow: /\n\nSitemap: ${HOME}/sitemap.xml\nSitemap: ${HOME}/news-sitemap.xml\n`,
  );
});
