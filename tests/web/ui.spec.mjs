// Browser test of the sckg web view, driven by playwright-core in Debian's Chromium.
//
//   SCKG_URL=http://127.0.0.1:8000 node tests/web/ui.spec.mjs
//
// Needs a server on the seed graph (tests/web/test_web_ui.py starts one) and
// `npm ci --prefix web` (playwright-core comes from web/node_modules; it never
// downloads a browser: CHROMIUM, default /usr/bin/chromium, is used).
// Screenshots go to SCREENSHOT_DIR (default docs/screenshots).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const BASE = (process.env.SCKG_URL || "http://127.0.0.1:8000").replace(/\/$/, "");
const SHOTS = process.env.SCREENSHOT_DIR || fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const MINSK = "resuming the participation of the OSCE Minsk Group";
const STATE_DEPT = "US State Department";
const HAQQIN = "Haqqin.az";
const PRESIDENT_AZ = "Press Service of the President of Azerbaijan";
mkdirSync(SHOTS, { recursive: true });

const results = [];
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    results.push([name, false]);
    console.log(`FAIL ${name}\n${err && err.stack ? err.stack : err}`);
  }
}

const profile = mkdtempSync(join(tmpdir(), "sckg-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(20000);

// Nothing may come from anywhere but the server under test (no CDN at run time).
const foreign = [];
const consoleErrors = [];
const origin = new URL(BASE).origin;
await page.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
  foreign.push(url);
  return route.abort();
});
page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
page.on("pageerror", (err) => consoleErrors.push(String(err)));

