// `isCustomElement`: Vue's compiler leaves <messenger-check> to the browser (no "failed to
// resolve component" warning). Vite copies messenger_check_bg.wasm into the build by itself.
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  base: "./",
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "messenger-check" } } })],
});
