// `npm start`'s preview: drafts and content errors shown, every change (deletions included)
// published again, only on this machine, never into _site, and no request can bring it down.
import assert from "node:assert/strict";
import { HANG } from "../support/hang.ts";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import { resolveOptions } from "../../src/config/options.ts";
import { type BuildOutcome, type Preview, startPreview } from "../../src/preview/preview.ts";
import { article, VALID, writeArchive } from "../support/archive.ts";
import { PROJECT_ROOT } from "../support/build.ts";

async function previewOf(t: TestContext, files: Record<string, string>) {
  const parent = await mkdtemp(join(tmpdir(), "dateline-preview-"));
  let preview: Preview | undefined;
  // The server stops (and its last publish ends) before its folders go: hooks run in order.
  t.after(async () => {
    await preview?.close();
    await rm(parent, { recursive: true, force: true });
  });
  const content = await writeArchive(files, join(parent, "content"));
  const options = resolveOptions([], { CONTENT_DIR: content, DATELINE_CACHE_DIR: join(parent, "cache") }, parent, "_preview");
  const log: string[] = [];
  preview = await startPreview(options, { port: 0, log: (line) => log.push(line) });
  return { parent, content, preview, log };
}

/**
 * Makes a change, then waits for the publishes the watcher starts on its own until the home
 * page shows what `shows` expects. A save can reach the watcher as several events (the file
 * emptied, then written), so one publish may see a half-saved file; a later one never does.
 */
async function change(preview: Preview, make: () => Promise<void>, shows: (home: string) => boolean): Promise<string> {
  const outcomes: BuildOutcome[] = [];
  let signal: () => void = () => {};
  const listener = (outcome: BuildOutcome) => {
    outcomes.push(outcome);
    signal();
  };
  preview.events.on("built", listener);
  try {
    await make();
    for (;;) {
      if (outcomes.length === 0) await new Promise<void>((resolve) => (signal = resolve));
      const outcome = outcomes.shift()!;
      assert.equal(outcome.ok, true, outcome.ok ? "" : outcome.message);
      const home = (await get(preview, "/")).body;
      if (shows(home)) return home;
    }
  } finally {
    preview.events.off("built", listener);
  }
}

