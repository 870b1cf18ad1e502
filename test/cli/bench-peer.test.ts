// `npm run bench --hugo` finds the Hugo peer site beside the project, wherever it is checked out.
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { hugoPeerSite } from "../../scripts/bench-peer.ts";

test("the Hugo peer is ../shared/bench/hugo from the project root, wherever that is", () => {
  const root = resolve("/srv/checkouts/dateline");
  assert.equal(hugoPeerSite(root, {}), resolve("/srv/checkouts/shared/bench/hugo"));
  assert.equal(hugoPeerSite(join(root, "/"), {}), resolve("/srv/checkouts/shared/bench/hugo"));
});

test("BENCH_HUGO_SITE points elsewhere, relative to where the command was run", () => {
  const root = resolve("/srv/checkouts/dateline");
  const absolute = { BENCH_HUGO_SITE: "/opt/hugo-site" };
  assert.equal(hugoPeerSite(root, absolute), resolve("/opt/hugo-site"));
  const relative = { BENCH_HUGO_SITE: "peer", INIT_CWD: "/home/ana" };
  assert.equal(hugoPeerSite(root, relative), resolve("/home/ana/peer"));
});
