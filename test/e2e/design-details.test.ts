// Design details in a built site: the icons linked from every page, listed in the manifest as
// pages whose inputs are the title, and written again by a rebuild only when the title
// changes; no trace of the dev server's error banner.
import assert from "node:assert/strict";
import { HANG } from "../support/hang.ts";
import { cp, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { MANIFEST_FILE } from "../../src/publish/incremental.ts";
import { PROJECT_ROOT, readTree, runBuild } from "../support/build.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { allElements, parsePageHtml } from "../support/html.ts";
import { tempDir } from "../support/temp.ts";

const ICONS = ["favicon.svg", "favicon.ico", "apple-touch-icon.png"];
// The ICO is published for browsers that ask for it unprompted, not linked: Chromium would
// fetch it beside the SVG on every first visit.
const ICON_LINKS = [
  "icon /favicon.svg",
  "apple-touch-icon /apple-touch-icon.png",
];

const edit = async (file: string, change: (text: string) => string) =>
  writeFile(file, change(await readFile(file, "utf8")));

/** Each icon's inode: the same one after a rebuild means the file was linked, not written. */
async function inodes(site: string): Promise<number[]> {
  return Promise.all(ICONS.map(async (icon) => (await stat(join(site, icon))).ino));
}

const TITLE = "pages link the icons, not the preview's banner; icons change with the title only";

test(TITLE, HANG, async (t) => {
  const parent = await tempDir(t, "icons");
  const content = join(parent, "content");
  await cp(join(PROJECT_ROOT, "content"), content, { recursive: true });
  const site = join(parent, "site");
  const build = async (what: string) => {
    const run = await runBuild(content, site);
    assert.equal(run.code, 0, `${what}: ${run.stderr}`);
  };
  await build("first build");

  const tree = await readTree(site);
  const pages = [...tree.keys()].filter((file) => file.endsWith(".html"));
  assert.ok(pages.length > 20);
  const css = tree.get("assets/site.css")!.toString("utf8");
  assert.doesNotMatch(css, /content-problem/, "the banner's style is the preview's alone");
  for (const page of pages) {
    const html = tree.get(page)!.toString("utf8");
    assert.doesNotMatch(html, /content-problem|__dateline/, `${page} has no trace of the preview`);
    const links = allElements(parsePageHtml(html))
      .filter((element) => element.tagName === "link")
      .map((link) => `${String(link.properties.rel)} ${String(link.properties.href)}`);
    if (links.some((link) => link.startsWith("refresh"))) continue;
    for (const icon of ICON_LINKS) {
      assert.ok(links.includes(icon), `${page} links ${icon}: ${links.join(", ")}`);
    }
    assert.ok(!links.includes("icon /favicon.ico"), `${page} links no ICO: ${links.join(", ")}`);
  }
  const manifest = JSON.parse(await readFile(join(site, MANIFEST_FILE), "utf8")) as {
    pages: Record<string, unknown>;
    others: string[];
  };
  for (const icon of ICONS) {
    assert.ok(icon in manifest.pages, `the manifest records ${icon}'s inputs`);
    assert.ok(!manifest.others.includes(icon), `${icon} is not rewritten by every build`);
  }

  const logo = publisherLogo(tree.get(ARTICLE)!.toString("utf8"));
  assert.deepEqual(logo?.url, "https://example.org/apple-touch-icon.png");
  const png = tree.get("apple-touch-icon.png")!;
  // A PNG's IHDR: width and height, big-endian, after the signature and the chunk's header.
  const side = { "@type": "QuantitativeValue", value: 180, unitCode: "E37" };
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [180, 180]);
  assert.deepEqual([logo?.width, logo?.height], [side, side], "the logo's size is the file's");

  const first = await inodes(site);
  const firstBytes = await Promise.all(ICONS.map((icon) => readFile(join(site, icon))));
  const article = join(content, "articles/2019/09/facebook-hosts-election-security-meeting.md");
  await edit(article, (text) => `${text}\nOne more paragraph.\n`);
  await build("a body edited");
  assert.deepEqual(await inodes(site), first, "a body edit leaves the icons as they were");
  // The description is in every page's shell, which re-renders every page but not the icons.
  const tagline = "description: A new tagline";
  await edit(join(content, "site.yaml"), (text) => text.replace(/^description: .*$/m, tagline));
  await build("a new description");
  assert.deepEqual(await inodes(site), first, "so does a new description");

  await edit(join(content, "site.yaml"), (text) => text.replace(/^title: .*$/m, "title: Wire"));
  await build("a new title");
  const after = await inodes(site);
  for (const [i, icon] of ICONS.entries()) {
    assert.notEqual(after[i], first[i], `${icon} is written again for a new title`);
    assert.notDeepEqual(await readFile(join(site, icon)), firstBytes[i], `${icon} shows it`);
  }
  assert.match(await readFile(join(site, "favicon.svg"), "utf8"), /<title>Wire<\/title>/);
});

const OWN = "an archive's own icon in static/ is published and linked instead of the drawn ones";

test(OWN, HANG, async (t) => {
  const own = Buffer.from([0, 0, 1, 0, 0, 0]);
  const content = await writeArchive({
    "site.yaml": "title: Own Icon Gazette\n",
    "articles/a.md": article(VALID),
    "entities/fbi.md": "---\nname: FBI\n---\n",
    "static/favicon.ico": own,
  }, t);
  const site = join(await tempDir(t, "own-icon"), "site");
  const run = await runBuild(content, site);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(await readFile(join(site, "favicon.ico")), own);
  const tree = await readTree(site);
  assert.ok(!tree.has("favicon.svg") && !tree.has("apple-touch-icon.png"), "nothing drawn");
  const home = tree.get("index.html")!.toString("utf8");
  assert.match(home, /<link rel="icon" href="\/favicon\.ico" sizes="32x32"\/?>/);
  assert.doesNotMatch(home, /favicon\.svg|apple-touch-icon/);
  const articlePage = tree.get("2020/08/12/a/index.html")!.toString("utf8");
  assert.equal(publisherLogo(articlePage), undefined, "an ICO is no logo");
});

const ARTICLE = "2020/08/13/tech-firms-meet-security-agencies/index.html";

interface ImageObjectJson {
  url: string;
  width?: unknown;
  height?: unknown;
}

/** The logo of the publisher in a page's NewsArticle JSON-LD, parsed. */
function publisherLogo(html: string): ImageObjectJson | undefined {
  const script = allElements(parsePageHtml(html)).find((element) => {
    return element.properties.type === "application/ld+json";
  });
  const text = script?.children[0]?.type === "text" ? script.children[0].value : "";
  const data = JSON.parse(text) as { "@type": string; publisher: { logo?: ImageObjectJson } };
  assert.equal(data["@type"], "NewsArticle");
  return data.publisher.logo;
}
