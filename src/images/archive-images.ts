// Stage 5b, images: while the archive model is built (src/archive/build.ts), every image that
// is a file of the static folder (an article's `image`, an <img> of its body, an author's
// photo, an entity's picture) gets its responsive variants (./variants.ts), which the model
// then carries, so that pages show them and declare them as inputs (src/publish/page-inputs.ts
// hashes the model).
// A missing file is an error at its place; a missing description, a warning there.
import { access } from "node:fs/promises";
import type {
  Article, ArticleImage, Author, Entity, ResponsiveImage,
} from "../archive/model.ts";
import { errorReason, type Place, type Problems } from "../content/problems.ts";
import type { ArticleSource, AuthorSource, EntitySource } from "../content/validate.ts";
import { STATIC_FOLDER } from "../publish/static-files.ts";
import { type BodyImage, bodyImages, withPictures } from "./body-pictures.ts";
import { imageSource } from "./image-source.ts";
import { imageVariants, measuredVariants } from "./variants.ts";

export interface ImageOptions {
  contentDir: string;
  /** Where variants are made and kept; none (a test's model): files are only checked. */
  cacheDir?: string;
  /**
   * Read and measure each image, make no variant (`npm run check`, which writes nothing and
   * must be quick): a file that is no image is still an error at its place.
   */
  measureOnly?: boolean;
}

/** Where an image is written, for problems. */
interface ImageUse {
  src: string;
  pageUrl: string;
  file: string;
  place: Place;
}

/** Makes each static image's variants once per build, however many pages use it. */
export class ArchiveImages {
  private readonly made = new Map<string, Promise<ResponsiveImage | string | undefined>>();
  /** Site-folder paths of every variant used, to publish. */
  readonly files = new Set<string>();

  constructor(
    private readonly options: ImageOptions,
    private readonly problems: Problems,
  ) {}

  /** The variants of the image `use` names; undefined when it is left as it is, or broken. */
  async variants(use: ImageUse): Promise<ResponsiveImage | undefined> {
    const source = imageSource(use.src, use.pageUrl, this.options.contentDir);
    if (source.kind === "as-is") return undefined;
    let making = this.made.get(source.file);
    if (!making) {
      making = this.make(source.file);
      this.made.set(source.file, making);
    }
    const made = await making;
    if (made === undefined) return undefined;
    if (typeof made !== "string") {
      for (const file of made.files) this.files.add(file);
      return made;
    }
    const problem = made === "missing"
      ? {
          rule: "image-missing",
          message:
            `"${use.src}" is not in ${STATIC_FOLDER}/ (no file ${STATIC_FOLDER}${source.sitePath})`,
          fix: `put the image at ${STATIC_FOLDER}${source.sitePath}, or correct the path`,
        }
      : {
          rule: "image-unreadable",
          message: `"${use.src}" could not be read as an image (${made})`,
          fix: "save it again as JPEG, PNG, WebP or AVIF",
        };
    this.problems.error(use.file, problem.rule, problem.message, problem.fix, use.place);
    return undefined;
  }

  /**
   * The variants (made, or only measured), "missing", why the file is no image, or undefined
   * when images are neither made nor measured.
   */
  private async make(file: string): Promise<ResponsiveImage | string | undefined> {
    if (!(await access(file).then(() => true, () => false))) return "missing";
    const { cacheDir, measureOnly } = this.options;
    if (!cacheDir && !measureOnly) return undefined;
    try {
      return cacheDir && !measureOnly
        ? await imageVariants(file, cacheDir)
        : await measuredVariants(file);
    } catch (error) {
      return errorReason(error);
    }
  }

  /**
   * Articles' lead images and body images, in place, before the model is frozen; `sources[i]`
   * is the file of `articles[i]`.
   */
  async addToArticles(
    articles: readonly Article[],
    sources: readonly ArticleSource[],
  ): Promise<void> {
    // Most articles of a large archive have no image: they cost a look, not a promise.
    const pictured = articles.flatMap((article, i) => {
      const has = article.image !== undefined || article.html.includes("<img");
      return has ? [this.addToArticle(article, sources[i]!)] : [];
    });
    await Promise.all(pictured);
  }

