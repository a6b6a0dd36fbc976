//! The core's share of a keystroke in the window, for the sample and the stress plan (120
//! months, 100 contracts, 300 staff lines): what the shell does between receiving the edited plan
//! and sending its answer. `one round trip` reads the plan from the page's JSON text once and
//! computes the analysis and the Forecast view from one forecast run (`show::edited`); `two calls`
//! is how it was done before: the plan read from a JSON value (written out again and read by the
//! strict reader) once for the check and once more for the Forecast view, which ran the forecast
//! and its scenarios a second time.

use criterion::{criterion_group, criterion_main, Criterion};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::model::plan::Plan;
use mutual_plan::model::plan_file::{fingerprint, plan_from_value, read_plan};
use mutual_plan::model::samples;
use mutual_plan::show::analysis_view::AnalysisView;
use mutual_plan::show::edited::edited;
use mutual_plan::show::forecast_view::forecast_view;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let criteria = Criteria::bundled();
    let plans: [(&str, Plan); 2] = [
        ("sample", samples::riverside().unwrap()),
        ("stress", samples::stress_plan().unwrap()),
    ];
    for (name, plan) in &plans {
        let text = serde_json::to_string(plan).unwrap();
        c.bench_function(&format!("{name}: one round trip"), |b| {
            b.iter(|| {
                let plan = read_plan(black_box(text.as_bytes())).unwrap().plan;
                let answer = edited(&plan, &criteria, true, 0);
                serde_json::to_string(&answer).unwrap()
            })
        });
        c.bench_function(&format!("{name}: two calls"), |b| {
            b.iter(|| {
                let value: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap();
                let plan = plan_from_value(&value).unwrap();
                let check = AnalysisView::new(&plan, &analyse(&plan, &criteria), &criteria.policy);
                let one = serde_json::to_string(&(fingerprint(&plan), check)).unwrap();
                let value: serde_json::Value = serde_json::from_str(&text).unwrap();
                let plan = plan_from_value(&value).unwrap();
                let two = serde_json::to_string(&forecast_view(&plan).unwrap()).unwrap();
                (one, two)
            })
        });
        c.bench_function(&format!("{name}: read the plan"), |b| {
            b.iter(|| read_plan(black_box(text.as_bytes())).unwrap())
        });
        let p = read_plan(text.as_bytes()).unwrap().plan;
        c.bench_function(&format!("{name}: analyse"), |b| {
            b.iter(|| analyse(black_box(&p), &criteria))
        });
        c.bench_function(&format!("{name}: answer as JSON"), |b| {
            let answer = edited(&p, &criteria, true, 0);
            b.iter(|| serde_json::to_string(black_box(&answer)).unwrap())
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
