//! The JavaScript boundary: the only module with `#[wasm_bindgen]` exports and the only one
//! that uses `location` and `history`. Every error thrown is an `Error` whose `message` starts
//! `messenger-check: ` and, when it is about an option, whose `field` names it
//! (`catalog.call_to_action.url`; see `decode`).
//!
//! - `start(options)`: the demo page. Mounts on `#messenger-check`, language from `?lang=`, the
//!   browser, or German; answers from the share link in `location.hash` (written there only
//!   once the visitor asks for a link, see `location`); without a link, the answers this device
//!   remembers (`localStorage`, only with the visitor's opt-in, see `browser`); offline use
//!   offered when www/boot.js passes `offline` and `onOffline`.
//! - `mount(element, options)`: a widget on any element; returns a `Widget` handle
//!   (`setLang`, `setTheme`, `setAnswers`, `answers`, `assessment`, `reset`, `whenComplete`,
//!   `destroy`). The npm package (www/npm/core.js) builds on it.
//! - `evaluate(answers, options)`: the assessment without a widget, the same as the CLI's.
//! - `documents(answers, options)`: the templates without a widget, the same as the CLI's
//!   `assess --document` (`documents`).
//! - `languages()`, `messengers()`, `themeProperties()`, `checkAttribute()`: what the
//!   JavaScript side would otherwise have to copy (the languages, the messenger ids an
//!   embedder may recommend or hide, the theme fields, the element's attribute checks).
//!
//! One job per file: `config` (what a widget starts with), `decode` (JavaScript values read, bounded, into the contract's `Input`;
//! errors thrown as `Error`s with `message` and `field`), `options` (every option and argument
//! decoded into the contract's types and checked against the catalog),
//! `theme` (checking and setting the theme), `location` (the address bar and the share link),
//! `panic` (the hook that replaces only the widget that panicked with a message and a reload
//! button, so a bug never leaves a blank page nor takes the other widgets with it; `onPanic`),
//! `warm_up`, `roots` (reusing yew roots), `documents` (the templates), `takeover` (adopting a
//! prerendered first screen and what the visitor did on it). No file uses this one
//! (`engine/tests/layers.rs` checks that the files form no circle).
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use engine::{assess, Answers, Assessment, Lang};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, AttrValue, Callback, Renderer};

use crate::app::{App, AppProps};
use crate::env::Cat;
use crate::remote::{Changed, Remote};
use crate::state::Action;

mod config;
mod decode;
mod documents;
mod location;
mod options;
mod panic;
mod roots;
mod takeover;
mod theme;
mod warm_up;

pub use config::Config;
pub use documents::documents;
pub use panic::install_panic_hook;

use location::{follow, page_lang, read_hash, share_base, split, unfollow, update_document, write_location_soon, Hash};
use options::{read_answers, read_evaluate_options, read_lang, read_options};
use theme::Theme;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The demo page's widget, kept alive for the page's lifetime.
    static PAGE: RefCell<Option<Widget>> = const { RefCell::new(None) };
}

use decode::{err, to_js};

// ---------------------------------------------------------------------------------------
// Mounting

/// Where a widget renders.
enum Into {
    /// A yew root of its own: the host itself.
    Host,
    /// A reusable root inside the host (`mount()`, see `roots`).
    Pooled,
    /// Adopting the nodes of a prerendered screen inside the host (`start()`, see `takeover`).
    Hydrate(Element),
}

/// How a widget's app is held.
enum Rendered {
    /// Its own yew root on the host (the demo page, which lives as long as the page).
    Own(AppHandle<App>),
    /// A reusable root inside the host (`mount()`).
    Pooled(roots::Root),
}

/// A mounted widget. Dropping the handle (or the JS garbage collector freeing it) leaves the
/// widget running; `destroy()` unmounts it.
#[wasm_bindgen]
pub struct Widget {
    app: Option<Rendered>,
    remote: Remote,
    host: Element,
    /// The element the app renders into (the host, a pooled root, or an adopted screen).
    root: Element,
    /// The id prefix (`mc`, `mc2`, …), which also names the widget to the panic hook.
    prefix: String,
    catalog: Cat,
    initial: (Answers, Lang),
    /// The theme set on the root (`mount()` only).
    theme: Theme,
    /// Answers given to `setAnswers` that the app has not rendered yet, and the assessment
    /// that was current then (a new one means the app has caught up).
    loading: RefCell<Option<(Answers, Option<Rc<Assessment>>)>>,
}

