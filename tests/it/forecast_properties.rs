//! Properties of the forecast over generated plans: the books balance every month, the lines
//! explain every total, nothing panics, and a scenario that changes nothing changes nothing.

use mutual_plan::forecast::scenarios::{self, Change, Scenario};
use mutual_plan::forecast::{forecast, Forecast};
use mutual_plan::model::plan::*;
use mutual_plan::model::samples;
use mutual_plan::model::values::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn money() -> impl Strategy<Value = Money> {
    prop_oneof![0u64..1_000_000 * 100, 0u64..100_000_000_000 * 100]
        .prop_map(|p| Money::new(Decimal::new(p as i64, 2)).unwrap())
}
fn pct() -> impl Strategy<Value = Percent> {
    prop_oneof![0u32..1_000, 0u32..10_001]
        .prop_map(|h| Percent::new(Decimal::new(i64::from(h), 2)).unwrap())
}
fn month() -> impl Strategy<Value = Month> {
    (0i64..60).prop_map(|o| "2025-01".parse::<Month>().unwrap().plus(o).unwrap())
}
fn id(i: usize) -> ItemId {
    format!("x{i}").parse().unwrap()
}

fn contract() -> impl Strategy<Value = Contract> {
    (
        money(),
        month(),
        0i64..60,
        pct(),
        0u32..=180,
        proptest::option::of((pct(), pct(), 0u32..=12)),
        any::<bool>(),
        -10_000i64..=10_000,
        0usize..3,
    )
        .prop_map(
            |(value, start, len, idx, days, pbr, renewed, change, who)| {
                let mut c = samples::riverside().unwrap().forecast.contracts[0].clone();
                c.commissioner = ["ICB", "Council", "Trust"][who].into();
                c.annual_value = value;
                c.start = start;
                c.end = start.plus(len).unwrap();
                c.indexation_percent = idx;
                c.payment_terms_days = days;
                c.pbr = pbr.map(|(s, a, lag)| PaymentByResults {
                    share_percent: s,
                    achievement_percent: a,
                    lag_months: lag,
                });
                c.renewal = Renewal {
                    assumption: if renewed {
                        RenewalAssumption::Renewed
                    } else {
                        RenewalAssumption::Ends
                    },
                    value_change_percent: SignedPercent::new(Decimal::new(change, 2)).unwrap(),
                };
                c
            },
        )
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![
        Just(Frequency::Monthly),
        Just(Frequency::Annual),
        Just(Frequency::OneOff)
    ]
}

fn cost() -> impl Strategy<Value = CostLine> {
    (
        money(),
        frequency(),
        month(),
        proptest::option::of(0i64..48),
        pct(),
    )
        .prop_map(|(amount, frequency, start, len, infl)| CostLine {
            id: id(0),
            name: "Cost".into(),
            category: CostCategory::Other,
            amount,
            frequency: match frequency {
                Frequency::Monthly => CostFrequency::Monthly,
                Frequency::Annual => CostFrequency::Annual,
                Frequency::OneOff => CostFrequency::OneOff,
            },
            start,
            end: if frequency == Frequency::OneOff {
                None
            } else {
                len.map(|l| start.plus(l).unwrap())
            },
            useful_life_months: None,
            inflation_percent: infl,
            vat_percent: Percent::default(),
        })
}

fn staff() -> impl Strategy<Value = StaffLine> {
    (
        1u32..100_000,
        0u64..200_000 * 100,
        month(),
        proptest::option::of(0i64..48),
        pct(),
        any::<bool>(),
    )
        .prop_map(
            |(fte, salary, start, len, pension, transferred)| StaffLine {
                id: id(0),
                role: "Staff".into(),
                fte: Fte::new(Decimal::new(i64::from(fte), 2)).unwrap(),
                headcount: None,
                annual_salary: Money::new(Decimal::new(salary as i64, 2)).unwrap(),
                start,
                end: len.map(|l| start.plus(l).unwrap()),
                transferred,
                contract: None,
                pension: Pension {
                    scheme: PensionScheme::Nhs,
                    employer_percent: pension,
                    employee_percent: None,
                },
            },
        )
}

