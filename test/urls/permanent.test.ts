// Published URLs are permanent: the record a build keeps, the errors when a URL would vanish,
// redirects for aliases, notices for withdrawn URLs, and slugs that names keep.
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type TestContext, test } from "node:test";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { readTree, runBuild, runCommand } from "../support/build.ts";

async function archiveIn(t: TestContext, files: Record<string, string>) {
  const parent = await mkdtemp(join(tmpdir(), "dateline-urls-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = await writeArchive(files, join(parent, "content"));
  return { content, out: join(parent, "site"), record: join(content, "published-urls.json") };
}

const first = article({ ...VALID, title: "First story", entities: "[FBI, C++]" });
const second = article({ ...VALID, title: "Second story", date: "2020-09-01", entities: "[FBI]" });

test("a build records every URL it published, in a stable order, and leaves it alone on failure", async (t) => {
  const { content, out, record } = await archiveIn(t, { "articles/first.md": first, "articles/second.md": second });
  assert.equal((await runBuild(content, out)).code, 0);
  const text = await readFile(record, "utf8");
  const parsed = JSON.parse(text) as { urls: Record<string, string>; entities: Record<string, string> };
  assert.deepEqual(Object.keys(parsed.urls), ["/2020/", "/2020/08/", "/2020/08/12/first/", "/2020/09/", "/2020/09/01/second/", "/authors/ana-ruiz/", "/entities/c/", "/entities/fbi/"]);
  assert.deepEqual(parsed.entities, { "C++": "c", FBI: "fbi" });
  assert.equal((await runBuild(content, out)).code, 0);
  assert.equal(await readFile(record, "utf8"), text, "a second build writes the same record");

  await writeFile(join(content, "articles/broken.md"), "---\ntitle: x\n---\n");
  assert.equal((await runBuild(content, out)).code, 1);
  assert.equal(await readFile(record, "utf8"), text, "a failed build leaves the record as it was");
});

test("a renamed, re-slugged or deleted article stops build and check with the URL, the cause and the fixes", async (t) => {
  const { content, out } = await archiveIn(t, { "articles/first.md": first, "articles/second.md": second });
  assert.equal((await runBuild(content, out)).code, 0);
  const site = await readTree(out);

  await rename(join(content, "articles/first.md"), join(content, "articles/renamed.md"));
  await writeFile(join(content, "articles/second.md"), second.replace("title:", "slug: new-slug\ntitle:"));
  const build = await runBuild(content, out);
  assert.equal(build.code, 1);
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
  assert.equal(check.code, 1);
  for (const output of [build.stderr, check.stdout]) {
    assert.match(output, /published-urls\.json:\d+:1 {2}\/2020\/08\/12\/first\/ was published \(article "First story" \(articles\/first\.md\)\).*the file was renamed to articles\/renamed\.md, so it is now at \/2020\/08\/12\/renamed\/ {2}\(add aliases: \[\/2020\/08\/12\/first\/\] to articles\/renamed\.md/);
    assert.match(output, /\/2020\/09\/01\/second\/ was published .*its slug or date changed, so it is now at \/2020\/09\/01\/new-slug\//);
    assert.match(output, /withdrawn: - \{ url: \/2020\/09\/01\/second\/, date: YYYY-MM-DD \}/);
  }
  assert.deepEqual(await readTree(out), site, "nothing was published");

  await rm(join(content, "articles/renamed.md"));
  const deleted = await runBuild(content, out);
  assert.match(deleted.stderr, /\/2020\/08\/12\/first\/ was published .*its file was deleted or made a draft/);
});

test("an alias becomes a redirect page, and a withdrawn URL a notice; both stay recorded", async (t) => {
  const { content, out, record } = await archiveIn(t, { "articles/first.md": first, "articles/second.md": second });
  assert.equal((await runBuild(content, out)).code, 0);
  await rename(join(content, "articles/first.md"), join(content, "articles/renamed.md"));
  await writeFile(join(content, "articles/renamed.md"), first.replace("title:", "aliases: [/2020/08/12/first/, /old/story.php]\ntitle:"));
  await rm(join(content, "articles/second.md"));
  await writeFile(join(content, "site.yaml"), "withdrawn:\n  - { url: /2020/09/01/second/, date: 2021-02-03, reason: The story was wrong. }\n  - { url: /2020/09/, date: 2021-02-03 }\n");
  const run = await runBuild(content, out);
  assert.equal(run.code, 0, run.stderr);

  const redirect = await readFile(join(out, "2020/08/12/first/index.html"), "utf8");
  assert.match(redirect, /<meta http-equiv="refresh" content="0; url=\/2020\/08\/12\/renamed\/"\/>/);
  assert.match(redirect, /<link rel="canonical" href="https:\/\/example\.org\/2020\/08\/12\/renamed\/"\/>|<link rel="canonical" href="http:\/\/localhost:8080\/2020\/08\/12\/renamed\/"\/>/);
  assert.match(redirect, /<a href="\/2020\/08\/12\/renamed\/">First story<\/a>/);
  // A path a server might run or act on is written as a folder, never as that file.
  assert.match(await readFile(join(out, "old/story.php/index.html"), "utf8"), /url=\/2020\/08\/12\/renamed\//);

  const notice = await readFile(join(out, "2020/09/01/second/index.html"), "utf8");
  assert.match(notice, /This page was withdrawn/);
  assert.match(notice, /3 February 2021/);
  assert.match(notice, /The story was wrong\./);
  assert.match(notice, /<meta name="robots" content="noindex"\/>/);
  const sitemap = await readFile(join(out, "sitemap.xml"), "utf8");
  assert.doesNotMatch(sitemap, /\/2020\/09\/01\/second\/|\/2020\/08\/12\/first\//, "redirects and notices are not in the sitemap");

  const urls = (JSON.parse(await readFile(record, "utf8")) as { urls: Record<string, string> }).urls;
  assert.match(urls["/2020/08/12/first/"]!, /^a redirect to "First story"/);
  assert.match(urls["/2020/09/01/second/"]!, /withdrawn/);
  assert.ok(urls["/old/story.php"]);
});

test("aliases that are not paths, or that clash with a page, are located errors in build and check alike", async (t) => {
  const { content, out } = await archiveIn(t, {
    "articles/first.md": first.replace("title:", "aliases: [/2020/09/01/second/]\ntitle:"),
    "articles/second.md": second,
    "articles/third.md": second.replace("title:", "aliases: [/ok/, ../../etc/passwd, /a/../b/, /.htaccess]\ntitle:"),
  });
  const build = await runBuild(content, out);
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
  assert.equal(build.code, 1);
  assert.equal(check.code, 1);
  for (const output of [build.stderr, check.stdout]) {
    assert.match(output, /first\.md:2:\d+ {2}a redirect to "First story" would be published at \/2020\/09\/01\/second\/, which is already article "Second story"/);
    assert.match(output, /third\.md:2:\d+ {2}"aliases\[2\]" "\.\.\/\.\.\/etc\/passwd" is not a path on this site/);
    assert.match(output, /"aliases\[3\]" "\/a\/\.\.\/b\/" has a part starting with a dot/);
    assert.match(output, /"aliases\[4\]" "\/\.htaccess" has a part starting with a dot/);
  }
});

test("aliases inside the build's own files, or needing a folder where a file is, are located errors", async (t) => {
  const aliases = "[/pagefind/2020-2024/pagefind.js, /assets/site.css, /assets/new/, /feed.xml/, /old.html, /old.html/x/]";
  const withdrawn = "withdrawn:\n  - { url: /pagefind/x/, date: 2021-01-01 }\n";
  const { content, out } = await archiveIn(t, {
    "articles/first.md": first.replace("title:", `aliases: ${aliases}\ntitle:`),
    "site.yaml": withdrawn,
  });
  const build = await runBuild(content, out);
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
  assert.equal(build.code, 1);
  assert.equal(check.code, 1);
  assert.doesNotMatch(build.stderr, /\bat .*\.(ts|js):\d+/, "no stack trace");
  const own = "inside /(pagefind|assets)/, where the build writes files of its own";
  for (const output of [build.stderr, check.stdout]) {
    for (const alias of ["/pagefind/2020-2024/pagefind.js", "/assets/site.css", "/assets/new/"]) {
      assert.match(output, new RegExp(`first\\.md:2:\\d+ {2}a redirect to "First story" would be published at ${alias}, which is ${own}`));
    }
    assert.match(output, /first\.md:2:\d+ {2}a redirect .* at \/feed\.xml\/, which is inside \/feed\.xml, which is already the file \/feed\.xml/);
    assert.match(output, /at \/old\.html\/x\/, which is inside \/old\.html, which is already a redirect to "First story"/);
    assert.match(output, /site\.yaml {2}a notice that the page was withdrawn would be published at \/pagefind\/x\//);
  }
});

test("a record whose slugs a hand edit made leave the site, or name no page, is damaged", async (t) => {
  for (const slug of ["../../../escape", "a/b", "x y", ".hidden", "..", ""]) {
    const record = JSON.stringify({ urls: {}, entities: { FBI: slug }, authors: {} });
    const { content, out } = await archiveIn(t, { "articles/first.md": first, "published-urls.json": record });
    const run = await runBuild(content, out);
    assert.equal(run.code, 1, slug);
    assert.match(run.stderr, /published-urls\.json:1:1 {2}the record of published URLs is damaged/, slug);
    assert.deepEqual(await readdir(dirname(content)), ["content"], slug);
  }
});

test("a name keeps the slug it was first published under when another name wants it", async (t) => {
  const { content, out, record } = await archiveIn(t, { "articles/first.md": first });
  assert.equal((await runBuild(content, out)).code, 0);
  assert.ok((await readTree(out)).has("entities/c/index.html"));
  // "C" spells the slug exactly and would win it without the record.
  await writeFile(join(content, "articles/second.md"), article({ ...VALID, title: "Second story", date: "2020-09-01", entities: "[C, C cedb1b]" }));
  const run = await runBuild(content, out);
  assert.equal(run.code, 0, run.stderr);
  const entities = (JSON.parse(await readFile(record, "utf8")) as { entities: Record<string, string> }).entities;
  assert.equal(entities["C++"], "c");
  assert.match(entities.C!, /^c-[0-9a-f]{6,}$/);
  assert.equal(entities["C cedb1b"], "c-cedb1b");
  assert.match(await readFile(join(out, "entities/c/index.html"), "utf8"), /<h1[^>]*>C\+\+<\/h1>/);
});

test("a damaged record stops the build instead of forgetting what was published", async (t) => {
  const { content, out, record } = await archiveIn(t, { "articles/first.md": first });
  for (const damage of ["{ not json", '{"urls": []}']) {
    await writeFile(record, damage);
    const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
    assert.equal(check.code, 1);
    assert.match(check.stdout, /published-urls\.json:1:1 {2}the record of published URLs is damaged: .*\(restore published-urls\.json from version control/);
    assert.equal((await runBuild(content, out)).code, 1);
    assert.equal(await readFile(record, "utf8"), damage);
  }
});

test("an entity name that became another entity's alias keeps its old page as a redirect", async (t) => {
  const { content, out } = await archiveIn(t, { "articles/first.md": article({ ...VALID, entities: "[Facebook]" }) });
  assert.equal((await runBuild(content, out)).code, 0);
  await writeArchive({ "entities/meta.md": "---\nname: Meta\naliases: [Facebook]\n---\n" }, content);
  const run = await runBuild(content, out);
  assert.equal(run.code, 0, run.stderr);
  assert.match(await readFile(join(out, "entities/facebook/index.html"), "utf8"), /url=\/entities\/meta\//);
});
