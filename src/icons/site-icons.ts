// One kind of output: the site's icons, made at each build from its title (./draw-icon.ts):
// the SVG favicon, `/favicon.ico` (which browsers ask for unprompted) and the touch icon.
// Each is a page of the incremental machinery (src/publish/incremental.ts) whose only inputs
// are the title and language, so a rebuild writes them again only when those change.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import icoEndec from "ico-endec";
import type { Archive, Site } from "../archive/model.ts";
import { drawnIcons, ICON_URLS, type IconFormat } from "../archive/pages.ts";
import { fileForUrl, type SiteUrl, siteUrl } from "../content/paths.ts";
import { iconSvg } from "./draw-icon.ts";


/** One icon file, with what it is drawn from. */
export interface SiteIcon {
  url: SiteUrl;
  format: IconFormat;
  title: string;
  language: string;
}

/** The ICO's sizes: what Windows and browsers pick from for tabs, bookmarks and shortcuts. */
export const ICO_SIZES = [16, 32, 48] as const;
/** The touch icon's side: the size iOS asks for on its largest screens. */
export const TOUCH_ICON_SIZE = 180;

/** What the icons are drawn from: the site's title and language, unless it has its own. */
export type IconSource = Pick<Archive, "ownIcons"> & { site: Pick<Site, "title" | "language"> };

/** The icons the build draws for this archive, with what each is drawn from. */
export function siteIcons(archive: IconSource): SiteIcon[] {
  const { title, language } = archive.site;
  return drawnIcons(archive).map((format) => {
    return { url: siteUrl(ICON_URLS[format]), format, title, language };
  });
}

/** Draws and writes the given icons into the site folder. */
export async function writeIcons(icons: readonly SiteIcon[], siteDir: string): Promise<void> {
  for (const icon of icons) {
    const path = join(siteDir, fileForUrl(icon.url));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await iconBytes(icon));
  }
}

export async function iconBytes(icon: SiteIcon): Promise<Buffer> {
  const svg = iconSvg(icon.title, icon.language);
  if (icon.format === "svg") return Buffer.from(svg);
  if (icon.format === "png") return rasterise(svg, TOUCH_ICON_SIZE);
  // PNG images in the ICO, as every browser since Windows Vista's reads them: a tenth of the
  // size of the same images as bitmaps.
  return icoEndec.encode(ICO_SIZES.map((size) => rasterise(svg, size)));
}

/** The SVG as a square PNG: resvg, with no system fonts, as the drawing is outlines only. */
function rasterise(svg: string, size: number): Buffer {
  const fitTo = { mode: "width", value: size } as const;
  return new Resvg(svg, { fitTo, font: { loadSystemFonts: false } }).render().asPng();
}
