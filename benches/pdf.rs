//! How long the printed submission takes, analysis included. Goals: the sample at most 25 ms; the
//! 120-month stress plan (long narrative, 100 risks, 300 staff lines) under 500 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::model::samples;
use mutual_plan::pdf::render;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let criteria = Criteria::bundled();
    for (name, plan) in [
        ("sample", samples::riverside().unwrap()),
        ("stress (120 months)", samples::stress_plan().unwrap()),
    ] {
        let analysis = analyse(&plan, &criteria);
        let bytes = render(&plan, &analysis).unwrap();
        eprintln!("{name}: {} bytes", bytes.len());
        c.bench_function(&format!("pdf: {name}, analysis and render"), |b| {
            b.iter(|| render(black_box(&plan), &analyse(black_box(&plan), &criteria)).unwrap())
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
