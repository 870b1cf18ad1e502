// Import, reading sources: WordPress exports (statuses, dates, authors, terms, places in the
// file), RSS 2.0 and Atom feeds, and the dates each writes; a feed's server that stalls or
// floods.
import assert from "node:assert/strict";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import { elementLines } from "../../src/import/element-lines.ts";
import { declaredEncoding } from "../../src/import/decode-source.ts";
import { readSource, size } from "../../src/import/read-source.ts";
import { rfc3339Date, rfc822Date, wordpressDate } from "../../src/import/source-dates.ts";
import { writeArchive } from "../support/archive.ts";
import { PROJECT_ROOT } from "../support/build.ts";

const FIXTURES = join(PROJECT_ROOT, "test/fixtures/import");

test("WordPress dates keep the local day and time, with the offset from the UTC copy", () => {
  const date = wordpressDate;
  assert.equal(date("2013-01-10 20:15:40", "2013-01-11 01:15:40"), "2013-01-10T20:15:40-05:00");
  assert.equal(date("2019-04-02 11:30:00", "2019-04-02 09:30:00"), "2019-04-02T11:30:00+02:00");
  assert.equal(date("2019-04-02 05:30:00", "2019-04-02 00:00:00"), "2019-04-02T05:30:00+05:30");
  assert.equal(date("2013-02-01 08:00:00", "0000-00-00 00:00:00"), "2013-02-01", "a draft");
  assert.equal(wordpressDate("0000-00-00 00:00:00", "0000-00-00 00:00:00"), undefined);
});

test("feed dates keep the offset written", () => {
  assert.equal(rfc822Date("Tue, 10 Jun 2003 22:30:00 -0400"), "2003-06-10T22:30:00-04:00");
  assert.equal(rfc822Date("Thu, 05 Jun 2003 09:00:00 GMT"), "2003-06-05T09:00:00+00:00");
  assert.equal(rfc822Date("5 Jun 2003 09:00 EDT"), "2003-06-05T09:00:00-04:00");
  assert.equal(rfc822Date("2003-06-05T09:00:00Z"), "2003-06-05T09:00:00+00:00", "RFC 3339 in RSS");
  assert.equal(rfc822Date("next Tuesday"), undefined);
  assert.equal(rfc3339Date("2021-03-31T23:30:00.123+02:00"), "2021-03-31T23:30:00+02:00");
  assert.equal(rfc3339Date("2021-03-31"), "2021-03-31");
});

test("item lines skip CDATA and comments that only look like items", () => {
  const xml = "<rss>\n<!-- <item> -->\n<item>\n<c><![CDATA[\n<item>\n]]></c>\n</item>\n<item>\n";
  assert.deepEqual(elementLines(xml, "item"), [3, 8]);
});

test("a WordPress export: each item's type, status, dates, authors, terms and place", async () => {
  const source = await readSource(join(FIXTURES, "wordpress-export.xml"));
  assert.equal(source.kind, "WordPress export (WXR 1.2)");
  const byId = new Map(source.posts.map((post) => [post.postId, post]));
  const first = byId.get("101")!;
  assert.equal(first.place, "wordpress-export.xml:25 (item 1)");
  assert.equal(first.date, "2013-01-11T20:22:19-05:00");
  assert.equal(first.modified, "2013-03-15T09:00:00-04:00");
  assert.deepEqual(first.authors, ["Ana Ruiz"]);
  assert.ok(first.published);
  assert.ok(first.paragraphsAsBlankLines);
  assert.deepEqual(
    first.terms.map((term) => `${term.kind}:${term.slug}:${term.name}`),
    ["category:news:News", "tag:council:council", "tag:elections:Elections", "tag:budget:budget"],
  );
  assert.equal(byId.get("105")!.unpublishedAs, "password-protected");
  assert.equal(byId.get("106")!.unpublishedAs, "scheduled");
  assert.equal(byId.get("107")!.unpublishedAs, "a draft");
  assert.equal(byId.get("108")!.unpublishedAs, "pending review");
  assert.equal(byId.get("109")!.unpublishedAs, "private");
  assert.match(byId.get("110")!.discarded ?? "", /trash/);
  assert.deepEqual(byId.get("114")!.authors, ["Ana Ruiz", "Li Wei"], "co-authors");
  assert.equal(byId.get("114")!.slug, "café-owners-meet-the-mayor", "%-encoded slugs decoded");
  assert.equal(byId.get("112")!.paragraphsAsBlankLines, false, "block content has its paragraphs");
  assert.equal(byId.get("901")!.type, "attachment");
  assert.equal(byId.get("901")!.parentId, "111");
  assert.equal(byId.get("114")!.thumbnailId, "902", "a featured image");
  assert.equal(byId.get("902")!.attachmentAlt, "The bridge seen from the river, at dusk");
  const ana = source.authors.find((one) => one.name === "Ana Ruiz");
  assert.equal(ana?.bio, "Ana covers the <b>city council</b>.");
  const q = byId.get("118")!.terms.find((term) => term.slug === "q-and-a");
  assert.equal(q?.name, "Q&A", "term names are HTML-escaped in WordPress's export");
});

