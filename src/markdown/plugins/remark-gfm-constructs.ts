// remark-gfm, limited to the constructs named: the same micromark and mdast extensions, added
// the same way and in the same order, minus the others. A parser with fewer extensions is
// faster (micromark tries each at every character it hooks); gfm-constructs.ts says which a
// body needs. Only parsing is extended: this pipeline never writes Markdown back.
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { combineExtensions } from "micromark-util-combine-extensions";
import type { Processor } from "unified";
import type { GfmConstruct } from "../gfm-constructs.ts";

type SyntaxExtension = ReturnType<typeof gfmTable>;
type TreeExtension = ReturnType<typeof gfmTableFromMarkdown>;

export interface Options {
  /** The constructs to parse; every other GFM construct is left to CommonMark. */
  constructs: readonly GfmConstruct[];
}

export default function remarkGfmConstructs(this: Processor, { constructs }: Options): void {
  const has = (construct: GfmConstruct): boolean => constructs.includes(construct);
  const parts: [SyntaxExtension, TreeExtension][] = [];
  // Both kinds of autolink share one mdast extension (and its transform), as in remark-gfm.
  if (has("emailAutolink") || has("urlAutolink")) {
    const syntax = has("emailAutolink") ? gfmAutolinkLiteral() : urlAutolinkLiteral();
    parts.push([syntax, gfmAutolinkLiteralFromMarkdown()]);
  }
  if (has("footnote")) parts.push([gfmFootnote(), gfmFootnoteFromMarkdown()]);
  if (has("strikethrough")) parts.push([gfmStrikethrough(), gfmStrikethroughFromMarkdown()]);
  if (has("table")) parts.push([gfmTable(), gfmTableFromMarkdown()]);
  if (has("taskListItem")) parts.push([gfmTaskListItem(), gfmTaskListItemFromMarkdown()]);
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions(parts.map(([syntax]) => syntax)));
  (data.fromMarkdownExtensions ??= []).push(parts.map(([, tree]) => tree));
}

/**
 * GFM's autolink literals without e-mail addresses. Written here because the package offers
 * them only together: its e-mail construct is tried at the start of every word (every letter
 * and digit is its hook), which is most of GFM's cost, and it can only match an `@`. Should
 * the construct be renamed, nothing is removed: the parser is slower, never different.
 */
function urlAutolinkLiteral(): SyntaxExtension {
  const text = gfmAutolinkLiteral().text ?? {};
  const withoutEmail = Object.entries(text).flatMap(([code, hooked]) => {
    const kept = [hooked ?? []].flat().filter((construct) => construct.name !== "emailAutolink");
    return kept.length > 0 ? [[code, kept] as const] : [];
  });
  return { text: Object.fromEntries(withoutEmail) };
}