fn loan() -> impl Strategy<Value = Loan> {
    (
        money(),
        pct(),
        month(),
        1u32..=120,
        0u32..=130,
        any::<bool>(),
    )
        .prop_map(|(principal, rate, drawdown, term, holiday, bullet)| Loan {
            id: id(0),
            lender: "Lender".into(),
            principal,
            drawdown,
            annual_rate_percent: rate,
            term_months: term,
            capital_holiday_months: holiday,
            repayment: if bullet {
                Repayment::Bullet
            } else {
                Repayment::Amortising
            },
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (
            month(),
            12u32..=120,
            money(),
            pct(),
            1u8..=12,
            any::<bool>(),
            any::<bool>(),
            pct(),
        ),
        proptest::collection::vec(contract(), 0..4),
        proptest::collection::vec(cost(), 0..4),
        proptest::collection::vec(staff(), 0..4),
        proptest::collection::vec(loan(), 0..3),
        proptest::collection::vec((money(), month()), 0..3),
    )
        .prop_map(
            |(
                (start, months, opening, award, award_month, claim, charity, public),
                contracts,
                costs,
                staff,
                loans,
                grants,
            )| {
                let mut p = samples::riverside().unwrap();
                p.organisation.charity = charity;
                p.organisation.public_functions_percent = public;
                let f = &mut p.forecast;
                f.start = start;
                f.months = months;
                f.opening_cash = opening;
                f.settings.pay_award_percent = award;
                f.settings.pay_award_month = award_month;
                f.settings.claim_employment_allowance = claim;
                let renumber = |i: usize| id(i);
                f.contracts = contracts
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut c)| {
                        c.id = renumber(i);
                        c
                    })
                    .collect();
                f.costs = costs
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut c)| {
                        c.id = renumber(i);
                        c
                    })
                    .collect();
                f.staff = staff
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut s)| {
                        s.id = renumber(i);
                        s
                    })
                    .collect();
                f.loans = loans
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut l)| {
                        l.id = renumber(i);
                        l
                    })
                    .collect();
                f.grants = grants
                    .into_iter()
                    .enumerate()
                    .map(|(i, (amount, month))| Grant {
                        id: renumber(i),
                        funder: "F".into(),
                        purpose: "P".into(),
                        amount,
                        month,
                        match_funding: false,
                    })
                    .collect();
                f.income.clear();
                f.equity.clear();
                p
            },
        )
}

fn check_books(p: &Plan, f: &Forecast) {
    let mut balance = p.forecast.opening_cash.get();
    assert_eq!(f.months.len(), p.forecast.months as usize);
    for r in &f.months {
        assert_eq!(r.opening, balance, "{}", r.month);
        assert_eq!(
            r.closing,
            r.opening + r.receipts - r.payments,
            "{}",
            r.month
        );
        let lines: Decimal = r.lines.iter().map(|(_, v)| *v).sum();
        assert_eq!(lines, r.receipts - r.payments, "{}", r.month);
        assert!(
            r.lines.iter().all(|(_, v)| v.scale() <= 2 && !v.is_zero()),
            "{}",
            r.month
        );
        balance = r.closing;
    }
    assert_eq!(f.summary.closing_cash, balance);
    assert!(f.summary.lowest_cash <= f.months[0].closing);
    assert_eq!(
        f.summary.peak_funding_need,
        (-f.summary.lowest_cash).max(Decimal::ZERO)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_books_balance_and_lines_explain_every_total(p in plan()) {
        match forecast(&p) {
            Ok(f) => check_books(&p, &f),
            // Only a named overflow may stop a forecast.
            Err(e) => prop_assert!(e.path().starts_with("forecast")),
        }
    }

    #[test]
    fn every_scenario_balances_too(p in plan()) {
        if let Ok((_, results)) = scenarios::run_all(&p) {
            for r in &results {
                check_books(&p, &r.forecast);
            }
        }
    }

    #[test]
    fn a_scenario_that_changes_nothing_gives_zero_deltas(p in plan()) {
        let base = forecast(&p).unwrap();
        for change in [
            Change::PayAwardPlus { points: Decimal::ZERO },
            Change::PensionPlus { points: Decimal::ZERO },
            Change::ResultsShortfall { points: Decimal::ZERO },
            Change::LatePayment { days: 0 },
            Change::CutContractValues { percent: Decimal::ZERO },
        ] {
            let s = Scenario { id: "none", title: "No change", change };
            let r = scenarios::run(&p, &base, &s).unwrap();
            prop_assert_eq!(&r.forecast, &base);
            prop_assert!(r.delta.lowest_cash.is_zero() && r.delta.peak_funding_need.is_zero() && r.delta.closing_cash.is_zero());
            prop_assert_eq!(r.delta.lowest_cash_month, 0);
            prop_assert_eq!(r.delta.months_negative, 0);
        }
    }
}
