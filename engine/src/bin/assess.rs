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
    let mut markdown = false;
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
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--lang" => match value("de or en") {
                Ok(v) => match Lang::from_code(&v) {
                    Some(l) => lang = l,
                    None => return fail(format!("unknown language `{v}` (use {})", Lang::codes_or())),
                },
                Err(e) => return fail(e),
            },
            "--format" => match value("json or markdown") {
                Ok(v) => match v.as_str() {
                    "json" => markdown = false,
                    "markdown" | "md" => markdown = true,
                    _ => return fail(format!("unknown format `{v}` (use json or markdown)")),
                },
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
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        return fail(format!("cannot read stdin: {e}"));
    }
    let answers = match parse_answers(&input, catalog) {
        Ok(a) => a,
        Err(e) => return fail(e),
    };
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