test("an RSS 2.0 feed: content, excerpt, dates, authors and categories", async () => {
  const source = await readSource(join(FIXTURES, "feed-rss.xml"));
  assert.equal(source.kind, "RSS 2.0 feed");
  const [ferry, wall] = source.posts;
  assert.equal(ferry!.place, "feed-rss.xml:7 (item 1)");
  assert.equal(ferry!.id, "gazette-1");
  assert.equal(ferry!.titleHtml, "Ferry timetable <b>changes</b>");
  assert.match(ferry!.bodyHtml, /<strong>7:15<\/strong>/);
  assert.equal(ferry!.excerptHtml, "New times from <em>Monday</em>.");
  assert.equal(ferry!.date, "2003-06-10T22:30:00-04:00");
  assert.deepEqual(ferry!.authors, ["Sam Okafor"]);
  assert.deepEqual(
    ferry!.terms.map((term) => term.name),
    ["Transport", "Harbour"],
  );
  assert.deepEqual(wall!.authors, ["News Desk"], "the name in an RSS author's brackets");
  assert.equal(wall!.excerptHtml, "", "the description is the body when there is no content");
});

test("an Atom feed: html and text content, published and updated, every author", async () => {
  const source = await readSource(join(FIXTURES, "feed-atom.xml"));
  assert.equal(source.kind, "Atom feed");
  const [floods, plain] = source.posts;
  assert.equal(floods!.titleHtml, "Floods &amp; <i>recovery</i>");
  assert.equal(floods!.date, "2021-03-31T23:30:00+02:00");
  assert.equal(floods!.modified, "2021-04-02T18:30:02+02:00");
  assert.deepEqual(floods!.authors, ["Rosa Diaz", "Tom Berg"]);
  assert.equal(floods!.link, "https://courier.example/stories/floods-recovery");
  assert.equal(plain!.titleHtml, "Plain text title &lt;not a tag>", "type=text is escaped");
  assert.deepEqual(plain!.authors, ["Courier Desk"], "an entry without author has the feed's");
  assert.equal(plain!.bodyHtml, "Text content &lt;with brackets>.");
});

/** A server on this machine that answers every request with `answer`, closed with the test. */
async function server(t: TestContext,
  answer: (response: ServerResponse) => void): Promise<string> {
  const listening = createServer((_request, response) => answer(response));
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  t.after(() => {
    listening.closeAllConnections();
    return new Promise<void>((resolve) => listening.close(() => resolve()));
  });
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}/feed.xml`;
}

test("a feed's server that never finishes its answer is given up on, and said so", async (t) => {
  const url = await server(t, (response) => response.writeHead(200).write("<rss>"));
  await assert.rejects(readSource(url, { timeoutMs: 200, maxBytes: 1_000_000 }), {
    message: `${url} sent no whole answer within 0.2 s`,
  });
});

test("a feed's server that sends without end is stopped at the size limit", async (t) => {
  const url = await server(t, (response) => {
    response.writeHead(200, { "content-type": "application/rss+xml" });
    const more = () => {
      if (!response.destroyed) response.write("<item>x</item>".repeat(1000), more);
    };
    more();
  });
  await assert.rejects(readSource(url, { timeoutMs: 600_000, maxBytes: 1024 * 1024 }), {
    message: `${url} sent more than 1 MB, more than any feed: save it as a file and import ` +
      "the file",
  });
});

test("a server whose Content-Length is over the limit is refused before its body is read",
  async (t) => {
    // The body never ends: reading it would wait for the time limit, not fail at once.
    const url = await server(t, (response) => {
      response.writeHead(200, { "content-length": String(80 * 1024 * 1024) }).write("<rss>");
    });
    await assert.rejects(readSource(url, { timeoutMs: 30_000, maxBytes: 64 * 1024 * 1024 }), {
      message: `${url} is 80 MB (its Content-Length), more than the 64 MB a feed may be: ` +
        "save it as a file and import the file",
    });
  });

test("a limit under a megabyte is written in kB", async (t) => {
  const url = await server(t, (response) => {
    response.writeHead(200);
    const more = () => {
      if (!response.destroyed) response.write("<item>x</item>".repeat(1000), more);
    };
    more();
  });
  await assert.rejects(readSource(url, { timeoutMs: 600_000, maxBytes: 100 * 1024 }), {
    message: `${url} sent more than 100 kB, more than any feed: save it as a file and import ` +
      "the file",
  });
  assert.equal(size(64 * 1024 * 1024), "64 MB");
  assert.equal(size(1.5 * 1024 * 1024), "1.5 MB");
  assert.equal(size(512 * 1024), "512 kB");
  assert.equal(size(1000), "1000 bytes");
});

/** An RSS feed with one item, its text in `title` and `body`, as bytes of `encoding`. */
function feedBytes(head: string, title: Buffer, body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${head}<rss version="2.0"><channel><title>T</title><link>https://t.example/` +
      "</link><description>d</description><item><guid>1</guid><title>"),
    title,
    Buffer.from("</title><description>"),
    body,
    Buffer.from("</description></item></channel></rss>"),
  ]);
}