async function get(preview: Preview, path: string): Promise<{ status: number; body: string }> {
  // node:http sends the path as written: fetch() would normalise `..` and bad escapes away.
  const url = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const files = {
  "articles/a.md": article(VALID),
  "articles/draft.md": article({ ...VALID, title: "Work in progress", draft: "true" }),
  "static/files/note.txt": "a static file",
};

test("the preview shows drafts, static files and search, in _preview and on loopback only", async (t) => {
  const { parent, preview } = await previewOf(t, files);
  assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.match((await get(preview, "/")).body, /A headline/);
  assert.match((await get(preview, "/2020/08/12/draft/")).body, /DRAFT: this page is not published/);
  assert.equal((await get(preview, "/files/note.txt")).body, "a static file");
  assert.match((await get(preview, "/pagefind/shards.json")).body, /"shards":\["\d{4}-\d{4}"/);
  assert.match((await get(preview, "/")).body, /<script src="\/__dateline\/reload\.js" defer>/);
  // The first preview also leaves its spare, the folder its next publish starts from.
  const beside = ["._preview.spare", "_preview", "cache", "content"];
  assert.deepEqual((await readdir(parent)).sort(), beside, "no _site");
  const content = join(parent, "content");
  assert.ok(!(await readdir(content)).includes("published-urls.json"), "a preview keeps no record");
});

test("malformed and traversing requests get an answer, and the server stays up", async (t) => {
  const { preview } = await previewOf(t, files);
  for (const path of ["/%2e%2e%2f", "/%E0%A4%A", "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.dateline-site", "/%00"]) {
    const { status, body } = await get(preview, path);
    assert.ok(status >= 400 && status < 500, `${path} answered ${status}`);
    assert.doesNotMatch(body, /root:/);
  }
  assert.equal((await get(preview, "/")).status, 200, "still serving");
});

test("an edit, an error, its fix and a deletion are each published again", HANG, async (t) => {
  const { content, preview, log } = await previewOf(t, { ...files, "articles/b.md": article({ ...VALID, title: "Second story", date: "2020-08-13" }) });
  const broken = await change(preview, () => writeFile(join(content, "articles/a.md"), article({ ...VALID, date: "2020-13-45" })), (home) => home.includes("content-problems"));
  const place = /articles\/a\.md:3:7<\/code> <span[^>]*>&quot;date&quot; &quot;2020-13-45&quot;/;
  assert.match(broken, place);
  assert.match(broken, /has no month 13/);
  assert.ok(log.some((line) => /a\.md:3:7 {2}"date" "2020-13-45" has no month 13/.test(line)));
  // The banner's style comes from the preview alone (src/preview/preview.css).
  assert.match(broken, /<link rel="stylesheet" href="\/__dateline\/preview\.css"\/?>/);
  const style = await get(preview, "/__dateline/preview.css");
  assert.equal(style.status, 200);
  assert.match(style.body, /\.content-problems \{/);

  const fixed = await change(preview, () => writeFile(join(content, "articles/a.md"), article(VALID)), (home) => !home.includes("content-problems"));
  assert.match(fixed, /A headline/);
  assert.match(fixed, /Second story/);

  await change(preview, () => rm(join(content, "articles/b.md")), (home) => !home.includes("Second story"));
  assert.equal((await get(preview, "/2020/08/13/b/")).status, 404);
});

test("a body edited alone shows before the full publish, which writes the same page", HANG, async (t) => {
  const { content, preview } = await previewOf(t, { ...files, "articles/b.md": article({ ...VALID, title: "Second story", date: "2020-08-13" }) });
  const seen: string[] = [];
  preview.events.on("quick", () => seen.push("quick"));
  const quick = once(preview.events, "quick");
  const built = new Promise<BuildOutcome>((resolve) => preview.events.on("built", (outcome) => {
    seen.push("built");
    if (seen.includes("quick")) resolve(outcome);
  }));
  // Saved as editors save: a new file renamed over the old one, so no event sees it half written.
  const saveAs = async (text: string) => {
    await writeFile(join(content, "articles/.a.md.swp"), text);
    await rename(join(content, "articles/.a.md.swp"), join(content, "articles/a.md"));
  };
  await saveAs(`${article(VALID)}\nA paragraph added *by hand*.\n`);
  await quick;
  const page = (await get(preview, "/2020/08/12/a/")).body;
  assert.match(page, /A paragraph added <em>by hand<\/em>\./);
  const outcome = await built;
  assert.equal(outcome.ok, true);
  assert.equal((await get(preview, "/2020/08/12/a/")).body, page, "the full publish wrote other bytes");

  // A front matter edit shows on other pages too: only the full publish makes it.
  seen.length = 0;
  await change(preview, () => saveAs(article({ ...VALID, title: "Retitled" })), (home) => home.includes("Retitled"));
  assert.deepEqual(seen.filter((event) => event === "quick"), [], "the quick path took a front matter edit");
});

test("npm start refuses an output folder holding other files, and writes nothing there", async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-preview-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = await writeArchive(files, join(parent, "content"));
  const out = join(parent, "elsewhere");
  await mkdir(out);
  await writeFile(join(out, "precious.txt"), "keep me");
  const server = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: out, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const [code] = (await once(server, "exit")) as [number];
  assert.equal(code, 1);
  assert.match(stderr, /holds files that Dateline did not publish \(precious\.txt\)/);
  assert.deepEqual(await readdir(out), ["precious.txt"]);
});

test("npm start serves until it is interrupted, then exits cleanly", async (t) => {
  const parent = await mkdtemp(join(tmpdir(), "dateline-preview-"));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const content = await writeArchive(files, join(parent, "content"));
  const server = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: join(parent, "_preview"), PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = once(server, "exit");
  let stdout = "";
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    void exited.then(() => reject(new Error(`the server exited: ${stdout}`)));
  });
  assert.match(await (await fetch(url)).text(), /A headline/);
  server.kill("SIGINT");
  const [code] = (await exited) as [number];
  assert.equal(code, 0);
});
