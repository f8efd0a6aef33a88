// Bundle the browser view into ../app/static (the files the Python package ships).
// Usage: npm ci && npm run build        (or: bash build.sh from anywhere)
//        node build.mjs --outdir DIR     (build elsewhere, e.g. to check the committed bundle)
// Output names are fixed (no hashes) so the committed bundle diffs cleanly.
import { build, context } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf("--outdir");
const out = at > 0 ? resolve(process.argv[at + 1]) : join(here, "..", "app", "static");
const watch = process.argv.includes("--watch");

const options = {
  entryPoints: { app: join(here, "src", "main.js"), style: join(here, "src", "style.css") },
  bundle: true,
  minify: !watch,
  sourcemap: false,
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  format: "iife",
  legalComments: "linked", // licence headers of cytoscape & co. go to app.js.LEGAL.txt
  outdir: out,
  logLevel: "info",
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));
if (watch) {
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
