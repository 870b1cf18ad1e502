// Stage 4, Markdown: CommonMark with GitHub's extensions to sanitized HTML. A pure function of
// the text, so that it can be cached by content hash and run in worker threads.
import type { ElementContent, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import { toString as hastToString } from "hast-util-to-string";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { type Processor, unified } from "unified";
import {
  AUTOLINKS,
  autolinksInTree,
  type GfmConstruct,
  gfmConstructsIn,
} from "./gfm-constructs.ts";
import rehypeCompleteImages from "./plugins/rehype-complete-images.ts";
import rehypeFragmentLinks from "./plugins/rehype-fragment-links.ts";
import rehypeUniqueIds from "./plugins/rehype-unique-ids.ts";
import remarkGfmConstructs from "./plugins/remark-gfm-constructs.ts";
import rehypeRawWhenPresent from "./plugins/rehype-raw-when-present.ts";
import { linkMentions, type MentionTarget } from "./plugins/rehype-entity-mentions.ts";

export type { MentionTarget };

export { asJob, type RenderJob } from "./job.ts";

export interface RenderedBody {
  html: string;
  /** Plain text of the body, for word counts, excerpts and suggestions. */
  text: string;
  wordCount: number;
}

/**
 * GitHub's own sanitize schema (rehype-sanitize's default), the one most Markdown readers
 * already trust, with two choices of ours:
 * - `class` is allowed on code blocks (`language-*`), so a later syntax highlighter works;
 * - only http(s), mailto and relative URLs in links and images (the default also allows
 *   irc, xmpp…); `javascript:`, `data:` and `vbscript:` are always dropped;
 * - the text inside `<style>` goes with the element, as `<script>`'s does, instead of
 *   showing up as stray CSS in the article.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), "style"],
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w-]+$/]],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"], cite: ["http", "https"] },
};

/**
 * One parser per set of GFM constructs, made when a body first needs it. remark-gfm's
 * extensions cost more than CommonMark itself, and most bodies can hold few of its constructs
 * (gfm-constructs.ts), so each body is parsed with only those: the tree is the same.
 */
const parsers = new Map<string, Processor<MdastRoot>>();

function parserFor(constructs: readonly GfmConstruct[]): Processor<MdastRoot> {
  const key = constructs.join(" ");
  let parser = parsers.get(key);
  if (!parser) {
    parser = unified().use(remarkParse).use(remarkGfmConstructs, { constructs }).freeze();
    parsers.set(key, parser);
  }
  return parser;
}

/**
 * The body's syntax tree: CommonMark, with the GFM constructs it can contain. Autolinks are
 * left out first and looked for in the tree's text (autolinksInTree); only a body whose text
 * has some is parsed again with them.
 */
export function parseMarkdown(markdown: string): MdastRoot {
  const constructs = gfmConstructsIn(markdown);
  const withoutAutolinks = constructs.filter((construct) => !AUTOLINKS.includes(construct));
  const tree = parserFor(withoutAutolinks).parse(markdown);
  if (withoutAutolinks.length === constructs.length) return tree;
  const autolinks = autolinksInTree(tree, constructs);
  if (autolinks.length === 0) return tree;
  const needed = constructs.filter((c) => !AUTOLINKS.includes(c) || autolinks.includes(c));
  return parserFor(needed).parse(markdown);
}

const toHtml = unified()
  // No prefix here: rehype-sanitize adds one to every id, footnotes' and headings' included,
  // so that nothing in a body can take an id the page itself uses (such as #main).
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
  .use(rehypeRawWhenPresent)
  .use(rehypeSlug)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(rehypeCompleteImages)
  .use(rehypeUniqueIds)
  .use(rehypeFragmentLinks)
  .use(rehypeStringify)
  .freeze();

export function renderMarkdown(markdown: string, mentions?: readonly MentionTarget[]): RenderedBody {
  return renderTree(parseMarkdown(markdown), mentions);
}

/** The rest of the stage, from a body's syntax tree (which it consumes) to HTML and text. */
export function renderTree(markdownTree: MdastRoot, mentions?: readonly MentionTarget[]): RenderedBody {
  const tree = toHtml.runSync(markdownTree) as HastRoot;
  const depth = elementDepth(tree);
  if (depth > MAX_BODY_DEPTH) throw new TooDeep(depth);
  // Per body, so outside the frozen processor; after sanitizing, as its links are the site's.
  if (mentions?.length) linkMentions(tree, { targets: mentions });
  const html = toHtml.stringify(tree);
  const text = hastToString(tree).replace(/\s+/g, " ").trim();
  return { html, text, wordCount: countWords(text) };
}

/** A body that cannot be rendered (nested thousands deep, say) is a problem, not a crash. */
export interface RenderFailure {
  /** What went wrong, as the editor reads it. */
  failure: string;
  /** What the editor can do about it. */
  fix: string;
}

export type RenderResult = RenderedBody | RenderFailure;

export function renderMarkdownSafely(markdown: string, mentions?: readonly MentionTarget[]): RenderResult {
  try {
    return renderMarkdown(markdown, mentions);
  } catch (error) {
    const reason = error instanceof TooDeep ? error.message
      : error instanceof RangeError ? "it is nested too deeply"
      : error instanceof Error ? error.message : String(error);
    return {
      failure: `the body could not be rendered: ${reason}`,
      fix: "simplify the deepest nesting of lists, quotes or HTML",
    };
  }
}

/**
 * Browsers flatten a page whose elements nest more than 512 deep (the Nu checker says so), and
 * a body sits a dozen levels inside the page: a list nested 300 deep is 600 elements.
 */
export const MAX_BODY_DEPTH = 500;

class TooDeep extends Error {
  constructor(depth: number) {
    const limit = `past the ${MAX_BODY_DEPTH} a page holds before browsers flatten it`;
    super(`it is nested ${depth} elements deep, ${limit}`);
  }
}

/** How deep the tree's elements nest; by hand, with a stack, as the trees in question are deep. */
function elementDepth(tree: HastRoot): number {
  let deepest = 0;
  const stack: [HastRoot | ElementContent, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > deepest) deepest = depth;
    if (node.type !== "root" && node.type !== "element") continue;
    for (const child of node.children) {
      if (child.type === "element") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return matches ? matches.length : 0;
}
