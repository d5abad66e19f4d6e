//! The JavaScript boundary: the only module with `#[wasm_bindgen]` exports and the only one
//! that uses serde-wasm-bindgen, `location` and `history`.
//!
//! - `start()`: the demo page. Mounts on `#messenger-check`, language from `?lang=`, the
//!   browser, or German; answers from the share link in `location.hash`, kept current with
//!   `history.replaceState` as the visitor answers; without a link, the answers this device
//!   remembers (`localStorage`, only with the visitor's opt-in, see `browser`).
//! - `mount(element, options)`: a widget on any element; returns a `Widget` handle
//!   (`setLang`, `answers`, `assessment`, `reset`, `destroy`). The npm package builds on it.
//! - `evaluate(answers, lang)`: the assessment without a widget, the same as the CLI's.
//!
//! A panic hook logs the panic and replaces every mounted widget with a short message, so a
//! bug never leaves a blank page.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use engine::fragment::{self, Parsed};
use engine::{answers_from_value, assess, Answers, Catalog, Lang, Overrides};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::{AppHandle, Callback, Renderer};

use crate::app::{after_paint, App, AppProps, Cat, Changed, Remote};
use crate::i18n::{crash_message, t};
use crate::state::{Action, LinkNotice};

/// A `hashchange` listener, kept alive while its widget is mounted.
type HashListener = Closure<dyn FnMut()>;

thread_local! {
    /// The elements widgets are mounted on, for the panic hook.
    static HOSTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The language of the last render, for the panic message.
    static LANG: Cell<Lang> = const { Cell::new(Lang::De) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The demo page's widget, kept alive for the page's lifetime.
    static PAGE: RefCell<Option<Widget>> = const { RefCell::new(None) };
    /// The address to write once the current task is done (see `write_location_soon`).
    static LOCATION: RefCell<Option<(Cat, Answers, Lang)>> = const { RefCell::new(None) };
    /// `hashchange` listeners of widgets that follow the share link, by host.
    static LISTENERS: RefCell<Vec<(Element, HashListener)>> = const { RefCell::new(Vec::new()) };
}

fn err(msg: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("messenger-check: {msg}"))
}

// ---------------------------------------------------------------------------------------
// Panics

/// Installs the panic hook once (yew would otherwise install its own).
pub fn install_panic_hook() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| yew::set_custom_panic_hook(Box::new(on_panic)));
}

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    let stack = js_sys::Reflect::get(&js_sys::Error::new(""), &"stack".into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    web_sys::console::error_1(&format!("messenger-check panicked: {info}\n\n{stack}").into());
    let lang = LANG.try_with(Cell::get).unwrap_or_default();
    let hosts: Vec<Element> =
        HOSTS.try_with(|h| h.try_borrow().map(|v| v.clone()).unwrap_or_default()).unwrap_or_default();
    for host in hosts {
        show_crash(&host, lang);
    }
}

/// Replaces what `host` shows with the error message (text only).
fn show_crash(host: &Element, lang: Lang) {
    while let Some(child) = host.first_child() {
        if host.remove_child(&child).is_err() {
            break;
        }
    }
    let Some(doc) = host.owner_document() else { return };
    if let Ok(p) = doc.create_element("p") {
        p.set_class_name("mc-error");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(crash_message(lang)));
        let _ = host.append_child(&p);
    }
}

// ---------------------------------------------------------------------------------------
// Mounting

/// Everything a widget starts with.
pub struct Config {
    pub catalog: Cat,
    pub lang: Lang,
    pub answers: Answers,
    pub notice: Option<Rc<LinkNotice>>,
    /// Keep `location.hash` (and `?lang=`) current; the demo page does.
    pub share_link: bool,
    /// The whole page: also sets `<html lang>` and the document title.
    pub standalone: bool,
    /// Offer "remember my answers on this device" (the demo page).
    pub resume: bool,
    /// The answers came from this device's memory: start with remembering on.
    pub remembered: bool,
    pub on_change: Option<js_sys::Function>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            catalog: Cat::default(),
            lang: Lang::De,
            answers: Answers::new(),
            notice: None,
            share_link: false,
            standalone: false,
            resume: false,
            remembered: false,
            on_change: None,
        }
    }
}

/// A mounted widget. Dropping the handle (or the JS garbage collector freeing it) leaves the
/// widget running; `destroy()` unmounts it.
#[wasm_bindgen]
pub struct Widget {
    app: Option<Rendered>,
    remote: Remote,
    host: Element,
    catalog: Cat,
    initial: (Answers, Lang),
}

