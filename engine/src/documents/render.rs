//! Writing a filled template: Markdown (to paste or keep) and HTML (a file a word processor
//! opens with its headings, lists and marked blanks intact). The CLI, the JS API and the
//! widget's downloads use these, so the same document gives the same bytes everywhere.
//!
//! Blanks not filled are written `[label]` (in HTML `<mark>[label]</mark>`); a value the
//! visitor typed is escaped, so it can never become markup. Sources are numbered at the end;
//! documents that cite (`Document::cite`) mark each paragraph and item with its numbers.
use std::fmt::Write;

use super::{Block, Document, Item, Part, Status};

/// A source's date, unless its title already gives the year (as the printed report does).
fn source_date(r: &crate::model::SourceRef) -> Option<&str> {
    r.date.as_deref().filter(|d| !r.title.contains(d.get(..4).unwrap_or(d)))
}

// ---------------------------------------------------------------------------------------
// Markdown

/// Escapes what Markdown would read as markup in a value the visitor typed.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_parts(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text { text } => text.clone(),
            Part::Blank { value: Some(v), .. } => md_escape(v),
            Part::Blank { label, .. } => format!("[{label}]"),
        })
        .collect()
}

fn cite(doc: &Document, sources: &[u32]) -> String {
    if !doc.cite || sources.is_empty() {
        return String::new();
    }
    let n: Vec<String> = sources.iter().map(u32::to_string).collect();
    format!(" [{}]", n.join(", "))
}

/// The document as Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", md_parts(&doc.title));
    let _ = writeln!(s, "{}  ", doc.meta);
    let _ = writeln!(s, "*{}*\n", doc.disclaimer);
    if let Some(n) = &doc.note {
        let _ = writeln!(s, "> {}\n", md_escape(n));
    }
    for sec in &doc.sections {
        let _ = writeln!(s, "## {}\n", md_parts(&sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Paragraph { parts, sources } => {
                    let _ = writeln!(s, "{}{}\n", md_parts(parts), cite(doc, sources));
                }
                Block::Note { parts, sources } => {
                    let _ = writeln!(s, "> **{}:** {}{}\n", doc.labels.note, md_parts(parts), cite(doc, sources));
                }
                Block::List { items } => {
                    for i in items {
                        let status = match (&i.label, i.status) {
                            (Some(l), Some(_)) => format!("**{l}:** "),
                            _ => String::new(),
                        };
                        let _ = writeln!(s, "- {status}{}{}", md_parts(&i.parts), cite(doc, &i.sources));
                    }
                    s.push('\n');
                }
                Block::Checklist { items } => {
                    for i in items {
                        md_step(&mut s, doc, i);
                    }
                    s.push('\n');
                }
            }
        }
    }
    if !doc.sources.is_empty() {
        let _ = writeln!(s, "## {}\n", doc.sources_heading);
        for (n, r) in doc.sources.iter().enumerate() {
            let date = source_date(r).map(|d| format!(" ({d})")).unwrap_or_default();
            let url = r.url.as_ref().map(|u| format!(" <{u}>")).unwrap_or_default();
            let _ = writeln!(s, "{}. {}{date}.{url}", n + 1, r.title);
        }
    }
    s
}

