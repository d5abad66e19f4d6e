//! `assess`: the command-line front-end. Reads answers as JSON on stdin, prints the
//! assessment (JSON by default, or a Markdown report), or with `--document` one of the
//! templates filled from the answers. Bad input: exit code 2 and one line on stderr naming the
//! problem.
use std::io::{Read, Write};
use std::process::ExitCode;

use engine::documents::{self, render::Format, Blanks, DocId};
use engine::{assess, parse_answers, report, schema, Catalog, Lang};

const HELP: &str = "\
assess: judge a business's messenger use under the GDPR (messenger-check)

USAGE:
    assess [--lang de|en] [--format json|markdown] < answers.json
    assess --document policy|consent|record|checklist [--lang de|en]
           [--format markdown|html|json] [--blank ID=TEXT]... < answers.json
    assess --schema answers|assessment|document|typescript|text-keys
    assess --catalog

Reads answers as a JSON object on stdin: question id to option id, or a list of option
ids for multi questions, e.g.
    {\"sector\": \"trade\", \"audience\": [\"customers\"], \"messenger\": \"whatsapp\"}
Missing questions count as not answered. Prints the assessment as JSON (the contract in
docs/contract.md of the messenger-check repository; `--schema assessment` prints its JSON
Schema) or as a Markdown report.

OPTIONS:
    --lang de|en              language of the texts (default: de)
    --format json|markdown    output format (default: json)
    --document policy|consent|record|checklist
                              print a template filled from the answers instead: usage
                              rules for staff, consent and privacy information for
                              customers, an entry for the record of processing
                              activities, the setup checklist (Markdown by default)
    --blank ID=TEXT           fill a marked blank of the template, e.g.
                              --blank company=\"Müller GmbH\"; ids: BLANKS
    --schema answers|assessment|document|typescript|text-keys
                              print the JSON Schema of the answers, the assessment or
                              a template (--document ... --format json), the npm
                              package's TypeScript types of them (contract.d.ts), or
                              the text keys embedders can override (docs/text-keys.md)
    --catalog                 print the question and option ids with their German and
                              English texts
    -h, --help                print this help

EXIT CODES:
    0 success, 2 bad input or bad arguments (one line on stderr says what).

This informs; it is not legal advice.";

/// The long flags, for suggesting one when a flag is misspelt.
const FLAGS: [&str; 7] = ["lang", "format", "document", "blank", "schema", "catalog", "help"];

enum Task {
    Assess { lang: Lang, markdown: bool },
    Document { id: DocId, lang: Lang, format: Format, blanks: Blanks },
    Schema(String),
    Catalog,
    Help,
}

/// A bad command line or bad input: one line on stderr (see `main`), exit code 2.
struct Fail(String);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Fail {
        Fail(e.to_string())
    }
}