/// Mounts a widget on `host`.
pub fn mount_with(host: Element, config: Config) -> Widget {
    mount_impl(host, config, false)
}

/// `pooled`: render into a reusable root inside `host` (see "Reusing yew roots" below).
fn mount_impl(host: Element, config: Config, pooled: bool) -> Widget {
    install_panic_hook();
    let prefix = HOSTS.with(|h| {
        let mut h = h.borrow_mut();
        let prefix = if h.is_empty() {
            "mc".to_string()
        } else {
            let n = NEXT_ID.with(|c| {
                let n = c.get() + 1;
                c.set(n);
                n
            });
            format!("mc{n}")
        };
        h.push(host.clone());
        prefix
    });
    LANG.with(|l| l.set(config.lang));
    let remote = Remote::default();
    let catalog = config.catalog.clone();
    let on_change = {
        let share_link = config.share_link;
        let standalone = config.standalone;
        let js = config.on_change.clone();
        let cat = catalog.clone();
        Callback::from(move |c: Changed| {
            LANG.with(|l| l.set(c.lang));
            if standalone {
                update_document(&cat, c.lang);
            }
            if share_link {
                write_location_soon(&cat, &c.answers, c.lang);
            }
            if let Some(f) = &js {
                match to_js(&*c.assessment) {
                    Ok(v) => {
                        if let Err(e) = f.call1(&JsValue::NULL, &v) {
                            web_sys::console::error_2(&"messenger-check: onChange threw".into(), &e);
                        }
                    }
                    Err(e) => web_sys::console::error_1(&JsValue::from(e)),
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
        prefix: prefix.into(),
        resume: config.resume,
        remembered: config.remembered,
    };
    let app = if pooled {
        Rendered::Pooled(roots::take(&host, props))
    } else {
        Rendered::Own(Renderer::<App>::with_root_and_props(host.clone(), props).render())
    };
    warm_up();
    if config.share_link {
        if let Some(l) = listen_hash(&catalog, &remote) {
            LISTENERS.with(|ls| ls.borrow_mut().push((host.clone(), l)));
        }
    }
    Widget { app: Some(app), remote, host, catalog, initial: (config.answers, config.lang) }
}

#[wasm_bindgen]
impl Widget {
    /// Switches the language ("de" or "en").
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, lang: &str) -> Result<(), JsError> {
        let l = parse_lang(lang).map_err(|e| err(format!("setLang: {e}")))?;
        self.remote.send(Action::SetLang(l));
        Ok(())
    }

    /// The answers: question id to option id, or to a list of option ids.
    pub fn answers(&self) -> Result<JsValue, JsError> {
        let answers = self.remote.latest().map(|c| c.answers).unwrap_or_else(|| self.initial.0.clone());
        to_js(&answers)
    }

    /// The assessment of the current answers (the contract's JSON).
    pub fn assessment(&self) -> Result<JsValue, JsError> {
        match self.remote.latest() {
            Some(c) => to_js(&*c.assessment),
            None => {
                let a = assess(&self.initial.0, &self.catalog, self.initial.1).map_err(err)?;
                to_js(&a)
            }
        }
    }

    /// The element the widget renders into: its own root (`.mc-root`, inside the element it
    /// was mounted on) for `mount()`, the element itself for the demo page.
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Element {
        match &self.app {
            Some(Rendered::Pooled(r)) => r.root.clone(),
            _ => self.host.clone(),
        }
    }

    /// Clears all answers (the visitor can undo it).
    pub fn reset(&self) {
        self.remote.send(Action::Reset);
    }

    /// Unmounts the widget and frees what it holds. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        match self.app.take() {
            Some(Rendered::Own(app)) => app.destroy(),
            Some(Rendered::Pooled(root)) => roots::park(root),
            None => {}
        }
        let host = self.host.clone();
        let listeners: Vec<HashListener> = LISTENERS.with(|ls| {
            let mut ls = ls.borrow_mut();
            let (gone, keep): (Vec<_>, Vec<_>) = ls.drain(..).partition(|(h, _)| h == &host);
            *ls = keep;
            gone.into_iter().map(|(_, l)| l).collect()
        });
        if let Some(w) = web_sys::window() {
            for l in &listeners {
                let _ = w.remove_event_listener_with_callback("hashchange", l.as_ref().unchecked_ref());
            }
        }
        HOSTS.with(|h| h.borrow_mut().retain(|e| e != &host));
    }
}

/// Mounts a widget on `element`. Options (all optional): `lang` ("de" | "en"), `answers`
/// (question id to option id(s)), `catalog` (overrides, see engine/src/overrides.rs),
/// `onChange(assessment)`, `shareLink` (keep `location.hash` current). A bad option throws an
/// `Error` that names it.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<Widget, JsError> {
    install_panic_hook();
    let config = read_options(&options)?;
    Ok(mount_impl(element, config, true))
}