/// Mounts a widget on `host`.
pub fn mount_with(host: Element, config: Config) -> Widget {
    mount_impl(host, config, Into::Host)
}

fn mount_impl(host: Element, config: Config, into: Into) -> Widget {
    install_panic_hook();
    let _calling = panic::Calling::enter(&host);
    // `mc` for the only widget on the page; else `mc2`, `mc3`, …
    let prefix = if panic::is_empty() {
        "mc".to_string()
    } else {
        let n = NEXT_ID.with(|c| {
            let n = c.get() + 1;
            c.set(n);
            n
        });
        format!("mc{n}")
    };
    let remote = Remote::default();
    let catalog = config.catalog.clone();
    let on_change = {
        let share_link = config.share_link;
        let standalone = config.standalone;
        let js = config.on_change.clone();
        let cat = catalog.clone();
        let prefix = prefix.clone();
        let cleared = Cell::new(0);
        let quiet = Cell::new(config.quiet_start);
        Callback::from(move |c: Changed| {
            if quiet.replace(false) {
                return;
            }
            panic::set_lang(&prefix, c.lang);
            if standalone {
                update_document(&cat, c.lang);
            }
            if share_link {
                let hash = if c.sharing {
                    Hash::Answers(c.answers.clone())
                } else if cleared.replace(c.cleared) != c.cleared {
                    Hash::Clear
                } else {
                    Hash::Keep
                };
                write_location_soon(&cat, hash, c.lang);
            }
            if let Some(f) = &js {
                // The assessment, and the answers it is of (the npm package keeps them, to mount
                // the widget again as it was after another widget's panic).
                match to_js(&*c.assessment).and_then(|a| Ok((a, to_js(&c.answers)?))) {
                    Ok((v, answers)) => {
                        if let Err(e) = f.call2(&JsValue::NULL, &v, &answers) {
                            web_sys::console::error_2(&"messenger-check: onChange threw".into(), &e);
                        }
                    }
                    Err(e) => web_sys::console::error_1(&e),
                }
            }
        })
    };
    let props = AppProps {
        catalog: catalog.clone(),
        lang: config.lang,
        answers: config.answers.clone(),
        notice: config.notice,
        remote: remote.clone(),
        on_change: Some(on_change),
        standalone: config.standalone,
        prefix: prefix.clone().into(),
        resume: config.resume,
        remembered: config.remembered,
        share: config.share_link.then(share_base).flatten().map(AttrValue::from),
        // The address holds answers from a link (not written by this widget): forget is offered.
        linked: config.share_link && !read_hash(&catalog).0.is_empty(),
        offline: config.offline.as_ref().map(|(on, _)| *on),
        on_offline: config.offline.as_ref().map(|(_, f)| {
            let f = f.clone();
            Callback::from(move |on: bool| {
                if let Err(e) = f.call1(&JsValue::NULL, &JsValue::from_bool(on)) {
                    web_sys::console::error_2(&"messenger-check: onOffline threw".into(), &e);
                }
            })
        }),
    };
    // Whether the host is all the widget's own (the demo page): a panic then replaces the host.
    // An adopted screen inside an embedder's element (mount()) is only the widget's root, and a
    // panic replaces only that.
    let own = match &into {
        Into::Pooled => false,
        Into::Host => true,
        Into::Hydrate(_) => config.standalone,
    };
    let (app, root) = match into {
        Into::Pooled => {
            let r = roots::take(&host, props);
            let root = r.root.clone();
            (Rendered::Pooled(r), root)
        }
        Into::Host => (Rendered::Own(Renderer::<App>::with_root_and_props(host.clone(), props).render()), host.clone()),
        Into::Hydrate(screen) => {
            (Rendered::Own(Renderer::<App>::with_root_and_props(screen.clone(), props).hydrate()), screen)
        }
    };
    panic::add_host(&host, &root, &prefix, config.lang, own);
    warm_up::warm_up();
    if config.share_link {
        follow(&host, &catalog, &remote);
    }
    Widget {
        app: Some(app),
        remote,
        host,
        root,
        prefix,
        catalog,
        initial: (config.answers, config.lang),
        theme: Theme::default(),
        loading: RefCell::new(None),
    }
}

