//! Headroom and break-even: every limit the search reports is checked by working the forecast out
//! at that change and one step beyond, on the sample and on generated plans; the CLI's JSON says
//! the same; break-even is checked by scaling the year's contract income in the forecast.

use crate::common::{cli, sample, text};
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::forecast::headroom::{
    break_even, forecast_at, headroom, max_forecasts, read, steps, BreakEvenOutcome, Headroom,
    Lever, Outcome, Test, Thresholds,
};
use mutual_plan::forecast::{forecast, Forecast};
use mutual_plan::model::plan::{CostFrequency, Plan, RenewalAssumption};
use mutual_plan::model::values::{Money, Percent};
use mutual_plan::show::headroom::{report, thresholds};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Checks every result against the forecast itself: the limit holds, one step beyond fails, the
/// end of the range holds where the search says so, and no search asked for more forecasts than
/// its bound.
fn verify(plan: &Plan, base: &Forecast, t: &Thresholds, h: &Headroom) {
    assert_eq!(h.results.len(), Lever::ALL.len() * Test::ALL.len());
    for r in &h.results {
        let n_steps = steps(plan, base, r.lever);
        let what = format!("{} / {}", r.lever.key(), r.test.key());
        assert_eq!(r.base, read(base, r.test, t), "{what}: base");
        assert!(
            r.forecasts <= max_forecasts(n_steps),
            "{what}: {} forecasts over {n_steps} steps, more than {}",
            r.forecasts,
            max_forecasts(n_steps)
        );
        let at = |change: Decimal| {
            let n = u32::try_from((change / r.lever.step()).trunc().mantissa()).unwrap();
            assert_eq!(r.lever.change(n), change, "{what}: a whole number of steps");
            read(&forecast_at(plan, base, r.lever, n).unwrap(), r.test, t)
        };
        match &r.outcome {
            Outcome::Limit { at: a, beyond } => {
                assert!(r.base.holds, "{what}");
                assert_eq!(beyond.change, a.change + r.lever.step(), "{what}: one step");
                assert!(beyond.change <= r.range_end, "{what}");
                let held = at(a.change);
                let failed = at(beyond.change);
                assert!(held.holds, "{what}: holds at {}", a.change);
                assert!(!failed.holds, "{what}: fails at {}", beyond.change);
                assert_eq!(held, a.reading, "{what}");
                assert_eq!(failed, beyond.reading, "{what}");
            }
            Outcome::HoldsAcrossRange { end } => {
                assert_eq!(end.change, r.range_end, "{what}");
                assert!(at(r.range_end).holds, "{what}: holds at the range's end");
            }
            Outcome::FailsWithoutChange => assert!(!r.base.holds, "{what}"),
            Outcome::NotApplicable => assert_eq!(n_steps, 0, "{what}"),
        }
    }
}

#[test]
fn every_limit_of_the_sample_holds_and_one_step_beyond_fails() {
    let p = sample();
    let base = forecast(&p).unwrap();
    let t = thresholds(&Criteria::bundled());
    let h = headroom(&p, &base, &t).unwrap();
    verify(&p, &base, &t, &h);
    // The sample has room on cash for every lever but late payment, whose first day past its
    // 30-day terms moves a month of receipts (ceil(days / 30) months, `docs/cashflow.md`).
    let limit = |lever: Lever, test: Test| {
        h.results
            .iter()
            .find(|r| r.lever == lever && r.test == test)
            .map(|r| match &r.outcome {
                Outcome::Limit { at, .. } => Some(at.change),
                _ => None,
            })
            .unwrap()
    };
    let cut = limit(Lever::PriceCut, Test::Cash).unwrap();
    assert!(cut > dec("5") && cut < dec("100"), "{cut}");
    // S2 cuts 5%: the sample survives it on cash, as its scenario shows.
    assert_eq!(limit(Lever::PaymentDelay, Test::Cash), Some(Decimal::ZERO));
    // The sample fails the free-reserves test as it stands (R3 is amber): nothing has room.
    assert!(h
        .results
        .iter()
        .filter(|r| r.test == Test::FreeReserves)
        .all(|r| r.outcome == Outcome::FailsWithoutChange));
}

