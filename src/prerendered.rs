//! The prerendered first screen's markup, as `src/bin/prerender.rs` writes it and
//! `bindings::takeover` reads it back: one screen per language,
//! `<div class="mc-pre" lang="de" data-mc-shape="E C">…</div>`, German first, each with its own
//! element id prefix, and before them a hidden note per language (`<p class="mc-failed"
//! lang="de" hidden>`) that `www/boot.js` shows if the WebAssembly cannot start.
use engine::Lang;

/// The class of a prerendered screen.
pub const SCREEN: &str = "mc-pre";
/// The class of the hidden notes for a failed start.
pub const FAILED: &str = "mc-failed";
/// The attribute with a screen's shape: "ELEMENTS COMMENTS", counted at build time.
pub const SHAPE: &str = "data-mc-shape";
/// The attribute with what the npm package's screen.js ticked from the prefilled answers
/// (`question=option …`, space-separated; ids hold neither): the takeover counts the visitor's
/// changes from it.
pub const GIVEN: &str = "data-mc-given";

/// The marker in a page template where `prerender` puts the first screens: the page's
/// (`<h1>`, "remember my answers") or, with ` widget`, an embedded widget's (`mount()`'s).
pub const MARK: &str = "<!--mc:prerender-->";
pub const MARK_WIDGET: &str = "<!--mc:prerender widget-->";

/// The element ids' prefix of the prerendered screen in `lang`: German keeps the live
/// widget's `mc`, the others get their own, so no id appears twice on the page.
pub fn prefix(lang: Lang) -> String {
    if lang == Lang::ALL[0] {
        "mc".to_string()
    } else {
        format!("mc{}", lang.code())
    }
}

/// Counts the elements and comments in HTML as Yew's server renderer writes it (text and
/// attribute values are escaped, so every `<` outside a comment opens a tag).
pub fn shape_of_html(html: &str) -> (usize, usize) {
    let (mut elements, mut comments) = (0, 0);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            comments += 1;
            rest = after.find("-->").map_or("", |j| &after[j + 3..]);
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            elements += 1;
        }
    }
    (elements, comments)
}

#[cfg(not(target_arch = "wasm32"))]
/// The elements HTML has no end tag for.
const VOID: [&str; 13] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

#[cfg(not(target_arch = "wasm32"))]
/// HTML as Yew's server renderer writes it, as a JSON tree that a script can build with
/// `createElement` (no `innerHTML`, so Trusted Types and a strict policy allow it; the npm
/// package's `screen.js` builds it): a text is a string, a comment `[0, "text"]`, an element
/// `["tag", { "name": "value" }, child, …]`. The same nodes as the markup, so the takeover
/// counts the same shape.
pub fn tree_json(html: &str) -> String {
    fn unescape(s: &str) -> String {
        if !s.contains('&') {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let end = rest.find(';').unwrap_or(0);
            let entity = &rest[1..end.max(1)];
            let ch = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                e if e.starts_with("#x") || e.starts_with("#X") => {
                    u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
                }
                e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            match ch {
                Some(c) if end > 0 => {
                    out.push(c);
                    rest = &rest[end + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
    fn string(s: &str) -> String {
        serde_json::to_string(s).expect("a string serialises")
    }
    // A stack of open elements, each the JSON of its start and its children so far.
    let mut stack: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
    let mut rest = html;
    while !rest.is_empty() {
        let Some(i) = rest.find('<') else {
            stack.last_mut().expect("the root").1.push(string(&unescape(rest)));
            break;
        };
        if i > 0 {
            stack.last_mut().expect("the root").1.push(string(&unescape(&rest[..i])));
        }
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").unwrap_or(after.len());
            stack.last_mut().expect("the root").1.push(format!("[0,{}]", string(&after[..end])));
            rest = after.get(end + 3..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap_or(after.len());
            rest = after.get(end + 1..).unwrap_or("");
            if stack.len() > 1 {
                let (start, children) = stack.pop().expect("an open element");
                let node = format!("[{start}{}]", children.iter().map(|c| format!(",{c}")).collect::<String>());
                stack.last_mut().expect("the root").1.push(node);
            }
        } else {
            // A start tag: the name, then attributes `name="value"` or bare `name`.
            let mut tag = &rest[1..];
            let name_end = tag.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(tag.len());
            let name = tag[..name_end].to_ascii_lowercase();
            tag = &tag[name_end..];
            let mut attrs = Vec::new();
            loop {
                tag = tag.trim_start();
                if let Some(t) = tag.strip_prefix("/>") {
                    tag = t;
                    break;
                }
                if let Some(t) = tag.strip_prefix('>') {
                    tag = t;
                    break;
                }
                if tag.is_empty() {
                    break;
                }
                let end = tag
                    .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
                    .unwrap_or(tag.len())
                    .max(1);
                let attr = &tag[..end];
                tag = &tag[end..];
                let value = if let Some(t) = tag.strip_prefix("=\"") {
                    let close = t.find('"').unwrap_or(t.len());
                    tag = t.get(close + 1..).unwrap_or("");
                    unescape(&t[..close])
                } else {
                    String::new()
                };
                attrs.push(format!("{}:{}", string(attr), string(&value)));
            }
            rest = tag;
            let start = format!("{},{{{}}}", string(&name), attrs.join(","));
            if VOID.contains(&name.as_str()) {
                stack.last_mut().expect("the root").1.push(format!("[{start}]"));
            } else {
                stack.push((start, Vec::new()));
            }
        }
    }
    // Close what the markup left open (it never does).
    while stack.len() > 1 {
        let (start, children) = stack.pop().expect("an open element");
        let node = format!("[{start}{}]", children.iter().map(|c| format!(",{c}")).collect::<String>());
        stack.last_mut().expect("the root").1.push(node);
    }
    format!("[{}]", stack.pop().expect("the root").1.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_counts_elements_and_comments_not_text() {
        let html = r#"<!--<[App]>--><div class="mc" title="a &lt;b&gt;"><p>x &lt; y</p><br><input type="radio"></div><!--</[App]>-->"#;
        assert_eq!(shape_of_html(html), (4, 2));
        assert_eq!(shape_of_html("plain"), (0, 0));
        assert_eq!(shape_of_html("<!-- a <b> in a comment -->"), (0, 1));
    }

    // (tree_json is the build's, native only.)
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_tree_has_the_markups_nodes() {
        let html = r#"<!--<[App]>--><div class="mc" title="a &lt;b&gt; &quot;c&quot;"><p>x &lt; y &amp; z</p><br><input type="radio" checked></div><!--</[App]>-->"#;
        let tree: serde_json::Value = serde_json::from_str(&tree_json(html)).expect("JSON");
        assert_eq!(
            tree,
            serde_json::json!([
                [0, "<[App]>"],
                ["div", { "class": "mc", "title": "a <b> \"c\"" }, ["p", {}, "x < y & z"], ["br", {}], ["input", { "type": "radio", "checked": "" }]],
                [0, "</[App]>"]
            ])
        );
    }

    #[test]
    fn german_keeps_the_live_prefix() {
        assert_eq!(prefix(Lang::De), "mc");
        assert_eq!(prefix(Lang::En), "mcen");
    }
}
