// `isCustomElement` goes here, under `vue.compilerOptions` (not in a vite.config: Nuxt has none
// of its own): Vue's compiler then leaves <messenger-check> to the browser, on the server and
// in the client. `inlineStyles: false` keeps Nuxt's CSS in files, which style-src 'self'
// allows. Vite copies messenger_check_bg.wasm into .output/public/_nuxt/ by itself.
export default defineNuxtConfig({
  compatibilityDate: "2025-07-15",
  devtools: { enabled: false },
  telemetry: false,
  features: { inlineStyles: false },
  vue: { compilerOptions: { isCustomElement: (tag) => tag === "messenger-check" } },
  app: { head: { htmlAttrs: { lang: "de" }, title: "messenger-check: Nuxt" } },
});
