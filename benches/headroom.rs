//! How long headroom takes: every lever against every test, and each year's break-even, for the
//! sample and the 120-month stress plan. Goals: the sample under 30 ms, the stress plan under 1 s.
//! Before measuring, it prints the forecasts each lever ran and each search asked for.

use criterion::{criterion_group, criterion_main, Criterion};
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::forecast::forecast;
use mutual_plan::forecast::headroom::{break_even, headroom};
use mutual_plan::model::samples;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let t = Criteria::bundled().headroom_thresholds();
    // The stress plan (300 staff lines on the sample's contracts) fails every test as it
    // stands, so every search stops at once; "paid for", its contracts are worth as much more as
    // it has more staff than the sample, so that the searches run in full.
    let staff = samples::riverside().unwrap().forecast.staff.len();
    let mut funded = samples::stress_plan().unwrap();
    let scale = rust_decimal::Decimal::from(funded.forecast.staff.len() / staff);
    for c in &mut funded.forecast.contracts {
        c.annual_value =
            mutual_plan::model::values::Money::new(c.annual_value.get() * scale).unwrap();
    }
    for (name, plan) in [
        ("sample", samples::riverside().unwrap()),
        ("stress (120 months)", samples::stress_plan().unwrap()),
        ("stress (120 months), paid for", funded),
    ] {
        let base = forecast(&plan).unwrap();
        let h = headroom(&plan, &base, &t).unwrap();
        let failing: Vec<&str> = h
            .results
            .iter()
            .filter(|r| {
                r.lever == mutual_plan::forecast::headroom::Lever::PriceCut && !r.base.holds
            })
            .map(|r| r.test.key())
            .collect();
        eprintln!("{name}: tests failed as it stands: {failing:?}");
        let runs: Vec<String> = h
            .forecasts_by_lever
            .iter()
            .map(|(l, n)| format!("{} {n}", l.key()))
            .collect();
        let asked: Vec<String> = h
            .results
            .iter()
            .map(|r| format!("{}/{} {}", r.lever.key(), r.test.key(), r.forecasts))
            .collect();
        eprintln!("{name}: forecasts run by lever: {}", runs.join(", "));
        eprintln!(
            "{name}: forecasts asked by each search: {}",
            asked.join(", ")
        );
        c.bench_function(&format!("{name}: headroom, all levers and tests"), |b| {
            b.iter(|| headroom(black_box(&plan), &base, &t).unwrap())
        });
        c.bench_function(&format!("{name}: break-even, every year"), |b| {
            b.iter(|| break_even(black_box(&plan), &base).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