#[wasm_bindgen]
impl Widget {
    /// Switches the language ("de" or "en").
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, lang: JsValue) -> Result<(), JsValue> {
        let _calling = panic::Calling::enter(&self.host);
        let l = read_lang(&lang, "setLang: `lang`", "lang")?;
        self.remote.send(Action::SetLang(l));
        Ok(())
    }

    /// Changes the theme (the values of the `theme` option).
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, theme: JsValue) -> Result<(), JsValue> {
        let _calling = panic::Calling::enter(&self.host);
        let next = theme::read(&theme, "setTheme: ", "theme")?;
        theme::apply(&self.root(), &next, &self.theme);
        self.theme = next;
        Ok(())
    }

    /// Replaces the answers, as a share link does (no remount; answers equal to the current
    /// ones change nothing). `undefined` or `null`: no answers.
    #[wasm_bindgen(js_name = setAnswers)]
    pub fn set_answers(&self, answers: JsValue) -> Result<(), JsValue> {
        let _calling = panic::Calling::enter(&self.host);
        let answers = read_answers(&answers, &self.catalog, "setAnswers: ")?;
        if answers != self.current_answers() {
            let seen = self.remote.latest().map(|c| c.assessment);
            *self.loading.borrow_mut() = Some((answers.clone(), seen));
            self.remote.send(Action::Load { answers, notice: None });
        }
        Ok(())
    }

    /// Calls `callback` once the widget is complete: every part is built, every question (also
    /// those that do not apply yet) is in the DOM (at once if it is already).
    #[wasm_bindgen(js_name = whenComplete)]
    pub fn when_complete(&self, callback: js_sys::Function) {
        let _calling = panic::Calling::enter(&self.host);
        self.remote.when_complete(move || {
            if let Err(e) = callback.call0(&JsValue::NULL) {
                web_sys::console::error_1(&e);
            }
        });
    }

    /// The answers: question id to option id, or to a list of option ids.
    pub fn answers(&self) -> Result<JsValue, JsValue> {
        let _calling = panic::Calling::enter(&self.host);
        to_js(&self.current_answers())
    }

    /// The assessment of the current answers (the contract's JSON): of answers just given to
    /// `setAnswers` too, before the widget has rendered them, like `answers()`.
    pub fn assessment(&self) -> Result<JsValue, JsValue> {
        let _calling = panic::Calling::enter(&self.host);
        let answers = self.current_answers();
        match self.remote.latest() {
            Some(c) if c.answers == answers => to_js(&*c.assessment),
            latest => {
                let lang = latest.map_or(self.initial.1, |c| c.lang);
                to_js(&assess(&answers, &self.catalog, lang).map_err(err)?)
            }
        }
    }

    /// The element the widget renders into: its own root (`.mc-root`, inside the element it
    /// was mounted on) for `mount()`, the element itself for the demo page.
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Element {
        self.root.clone()
    }

    /// Clears all answers (the visitor can undo it).
    pub fn reset(&self) {
        let _calling = panic::Calling::enter(&self.host);
        self.remote.send(Action::Reset);
    }

    /// Unmounts the widget and frees what it holds. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        let _calling = panic::Calling::enter(&self.host);
        match self.app.take() {
            Some(Rendered::Own(app)) => {
                app.destroy();
                // An adopted screen (`mount()` took over a prerendered one) goes with it.
                if self.root != self.host {
                    self.root.remove();
                }
            }
            Some(Rendered::Pooled(root)) => roots::park(root),
            None => {}
        }
        unfollow(&self.host);
        panic::remove_host(&self.host);
    }

    /// For the test suite only: the widget panics in its next render (inside yew's scheduler,
    /// the hard case), so a test can see that only this widget is replaced and the others on
    /// the page go on.
    #[doc(hidden)]
    #[wasm_bindgen(js_name = __panicForTests)]
    pub fn panic_for_tests(&self) {
        panic::request(&self.prefix);
        self.remote.rerender();
    }
}

impl Widget {
    /// The answers now: those last loaded with `setAnswers` until the app has rendered them,
    /// else those of the last render, else those it started with.
    fn current_answers(&self) -> Answers {
        let latest = self.remote.latest();
        let mut loading = self.loading.borrow_mut();
        if let Some((answers, seen)) = loading.as_ref() {
            let caught_up = match (&latest, seen) {
                (Some(c), Some(s)) => !Rc::ptr_eq(&c.assessment, s),
                (Some(_), None) => true,
                (None, _) => false,
            };
            if !caught_up {
                return answers.clone();
            }
            *loading = None;
        }
        latest.map(|c| c.answers).unwrap_or_else(|| self.initial.0.clone())
    }
}

