// The page numbers a paginated list offers: first and last always, two each side of the
// current page, a gap only where it hides two pages or more.
import assert from "node:assert/strict";
import { test } from "node:test";
import { listPageUrl, pageSlots, pageWindow, paginate } from "../../src/archive/pagination.ts";
import type { Article } from "../../src/archive/model.ts";
import { siteUrl } from "../../src/content/paths.ts";

const CASES: [current: number, count: number, window: (number | "gap")[]][] = [
  [1, 1, [1]],
  [1, 2, [1, 2]],
  [2, 2, [1, 2]],
  [1, 5, [1, 2, 3, 4, 5]],
  [3, 7, [1, 2, 3, 4, 5, 6, 7]],
  [1, 7, [1, 2, 3, "gap", 7]],
  [7, 7, [1, "gap", 5, 6, 7]],
  // A gap would hide one page only: the number is shown instead.
  [1, 5, [1, 2, 3, 4, 5]],
  [5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  [6, 11, [1, "gap", 4, 5, 6, 7, 8, "gap", 11]],
  [1, 99, [1, 2, 3, "gap", 99]],
  [2, 99, [1, 2, 3, 4, "gap", 99]],
  [50, 99, [1, "gap", 48, 49, 50, 51, 52, "gap", 99]],
  [98, 99, [1, "gap", 96, 97, 98, 99]],
  [99, 99, [1, "gap", 97, 98, 99]],
  [5000, 10_000, [1, "gap", 4998, 4999, 5000, 5001, 5002, "gap", 10_000]],
];

test("the window of page numbers: first and last pages, tiny and huge counts", () => {
  for (const [current, count, window] of CASES) {
    assert.deepEqual(pageWindow(current, count), window, `page ${current} of ${count}`);
  }
  assert.deepEqual(pageWindow(1, 0), []);
});

test("every window holds the current page once, in order, and never more than nine slots", () => {
  for (let count = 1; count <= 40; count++) {
    for (let current = 1; current <= count; current++) {
      const window = pageWindow(current, count);
      const numbers = window.filter((slot): slot is number => slot !== "gap");
      assert.deepEqual(
        numbers,
        [...numbers].sort((a, b) => a - b),
        `${current}/${count}`,
      );
      assert.equal(numbers.filter((n) => n === current).length, 1);
      assert.equal(numbers[0], 1);
      assert.equal(numbers.at(-1), count);
      assert.ok(window.length <= 9, `${current}/${count}: ${window.join(" ")}`);
      window.forEach((slot, i) => {
        if (slot !== "gap") return;
        const [before, after] = [window[i - 1] as number, window[i + 1] as number];
        assert.ok(
          after - before > 2,
          `${current}/${count}: a gap hides ${after - before - 1} page`,
        );
      });
    }
  }
});

test("slots link each page number to its URL: the first page is the list's own", () => {
  const first = siteUrl("/entities/fbi/");
  assert.equal(listPageUrl(first, 1), "/entities/fbi/");
  assert.equal(listPageUrl(first, 12), "/entities/fbi/page/12/");
  assert.deepEqual(pageSlots(siteUrl("/"), 1, 4), [
    { pageNumber: 1, url: "/" },
    { pageNumber: 2, url: "/page/2/" },
    { pageNumber: 3, url: "/page/3/" },
    { pageNumber: 4, url: "/page/4/" },
  ]);
  assert.deepEqual(pageSlots(siteUrl("/2020/08/"), 1, 6).at(-2), { gap: true });
});

test("paginate cuts a list into pages with first, last, neighbours and slots", () => {
  const articles = Array.from({ length: 7 }, (_, i) => ({ title: `A${i}` }) as unknown as Article);
  const pages = paginate(articles, 3, siteUrl("/2020/08/"), { year: 2020 });
  assert.deepEqual(
    pages.map((page) => [page.url, page.articles.length, page.previousUrl, page.nextUrl]),
    [
      ["/2020/08/", 3, undefined, "/2020/08/page/2/"],
      ["/2020/08/page/2/", 3, "/2020/08/", "/2020/08/page/3/"],
      ["/2020/08/page/3/", 1, "/2020/08/page/2/", undefined],
    ],
  );
  for (const page of pages) {
    assert.equal(page.firstUrl, "/2020/08/");
    assert.equal(page.lastUrl, "/2020/08/page/3/");
    assert.equal(page.year, 2020);
    assert.equal(page.slots.length, 3);
  }
  const single = paginate([], 3, siteUrl("/"), {});
  assert.deepEqual([single.length, single[0]!.slots, single[0]!.lastUrl], [1, [], "/"]);
});
