// The site's icons that the archive brings itself, in its static folder: those the build
// then neither draws nor refuses as clashing with its own (src/archive/pages.ts).
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { ICON_URLS, type IconFormat } from "../archive/pages.ts";
import { STATIC_FOLDER } from "../publish/static-files.ts";

export async function ownIcons(contentDir: string): Promise<IconFormat[]> {
  const formats = Object.keys(ICON_URLS) as IconFormat[];
  const present = await Promise.all(formats.map(async (format) => {
    const file = join(contentDir, STATIC_FOLDER, ICON_URLS[format].slice(1));
    return (await stat(file).catch(() => undefined))?.isFile() ?? false;
  }));
  return formats.filter((_, i) => present[i]);
}
