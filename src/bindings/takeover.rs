//! Taking over the prerendered first screen (`src/bin/prerender.rs`): the demo page arrives
//! with the questions in every language as static HTML (`.mc-pre[lang]`), and the visitor may
//! have answered, focused a control, scrolled or switched the language (`lang.js`) before the
//! WebAssembly arrived. `start()` keeps all of that:
//!
//! - the screen in the visitor's language stays, and Yew adopts its nodes (hydration): no node
//!   is replaced, so focus, scroll position and layout stay as they are (no layout shift);
//! - what was clicked on it is read back as answers and applied after the adoption, together
//!   with a share link's or the remembered answers;
//! - a screen that is no longer as built (a translation extension rewrote its text, say) is not
//!   adopted: the widget renders afresh with the same answers and puts the focus back.
//!
//! The screen carries its shape (`data-mc-shape`: elements and comments, counted at build
//! time); adopting a screen of another shape could only fail.
use engine::{answers_from_raw, Answers, Catalog, Lang, RawValue};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::prerendered::{FAILED, GIVEN, SCREEN, SHAPE};

/// What the visitor did on the prerendered screen.
pub(super) struct Prerendered {
    /// The screen in the visitor's language; the others are gone.
    pub screen: Element,
    pub lang: Lang,
    /// The screen is as it was built: Yew can adopt it.
    pub intact: bool,
    /// What the visitor changed before the WebAssembly arrived: each question whose inputs
    /// are no longer as painted (a screen painted with prefilled answers, `data-mc-given`,
    /// counts from those), with its new answer.
    pub clicked: Answers,
    /// For a list question with prefilled ticks: the options the visitor ticked and unticked
    /// besides them, to apply to the answers the widget starts with (`apply`).
    pub edits: Vec<ListEdit>,
    /// The focused element's id without the screen's prefix (`q-sector-health`).
    pub focus: Option<String>,
    pub scroll: (f64, f64),
}

/// The same count in the live DOM as `shape_of_html` counts in the markup.
fn shape_of(screen: &Element) -> Option<(usize, usize)> {
    let doc = screen.owner_document()?;
    let elements = screen.get_elements_by_tag_name("*").length() as usize;
    // NodeFilter.SHOW_COMMENT
    let walker = doc.create_tree_walker_with_what_to_show(screen, 0x80).ok()?;
    let mut comments = 0;
    while walker.next_node().ok().flatten().is_some() {
        comments += 1;
    }
    Some((elements, comments))
}

/// Finds the prerendered screens in `host`; keeps the one in `lang` (or the first), removes
/// the others and the failure notes, and reads what the visitor did. `None`: nothing
/// prerendered.
pub(super) fn take(host: &Element, lang: Lang, cat: &Catalog) -> Option<Prerendered> {
    let screens = children_with_class(host, SCREEN);
    let keep = screens
        .iter()
        .position(|s| s.get_attribute("lang").as_deref() == Some(lang.code()))
        .or((!screens.is_empty()).then_some(0))?;
    let screen = screens[keep].clone();
    let lang = screen.get_attribute("lang").and_then(|l| Lang::parse(&l)).unwrap_or(lang);
    let window = web_sys::window()?;
    let scroll = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    // (Ids are `<prefix>-<name>`, and no prefix has a `-`: the page's are `prefix(lang)`,
    // the npm package's painted screens `mc` or `mcp<n>`.)
    let focus = window
        .document()
        .and_then(|d| d.active_element())
        .filter(|el| screen.contains(Some(el)))
        .and_then(|el| el.id().split_once('-').map(|(_, name)| name.to_string()));
    let (clicked, edits) = read_changes(&screen, cat);
    for (i, s) in screens.iter().enumerate() {
        if i != keep {
            s.remove();
        }
    }
    for note in children_with_class(host, FAILED) {
        note.remove();
    }
    let built = screen.get_attribute(SHAPE).and_then(|s| {
        let (e, c) = s.split_once(' ')?;
        Some((e.parse().ok()?, c.parse().ok()?))
    });
    let intact = built.is_some() && built == shape_of(&screen);
    // From now on it is the widget's root, no longer a screen chosen by lang.js's rule.
    let _ = screen.remove_attribute("class");
    let _ = screen.remove_attribute("lang");
    let _ = screen.remove_attribute(SHAPE);
    let _ = screen.remove_attribute(GIVEN);
    screen.set_class_name("mc-app");
    Some(Prerendered { screen, lang, intact, clicked, edits, focus, scroll })
}

