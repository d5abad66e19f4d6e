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

    #[test]
    fn german_keeps_the_live_prefix() {
        assert_eq!(prefix(Lang::De), "mc");
        assert_eq!(prefix(Lang::En), "mcen");
    }
}