try {
  await step("explorer renders nodes and edges", async () => {
    await page.goto(`${BASE}/#/`);
    await page.waitForSelector("#view-explorer[data-state=ready]");
    const counts = await page.evaluate(() => {
      const cy = window.sckg.cy;
      const vis = cy.elements().filter((e) => e.style("display") !== "none");
      const byType = (t) => vis.filter(`edge[type = "${t}"]`).length;
      return { nodes: vis.nodes().length, edges: vis.edges().length, asserts: byType("ASSERTS"), denies: byType("DENIES"), omits: byType("OMITS") };
    });
    assert.ok(counts.nodes > 0, `no node drawn: ${JSON.stringify(counts)}`);
    assert.ok(counts.edges > 0, `no edge drawn: ${JSON.stringify(counts)}`);
    for (const t of ["asserts", "denies", "omits"]) assert.ok(counts[t] > 0, `no ${t} edge drawn`);
    // Distinct styles for the three kinds of account, and a legend naming them.
    const styles = await page.evaluate(() => ["ASSERTS", "DENIES", "OMITS"].map((t) => {
      const e = window.sckg.cy.edges(`[type = "${t}"]`)[0];
      return `${e.style("line-color")}|${e.style("line-style")}`;
    }));
    assert.equal(new Set(styles).size, 3, `account edges look alike: ${styles}`);
    const legend = await page.textContent("#graph-legend");
    for (const word of ["asserts", "denies", "omits"]) assert.ok(legend.includes(word), `legend lacks ${word}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, "explorer.png") });
  });

  await step("clicking a claim shows its quote", async () => {
    // Zoom onto the Minsk Group claim, then click it on the canvas like a user.
    const pos = await page.evaluate((needle) => {
      const cy = window.sckg.cy;
      const node = cy.nodes('[label = "Claim"]').filter((n) => (n.data("text") || "").includes(needle))[0];
      cy.zoom(2);
      cy.center(node);
      const p = node.renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, id: node.id() };
    }, MINSK);
    await page.mouse.click(pos.x, pos.y);
    await page.waitForFunction((id) => window.sckg.cy.$(":selected").id() === id, pos.id);
    await page.waitForSelector("#details .quote-card");
    const details = await page.textContent("#details");
    assert.ok(details.includes(MINSK), "details panel lacks the claim text");
    assert.ok(details.includes("The statement of the State Department noted"), "details panel lacks the State Department quote");
    assert.ok(details.includes("diplomatic sources"), "details panel lacks the Haqqin.az denial quote");
    await page.evaluate(() => window.sckg.explorer.fit());
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SHOTS, "explorer-claim.png") });
  });

  await step("search finds a node and shows its details", async () => {
    await page.fill("#search", "Haqqin");
    await page.waitForSelector("#search-results .hit");
    await page.click('#search-results .hit[data-label="Source"]');
    await page.waitForFunction(() => window.sckg.cy.$(":selected").data("name") === "Haqqin.az");
    assert.ok((await page.textContent("#details h2")).includes("Haqqin.az"));
  });

  await step("filters hide and show edges", async () => {
    const visible = () => page.evaluate(() => window.sckg.cy.edges('[type = "MENTIONS"]').filter((e) => e.style("display") !== "none").length);
    assert.ok((await visible()) > 0);
    await page.uncheck('input[data-edge-type="MENTIONS"]');
    assert.equal(await visible(), 0);
    await page.check('input[data-edge-type="MENTIONS"]');
    await page.fill("#f-from", "2022-07-01");
    await page.dispatchEvent("#f-from", "change");
    const early = await page.evaluate(() => window.sckg.cy.nodes('[label = "Event"]').filter((n) => n.style("display") !== "none").map((n) => n.data("date")));
    assert.ok(early.length > 0 && early.every((d) => d >= "2022-07-01"), `date filter let through ${early}`);
    await page.click("#b-reset");
  });

  await step("event page: Minsk Group claim asserted / denied / omitted", async () => {
    await page.goto(`${BASE}/#/events`);
    await page.waitForSelector("#view-events[data-state=ready]");
    await page.click('#events a:has-text("2022-07-25")');
    await page.waitForSelector("#view-event[data-state=ready] #comparison");
    const row = page.locator("#comparison tbody tr", { hasText: MINSK });
    assert.equal(await row.count(), 1, "no single Minsk Group row");
    const status = (source) => row.locator(`td[data-source-name="${source}"]`).getAttribute("data-status");
    assert.equal(await status(STATE_DEPT), "asserted");
    assert.equal(await status(HAQQIN), "denied");
    assert.equal(await status(PRESIDENT_AZ), "omitted");
    await row.locator(`td[data-source-name="${HAQQIN}"]`).click();
    await page.waitForSelector("#cell-details .quote-card");
    const drawer = await page.textContent("#cell-details");
    assert.ok(drawer.includes("diplomatic sources"), "cell evidence lacks the Haqqin.az quote");
    assert.ok(/Article/.test(drawer), "cell evidence names no article");
    // An omission found by comparison links the account it was compared with.
    await row.locator(`td[data-source-name="${PRESIDENT_AZ}"]`).click();
    await page.waitForSelector("#cell-details .compared a.compared-source");
    const compared = await page.textContent("#cell-details .compared");
    assert.ok(compared.includes(STATE_DEPT), `omission not linked to the compared account: ${compared}`);
    await row.locator(`td[data-source-name="${HAQQIN}"]`).click();
    await page.waitForSelector("#cell-details .quote-card:not(.status-omitted)");
    await page.screenshot({ path: join(SHOTS, "event.png"), fullPage: false });
  });

  await step("a quote opens in its article, highlighted at its offsets", async () => {
    // The Haqqin.az denial is still open in the drawer of the event page.
    const quote = (await page.textContent("#cell-details .quote-card blockquote")).trim();
    await page.click("#cell-details .quote-card a.read-in-article");
    await page.waitForSelector("#view-article[data-state=ready] #article-text");
    const selected = page.locator("#article-text mark.selected");
    assert.ok(await selected.count() >= 1, "the edge's quote is not marked in the article");
    const marked = (await selected.allTextContents()).join("");
    assert.ok(quote.includes(marked.trim()) || marked.includes(quote), `marked "${marked}" is not the quote "${quote}"`);
    assert.equal(await page.locator("#article-text mark.status-denied").count() >= 1, true);
    await page.locator("#article-text mark.status-asserted, #article-text mark.status-denied").first().click();
    await page.waitForSelector("#article-details .quote-card");
    // No screenshot kept: it would reproduce a third-party article's whole text.
  });

  await step("source × source matrix: Haqqin.az denies what the State Department asserts", async () => {
    await page.goto(`${BASE}/#/sources`);
    await page.waitForSelector("#view-sources[data-state=ready] #source-matrix");
    const row = page.locator("#source-matrix tbody tr", { has: page.locator(`th:has-text("${HAQQIN}")`) });
    assert.equal(await row.count(), 1, "no Haqqin.az row");
    const cell = row.locator(`td[data-b="${STATE_DEPT}"]`);
    assert.ok(Number(await cell.getAttribute("data-denies")) >= 1, "no denial of the State Department's claims");
    await cell.click();
    await page.waitForSelector("#pair-details .pair-counts");
    assert.ok((await page.textContent("#pair-details")).includes(STATE_DEPT));
    await page.screenshot({ path: join(SHOTS, "sources.png") });
  });

  await step("timeline: the 25 July 2022 call under July 2022, linked to its comparison", async () => {
    await page.goto(`${BASE}/#/timeline`);
    await page.waitForSelector("#view-timeline[data-state=ready] #timeline");
    const july = page.locator('.timeline-month[data-month="July 2022"]');
    assert.equal(await july.count(), 1, "no July 2022 on the timeline");
    const months = await page.locator(".timeline-month").evaluateAll((els) => els.map((e) => e.dataset.month));
    const undated = months.indexOf("Undated");
    assert.ok(undated === -1 || undated === months.length - 1, `undated events not last: ${months}`);
    await july.locator("a.event-link").first().click();
    await page.waitForSelector("#view-event[data-state=ready] #comparison");
    await page.goto(`${BASE}/#/timeline`);
    await page.waitForSelector("#view-timeline[data-state=ready] #timeline");
    await page.screenshot({ path: join(SHOTS, "timeline.png") });
  });

  await step("contested list links claims to their events", async () => {
    await page.goto(`${BASE}/#/contested`);
    await page.waitForSelector("#view-contested[data-state=ready]");
    const item = page.locator(".contested-item", { hasText: MINSK });
    assert.equal(await item.count(), 1);
    const text = await item.textContent();
    assert.ok(text.includes(STATE_DEPT) && text.includes(HAQQIN));
    const dates = await page.locator(".contested-item .date").allTextContents();
    assert.ok(dates.length > 0);
    await page.screenshot({ path: join(SHOTS, "contested.png") });
    await item.locator("a.event-link").click();
    await page.waitForSelector("#view-event[data-state=ready] #comparison");
    assert.ok(page.url().includes("#/event/"));
  });

  await step("large-graph start view: contested points with the sources' stance edges", async () => {
    await page.goto(`${BASE}/?view=start#/`);  // what a graph past 2,500 nodes opens with
    await page.waitForSelector("#view-explorer[data-state=ready]");
    const seen = await page.evaluate(() => {
      const cy = window.sckg.cy;
      const count = (sel) => cy.elements(sel).length;
      return { nodes: count("node"), sources: count('node[label = "Source"]'), claims: count('node[label = "Claim"]'),
        events: count('node[label = "Event"]'), asserts: count('edge[type = "ASSERTS"]'), denies: count('edge[type = "DENIES"]'),
        about: count('edge[type = "ABOUT"]'), readable: count("node.readable"),
        labelled: cy.nodes('[label = "Claim"]').every((n) => (n.data("display") || "").length > 0) };
    });
    assert.ok(seen.nodes <= 100, `start view too big: ${seen.nodes}`);
    assert.ok(seen.events >= 1 && seen.sources >= 2 && seen.asserts >= 1 && seen.denies >= 1, JSON.stringify(seen));
    assert.ok(seen.claims >= 1 && seen.claims <= seen.events * 8 && seen.about >= seen.claims, JSON.stringify(seen));
    assert.ok(seen.labelled && seen.readable === seen.claims, "claims without readable labels");
    assert.ok((await page.textContent("#counts")).includes("Large graph"));
    const minsk = await page.evaluate((text) => window.sckg.cy.nodes('[label = "Claim"]').some((n) => (n.data("text") || "").includes(text)), MINSK);
    assert.ok(minsk, "the denied Minsk Group claim is not in the start view");
    await page.screenshot({ path: join(SHOTS, "explorer-start.png") });
  });

  await step("review page: denials first; signing in once, key a accepts one and the queue moves on", async () => {
    await page.goto(`${BASE}/#/review`);
    await page.waitForSelector("#view-review[data-state=ready] #queue-item .review-bar");
    const before = await page.locator("#queue li").count();
    assert.ok(before > 0, "the queue is empty");
    assert.equal(await page.locator("#queue li .badge").first().textContent(), "DENIES");
    assert.ok((await page.locator("#queue-item .review-context mark").count()) === 1, "the quote is not shown in its article");
    await page.keyboard.press("a");  // no credentials yet: the form asks for them
    await page.fill("#queue-item .reviewer-name", "Aynur Məmmədova");  // not Latin-1: sent percent-encoded
    await page.fill("#queue-item .reviewer-key", process.env.SCKG_API_KEY);
    await page.click("#queue-item .review-credentials button[type=submit]");
    await page.waitForFunction((n) => document.querySelector("#view-review").dataset.state === "ready"
      && document.querySelectorAll("#queue li").length === n - 1, before);
    await page.keyboard.press("j");
    assert.equal(await page.locator("#queue li.selected").count(), 1);
  });

  await step("rejecting a denial on the Contested page takes its claim off the page", async () => {
    await page.goto(`${BASE}/#/contested`);
    await page.waitForSelector("#view-contested[data-state=ready]");
    const item = page.locator(".contested-item", { hasText: MINSK });
    const denials = item.locator(".quote-card[data-type=DENIES]");
    const count = await denials.count();
    assert.ok(count >= 1);
    for (let left = count; left > 0; left--) {  // each of its denials (Haqqin.az's among them)
      await denials.first().locator(".review-reject").click();
      await page.waitForFunction(([text, n]) => {
        if (document.querySelector("#view-contested").dataset.state !== "ready") return false;
        const shown = [...document.querySelectorAll(".contested-item")].filter((el) => el.textContent.includes(text));
        return n === 1 ? shown.length === 0 : shown.length === 1
          && shown[0].querySelectorAll(".quote-card[data-type=DENIES]").length === n - 1;
      }, [MINSK, left]);
    }
    assert.equal(await item.count(), 0);
    const denied = await (await fetch(`${BASE}/claims/denied?include_rejected=true&limit=500`)).json();
    const minsk = denied.items.find((c) => c.claim_text && c.claim_text.includes(MINSK));
    assert.ok(minsk, "with include_rejected the claim is back");
    assert.ok(minsk.denied_by.every((e) => e.review === "rejected" && e.reviewed_by === "Aynur Məmmədova"));
  });

  await step("clicking through 50 nodes keeps the page's memory bounded", async () => {
    // An audit saw the renderer crash after a few clicks (3.9 GB). Measure what
    // clicks leave behind: the JS heap and DOM after a forced garbage collection.
    let crashed = false;
    page.once("crash", () => { crashed = true; });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const measure = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
      return { heapMB: metrics.JSHeapUsedSize / 2 ** 20, domNodes: metrics.Nodes, listeners: metrics.JSEventListeners };
    };
    await page.goto(`${BASE}/#/`);
    await page.waitForSelector("#view-explorer[data-state=ready]");
    const before = await measure();
    for (let i = 0; i < 50; i++) {
      const pos = await page.evaluate((i) => {
        const cy = window.sckg.cy;
        const nodes = cy.nodes().filter((n) => !n.hasClass("hidden"));
        const node = nodes[(i * 7) % nodes.length];
        const p = node.renderedPosition();
        const box = cy.container().getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      }, i);
      // Every fifth a double click (expand neighbours), the rest single clicks.
      if (i % 5 === 4) await page.mouse.dblclick(pos.x, pos.y);
      else await page.mouse.click(pos.x, pos.y);
    }
    await page.waitForTimeout(500);
    const after = await measure();
    await cdp.detach();
    assert.ok(!crashed, "the page crashed");
    assert.ok(after.heapMB < before.heapMB + 32, `JS heap grew ${before.heapMB.toFixed(1)} → ${after.heapMB.toFixed(1)} MB`);
    assert.ok(after.domNodes < before.domNodes * 3 + 1000, `DOM grew ${before.domNodes} → ${after.domNodes} nodes`);
    assert.ok(after.listeners < before.listeners * 3, `listeners grew ${before.listeners} → ${after.listeners}`);
    console.log(`     heap ${before.heapMB.toFixed(1)} → ${after.heapMB.toFixed(1)} MB, DOM ${before.domNodes} → ${after.domNodes}`);
  });

  await step("nothing fetched from outside, no script error", async () => {
    assert.deepEqual(foreign, [], `requests left the server: ${foreign}`);
    assert.deepEqual(consoleErrors, [], `console errors: ${consoleErrors}`);
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

const failed = results.filter(([, ok]) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
