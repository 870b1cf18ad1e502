// The images stage's publishing: the variants the pages use, linked from the cache folder into
// the staging site (copied where a link cannot be made), like every file the build writes anew
// each time (src/publish/incremental.ts, `others`), so that a site never keeps an image that
// its pages no longer show.
import { copyFile, link, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Archive } from "../archive/model.ts";

export async function publishImages(
  archive: Archive,
  cacheDir: string,
  siteDir: string,
): Promise<void> {
  const folders = new Set(archive.imageFiles.map((file) => dirname(join(siteDir, file))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await Promise.all(archive.imageFiles.map(async (file) => {
    const [from, to] = [join(cacheDir, file), join(siteDir, file)];
    await link(from, to).catch(() => copyFile(from, to));
  }));
}
