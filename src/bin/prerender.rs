//! `prerender`: the first screen as static HTML, rendered at build time with the widget's own
//! components (Yew's server-side renderer), so that a visitor reads the questions and can start
//! answering before the WebAssembly arrives. The wasm then takes over (`start()` on the demo
//! page, `mount()` everywhere else; src/bindings/takeover.rs), keeping what was clicked, the
//! focus and the scroll position.
//!
//!     prerender <out dir> <template>...
//!
//! Writes, into `<out dir>`:
//! - each template (`index.html`, `embed.html`) under its own name, its `<!--mc:prerender-->`
//!   (the standalone page) or `<!--mc:prerender widget-->` (an embedded widget, as `mount()`
//!   renders it) replaced by the first screen in every language, German first;
//! - `lang.js`, the small script in a page's head that shows the visitor's language before the
//!   first paint (`?lang=`, else the browser's languages, else German; the list of languages
//!   comes from `engine::Lang`);
//! - `screen-<lang>.js` per language: an embedded widget's first screen as a JSON tree, the
//!   payload with which the npm package's `mount()` and `<messenger-check>` paint the questions
//!   before the WebAssembly arrives, and from which `messenger-check/server` writes the HTML a
//!   server-rendered host sends (www/npm/screen.js).
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// Nothing to prerender inside the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;
    use std::process::ExitCode;

    use engine::Lang;
    use messenger_check::prerendered::{prefix, shape_of_html, tree_json, FAILED, MARK, MARK_WIDGET, SCREEN, SHAPE};
    use messenger_check::{App, AppProps};
    use yew::LocalServerRenderer;

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Some((out, templates)) = args.split_first().filter(|(_, t)| !t.is_empty()) else {
            eprintln!("usage: prerender <out dir> <template>...");
            return ExitCode::from(2);
        };
        let out = Path::new(out);
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        let render = |props: AppProps| runtime.block_on(tokio::task::LocalSet::new().run_until(render(props)));
        let cat = messenger_check::catalog();
        let note = |lang: Lang| messenger_check::i18n::t(cat, "no_start", lang);
        let mut files: Vec<(String, String)> = Vec::new();
        for template in templates {
            let page = match std::fs::read_to_string(template) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("prerender: cannot read {template}: {e}");
                    return ExitCode::from(2);
                }
            };
            let (mark, standalone) = if page.contains(MARK) {
                (MARK, true)
            } else if page.contains(MARK_WIDGET) {
                (MARK_WIDGET, false)
            } else {
                eprintln!("prerender: {template} has neither {MARK} nor {MARK_WIDGET}");
                return ExitCode::from(2);
            };
            // First the notes for a failed start (hidden; www/boot.js and www/embed.js show the
            // one in the page's language), then the screens, German first.
            let mut screens: Vec<String> = Lang::ALL
                .into_iter()
                .map(|lang| {
                    format!(
                        r#"<p class="{FAILED} mc-error" lang="{}" hidden>{}</p>"#,
                        lang.code(),
                        html_escape(&note(lang))
                    )
                })
                .collect();
            for lang in Lang::ALL {
                let html = render(props(lang, standalone, prefix(lang)));
                let (elements, comments) = shape_of_html(&html);
                screens.push(format!(
                    r#"<div class="{SCREEN}" lang="{}" {SHAPE}="{elements} {comments}">{html}</div>"#,
                    lang.code()
                ));
            }
            let name = Path::new(template).file_name().expect("a file").to_string_lossy().into_owned();
            files.push((name, page.replace(mark, &screens.concat())));
        }
        files.push(("lang.js".into(), lang_js()));
        // The embedded widget's first screen per language, for the npm package: the ids get the
        // live widget's prefix (`mc`), which the painting script changes for a second widget.
        for lang in Lang::ALL {
            let html = render(props(lang, false, "mc".into()));
            let (elements, comments) = shape_of_html(&html);
            let payload = serde_json::json!({
                "lang": lang.code(),
                "shape": format!("{elements} {comments}"),
                "note": note(lang),
            });
            let payload = payload.to_string();
            let js = format!(
                "// Generated by `prerender` (src/bin/prerender.rs): the widget's first screen in {name}, as\n\
                 // mount() and <messenger-check> paint it before the WebAssembly arrives (screen.js).\n\
                 export default {{{fields},\"tree\":{tree}}};\n",
                name = lang.native_name(),
                fields = &payload[1..payload.len() - 1],
                tree = tree_json(&html),
            );
            files.push((format!("screen-{}.js", lang.code()), js));
        }
        for (name, text) in files {
            if let Err(e) = std::fs::write(out.join(&name), text) {
                eprintln!("prerender: cannot write {name} to {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
        }
        ExitCode::SUCCESS
    }

    /// The widget's first state in `lang`: nothing answered, as `start()` (`standalone`) or
    /// `mount()` render it before they bring in answers.
    fn props(lang: Lang, standalone: bool, prefix: String) -> AppProps {
        yew::props!(AppProps { lang, standalone, resume: standalone, prefix })
    }

    /// The first screen with the markers Yew needs to adopt it (hydration). The German page
    /// screen keeps the ids the live widget uses (`mc-…`); the others get their own, so that no
    /// id appears twice in the page (adopting one gives it the live ids).
    async fn render(props: AppProps) -> String {
        LocalServerRenderer::<App>::with_props(props).hydratable(true).render().await
    }

    fn html_escape(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }

    /// The head script that shows the visitor's language: it adds a constructed stylesheet (which
    /// a `style-src 'self'` policy allows) hiding the other languages' screens, and lets the
    /// screens' language buttons switch before the WebAssembly arrives. Without it (no
    /// JavaScript) the first language's screen shows.
    fn lang_js() -> String {
        let codes: Vec<String> = Lang::ALL.iter().map(|l| format!("\"{}\"", l.code())).collect();
        format!(
            r#"// Generated by `prerender` (src/bin/prerender.rs): shows the prerendered page in the visitor's
// language before the first paint, by the same rule as the widget: ?lang=, else the browser's
// languages, else the first one. Until the WebAssembly takes over, the screens' language
// buttons switch here (the widget then starts in the language shown).
(() => {{
  const langs = [{list}];
  const base = (code) => String(code || "").split(/[-_]/)[0].toLowerCase();
  let lang = new URLSearchParams(location.search).get("lang");
  if (!langs.includes(lang)) {{
    lang = [...(navigator.languages || []), navigator.language].map(base).find((l) => langs.includes(l)) || langs[0];
  }}
  if (!("adoptedStyleSheets" in document)) return;
  const sheet = new CSSStyleSheet();
  const show = (l) => {{
    document.documentElement.lang = l;
    sheet.replaceSync(`.{screen} {{ display: none; }} .{screen}[lang="${{l}}"] {{ display: block; }}`);
  }};
  show(lang);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  document.addEventListener("click", (event) => {{
    const button = event.target instanceof Element && event.target.closest(".{screen} [data-lang]");
    const l = button && button.getAttribute("data-lang");
    if (!langs.includes(l)) return;
    show(l);
    document.querySelector(`.{screen}[lang="${{l}}"] [data-lang="${{l}}"]`)?.focus();
  }});
}})();
"#,
            list = codes.join(", "),
            screen = SCREEN,
        )
    }
}