/// Mounts a widget on `element`, in a root of its own (`.mc-root`) appended to it. Options
/// (all optional): `lang` ("de" | "en"), `answers` (question id to option id(s)), `catalog`
/// (overrides, see engine/src/overrides.rs), `theme`, `onChange(assessment, answers)`, `styles`
/// (read by the npm package), `shareLink` (read a share link from `location.hash`, and offer the
/// visitor a link, which then goes there). Every option is checked
/// before anything renders: a bad one throws an `Error` that names it, and `element` stays as
/// it was.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<Widget, JsValue> {
    install_panic_hook();
    let (config, theme) = read_options(&options)?;
    // A first screen painted before the WebAssembly arrived (the npm package's screen.js, a
    // server's HTML, embed.html's prerendered screens): taken over, with what was clicked.
    // (An embedder's texts change no screen's shape: the takeover puts them in place.)
    let mut widget = match takeover::take(&element, config.lang, &config.catalog) {
        None => mount_impl(element, config, Into::Pooled),
        Some(pre) => {
            pre.screen.set_class_name("mc-root");
            adopt(element, config, pre, Into::Pooled)
        }
    };
    theme::apply(&widget.root(), &theme, &Theme::default());
    widget.theme = theme;
    Ok(widget)
}

/// The assessment of `answers` with `options` (`{ lang }`, "de" by default): the same JSON as
/// the CLI prints. Bad options and unknown ids throw an `Error` naming them.
#[wasm_bindgen]
pub fn evaluate(answers: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let cat = crate::catalog();
    let lang = read_evaluate_options(&options)?;
    let answers = read_answers(&answers, cat, "evaluate: ")?;
    let a = assess(&answers, cat, lang).map_err(|e| err(format!("evaluate: {e}")))?;
    to_js(&a)
}

/// The languages, the main one first: `[{ code: "de", name: "Deutsch" }, …]`.
#[wasm_bindgen]
pub fn languages() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> =
        Lang::ALL.iter().map(|l| serde_json::json!({ "code": l.code(), "name": l.native_name() })).collect();
    to_js(&list)
}

/// The messengers an embedder may recommend or hide (`catalog.alternatives`), in catalog
/// order: `[{ id, name, recommended }]`, `recommended` as the catalog has it.
#[wasm_bindgen]
pub fn messengers() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = crate::catalog()
        .messengers()
        .iter()
        .map(|m| serde_json::json!({ "id": m.id, "name": m.name, "recommended": m.recommend }))
        .collect();
    to_js(&list)
}

/// The theme fields and the CSS custom property each sets:
/// `{ accent: { property: "--mc-accent", kind: "color" }, … }`.
#[wasm_bindgen(js_name = themeProperties)]
pub fn theme_properties() -> Result<JsValue, JsValue> {
    let map: serde_json::Map<String, serde_json::Value> = engine::contract::THEME_FIELDS
        .iter()
        .map(|f| (f.name.to_string(), serde_json::json!({ "property": f.property, "kind": f.kind })))
        .collect();
    to_js(&map)
}

/// Checks an attribute of `<messenger-check>` (`lang`, `theme`); throws an `Error` naming it.
#[wasm_bindgen(js_name = checkAttribute)]
pub fn check_attribute(name: &str, value: JsValue) -> Result<(), JsValue> {
    options::check_attribute(name, &value)
}

