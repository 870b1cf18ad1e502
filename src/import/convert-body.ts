// Import, step 3: a post's HTML body becomes Markdown through unified, the same trees in and
// out (rehype-parse → rehype-remark → remark-gfm → remark-stringify): headings, lists,
// quotes, tables, code, images and footnotes carry over; what can run script is sanitized
// away first.
import { autop } from "@wordpress/autop";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { VFile } from "vfile";
import dropComments from "./body/drop-comments.ts";
import { footnoteHandlers } from "./body/footnote-handlers.ts";
import embedsToLinks from "./body/embeds-to-links.ts";
import figuresToCaptions from "./body/figures-to-captions.ts";
import reportScripts from "./body/report-scripts.ts";
import unwrapBareLinks from "./body/unwrap-bare-links.ts";
import oldImageAddresses from "./body/old-image-addresses.ts";
import uploadLinks from "./body/upload-links.ts";
import wordpressFootnotes from "./body/wordpress-footnotes.ts";
import { expandShortcodes, type ShortcodeContext } from "./shortcodes.ts";

export interface BodyOptions {
  /** Classic WordPress bodies: blank lines are paragraphs, as WordPress shows them. */
  paragraphsAsBlankLines: boolean;
  shortcodes: Omit<ShortcodeContext, "report" | "notes">;
  /** The block editor's footnotes, kept in the post's meta: id and HTML. */
  footnotes?: readonly { id: string; content: string }[];
  uploadsDir?: string;
  /** The post's address on the old site, which relative image addresses are relative to. */
  oldAddress?: string;
}

export interface ConvertedBody {
  markdown: string;
  problems: string[];
  /** Files under the uploads folder that the body now links to on the new site. */
  uploads: string[];
}

/** GitHub's rules, as the build's; elements whose text is code or styling go with their text. */
const SANITIZE = {
  ...defaultSchema,
  strip: ["script", "style", "template", "noscript", "textarea"],
};

export function convertBody(html: string, options: BodyOptions): ConvertedBody {
  const problems: string[] = [];
  const report = (message: string) => void problems.push(message);
  const notes = new Map((options.footnotes ?? []).map((note) => [note.id, note.content]));
  let source = expandShortcodes(html, { ...options.shortcodes, notes, report });
  if (options.paragraphsAsBlankLines) source = autop(source);
  const found = new Set<string>();
  const file = new VFile({ value: source });
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(dropComments)
    .use(wordpressFootnotes, { notes })
    .use(reportScripts)
    .use(embedsToLinks)
    .use(figuresToCaptions)
    .use(oldImageAddresses, options.oldAddress ? { oldAddress: options.oldAddress } : {})
    .use(uploadLinks, { ...(options.uploadsDir ? { uploadsDir: options.uploadsDir } : {}), found })
    .use(rehypeSanitize, SANITIZE)
    .use(unwrapBareLinks)
    .use(rehypeRemark, { handlers: footnoteHandlers })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: "-", emphasis: "_", fences: true, rule: "-" });
  const markdown = String(processor.processSync(file)).trim();
  problems.push(...file.messages.map((message) => message.reason));
  return { markdown: markdown ? `${markdown}\n` : "", problems, uploads: [...found].sort() };
}
