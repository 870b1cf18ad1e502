// The entities index: by type, each type filed by letter or ranked in bands of counts, cut into
// pages with jump links to wherever each type, letter and band starts.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  bandLabel, byBand, byLetter, cutIntoPages, entityGroups, entityIndexPages, entryBytes,
  INDEX_PAGE_BYTES, indexLetter, type IndexSection,
} from "../../src/archive/entity-index.ts";
import type {
  Article, Entity, EntityIndexPage, IndexPageGroup,
} from "../../src/archive/model.ts";
import type { Slug, SiteUrl } from "../../src/content/paths.ts";
import type { EntityType } from "../../src/content/schema.ts";

function entity(name: string, type: EntityType, articles: number): Entity {
  const slug = name.toLowerCase().replace(/\W+/g, "-") as Slug;
  return {
    name, slug, url: `/entities/${slug}/` as SiteUrl, type, aliases: [], links: [],
    linkMentions: true, articles: Array.from({ length: articles }, () => ({}) as Article),
    coMentions: [],
  };
}

const names = (section: IndexSection) => section.entries.map((entry) => entry.name);

test("names are filed under their first letter, accents aside, # for the rest", () => {
  assert.equal(indexLetter("Ángela Merkel"), "A");
  assert.equal(indexLetter("ßeta"), "S");
  assert.equal(indexLetter("émile"), "E");
  assert.equal(indexLetter("Москва"), "М");
  assert.equal(indexLetter("3M"), "#");
  assert.equal(indexLetter("«Le Monde»"), "#");
});

test("groups by type in the types' order; letters A–Z then #, names in the order given", () => {
  const entities = [
    entity("3M", "organization", 1), entity("Apple", "organization", 5),
    entity("Amazon", "organization", 9), entity("Zoë Ruiz", "person", 2),
    entity("Ángel Díaz", "person", 1), entity("Elections", "topic", 3),
  ];
  const groups = entityGroups(entities);
  assert.deepEqual(groups.map((g) => g.type), ["person", "organization", "topic"]);
  const letters = byLetter("organization", groups[1]!.entities);
  assert.deepEqual(letters.map((l) => [l.label, l.id, names(l)]), [
    ["A", "organization-a", ["Apple", "Amazon"]],
    ["#", "organization-other", ["3M"]],
  ]);
  assert.deepEqual(byLetter("person", groups[0]!.entities).map((l) => l.label), ["Z", "A"].sort());
});

test("by count: most articles first in bands, names in the order given within a count", () => {
  const entities = [1200, 5, 0, 40, 1, 5, 2].map((n, i) => entity(`E${i}`, "person", n));
  const bands = byBand("person", entities);
  assert.deepEqual(bands.map((b) => [b.label, names(b)]), [
    ["1,000 articles or more", ["E0"]],
    ["10 to 99 articles", ["E3"]],
    ["2 to 9 articles", ["E1", "E5", "E6"]],
    ["1 article", ["E4"]],
    ["No articles yet", ["E2"]],
  ]);
  assert.deepEqual(
    bands.map((b) => b.id),
    ["person-n1000", "person-n10", "person-n2", "person-n1", "person-n0"],
  );
  assert.equal(bandLabel(100), "100 to 999 articles");
});

/** A type of `sizes` sections, each of so many entries. */
function sections(type: EntityType, sizes: readonly number[]) {
  return {
    type,
    sections: sizes.map((size, i) => ({
      label: `S${i}`,
      id: `${type}-s${i}`,
      entries: Array.from({ length: size }, (_, n) => {
        return { name: `${i}.${n}`, url: "/x/" as SiteUrl, count: 1 };
      }),
    })),
  };
}

function namesOn(page: readonly IndexPageGroup[]) {
  return page.flatMap((group) => group.sections.flatMap((section) => section.entries));
}

/** Each page as its sections: "id:entries", with "+" when the section began earlier. */
function layout(pages: ReturnType<typeof cutIntoPages>): string[][] {
  const shown = (s: IndexPageGroup["sections"][number]) => {
    return `${s.continued ? "+" : ""}${s.id}:${s.entries.length}`;
  };
  return pages.map((page) => page.flatMap((group) => group.sections.map(shown)));
}

test("a section that fits a page is not split when its page is half full", () => {
  const pages = cutIntoPages([sections("person", [6, 3, 5, 2])], 10);
  assert.deepEqual(layout(pages), [["person-s0:6", "person-s1:3"], ["person-s2:5", "person-s3:2"]]);
});

test("a page less than half full is filled, and a section longer than a page goes on", () => {
  const pages = cutIntoPages([sections("person", [3, 25]), sections("place", [4, 9])], 10);
  assert.deepEqual(layout(pages), [
    ["person-s0:3", "person-s1:7"],
    ["+person-s1:10"],
    ["+person-s1:8"],
    ["place-s0:4", "place-s1:6"],
    ["+place-s1:3"],
  ]);
  assert.deepEqual(pages.map((page) => page.map((g) => [g.type, g.continued])), [
    [["person", false]], [["person", true]], [["person", true]], [["place", false]],
    [["place", true]],
  ]);
  assert.ok(pages.every((page) => namesOn(page).length <= 10));
});

