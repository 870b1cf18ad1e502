// The site's icon, drawn from its title: the title's initial in a bold display serif (the
// masthead's kind of type), ink on newsprint over a red rule, as one SVG that the favicon,
// the ICO and the touch icon are all rasterised from (./write-icons.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type opentype from "opentype.js";
import { escapeXml } from "../feeds/xml-text.ts";

/** The drawing's square, in SVG user units. */
const SIZE = 100;
const COLORS = { paper: "#fcfbf7", ink: "#17150f", rule: "#9a1c1c" };
/** Where the initial goes: inside the margins, above the rule. */
const BOX = { x: 14, y: 12, width: 72, height: 68 };
const RULE = { y: 86, height: 8 };

/**
 * Playfair Display Bold, as Fontsource ships it on npm, one file per script. The initial is
 * drawn as the glyph's outline, so that the icon looks the same in every browser and needs no
 * font where it is rasterised (a build server may have none).
 */
const FONT_FILES = ["latin", "latin-ext", "cyrillic", "vietnamese"].map(
  (subset) => `@fontsource/playfair-display/files/playfair-display-${subset}-700-normal.woff`,
);

let fonts: opentype.Font[] | undefined;

/**
 * The fonts, and opentype.js itself, loaded when an icon is first drawn: a rebuild whose title
 * is unchanged draws none, and the library cost every build about 0.1 s to load.
 */
function loadFonts(): opentype.Font[] {
  const require = createRequire(import.meta.url);
  const { parse } = require("opentype.js") as typeof opentype;
  fonts ??= FONT_FILES.map((file) => {
    const bytes = readFileSync(require.resolve(file));
    const { buffer, byteOffset, byteLength } = bytes;
    return parse(buffer.slice(byteOffset, byteOffset + byteLength));
  });
  return fonts;
}

/**
 * The title's first letter or digit, capitalised in the site's language ("istanbul" in
 * Turkish gives "İ"): emoji, punctuation and spaces before it are passed over. Undefined when
 * the title has none.
 */
export function titleInitial(title: string, language: string): string | undefined {
  // Graphemes, so that a letter with its combining marks is taken whole; they do not
  // depend on the language.
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of segmenter.segment(title.normalize("NFC"))) {
    if (!/^[\p{L}\p{N}]/u.test(segment)) continue;
    return upperCase(segment, language);
  }
  return undefined;
}

function upperCase(text: string, language: string): string {
  try {
    return text.toLocaleUpperCase(language);
  } catch {
    return text.toUpperCase();
  }
}

/** The initial's outline fitted into the box, or undefined when no font has its glyph. */
function initialPath(initial: string): string | undefined {
  if ([...initial].length !== 1) return undefined;
  const font = loadFonts().find((candidate) => candidate.hasChar(initial));
  if (!font) return undefined;
  const path = font.charToGlyph(initial).getPath(0, 0, font.unitsPerEm);
  const box = path.getBoundingBox();
  const [width, height] = [box.x2 - box.x1, box.y2 - box.y1];
  if (width <= 0 || height <= 0) return undefined;
  const scale = Math.min(BOX.width / width, BOX.height / height);
  const x = BOX.x + (BOX.width - width * scale) / 2 - box.x1 * scale;
  const y = BOX.y + (BOX.height - height * scale) / 2 - box.y1 * scale;
  const transform = `translate(${round(x)} ${round(y)}) scale(${round(scale, 5)})`;
  return `<path fill="${COLORS.ink}" transform="${transform}" d="${path.toPathData(1)}"/>`;
}

/**
 * When the title has no letter the typeface covers (a script it lacks, only emoji), a front
 * page in miniature instead: a heavy masthead bar over three columns of lines.
 */
function frontPageMark(): string {
  const bar = `<rect x="14" y="12" width="72" height="14" fill="${COLORS.ink}"/>`;
  const lines: string[] = [];
  for (const column of [14, 40, 66]) {
    for (let y = 34; y <= 74; y += 10) {
      lines.push(`<rect x="${column}" y="${y}" width="20" height="5" fill="${COLORS.ink}"/>`);
    }
  }
  return bar + lines.join("");
}

/**
 * The icon as SVG text, with the site's title as its accessible name. Only the title's
 * text reaches the markup, escaped; the initial itself is an outline of numbers.
 */
export function iconSvg(title: string, language: string): string {
  const initial = titleInitial(title, language);
  const mark = (initial && initialPath(initial)) || frontPageMark();
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${SIZE}" height="${SIZE}" fill="${COLORS.paper}"/>`,
    mark,
    `<rect x="0" y="${RULE.y}" width="${SIZE}" height="${RULE.height}" fill="${COLORS.rule}"/>`,
    "</svg>\n",
  ].join("");
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
