// "More on this story": the articles sharing an article's main entities, in date order around it.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import { PROJECT_ROOT } from "../../src/config/options.ts";
import { readArchive } from "../../src/read-archive.ts";
import { article, writeArchive } from "../support/archive.ts";
import { suiteCleanup } from "../support/temp.ts";

const temp = suiteCleanup(after);
const base = { author: "Ana Ruiz", summary: "S." };
const MEETING = "[Facebook, Google, Twitter, FBI, Menlo Park]";

test("an article's story: 3 of its first 5 entities shared, nearest first, told in date order", async () => {
  const files: Record<string, string> = {
    "articles/m2018.md": article({ ...base, title: "Meeting 2018", date: "2018-05-23", entities: MEETING }),
    "articles/m2019.md": article({ ...base, title: "Meeting 2019", date: "2019-09-04", entities: "[Facebook, Google, Twitter, ODNI]", tags: "[elections]" }),
    "articles/m2020.md": article({ ...base, title: "Meeting 2020", date: "2020-08-12", entities: MEETING }),
    "articles/press.md": article({ ...base, title: "Press", date: "2020-08-13", entities: "[Gizmodo, Facebook, Google, Twitter]" }),
    "articles/other.md": article({ ...base, title: "Other", date: "2019-01-01", entities: "[Facebook, Google, Apple]" }),
    "articles/topics.md": article({ ...base, title: "Topics only", date: "2019-02-01", tags: "[elections]" }),
  };
  const result = await readArchive(await writeArchive(files, temp), { includeDrafts: false });
  const story = (title: string) => {
    const found = result.archive.articles.find((a) => a.title === title)!;
    return found.story && { earlier: found.story.earlier.map((l) => l.title), since: found.story.since.map((l) => l.title) };
  };
  assert.deepEqual(story("Meeting 2019"), { earlier: ["Meeting 2018"], since: ["Meeting 2020", "Press"] });
  assert.deepEqual(story("Meeting 2018"), { earlier: [], since: ["Meeting 2019", "Meeting 2020", "Press"] });
  // Facebook and Google only: two of three is not the story.
  assert.equal(story("Other"), undefined);
  assert.equal(story("Topics only"), undefined, "topics are not main entities");
  const m2019 = result.archive.articles.find((a) => a.title === "Meeting 2019")!;
  const told = [...m2019.story!.earlier, ...m2019.story!.since];
  assert.ok(m2019.related.every((link) => !told.includes(link)), "a story's article is not listed again as related");
});

test("in the sample archive, the 2019 meeting is told between the 2018 and 2020 ones", async () => {
  const result = await readArchive(join(PROJECT_ROOT, "content"), { includeDrafts: false });
  const meeting = result.archive.articles.find((a) => a.url === "/2019/09/05/facebook-hosts-election-security-meeting/")!;
  assert.ok(meeting.story, "it has a story");
  assert.ok(meeting.story.earlier.some((link) => link.url.startsWith("/2018/05/")), "the 2018 meeting is earlier");
  assert.ok(meeting.story.since.some((link) => link.url.startsWith("/2020/08/")), "the 2020 meeting is since");
});