test("a last page of a tenth of a page or less joins the page before", () => {
  assert.deepEqual(layout(cutIntoPages([sections("person", [10, 1])], 10)), [
    ["person-s0:10", "person-s1:1"],
  ]);
  assert.deepEqual(layout(cutIntoPages([sections("person", [11]), sections("place", [1])], 10)), [
    ["person-s0:10"],
    ["+person-s0:1", "place-s0:1"],
  ]);
  const joined = cutIntoPages([sections("person", [10]), sections("place", [1])], 10);
  assert.deepEqual(layout(joined), [["person-s0:10", "place-s0:1"]]);
  assert.deepEqual(joined[0]!.map((group) => group.continued), [false, false]);
});

test("weighed entries: fewer long ones a page; one heavier than a page has a page alone", () => {
  const type = sections("person", [6]);
  const weight = (entry: { name: string }) => (entry.name === "0.2" ? 30 : 4);
  assert.deepEqual(layout(cutIntoPages([type], 10, weight)), [
    ["person-s0:2"], ["+person-s0:1"], ["+person-s0:2"], ["+person-s0:1"],
  ]);
});

test("no entities: one empty page", () => {
  assert.deepEqual(cutIntoPages([], 10), [[]]);
  const pages = entityIndexPages([]);
  assert.deepEqual(
    pages.map((p) => [p.url, p.pageCount, p.groups.length]),
    [["/entities/", 1, 0], ["/entities/by-count/", 1, 0]],
  );
});

/** The page a jump link leads to, and whether the heading it names is there. */
function lands(pages: readonly EntityIndexPage[], target: { url: string; id: string }) {
  const page = pages.find((p) => p.url === target.url);
  assert.ok(page, `a page at ${target.url}`);
  const ids = page.groups.flatMap((g) => [`${g.type}-heading`, ...g.sections.map((s) => s.id)]);
  return ids.includes(target.id) ? page : undefined;
}

test("at 5,000 entities: pages of about 44 kB of names, jump links where headings start", () => {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const entities = Array.from({ length: 5000 }, (_, i) => {
    const type: EntityType = i % 10 === 0 ? "person" : i % 10 === 1 ? "place" : "organization";
    return entity(`${letters[(i * 7) % 26]}name ${String(i).padStart(4, "0")}`, type, i % 97);
  });
  const sorted = [...entities].sort((a, b) => (a.name < b.name ? -1 : 1));
  const groups = entityGroups(sorted);
  const pages = entityIndexPages(groups);
  for (const order of ["name", "count"] as const) {
    const ofOrder = pages.filter((p) => p.order === order);
    const first = order === "name" ? "/entities/" : "/entities/by-count/";
    const urls = ofOrder.map((_, i) => (i ? `${first}page/${i + 1}/` : first));
    assert.deepEqual(ofOrder.map((p) => p.url), urls);
    const entries = ofOrder.map((p) => namesOn(p.groups));
    assert.equal(entries.flat().length, 5000);
    const sizes = entries.map((listed) => listed.reduce((n, e) => n + entryBytes(e), 0));
    // A last page of a few names joins the one before, which may then hold a tenth more.
    const most = INDEX_PAGE_BYTES * 1.1;
    assert.ok(sizes.every((size) => size <= most), `${order}: ${sizes.join(" ")}`);
    // Every page but the last is at least half full: of the room the jump links leave.
    const room = INDEX_PAGE_BYTES / 2 / 2;
    assert.ok(sizes.slice(0, -1).every((size) => size >= room), `${order}: ${sizes.join(" ")}`);
    for (const type of ofOrder[0]!.contents) {
      const landed = lands(ofOrder, type);
      assert.ok(landed && !landed.groups.find((g) => g.type === type.type)!.continued, type.type);
      assert.equal(type.count, groups.find((g) => g.type === type.type)!.entities.length);
      for (const section of type.sections) {
        const page = lands(ofOrder, section);
        const found = page?.groups.flatMap((g) => g.sections).find((s) => s.id === section.id);
        assert.equal(found?.continued, false, `${section.id} starts on ${section.url}`);
      }
    }
    // Each page shows every type's count, and the same jump links.
    assert.ok(ofOrder.every((p) => p.contents === ofOrder[0]!.contents));
  }
  const byCount = pages.filter((p) => p.order === "count").flatMap((p) => p.groups);
  const people = byCount
    .filter((g) => g.type === "person")
    .flatMap((g) => g.sections.flatMap((s) => s.entries));
  assert.deepEqual(people.map((e) => e.count), people.map((e) => e.count).sort((a, b) => b - a));
  assert.equal(people.length, 500);
});
