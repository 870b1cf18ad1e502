// The site's icons (src/icons/): drawn from any title, hostile ones included, as files that
// parse as what they claim to be, at the sizes browsers and phones ask for.
import assert from "node:assert/strict";
import { test } from "node:test";
import { SaxesParser } from "saxes";
import { linkedIcons } from "../../src/archive/pages.ts";
import { iconSvg, titleInitial } from "../../src/icons/draw-icon.ts";
import { ICO_SIZES, iconBytes, siteIcons, TOUCH_ICON_SIZE } from "../../src/icons/site-icons.ts";

const HOSTILE_TITLES = [
  `<script>alert("x")</script> & Co's "News"`,
  "]]><!-- --> <![CDATA[ x",
  "🦊 Fox & Hound Gazette",
  "חדשות הערב",
  "الأخبار اليومية",
  "\u0000\u0007 Control \u001f characters \uFFFE",
  "\u202Eevil\u202C RTL override",
  "🗞️📰",
  "   ",
];

const siteTitled = (title: string) => ({ site: { title, language: "en" } });

/** The SVG's elements in order, and its title's text, from a strict XML parser. */
function parseSvg(svg: string): { elements: string[]; title: string } {
  const parser = new SaxesParser({ xmlns: true });
  const elements: string[] = [];
  let title = "";
  let inTitle = false;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    elements.push(tag.local);
    inTitle = tag.local === "title";
  });
  parser.on("text", (text) => {
    if (inTitle) title += text;
  });
  parser.on("closetag", () => (inTitle = false));
  parser.write(svg).close();
  return { elements, title };
}

/** Width and height from a PNG's signature and IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual(png.subarray(0, 8), signature, "a PNG signature");
  assert.equal(png.toString("latin1", 12, 16), "IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The images an ICO's directory lists, each a PNG of the size listed, within the file. */
function icoImages(ico: Buffer): { width: number; height: number }[] {
  assert.equal(ico.readUInt16LE(0), 0, "ICO reserved field");
  assert.equal(ico.readUInt16LE(2), 1, "ICO type: icon");
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + i * 16;
    const [size, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
    assert.ok(offset + size <= ico.length, `image ${i} lies within the file`);
    const listed = { width: ico.readUInt8(entry) || 256, height: ico.readUInt8(entry + 1) || 256 };
    assert.deepEqual(pngSize(ico.subarray(offset, offset + size)), listed, `image ${i}`);
    return listed;
  });
}

test("the initial is the title's first letter or digit, capitalised in the site's language", () => {
  assert.equal(titleInitial("dateline", "en"), "D");
  assert.equal(titleInitial("🦊 «fox» news", "en"), "F");
  assert.equal(titleInitial("istanbul times", "tr"), "İ");
  assert.equal(titleInitial("e\u0301clair", "fr"), "É", "a decomposed accent is composed first");
  assert.equal(titleInitial("1984 Daily", "en"), "1");
  assert.equal(titleInitial("חדשות", "he"), "ח");
  assert.equal(titleInitial("🗞️ ... ", "en"), undefined);
  assert.equal(titleInitial("x", "not a language!"), "X", "a tag Intl refuses falls back");
});

test("the SVG shows the initial as an outline, and the title, escaped, as its name", () => {
  const svg = iconSvg("The Daily Record", "en");
  const { elements, title } = parseSvg(svg);
  assert.deepEqual(elements, ["svg", "title", "rect", "path", "rect"]);
  assert.equal(title, "The Daily Record");
  assert.match(svg, /viewBox="0 0 100 100"/);
  assert.doesNotMatch(svg, /<text|font-family/, "no font needed where it is shown");
});

test("a hostile title never breaks the SVG, and its text stays text", () => {
  for (const name of HOSTILE_TITLES) {
    const svg = iconSvg(name, "en");
    const { elements, title } = parseSvg(svg);
    assert.equal(elements.filter((element) => element === "title").length, 1, name);
    assert.ok(!elements.includes("script"), name);
    // What XML cannot carry (most control characters, U+FFFE) is left out; the rest is kept.
    const carried = name.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE]/g, "");
    assert.equal(title, carried, name);
  }
});

test("a title without a letter the typeface has gets the drawn front page instead", () => {
  for (const name of ["חדשות הערב", "🗞️📰", "الأخبار"]) {
    const { elements } = parseSvg(iconSvg(name, "he"));
    assert.ok(!elements.includes("path"), name);
    assert.ok(elements.filter((element) => element === "rect").length > 10, name);
  }
  const drawn = (title: string) => parseSvg(iconSvg(title, "ru")).elements.includes("path");
  assert.ok(drawn("Ж газета"), "Cyrillic is drawn");
  assert.ok(drawn("Łódź Daily"), "so is Latin");
});

test("the touch icon is a 180 px PNG and the ICO holds 16, 32 and 48 px images", async () => {
  for (const name of ["Dateline", ...HOSTILE_TITLES]) {
    const icons = siteIcons(siteTitled(name));
    const made = icons.map(async (icon) => [icon.format, await iconBytes(icon)] as const);
    const bytes = new Map(await Promise.all(made));
    const touch = pngSize(bytes.get("png")!);
    assert.deepEqual(touch, { width: TOUCH_ICON_SIZE, height: TOUCH_ICON_SIZE }, name);
    const sizes = icoImages(bytes.get("ico")!).map(({ width, height }) => `${width}x${height}`);
    assert.deepEqual(sizes, ICO_SIZES.map((size) => `${size}x${size}`), name);
    parseSvg(bytes.get("svg")!.toString("utf8"));
  }
});

test("the same title always gives the same bytes", async () => {
  const [first, second] = [siteIcons(siteTitled("Dateline")), siteIcons(siteTitled("Dateline"))];
  for (const [i, icon] of first.entries()) {
    assert.deepEqual(await iconBytes(icon), await iconBytes(second[i]!), icon.format);
  }
  const other = siteIcons(siteTitled("Another"));
  assert.notDeepEqual(await iconBytes(first[2]!), await iconBytes(other[2]!));
});

test("an archive with its own icon in static/ gets no drawn one, and links only its own", () => {
  assert.deepEqual(siteIcons({ ...siteTitled("Dateline"), ownIcons: ["ico"] }), []);
  assert.deepEqual(linkedIcons({ ownIcons: ["ico", "png"] }), ["ico", "png"]);
  assert.deepEqual(linkedIcons({ ownIcons: ["svg", "ico"] }), ["svg"], "an ICO beside an SVG");
  assert.deepEqual(linkedIcons({}), ["svg", "png"], "the drawn ICO is published, not linked");
  assert.deepEqual(siteIcons(siteTitled("Dateline")).map((icon) => icon.url), [
    "/favicon.svg", "/favicon.ico", "/apple-touch-icon.png",
  ]);
});
