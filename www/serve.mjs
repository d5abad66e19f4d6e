// A tiny static file server for the demo page and the end-to-end tests. Node 20, no
// dependencies. Loopback only. Serves .wasm as application/wasm, gzip-compresses when the
// client accepts it (as a production host would), and sends a Content-Security-Policy header
// when asked to.
//
//   node www/serve.mjs [--root dist] [--port 8080] [--csp strict|'<policy>']
//
// `--csp strict` is the policy the page is built for:
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// Also importable: `const { url, close } = await serve({ root, port: 0, csp })`.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};
const COMPRESS = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt", ".webmanifest"]);

export function serve({ root = "dist", port = 8080, host = "127.0.0.1", csp = null } = {}) {
  const base = resolve(root);
  const policy = csp === "strict" ? STRICT_CSP : csp;
  const gzipCache = new Map(); // path -> { mtime, body }

  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    try {
      const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
      let file = resolve(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file);
      }
      const ext = extname(file);
      const headers = {
        "Content-Type": TYPES[ext] || "application/octet-stream",
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        Vary: "Accept-Encoding",
      };
      if (policy) headers["Content-Security-Policy"] = policy;
      let body;
      if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        const cached = gzipCache.get(file);
        if (cached && cached.mtime === info.mtimeMs) {
          body = cached.body;
        } else {
          body = gzipSync(await readFile(file), { level: 9 });
          gzipCache.set(file, { mtime: info.mtimeMs, body });
        }
        headers["Content-Encoding"] = "gzip";
      } else {
        body = await readFile(file);
      }
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
    }
  });

  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({ url: `http://${host}:${actual}/`, port: actual, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

// Command line.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = { root: "dist", port: 8080, csp: null };
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : args[++i]);
    if (name === "--root") opt.root = value();
    else if (name === "--port") opt.port = Number(value());
    else if (name === "--csp") opt.csp = value();
    else if (name === "-h" || name === "--help") {
      console.log("usage: node www/serve.mjs [--root dist] [--port 8080] [--csp strict|'<policy>']");
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument ${args[i]}`);
      process.exit(2);
    }
  }
  const { url } = await serve(opt);
  console.log(`Serving ${resolve(opt.root)} at ${url}${opt.csp ? ` (CSP: ${opt.csp === "strict" ? STRICT_CSP : opt.csp})` : ""}`);
  console.log("Press Ctrl+C to stop.");
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
}
