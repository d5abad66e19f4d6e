// The server-rendered framework recipes (issue 20): Next.js 15 (App Router, React 19), Astro 5
// and Nuxt 3, each in www/examples/ with its own lockfile, installed from the packed tarball and
// built with its own tools like the other recipes (recipes.mjs), then served as its README says
// (Next.js and Nuxt by their own servers, each sending its recipe's nonce-based
// Content-Security-Policy; Astro's static build by a plain server under the strict policy) and
// checked in headless Chromium: the server's HTML holds the element (no crash while rendering
// on the server), the .wasm is served as application/wasm, the widget renders exactly once,
// answers set as a property apply, a click scores, the language switch reaches it, and there is
// no CSP violation, console error or request to another origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { STRICT_CSP, launch, serve, until } from "./lib.mjs";
import { assertNoStylesheetEmitted, checkApp, installAndBuild, timing } from "./recipes.mjs";

const T = { timeout: 900_000 };
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts a recipe's own server on `port`; resolves once it answers. */
async function start(dir, command, args, port, env = {}) {
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} exited:\n${output}`);
        return fetch(url).then(
          (r) => r.status > 0,
          () => false,
        );
      },
      `${command} ${args.join(" ")} to answer`,
      60_000,
    );
  } catch (error) {
    process.kill(-child.pid);
    throw error;
  }
  return {
    url,
    output: () => output,
    stop: () => {
      try {
        process.kill(-child.pid);
      } catch {
        // already gone
      }
    },
  };
}

/** The page as the server sends it (status, HTML, policy), and the type of the built .wasm
 * (found in the build's folder `dir`, served under the URL path `prefix`). */
async function fromServer(url, dir, prefix) {
  const page = await fetch(url);
  const html = await page.text();
  const name = readdirSync(dir).find((f) => /^messenger_check_bg.*\.wasm$/.test(f));
  assert.ok(name, `the build copied the .wasm into ${dir}`);
  const wasm = new URL(`${prefix}${name}`, url).href;
  const response = await fetch(wasm);
  assert.equal(response.status, 200, wasm);
  return { status: page.status, html, csp: page.headers.get("content-security-policy"), wasm, wasmType: response.headers.get("content-type") };
}

function checkServerHtml(name, sent) {
  assert.equal(sent.status, 200, `${name}: the server renders the page`);
  assert.match(sent.html, /<messenger-check\b[^>]*\blang="de"/, `${name}: the server's HTML holds the element`);
  assert.equal(sent.wasmType, "application/wasm", `${name}: ${sent.wasm} as application/wasm`);
}

test("Next.js 15 (App Router, React 19): server-rendered under the nonce policy with 'strict-dynamic'", T, async () => {
  const { dir, install, build } = installAndBuild("nextjs", ["build"]);
  const port = await freePort();
  const server = await start(dir, "npx", ["--no-install", "next", "start", "-p", String(port), "-H", "127.0.0.1"], port);
  try {
    const sent = await fromServer(server.url, join(dir, ".next", "static", "media"), "/_next/static/media/");
    checkServerHtml("Next.js", sent);
    assert.match(sent.csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic' 'wasm-unsafe-eval'/, `the recipe's policy: ${sent.csp}`);
    assert.match(sent.csp, /style-src 'self'(;|$)/);
    const nonce = /'nonce-([^']+)'/.exec(sent.csp)[1];
    const inline = [...sent.html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
    assert.ok(inline.length > 0 && inline.every((tag) => tag.includes(`nonce="${nonce}"`)), "Next's inline scripts carry the nonce");
    const browserSeconds = await checkApp(browser, server.url, ["element"]);
    timing("nextjs", { install, build, browser: browserSeconds });
  } finally {
    server.stop();
  }
});

test("Astro 5: a static build under the strict policy (no inlined script or stylesheet)", T, async () => {
  const { dir, install, build } = installAndBuild("astro", ["build"]);
  assertNoStylesheetEmitted(join(dir, "dist"));
  const server = await serve({ root: join(dir, "dist"), csp: () => STRICT_CSP });
  try {
    const sent = await fromServer(server.url("/"), join(dir, "dist", "_astro"), "/_astro/");
    checkServerHtml("Astro", sent);
    assert.doesNotMatch(sent.html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
    const browserSeconds = await checkApp(browser, server.url("/"), ["element"]);
    timing("astro", { install, build, browser: browserSeconds });
  } finally {
    await server.close();
  }
});

test("Nuxt 3: isCustomElement in nuxt.config, server-rendered under the nonce policy", T, async () => {
  const { dir, install, build } = installAndBuild("nuxt", ["build"]);
  assertNoStylesheetEmitted(join(dir, ".output", "public"));
  const port = await freePort();
  const server = await start(dir, process.execPath, [".output/server/index.mjs"], port, {
    PORT: String(port),
    HOST: "127.0.0.1",
    NITRO_PORT: String(port),
    NITRO_HOST: "127.0.0.1",
  });
  try {
    const sent = await fromServer(server.url, join(dir, ".output", "public", "_nuxt"), "/_nuxt/");
    checkServerHtml("Nuxt", sent);
    assert.match(sent.csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/, `the recipe's policy: ${sent.csp}`);
    // Vue's compiler left the tag to the browser: no "failed to resolve component" on the server.
    assert.doesNotMatch(server.output(), /Failed to resolve component/);
    const browserSeconds = await checkApp(browser, server.url, ["element"]);
    timing("nuxt", { install, build, browser: browserSeconds });
  } finally {
    server.stop();
  }
});
