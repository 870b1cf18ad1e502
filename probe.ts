import { Problems } from "./src/content/problems.ts";
import { importArchive } from "./src/import/import-archive.ts";
import { formatImportReport } from "./src/import/report.ts";
const dir = process.argv[2]!, src = process.argv[3]!;
const r = await importArchive({ source: src, contentDir: dir, mapFile: dir + "/import-map.yaml", dryRun: false, ...(process.argv[4] ? {uploadsDir: process.argv[4]} : {}) }, new Problems());
console.log(formatImportReport(r!, src, false, "import-map.yaml"));
