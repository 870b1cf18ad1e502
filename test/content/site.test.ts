// site.yaml: the settings an archive may give, each refused at its line when it is wrong, and
// stored the one way the rest of the pipeline expects (a canonical language tag, a URL with /).
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { formatProblem } from "../../src/content/problems.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { runBuild, runCommand } from "../support/build.ts";

async function archiveWithSite(t: TestContext, siteYaml: string): Promise<string> {
  const dir = await writeArchive({
    "articles/2020/08/a.md": article(VALID),
    "site.yaml": siteYaml,
  }, t);
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function readSite(t: TestContext, siteYaml: string) {
  const dir = await archiveWithSite(t, siteYaml);
  const { archive, problems } = await readArchive(dir, { includeDrafts: false });
  return { dir, site: archive.site, errors: problems.filter((p) => p.severity === "error") };
}

const refused: { yaml: string; message: RegExp }[] = [
  {
    yaml: 'language: "en/../../../elsewhere/x"',
    message: /"language" "en\/\.\.\/\.\.\/\.\.\/elsewhere\/x" is not a language tag/,
  },
  {
    yaml: "language: en-aaaaaaaa-bbbbbbbb-cccccccc-ddd",
    message: /"language" .* is not a language tag/,
  },
  { yaml: "language: en-US-x-aaaaaaaa-bbbbbbbb-cccccccc", message: /private-use/ },
  { yaml: "language: sl-IT-rozaj-biske-1994", message: /longer than .* \(16\); use sl-IT/ },
  { yaml: "language: en_US", message: /is not a language tag/ },
  { yaml: "pageSize: 0", message: /"pageSize" must be at least 1/ },
  { yaml: "pageSize: 100000", message: /"pageSize" must be at most 500/ },
  { yaml: "pageSize: 2.5", message: /"pageSize" must be a whole number/ },
  { yaml: "language: english", message: /"english" is not a language code/ },
  { yaml: "language: en-u-ca-gregory", message: /extension/ },
  { yaml: 'url: \'https://example.org/x"onmouseover="alert(1)"y=\'', message: /has a path/ },
  { yaml: "url: 'https://exa\"mple.org'", message: /host name/ },
  {
    yaml: "url: http://example.org:99999",
    message: /"url" "http:\/\/example\.org:99999" is not a valid web address/,
  },
  { yaml: "url: https://ana:secret@example.org", message: /user name or password/ },
  { yaml: "url: https://example.org/?utm=1", message: /query/ },
  { yaml: "url: https://example.org/#top", message: /fragment/ },
  { yaml: "url: ftp://example.org", message: /http/ },
  { yaml: "url: example.org", message: /is not a valid web address/ },
  { yaml: "url: https://example.org/news/", message: /has a path \(\/news\/\)/ },
  { yaml: "timezone: Mars/Olympus_Mons", message: /"Mars\/Olympus_Mons" is not a time zone name/ },
  { yaml: "timezone: GMT+25", message: /is not a time zone name/ },
  { yaml: "timezone: 5", message: /must be a time zone name/ },
];

for (const { yaml, message } of refused) {
  test(`site.yaml refuses ${yaml}, at its line`, async (t) => {
    const { dir, errors } = await readSite(t, `title: News\n${yaml}\n`);
    const found = errors.find((p) => p.file === join(dir, "site.yaml"));
    assert.ok(found, `no error; got ${errors.map((p) => formatProblem(p, dir)).join("\n")}`);
    assert.equal(found.rule, "invalid-value");
    assert.match(found.message, message);
    assert.equal(found.line, 2, formatProblem(found, dir));
    assert.ok(found.column && found.column > 1, "the column of the value");
    assert.match(found.fix, /e\.g\./, "the fix shows an example");
  });
}

test("a language is stored as its canonical tag", async (t) => {
  const cases: [string, string][] = [
    ["EN-us", "en-US"],
    ["zh-hant-tw", "zh-Hant-TW"],
    ["ca-ES-valencia", "ca-ES-valencia"],
    ["es-419", "es-419"],
    ["iw", "he"],
  ];
  for (const [written, stored] of cases) {
    const { site, errors } = await readSite(t, `language: ${written}\n`);
    assert.deepEqual(errors, [], written);
    assert.equal(site.language, stored, written);
  }
});

test("a url is stored as the URL API writes it, with one / and no default port", async (t) => {
  const cases: [string, string][] = [
    ["https://News.Example.org", "https://news.example.org/"],
    ["https://news.example.org/", "https://news.example.org/"],
    ["https://news.example.org:443", "https://news.example.org/"],
    ["http://localhost:8080", "http://localhost:8080/"],
    ["https://東京.example", "https://xn--1lqs71d.example/"],
    ["http://[::1]:8080", "http://[::1]:8080/"],
  ];
  for (const [written, stored] of cases) {
    const { site, errors } = await readSite(t, `url: ${written}\n`);
    assert.deepEqual(errors, [], written);
    assert.equal(site.url, stored, written);
  }
});

test("a site.yaml without url or language gets valid defaults", async (t) => {
  const { site, errors } = await readSite(t, "title: News\n");
  assert.deepEqual(errors, []);
  assert.equal(site.language, "en");
  assert.equal(site.url, "http://localhost:8080/");
  assert.equal(site.timezone, "UTC");
});

test("a timezone is kept as written, trimmed", async (t) => {
  const { site, errors } = await readSite(t, "timezone: ' America/New_York '\n");
  assert.deepEqual(errors, []);
  assert.equal(site.timezone, "America/New_York");
});

/** The located line about site.yaml that a command printed. */
function siteYamlLine(output: string): string | undefined {
  return output
    .split("\n")
    .find((line) => /site\.yaml:\d+:\d+ {2}/.test(line))
    ?.trim();
}

// The review's reproductions, end to end: build and check refuse the same line, and a refused
// language never reaches Pagefind, so nothing is written beside the output folder.
for (const yaml of [
  'language: "en/../../../elsewhere/x"',
  "language: en-aaaaaaaa-bbbbbbbb-cccccccc-ddd",
  "url: http://example.org:99999",
]) {
  test(`build and check both stop at site.yaml for ${yaml}`, async (t) => {
    const content = await archiveWithSite(t, `${yaml}\n`);
    const parent = await mkdtemp(join(tmpdir(), "dateline-site-"));
    t.after(() => rm(parent, { recursive: true, force: true }));
    const build = await runBuild(content, join(parent, "site"));
    const check = await runCommand("src/cli/check.ts", [], { CONTENT_DIR: content });
    assert.equal(build.code, 1, build.stderr);
    assert.equal(check.code, 1, check.stdout);
    assert.doesNotMatch(build.stderr, /panicked|TypeError|at .*\.ts:\d+/);
    const located = siteYamlLine(build.stderr);
    assert.match(located ?? "", /site\.yaml:1:\d+ {2}"(language|url)" /, build.stderr);
    assert.equal(siteYamlLine(check.stdout), located);
    assert.deepEqual(await readdir(parent), [], "nothing written beside (or in) the output folder");
  });
}