/// The demo page: mounts on `#messenger-check`, taking over the prerendered first screen if
/// the page has one (see `takeover`): what the visitor clicked, the focus and the scroll
/// position stay. Options (www/boot.js gives them): `offline` (whether the page works offline
/// already) and `onOffline(on)` (the visitor switched it), to offer offline use.
#[wasm_bindgen]
pub fn start(options: JsValue) -> Result<(), JsValue> {
    install_panic_hook();
    let offline = options::read_start_options(&options)?;
    let window = web_sys::window().ok_or_else(|| err("no window"))?;
    let document = window.document().ok_or_else(|| err("no document"))?;
    let host =
        document.get_element_by_id("messenger-check").ok_or_else(|| err("no element with id `messenger-check`"))?;
    let cat = Cat::default();
    // A share link in the address wins; without one, the answers this device remembers (only
    // there if the visitor asked for it).
    let has_link = !window.location().hash().unwrap_or_default().trim_start_matches('#').is_empty();
    let stored = crate::browser::remembered();
    let (answers, notice) = match &stored {
        Some(s) if !has_link => split(engine::fragment::parse(s, &cat)),
        _ => read_hash(&cat),
    };
    // The language the prerendered page shows (lang.js set it by the same rule, or the visitor
    // switched before the WebAssembly arrived); else the rule itself.
    let shown = document.document_element().and_then(|e| e.get_attribute("lang")).and_then(|l| Lang::parse(&l));
    let lang =
        shown.filter(|_| host.query_selector(".mc-pre").ok().flatten().is_some()).unwrap_or_else(|| page_lang(&window));
    let config = Config {
        lang,
        answers,
        notice,
        share_link: true,
        standalone: true,
        resume: true,
        remembered: stored.is_some(),
        offline,
        ..Config::default()
    };
    let widget = match takeover::take(&host, lang, &cat) {
        None => mount_with(host, config),
        Some(pre) => {
            let config = Config { lang: pre.lang, ..config };
            adopt(host, config, pre, Into::Host)
        }
    };
    // For whoever waits for the page to be live (the tests; a host's script): the widget has
    // taken over and is complete (every part built, see `App`).
    let live = widget.host.clone();
    widget.remote.when_complete(move || {
        let _ = live.set_attribute("data-mc-live", "");
    });
    PAGE.with(|p| {
        if let Some(mut old) = p.borrow_mut().replace(widget) {
            old.destroy();
        }
    });
    Ok(())
}

/// Takes over a prerendered screen (`takeover::take`): a screen as it was built is adopted
/// (hydration: nothing moves, focus and scroll stay), rendered as it was built, and then the
/// answers (`config`'s, then what was clicked on it) and the language asked for are brought
/// in. A screen changed since it was built is replaced by a fresh render (`fresh`: where) with
/// the same answers, and the focus and the page are put back.
fn adopt(host: Element, mut config: Config, pre: takeover::Prerendered, fresh: Into) -> Widget {
    // What the visitor ticked and unticked in a prefilled list, applied to the answers the
    // widget starts with (a list unticked completely stays unticked).
    for edit in &pre.edits {
        edit.apply(&mut config.answers, &config.catalog);
    }
    if pre.intact {
        let Config { answers, notice, remembered, lang, .. } = config;
        let follows =
            lang != pre.lang || !answers.is_empty() || notice.is_some() || !pre.clicked.is_empty() || remembered;
        let config = Config {
            lang: pre.lang,
            answers: Answers::new(),
            notice: None,
            remembered: false,
            quiet_start: follows,
            ..config
        };
        let widget = mount_impl(host, config, Into::Hydrate(pre.screen));
        if lang != pre.lang {
            widget.remote.send(Action::SetLang(lang));
        }
        if !answers.is_empty() || notice.is_some() {
            widget.remote.send(Action::Load { answers, notice });
        }
        if !pre.clicked.is_empty() {
            widget.remote.send(Action::Merge(pre.clicked));
        }
        if remembered {
            widget.remote.send(Action::Remember(true));
        }
        widget
    } else {
        // (On its own root yew clears the host; in a pooled root the screen must go.)
        pre.screen.remove();
        let mut answers = config.answers.clone();
        answers.extend(pre.clicked);
        let widget = mount_impl(host, Config { answers, ..config }, fresh);
        let (focus, scroll, prefix, root) = (pre.focus, pre.scroll, widget.prefix.clone(), widget.root.clone());
        widget.remote.when_rendered(move || takeover::restore(&root, &prefix, focus, scroll));
        widget
    }
}

/// Calls `callback(element)` after a panic, with the element that now shows the message and the
/// reload button (`undefined` if no widget panicked). The instance is going down when it is
/// called: it must not call into the widget before the current task is done (use a
/// `setTimeout`). The next call gets a fresh instance, in which the caller mounts its widgets
/// again (the npm package does it for its own; see `panic`).
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(callback: js_sys::Function) {
    panic::listen(callback);
}

/// For the test suite only: panics, so that a test can see the panic hook replace the widget
/// with a message instead of leaving a blank page.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("panic requested by the test suite");
}
