//! How long the portfolio of a folder of 1,000 plans takes: every file read, analysed (forecast
//! with its scenarios, rules, readiness) and made a row, on all the machine's cores and on one.
//! Goal: under 2 s for 1,000 plans on a two-core laptop.

use criterion::{criterion_group, criterion_main, Criterion};
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::model::plan_file::write_plan;
use mutual_plan::model::samples;
use mutual_plan::model::values::Timestamp;
use mutual_plan::portfolio::portfolio;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const PLANS: usize = 1_000;

/// Writes `PLANS` copies of the sample with varied ids, titles and figures, in ten subfolders.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = samples::riverside().unwrap();
    for i in 0..PLANS {
        let mut p = base.clone();
        p.id = format!("{:032x}", i + 1).parse().unwrap();
        p.title = format!("Plan {i}, a spin-out");
        p.forecast.opening_cash = format!("{}.00", (i % 50) * 5_000).parse().unwrap();
        p.forecast.contracts[0].annual_value = format!("{}.00", 900_000 + (i % 37) * 10_000)
            .parse()
            .unwrap();
        p.revision = 1 + (i % 9) as u32;
        let sub = dir.path().join(format!("team-{}", i % 10));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("plan-{i}.mutualplan")), write_plan(&p)).unwrap();
    }
    dir
}

fn bench(c: &mut Criterion) {
    let dir = folder();
    let roots = [PathBuf::from(dir.path())];
    let criteria = Criteria::bundled();
    let now = Timestamp::now();
    let rows = portfolio(&roots, &criteria, now);
    assert_eq!(rows.len(), PLANS);
    assert!(rows.iter().all(|r| r.error.is_none()));

    let mut g = c.benchmark_group("portfolio of 1,000 plans");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    let cores = rayon::current_num_threads();
    g.bench_function(format!("{cores} threads"), |b| {
        b.iter(|| portfolio(black_box(&roots), &criteria, now))
    });
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    g.bench_function("1 thread", |b| {
        b.iter(|| one.install(|| portfolio(black_box(&roots), &criteria, now)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
