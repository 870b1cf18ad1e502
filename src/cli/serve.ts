// `npm start`: build the archive, drafts included, serve it on localhost and rebuild on every
// change. Content errors are shown in the terminal and on the pages; the server keeps running.
import { Eleventy } from "@11ty/eleventy";
import { resolveOptions } from "../config/options.ts";
import { PROJECT_ROOT } from "../publish/publish.ts";

const options = resolveOptions();
const port = Number(process.env.PORT) || 8080;
// Eleventy resolves its input, config and passthrough paths against the working folder.
process.chdir(PROJECT_ROOT);
const eleventy = new Eleventy("layouts", options.outputDir, { configPath: ".eleventy.ts", runMode: "serve", quietMode: true });
await eleventy.init();
await eleventy.watch();
await eleventy.serve(port);
process.on("SIGINT", () => void eleventy.stopWatch().finally(() => process.exit(0)));
console.log(`Serving ${options.contentDir} (drafts included) at http://localhost:${port}/ — edit a file and the page reloads.`);
