// Draws the sample archive's images (content/static/images/) as PNG: maps, a chart and
// illustrations made by this project from the facts in its own articles, so that the sample
// needs no third-party photos. Run it again after changing a drawing:
//   node --import tsx scripts/draw-sample-images.ts
// Text is drawn as Playfair Display outlines (opentype.js), so that the PNGs are the same on
// every machine, with or without fonts installed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import opentype from "opentype.js";

const OUT = join(import.meta.dirname, "..", "content", "static", "images");
const COLORS = {
  paper: "#fcfbf7", ink: "#17150f", muted: "#5c5850", rule: "#d8d3c6", red: "#9a1c1c",
  land: "#ece7da", water: "#dfe7ea", blue: "#1a5fc8",
};
const [WIDTH, HEIGHT] = [1200, 675];

const require = createRequire(import.meta.url);
const font = (weight: number) => {
  const file = `@fontsource/playfair-display/files/playfair-display-latin-${weight}-normal.woff`;
  const bytes = readFileSync(require.resolve(file));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};
const FONTS = { regular: font(400), bold: font(700) };

type Anchor = "start" | "middle" | "end";

/** Text as a filled outline; `anchor` places it like SVG's text-anchor. */
function text(words: string, x: number, y: number, size: number, options: {
  bold?: boolean; fill?: string; anchor?: Anchor;
} = {}): string {
  const face = options.bold ? FONTS.bold : FONTS.regular;
  // Glyph by glyph, without kerning, each outline read once (./outline): opentype.js 2 gives
  // NaN coordinates when it draws this font's glyph a second time, cutting labels short.
  const glyphs = face.stringToGlyphs(words);
  const scale = size / face.unitsPerEm;
  const width = glyphs.reduce((sum, glyph) => sum + (glyph.advanceWidth ?? 0) * scale, 0);
  let pen = x - { start: 0, middle: width / 2, end: width }[options.anchor ?? "start"];
  const parts: string[] = [];
  for (const glyph of glyphs) {
    parts.push(outline(face, glyph, pen, y, scale));
    pen += (glyph.advanceWidth ?? 0) * scale;
  }
  const d = parts.join("");
  if (d.includes("NaN")) throw new Error(`"${words}" cannot be drawn: reword it`);
  return `<path fill="${options.fill ?? COLORS.ink}" d="${d}"/>`;
}

const outlines = new Map<opentype.Font, Map<number, opentype.PathCommand[]>>();

/** A glyph's outline in font units (y up), read once, placed at (x, y) and scaled. */
function outline(face: opentype.Font, glyph: opentype.Glyph, x: number, y: number, scale: number) {
  const byGlyph = outlines.get(face) ?? new Map<number, opentype.PathCommand[]>();
  outlines.set(face, byGlyph);
  const commands = byGlyph.get(glyph.index) ?? glyph.getPath(0, 0, face.unitsPerEm).commands;
  byGlyph.set(glyph.index, commands);
  const at = (px: number, py: number) =>
    `${(x + px * scale).toFixed(1)} ${(y + py * scale).toFixed(1)}`;
  return commands.map((c) => {
    if (c.type === "M" || c.type === "L") return `${c.type}${at(c.x, c.y)}`;
    if (c.type === "Q") return `Q${at(c.x1, c.y1)} ${at(c.x, c.y)}`;
    if (c.type === "C") return `C${at(c.x1, c.y1)} ${at(c.x2, c.y2)} ${at(c.x, c.y)}`;
    return "Z";
  }).join("");
}

