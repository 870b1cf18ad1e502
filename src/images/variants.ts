// The images stage's transform: one source image becomes AVIF, WebP and its own format (JPEG,
// PNG or GIF) at a few widths (an animated GIF or WebP: an animated WebP and GIF), by
// @11ty/eleventy-img (sharp). The variants are written once into the cache folder, named by a
// hash of the source's bytes, and linked into every site that uses them (./publish-images.ts):
// a changed image gets new names, so the pages showing it change too, and a build with
// unchanged images encodes nothing.
import { access, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { extname, join } from "node:path";
import type { ImageVariant } from "@11ty/eleventy-img";
import type { ResponsiveImage } from "../archive/model.ts";

/** Where variants are published in the site, and kept in the cache folder. */
export const IMAGE_FOLDER = "img";

/**
 * Widths in CSS pixels' worth of device pixels: a list thumbnail (160), a phone's column
 * (400, 800 at 2x) and the article's column on a desktop at 2x (1200). Never wider than the
 * source: eleventy-img drops those (a 1000-pixel image stops at 800), and keeps the source's
 * width when every one is wider.
 */
export const IMAGE_WIDTHS = [160, 400, 800, 1200];
/**
 * Modern formats first; "auto" is the source's own (JPEG, PNG, GIF), the fallback. For an
 * animated source eleventy-img keeps only the formats that can move (WebP, GIF), so that an
 * animated GIF is an animated WebP with a GIF fallback, never a still AVIF.
 */
const FORMATS = ["avif", "webp", "auto"];
/** The width link previews ask for (Facebook's and X's large cards). */
const PREVIEW_WIDTH = 1200;
/** Lower AVIF effort than sharp's default 4: a third of the time, a few per cent bigger. */
const SHARP = { sharpAvifOptions: { effort: 2 } };

/** The types transformed; others (ICO, BMP) are published as they are. */
export const TRANSFORMED_TYPES: ReadonlySet<string> = new Set([
  ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".tif", ".tiff",
]);

/**
 * Types that may hold an animation, read with all their frames (sharp's `animated`). Only for
 * these: the option is part of eleventy-img's file names, and other types' cached variants
 * keep theirs.
 */
const ANIMATABLE_TYPES: ReadonlySet<string> = new Set([".gif", ".webp"]);

/**
 * The variants of `sourceFile`, made unless the cache holds them all. They are made in a
 * folder of their own and then renamed into the cache, so that a build running beside this
 * one (a test, a preview) never links a variant still being written. eleventy-img's own
 * caches are off: its in-memory one is keyed by path, and a long-running preview must see an
 * image replaced under the same name.
 */
export async function imageVariants(
  sourceFile: string,
  cacheDir: string,
): Promise<ResponsiveImage> {
  const kept = join(cacheDir, IMAGE_FOLDER);
  const options = variantOptions(sourceFile);
  const planned = await plannedVariants(sourceFile, kept);
  const variants = Object.values(planned).flat();
  const present = await Promise.all(variants.map((v) => exists(join(kept, v.filename))));
  if (present.every(Boolean)) return responsiveImage(planned);
  await mkdir(kept, { recursive: true });
  const scratch = await mkdtemp(join(cacheDir, `${IMAGE_FOLDER}-making-`));
  try {
    const made = await (await eleventyImage())(sourceFile, { ...options, outputDir: scratch });
    const files = Object.values(made).flat().map((v) => v.filename);
    await Promise.all(files.map((file) => rename(join(scratch, file), join(kept, file))));
    return responsiveImage(made);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** eleventy-img's options for `sourceFile`. */
function variantOptions(sourceFile: string) {
  const animatable = ANIMATABLE_TYPES.has(extname(sourceFile).toLowerCase());
  return {
    widths: IMAGE_WIDTHS,
    formats: FORMATS,
    urlPath: `/${IMAGE_FOLDER}/`,
    useCache: false,
    ...SHARP,
    ...(animatable ? { sharpOptions: { animated: true } } : {}),
  };
}

/**
 * The variants of `sourceFile` as they would be made, none made: its header read and measured
 * (sharp), which fails as making them would for a file that is not an image. For `npm run
 * check`, which validates without writing; the names are those a build gives.
 */
export async function measuredVariants(sourceFile: string): Promise<ResponsiveImage> {
  return responsiveImage(await plannedVariants(sourceFile, IMAGE_FOLDER));
}

async function plannedVariants(sourceFile: string, outputDir: string) {
  const options = { ...variantOptions(sourceFile), outputDir, statsOnly: true };
  return (await eleventyImage())(sourceFile, options);
}

/**
 * eleventy-img (and sharp with it), loaded when an archive first has an image: it takes about
 * 0.1 s, which every build of an archive without images, and every rebuild, would pay.
 */
async function eleventyImage() {
  return (await import("@11ty/eleventy-img")).default;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** eleventy-img's metadata (formats in the order asked, each narrowest first) as the model's. */
export function responsiveImage(made: Record<string, ImageVariant[]>): ResponsiveImage {
  const formats = Object.values(made).filter((variants) => variants.length > 0);
  const modern = new Set(["avif", "webp"]);
  // A WebP or AVIF source has no other format: its own is then the fallback.
  const fallbackFormat = formats.findLast((v) => !modern.has(v[0]!.format)) ?? formats.at(-1)!;
  const widest = fallbackFormat.at(-1)!;
  const srcset = (variants: ImageVariant[]) => variants.map((v) => v.srcset).join(", ");
  const preview = fallbackFormat.find((v) => v.width >= PREVIEW_WIDTH) ?? widest;
  return {
    width: widest.width,
    height: widest.height,
    sources: formats
      .filter((variants) => variants !== fallbackFormat)
      .map((variants) => ({ type: variants[0]!.sourceType, srcset: srcset(variants) })),
    fallback: { type: widest.sourceType, src: widest.url, srcset: srcset(fallbackFormat) },
    preview: { url: preview.url, width: preview.width, height: preview.height },
    thumbnail: fallbackFormat[0]!.url,
    files: formats.flat().map((v) => `${IMAGE_FOLDER}/${v.filename}`),
  };
}