/// The assessment of `answers` in `lang` ("de" by default): the same JSON as the CLI prints.
/// Unknown ids throw an `Error` naming them.
#[wasm_bindgen]
pub fn evaluate(answers: JsValue, lang: Option<String>) -> Result<JsValue, JsError> {
    let cat = crate::catalog();
    let lang = match lang.as_deref() {
        None => Lang::De,
        Some(code) => parse_lang(code).map_err(|e| JsError::new(&e))?,
    };
    let value: serde_json::Value = serde_wasm_bindgen::from_value(answers)
        .map_err(|_| JsError::new(&engine::AnswerError::NotAnObject.to_string()))?;
    let answers = answers_from_value(&value, cat).map_err(|e| JsError::new(&e.to_string()))?;
    let a = assess(&answers, cat, lang).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&a)
}

/// The demo page: mounts on `#messenger-check`.
#[wasm_bindgen]
pub fn start() -> Result<(), JsError> {
    install_panic_hook();
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
        Some(s) if !has_link => split(fragment::parse(s, &cat)),
        _ => read_hash(&cat),
    };
    let config = Config {
        lang: page_lang(&window),
        answers,
        notice,
        share_link: true,
        standalone: true,
        resume: true,
        remembered: stored.is_some(),
        ..Config::default()
    };
    let widget = mount_with(host, config);
    PAGE.with(|p| {
        if let Some(mut old) = p.borrow_mut().replace(widget) {
            old.destroy();
        }
    });
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Options, language, location

fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(err)
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language `{code}` (use {})", Lang::codes_or()))
}

const OPTIONS: [&str; 5] = ["lang", "answers", "catalog", "onChange", "shareLink"];

fn read_options(options: &JsValue) -> Result<Config, JsError> {
    let mut config = Config::default();
    if options.is_undefined() || options.is_null() {
        return Ok(config);
    }
    if !options.is_object() {
        return Err(err("options must be an object"));
    }
    let keys = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>());
    for k in keys.iter() {
        let k = k.as_string().unwrap_or_default();
        if !OPTIONS.contains(&k.as_str()) {
            return Err(err(format!("unknown option `{k}` (known: {})", OPTIONS.join(", "))));
        }
    }
    let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let present = |v: &JsValue| !v.is_undefined() && !v.is_null();

    let catalog = get("catalog");
    if present(&catalog) {
        let overrides: Overrides =
            serde_wasm_bindgen::from_value(catalog).map_err(|e| err(format!("option `catalog`: {e}")))?;
        let custom = crate::catalog().with_overrides(&overrides).map_err(|e| err(format!("option `catalog`: {e}")))?;
        config.catalog = Cat::custom(custom);
    }
    let lang = get("lang");
    if present(&lang) {
        let code = lang.as_string().ok_or_else(|| err("option `lang`: must be a string, \"de\" or \"en\""))?;
        config.lang = parse_lang(&code).map_err(|e| err(format!("option `lang`: {e}")))?;
    }
    let answers = get("answers");
    if present(&answers) {
        let value: serde_json::Value =
            serde_wasm_bindgen::from_value(answers).map_err(|e| err(format!("option `answers`: {e}")))?;
        config.answers =
            answers_from_value(&value, &config.catalog).map_err(|e| err(format!("option `answers`: {e}")))?;
    }
    let on_change = get("onChange");
    if present(&on_change) {
        let f = on_change.dyn_into::<js_sys::Function>().map_err(|_| err("option `onChange`: must be a function"))?;
        config.on_change = Some(f);
    }
    let share = get("shareLink");
    if present(&share) {
        config.share_link = share.as_bool().ok_or_else(|| err("option `shareLink`: must be true or false"))?;
        if config.share_link {
            let (answers, notice) = read_hash(&config.catalog);
            if !answers.is_empty() || notice.is_some() {
                config.answers = answers;
                config.notice = notice;
            }
        }
    }
    Ok(config)
}