fn md_step(s: &mut String, doc: &Document, i: &Item) {
    let done = i.status == Some(Status::Done);
    let title = i.title.as_deref().map(md_parts).unwrap_or_default();
    let label = i.label.as_ref().filter(|_| done).map(|l| format!(" ({l})")).unwrap_or_default();
    let _ = writeln!(s, "- [{}] **{title}**{label}  ", if done { "x" } else { " " });
    match &i.place {
        Some(w) => {
            let _ = writeln!(s, "  {}  ", md_parts(&i.parts));
            let _ = writeln!(s, "  *{}:* {}{}", doc.labels.place, md_parts(w), cite(doc, &i.sources));
        }
        None => {
            let _ = writeln!(s, "  {}{}", md_parts(&i.parts), cite(doc, &i.sources));
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTML

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_parts(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text { text } => esc(text),
            Part::Blank { value: Some(v), .. } => esc(v),
            Part::Blank { label, .. } => format!("<mark>[{}]</mark>", esc(label)),
        })
        .collect()
}

fn html_cite(doc: &Document, sources: &[u32]) -> String {
    if !doc.cite || sources.is_empty() {
        return String::new();
    }
    let n: Vec<String> = sources.iter().map(u32::to_string).collect();
    format!(" <sup>[{}]</sup>", n.join(", "))
}

/// The document as a complete HTML file (UTF-8, no scripts, no styles): word processors open
/// it with headings, lists and marked blanks.
pub fn html(doc: &Document) -> String {
    let mut s = String::new();
    let title = html_parts(&doc.title);
    let _ = writeln!(s, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">", doc.lang.code());
    let _ = writeln!(s, "<title>{}</title>\n</head>\n<body>", esc(&super::plain(&doc.title)));
    let _ = writeln!(s, "<h1>{title}</h1>");
    let _ = writeln!(s, "<p>{}<br>\n<em>{}</em></p>", esc(&doc.meta), esc(&doc.disclaimer));
    if let Some(n) = &doc.note {
        let _ = writeln!(s, "<blockquote><p>{}</p></blockquote>", esc(n));
    }
    for sec in &doc.sections {
        let _ = writeln!(s, "<h2>{}</h2>", html_parts(&sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Paragraph { parts, sources } => {
                    let _ = writeln!(s, "<p>{}{}</p>", html_parts(parts), html_cite(doc, sources));
                }
                Block::Note { parts, sources } => {
                    let _ = writeln!(
                        s,
                        "<p><em><strong>{}:</strong> {}</em>{}</p>",
                        esc(&doc.labels.note),
                        html_parts(parts),
                        html_cite(doc, sources)
                    );
                }
                Block::List { items } => {
                    s.push_str("<ul>\n");
                    for i in items {
                        let status = match (&i.label, i.status) {
                            (Some(l), Some(_)) => format!("<strong>{}:</strong> ", esc(l)),
                            _ => String::new(),
                        };
                        let _ = writeln!(s, "<li>{status}{}{}</li>", html_parts(&i.parts), html_cite(doc, &i.sources));
                    }
                    s.push_str("</ul>\n");
                }
                Block::Checklist { items } => {
                    s.push_str("<ul>\n");
                    for i in items {
                        let done = i.status == Some(Status::Done);
                        let title = i.title.as_deref().map(html_parts).unwrap_or_default();
                        let label =
                            i.label.as_ref().filter(|_| done).map(|l| format!(" ({})", esc(l))).unwrap_or_default();
                        let place = i
                            .place
                            .as_ref()
                            .map(|w| format!("<br>\n<em>{}:</em> {}", esc(&doc.labels.place), html_parts(w)))
                            .unwrap_or_default();
                        let _ = writeln!(
                            s,
                            "<li>{} <strong>{title}</strong>{label}<br>\n{}{place}{}</li>",
                            if done { "\u{2611}" } else { "\u{2610}" },
                            html_parts(&i.parts),
                            html_cite(doc, &i.sources)
                        );
                    }
                    s.push_str("</ul>\n");
                }
            }
        }
    }
    if !doc.sources.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>\n<ol>", esc(&doc.sources_heading));
        for r in &doc.sources {
            let date = source_date(r).map(|d| format!(" ({})", esc(d))).unwrap_or_default();
            let url = r.url.as_ref().map(|u| format!(" <a href=\"{0}\">{0}</a>", esc(u))).unwrap_or_default();
            let _ = writeln!(s, "<li>{}{date}.{url}</li>", esc(&r.title));
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// The formats the CLI and the JS API write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

impl Format {
    /// The ids the JS API's `documents()` takes (`from_id` also takes `md`, as the CLI does).
    pub const IDS: [&'static str; 3] = ["json", "markdown", "html"];

    pub fn from_id(id: &str) -> Option<Format> {
        match id {
            "markdown" | "md" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The document in this format.
    pub fn write(self, doc: &Document) -> String {
        match self {
            Format::Markdown => markdown(doc),
            Format::Html => html(doc),
            Format::Json => {
                let mut s = serde_json::to_string_pretty(doc).expect("a document is JSON");
                s.push('\n');
                s
            }
        }
    }

    /// The file extension and media type of a download.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Markdown => ("md", "text/markdown;charset=utf-8"),
            Format::Html => ("html", "text/html;charset=utf-8"),
            Format::Json => ("json", "application/json"),
        }
    }
}