#[test]
fn a_lever_with_nothing_to_change_says_so_and_one_that_cannot_break_a_test_says_that() {
    let mut p = sample();
    p.forecast
        .costs
        .retain(|c| c.frequency != CostFrequency::OneOff);
    for c in &mut p.forecast.contracts {
        c.pbr = None;
    }
    let base = forecast(&p).unwrap();
    let t = thresholds(&Criteria::bundled());
    let h = headroom(&p, &base, &t).unwrap();
    verify(&p, &base, &t, &h);
    for r in &h.results {
        if matches!(r.lever, Lever::OneOffOverrun | Lever::PbrAchievement) {
            assert_eq!(r.outcome, Outcome::NotApplicable, "{}", r.lever.key());
        }
    }
    let words = report(&p, &base, &Criteria::bundled()).unwrap().to_text();
    assert!(words.contains("No contract is paid by results."), "{words}");
    assert!(words.contains("The plan has no one-off cost."), "{words}");
    // A plan with far more income than costs cannot be broken by late payment within a year.
    let mut rich = sample();
    rich.forecast.opening_cash = Money::new(dec("50000000")).unwrap();
    let base = forecast(&rich).unwrap();
    let h = headroom(&rich, &base, &t).unwrap();
    verify(&rich, &base, &t, &h);
    let late = h
        .results
        .iter()
        .find(|r| r.lever == Lever::PaymentDelay && r.test == Test::Cash)
        .unwrap();
    assert!(
        matches!(late.outcome, Outcome::HoldsAcrossRange { .. }),
        "{:?}",
        late.outcome
    );
}

#[test]
fn the_largest_contract_ending_early_is_its_last_month_of_service_with_its_staff_gone() {
    let p = sample();
    let base = forecast(&p).unwrap();
    let t = thresholds(&Criteria::bundled());
    let h = headroom(&p, &base, &t).unwrap();
    let r = h
        .results
        .iter()
        .find(|r| r.lever == Lever::LargestContractEnds && r.test == Test::Cash)
        .unwrap();
    let Outcome::Limit { at, beyond } = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    let last = base.months.last().unwrap().month;
    let c = &p.forecast.contracts[0];
    assert_eq!(c.renewal.assumption, RenewalAssumption::Renewed);
    let n = i64::try_from(at.change.mantissa()).unwrap();
    assert_eq!(at.last_month, last.plus(-n));
    assert_eq!(beyond.last_month, last.plus(-n - 1));
    // At the change beyond, the contract earns nothing after its last month.
    let f = forecast_at(&p, &base, r.lever, u32::try_from(n + 1).unwrap()).unwrap();
    let key = format!("contract:{}", c.id);
    let after = beyond.last_month.unwrap();
    for row in f.months.iter().filter(|m| m.month > after.plus(6).unwrap()) {
        assert!(
            row.lines
                .iter()
                .all(|(k, v)| k.to_string() != key || v.is_zero()),
            "{} still receives from the contract",
            row.month
        );
    }
}

#[test]
fn break_even_is_the_contract_income_where_the_years_surplus_after_tax_turns_negative() {
    let p = sample();
    let base = forecast(&p).unwrap();
    let years = break_even(&p, &base).unwrap();
    assert_eq!(years.len(), base.years.len());
    for (b, y) in years.iter().zip(&base.years) {
        assert_eq!(b.contract_income, y.contract_income);
        let BreakEvenOutcome::Found {
            income,
            surplus_after_tax,
            below_surplus_after_tax,
            margin,
            margin_percent,
        } = &b.outcome
        else {
            panic!("year {}: {:?}", b.year, b.outcome)
        };
        assert!(*surplus_after_tax >= Decimal::ZERO, "year {}", b.year);
        assert!(*below_surplus_after_tax < Decimal::ZERO, "year {}", b.year);
        assert_eq!(*margin, y.contract_income - income);
        assert_eq!(
            *margin_percent,
            (*margin / y.contract_income * Decimal::ONE_HUNDRED).round_dp(2)
        );
        // The sample makes a surplus every year, so the margin is positive. It is the year's
        // surplus before tax where no cost moves with income, and less where one does: in year 1
        // less income draws on the overdraft, whose interest and fees the search counts.
        assert!(*margin > Decimal::ZERO);
        assert!(*margin <= y.surplus + Decimal::ONE, "year {}", b.year);
        assert!(*margin > y.surplus * dec("0.9"), "year {}", b.year);
        if b.year > 1 {
            assert!(
                (*margin - y.surplus).abs() < Decimal::ONE,
                "year {}",
                b.year
            );
        }
    }
}