fn main() -> ExitCode {
    let out = match run() {
        Ok(out) => out,
        Err(Fail(msg)) => {
            // One line, whatever the input held: control characters (terminal escape codes,
            // line breaks) written out, and cut (long enough for a template's refusal, a few
            // sentences of the catalog in the language asked for).
            eprintln!("assess: {}", engine::limits::one_line(&msg, 600));
            return ExitCode::from(2);
        }
    };
    // A reader that stops early (`| head`) is not an error worth a panic.
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("assess: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What to print, or why not.
fn run() -> Result<String, Fail> {
    let catalog = Catalog::embedded();
    match parse_args()? {
        Task::Help => {
            let ids: Vec<&str> = catalog.templates().blank_labels(Lang::En).into_iter().map(|(id, _)| id).collect();
            Ok(format!("{}\n", HELP.replace("BLANKS", &ids.join(", "))))
        }
        Task::Schema(which) => {
            let s = match which.as_str() {
                "answers" => schema::answers_schema(catalog),
                "assessment" => schema::assessment_schema(),
                "document" => schema::document_schema(),
                // The npm package's TypeScript types, not a JSON Schema.
                "typescript" => return Ok(schema::typescript(catalog)),
                // The overridable texts as a Markdown table.
                "text-keys" => return Ok(schema::text_keys_markdown(catalog)),
                _ => {
                    return Err(Fail(format!(
                        "unknown schema `{which}` (use answers, assessment, document, typescript or text-keys)"
                    )))
                }
            };
            Ok(format!("{}\n", serde_json::to_string_pretty(&s)?))
        }
        Task::Catalog => {
            let mut out = String::new();
            for q in catalog.questions() {
                let multi = if q.multi { " (multi)" } else { "" };
                out += &format!("{}{multi}: {} / {}\n", q.id, q.title.de, q.title.en);
                for o in q.options.iter() {
                    out += &format!("    {}: {} / {}\n", o.id, o.label.de, o.label.en);
                }
            }
            Ok(out)
        }
        Task::Document { id, lang, format, blanks } => {
            let answers = parse_answers(&stdin()?, catalog)?;
            Ok(format.write(&documents::document(id, &answers, catalog, lang, &blanks)?))
        }
        Task::Assess { lang, markdown } => {
            let answers = parse_answers(&stdin()?, catalog)?;
            let assessment = assess(&answers, catalog, lang)?;
            Ok(if markdown {
                report::markdown(&assessment, &answers, catalog)
            } else {
                format!("{}\n", serde_json::to_string_pretty(&assessment)?)
            })
        }
    }
}

fn stdin() -> Result<String, Fail> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| Fail(format!("cannot read stdin: {e}")))?;
    Ok(input)
}

fn parse_args() -> Result<Task, Fail> {
    use lexopt::prelude::*;
    let mut lang = Lang::default();
    let mut format: Option<String> = None;
    let mut document: Option<DocId> = None;
    let mut blanks = Blanks::default();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Task::Help),
            Long("lang") => {
                let v = parser.value()?.string()?;
                lang = Lang::from_code(&v)
                    .ok_or_else(|| Fail(format!("unknown language `{v}` (use {})", Lang::codes_or())))?;
            }
            // Checked below: which formats there are depends on --document.
            Long("format") => format = Some(parser.value()?.string()?),
            Long("document") => {
                let v = parser.value()?.string()?;
                let id = DocId::from_id(&v)
                    .ok_or_else(|| Fail(format!("unknown document `{v}` (use {})", DocId::ids_or())))?;
                document = Some(id);
            }
            Long("blank") => {
                let v = parser.value()?.string()?;
                let (id, text) =
                    v.split_once('=').ok_or_else(|| Fail("--blank needs ID=TEXT, e.g. company=Müller GmbH".into()))?;
                blanks.0.insert(id.to_string(), text.to_string());
            }
            Long("schema") => return Ok(Task::Schema(parser.value()?.string()?)),
            Long("catalog") => return Ok(Task::Catalog),
            Long(flag) => {
                let hint = suggest(flag).map(|s| format!("; did you mean --{s}?")).unwrap_or_default();
                return Err(Fail(format!("unknown flag `--{flag}`{hint} (see --help)")));
            }
            other => return Err(Fail(format!("{} (see --help)", other.unexpected()))),
        }
    }
    match (document, format.as_deref()) {
        (Some(id), f) => {
            let format = match f {
                None => Format::Markdown,
                Some(v) => Format::from_id(v)
                    .ok_or_else(|| Fail(format!("unknown format `{v}` (use markdown, html or json)")))?,
            };
            Ok(Task::Document { id, lang, format, blanks })
        }
        (None, _) if !blanks.0.is_empty() => Err(Fail("--blank only works with --document".into())),
        (None, None | Some("json")) => Ok(Task::Assess { lang, markdown: false }),
        (None, Some("markdown" | "md")) => Ok(Task::Assess { lang, markdown: true }),
        (None, Some(v)) => Err(Fail(format!("unknown format `{v}` (use json or markdown; html only with --document)"))),
    }
}

/// The known flag closest to a misspelt one, if it is close enough (at most two edits).
fn suggest(flag: &str) -> Option<&'static str> {
    FLAGS.iter().map(|f| (edit_distance(flag, f), *f)).filter(|(d, _)| *d <= 2).min().map(|(_, f)| f)
}

/// Levenshtein distance, for the few short flags above.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
