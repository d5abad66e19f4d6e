// A static site (Astro's default). Two lines for a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'): Astro inlines small scripts and
// stylesheets into the page, which such a policy blocks; these keep them as files. Vite (Astro's
// bundler) copies messenger_check_bg.wasm into dist/_astro/ by itself.
import { defineConfig } from "astro/config";

export default defineConfig({
  build: { inlineStylesheets: "never" },
  vite: { build: { assetsInlineLimit: 0 } },
});
