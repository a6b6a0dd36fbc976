//! How long the Excel export takes, and how large the workbook is, for the sample and the
//! 120-month stress plan (300 staff lines). Goal: the stress plan in under 300 ms. The analysis
//! (forecast, scenarios, checks) is made once beforehand, as the window has it already.

use criterion::{criterion_group, criterion_main, Criterion};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::model::samples;
use mutual_plan::workbook::workbook;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    for (name, plan) in [
        ("sample", samples::riverside().unwrap()),
        ("stress (120 months)", samples::stress_plan().unwrap()),
    ] {
        let analysis = analyse(&plan, &Criteria::bundled());
        let bytes = workbook(&plan, &analysis).unwrap();
        eprintln!("{name}: {} bytes", bytes.len());
        c.bench_function(&format!("export to a workbook: {name}"), |b| {
            b.iter(|| workbook(black_box(&plan), black_box(&analysis)).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
