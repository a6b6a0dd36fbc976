//! Properties of the forecast over generated plans: the books balance every month, the lines
//! explain every total, the balance sheet balances to the penny at every year end, nothing
//! panics, and a scenario that changes nothing changes nothing.

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

fn vat_percent() -> impl Strategy<Value = Percent> {
    prop_oneof![Just("0"), Just("5"), Just("20"), Just("17.5")].prop_map(|p| p.parse().unwrap())
}

fn cost() -> impl Strategy<Value = CostLine> {
    (
        money(),
        prop_oneof![
            Just(CostFrequency::Monthly),
            Just(CostFrequency::Annual),
            Just(CostFrequency::OneOff),
            Just(CostFrequency::Capital),
        ],
        month(),
        proptest::option::of(0i64..48),
        pct(),
        vat_percent(),
        1u32..=120,
    )
        .prop_map(
            |(amount, frequency, start, len, infl, vat, life)| CostLine {
                id: id(0),
                name: "Cost".into(),
                category: CostCategory::Other,
                amount,
                frequency,
                start,
                end: if frequency.is_once() {
                    None
                } else {
                    len.map(|l| start.plus(l).unwrap())
                },
                useful_life_months: (frequency == CostFrequency::Capital).then_some(life),
                inflation_percent: infl,
                vat_percent: vat,
            },
        )
}

fn vat_treatment() -> impl Strategy<Value = VatTreatment> {
    prop_oneof![
        Just(VatTreatment::Exempt),
        Just(VatTreatment::Standard),
        Just(VatTreatment::Zero),
        Just(VatTreatment::OutsideScope),
    ]
}

fn income() -> impl Strategy<Value = IncomeLine> {
    (
        money(),
        frequency(),
        month(),
        proptest::option::of(0i64..48),
        pct(),
        vat_treatment(),
    )
        .prop_map(|(amount, frequency, start, len, growth, vat)| IncomeLine {
            id: id(0),
            name: "Income".into(),
            amount,
            frequency,
            start,
            end: len.map(|l| start.plus(l).unwrap()),
            growth_percent: growth,
            vat,
        })
}

fn facility() -> impl Strategy<Value = Facility> {
    (
        money(),
        pct(),
        month(),
        proptest::option::of(0i64..60),
        money(),
    )
        .prop_map(|(limit, rate, from, to, fee)| Facility {
            id: id(0),
            lender: "Bank".into(),
            limit,
            annual_rate_percent: rate,
            from,
            to: to.map(|t| from.plus(t).unwrap()),
            arrangement_fee: fee,
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
        (0usize..5, proptest::option::of(0u32..4), pct()),
    )
        .prop_map(
            |(fte, salary, start, len, pension, transferred, (scheme, extra, member))| StaffLine {
                id: id(0),
                role: "Staff".into(),
                fte: Fte::new(Decimal::new(i64::from(fte), 2)).unwrap(),
                // Some lines have more people than ⌈fte⌉ (each with a threshold and tier).
                headcount: extra.map(|e| (fte.div_ceil(100)).max(1) + e),
                annual_salary: Money::new(Decimal::new(salary as i64, 2)).unwrap(),
                start,
                end: len.map(|l| start.plus(l).unwrap()),
                transferred,
                contract: None,
                pension: {
                    let scheme = [
                        PensionScheme::Nhs,
                        PensionScheme::Lgps,
                        PensionScheme::CivilService,
                        PensionScheme::DefinedContribution,
                        PensionScheme::None,
                    ][scheme];
                    Pension {
                        scheme,
                        employer_percent: pension,
                        employee_percent: (scheme == PensionScheme::DefinedContribution)
                            .then_some(member),
                    }
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
        (
            any::<bool>(),
            1u8..=3,
            any::<bool>(),
            any::<bool>(),
            0usize..8,
            proptest::collection::vec(facility(), 0..3),
            proptest::collection::vec(income(), 0..3),
            proptest::collection::vec((money(), month()), 0..2),
        ),
    )
        .prop_map(
            |(
                (start, months, opening, award, award_month, claim, charity, public),
                contracts,
                costs,
                staff,
                loans,
                grants,
                (registered, stagger, next_month, scotland, form, facilities, income, equity),
            )| {
                let mut p = samples::riverside().unwrap();
                p.organisation.charity = charity;
                p.organisation.legal_form = LegalForm::ALL[form];
                if scotland {
                    p.organisation.nation = Nation::Scotland;
                }
                p.forecast.settings.vat_registered = registered;
                p.forecast.settings.vat_stagger = stagger;
                p.forecast.settings.payroll_costs_paid = if next_month {
                    PayrollTiming::NextMonth
                } else {
                    PayrollTiming::SameMonth
                };
                let n = contracts.len();
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
                f.facilities = facilities
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut fa)| {
                        fa.id = renumber(i);
                        fa
                    })
                    .collect();
                f.income = income
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut l)| {
                        l.id = renumber(i);
                        l
                    })
                    .collect();
                f.equity = equity
                    .into_iter()
                    .enumerate()
                    .map(|(i, (amount, month))| EquityRaise {
                        id: renumber(i),
                        name: "Shares".into(),
                        amount,
                        month,
                    })
                    .collect();
                // Some staff work on a contract, so that S1 moves them with it.
                for (i, s) in f.staff.iter_mut().enumerate() {
                    s.contract = (n > 0 && i % 2 == 0).then(|| renumber(i % n));
                }
                p
            },
        )
}

/// The identity every year end must hold: net assets equal total funds, to the penny; and net
/// assets are the rows of the sheet added up, the funds likewise.
fn check_balance_sheets(f: &Forecast) {
    for y in &f.years {
        let b = &y.balance_sheet;
        assert_eq!(b.net_assets, b.funds, "year {}: {b:?}", y.year);
        let assets = b.fixed_assets + b.trade_debtors + b.vat_recoverable + b.cash;
        let creditors = b.payroll_creditors
            + b.corporation_tax_payable
            + b.vat_payable
            + b.interest_accrued
            + b.facility_drawn
            + b.loans_within_one_year
            + b.cash_shortfall
            + b.loans_after_one_year;
        assert_eq!(b.net_assets, assets - creditors, "year {}", y.year);
        assert_eq!(
            b.funds,
            b.share_capital + b.opening_funds + b.retained_surplus
        );
        assert_eq!(y.free_reserves, b.funds - b.fixed_assets);
        // Cash and the shortfall are the two sides of the closing cash.
        assert_eq!(b.cash - b.cash_shortfall, y.closing_cash);
        assert!(b.cash.is_zero() || b.cash_shortfall.is_zero());
    }
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
                check_balance_sheets(&r.forecast);
            }
        }
    }

    #[test]
    fn the_balance_sheet_balances_to_the_penny_at_every_year_end(p in plan()) {
        if let Ok(f) = forecast(&p) {
            check_balance_sheets(&f);
            // Headroom is cash plus undrawn limits: never below cash; equal to it when cash is
            // below zero (every available limit drawn).
            for r in &f.months {
                prop_assert!(r.headroom >= r.closing, "{}", r.month);
                if r.closing < Decimal::ZERO {
                    prop_assert_eq!(r.headroom, r.closing, "{}", r.month);
                }
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
