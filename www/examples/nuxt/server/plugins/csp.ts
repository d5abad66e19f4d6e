// The Content-Security-Policy, with a fresh nonce for every page. Nuxt writes an inline script
// of its own into every server-rendered page (window.__NUXT__ and its config), which the
// strict policy of the README (script-src 'self' 'wasm-unsafe-eval') would block. With a nonce
// on Nuxt's scripts it holds. 'wasm-unsafe-eval' lets the widget compile its WebAssembly.
import { randomBytes } from "node:crypto";

export default defineNitroPlugin((nitro) => {
  nitro.hooks.hook("render:html", (html, { event }) => {
    const nonce = randomBytes(16).toString("base64");
    const sign = (part: string) => part.replace(/<script\b(?![^>]*\bnonce=)/g, `<script nonce="${nonce}"`);
    html.head = html.head.map(sign);
    html.bodyPrepend = html.bodyPrepend.map(sign);
    html.body = html.body.map(sign);
    html.bodyAppend = html.bodyAppend.map(sign);
    setResponseHeader(
      event,
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
      ].join("; "),
    );
  });
});
