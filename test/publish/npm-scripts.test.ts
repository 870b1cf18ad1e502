// The npm scripts as an editor runs them: each starts the command in one Node process (no
// `tsx` parent in between to relay Ctrl-C and kill the build before it has cleaned up).
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { PROJECT_ROOT, readTree, runBuild, startProcess } from "../support/build.ts";
import { entriesBeside, tempDir } from "../support/temp.ts";

const FIXTURE = join(PROJECT_ROOT, "test/fixtures/archive/content");

function npm(args: string[], env: NodeJS.ProcessEnv = {}) {
  return startProcess("npm", ["run", "--silent", ...args], env, { ownGroup: true });
}

test("every npm script runs its command with node --import tsx, in one process", async () => {
  // The commands that publish may give V8 a larger young generation: fewer, cheaper
  // collections while the model and the pages are held (about a tenth of a cold build); and
  // let the publish step collect the garbage between Eleventy runs (src/publish/write-pages.ts).
  const manifest = await readFile(join(PROJECT_ROOT, "package.json"), "utf8");
  const { scripts } = JSON.parse(manifest) as { scripts: Record<string, string> };
  const names = ["build", "start", "check", "new", "import", "entities:suggest", "bench"];
  for (const name of [...names, "bench:search", "generate", "lighthouse"]) {
    const flags = ["build", "start"].includes(name) ? "--max-semi-space-size=64 --expose-gc " : "";
    const command = new RegExp(`^node ${flags}--import tsx (src|scripts)/\\S+\\.ts$`);
    assert.match(scripts[name] ?? "", command, name);
  }
});

test("Ctrl-C on npm run build stops it cleanly: the site stays, nothing is left", async (t) => {
  const parent = await tempDir(t, "npm-ctrl-c");
  const content = join(parent, "content");
  await generateCorpus({ count: 150, outDir: content, seed: 3 });
  const out = join(parent, "site");
  const cache = join(await tempDir(t, "npm-cache"), "cache");
  const env = { CONTENT_DIR: content, OUTPUT_DIR: out, DATELINE_CACHE_DIR: cache };
  assert.equal((await runBuild(content, out, env)).code, 0);
  const before = await readTree(out);
  const build = npm(["build"], env);
  await build.printed(/Writing pages for/);
  build.kill("SIGINT", "group");
  const run = await build.exited;
  assert.deepEqual(await readTree(out), before);
  assert.deepEqual((await entriesBeside(parent)).sort(), ["content", "site"], "a folder is left");
  assert.match(run.stderr, /Stopped by SIGINT: nothing was published/);
  // npm waits for the build, then ends itself by the same signal, as a shell expects.
  const ended = `exit ${run.code}, signal ${run.signal}\n${run.stderr}`;
  assert.ok(run.signal === "SIGINT" || run.code === 130, ended);
});

test("npm start, check, new, import, bench, bench:search, generate and lighthouse start", async (t) => {
  const parent = await tempDir(t, "npm-scripts");
  const check = await npm(["check"], { CONTENT_DIR: FIXTURE }).exited;
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, /ready to publish/);
  const created = await npm(["new"], { CONTENT_DIR: join(parent, "content") }).exited;
  assert.equal(created.code, 2, created.stderr);
  assert.match(created.stderr, /Give the headline/);
  const imported = await npm(["import"], { CONTENT_DIR: join(parent, "content") }).exited;
  assert.equal(imported.code, 2, imported.stderr);
  assert.match(imported.stderr, /usage: npm run import/);
  const bench = await npm(["bench", "--", "none"]).exited;
  assert.equal(bench.code, 2, bench.stderr);
  assert.match(bench.stderr, /usage: npm run bench/);
  const searchBench = await npm(["bench:search", "--", join(parent, "no-site")]).exited;
  assert.equal(searchBench.code, 2, searchBench.stderr);
  assert.match(searchBench.stderr, /usage: npm run bench:search/);
  const lighthouse = await npm(["lighthouse", "--", join(parent, "no-site")]).exited;
  assert.equal(lighthouse.code, 2, lighthouse.stderr);
  assert.match(lighthouse.stderr, /usage: npm run lighthouse/);
  const generated = await npm(["generate", "--", "2", join(parent, "corpus")]).exited;
  assert.equal(generated.code, 0, generated.stderr);
  assert.match(generated.stdout, /^2 articles/);

  const preview = join(parent, "preview");
  // PORT=0: the system picks a free port, and the server says which.
  const server = npm(["start"], { CONTENT_DIR: FIXTURE, OUTPUT_DIR: preview, PORT: "0" });
  try {
    await server.printed(/Serving a preview .* at http:\/\/127\.0\.0\.1:\d+\//);
  } finally {
    server.kill("SIGINT", "group");
    await server.exited;
  }
});