function svg(body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${COLORS.paper}"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}

/**
 * A schematic map of the United States' two coasts: Menlo Park, where the 2018 and 2019
 * meetings were held at Facebook's headquarters, and Washington, where the agencies are.
 */
function meetingMap(): string {
  const land = "M120 190 L300 150 L520 140 L760 150 L930 130 L1060 170 L1050 260 L1000 330 "
    + "L1010 420 L940 500 L820 520 L700 560 L560 540 L420 560 L300 520 L200 470 L140 380 Z";
  const [west, east] = [{ x: 170, y: 330 }, { x: 1000, y: 300 }];
  return svg([
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${COLORS.water}"/>`,
    `<path d="${land}" fill="${COLORS.land}" stroke="${COLORS.muted}" stroke-width="3"/>`,
    `<path d="M${west.x} ${west.y} Q 585 170 ${east.x} ${east.y}" fill="none" `
      + `stroke="${COLORS.red}" stroke-width="5" stroke-dasharray="18 12"/>`,
    ...[west, east].map(({ x, y }) =>
      `<circle cx="${x}" cy="${y}" r="14" fill="${COLORS.red}" stroke="${COLORS.paper}" `
        + 'stroke-width="4"/>'),
    text("Menlo Park, Calif.", west.x + 26, west.y + 48, 40, { bold: true }),
    text("Facebook's headquarters", west.x + 26, west.y + 92, 30, { fill: COLORS.muted }),
    text("Washington, D.C.", east.x - 20, east.y + 60, 40, { bold: true, anchor: "end" }),
    text("FBI, DHS, ODNI", east.x - 20, east.y + 104, 30, { fill: COLORS.muted, anchor: "end" }),
    text("Meetings held in Menlo Park: 23 May 2018 and 4 September 2019", 60, 630, 32),
  ]);
}

/** The meetings of the timeline, as the sample's articles report them. */
const MEETINGS = [
  { date: new Date(Date.UTC(2018, 4, 23)), label: "23 May 2018", place: "Menlo Park" },
  { date: new Date(Date.UTC(2019, 8, 4)), label: "4 Sept. 2019", place: "Menlo Park" },
  { date: new Date(Date.UTC(2020, 2, 11)), label: "11 March 2020", place: "White House" },
  { date: new Date(Date.UTC(2020, 7, 12)), label: "12 Aug. 2020", place: "Nine firms, agencies" },
];

/** A timeline chart: the meetings between technology companies and officials, 2018-2020. */
function meetingsTimeline(): string {
  const [from, to] = [Date.UTC(2018, 0, 1), Date.UTC(2021, 0, 1)];
  const [left, right, axis] = [80, 1120, 380];
  const x = (time: number) => left + ((time - from) / (to - from)) * (right - left);
  const years = [2018, 2019, 2020, 2021].map((year) => {
    const at = x(Date.UTC(year, 0, 1));
    const tick = `<rect x="${at - 1.5}" y="${axis - 18}" width="3" height="36" `
      + `fill="${COLORS.ink}"/>`;
    return year < 2021 ? tick + text(String(year), at + 12, axis + 60, 36, { bold: true }) : tick;
  });
  const meetings = MEETINGS.map((meeting, i) => {
    const at = x(meeting.date.getTime());
    const top = i % 2 === 0 ? 200 : 130;
    return [
      `<rect x="${at - 1.5}" y="${top + 20}" width="3" height="${axis - top - 20}" `
        + `fill="${COLORS.red}"/>`,
      `<circle cx="${at}" cy="${axis}" r="13" fill="${COLORS.red}"/>`,
      text(meeting.label, at, top - 14, 30, { bold: true, anchor: "middle" }),
      text(meeting.place, at, top + 14, 24, { fill: COLORS.muted, anchor: "middle" }),
    ].join("");
  });
  return svg([
    text("Meetings of technology companies and US officials", 60, 80, 44, { bold: true }),
    `<rect x="${left}" y="${axis - 3}" width="${right - left}" height="6" fill="${COLORS.ink}"/>`,
    ...years,
    ...meetings,
    text("Four meetings reported in this archive, May 2018 to August 2020", 60, 610, 30, {
      fill: COLORS.muted,
    }),
  ]);
}

/** Nine companies and five agencies around one table, as on 12 August 2020. */
function meetingTable(): string {
  const [cx, cy, rx, ry] = [600, 330, 330, 150];
  const seat = (i: number, count: number, from: number, span: number) => {
    const angle = from + (span * (i + 0.5)) / count;
    return { x: cx + (rx + 70) * Math.cos(angle), y: cy + (ry + 60) * Math.sin(angle) };
  };
  const seats = (count: number, from: number, fill: string) =>
    Array.from({ length: count }, (_, i) => {
      const { x, y } = seat(i, count, from, Math.PI);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="30" fill="${fill}"/>`;
    });
  return svg([
    `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${COLORS.land}" `
      + `stroke="${COLORS.muted}" stroke-width="4"/>`,
    ...seats(9, Math.PI, COLORS.blue),
    ...seats(5, 0, COLORS.red),
    text("9 companies", cx, cy - 10, 44, { bold: true, fill: COLORS.blue, anchor: "middle" }),
    text("5 agencies", cx, cy + 50, 44, { bold: true, fill: COLORS.red, anchor: "middle" }),
    text("No attendee list, agenda or minutes were released", cx, 650, 30, {
      fill: COLORS.muted, anchor: "middle",
    }),
  ]);
}

/** An author's portrait drawn as a silhouette with initials: the sample's bylines are invented. */
function portrait(initials: string, color: string): string {
  const size = 600;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">`,
    `<rect width="${size}" height="${size}" fill="${color}"/>`,
    `<circle cx="300" cy="230" r="120" fill="${COLORS.paper}" opacity="0.9"/>`,
    `<path d="M90 600 Q90 380 300 380 Q510 380 510 600 Z" fill="${COLORS.paper}" opacity="0.9"/>`,
    text(initials, 300, 270, 110, { bold: true, fill: color, anchor: "middle" }),
    "</svg>",
  ].join("\n");
}

/** A square drawing of `size` pixels, for an entity's picture (shown small, beside its name). */
function square(size: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">`,
    ...body,
    "</svg>",
  ].join("\n");
}