/// `?lang=de|en`, else the browser's languages, else German.
fn page_lang(window: &web_sys::Window) -> Lang {
    let search = window.location().search().unwrap_or_default();
    let from_query = search.trim_start_matches('?').split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == "lang").then(|| parse_lang(v).ok()).flatten()
    });
    if let Some(l) = from_query {
        return l;
    }
    let nav = window.navigator();
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|code| Lang::parse(&code))
        .unwrap_or(Lang::De)
}

/// Answers from the share link in `location.hash`, with a notice for what was dropped.
fn read_hash(cat: &Catalog) -> (Answers, Option<Rc<LinkNotice>>) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    if hash.trim_start_matches('#').is_empty() {
        return (Answers::new(), None);
    }
    split(fragment::parse(&hash, cat))
}

fn split(parsed: Parsed) -> (Answers, Option<Rc<LinkNotice>>) {
    let notice =
        (parsed.dropped_count > 0).then(|| Rc::new(LinkNotice { items: parsed.dropped, count: parsed.dropped_count }));
    (parsed.answers, notice)
}

/// Follows a share link pasted into the address bar of an open page.
fn listen_hash(cat: &Cat, remote: &Remote) -> Option<HashListener> {
    let window = web_sys::window()?;
    let cat = cat.clone();
    let remote = remote.clone();
    let closure = Closure::<dyn FnMut()>::new(move || {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let parsed = fragment::parse(&hash, &cat);
        let same = remote.latest().is_some_and(|c| c.answers == parsed.answers);
        if !same || parsed.dropped_count > 0 {
            let (answers, notice) = split(parsed);
            remote.send(Action::Load { answers, notice });
        }
    });
    window.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref()).ok()?;
    Some(closure)
}

/// Runs `f` once the current task is done (after the browser could paint).
fn later(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let cb = Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
    }
}

/// Writes the address after the current task, so the answer shows first; several changes in
/// one task write once.
fn write_location_soon(cat: &Cat, answers: &Answers, lang: Lang) {
    let first = LOCATION.with(|l| l.borrow_mut().replace((cat.clone(), answers.clone(), lang)).is_none());
    if first {
        later(|| {
            if let Some((cat, answers, lang)) = LOCATION.with(|l| l.borrow_mut().take()) {
                write_location(&cat, &answers, lang);
            }
        });
    }
}

/// Renders a full result once, off the page, right after the first paint: the browser
/// compiles WebAssembly functions when they first run, and without this the visitor's first
/// answer would pay for compiling everything the result panel needs.
fn warm_up() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        after_paint(|| {
            let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok())
            else {
                return;
            };
            let answers = serde_json::json!({
                "sector": "health", "audience": ["customers", "internal"], "broadcast": "yes",
                "messenger": "whatsapp", "dpa": "no", "device": "private_phone", "contact_access": "granted",
                "address_book": "mixed", "first_contact": "business", "consent": "none",
                "content": ["business_letters", "personal_data"], "chat_backup": "cloud", "media_autosave": "on",
                "archiving": "none", "usage_policy": "none", "works_council": "no_agreement"
            });
            let answers = answers_from_value(&answers, crate::catalog()).unwrap_or_default();
            let props = AppProps {
                catalog: Cat::default(),
                lang: Lang::De,
                answers,
                notice: None,
                remote: Remote::default(),
                on_change: None,
                standalone: false,
                prefix: "mc-warm".into(),
                resume: false,
                remembered: false,
            };
            let app = Renderer::<App>::with_root_and_props(el, props).render();
            later(move || app.destroy());
        });
    });
}

/// Keeps the address current without adding history entries: `#` + the answers, and
/// `?lang=` when the page was opened with one.
fn write_location(cat: &Catalog, answers: &Answers, lang: Lang) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let search = if search.is_empty() {
        search
    } else {
        let parts: Vec<String> = search
            .trim_start_matches('?')
            .split('&')
            .map(|kv| if kv.starts_with("lang=") { format!("lang={}", lang.code()) } else { kv.to_string() })
            .collect();
        format!("?{}", parts.join("&"))
    };
    let hash = if answers.is_empty() { String::new() } else { format!("#{}", fragment::encode(answers, cat)) };
    let url = format!("{path}{search}{hash}");
    let current = format!("{path}{}{}", location.search().unwrap_or_default(), location.hash().unwrap_or_default());
    if url != current {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// The page's language and title follow the widget's.
fn update_document(cat: &Catalog, lang: Lang) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    doc.set_title(&t(cat, "title", lang));
}

