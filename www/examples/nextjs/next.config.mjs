// Nothing special for messenger-check: webpack (Next's bundler) copies the .wasm, which the
// package loads with new URL(…, import.meta.url), into .next/static/media/ and `next start`
// serves it as application/wasm. `poweredByHeader: false` only trims a header.
/** @type {import("next").NextConfig} */
export default { poweredByHeader: false };
