//! How much input the readers take, and how much of it an error repeats.
//!
//! Every reader of outside input (answers as JSON or from JavaScript, the share link, the
//! embedder's overrides, the command line) checks a value's length before it reads it, so a
//! hostile or careless caller gets a short error at once instead of a frozen tab or a crash;
//! and an error quotes what it was given only as an `excerpt`: cut, and with control characters
//! (terminal escape codes, line breaks) written out, never passed through.

/// The longest id (question, option, messenger, blank, language, text key) a reader accepts.
/// The catalog's ids are far shorter; a longer one cannot be known.
pub const MAX_ID: usize = 64;

/// The longest list of ids (a multi question's options, the alternatives to recommend or hide,
/// the templates to hide). The catalog's longest lists have about 15 entries.
pub const MAX_LIST: usize = 64;

/// The most entries an object of the input may have (a language's text overrides, the blanks).
pub const MAX_ENTRIES: usize = 2_000;

/// The longest text an embedder may put in (an override, the call to action's label, a note,
/// a blank), in characters.
pub const MAX_TEXT: usize = 5_000;

/// How many characters of the input an error message repeats.
pub const EXCERPT: usize = 40;

/// `s` as an error message may quote it: at most `EXCERPT` characters (then "…"), control
/// characters written as `\u{1b}`, so nothing the input holds can move a terminal's cursor or
/// break the line.
pub fn excerpt(s: &str) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for c in s.chars() {
        let piece = if unsafe_char(c) { format!("\\u{{{:x}}}", c as u32) } else { c.to_string() };
        let len = piece.chars().count();
        if shown + len > EXCERPT {
            out.push('…');
            return out;
        }
        out.push_str(&piece);
        shown += len;
    }
    out
}

/// A character no message should pass through: a control character (escape codes, line
/// breaks) or one that reorders text (bidirectional overrides).
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A list for a message: "a, b or c" (one item alone; nothing for none).
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// A whole message made safe for a terminal or a log line: control characters written out, and
/// cut at `max` characters.
pub fn one_line(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n >= max {
            out.push('…');
            break;
        }
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// At most this many questions (compiled answers are kept in fixed arrays, `score::State`).
pub const MAX_QUESTIONS: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_short_and_has_no_control_characters() {
        assert_eq!(excerpt("bakery"), "bakery");
        let long = "x".repeat(1_000_000);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), EXCERPT + 1);
        assert!(e.ends_with('…'));
        assert_eq!(excerpt("\u{1b}[31mred\u{7}\n"), "\\u{1b}[31mred\\u{7}\\u{a}");
        assert!(!excerpt(&"\u{1b}".repeat(100)).contains('\u{1b}'));
        assert!(excerpt(&"\u{1b}".repeat(100)).chars().count() <= EXCERPT + 1);
        assert_eq!(excerpt("a\u{202e}b"), "a\\u{202e}b", "no right-to-left override");
    }

    #[test]
    fn one_line_keeps_a_message_on_one_line() {
        assert_eq!(one_line("unknown `\u{1b}[2J`\r\nok", 100), "unknown `\\u{1b}[2J`\\u{d}\\u{a}ok");
        assert_eq!(one_line(&"y".repeat(500), 10), format!("{}…", "y".repeat(10)));
    }
}