  private async addToArticle(article: Article, source: ArticleSource): Promise<void> {
    const file = source.file.path;
    if (article.image) {
      const place = source.locate(["image", "src"]);
      if (!article.image.alt) {
        this.warnNoAlt(file, source.locate(["image"]), "image", NO_ALT_FIXES.article);
      }
      const use = { src: article.image.src, pageUrl: article.url, file, place };
      const responsive = await this.variants(use);
      if (responsive) article.image.responsive = responsive;
    }
    const images = bodyImages(article.html);
    if (!images.length) return;
    const made = new Map<BodyImage, ResponsiveImage>();
    for (const image of images) {
      const place = { line: bodyLineOf(source, image.src) };
      if (!image.alt) this.warnNoAlt(file, place, `the image "${image.src}"`, NO_ALT_FIXES.body);
      const responsive = await this.variants({ src: image.src, pageUrl: article.url, file, place });
      if (responsive) made.set(image, responsive);
    }
    article.html = withPictures(article.html, images, (image) => made.get(image));
  }

  /** Authors' photos, in place. */
  async addToAuthors(
    authors: readonly Author[],
    sourceOf: (author: Author) => AuthorSource | undefined,
  ): Promise<void> {
    for (const author of authors) {
      const source = sourceOf(author);
      if (!author.image || !source) continue;
      const place = source.locate(["image"]);
      const use = { src: author.image, pageUrl: author.url, file: source.file.path, place };
      const photo = await this.variants(use);
      if (photo) author.photo = photo;
    }
  }

  /**
   * Entities' pictures, in place. Without alt text, a warning: the name beside the picture
   * does not say what it shows (a map of where, a logo, whose portrait), so the entity's
   * name is no stand-in, and the picture is shown as decoration (alt="").
   */
  async addToEntities(
    entities: readonly Entity[],
    sourceOf: (entity: Entity) => EntitySource | undefined,
  ): Promise<void> {
    const pictured = entities.flatMap((entity) => {
      const source = sourceOf(entity);
      return entity.image && source ? [this.addToEntity(entity, entity.image, source)] : [];
    });
    await Promise.all(pictured);
  }

  private async addToEntity(entity: Entity, image: ArticleImage, source: EntitySource) {
    const file = source.file.path;
    if (!image.alt) this.warnNoAlt(file, source.locate(["image"]), "image", NO_ALT_FIXES.entity);
    // locate() gives the key's own place when `image` is a path rather than { src, alt }.
    const place = source.locate(["image", "src"]);
    const responsive = await this.variants({ src: image.src, pageUrl: entity.url, file, place });
    if (responsive) image.responsive = responsive;
  }

  private warnNoAlt(file: string, place: Place, what: string, fix: string): void {
    const message = `${what} has no alt text, so readers who cannot see it are told nothing`;
    this.problems.warn(file, "image-alt-missing", message, fix, place);
  }
}

/** How to describe an image, by where it is written. */
const NO_ALT_FIXES = {
  article: "add alt: under image:, describing what the image shows",
  body: "describe the image between the brackets: ![what it shows](path)",
  entity: "write image: as { src: …, alt: … }, alt saying what the image shows",
};

/**
 * The line of the body where `src` is written (as the Markdown has it, or percent-encoded as
 * the HTML has it), for problems; the body's first line when it cannot be found.
 */
function bodyLineOf(source: ArticleSource, src: string): number {
  const { body, bodyLine } = source;
  let at = body.indexOf(src);
  if (at < 0) at = body.indexOf(safeDecode(src));
  const leading = body.length - body.trimStart().length;
  const linesBefore = (end: number) => body.slice(0, end).split("\n").length - 1;
  return at < 0 ? bodyLine : bodyLine + linesBefore(at) - linesBefore(leading);
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
