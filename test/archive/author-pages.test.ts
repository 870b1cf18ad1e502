// Author pages from the model: photo, articles per year, the entities they cover, pagination.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { render as renderAuthorPage } from "../../layouts/author.11ty.tsx";
import { pageHtml } from "../../layouts/components/page-html.ts";
import { ENTITY_PAGE_SIZE } from "../../src/archive/build.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);

test("an author's page: photo, biography, chart, subjects and paginated articles", async () => {
  const files: Record<string, string> = {
    "authors/ana-ruiz.md": "---\nname: Ana Ruiz\nbio: Covers courts.\nimage: https://photos.example.org/ana.jpg\nlinks: [https://en.wikipedia.org/wiki/Ana]\n---\n",
  };
  const count = ENTITY_PAGE_SIZE + 3;
  for (let i = 0; i < count; i++) {
    const date = `${2018 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`;
    files[`articles/a${i}.md`] = article({ title: `Story ${i}`, date, author: "Ana Ruiz", summary: "S.", entities: i % 2 ? "[FBI, Courts]" : "[FBI]" });
  }
  const result = await readArchive(await writeArchive(files, temp), { includeDrafts: false });
  assert.deepEqual(result.problems.filter((p) => p.severity === "error"), []);
  const { archive } = result;
  const pages = archive.authorPages.filter((p) => p.profile.name === "Ana Ruiz");
  assert.deepEqual(pages.map((p) => p.url), ["/authors/ana-ruiz/", "/authors/ana-ruiz/page/2/"]);
  assert.deepEqual(pages.map((p) => p.articles.length), [ENTITY_PAGE_SIZE, 3]);
  const { profile } = pages[0]!;
  // A photo elsewhere is left as written (test/e2e/images.test.ts publishes one of static/).
  assert.equal(profile.image, "https://photos.example.org/ana.jpg");
  assert.deepEqual(profile.perYear, [{ year: 2018, count: 18 }, { year: 2019, count: 18 }, { year: 2020, count: 17 }]);
  assert.deepEqual(profile.topEntities.map((e) => [e.entity.name, e.count]), [["FBI", count], ["Courts", 26]]);
  const html = pageHtml(renderAuthorPage({ archive, authorPage: pages[0]!, page: { url: pages[0]!.url } }));
  assert.match(html, /<img class="author-photo" src="https:\/\/photos.example.org\/ana.jpg" alt="Photo of Ana Ruiz"/);
  assert.match(html, /<desc id="per-year-desc">2018: 18 articles, 2019: 18 articles, 2020: 17 articles<\/desc>/);
  assert.match(html, />Wikipedia<\/a>/);
  assert.match(html, /href="\/authors\/ana-ruiz\/page\/2\/" rel="next"/);
});
