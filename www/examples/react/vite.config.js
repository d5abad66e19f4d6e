// Vite copies messenger_check_bg.wasm into the build by itself (the package refers to it with
// `new URL("./messenger_check_bg.wasm", import.meta.url)`). `base: "./"`: the build works from
// any folder. `--mode development` builds React's development version (StrictMode runs every
// effect twice there), for the test suite.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig(({ mode }) => ({
  base: "./",
  plugins: [react()],
  define: { "process.env.NODE_ENV": JSON.stringify(mode === "development" ? "development" : "production") },
  build: { minify: mode !== "development" },
}));
