//! The widget's components in headless Chromium (wasm-bindgen-test): they render the catalog's
//! questions as real form controls, update the score from the engine on every answer, switch
//! language, hide questions that stop applying, and the JS API (`mount`, `evaluate`) behaves.
//! Run by `scripts/test-browser.sh` (`wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use engine::fragment::{DropReason, Dropped};
use engine::{assess, Answer, Answers, Lang};
use messenger_check::bindings::{evaluate, mount};
use messenger_check::state::LinkNotice;
use messenger_check::{App, AppProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page to mount on.
fn host() -> Element {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn render(props: AppProps) -> (Element, yew::AppHandle<App>) {
    let el = host();
    let handle = yew::Renderer::<App>::with_root_and_props(el.clone(), props).render();
    (el, handle)
}

fn props() -> AppProps {
    AppProps {
        catalog: Default::default(),
        lang: Lang::De,
        answers: Answers::new(),
        notice: None,
        remote: Default::default(),
        on_change: None,
        standalone: false,
        prefix: "mc".into(),
        resume: false,
        remembered: false,
        share: None,
        linked: false,
        offline: None,
        on_offline: None,
    }
}

async fn settle() {
    yew::scheduler::flush().await;
}

/// Waits past the next paint (questions that do not apply are built hidden after it).
async fn after_paint() {
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    settle().await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

/// The inputs of a question that is shown.
fn visible(root: &Element, question: &str) -> Vec<Element> {
    all(root, &format!("fieldset:not([hidden]) input[name=\"{question}\"]"))
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default().trim().to_string()
}

fn click(root: &Element, selector: &str) {
    one(root, selector).dyn_into::<HtmlElement>().unwrap().click();
}

fn score(root: &Element) -> u8 {
    text(root, "output.mc-score").parse().expect("the score is a number")
}

fn legends(root: &Element) -> Vec<String> {
    all(root, "fieldset:not([hidden]) > legend").iter().map(|l| l.text_content().unwrap_or_default()).collect()
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let cat = messenger_check::catalog();
    pairs
        .iter()
        .map(|(q, a)| {
            let multi = cat.question(q).unwrap().multi;
            let ans =
                if multi { Answer::Many(a.split(',').map(String::from).collect()) } else { Answer::One(a.to_string()) };
            (q.to_string(), ans)
        })
        .collect()
}

fn expected_score(pairs: &[(&str, &str)]) -> u8 {
    assess(&answers(pairs), messenger_check::catalog(), Lang::De).unwrap().score
}

const WORST: &[(&str, &str)] = &[
    ("sector", "trade"),
    ("audience", "customers"),
    ("broadcast", "no"),
    ("messenger", "whatsapp"),
    ("dpa", "no"),
    ("device", "private_phone"),
    ("contact_access", "granted"),
    ("address_book", "mixed"),
    ("first_contact", "business"),
    ("consent", "none"),
    ("content", "appointments"),
    ("chat_backup", "off"),
    ("media_autosave", "off"),
    ("usage_policy", "written"),
    ("works_council", "none"),
    ("hosting", "no_preference"),
    ("budget", "small_fee"),
];

#[wasm_bindgen_test]
async fn each_applicable_question_is_a_fieldset_with_legend_and_real_inputs() {
    let (el, _app) = render(props());
    settle().await;
    let cat = messenger_check::catalog();
    let applicable = assess(&Answers::new(), cat, Lang::De).unwrap().applicable;
    let want: Vec<String> = applicable.iter().map(|id| cat.question(id).unwrap().title.de.to_string()).collect();
    assert_eq!(legends(&el), want);
    for id in &applicable {
        let q = cat.question(id).unwrap();
        let inputs = visible(&el, id);
        assert_eq!(inputs.len(), q.options.len(), "{id}: one input per option");
        for (input, option) in inputs.iter().zip(q.options.iter()) {
            let input: &HtmlInputElement = input.dyn_ref().unwrap();
            assert_eq!(input.value(), option.id);
            assert_eq!(input.type_(), if q.multi { "checkbox" } else { "radio" });
            assert!(input.closest("label").unwrap().is_some(), "{id}: the input sits in its label");
        }
        let fieldset = one(&el, &format!("fieldset#mc-q-{id}"));
        let described = fieldset.get_attribute("aria-describedby").unwrap();
        let why = one(&el, &format!("#{}", described.split(' ').next().unwrap()));
        assert!(why.text_content().unwrap().contains(q.why.de.as_ref()), "{id}: the why-we-ask hint is linked");
    }
}

#[wasm_bindgen_test]
async fn the_remote_says_complete_once_everything_is_built() {
    let remote = messenger_check::Remote::default();
    let seen: Rc<std::cell::RefCell<Option<usize>>> = Rc::default();
    let (el, _app) = render(AppProps { remote: remote.clone(), ..props() });
    {
        let (seen, el) = (seen.clone(), el.clone());
        remote.when_complete(move || *seen.borrow_mut() = Some(all(&el, "fieldset.mc-question").len()));
    }
    settle().await;
    assert_eq!(*seen.borrow(), None, "not complete before the first paint");
    // Built in stages, one per frame (src/app.rs `Stage`).
    for _ in 0..3 {
        after_paint().await;
    }
    let questions = messenger_check::catalog().questions().len();
    assert_eq!(*seen.borrow(), Some(questions), "complete: one fieldset per question");
    // Once complete, a late waiter runs at once.
    let late = Rc::new(std::cell::Cell::new(false));
    let l = late.clone();
    remote.when_complete(move || l.set(true));
    assert!(late.get());
}

#[wasm_bindgen_test]
async fn the_score_output_changes_after_clicking_an_option() {
    let (el, _app) = render(props());
    settle().await;
    assert_eq!(score(&el), 0);
    let output = one(&el, "output#mc-score");
    assert_eq!(output.get_attribute("aria-live").as_deref(), Some("polite"));
    click(&el, "input[name=\"messenger\"][value=\"whatsapp\"]");
    settle().await;
    assert_eq!(score(&el), expected_score(&[("messenger", "whatsapp")]));
    assert!(score(&el) > 0);
    click(&el, "input[name=\"device\"][value=\"private_phone\"]");
    settle().await;
    assert_eq!(score(&el), expected_score(&[("messenger", "whatsapp"), ("device", "private_phone")]));
    let progress = text(&el, ".mc-progress");
    assert!(progress.starts_with("2 von"), "progress counts answered questions: {progress}");
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_legend() {
    let (el, _app) = render(props());
    settle().await;
    let cat = messenger_check::catalog();
    let de = legends(&el);
    assert_eq!(de[0], cat.questions()[0].title.de);
    click(&el, ".mc-lang button[lang=\"en\"]");
    settle().await;
    let en = legends(&el);
    let want: Vec<String> =
        de.iter().map(|t| cat.questions().iter().find(|q| &q.title.de == t).unwrap().title.en.to_string()).collect();
    assert_eq!(en, want);
    assert_eq!(one(&el, ".mc").get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(text(&el, ".mc-results-title"), cat.ui("results", Lang::En));
}

#[wasm_bindgen_test]
async fn a_question_disappears_when_it_stops_applying_and_keeps_its_answer() {
    let (el, _app) = render(props());
    settle().await;
    assert!(visible(&el, "broadcast").is_empty(), "broadcast only applies with customers");
    after_paint().await;
    assert!(one(&el, "fieldset#mc-q-broadcast").has_attribute("hidden"), "a question that does not apply is hidden");
    click(&el, "input[name=\"audience\"][value=\"customers\"]");
    settle().await;
    let options = messenger_check::catalog().question("broadcast").unwrap().options.len();
    assert_eq!(visible(&el, "broadcast").len(), options, "every option of broadcast shows");
    click(&el, "input[name=\"broadcast\"][value=\"yes\"]");
    click(&el, "input[name=\"audience\"][value=\"internal\"]");
    settle().await;
    let with = score(&el);
    click(&el, "input[name=\"audience\"][value=\"customers\"]");
    settle().await;
    assert!(visible(&el, "broadcast").is_empty(), "broadcast is gone");
    assert_eq!(score(&el), expected_score(&[("audience", "internal"), ("broadcast", "yes")]));
    click(&el, "input[name=\"audience\"][value=\"customers\"]");
    settle().await;
    assert!(one(&el, "input[name=\"broadcast\"][value=\"yes\"]").dyn_into::<HtmlInputElement>().unwrap().checked());
    assert_eq!(score(&el), with);
}

#[wasm_bindgen_test]
async fn a_what_if_applies_and_undo_returns() {
    let mut p = props();
    p.answers = answers(WORST);
    let (el, _app) = render(p);
    settle().await;
    let start = score(&el);
    assert_eq!(start, expected_score(WORST));
    let promised: u8 = text(&el, ".mc-what-if .mc-what-if-score").parse().unwrap();
    assert!(promised < start);
    click(&el, ".mc-what-if button");
    settle().await;
    assert_eq!(score(&el), promised);
    click(&el, ".mc-undo");
    settle().await;
    assert_eq!(score(&el), start);
}

#[wasm_bindgen_test]
async fn the_link_notice_shows_dropped_items_as_text() {
    let mut p = props();
    let item = "sector=<img src=x onerror=alert(1)>".to_string();
    p.notice = Some(Rc::new(LinkNotice {
        items: vec![Dropped { item: item.clone(), reason: DropReason::UnknownOption }],
        count: 3,
    }));
    let (el, _app) = render(p);
    settle().await;
    let notice = one(&el, ".mc-notice[role=\"status\"]");
    assert!(notice.text_content().unwrap().contains(&item));
    assert!(all(&el, "img").is_empty(), "nothing from the link becomes markup");
    click(&el, ".mc-notice button");
    settle().await;
    assert!(all(&el, ".mc-notice").is_empty());
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

fn message(e: JsValue) -> String {
    assert!(e.is_instance_of::<js_sys::Error>(), "an Error");
    get(&e, "message").as_string().unwrap()
}

/// The field an error names (`undefined` for one about no field).
fn field(e: &JsValue) -> Option<String> {
    get(e, "field").as_string()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
async fn mount_gives_a_handle_that_reads_sets_resets_and_destroys() {
    let el = host();
    let mut w = mount(
        el.clone(),
        options(r#"{"lang": "en", "answers": {"messenger": "whatsapp", "audience": ["customers"]}}"#),
    )
    .unwrap_or_else(|e| panic!("{}", message(e)));
    settle().await;
    let want = expected_score(&[("messenger", "whatsapp"), ("audience", "customers")]);
    assert_eq!(score(&el), want);
    assert_eq!(legends(&el)[0], messenger_check::catalog().questions()[0].title.en);
    let a = w.answers().unwrap_or_else(|e| panic!("{}", message(e)));
    assert_eq!(get(&a, "messenger").as_string().as_deref(), Some("whatsapp"));
    assert!(js_sys::Array::is_array(&get(&a, "audience")));
    let assessment = w.assessment().unwrap_or_else(|e| panic!("{}", message(e)));
    assert_eq!(get(&assessment, "score").as_f64(), Some(f64::from(want)));
    assert_eq!(get(&assessment, "band").as_string().as_deref(), Some(messenger_check::catalog().band_of(want).id()));

    w.set_lang("de".into()).unwrap_or_else(|e| panic!("{}", message(e)));
    settle().await;
    assert_eq!(legends(&el)[0], messenger_check::catalog().questions()[0].title.de);
    assert!(w.set_lang("fr".into()).is_err());

    w.reset();
    settle().await;
    assert_eq!(score(&el), 0);
    w.destroy();
    settle().await;
    assert_eq!(el.child_element_count(), 0, "destroy empties the element");
    w.destroy(); // twice is fine
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_do_not_share_ids_or_radio_groups() {
    let (a, b) = (host(), host());
    let mut wa = mount(a.clone(), JsValue::UNDEFINED).unwrap_or_else(|e| panic!("{}", message(e)));
    let mut wb = mount(b.clone(), JsValue::NULL).unwrap_or_else(|e| panic!("{}", message(e)));
    settle().await;
    click(&a, "input[name=\"sector\"][value=\"health\"]");
    click(&b, "input[name=\"sector\"][value=\"trade\"]");
    settle().await;
    assert!(one(&a, "input[name=\"sector\"][value=\"health\"]").dyn_into::<HtmlInputElement>().unwrap().checked());
    let ids_a: Vec<String> = all(&a, "[id]").iter().map(|e| e.id()).collect();
    let ids_b: Vec<String> = all(&b, "[id]").iter().map(|e| e.id()).collect();
    assert!(ids_a.iter().all(|id| !ids_b.contains(id)), "element ids are unique per widget");
    wa.destroy();
    wb.destroy();
}

#[wasm_bindgen_test]
fn mount_rejects_bad_options_naming_them() {
    let cases = [
        (r#"{"lang": "fr"}"#, "`lang`"),
        (r#"{"lang": 7}"#, "`lang`"),
        (r#"{"answers": {"sector": "nope"}}"#, "nope"),
        (r#"{"answers": {"colour": "red"}}"#, "colour"),
        (r#"{"catalog": {"texts": {"de": {"ui.nope": "x"}}}}"#, "ui.nope"),
        (r#"{"catalog": {"alternatives": {"hide": ["icq"]}}}"#, "icq"),
        (r#"{"onChange": 5}"#, "`onChange`"),
        (r#"{"colour": "red"}"#, "`colour`"),
        (r#"{"theme": {"accent": "banana"}}"#, "`theme.accent`: `banana` is not a valid CSS color value"),
        (r#"{"theme": "sepia"}"#, "unknown scheme `sepia`"),
        (r#"{"styles": "no"}"#, "option `styles`: must be true or false"),
        ("[]", "mount: options must be an object (got an array)"),
    ];
    for (json, needle) in cases {
        match mount(host(), options(json)) {
            Ok(mut w) => {
                w.destroy();
                panic!("{json} was accepted");
            }
            Err(e) => {
                let m = message(e);
                assert!(m.contains(needle), "{json}: `{m}` names {needle}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn mount_sets_the_theme_on_its_root_and_set_theme_replaces_it() {
    let el = host();
    let mut w = mount(el.clone(), options(r##"{"theme": {"scheme": "dark", "accent": "#123456", "radius": "3px"}}"##))
        .unwrap_or_else(|e| panic!("{}", message(e)));
    settle().await;
    let root = w.root();
    assert_eq!(root.get_attribute("data-mc-scheme").as_deref(), Some("dark"));
    let style = root.get_attribute("style").unwrap_or_default();
    // Resolved by the browser: the computed colour and length, not the text given.
    assert!(style.contains("--mc-accent: rgb(18, 52, 86)") && style.contains("--mc-radius: 3px"), "{style}");
    w.set_theme("light".into()).unwrap_or_else(|e| panic!("{}", message(e)));
    assert_eq!(root.get_attribute("data-mc-scheme").as_deref(), Some("light"));
    assert_eq!(root.get_attribute("style"), None, "the previous theme's values are gone");
    let e = w.set_theme(options(r#"{"font": "a;b"}"#)).err().map(message).unwrap_or_default();
    assert!(e.contains("setTheme: `theme.font`"), "{e}");
    w.destroy();
    assert_eq!(el.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn a_theme_value_is_resolved_and_one_that_refers_elsewhere_is_refused() {
    for (field, value) in [
        ("background", "var(--x, red) url(//other.example/p)"),
        ("background", "red url(//other.example/p)"),
        ("accent", "var(--brand)"),
        ("accent", "v\\61r(--x, red)"),
        ("text", "image-set(\"//other.example/i.png\" 1x)"),
        ("font", "url(//other.example/f.woff)"),
        ("radius", "env(safe-area-inset-top)"),
        ("spacing", "attr(data-x px)"),
        ("accent", "banana"),
    ] {
        let json = serde_json::json!({ "theme": { field: value } }).to_string();
        match mount(host(), options(&json)) {
            Ok(mut w) => {
                w.destroy();
                panic!("{json} was accepted");
            }
            Err(e) => {
                let m = message(e);
                assert!(m.contains(&format!("`theme.{field}`")), "{json}: {m}");
            }
        }
    }
    let el = host();
    let mut w = mount(
        el.clone(),
        options(r#"{"theme": {"accent": "red", "background": "light-dark(white, black)", "spacing": "1.5rem", "font": "Georgia, serif"}}"#),
    )
    .unwrap_or_else(|e| panic!("{}", message(e)));
    let style = w.root().get_attribute("style").unwrap_or_default();
    assert!(style.contains("--mc-accent: rgb(255, 0, 0)"), "{style}");
    assert!(style.contains("--mc-space: 24px"), "{style}");
    assert!(style.contains("--mc-font: Georgia, serif"), "{style}");
    assert!(!style.contains("light-dark"), "a colour, resolved: {style}");
    w.destroy();
}

#[wasm_bindgen_test]
fn answers_are_checked_by_their_length_before_they_are_read() {
    let huge: js_sys::Array = js_sys::Array::new();
    huge.set_length(u32::MAX);
    let sparse = js_sys::Array::new();
    sparse.set_length(100_000_000);
    let long_id = JsValue::from_str(&"x".repeat(1_000_000));
    let cases: Vec<(JsValue, &str)> = vec![
        (huge.into(), "question `content` takes at most 64 option ids (got a list of 4294967295)"),
        (sparse.into(), "question `content` takes at most 64 option ids (got a list of 100000000)"),
        (js_sys::Array::of1(&long_id).into(), "an id of 1000000 characters"),
        (JsValue::from_f64(7.0), "question `content` takes a list of option ids (got a number)"),
        (js_sys::Array::of1(&JsValue::from_f64(1.0)).into(), "item 0 of the list must be an option id"),
        // Not a plain object: not read key by key (ten million keys would be).
        (
            js_sys::Uint8Array::new_with_length(10_000_000).into(),
            "`answers.content`: must be an option id or a list of them",
        ),
        (js_sys::JsString::from("x".repeat(100)).into(), "an id of 100 characters"),
    ];
    for (value, needle) in cases {
        let answers = js_sys::Object::new();
        js_sys::Reflect::set(&answers, &"content".into(), &value).unwrap();
        let started = js_sys::Date::now();
        let e = messenger_check::bindings::evaluate(answers.into(), JsValue::UNDEFINED).err().map(message);
        let took = js_sys::Date::now() - started;
        let e = e.unwrap_or_else(|| panic!("{needle}: accepted"));
        assert!(e.contains(needle), "{e}");
        assert!(e.len() < 300, "a short message: {e}");
        assert!(took < 100.0, "{needle}: {took} ms");
    }
    // A key of a million characters is not copied, and the message quotes its start.
    let answers = js_sys::Object::new();
    js_sys::Reflect::set(&answers, &long_id, &"x".into()).unwrap();
    let e = messenger_check::bindings::evaluate(answers.into(), JsValue::UNDEFINED).err().map(message).unwrap();
    assert!(e.contains("unknown question `xxxx") && e.len() < 200, "{e}");
    // A number for a single question says so.
    let e = messenger_check::bindings::evaluate(options(r#"{"sector": 5}"#), JsValue::UNDEFINED).err().map(message);
    assert!(e.unwrap().contains("question `sector` takes one option id, a string (got a number)"));
}

#[wasm_bindgen_test]
async fn set_answers_loads_answers_without_a_remount_and_equal_answers_change_nothing() {
    let el = host();
    let mut w =
        mount(el.clone(), options(r#"{"answers": {"sector": "trade"}}"#)).unwrap_or_else(|e| panic!("{}", message(e)));
    settle().await;
    let form = one(&el, "form");
    click(&el, "input[name=\"messenger\"][value=\"whatsapp\"]");
    settle().await;
    // The same answers as now: nothing happens (the visitor's answer stays, undo stays).
    w.set_answers(options(r#"{"messenger": "whatsapp", "sector": "trade"}"#)).unwrap();
    settle().await;
    assert_eq!(score(&el), expected_score(&[("sector", "trade"), ("messenger", "whatsapp")]));
    // Other answers: loaded into the same DOM.
    w.set_answers(options(r#"{"sector": "health", "audience": ["customers"]}"#)).unwrap();
    settle().await;
    assert!(form.is_connected(), "no remount");
    assert!(one(&el, "input[name=\"sector\"][value=\"health\"]").dyn_into::<HtmlInputElement>().unwrap().checked());
    assert_eq!(score(&el), expected_score(&[("sector", "health"), ("audience", "customers")]));
    let e = w.set_answers(options(r#"{"sector": "bakery"}"#)).err().map(message).unwrap_or_default();
    assert!(e.contains("setAnswers: `answers`: unknown option `bakery`"), "{e}");
    w.set_answers(JsValue::NULL).unwrap();
    settle().await;
    assert_eq!(score(&el), 0);
    w.destroy();
}

#[wasm_bindgen_test]
fn the_languages_and_messengers_come_from_the_engine() {
    let langs: js_sys::Array = messenger_check::bindings::languages().unwrap().dyn_into().unwrap();
    let codes: Vec<String> = langs.iter().map(|l| get(&l, "code").as_string().unwrap()).collect();
    assert_eq!(codes, Lang::ALL.iter().map(|l| l.code().to_string()).collect::<Vec<_>>());
    assert_eq!(get(&langs.get(0), "name").as_string().as_deref(), Some(Lang::De.native_name()));
    let list: js_sys::Array = messenger_check::bindings::messengers().unwrap().dyn_into().unwrap();
    assert_eq!(list.length() as usize, messenger_check::catalog().messengers().len());
    assert_eq!(get(&list.get(0), "id").as_string(), Some(messenger_check::catalog().messengers()[0].id.to_string()));
    assert!(messenger_check::bindings::check_attribute("lang", "en".into()).is_ok());
    let e = messenger_check::bindings::check_attribute("lang", "fr".into()).err().map(message).unwrap_or_default();
    assert!(e.contains("attribute `lang`: unknown language `fr`"), "{e}");
}

#[wasm_bindgen_test]
async fn a_catalog_override_changes_the_texts() {
    let el = host();
    let mut w = mount(el.clone(), options(r#"{"catalog": {"texts": {"de": {"ui.title": "Unser Check"}}}}"#))
        .unwrap_or_else(|e| panic!("{}", message(e)));
    settle().await;
    assert_eq!(text(&el, ".mc-title"), "Unser Check");
    w.destroy();
}

#[wasm_bindgen_test]
fn evaluate_gives_the_engines_assessment_and_names_bad_ids() {
    let v = evaluate(options(r#"{"messenger": "whatsapp", "device": "private_phone"}"#), options(r#"{"lang": "en"}"#))
        .unwrap_or_else(|e| panic!("{}", message(e)));
    let want = assess(
        &answers(&[("messenger", "whatsapp"), ("device", "private_phone")]),
        messenger_check::catalog(),
        Lang::En,
    )
    .unwrap();
    assert_eq!(get(&v, "score").as_f64(), Some(f64::from(want.score)));
    assert_eq!(get(&v, "band_label").as_string(), Some(want.band_label.clone()));
    let factors: js_sys::Array = get(&v, "factors").dyn_into().unwrap();
    assert_eq!(factors.length() as usize, want.factors.len());
    let Err(err) = evaluate(options(r#"{"messenger": "icq"}"#), JsValue::UNDEFINED) else {
        panic!("an unknown option is an error")
    };
    assert!(message(err).contains("icq"));
    assert!(evaluate(options("{}"), options(r#"{"lang": "xx"}"#)).is_err());
}

#[wasm_bindgen_test]
fn documents_gives_the_engines_templates_and_names_bad_options() {
    use engine::documents::{self, render, Blanks};
    let setup = r#"{"audience": ["customers"], "messenger": "threema_work", "sector": "health"}"#;
    let v = messenger_check::bindings::documents(
        options(setup),
        options(r#"{"lang": "en", "blanks": {"company": "Praxis Beispiel"}, "format": "markdown"}"#),
    )
    .unwrap_or_else(|e| panic!("{}", message(e)));
    let want = documents::documents(
        &answers(&[("audience", "customers"), ("messenger", "threema_work"), ("sector", "health")]),
        messenger_check::catalog(),
        Lang::En,
        &Blanks::company("Praxis Beispiel"),
    )
    .unwrap();
    let list: js_sys::Array = v.dyn_into().unwrap();
    assert_eq!(list.length() as usize, want.len());
    for (got, doc) in list.iter().zip(&want) {
        assert_eq!(get(&got, "id").as_string().as_deref(), Some(doc.id.id()));
        assert_eq!(get(&got, "text").as_string(), Some(render::markdown(doc)), "{}: the engine's Markdown", doc.id);
    }
    let json: js_sys::Array = messenger_check::bindings::documents(options(setup), JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("{}", message(e)))
        .dyn_into()
        .unwrap();
    assert_eq!(get(&json.get(0), "sections").dyn_into::<js_sys::Array>().unwrap().length() as usize, {
        let de = documents::documents(
            &answers(&[("audience", "customers"), ("messenger", "threema_work"), ("sector", "health")]),
            messenger_check::catalog(),
            Lang::De,
            &Blanks::default(),
        )
        .unwrap();
        de[0].sections.len()
    });
    let cases = [
        (r#"{"lang": "fr"}"#, "documents: option `lang`: unknown language `fr`"),
        (r#"{"format": "pdf"}"#, "documents: option `format`: unknown format `pdf`"),
        (r#"{"blanks": {"firma": "x"}}"#, "documents: option `blanks`: unknown blank `firma`"),
        (r#"{"blanks": {"company": 5}}"#, "documents: option `blanks.company`: must be a string (got a number)"),
        (r#"{"blanks": ["x"]}"#, "documents: option `blanks`: must be an object"),
        (r#"{"colour": "red"}"#, "documents: unknown option `colour`"),
        ("[]", "documents: options must be an object"),
    ];
    for (json, needle) in cases {
        let e = messenger_check::bindings::documents(options(setup), options(json)).err().map(message);
        assert!(e.as_deref().is_some_and(|m| m.contains(needle)), "{json}: {e:?}");
    }
    let e = messenger_check::bindings::documents(options(r#"{"messenger": "icq"}"#), JsValue::UNDEFINED)
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(e.contains("documents: `answers`: unknown option `icq`"), "{e}");
}

#[wasm_bindgen_test]
async fn the_templates_come_after_the_first_render_and_follow_the_catalog_overrides() {
    let el = host();
    let mut w = mount(
        el.clone(),
        options(
            r#"{"answers": {"audience": ["customers"], "messenger": "wire"},
                "catalog": {"templates": {"hide": ["consent"], "note": {"en": "Questions? Call us."}}}}"#,
        ),
    )
    .unwrap_or_else(|e| panic!("{}", message(e)));
    settle().await;
    assert!(all(&el, ".mc-templates").is_empty(), "not in the first render (it must equal the prerendered page)");
    for _ in 0..3 {
        after_paint().await;
    }
    let summaries: Vec<String> =
        all(&el, ".mc-templates details.mc-doc-item > summary").iter().map(|s| s.text_content().unwrap()).collect();
    let t = messenger_check::catalog().templates();
    assert_eq!(
        summaries,
        ["policy", "record", "checklist"].map(|id| t.text(&format!("ui.doc.{id}"), Lang::De).to_string()),
        "consent switched off"
    );
    // A template is filled only once it is opened.
    assert!(all(&el, ".mc-doc").is_empty());
    click(&el, ".mc-doc-item > summary");
    after_paint().await;
    assert_eq!(text(&el, ".mc-doc-embedder"), "Questions? Call us.", "the embedder's note, standing in for German");
    w.destroy();

    let el = host();
    let mut w = mount(
        el.clone(),
        options(r#"{"answers": {"messenger": "wire"}, "catalog": {"templates": {"hide": ["all"]}}}"#),
    )
    .unwrap_or_else(|e| panic!("{}", message(e)));
    for _ in 0..3 {
        after_paint().await;
    }
    assert!(!all(&el, ".mc-keep").is_empty() && all(&el, ".mc-templates").is_empty(), "no section at all");
    let e = mount(host(), options(r#"{"catalog": {"templates": {"hide": ["letter"]}}}"#)).err().map(message);
    assert!(e.as_deref().is_some_and(|m| m.contains("unknown template `letter`")), "{e:?}");
    let e = mount(host(), options(r#"{"catalog": {"templates": {"off": true}}}"#)).err().map(message);
    assert!(e.as_deref().is_some_and(|m| m.contains("templates.off")), "{e:?}");
    w.destroy();
}

#[wasm_bindgen_test]
fn every_error_about_an_option_names_its_field() {
    let cases = [
        (r#"{"lang": "fr"}"#, "lang"),
        (r#"{"colour": "red"}"#, "colour"),
        (r#"{"styles": "no"}"#, "styles"),
        (r#"{"onChange": 5}"#, "onChange"),
        (r#"{"answers": {"sector": "bakery"}}"#, "answers.sector"),
        (r#"{"answers": {"content": ["text", 3]}}"#, "answers.content"),
        (r#"{"theme": {"colour": "red"}}"#, "theme.colour"),
        (r#"{"theme": {"accent": "banana"}}"#, "theme.accent"),
        (
            r#"{"catalog": {"call_to_action": {"label": {"de": "x"}, "url": "javascript:alert(1)"}}}"#,
            "catalog.call_to_action.url",
        ),
        (r#"{"catalog": {"call_to_action": {"label": {"de": "x"}, "url": 5}}}"#, "catalog.call_to_action.url"),
        (r#"{"catalog": {"alternatives": {"hide": ["wire", 3]}}}"#, "catalog.alternatives.hide[1]"),
        (r#"{"catalog": {"texts": {"de": {"ui.nope": "x"}}}}"#, "catalog.texts.de.ui.nope"),
    ];
    for (json, expected) in cases {
        match mount(host(), options(json)) {
            Ok(mut w) => {
                w.destroy();
                panic!("{json} was accepted");
            }
            Err(e) => assert_eq!(field(&e).as_deref(), Some(expected), "{json}: {}", message(e.clone())),
        }
    }
    let e = messenger_check::bindings::documents(
        options(r#"{"messenger": "wire"}"#),
        options(r#"{"blanks": {"firma": "x"}}"#),
    )
    .err()
    .unwrap();
    assert_eq!(field(&e).as_deref(), Some("blanks.firma"));
    let e = mount(host(), options("[]")).err().unwrap();
    assert_eq!(field(&e), None, "the options object itself is no field");
    // Nested past any option's depth, or too many values: refused, named, and quick.
    let deep = (0..50).fold("1".to_string(), |inner, _| format!("{{\"a\": {inner}}}"));
    let e = mount(host(), options(&format!(r#"{{"catalog": {deep}}}"#))).err().map(message).unwrap_or_default();
    assert!(e.contains("nested too deep"), "{e}");
}