#[test]
fn the_cli_gives_one_object_per_lever_and_test_and_each_years_break_even() {
    let path = "assets/samples/riverside.mutualplan";
    let out = cli(&["headroom", path, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = sample();
    let base = forecast(&p).unwrap();
    let h = headroom(&p, &base, &thresholds(&Criteria::bundled())).unwrap();
    let rows = v["headroom"].as_array().unwrap();
    assert_eq!(rows.len(), 21);
    for (row, r) in rows.iter().zip(&h.results) {
        assert_eq!(row["lever"], r.lever.key());
        assert_eq!(row["test"], r.test.key());
        for key in [
            "unit",
            "step",
            "limit",
            "reason",
            "at_limit",
            "beyond",
            "forecasts",
        ] {
            assert!(row.get(key).is_some(), "{key}");
        }
        match &r.outcome {
            Outcome::Limit { at, beyond } => {
                assert_eq!(row["limit"], at.change.normalize().to_string());
                assert_eq!(row["reason"], serde_json::Value::Null);
                assert_eq!(
                    row["beyond"]["change"],
                    beyond.change.normalize().to_string()
                );
                assert_eq!(row["at_limit"]["holds"], true);
                assert_eq!(row["beyond"]["holds"], false);
            }
            Outcome::FailsWithoutChange => {
                assert_eq!(row["limit"], serde_json::Value::Null);
                assert_eq!(row["reason"], "fails_without_change");
            }
            Outcome::HoldsAcrossRange { .. } => assert_eq!(row["reason"], "holds_across_range"),
            Outcome::NotApplicable => assert_eq!(row["reason"], "not_applicable"),
        }
    }
    let cash_cut = &rows[0];
    assert_eq!(cash_cut["unit"], "percent");
    assert_eq!(cash_cut["step"], "0.01");
    assert_eq!(rows[9]["lever"], "payment_delay");
    assert_eq!(rows[9]["unit"], "days");
    assert_eq!(rows[9]["step"], "1");
    let years = v["break_even"].as_array().unwrap();
    assert_eq!(years.len(), base.years.len());
    assert_eq!(
        years[0]["contract_income"],
        format!("{:.2}", base.years[0].contract_income)
    );
    let words = cli(&["headroom", path]);
    assert!(words.status.success());
    let words = text(&words.stdout);
    assert!(
        words.contains("Contract prices can be cut by up to "),
        "{words}"
    );
    assert!(words.contains("Break-even"), "{words}");
}

prop_compose! {
    /// The sample with its scale, terms, pay, costs, loan and length changed.
    fn varied()(
        months in 24u32..=60,
        value in 70u32..=140,
        terms in prop::sample::select(vec![0u32, 14, 30, 45, 60, 90]),
        award in 0u32..=600,
        one_off in 0u64..=200_000,
        opening in 0u64..=800_000,
        facility in any::<bool>(),
        renewed in any::<bool>(),
    ) -> Plan {
        let mut p = sample();
        let f = &mut p.forecast;
        f.months = months;
        for c in &mut f.contracts {
            let v = c.annual_value.get() * Decimal::from(value) / Decimal::ONE_HUNDRED;
            c.annual_value = Money::new(v.round_dp(2)).unwrap();
            c.payment_terms_days = terms;
            c.renewal.assumption = if renewed { RenewalAssumption::Renewed } else { RenewalAssumption::Ends };
        }
        f.settings.pay_award_percent = Percent::new(Decimal::new(i64::from(award), 2)).unwrap();
        if let Some(c) = f.costs.iter_mut().find(|c| c.frequency == CostFrequency::OneOff) {
            c.amount = Money::new(Decimal::from(one_off)).unwrap();
        }
        f.opening_cash = Money::new(Decimal::from(opening)).unwrap();
        if !facility {
            f.facilities.clear();
        }
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// On generated plans every reported limit holds and one step beyond it fails, as the forecast
    /// itself says, and no search runs more forecasts than its bound.
    #[test]
    fn every_limit_holds_and_one_step_beyond_fails_on_generated_plans(p in varied()) {
        let base = forecast(&p).unwrap();
        let t = thresholds(&Criteria::bundled());
        let h = headroom(&p, &base, &t).unwrap();
        verify(&p, &base, &t, &h);
    }
}

/// The PDF's headroom table prints, lever by lever, the cells the core words, in order, and the
/// break-even table each year's figures.
#[test]
#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
fn the_pdf_prints_the_headroom_table_and_break_even_as_the_core_words_them() {
    use crate::common::{analysed, tool};
    let p = sample();
    let base = forecast(&p).unwrap();
    let r = report(&p, &base, &Criteria::bundled()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, mutual_plan::pdf::render(&p, &analysed(&p)).unwrap()).unwrap();
    // Row by row: the line that starts a lever's row holds its three cells, in order.
    let layout = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    let from = layout
        .find("Headroom: how far each could go")
        .expect("the section");
    let lines: Vec<&str> = layout[from..].lines().collect();
    for lever in Lever::ALL {
        let title = r.lever_title(lever);
        let head: String = title
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let line = lines
            .iter()
            .find(|l| {
                l.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .contains(&head)
            })
            .unwrap_or_else(|| panic!("no row for {title:?}"));
        let mut at = line.find(title.split_whitespace().next().unwrap()).unwrap();
        for cell in r.headroom.results.iter().filter(|x| x.lever == lever) {
            let c = r.cell(cell);
            let found = line[at..]
                .find(&c)
                .unwrap_or_else(|| panic!("{c:?} in the row {line:?}"));
            at += found + c.len();
        }
    }
    let all = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = all
        .find("Headroom: how far each could go")
        .expect("the section");
    let section = &all[start..];
    let mut at = 0;
    let mut expect = |needle: &str| {
        let found = section[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} after {:?}", &section[at..]));
        at += found + needle.len();
    };
    // The sample fails the free-reserves test as it stands, and the page says by how much.
    expect(&r.base_sentence(Test::FreeReserves));
    expect("Break-even contract income");
    for b in &r.break_even {
        let BreakEvenOutcome::Found { income, margin, .. } = &b.outcome else {
            panic!("{:?}", b.outcome)
        };
        expect(&format!("Year {}", b.year));
        expect(&mutual_plan::words::money::pounds(b.contract_income));
        expect(&mutual_plan::words::money::pounds(*income));
        expect(&mutual_plan::words::money::pounds(*margin));
    }
}

/// The tightest lever: a test failed as it stands first, else the smallest limit beside its
/// lever's stress-scenario size; the portfolio's row carries it.
#[test]
fn the_tightest_lever_is_a_failed_test_or_the_smallest_limit_beside_its_scenario() {
    let p = sample();
    let base = forecast(&p).unwrap();
    let r = report(&p, &base, &Criteria::bundled()).unwrap();
    assert_eq!(
        r.tightest_words().as_deref(),
        Some("Free reserves already fail")
    );
    // With free reserves of a year's costs the sample passes every test as it stands.
    let mut rich = sample();
    rich.forecast.opening_cash = Money::new(dec("6000000")).unwrap();
    let base = forecast(&rich).unwrap();
    let r = report(&rich, &base, &Criteria::bundled()).unwrap();
    assert!(r.headroom.results.iter().all(|x| x.base.holds));
    let ratios: Vec<(Decimal, Lever, Test)> = r
        .headroom
        .results
        .iter()
        .filter_map(|x| match &x.outcome {
            Outcome::Limit { at, .. } => Some((at.change / x.lever.reference(), x.lever, x.test)),
            _ => None,
        })
        .collect();
    let least = ratios.iter().map(|x| x.0).min().unwrap();
    let t = r.headroom.tightest().unwrap();
    let (_, lever, test) = ratios.iter().find(|x| x.0 == least).unwrap();
    assert_eq!((t.lever, t.test), (*lever, *test));
    let words = r.tightest_words().unwrap();
    assert!(
        words.ends_with(&format!(
            "({})",
            match test {
                Test::Cash => "cash",
                Test::DebtServiceCover => "cover",
                Test::FreeReserves => "free reserves",
            }
        )),
        "{words}"
    );
    // The portfolio's row says the same.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rich.mutualplan"),
        mutual_plan::model::plan_file::write_plan(&rich),
    )
    .unwrap();
    let out = cli(&[
        "portfolio",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["tightest"]["words"], words);
    assert_eq!(rows[0]["tightest"]["lever"], lever.key());
    assert_eq!(rows[0]["tightest"]["test"], test.key());
}

/// `docs/cashflow.md` lists every lever with its unit, step and range, and every test, as the code
/// has them.
#[test]
fn the_cash_flow_document_lists_the_levers_and_tests_as_the_code_has_them() {
    let doc = std::fs::read_to_string("docs/cashflow.md").unwrap();
    let section = &doc[doc.find("## Headroom and break-even").unwrap()..];
    let section = &section[..section.find("\n## ").unwrap()];
    let rows: Vec<Vec<String>> = section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.split('|').map(|c| c.trim().to_string()).collect())
        .collect();
    let p = sample();
    let base = forecast(&p).unwrap();
    let levers: Vec<&Vec<String>> = rows.iter().filter(|r| r.len() == 7).collect();
    assert_eq!(
        levers.iter().map(|r| r[1].clone()).collect::<Vec<_>>(),
        Lever::ALL.map(|l| format!("`{}`", l.key()))
    );
    for (row, lever) in levers.iter().zip(Lever::ALL) {
        assert_eq!(
            row[3],
            format!("`{}`", lever.unit().key()),
            "{}",
            lever.key()
        );
        assert_eq!(
            row[4],
            lever.step().normalize().to_string(),
            "{}",
            lever.key()
        );
        if lever != Lever::LargestContractEnds {
            let end = lever.change(steps(&p, &base, lever));
            assert_eq!(row[5], end.normalize().to_string(), "{}", lever.key());
        }
    }
    let tests: Vec<String> = rows
        .iter()
        .filter(|r| r.len() == 5)
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(tests, Test::ALL.map(|t| format!("`{}`", t.key())));
    assert!(section.contains(&format!("({} for 10,000 steps)", max_forecasts(10_000))));
}
