//! `assess`: the command-line front-end. Reads answers as JSON on stdin, prints the
//! assessment (JSON by default, or a Markdown report). Bad input: exit code 2 and one line
//! on stderr naming the problem.
use std::io::Read;
use std::process::ExitCode;

use engine::{assess, parse_answers, report, schema, Catalog, Lang};

const HELP: &str = "\
assess: judge a business's messenger use under the GDPR (messenger-check)

USAGE:
    assess [--lang de|en] [--format json|markdown] < answers.json
    assess --document policy|consent|record|checklist [--lang de|en]
           [--format markdown|html|json] [--blank ID=TEXT]... < answers.json
    assess --schema answers|assessment
    assess --catalog

Reads answers as a JSON object on stdin: question id to option id, or a list of option
ids for multi questions, e.g.
    {\"sector\": \"trade\", \"audience\": [\"customers\"], \"messenger\": \"whatsapp\"}
Missing questions count as not answered. Prints the assessment as JSON (the contract in
shared/domain/contract.md) or as a Markdown report.

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
    --schema answers|assessment
                              print the JSON Schema of the answers or the assessment
    --catalog                 print the question and option ids with their German and
                              English texts
    -h, --help                print this help

EXIT CODES:
    0 success, 2 bad input or bad arguments (one line on stderr says what).

This informs; it is not legal advice.";

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("assess: {msg}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut lang = Lang::De;
    let mut format: Option<String> = None;
    let mut document: Option<engine::documents::DocId> = None;
    let mut blanks = engine::documents::Blanks::default();
    let mut args = std::env::args().skip(1);
    let catalog = Catalog::embedded();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value =
            |what: &str| inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value ({what})"));
        match name.as_str() {
            "-h" | "--help" => {
                let ids: Vec<&str> = catalog.templates.blank_labels(Lang::En).into_iter().map(|(id, _)| id).collect();
                println!("{}", HELP.replace("BLANKS", &ids.join(", ")));
                return ExitCode::SUCCESS;
            }
            "--lang" => match value("de or en") {
                Ok(v) => match Lang::from_code(&v) {
                    Some(l) => lang = l,
                    None => return fail(format!("unknown language `{v}` (use {})", Lang::codes_or())),
                },
                Err(e) => return fail(e),
            },
            "--format" => match value("json, markdown or html") {
                Ok(v) => format = Some(v),
                Err(e) => return fail(e),
            },
            "--document" => match value(engine::documents::DocId::ids_or()) {
                Ok(v) => match engine::documents::DocId::from_id(&v) {
                    Some(d) => document = Some(d),
                    None => {
                        return fail(format!("unknown document `{v}` (use {})", engine::documents::DocId::ids_or()))
                    }
                },
                Err(e) => return fail(e),
            },
            "--blank" => match value("ID=TEXT").map(|v| v.split_once('=').map(|(k, t)| (k.to_string(), t.to_string())))
            {
                Ok(Some((k, t))) => {
                    blanks.0.insert(k, t);
                }
                Ok(None) => return fail("--blank needs ID=TEXT, e.g. company=Müller GmbH"),
                Err(e) => return fail(e),
            },
            "--schema" => {
                let s = match value("answers or assessment").as_deref() {
                    Ok("answers") => schema::answers_schema(catalog),
                    Ok("assessment") => schema::assessment_schema(),
                    Ok(v) => return fail(format!("unknown schema `{v}` (use answers or assessment)")),
                    Err(e) => return fail(e),
                };
                println!("{}", serde_json::to_string_pretty(&s).expect("JSON"));
                return ExitCode::SUCCESS;
            }
            "--catalog" => {
                for q in &catalog.questions {
                    println!("{}{}: {} / {}", q.id, if q.multi { " (multi)" } else { "" }, q.title.de, q.title.en);
                    for o in &q.options {
                        println!("    {}: {} / {}", o.id, o.label.de, o.label.en);
                    }
                }
                return ExitCode::SUCCESS;
            }
            _ => return fail(format!("unknown argument `{arg}` (see --help)")),
        }
    }
    // A template (--document), or the assessment as JSON or Markdown.
    use engine::documents::render::Format;
    let document = match (document, format.as_deref()) {
        (Some(id), None) => Some((id, Format::Markdown)),
        (Some(id), Some(v)) => match Format::from_id(v) {
            Some(f) => Some((id, f)),
            None => return fail(format!("unknown format `{v}` (use markdown, html or json)")),
        },
        (None, Some("json" | "markdown" | "md") | None) => None,
        (None, Some(v)) => {
            return fail(format!("unknown format `{v}` (use json or markdown; html only with --document)"))
        }
    };
    let markdown = matches!(format.as_deref(), Some("markdown" | "md"));
    if document.is_none() && !blanks.0.is_empty() {
        return fail("--blank only works with --document");
    }
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        return fail(format!("cannot read stdin: {e}"));
    }
    let answers = match parse_answers(&input, catalog) {
        Ok(a) => a,
        Err(e) => return fail(e),
    };
    if let Some((id, f)) = document {
        return match engine::documents::document(id, &answers, catalog, lang, &blanks) {
            Ok(doc) => {
                print!("{}", f.write(&doc));
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        };
    }
    let assessment = match assess(&answers, catalog, lang) {
        Ok(a) => a,
        Err(e) => return fail(e),
    };
    if markdown {
        print!("{}", report::markdown(&assessment, &answers, catalog));
    } else {
        println!("{}", serde_json::to_string_pretty(&assessment).expect("an assessment is JSON"));
    }
    ExitCode::SUCCESS
}
