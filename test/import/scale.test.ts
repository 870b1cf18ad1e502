// Import at the scale the issue names, "a few hundred posts": a generated WordPress export
// imported with one command, built with no errors, every published post on its page and every
// old address leading to it, nothing unpublished on the site; a second run changes nothing.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { Problems } from "../../src/content/problems.ts";
import { importArchive } from "../../src/import/import-archive.ts";
import {
  fileForUrl, listFiles, PROJECT_ROOT, readTree, runBuild, runCommand,
} from "../support/build.ts";
import { writeArchive } from "../support/archive.ts";
import { drawnPng } from "../support/images.ts";
import { tempDir } from "../support/temp.ts";
import { generateWxr } from "./generate-wxr.ts";

const POSTS = 300;

interface Fields {
  title: string;
  date: string;
  draft?: boolean;
  aliases?: string[];
}

test(`a WordPress export of ${POSTS} posts imports, builds, keeps every old address`,
  async (t) => {
    const parent = await tempDir(t, "import-scale");
    const generated = generateWxr(POSTS);
    const wxr = join(parent, "export.xml");
    await writeFile(wxr, generated.xml);
    const photos = Object.fromEntries([1, 2, 3, 4].map((n) =>
      [`2015/01/photo-${n}.jpg`, drawnPng(40, 30)]));
    const uploads = await writeArchive(photos, join(parent, "uploads"));
    const content = join(parent, "content");
    // An editor's entity files, written before any import: one at a category's own path,
    // one holding another category's name as an alias. Neither is written over.
    const editors = {
      "entities/politics.md":
        "---\nname: Politics and Power\ntype: topic\n---\n\nThe editor's politics.\n",
      "entities/forecast.md": "---\nname: Forecast desk\naliases: [weather]\n---\n\n" +
        "The editor's forecasts.\n",
    };
    await writeArchive(editors, content);
    const env = { CONTENT_DIR: content, INIT_CWD: PROJECT_ROOT };
    const args = [wxr, "--uploads", uploads];
    const run = await runCommand("src/cli/import.ts", args, env);
    assert.equal(run.code, 0, run.stderr);
    const published = generated.posts.filter((post) => post.published);
    const drafts = POSTS - published.length;
    assert.match(run.stdout, new RegExp(`^Imported ${POSTS} posts from .*export\\.xml ` +
      String.raw`\(WordPress export \(WXR 1\.2\)\), ${drafts} of them as drafts\.`, "m"));
    assert.match(run.stdout, new RegExp("Not imported: 1 post in WordPress's trash, 1 post in " +
      String.raw`WordPress's auto-draft, 3 pages, 4 attachments \(media\), 2 menu items\.`));
    assert.match(run.stdout, /the shortcode \[contact-form-7\] has no Markdown form/);
    const made = [...run.stdout.matchAll(/it has no title: given "([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(made.length, 4);
    for (const title of made) assert.doesNotMatch(title, /\[\/?embed|\[gallery/, title);

    // Every article file in the contract's format: a plain-text title, drafts marked.
    const files = (await listFiles(join(content, "articles"))).filter((f) => f.endsWith(".md"));
    assert.equal(files.length, POSTS);
    const articles = await Promise.all(files.map(async (file) => {
      const text = await readFile(join(content, "articles", file), "utf8");
      return { file, text, fields: parse(text.split("---\n")[1]!) as Fields };
    }));
    for (const { file, fields, text } of articles) {
      assert.doesNotMatch(fields.title, /[<>]|&(amp|lt|gt|quot|#\d+);/, `${file}: plain title`);
      assert.doesNotMatch(text, /<script|onerror|javascript:|<iframe/i, `${file}: clean body`);
    }
    assert.equal(articles.filter((one) => one.fields.draft).length, drafts);

    const site = join(parent, "site");
    const build = await runBuild(content, site, { DATELINE_CACHE_DIR: join(parent, "cache") });
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stdout, new RegExp(`Published ${published.length} articles`));

    // Each published post: its page, holding its words; its old address, that page or a
    // redirect to it (an old address with a query cannot be served, and is reported).
    const byMarker = new Map(articles.map((one) => [/marker\d+x\w+/.exec(one.text)?.[0], one]));
    for (const post of published) {
      const article = byMarker.get(post.marker);
      assert.ok(article, `post ${post.id} has its file`);
      const url = articleUrl(article.file, article.fields.date);
      const page = await readFile(join(site, fileForUrl(url)), "utf8");
      assert.ok(page.includes(post.marker), `post ${post.id}: ${url} shows its words`);
      const old = new URL(post.link);
      if (old.search) {
        assert.ok(run.stdout.includes(`its old address ${post.link} has a query`), post.link);
        continue;
      }
      if (["/search/", "/authors"].includes(old.pathname)) {
        assert.ok(run.stdout.includes(`its old address ${old.pathname} is Dateline's own `));
        continue;
      }
      // A path not ending in `/` or `.html` is served as a folder (`/archives/7/`).
      const served = /\/$|\.html$/.test(old.pathname) ? old.pathname : `${old.pathname}/`;
      const oldPage = join(site, fileForUrl(decodeURI(served)));
      assert.ok(existsSync(oldPage), `old address ${post.link} resolves`);
      const reached = await readFile(oldPage, "utf8");
      assert.ok(reached === page || reached.includes(`url=${url}`) || reached.includes(url),
        `${post.link} leads to ${url}`);
    }

    // Each entity has its file, clean; its page shows the term's description. The editor's
    // files are as they were, their pages theirs.
    const entityFiles = await listFiles(join(content, "entities"));
    assert.ok(entityFiles.length > 20, `${entityFiles.length} entity files`);
    for (const file of entityFiles) {
      const text = await readFile(join(content, "entities", file), "utf8");
      assert.doesNotMatch(text, /<script|javascript:|onmouseover/i, `${file}: clean`);
    }
    for (const [path, text] of Object.entries(editors)) {
      assert.equal(await readFile(join(content, path), "utf8"), text, path);
    }
    assert.match(run.stdout, new RegExp("left alone: the file exists and was not written by " +
      String.raw`the import\n {4}entities/politics\.md\n`));
    assert.match(run.stdout, /and the articles name it\n {4}entities\/forecast\.md\n/);
    const entityPage = (slug: string) =>
      readFile(join(site, `entities/${slug}/index.html`), "utf8");
    // Terms no published post has get no file: the others' pages are checked.
    let checked = 0;
    for (const [slug, marker] of generated.described) {
      if (!existsSync(join(content, `entities/${slug}.md`)) || slug === "forecast") continue;
      const page = await entityPage(slug);
      assert.ok(page.includes(marker) === (slug !== "politics"), `${slug}'s page and ${marker}`);
      checked++;
    }
    assert.ok(checked >= 15, `${checked} described entities`);
    assert.match(await entityPage("forecast-desk"), /The editor(’|')s forecasts/);
    assert.match(await entityPage("politics-and-power"), /The editor(’|')s politics/);

    // Nothing unpublished reaches the site: not its words in any page, feed or sitemap.
    const unpublished = /marker\d+xunpub/;
    for (const file of await listFiles(site)) {
      if (file.startsWith("pagefind/") || !/\.(html|xml|json|txt)$/.test(file)) continue;
      const text = await readFile(join(site, file), "utf8");
      assert.doesNotMatch(text, unpublished, `${file} shows an unpublished post`);
    }

    // A second run on the same export (in this process: the command was run above) changes
    // nothing, and says so.
    const before = await readTree(content);
    const again = await importArchive({ source: wxr, contentDir: content, uploadsDir: uploads,
      mapFile: join(content, "import-map.yaml"), dryRun: false }, new Problems());
    assert.ok(again);
    assert.deepEqual(new Set([...again.articles, ...again.others].map((one) => one.outcome)),
      new Set(["unchanged", "kept-existing", "kept-own-entity"]));
    assert.deepEqual(again.addedToMap, []);
    assert.deepEqual(await readTree(content), before, "the second run changed a file");

    // An editor's change to an entity the import wrote survives the next run.
    const news = join(content, "entities/news.md");
    const edited = `${await readFile(news, "utf8")}\nThe editor's word.\n`;
    await writeFile(news, edited);
    const third = await importArchive({ source: wxr, contentDir: content, uploadsDir: uploads,
      mapFile: join(content, "import-map.yaml"), dryRun: false }, new Problems());
    assert.deepEqual(third?.others.find((one) => one.path === "entities/news.md")?.outcome,
      "kept-edited");
    assert.equal(await readFile(news, "utf8"), edited);
  });

function articleUrl(file: string, date: string): string {
  const [y, m, d] = date.slice(0, 10).split("-");
  return `/${y}/${m}/${d}/${file.slice(file.lastIndexOf("/") + 1, -".md".length)}/`;
}
