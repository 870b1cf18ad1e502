import { launchChromium } from '../test/support/browser.ts'
import { serveStatic } from '../test/support/static-server.ts'
const s = await serveStatic('/tmp/fx'); const b = await launchChromium(); const p = await b.newPage()
p.on('dialog', d => { console.log('DIALOG', d.message()); d.dismiss() })
await p.goto(s.url + '/search/?q=alert'); await p.locator('.pagefind-ui__result-link').first().waitFor()
await p.waitForTimeout(1000)
console.log(await p.locator('.pagefind-ui__results').innerHTML())
const data = await p.evaluate(async () => { const pf = await import('/pagefind/pagefind.js'); const r = await pf.search('alert'); return Promise.all(r.results.map((x: any) => x.data())) })
console.log(JSON.stringify(data, null, 1).slice(0, 3000))
await b.close(); await s.close()
