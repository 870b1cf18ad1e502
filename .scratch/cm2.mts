import spec from 'commonmark-spec'
import { renderMarkdown } from '../src/markdown/render.ts'
import { normalizeHtml } from '../test/support/html.ts'
const want = process.argv.slice(2).map(Number)
for (const t of (spec as any).tests) if (want.includes(t.number)) {
  console.log('#', t.number, t.section, JSON.stringify(t.markdown)); console.log(' want', JSON.stringify(normalizeHtml(t.html.replace(/→/g, '\t')))); console.log(' got ', JSON.stringify(normalizeHtml(renderMarkdown(t.markdown.replace(/→/g, '\t')).html)))
}
