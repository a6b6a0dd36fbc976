//! Every line of the forecast equals the exact rational value of its formula in the cash-flow
//! conventions, rounded once, half away from zero: checked on generated staff lines, contracts,
//! costs and loans against an evaluation written here from the conventions alone, so that no
//! half-penny case can slip through a truncated intermediate again.

use mutual_plan::forecast::{forecast, Forecast, LineKey};
use mutual_plan::model::plan::*;
use mutual_plan::model::samples;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use proptest::prelude::*;
use rust_decimal::Decimal;

type Q = BigRational;

fn q(d: Decimal) -> Q {
    Q::new(BigInt::from(d.mantissa()), BigInt::from(10).pow(d.scale()))
}
fn qi(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}
/// Rounded to pennies, half away from zero.
fn round(x: &Q) -> Decimal {
    let pence = (x * qi(100)).round().to_integer().to_i128().unwrap();
    Decimal::from_i128_with_scale(pence, 2)
}
fn pow(x: &Q, k: u32) -> Q {
    (0..k).fold(Q::one(), |acc, _| acc * x)
}
fn pct(p: Decimal) -> Q {
    q(p) / qi(100)
}

/// A plan with nothing in its forecast but what the test adds: 120 months from April 2027, a
/// charity (so no corporation tax), payroll costs paid in the month worked.
fn bare() -> Plan {
    let mut p = samples::riverside().unwrap();
    p.organisation.legal_form = LegalForm::Cio;
    let f = &mut p.forecast;
    f.months = 120;
    f.start = "2027-04".parse().unwrap();
    f.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    f.settings.claim_employment_allowance = false;
    f.contracts.clear();
    f.income.clear();
    f.grants.clear();
    f.equity.clear();
    f.loans.clear();
    f.staff.clear();
    f.costs.clear();
    p
}

fn line(f: &Forecast, i: usize, key: &LineKey) -> Decimal {
    // Gross pay has no cash line: with same-month timing it is the month's net pay and
    // deductions together.
    if *key == LineKey::Pay {
        return [
            LineKey::NetPay,
            LineKey::PayeIncomeTax,
            LineKey::EmployeeNi,
            LineKey::EmployeePension,
        ]
        .iter()
        .map(|k| line(f, i, k))
        .sum();
    }
    f.months[i]
        .lines
        .iter()
        .find(|(k, _)| k == key)
        .map_or(Decimal::ZERO, |(_, v)| -*v)
}