test("a feed in ISO-8859-1 or windows-1252, as its XML declaration says, reads right",
  async (t) => {
    // "Café Zürich" in ISO-8859-1: é is 0xE9, ü 0xFC (in UTF-8 they take two bytes each).
    const latin1 = feedBytes('<?xml version="1.0" encoding="ISO-8859-1"?>',
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]),
      Buffer.from([0x41, 0xf1, 0x6f, 0x20, 0xbf, 0x3f]));
    // windows-1252's own: “ ” (0x93, 0x94), € (0x80), – (0x96), which ISO-8859-1 lacks.
    const cp1252 = feedBytes("<?xml version='1.0' encoding='windows-1252' ?>\n",
      Buffer.from([0x93, 0x51, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]),
      Buffer.from("text"));
    const utf8 = feedBytes('<?xml version="1.0"?>', Buffer.from("Café"), Buffer.from("ü"));
    const dir = await writeArchive({ "latin1.xml": latin1, "cp1252.xml": cp1252,
      "utf8.xml": utf8 }, t);
    const first = (await readSource(join(dir, "latin1.xml"))).posts[0]!;
    assert.equal(first.titleHtml, "Café Zürich");
    assert.equal(first.bodyHtml, "Año ¿?");
    const second = (await readSource(join(dir, "cp1252.xml"))).posts[0]!;
    assert.equal(second.titleHtml, "\u201cQ\u201d \u2013 \u20ac5");
    const third = (await readSource(join(dir, "utf8.xml"))).posts[0]!;
    assert.equal(third.titleHtml, "Café", "no declaration: UTF-8");
  });

test("a fetched feed's HTTP charset wins over its declaration; a BOM over both", async (t) => {
  const bytes = feedBytes('<?xml version="1.0" encoding="UTF-8"?>', Buffer.from([0xe9]),
    Buffer.from("x"));
  const url = await server(t, (response) => {
    response.writeHead(200, { "content-type": "application/rss+xml; charset=ISO-8859-1" });
    response.end(bytes);
  });
  assert.equal((await readSource(url)).posts[0]!.titleHtml, "é");
  const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]);
  assert.deepEqual(declaredEncoding(bom, "ISO-8859-1"),
    { label: "utf-8", where: "its byte order mark" });
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]),
    Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss/>', "utf16le")]);
  assert.equal(declaredEncoding(utf16).label, "utf-16le");
});

test("a UTF-16 file with its BOM reads; an encoding nobody can read stops the import",
  async (t) => {
    const text = feedBytes('<?xml version="1.0" encoding="UTF-16"?>', Buffer.from("Ωμέγα"),
      Buffer.from("x")).toString("utf8");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const unknown = feedBytes('<?xml version="1.0" encoding="x-klingon"?>', Buffer.from("a"),
      Buffer.from("b"));
    const dir = await writeArchive({ "utf16.xml": utf16, "unknown.xml": unknown }, t);
    assert.equal((await readSource(join(dir, "utf16.xml"))).posts[0]!.titleHtml, "Ωμέγα");
    await assert.rejects(readSource(join(dir, "unknown.xml")), {
      message: 'unknown.xml is in the encoding "x-klingon" (its XML declaration), which the ' +
        "import cannot read: save it as UTF-8 and import the file",
    });
  });

test("a newer WordPress export (https namespace, a long comment first) is an export", async (t) => {
  // WordPress writes `xmlns:wp="https://wordpress.org/export/1.2/"` now; read as a plain feed,
  // its drafts would be published.
  const comment = `<!--\n${" This is a WordPress eXtended RSS file.\n".repeat(200)}-->\n`;
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + comment +
    '<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/" ' +
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
    'xmlns:wp="https://wordpress.org/export/1.2/"><channel><title>T</title>' +
    "<wp:wxr_version>1.2</wp:wxr_version><item><title>A draft</title><link>https://x.example/" +
    "?p=1</link><guid>https://x.example/?p=1</guid><content:encoded><![CDATA[Text]]>" +
    "</content:encoded><wp:post_id>1</wp:post_id><wp:status><![CDATA[draft]]></wp:status>" +
    "<wp:post_type><![CDATA[post]]></wp:post_type></item></channel></rss>";
  const dir = await writeArchive({ "export.xml": xml }, t);
  const source = await readSource(join(dir, "export.xml"));
  assert.equal(source.kind, "WordPress export (WXR 1.2)");
  assert.equal(source.posts[0]!.published, false);
  assert.equal(source.posts[0]!.unpublishedAs, "a draft");
});
