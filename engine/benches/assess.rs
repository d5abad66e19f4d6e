//! Criterion benchmarks of the engine: a full assessment (with what-ifs, measures and
//! alternatives), a partial one (where the range search does real work), and scoring alone.
use criterion::{criterion_group, criterion_main, Criterion};
use engine::{assess, parse_answers, score, Catalog, Lang};
use std::hint::black_box;

const FULL: &str = r#"{"sector":"trade","audience":["customers","internal"],"broadcast":"yes","messenger":"whatsapp",
 "dpa":"no","device":"private_phone","contact_access":"granted","address_book":"mixed","first_contact":"business",
 "consent":"none","content":["appointments","business_letters","personal_data"],"chat_backup":"cloud",
 "media_autosave":"on","archiving":"none","usage_policy":"none","works_council":"no_agreement","hosting":"managed","budget":"small_fee"}"#;
const PARTIAL: &str = r#"{"sector":"health","audience":["customers"]}"#;
/// A few answers that lower the maximum (so the search must prove a maximum below 100) while
/// the messenger is still open: the hardest case for the range search.
const SPARSE: &str = r#"{"archiving":"archived","usage_policy":"written","works_council":"none"}"#;

fn bench(c: &mut Criterion) {
    let cat = Catalog::embedded();
    let full = parse_answers(FULL, cat).unwrap();
    let partial = parse_answers(PARTIAL, cat).unwrap();
    let empty = parse_answers("{}", cat).unwrap();
    let sparse = parse_answers(SPARSE, cat).unwrap();
    c.bench_function("assess_full", |b| b.iter(|| assess(black_box(&full), cat, Lang::De).unwrap()));
    c.bench_function("assess_partial", |b| b.iter(|| assess(black_box(&partial), cat, Lang::De).unwrap()));
    c.bench_function("assess_empty", |b| b.iter(|| assess(black_box(&empty), cat, Lang::De).unwrap()));
    c.bench_function("assess_sparse", |b| b.iter(|| assess(black_box(&sparse), cat, Lang::De).unwrap()));
    c.bench_function("score_full", |b| b.iter(|| score(black_box(&full), cat).unwrap()));
    c.bench_function("parse_and_assess_full_json", |b| {
        b.iter(|| {
            let a = parse_answers(black_box(FULL), cat).unwrap();
            serde_json::to_string(&assess(&a, cat, Lang::De).unwrap()).unwrap()
        })
    });
}

criterion_group!(benches, bench);

fn bench_load(c: &mut Criterion) {
    c.bench_function("catalog_load", |b| {
        b.iter(|| Catalog::from_files(black_box(&engine::catalog::EMBEDDED_FILES)).unwrap())
    });
}

criterion_group!(load, bench_load);
criterion_main!(benches, load);
