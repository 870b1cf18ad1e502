// Static files are published from an allowlist of what readers download: every other type,
// any name starting with ".", and a name hiding a server-run extension are located errors.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { checkStaticFiles } from "../../src/publish/static-files.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { runBuild, runCommand } from "../support/build.ts";
import { tempDir } from "../support/temp.ts";

const NO_PAGES = new Set<string>();

const ALLOWED = [
  "images/Cover.JPG",
  "images/photo.jpeg",
  "images/chart.png",
  "images/anim.gif",
  "images/pic.webp",
  "images/pic.avif",
  "favicon.ico",
  "audio/interview.mp3",
  "audio/interview.OGG",
  "video/clip.mp4",
  "video/clip.webm",
  "video/clip.vtt",
  "files/report.2020.pdf",
  "files/notes.txt",
  "files/data.csv",
  "files/budget.xlsx",
  "files/letter.docx",
  "files/slides.odp",
  "files/archive.zip",
  "fonts/serif.woff2",
];

const REFUSED: [path: string, rule: string, message: RegExp][] = [
  ["evil.xht", "static-type", /^\.xht files are not among the types published from static\//],
  ["EVIL.XHTML", "static-type", /^\.XHTML files are not among/],
  ["promo.html", "static-type", /^\.html files are not among/],
  ["logo.svg", "static-type", /^\.svg files are not among/],
  ["app.js", "static-type", /^\.js files are not among/],
  ["feed.rss", "static-type", /^\.rss files are not among/],
  ["style.xsl", "static-type", /^\.xsl files are not among/],
  ["math.mml", "static-type", /^\.mml files are not among/],
  ["web.config", "static-type", /^\.config files are not among/],
  ["staticwebapp.config.json", "static-type", /^\.json files are not among/],
  ["_headers", "static-type", /^files without an extension are not among/],
  [".htaccess", "static-dotfile", /names starting with "\." \(such as \.htaccess\) are not/],
  [".user.ini", "static-dotfile", /names starting with "\."/],
  [".well-known/security.txt", "static-dotfile", /names starting with "\."/],
  ["images/.hidden/photo.png", "static-dotfile", /names starting with "\."/],
  ["images/photo.php.png", "static-inner-type", /"\.php" inside its name: some web servers/],
];

test("the types readers download are published, whatever the case of the extension", async (t) => {
  const content = await tempDir(t, "static-allowed");
  await writeArchive(Object.fromEntries(ALLOWED.map((path) => [`static/${path}`, "x"])), content);
  assert.deepEqual(await checkStaticFiles(content, NO_PAGES), []);
});

test("every other type, dotfiles and server-run inner extensions are errors", async (t) => {
  const content = await tempDir(t, "static-refused");
  const files = Object.fromEntries(REFUSED.map(([path]) => [`static/${path}`, "x"]));
  await writeArchive(files, content);
  const problems = await checkStaticFiles(content, NO_PAGES);
  for (const [path, rule, message] of REFUSED) {
    const found = problems.find((problem) => problem.file === join(content, "static", path));
    assert.ok(found, `${path} is not refused`);
    assert.equal(found.rule, rule, path);
    assert.equal(found.severity, "error", path);
    assert.match(found.message, message, path);
  }
  const typeProblem = problems.find((problem) => problem.rule === "static-type")!;
  assert.match(typeProblem.fix, /\.png, .*\.pdf, .*\.woff2/, "the fix lists the allowed types");
  assert.equal(problems.length, REFUSED.length);
});

test("a build with an XHTML page in static/ publishes nothing and names the file", async (t) => {
  const parent = await tempDir(t, "static-build");
  const content = join(parent, "content");
  const script = '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>';
  await writeArchive({ "articles/a.md": article(VALID), "static/evil.xht": script }, content);
  const run = await runBuild(content, join(parent, "site"));
  assert.equal(run.code, 1);
  assert.match(run.stderr, /static\/evil\.xht {2}\.xht files are not among the types published/);
  assert.deepEqual(await readdir(parent), ["content"]);
});

test("a static file where a page is a file or needs a folder is an error, in check and build", async (t) => {
  const parent = await tempDir(t, "static-folders");
  const content = join(parent, "content");
  const pixel = "x";
  const clashes: [path: string, message: RegExp][] = [
    ["feed.xml/a.png", /^\/feed\.xml\/a\.png would need \/feed\.xml to be a folder, and it is a page/],
    ["2020/08/12/a/index.html/b.png", /^\/2020\/08\/12\/a\/index\.html\/b\.png would need \/2020\/08\/12\/a\/index\.html to be a folder/],
    ["authors", /^\/authors is a folder of the archive's pages/],
  ];
  const files = Object.fromEntries(clashes.map(([path]) => [`static/${path}`, pixel]));
  await writeArchive({ "articles/a.md": article(VALID), ...files, "static/2020/08/12/a/photo.png": pixel }, content);
  const pages = new Set(["feed.xml", "2020/08/12/a/index.html", "authors/index.html"]);
  const problems = await checkStaticFiles(content, pages);
  assert.deepEqual(problems.map((problem) => problem.rule), clashes.map(() => "static-overwrites-page"));
  for (const [path, message] of clashes) {
    const found = problems.find((problem) => problem.file === join(content, "static", path));
    assert.match(found?.message ?? `${path} is not refused`, message);
  }
  const run = await runBuild(content, join(parent, "site"));
  assert.equal(run.code, 1);
  assert.doesNotMatch(run.stderr, /EISDIR|ENOTDIR|\bat .*\.ts:\d+/);
  for (const [path] of clashes) assert.match(run.stderr, new RegExp(`static/${path.replaceAll(".", "\\.")} `));
  assert.deepEqual(await readdir(parent), ["content"]);
});

test("a static file in place of one of the theme's files is an error, in check and build", async (t) => {
  const parent = await tempDir(t, "static-theme");
  const content = join(parent, "content");
  // The theme's style sheet, and a folder where its script is a file; a file of one's own
  // under /assets/ is fine.
  const clashes = ["assets/site.css", "assets/search-key.js/a.png"];
  const files = Object.fromEntries(clashes.map((path) => [`static/${path}`, "x"]));
  await writeArchive({ "articles/a.md": article(VALID), ...files, "static/assets/logo.png": "x" }, content);
  const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
  assert.equal(check.code, 1);
  assert.match(check.stdout, /static\/assets\/site\.css {2}\/assets\/site\.css is one of the theme's own files/);
  assert.match(check.stdout, /static\/assets\/search-key\.js\/a\.png {2}\/assets\/search-key\.js\/a\.png would need/);
  assert.doesNotMatch(check.stdout, /logo\.png/);
  const run = await runBuild(content, join(parent, "site"));
  assert.equal(run.code, 1);
  for (const path of clashes) assert.match(run.stderr, new RegExp(`static/${path.replaceAll(".", "\\.")} `));
  assert.deepEqual(await readdir(parent), ["content"]);
});