/** A schematic map of the San Francisco Peninsula: Menlo Park, San Francisco and San Jose. */
function menloParkMap(): string {
  const peninsula = "M60 0 L330 0 L300 90 L340 220 L420 330 L520 430 L600 520 L720 600 L800 640 "
    + "L800 800 L0 800 L0 0 Z";
  const eastBay = "M470 0 L800 0 L800 560 L700 500 L600 420 L520 330 L470 220 L440 100 Z";
  const city = (x: number, y: number, r: number, fill: string) => `<circle cx="${x}" cy="${y}" `
    + `r="${r}" fill="${fill}" stroke="${COLORS.paper}" stroke-width="5"/>`;
  return square(800, [
    `<rect width="800" height="800" fill="${COLORS.water}"/>`,
    `<path d="${peninsula}" fill="${COLORS.land}" stroke="${COLORS.muted}" stroke-width="4"/>`,
    `<path d="${eastBay}" fill="${COLORS.land}" stroke="${COLORS.muted}" stroke-width="4"/>`,
    city(200, 90, 14, COLORS.ink),
    text("San Francisco", 60, 170, 46, { bold: true }),
    city(420, 420, 26, COLORS.red),
    text("Menlo Park", 380, 500, 64, { bold: true, fill: COLORS.red, anchor: "end" }),
    city(700, 690, 14, COLORS.ink),
    text("San Jose", 670, 760, 46, { bold: true, anchor: "end" }),
    text("Bay", 445, 290, 40, { fill: COLORS.blue, anchor: "middle" }),
  ]);
}

/**
 * A schematic map of Washington, D.C.: the district's diamond between Maryland and Virginia,
 * the Potomac River along its south-western side.
 */
function washingtonMap(): string {
  const district = "M400 90 L700 390 L470 620 L400 600 L330 520 L250 440 L200 290 Z";
  const river = "M0 180 Q120 220 200 290 Q240 420 330 520 Q400 600 470 620 Q520 700 560 800";
  return square(800, [
    `<rect width="800" height="800" fill="${COLORS.land}"/>`,
    `<path d="${river}" fill="none" stroke="${COLORS.water}" stroke-width="70"/>`,
    `<path d="${river}" fill="none" stroke="${COLORS.blue}" stroke-width="6" opacity="0.5"/>`,
    `<path d="${district}" fill="${COLORS.paper}" stroke="${COLORS.red}" stroke-width="8"/>`,
    `<circle cx="470" cy="410" r="22" fill="${COLORS.red}"/>`,
    text("Washington", 450, 330, 56, { bold: true, anchor: "middle" }),
    text("Maryland", 760, 120, 48, { fill: COLORS.muted, anchor: "end" }),
    text("Virginia", 40, 700, 48, { fill: COLORS.muted }),
    text("Potomac", 40, 140, 40, { fill: COLORS.blue }),
  ]);
}

/** A ballot going into a box marked with the year: the 2020 presidential election. */
function ballotBox(): string {
  return square(800, [
    `<rect width="800" height="800" fill="${COLORS.paper}"/>`,
    `<rect x="270" y="90" width="260" height="300" fill="#ffffff" stroke="${COLORS.ink}" `
      + 'stroke-width="8" transform="rotate(-8 400 240)"/>',
    ...[170, 230, 290].map((y) =>
      `<rect x="310" y="${y}" width="36" height="36" fill="none" stroke="${COLORS.ink}" `
        + `stroke-width="6" transform="rotate(-8 400 240)"/>`
        + `<rect x="370" y="${y + 12}" width="120" height="12" fill="${COLORS.rule}" `
        + 'transform="rotate(-8 400 240)"/>'),
    `<path d="M312 242 L330 262 L356 214" fill="none" stroke="${COLORS.red}" stroke-width="10" `
      + 'transform="rotate(-8 400 240)"/>',
    `<rect x="140" y="360" width="520" height="360" rx="12" fill="${COLORS.blue}"/>`,
    `<rect x="250" y="350" width="300" height="26" rx="8" fill="${COLORS.ink}"/>`,
    text("2020", 400, 610, 170, { bold: true, fill: COLORS.paper, anchor: "middle" }),
  ]);
}

const DRAWINGS: Record<string, () => string> = {
  "meeting-map.png": meetingMap,
  "meetings-timeline.png": meetingsTimeline,
  "meeting-table.png": meetingTable,
  "authors/maria-okafor.png": () => portrait("MO", "#2f5d50"),
  "authors/daniel-weiss.png": () => portrait("DW", "#5a3d7a"),
  "authors/priya-raman.png": () => portrait("PR", "#7a4a1c"),
  "entities/menlo-park.png": menloParkMap,
  "entities/washington-dc.png": washingtonMap,
  "entities/us-presidential-election-2020.png": ballotBox,
};

for (const [name, draw] of Object.entries(DRAWINGS)) {
  const png = new Resvg(draw(), { font: { loadSystemFonts: false } }).render().asPng();
  mkdirSync(join(OUT, name, ".."), { recursive: true });
  writeFileSync(join(OUT, name), png);
  console.log(`${name}: ${png.length.toLocaleString("en")} bytes`);
}
