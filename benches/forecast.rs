//! How long the forecast takes: the sample plan, and generated large plans at several sizes.
//! Goals (version 3's model, with payroll deductions per person, VAT, facilities and the balance
//! sheet): sample base + six scenarios at most 1.5 ms; the large plan (120 months, 100 contracts,
//! 300 staff lines, 300 cost lines, 20 loans) at most 60 ms.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mutual_plan::forecast::{forecast, scenarios};
use mutual_plan::model::plan::Plan;
use mutual_plan::model::samples;
use mutual_plan::model::values::ItemId;
use std::hint::black_box;

/// The sample scaled up: `months` months and `scale` × (1 contract, 3 staff lines, 3 cost lines)
/// plus `scale / 5` loans, each a copy of a sample line with a fresh id.
fn large_plan(months: u32, contracts: usize, staff: usize, costs: usize, loans: usize) -> Plan {
    let mut p = samples::riverside().unwrap();
    let f = &mut p.forecast;
    f.months = months;
    let id = |prefix: &str, i: usize| -> ItemId { format!("{prefix}-{i}").parse().unwrap() };
    let c0 = f.contracts.clone();
    f.contracts = (0..contracts)
        .map(|i| {
            let mut c = c0[i % c0.len()].clone();
            c.id = id("c", i);
            c.commissioner = format!("Commissioner {}", i % 7);
            c
        })
        .collect();
    let s0 = f.staff.clone();
    f.staff = (0..staff)
        .map(|i| {
            let mut s = s0[i % s0.len()].clone();
            s.id = id("s", i);
            s
        })
        .collect();
    let k0 = f.costs.clone();
    f.costs = (0..costs)
        .map(|i| {
            let mut k = k0[i % k0.len()].clone();
            k.id = id("k", i);
            k
        })
        .collect();
    let l0 = f.loans[0].clone();
    f.loans = (0..loans)
        .map(|i| {
            let mut l = l0.clone();
            l.id = id("l", i);
            l
        })
        .collect();
    p
}

fn bench(c: &mut Criterion) {
    let sample = samples::riverside().unwrap();
    c.bench_function("sample: base + 6 scenarios", |b| {
        b.iter(|| scenarios::run_all(black_box(&sample)).unwrap())
    });
    c.bench_function("sample: base only", |b| {
        b.iter(|| forecast(black_box(&sample)).unwrap())
    });

    let large = large_plan(120, 100, 300, 300, 20);
    c.bench_function("large (120 months, 720 lines): base + 6 scenarios", |b| {
        b.iter(|| scenarios::run_all(black_box(&large)).unwrap())
    });

    // Growth with months × lines: base forecast only.
    let mut g = c.benchmark_group("base forecast by months × lines");
    for months in [24u32, 60, 120] {
        for scale in [1usize, 4] {
            let p = large_plan(months, 25 * scale, 75 * scale, 75 * scale, 5 * scale);
            let lines = 180 * scale;
            g.bench_with_input(
                BenchmarkId::new(format!("{months} months"), format!("{lines} lines")),
                &p,
                |b, p| b.iter(|| forecast(black_box(p)).unwrap()),
            );
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