/// For the test suite only: panics, so that a test can see the panic hook replace the widget
/// with a message instead of leaving a blank page.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("panic requested by the test suite");
}

// ---------------------------------------------------------------------------------------
// Reusing yew roots
//
// yew 0.23 never frees the event listeners it puts on the element an app renders into (its
// `HostHandlers` forget them: "the registry is never dropped in production"), and they hold
// that element and the app's subtree. So every `Renderer::render` leaks a little, and
// `mount()`/`destroy()` in a loop would grow without bound. Instead, `mount()` renders into a
// root `<div class="mc-root">` of its own inside the element, and `destroy()` parks that root:
// its app renders nothing, the div leaves the page, and the next `mount()` in the same
// document takes it back with new props (a new key, so every hook starts afresh). Memory then
// stays flat however often widgets come and go.

/// How a widget's app is held.
enum Rendered {
    /// Its own yew root on the host (the demo page, which lives as long as the page).
    Own(AppHandle<App>),
    /// A reusable root inside the host (`mount()`).
    Pooled(roots::Root),
}

mod roots {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use web_sys::Element;
    use yew::prelude::*;
    use yew::{AppHandle, Renderer};

    use crate::app::{App, AppProps};

    #[derive(Properties, PartialEq)]
    pub struct SlotProps {
        /// The widget to show (with a generation number as its key), or none while parked.
        pub app: Option<(u32, Rc<AppProps>)>,
    }

    /// The root component of a reusable root: one `App`, or nothing.
    #[component]
    pub fn Slot(props: &SlotProps) -> Html {
        match &props.app {
            Some((generation, p)) => html! {
                <App key={*generation} catalog={p.catalog.clone()} lang={p.lang} answers={p.answers.clone()}
                    notice={p.notice.clone()} remote={p.remote.clone()} on_change={p.on_change.clone()}
                    standalone={p.standalone} prefix={p.prefix.clone()} resume={p.resume} remembered={p.remembered} />
            },
            None => html! {},
        }
    }

    pub struct Root {
        pub root: Element,
        app: AppHandle<Slot>,
        /// False when no root of its own could be made and the app renders into the host.
        reusable: bool,
    }

    thread_local! {
        static PARKED: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
        static GENERATION: Cell<u32> = const { Cell::new(0) };
    }

    fn next_generation() -> u32 {
        GENERATION.with(|g| {
            let n = g.get().wrapping_add(1);
            g.set(n);
            n
        })
    }

    /// Renders `props` into a root appended to `host`: a parked one of the same document, or
    /// a new one.
    pub fn take(host: &Element, props: AppProps) -> Root {
        let doc = host.owner_document();
        let parked = PARKED.with(|p| {
            let mut p = p.borrow_mut();
            let i = p.iter().position(|r| r.root.owner_document() == doc)?;
            Some(p.swap_remove(i))
        });
        let slot = SlotProps { app: Some((next_generation(), Rc::new(props))) };
        match parked {
            Some(mut r) => {
                let _ = host.append_child(&r.root);
                r.app.update(slot);
                r
            }
            None => {
                let made = doc.and_then(|d| d.create_element("div").ok());
                let reusable = made.is_some();
                let root = made.unwrap_or_else(|| host.clone());
                if reusable {
                    root.set_class_name("mc-root");
                    let _ = host.append_child(&root);
                }
                let app = Renderer::<Slot>::with_root_and_props(root.clone(), slot).render();
                Root { root, app, reusable }
            }
        }
    }

    /// Unmounts the widget in `r`, takes the root out of the page and keeps it for reuse.
    pub fn park(mut r: Root) {
        if !r.reusable {
            r.app.destroy();
            return;
        }
        r.app.update(SlotProps { app: None });
        // Whatever the embedder's script put on the root (theme properties, attributes) goes.
        let names: Vec<String> = r.root.get_attribute_names().iter().filter_map(|n| n.as_string()).collect();
        for name in names.iter().filter(|n| n.as_str() != "class") {
            let _ = r.root.remove_attribute(name);
        }
        r.root.set_class_name("mc-root");
        r.root.remove();
        PARKED.with(|p| p.borrow_mut().push(r));
    }
}
