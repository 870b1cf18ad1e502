import spec from 'commonmark-spec'
import { renderMarkdown } from '../src/markdown/render.ts'
import { normalizeHtml } from '../test/support/html.ts'
const fails: Record<string, number[]> = {}
for (const t of (spec as any).tests) {
  const got = normalizeHtml(renderMarkdown(t.markdown.replace(/→/g, '\t')).html)
  const want = normalizeHtml(t.html.replace(/→/g, '\t'))
  if (got !== want) (fails[t.section] ??= []).push(t.number)
}
let n = 0
for (const [s, l] of Object.entries(fails)) { n += l.length; console.log(s, l.join(',')) }
console.log('total fails', n, 'of', (spec as any).tests.length)