/// Decimals with up to `dp` places below `max`, biased towards the awkward ones.
fn dec(max: i64, dp: u32) -> impl Strategy<Value = Decimal> {
    let scale = 10i64.pow(dp);
    (0..=max * scale).prop_map(move |n| Decimal::new(n, dp))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    #[test]
    fn staff_lines_are_exact(
        fte in dec(200, 4).prop_filter("more than 0", |d| !d.is_zero()),
        salary in dec(200_000, 2),
        headcount in proptest::option::of(1u32..400),
        threshold in dec(20_000, 2),
        ni in dec(20, 4),
        pension in dec(40, 4),
        award in dec(10, 4),
        award_month in 1u8..=12,
    ) {
        let mut p = bare();
        let s = &mut p.forecast.settings;
        s.ni_secondary_threshold = threshold.to_string().parse().unwrap();
        s.employer_ni_percent = ni.to_string().parse().unwrap();
        s.pay_award_percent = award.to_string().parse().unwrap();
        s.pay_award_month = award_month;
        let mut line_ = samples::riverside().unwrap().forecast.staff[0].clone();
        line_.fte = fte.to_string().parse().unwrap();
        line_.headcount = headcount;
        line_.annual_salary = salary.to_string().parse().unwrap();
        line_.start = p.forecast.start;
        line_.end = None;
        line_.pension.employer_percent = pension.to_string().parse().unwrap();
        p.forecast.staff.push(line_);
        let f = forecast(&p).unwrap();
        // No headcount: the fewest whole people who can work the FTE, each with a threshold.
        let whole = fte.ceil().max(Decimal::ONE).to_i64().unwrap();
        let people = headcount.map_or_else(|| qi(whole), |h| qi(i64::from(h)));
        let mut awards = 0u32;
        for (i, row) in f.months.iter().enumerate() {
            if i > 0 && row.month.month() == award_month {
                awards += 1;
            }
            let annual = q(fte) * q(salary) * pow(&(Q::one() + pct(award)), awards);
            let gross = round(&(annual.clone() / qi(12)));
            let mut above = annual - people.clone() * q(threshold);
            if above.is_negative() {
                above = Q::zero();
            }
            let employer_ni = round(&(above * pct(ni) / qi(12)));
            let employer_pension = round(&(q(gross) * pct(pension)));
            prop_assert_eq!(line(&f, i, &LineKey::Pay), gross, "pay in {}", row.month);
            prop_assert_eq!(line(&f, i, &LineKey::EmployerNi), employer_ni, "NI in {}", row.month);
            prop_assert_eq!(line(&f, i, &LineKey::EmployerPension), employer_pension, "pension in {}", row.month);
        }
    }

    /// Employer NI of exactly half a penny more than a whole number of pennies, which must round
    /// up: `NI = above × r / 100 / 12 = (2c + 1) / 200` when `above = (2c + 1) × 6 / r`.
    #[test]
    fn half_penny_employer_ni_rounds_up(
        c in 0i64..10_000_000,
        rate in prop_oneof![Just(12i64), Just(15), Just(24)],
        threshold in dec(50_000, 2),
        headcount in 1u32..5,
    ) {
        let above = q(Decimal::from(2 * c + 1)) * qi(6) / qi(rate);
        let people = qi(i64::from(headcount));
        let salary = above.clone() + people * q(threshold);
        let salary = round(&salary);
        prop_assume!(q(salary) == above.clone() + qi(i64::from(headcount)) * q(threshold));
        let mut p = bare();
        let s = &mut p.forecast.settings;
        s.ni_secondary_threshold = threshold.to_string().parse().unwrap();
        s.employer_ni_percent = rate.to_string().parse().unwrap();
        let mut line_ = samples::riverside().unwrap().forecast.staff[0].clone();
        line_.fte = "1".parse().unwrap();
        line_.headcount = Some(headcount);
        line_.annual_salary = salary.to_string().parse().unwrap();
        line_.start = p.forecast.start;
        p.forecast.staff.push(line_);
        let f = forecast(&p).unwrap();
        prop_assert_eq!(line(&f, 0, &LineKey::EmployerNi), Decimal::new(c + 1, 2));
    }

    #[test]
    fn contract_receipts_are_exact(
        annual in dec(100_000_000, 2),
        indexation in dec(10, 4),
        years_before in 0i64..4,
        pbr in proptest::option::of((dec(100, 4), dec(100, 4))),
        change in dec(50, 4),
    ) {
        let mut p = bare();
        let mut c = samples::riverside().unwrap().forecast.contracts[0].clone();
        c.annual_value = annual.to_string().parse().unwrap();
        c.indexation_percent = indexation.to_string().parse().unwrap();
        // A contract that began years before the forecast keeps its own anniversaries.
        c.start = p.forecast.start.plus(-12 * years_before - 5).unwrap();
        c.end = p.forecast.start.plus(47).unwrap();
        c.payment_terms_days = 0;
        c.pbr = pbr.map(|(s, a)| PaymentByResults {
            share_percent: s.to_string().parse().unwrap(),
            achievement_percent: a.to_string().parse().unwrap(),
            lag_months: 0,
        });
        c.renewal = Renewal {
            assumption: RenewalAssumption::Renewed,
            value_change_percent: (-change).to_string().parse().unwrap(),
        };
        let key = LineKey::Contract(c.id.clone());
        let (start, end) = (c.start, c.end);
        p.forecast.contracts.push(c);
        let f = forecast(&p).unwrap();
        for (i, row) in f.months.iter().enumerate() {
            let k = u32::try_from(start.months_until(row.month).div_euclid(12)).unwrap();
            let mut v = q(annual) * pow(&(Q::one() + pct(indexation)), k) / qi(12);
            if row.month > end {
                v *= Q::one() - pct(change);
            }
            let expected = match pbr {
                None => round(&v),
                Some((s, a)) => round(&(v.clone() * (Q::one() - pct(s)))) + round(&(v * pct(s) * pct(a))),
            };
            prop_assert_eq!(-line(&f, i, &key), expected, "{}", row.month);
        }
    }

    #[test]
    fn cost_lines_and_loan_interest_are_exact(
        amount in dec(10_000_000, 2),
        inflation in dec(10, 4),
        annual in any::<bool>(),
        principal in dec(10_000_000, 2),
        rate in dec(15, 4),
        term in 1u32..=120,
    ) {
        let mut p = bare();
        let mut cost = samples::riverside().unwrap().forecast.costs[0].clone();
        cost.amount = amount.to_string().parse().unwrap();
        cost.inflation_percent = inflation.to_string().parse().unwrap();
        cost.frequency = if annual { CostFrequency::Annual } else { CostFrequency::Monthly };
        cost.start = p.forecast.start;
        cost.end = None;
        let cost_key = LineKey::Cost(cost.category);
        p.forecast.costs.push(cost);
        let loan = Loan {
            id: "l".parse().unwrap(),
            lender: "Lender".into(),
            principal: principal.to_string().parse().unwrap(),
            drawdown: p.forecast.start,
            annual_rate_percent: rate.to_string().parse().unwrap(),
            term_months: term,
            capital_holiday_months: 0,
            repayment: Repayment::Bullet,
        };
        p.forecast.loans.push(loan);
        let f = forecast(&p).unwrap();
        let interest = round(&(q(principal) * pct(rate) / qi(12)));
        for (i, row) in f.months.iter().enumerate() {
            let k = (i / 12) as u32;
            let mut v = q(amount) * pow(&(Q::one() + pct(inflation)), k);
            if annual {
                v /= qi(12);
            }
            prop_assert_eq!(line(&f, i, &cost_key), round(&v), "cost in {}", row.month);
            // A bullet loan's balance is the principal until the last month of its term.
            let expected = if i >= 1 && i <= term as usize { interest } else { Decimal::ZERO };
            prop_assert_eq!(line(&f, i, &LineKey::LoanInterest), expected, "interest in {}", row.month);
        }
    }
}
