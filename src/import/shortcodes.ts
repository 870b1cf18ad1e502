// Import, body step 1: WordPress shortcodes that have a Markdown form become plain HTML before
// the body is parsed ([caption] a figure, [gallery] a list of images, embeds links); any other
// shortcode is unwrapped, its text kept, and reported. @wordpress/shortcode is WordPress's own
// parser, so attributes and escaped `[[tags]]` read exactly as WordPress reads them.
import { replace, type Shortcode } from "@wordpress/shortcode";

export interface Attachment {
  id: string;
  url: string;
  title: string;
  parentId: string;
  /** The image's alternative text and caption (WordPress keeps the caption as its excerpt). */
  alt?: string;
  caption?: string;
}

export interface ShortcodeContext {
  /** The post's own id, for galleries that show the post's attached images. */
  postId: string;
  attachments: ReadonlyMap<string, Attachment>;
  /** Collects footnote shortcodes' notes, by the id their mark in the text carries. */
  notes: Map<string, string>;
  /** Reports a shortcode that had no Markdown form. */
  report(message: string): void;
}

type Handler = (shortcode: Shortcode, context: ShortcodeContext) => string;

const HANDLERS: Record<string, Handler> = {
  caption: caption,
  wp_caption: caption,
  gallery: gallery,
  embed: (shortcode) => link(shortcode.content ?? shortcode.attrs.named.src ?? ""),
  youtube: (shortcode) => link(firstUrl(shortcode)),
  vimeo: (shortcode) => link(firstUrl(shortcode)),
  tweet: (shortcode) => link(firstUrl(shortcode)),
  video: media,
  audio: media,
  // Footnote plug-ins: Simple Footnotes, Easy Footnotes, Footnotes Made Easy.
  ref: footnote,
  footnote: footnote,
  efn_note: footnote,
};

const MEDIA_ATTRIBUTES = ["src", "mp4", "m4v", "webm", "ogv", "mp3", "m4a", "ogg", "wav"];

/** Shortcodes every WordPress site has, reported even when they are written bare (`[foo]`). */
const KNOWN_BARE = new Set(["playlist", "contact-form", "gravityform", "ngg", "sc_embed_player"]);

export function expandShortcodes(html: string, context: ShortcodeContext): string {
  let out = html;
  for (const [tag, handler] of Object.entries(HANDLERS)) {
    out = replace(tag, out, (shortcode) => handler(shortcode, context));
  }
  for (const tag of unknownShortcodes(out)) {
    out = replace(tag, out, (shortcode) => {
      context.report(`the shortcode [${tag}] has no Markdown form: it was removed, ` +
        "its text kept (add what it showed by hand)");
      return shortcode.content ?? "";
    });
  }
  return out;
}

/**
 * Names written like shortcodes: with attributes or a closing tag, or a known plugin's name.
 * Bracketed words in prose (`[sic]`, `[1]`) are neither, and stay as they are.
 */
function unknownShortcodes(html: string): Set<string> {
  const tags = new Set<string>();
  for (const match of html.matchAll(/\[([a-zA-Z][\w-]*)(\s[^\]]*=[^\]]*)?\/?\]/g)) {
    const tag = match[1]!;
    if (match[2] || KNOWN_BARE.has(tag) || html.includes(`[/${tag}]`)) tags.add(tag);
  }
  return tags;
}

/** `[caption]<a><img></a> The caption[/caption]`, or the caption in its attribute. */
function caption(shortcode: Shortcode): string {
  const content = shortcode.content ?? "";
  const image = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  const figure = image?.[1] ?? content;
  const text = (image?.[2] ?? "").trim() || shortcode.attrs.named.caption || "";
  return `<figure>${figure}<figcaption>${text}</figcaption></figure>`;
}

/** `[gallery ids="1,2"]`, or without ids the images attached to the post. */
function gallery(shortcode: Shortcode, context: ShortcodeContext): string {
  const ids = shortcode.attrs.named.ids ?? shortcode.attrs.named.include;
  const images = ids
    ? ids.split(",").flatMap((id) => context.attachments.get(id.trim()) ?? [])
    : [...context.attachments.values()].filter((one) => one.parentId === context.postId);
  const shown = images.filter((one) => /\.(png|jpe?g|gif|webp|avif)$/i.test(one.url));
  if (shown.length === 0) {
    context.report("a [gallery] names no image this export holds: it was removed");
    return "";
  }
  const items = shown.map((one) =>
    `<li><img src="${escape(one.url)}" alt="${escape(one.title)}"></li>`);
  return `<ul>${items.join("")}</ul>`;
}

/** The note is kept aside; its mark is WordPress's own (see body/wordpress-footnotes.ts). */
function footnote(shortcode: Shortcode, context: ShortcodeContext): string {
  const id = `shortcode-${context.notes.size + 1}`;
  context.notes.set(id, shortcode.content ?? "");
  return `<sup data-fn="${id}"></sup>`;
}

function media(shortcode: Shortcode): string {
  const named = shortcode.attrs.named;
  const source = MEDIA_ATTRIBUTES.map((name) => named[name]).find(Boolean);
  return link(source ?? firstUrl(shortcode));
}

/** `[youtube https://…]`, `[youtube=https://…]` (Jetpack's form) or `[tweet]…[/tweet]`. */
function firstUrl(shortcode: Shortcode): string {
  const written = [shortcode.attrs.numeric[0], shortcode.attrs.named.url, shortcode.content];
  const found = written.find((value) => value && /https?:\/\//.test(value)) ?? "";
  return found.replace(/^=/, "").trim();
}

function link(url: string): string {
  const address = url.trim();
  if (!/^https?:\/\/\S+$/i.test(address)) return "";
  return `<p><a href="${escape(address)}">${escape(address)}</a></p>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