/// The visitor's change to a list question that was painted with prefilled ticks.
pub(super) struct ListEdit {
    pub question: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl ListEdit {
    /// Applies the edit to `answers` (the ones the widget starts with, which may have been set
    /// again since the paint): their options without the unticked ones, with the ticked ones.
    pub fn apply(&self, answers: &mut Answers, cat: &Catalog) {
        let mut options: Vec<String> = answers.get(&self.question).map(|a| a.ids().to_vec()).unwrap_or_default();
        options.retain(|o| !self.removed.contains(o));
        for o in &self.added {
            if !options.contains(o) {
                options.push(o.clone());
            }
        }
        answers.remove(&self.question);
        if options.is_empty() {
            return;
        }
        let raw = RawValue::List(options.into_iter().map(Ok).collect());
        if let Ok(one) = answers_from_raw([(self.question.clone(), raw)], cat) {
            answers.extend(one);
        }
    }
}

/// What the visitor changed on the screen, against what it was painted with (`data-mc-given`):
/// the answers of the questions whose checked inputs differ (name = question id, value = option
/// id, as the live widget would have recorded them), and, for a list painted with prefilled
/// ticks, the options ticked and unticked. A prefilled tick the visitor left alone is no answer
/// of theirs: answers given to the widget after the paint (an element's `answers` set again
/// before the WebAssembly) win over it.
fn read_changes(screen: &Element, cat: &Catalog) -> (Answers, Vec<ListEdit>) {
    // `data-mc-given`: `question=option …`, the inputs screen.js ticked. Read by hand into plain
    // lists (ids hold no space or `=`): a JSON decoder or a map type would cost the wasm KBs.
    let mut painted: Vec<(String, String)> = Vec::new();
    for pair in screen.get_attribute(GIVEN).unwrap_or_default().split_whitespace() {
        if let Some((question, option)) = pair.split_once('=') {
            painted.push((question.to_string(), option.to_string()));
        }
    }
    let mut checked: Vec<(String, String)> = Vec::new();
    if let Ok(inputs) = screen.query_selector_all("input:checked") {
        for i in 0..inputs.length() {
            let Some(input) = inputs.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            checked.push((input.name(), input.value()));
        }
    }
    let of = |pairs: &[(String, String)], name: &str| -> Vec<String> {
        let mut options: Vec<String> = Vec::new();
        for (q, o) in pairs {
            if q == name && !options.contains(o) {
                options.push(o.clone());
            }
        }
        options
    };
    let mut answers = Answers::new();
    let mut edits = Vec::new();
    let mut names: Vec<&String> = Vec::new();
    for (q, _) in checked.iter().chain(painted.iter()) {
        if !names.contains(&q) {
            names.push(q);
        }
    }
    for name in names {
        let Some(q) = cat.question(name) else { continue };
        let (now, was, name) = (of(&checked, name), of(&painted, name), name.clone());
        let added: Vec<String> = now.iter().filter(|o| !was.contains(o)).cloned().collect();
        let removed: Vec<String> = was.iter().filter(|o| !now.contains(o)).cloned().collect();
        if added.is_empty() && removed.is_empty() {
            continue;
        }
        // One question at a time, so one odd input (a host script's, say) costs only itself.
        let raw = if q.multi && !was.is_empty() {
            edits.push(ListEdit { question: name, added, removed });
            continue;
        } else if q.multi {
            RawValue::List(now.into_iter().map(Ok).collect())
        } else if let Some(one) = now.into_iter().next() {
            RawValue::Str(one)
        } else {
            continue;
        };
        if let Ok(one) = answers_from_raw([(name, raw)], cat) {
            answers.extend(one);
        }
    }
    (answers, edits)
}

fn children_with_class(host: &Element, class: &str) -> Vec<Element> {
    let children = host.children();
    (0..children.length()).filter_map(|i| children.item(i)).filter(|c| c.class_list().contains(class)).collect()
}

/// After a fresh render (a screen that was not adopted): the focus back on the same control,
/// the page where it was.
pub(super) fn restore(root: &Element, prefix: &str, focus: Option<String>, scroll: (f64, f64)) {
    let Some(window) = web_sys::window() else { return };
    if let Some(id) = focus {
        // (In the widget's root, which may be inside a shadow root.)
        let el = root.query_selector(&format!("#{prefix}-{id}")).ok().flatten();
        if let Some(el) = el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
    window.scroll_to_with_x_and_y(scroll.0, scroll.1);
}
