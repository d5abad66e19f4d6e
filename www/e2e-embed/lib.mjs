// Shared by the embedding tests: where things are, a loopback server with a request log and a
// Content-Security-Policy per path, and headless Chromium (Debian's, via playwright-core).
//
// scripts/test-embed.sh sets:
//   MC_SITE    a temporary folder: node_modules/messenger-check (installed from the tarball)
//              and examples/ (a copy of www/examples)
//   MC_DIST    the built page (dist/: index.html, embed.html, sw.js, pkg/)
//   MC_ASSESS  the command line (target/release/assess)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, resolve, sep, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, "..", "..");

function need(name) {
  const value = process.env[name];
  if (!value || !existsSync(value)) {
    throw new Error(`${name} is not set or does not exist (${value}); run scripts/test-embed.sh`);
  }
  return resolve(value);
}

export const SITE = () => need("MC_SITE");
export const DIST = () => need("MC_DIST");
export const ASSESS = () => need("MC_ASSESS");

// The MIME types and the strict policy are the demo server's own.
import { STRICT_CSP, TYPES } from "../serve.mjs";
export { STRICT_CSP };

/**
 * Serves `root` on 127.0.0.1 (a free port). `csp(path)` gives the policy for a path (or
 * null); `rewrite(path, text)` may change a text file's body (e.g. to put in the widget's
 * origin). Every request is logged in `requests`.
 */
export async function serve({ root, csp = () => STRICT_CSP, rewrite = null }) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    try {
      let file = resolve(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const type = TYPES[extname(file)] || "application/octet-stream";
      if (rewrite && /^text\//.test(type)) body = Buffer.from(rewrite(path, body.toString("utf8")));
      const headers = { "Content-Type": type, "Cache-Control": "no-cache", "Content-Length": body.length };
      const policy = csp(path);
      if (policy) headers["Content-Security-Policy"] = policy;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh context that records, for every page and worker in it: request URLs, console
 * errors, page errors and `securitypolicyviolation` events (also those inside shadow roots
 * and frames, which bubble to their document).
 *
 * `<messenger-check>` keeps its shadow root closed (www/npm/element.js). So that the tests can
 * look inside, a script that runs before the page's own opens it for them (as any script that
 * runs first could: the README says so); `closedShadow: true` leaves it closed, as shipped
 * (www/e2e-embed/privacy.test.mjs tests that).
 */
export async function newContext(browser, { closedShadow = false, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  if (!closedShadow) {
    await context.addInitScript(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        return attach.call(this, this.localName === "messenger-check" ? { ...init, mode: "open" } : init);
      };
    });
  }
  const log = { requests: [], console: [], pageErrors: [] };
  context.on("request", (r) => log.requests.push(r.url()));
  context.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.console.push(`${m.type()}: ${m.text()}`);
  });
  context.on("weberror", (e) => log.pageErrors.push(String(e.error())));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
  });
  return { context, log };
}

/** The CSP violations recorded in a page and all its frames. */
export async function violations(page) {
  const all = [];
  for (const frame of page.frames()) {
    try {
      all.push(...(await frame.evaluate(() => window.__cspViolations || [])));
    } catch {
      // a frame that went away
    }
  }
  return all;
}

/** The origins of logged requests other than the allowed ones (data: and blob: are local). */
export function foreignRequests(log, allowed) {
  return log.requests.filter((u) => {
    if (/^(data|blob|about|chrome-extension):/.test(u)) return false;
    return !allowed.includes(new URL(u).origin);
  });
}

/** Waits until `fn` returns a truthy value (polling), or throws with `what`. */
export async function until(fn, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * For a test file: serves the example site (strict CSP) and starts a browser before its
 * tests, closes both after them. Use `site.server` and `site.browser` inside the tests.
 */
export function useSite() {
  const site = { server: null, browser: null };
  before(async () => {
    site.server = await serve({ root: SITE() });
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** The standalone page once the WebAssembly has taken over its prerendered questions (which are
 * there, in every language, before any script runs): `start()` marks the host. */
export const PAGE_LIVE = "#messenger-check[data-mc-live]";

/** The score of a live widget, never the one on a first screen painted before the WebAssembly
 * (`.mc-pre`, www/npm/screen.js), which shows the questions' starting score until the takeover
 * brings in the prefilled answers and the clicks: a test that reads the page's own widget from
 * outside must not mistake the one for the other. */
export const LIVE_SCORE = "output.mc-score:not(.mc-pre *)";
