//! The cash-flow conventions of `docs/cashflow.md`, one worked example each, computed by hand in
//! the comments; and the sample plan's summary pinned.

use mutual_plan::forecast::{forecast, scenarios, Forecast, LineKey};
use mutual_plan::model::plan::*;
use mutual_plan::model::samples;
use mutual_plan::model::values::*;
use rust_decimal::Decimal;

use crate::common;

use common::{dec as d, id, money, month as m, pct};

/// The sample's organisation with an empty forecast: 24 months from April 2027, no cash.
fn empty_plan() -> Plan {
    let mut p = samples::riverside().unwrap();
    let f = &mut p.forecast;
    f.start = m("2027-04");
    f.months = 24;
    f.opening_cash = money("0");
    f.contracts.clear();
    f.income.clear();
    f.grants.clear();
    f.equity.clear();
    f.loans.clear();
    f.facilities.clear();
    f.staff.clear();
    f.costs.clear();
    p
}

fn contract(annual: &str, start: &str, end: &str) -> Contract {
    let mut c = samples::riverside().unwrap().forecast.contracts[0].clone();
    c.id = id("c");
    c.commissioner = "Commissioner".into();
    c.annual_value = money(annual);
    c.start = m(start);
    c.end = m(end);
    c.indexation_percent = pct("0");
    c.payment_terms_days = 0;
    c.pbr = None;
    c.renewal = Renewal {
        assumption: RenewalAssumption::Ends,
        value_change_percent: SignedPercent::new(Decimal::ZERO).unwrap(),
    };
    c
}

fn staff(fte: &str, salary: &str) -> StaffLine {
    StaffLine {
        id: id("s"),
        role: "Staff".into(),
        fte: fte.parse().unwrap(),
        headcount: None,
        annual_salary: money(salary),
        start: m("2027-04"),
        end: None,
        transferred: false,
        contract: None,
        pension: Pension {
            scheme: PensionScheme::None,
            employer_percent: pct("0"),
            employee_percent: None,
        },
    }
}

fn loan(
    principal: &str,
    rate: &str,
    drawdown: &str,
    term: u32,
    holiday: u32,
    repayment: Repayment,
) -> Loan {
    Loan {
        id: id("l"),
        lender: "Lender".into(),
        principal: money(principal),
        drawdown: m(drawdown),
        annual_rate_percent: pct(rate),
        term_months: term,
        capital_holiday_months: holiday,
        repayment,
    }
}

/// The amount of one line in one month (positive for receipts, negative for payments).
/// The cash of line `key` in `month`. `LineKey::Pay` has no cash line of its own: it is the
/// gross pay the month's net pay and deductions add up to, whichever month they were worked.
fn line(f: &Forecast, month: &str, key: &LineKey) -> Decimal {
    if *key == LineKey::Pay {
        return [
            LineKey::NetPay,
            LineKey::PayeIncomeTax,
            LineKey::EmployeeNi,
            LineKey::EmployeePension,
        ]
        .iter()
        .map(|k| line(f, month, k))
        .sum();
    }
    let row = f
        .months
        .iter()
        .find(|r| r.month == m(month))
        .expect("month in forecast");
    row.lines
        .iter()
        .find(|(k, _)| k == key)
        .map_or(Decimal::ZERO, |(_, v)| *v)
}

fn series(f: &Forecast, key: &LineKey, months: &[&str]) -> Vec<Decimal> {
    months.iter().map(|mo| line(f, mo, key)).collect()
}

#[test]
fn contract_indexation_steps_on_each_anniversary_of_the_contract_start() {
    let mut p = empty_plan();
    let mut c = contract("120000", "2027-04", "2029-03");
    c.indexation_percent = pct("2.5");
    p.forecast.contracts.push(c);
    let f = forecast(&p).unwrap();
    let k = LineKey::Contract(id("c"));
    // 120,000 / 12 = 10,000.00 in year one; × 1.025 = 10,250.00 from April 2028.
    assert_eq!(
        series(&f, &k, &["2027-04", "2028-03", "2028-04", "2029-03"]),
        [d("10000"), d("10000"), d("10250"), d("10250")]
    );
}

#[test]
fn a_contract_that_began_before_the_forecast_keeps_its_own_anniversaries() {
    let mut p = empty_plan();
    let mut c = contract("120000", "2026-10", "2029-09");
    c.indexation_percent = pct("2.5");
    c.payment_terms_days = 30;
    p.forecast.contracts.push(c);
    let f = forecast(&p).unwrap();
    let k = LineKey::Contract(id("c"));
    // March 2027's service is paid in April but belongs before the forecast: the opening cash
    // holds it. April's service (k = 0) is paid in May; October 2027 is the first anniversary.
    assert_eq!(
        series(&f, &k, &["2027-04", "2027-05", "2027-10", "2027-11"]),
        [d("0"), d("10000"), d("10000"), d("10250")]
    );
}

#[test]
fn renewal_applies_the_value_change_after_the_end_and_indexation_continues() {
    let mut p = empty_plan();
    let mut c = contract("120000", "2027-04", "2027-12");
    c.indexation_percent = pct("2");
    c.renewal = Renewal {
        assumption: RenewalAssumption::Renewed,
        value_change_percent: "-10".parse().unwrap(),
    };
    p.forecast.contracts.push(c);
    let f = forecast(&p).unwrap();
    let k = LineKey::Contract(id("c"));
    // Dec 2027: 10,000. Jan 2028: 10,000 × 0.9 = 9,000. Apr 2028: 10,000 × 1.02 × 0.9 = 9,180.
    assert_eq!(
        series(&f, &k, &["2027-12", "2028-01", "2028-04"]),
        [d("10000"), d("9000"), d("9180")]
    );
}

#[test]
fn a_contract_that_ends_stops_and_its_last_invoices_are_receivable_at_the_horizon() {
    let mut p = empty_plan();
    let mut c = contract("120000", "2027-04", "2029-06");
    c.payment_terms_days = 60;
    p.forecast.contracts.push(c);
    let f = forecast(&p).unwrap();
    // 24 months: services Apr 2027–Mar 2029 are earned; Feb and Mar 2029's are paid in Apr and
    // May 2029, after the last month: 2 × 10,000 receivable.
    assert_eq!(f.summary.receivable_at_horizon, d("20000"));
    assert_eq!(f.summary.contract_income, d("240000"));
    assert_eq!(line(&f, "2027-05", &LineKey::Contract(id("c"))), d("0"));
    assert_eq!(line(&f, "2027-06", &LineKey::Contract(id("c"))), d("10000"));
}

#[test]
fn payment_terms_of_0_30_31_and_45_days_arrive_0_1_2_and_2_months_later() {
    for (days, first_paid) in [
        (0, "2027-04"),
        (30, "2027-05"),
        (31, "2027-06"),
        (45, "2027-06"),
    ] {
        let mut p = empty_plan();
        let mut c = contract("120000", "2027-04", "2028-03");
        c.payment_terms_days = days;
        p.forecast.contracts.push(c);
        let f = forecast(&p).unwrap();
        let first = f.months.iter().find(|r| !r.receipts.is_zero()).unwrap();
        assert_eq!(first.month, m(first_paid), "{days} days");
    }
}

#[test]
fn payment_by_results_pays_the_results_part_later_by_its_lag() {
    let mut p = empty_plan();
    let mut c = contract("120000", "2027-04", "2028-03");
    c.payment_terms_days = 30;
    c.pbr = Some(PaymentByResults {
        share_percent: pct("10"),
        achievement_percent: pct("80"),
        lag_months: 2,
    });
    p.forecast.contracts.push(c);
    let f = forecast(&p).unwrap();
    let k = LineKey::Contract(id("c"));
    // V = 10,000. Fixed 10,000 × 0.9 = 9,000 paid the month after; results 10,000 × 0.1 × 0.8
    // = 800 paid two months after that: July gets April's results with June's fixed part.
    assert_eq!(
        series(&f, &k, &["2027-04", "2027-05", "2027-06", "2027-07"]),
        [d("0"), d("9000"), d("9000"), d("9800")]
    );
    // Earned: 9,800 a month for 12 months.
    assert_eq!(f.summary.contract_income, d("117600"));
}

#[test]
fn pay_awards_apply_in_their_month_but_not_in_the_start_month() {
    let mut p = empty_plan();
    p.forecast.settings.pay_award_month = 10;
    p.forecast.settings.pay_award_percent = pct("3");
    // Deductions in the month worked, so a month's net pay and deductions are its gross pay.
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    p.forecast.settings.ni_secondary_threshold = money("1000000");
    p.forecast.staff.push(staff("1", "24000"));
    let f = forecast(&p).unwrap();
    // 24,000 / 12 = 2,000.00 until September; from October 2,000 × 1.03 = 2,060.00; from
    // October 2028 2,000 × 1.03² = 2,121.80.
    assert_eq!(
        series(
            &f,
            &LineKey::Pay,
            &["2027-09", "2027-10", "2028-09", "2028-10"]
        ),
        [d("-2000"), d("-2060"), d("-2060"), d("-2121.80")]
    );

    // A forecast starting in the award month: salaries are already at that year's rate.
    p.forecast.start = m("2027-10");
    p.forecast.staff[0].start = m("2027-10");
    let f = forecast(&p).unwrap();
    assert_eq!(
        series(&f, &LineKey::Pay, &["2027-10", "2028-09", "2028-10"]),
        [d("-2000"), d("-2000"), d("-2060")]
    );
}

#[test]
fn employer_ni_is_zero_below_the_threshold_and_per_fte_above_it() {
    let mut p = empty_plan();
    p.forecast.staff.push(staff("1", "4800"));
    let mut part_time = staff("0.5", "30000");
    part_time.id = id("pt");
    part_time.pension = Pension {
        scheme: PensionScheme::Nhs,
        employer_percent: pct("23.78"),
        employee_percent: None,
    };
    p.forecast.staff.push(part_time);
    let f = forecast(&p).unwrap();
    // 4,800 a year is 400 a month, below 5,000 / 12 = 416.67: no NI.
    // (0.5 × 30,000 − 0.5 × 5,000) × 15 % / 12 = 156.25. Pay 400 + 0.5 × 2,500 = 1,650.
    // Pension 1,250 × 23.78 % = 297.25. Pay leaves in the month worked; NI and pension in the
    // next month, and nothing in the first month for a month before the forecast.
    let deducted_in_may: Decimal = [
        LineKey::PayeIncomeTax,
        LineKey::EmployeeNi,
        LineKey::EmployeePension,
    ]
    .iter()
    .map(|k| line(&f, "2027-05", k))
    .sum();
    assert_eq!(
        line(&f, "2027-04", &LineKey::NetPay) + deducted_in_may,
        d("-1650")
    );
    assert_eq!(line(&f, "2027-04", &LineKey::EmployerNi), d("0"));
    assert_eq!(line(&f, "2027-04", &LineKey::EmployerPension), d("0"));
    // The part-timer is one person with a whole threshold (version 2 gave half a threshold,
    // £156.25): (15,000 − 5,000) × 15 % / 12 = 125.00.
    assert_eq!(line(&f, "2027-05", &LineKey::EmployerNi), d("-125.00"));
    assert_eq!(line(&f, "2027-05", &LineKey::EmployerPension), d("-297.25"));
}

#[test]
fn employer_ni_of_an_exact_half_penny_rounds_up() {
    // The worked case of the cash-flow conventions: 15 FTE at £25,750 with the £5,000 threshold
    // at 15 %: (25,750 − 5,000) × 15 × 15 / 100 / 12 = 3,890.625 exactly, so £3,890.63. Computed
    // in 28-digit decimals, 5,000 / 12 truncates and the half penny rounds down to £3,890.62.
    let mut p = empty_plan();
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    p.forecast.staff.push(staff("15", "25750"));
    let f = forecast(&p).unwrap();
    assert_eq!(line(&f, "2027-04", &LineKey::EmployerNi), d("-3890.63"));
}

#[test]
fn the_ni_threshold_applies_per_person() {
    // Four people sharing two FTE at £30,000 have four thresholds:
    // (2 × 30,000 − 4 × 5,000) × 15 % / 12 = 500.00; as two people, (60,000 − 10,000) × 15 % / 12
    // = 625.00; as forty people the thresholds exceed the pay and there is no NI.
    let mut p = empty_plan();
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    p.forecast.staff.push(staff("2", "30000"));
    let ni = |p: &Plan| line(&forecast(p).unwrap(), "2027-04", &LineKey::EmployerNi);
    assert_eq!(ni(&p), d("-625"));
    p.forecast.staff[0].headcount = Some(4);
    assert_eq!(ni(&p), d("-500"));
    p.forecast.staff[0].headcount = Some(40);
    assert_eq!(ni(&p), d("0"));
}

#[test]
fn payroll_costs_are_paid_the_month_after_unless_the_plan_says_same_month() {
    let mut p = empty_plan();
    p.forecast.settings.pay_award_percent = pct("0");
    p.forecast.staff.push(staff("1", "60000"));
    // Pay 5,000; NI (60,000 − 5,000) × 15 % / 12 = 687.50; no pension (scheme none).
    let f = forecast(&p).unwrap();
    let months = ["2027-04", "2027-05", "2029-03"];
    // Net pay leaves in the month worked and its deductions the month after, so April pays only
    // its net pay and later months pay the same £5,000 in all.
    assert_eq!(series(&f, &LineKey::Pay, &months)[1..], [d("-5000"); 2]);
    assert!(line(&f, "2027-04", &LineKey::Pay) > d("-5000"));
    assert_eq!(line(&f, "2027-04", &LineKey::PayeIncomeTax), d("0"));
    assert_eq!(
        series(&f, &LineKey::EmployerNi, &months),
        [d("0"), d("-687.50"), d("-687.50")]
    );
    // March 2029's NI and deductions, worked inside the horizon, are paid after it (the same
    // deductions as February's, paid in March).
    let deductions: Decimal = [
        LineKey::PayeIncomeTax,
        LineKey::EmployeeNi,
        LineKey::EmployeePension,
    ]
    .iter()
    .map(|k| line(&f, "2029-03", k))
    .sum();
    assert!(deductions < Decimal::ZERO);
    assert_eq!(
        f.summary.payroll_payable_at_horizon,
        d("687.50") - deductions
    );
    // In the I&E every cost belongs to the month worked: 24 months of NI in the two years.
    let ni = |y: usize| {
        f.years[y]
            .expenditure_by_kind
            .iter()
            .find(|(k, _)| *k == LineKey::EmployerNi)
            .unwrap()
            .1
    };
    assert_eq!(ni(0) + ni(1), d("16500"));

    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    let f = forecast(&p).unwrap();
    assert_eq!(series(&f, &LineKey::EmployerNi, &months), [d("-687.50"); 3]);
    assert_eq!(f.summary.payroll_payable_at_horizon, d("0"));
}

#[test]
fn the_apprenticeship_levy_accrues_its_allowance_monthly_from_april() {
    let mut p = empty_plan();
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    p.forecast.settings.pay_award_percent = pct("0");
    // A pay bill of £1,000,000 a month (£12m a year) from April 2027, for two months only.
    let mut s = staff("1", "12000000");
    s.end = Some(m("2027-05"));
    p.forecast.staff.push(s);
    let f = forecast(&p).unwrap();
    // April: 1,000,000 × 0.5 % − 15,000 × 1/12 = 3,750. May: 2,000,000 × 0.5 % − 15,000 × 2/12 =
    // 7,500 in all, so 3,750 more. June: the pay bill stops; the cumulative levy falls to
    // 10,000 − 3,750 = 6,250, but nothing is refunded within the year.
    let k = LineKey::ApprenticeshipLevy;
    assert_eq!(
        series(&f, &k, &["2027-04", "2027-05", "2027-06", "2028-03"]),
        [d("-3750"), d("-3750"), d("0"), d("0")]
    );

    // A forecast starting in October begins with six months of allowance already accrued
    // (£8,750 by October): £500,000 a month from October pays nothing until the new tax year,
    // when April's 500,000 × 0.5 % − 1,250 = 1,250 is due.
    let mut p = empty_plan();
    p.forecast.start = m("2027-10");
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    p.forecast.settings.pay_award_percent = pct("0");
    let mut s = staff("1", "6000000");
    s.start = m("2027-10");
    p.forecast.staff.push(s);
    let f = forecast(&p).unwrap();
    assert_eq!(
        series(
            &f,
            &k,
            &["2027-10", "2028-01", "2028-03", "2028-04", "2028-05"]
        ),
        [d("0"), d("0"), d("0"), d("-1250"), d("-1250")]
    );
    // With the default settings a pay bill under £3 million a year pays nothing.
    let mut p = empty_plan();
    p.forecast.settings.pay_award_percent = pct("0");
    p.forecast.staff.push(staff("1", "2999988"));
    let f = forecast(&p).unwrap();
    assert!(f.months.iter().all(|r| r
        .lines
        .iter()
        .all(|(k, _)| *k != LineKey::ApprenticeshipLevy)));
}

fn income(idn: &str, monthly: &str, start: &str, end: Option<&str>) -> IncomeLine {
    IncomeLine {
        id: id(idn),
        name: idn.into(),
        amount: money(monthly),
        frequency: Frequency::Monthly,
        start: m(start),
        end: end.map(m),
        growth_percent: pct("0"),
        vat: VatTreatment::Exempt,
    }
}

#[test]
fn corporation_tax_with_losses_carried_forward_paid_in_the_tenth_month() {
    // Year 1 (April 2027 to March 2028): 60,000 income less a 100,000 one-off cost: a loss of
    // 40,000, no tax. Year 2: 60,000 + 120,000 = 180,000, less the 40,000 loss brought forward:
    // 140,000 taxable, between the limits: 140,000 × 25 % − (250,000 − 140,000) × 1.5 % = 33,350.
    let mut p = empty_plan();
    p.forecast.income.push(income("a", "5000", "2027-04", None));
    p.forecast
        .income
        .push(income("b", "10000", "2028-04", None));
    p.forecast.costs.push(cost(
        "setup",
        "100000",
        CostFrequency::OneOff,
        "2027-04",
        None,
        "0",
    ));
    p.forecast.months = 36;
    // Year 3: 180,000, no losses left: 180,000 × 25 % − 70,000 × 1.5 % = 43,950.
    let f = forecast(&p).unwrap();
    let taxes: Vec<_> = f.years.iter().map(|y| (y.taxable_profit, y.tax)).collect();
    assert_eq!(
        taxes,
        [
            (d("0"), d("0")),
            (d("140000"), d("33350")),
            (d("180000"), d("43950"))
        ]
    );
    assert_eq!(f.years[1].surplus_after_tax, d("146650"));
    // Year 2 ends March 2029: its tax is paid in January 2030. Year 3's falls after the horizon.
    let k = LineKey::CorporationTax;
    assert_eq!(line(&f, "2030-01", &k), d("-33350"));
    assert_eq!(
        f.months
            .iter()
            .filter(|r| r.lines.iter().any(|(l, _)| *l == k))
            .count(),
        1
    );
    assert_eq!(f.summary.tax_payable_at_horizon, d("43950"));

    // At or below the lower limit the small profits rate: 12 × 4,000 = 48,000 × 19 % = 9,120;
    // at or above the upper limit the main rate: 12 × 25,000 = 300,000 × 25 % = 75,000.
    let tax_on = |monthly: &str| {
        let mut p = empty_plan();
        p.forecast
            .income
            .push(income("a", monthly, "2027-04", None));
        forecast(&p).unwrap().years[0].tax
    };
    assert_eq!(tax_on("4000"), d("9120"));
    assert_eq!(tax_on("25000"), d("75000"));
    // Exactly at the limits (a one-off income): 50,000 × 19 % and 250,000 × 25 %, and just
    // inside them marginal relief, continuous with both.
    let tax_on_once = |amount: &str| {
        let mut p = empty_plan();
        let mut once = income("once", amount, "2027-04", None);
        once.frequency = Frequency::OneOff;
        p.forecast.income.push(once);
        forecast(&p).unwrap().years[0].tax
    };
    assert_eq!(tax_on_once("50000"), d("9500"));
    assert_eq!(tax_on_once("50000.01"), d("9500.00")); // 12,500.0025 − 2,999.99985
    assert_eq!(tax_on_once("250000"), d("62500"));
    assert_eq!(tax_on_once("249999.99"), d("62500.00")); // 62,499.9975 − 0.00015, rounded

    // A final short period of 6 months has limits of 25,000 and 125,000: 6 × 10,000 = 60,000
    // taxable pays 60,000 × 25 % − (125,000 − 60,000) × 1.5 % = 14,025.
    let mut p = empty_plan();
    p.forecast.months = 18;
    p.forecast
        .income
        .push(income("a", "10000", "2027-04", None));
    let f = forecast(&p).unwrap();
    assert_eq!(f.years[1].tax, d("14025"));

    // A charity pays none: a CIO always; a CIC never counts as one, whatever its flag.
    let mut p = empty_plan();
    p.forecast
        .income
        .push(income("a", "25000", "2027-04", None));
    p.organisation.legal_form = LegalForm::Cio;
    assert_eq!(forecast(&p).unwrap().years[0].tax, d("0"));
    p.organisation.legal_form = LegalForm::CicLimitedByGuarantee;
    p.organisation.charity = true;
    assert_eq!(forecast(&p).unwrap().years[0].tax, d("75000"));
    p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
    assert_eq!(forecast(&p).unwrap().years[0].tax, d("0"));
}

#[test]
fn the_employment_allowance_is_used_up_in_month_order_each_tax_year_when_eligible() {
    let mut p = empty_plan();
    p.forecast.start = m("2027-01");
    p.forecast.settings.claim_employment_allowance = true;
    p.forecast.settings.pay_award_percent = pct("0");
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
    p.organisation.charity = true;
    let mut s = staff("10", "30000");
    s.start = m("2027-01");
    p.forecast.staff.push(s);
    let f = forecast(&p).unwrap();
    // NI: 10 × (2,500 − 416.666…) × 15 % = 3,125.00 a month. Tax year 2026/27 (Jan–Mar 2027):
    // 3 × 3,125 = 9,375 ≤ 10,500, all relieved. Tax year 2027/28 starts in April with a fresh
    // 10,500: Apr–Jun relieved (9,375), July has 1,125 left, so pays 2,000; August pays 3,125.
    let months = [
        "2027-01", "2027-03", "2027-04", "2027-06", "2027-07", "2027-08",
    ];
    assert_eq!(
        series(&f, &LineKey::EmployerNi, &months),
        [d("0"), d("0"), d("0"), d("0"), d("-2000"), d("-3125")]
    );

    // Not eligible: NHS services are wholly public functions and it is not a charity (EMP-01).
    p.organisation.charity = false;
    p.organisation.public_functions_percent = pct("50");
    let f = forecast(&p).unwrap();
    assert_eq!(series(&f, &LineKey::EmployerNi, &months), [d("-3125"); 6]);
    // Just under half public functions: eligible.
    p.organisation.public_functions_percent = pct("49.99");
    assert_eq!(
        line(&forecast(&p).unwrap(), "2027-01", &LineKey::EmployerNi),
        d("0")
    );
    // A CIO is always a charity, so eligible whatever its work; a CIC never is.
    p.organisation.public_functions_percent = pct("100");
    p.organisation.legal_form = LegalForm::Cio;
    let ni = |p: &Plan| line(&forecast(p).unwrap(), "2027-01", &LineKey::EmployerNi);
    assert_eq!(ni(&p), d("0"));
    p.organisation.legal_form = LegalForm::CicLimitedByShares;
    p.organisation.charity = true;
    assert_eq!(ni(&p), d("-3125"));
}

fn cost(
    idn: &str,
    amount: &str,
    frequency: CostFrequency,
    start: &str,
    end: Option<&str>,
    inflation: &str,
) -> CostLine {
    CostLine {
        id: id(idn),
        name: idn.into(),
        category: CostCategory::Other,
        amount: money(amount),
        frequency,
        start: m(start),
        end: end.map(m),
        useful_life_months: None,
        inflation_percent: pct(inflation),
        vat_percent: pct("0"),
    }
}

#[test]
fn monthly_annual_and_one_off_costs() {
    let mut p = empty_plan();
    p.forecast.costs.push(cost(
        "monthly",
        "1000",
        CostFrequency::Monthly,
        "2027-04",
        Some("2028-06"),
        "10",
    ));
    p.forecast.costs.push(cost(
        "annual",
        "12000",
        CostFrequency::Annual,
        "2027-05",
        None,
        "0",
    ));
    p.forecast.costs.push(cost(
        "once",
        "5000",
        CostFrequency::OneOff,
        "2027-06",
        None,
        "0",
    ));
    let f = forecast(&p).unwrap();
    let k = LineKey::Cost(CostCategory::Other);
    // Apr: 1,000. May: 1,000 + 12,000/12. Jun: + 5,000 once. Apr 2028: 1,100 + 1,000.
    // Jul 2028: the monthly line has ended.
    assert_eq!(
        series(
            &f,
            &k,
            &["2027-04", "2027-05", "2027-06", "2027-07", "2028-04", "2028-07"]
        ),
        [
            d("-1000"),
            d("-2000"),
            d("-7000"),
            d("-2000"),
            d("-2100"),
            d("-1000")
        ]
    );
    // Operating costs leave out the one-off: (1,000×12 + 1,100×3 + 1,000×23) / 24.
    assert_eq!(
        f.summary.operating_costs_monthly_avg,
        (d("12000") + d("3300") + d("23000")) / d("24")
    );
}

#[test]
fn other_income_that_began_before_the_forecast_grows_from_its_own_start() {
    let mut p = empty_plan();
    p.forecast.income.push(IncomeLine {
        id: id("i"),
        name: "Training".into(),
        amount: money("1000"),
        frequency: Frequency::Monthly,
        start: m("2026-10"),
        end: None,
        growth_percent: pct("10"),
        vat: VatTreatment::Exempt,
    });
    let f = forecast(&p).unwrap();
    let k = LineKey::Income(id("i"));
    assert_eq!(
        series(&f, &k, &["2027-04", "2027-09", "2027-10", "2028-10"]),
        [d("1000"), d("1000"), d("1100"), d("1210")]
    );
}

#[test]
fn an_amortising_loan_with_a_holiday_repays_exactly_its_principal() {
    let mut p = empty_plan();
    p.forecast
        .loans
        .push(loan("10000", "12", "2027-04", 5, 2, Repayment::Amortising));
    let f = forecast(&p).unwrap();
    let months = [
        "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10",
    ];
    // 1 % a month. Instalments round(10,000 / 3) = 3,333.33 after a 2-month holiday; the last is
    // 10,000 − 2 × 3,333.33 = 3,333.34. Interest on the opening balance: 100, 100, 100,
    // 66.6667 → 66.67, 33.3334 → 33.33.
    assert_eq!(
        line(&f, "2027-04", &LineKey::LoanDrawdown(id("l"))),
        d("10000")
    );
    assert_eq!(
        series(&f, &LineKey::LoanInterest, &months),
        [
            d("0"),
            d("-100"),
            d("-100"),
            d("-100"),
            d("-66.67"),
            d("-33.33"),
            d("0")
        ]
    );
    assert_eq!(
        series(&f, &LineKey::LoanCapital, &months),
        [
            d("0"),
            d("0"),
            d("0"),
            d("-3333.33"),
            d("-3333.33"),
            d("-3333.34"),
            d("0")
        ]
    );
}

#[test]
fn a_bullet_loan_repays_at_the_end_of_its_term() {
    let mut p = empty_plan();
    p.forecast
        .loans
        .push(loan("10000", "6", "2027-04", 3, 0, Repayment::Bullet));
    let f = forecast(&p).unwrap();
    let months = ["2027-05", "2027-06", "2027-07", "2027-08"];
    assert_eq!(
        series(&f, &LineKey::LoanInterest, &months),
        [d("-50"), d("-50"), d("-50"), d("0")]
    );
    assert_eq!(
        series(&f, &LineKey::LoanCapital, &months),
        [d("0"), d("0"), d("-10000"), d("0")]
    );
}

#[test]
fn an_existing_loan_is_not_a_receipt_but_its_payments_fall_as_scheduled() {
    let mut p = empty_plan();
    p.forecast
        .loans
        .push(loan("10000", "6", "2027-02", 3, 0, Repayment::Bullet));
    let f = forecast(&p).unwrap();
    // Drawn in February, before the forecast: interest for March is before it too; April and
    // May's interest and May's repayment fall inside.
    assert!(f.months.iter().all(|r| r.receipts.is_zero()));
    assert_eq!(
        series(
            &f,
            &LineKey::LoanInterest,
            &["2027-04", "2027-05", "2027-06"]
        ),
        [d("-50"), d("-50"), d("0")]
    );
    assert_eq!(line(&f, "2027-05", &LineKey::LoanCapital), d("-10000"));
    assert_eq!(f.summary.closing_cash, d("-10100"));
}

#[test]
fn a_capital_holiday_as_long_as_the_term_leaves_the_principal_due_at_the_end() {
    // Rule FIN-02 reports the plan; the forecast still shows where the cash goes.
    let mut p = empty_plan();
    p.forecast
        .loans
        .push(loan("10000", "0", "2027-04", 3, 3, Repayment::Amortising));
    let f = forecast(&p).unwrap();
    assert_eq!(
        series(&f, &LineKey::LoanCapital, &["2027-06", "2027-07"]),
        [d("0"), d("-10000")]
    );
}

#[test]
fn grants_and_equity_are_receipts_in_their_month_and_only_grants_are_income() {
    let mut p = empty_plan();
    p.forecast.grants.push(Grant {
        id: id("g"),
        funder: "F".into(),
        purpose: "P".into(),
        amount: money("5000"),
        month: m("2027-06"),
        match_funding: true,
    });
    p.forecast.equity.push(EquityRaise {
        id: id("e"),
        name: "Shares".into(),
        amount: money("86"),
        month: m("2027-04"),
    });
    let f = forecast(&p).unwrap();
    assert_eq!(line(&f, "2027-06", &LineKey::Grant(id("g"))), d("5000"));
    assert_eq!(line(&f, "2027-04", &LineKey::Equity(id("e"))), d("86"));
    assert_eq!(f.years[0].surplus, d("5000"));
    assert_eq!(f.years[0].closing_cash, d("5086"));
}

#[test]
fn rounding_is_per_line_item_half_away_from_zero() {
    let mut p = empty_plan();
    // 100.02 / 12 = 8.335 exactly: rounds up to 8.34, twice, for two annual lines.
    p.forecast.costs.push(cost(
        "a",
        "100.02",
        CostFrequency::Annual,
        "2027-04",
        None,
        "0",
    ));
    p.forecast.costs.push(cost(
        "b",
        "100.02",
        CostFrequency::Annual,
        "2027-04",
        None,
        "0",
    ));
    let f = forecast(&p).unwrap();
    assert_eq!(
        line(&f, "2027-04", &LineKey::Cost(CostCategory::Other)),
        d("-16.68")
    );
}

#[test]
fn the_sample_plans_summary() {
    let mut plan = samples::riverside().unwrap();
    let f = forecast(&plan).unwrap();
    // April 2027 holds the one-off £150,000 transition costs with £30,000 of VAT, a month's net
    // pay (£273,750.00 gross less £70,807.40 of income tax, employee NI and employee pension,
    // which are paid in May with the employer's NI, pension and levy) and running costs
    // (£70,000 and £7,000 of VAT), but no contract cash yet: the ICB pays 30 days in arrears, so
    // April's £475,000 arrives in May. Against it stand the £150,000 opening cash, the £25,000
    // grant, £86 of shares and the £250,000 loan: 425,086 − 459,942.60 = −34,856.60, and the
    // £500 arrangement fee: the overdraft is drawn by £35,356.60 and cash is nil.
    assert_eq!(f.months[0].payments, d("459942.60") + d("500.00"));
    assert_eq!(f.months[0].facility_drawn, d("35356.60"));
    assert_eq!(f.summary.lowest_cash, d("0.00"));
    assert_eq!(f.summary.lowest_cash_month, m("2027-04"));
    assert_eq!(f.summary.months_negative, 0);
    assert_eq!(f.summary.lowest_headroom, d("64643.40"));
    assert_eq!(f.summary.months_facility_drawn, 2);
    let deductions: Decimal = [
        LineKey::PayeIncomeTax,
        LineKey::EmployeeNi,
        LineKey::EmployeePension,
    ]
    .iter()
    .map(|k| line(&f, "2027-05", k))
    .sum();
    assert_eq!(deductions, d("-70807.40"));
    assert_eq!(f.months[1].receipts, d("475000.00"));
    // April's levy: 273,750 × 0.5 % − 15,000 / 12 = 118.75, paid in May.
    assert_eq!(
        line(&f, "2027-05", &LineKey::ApprenticeshipLevy),
        d("-118.75")
    );
    // A CIC pays corporation tax: year 1's surplus is £511,643.92 (version 2's £531,621.63, less
    // the 12th month of loan interest now charged to the year, £1,354.17, and £18,000 more VAT on
    // costs than the old £8,000-a-month VAT line, and £811.04 of overdraft interest and fee; plus
    // £187.50 of employer NI saved by the falls instructors' whole thresholds: 2.5 FTE are 3
    // people). Above the upper limit: 25 % = £127,910.98, paid in January 2029.
    assert_eq!(f.years[0].surplus, d("511643.92"));
    assert_eq!(f.years[0].interest, d("16250.04"));
    assert_eq!(f.years[0].tax, d("127910.98"));
    assert_eq!(
        line(&f, "2029-01", &LineKey::CorporationTax),
        d("-127910.98")
    );
    // Free reserves are funds less fixed assets: the sample has no fixed assets, so they are its
    // funds, which are 1.2 months of year 1's own running costs.
    let y1 = &f.years[0];
    assert!(y1.balance_sheet.balances());
    assert_eq!(y1.free_reserves, y1.balance_sheet.funds);
    assert_eq!(y1.free_reserves, d("533818.94"));
    assert_eq!(y1.free_reserves_months, Some(d("1.2")));
    assert_eq!(y1.balance_sheet.interest_accrued, d("1354.17"));
    // Without the overdraft the first month is £34,856.60 below zero.
    plan.forecast.facilities.clear();
    let bare = forecast(&plan).unwrap();
    assert_eq!(bare.summary.lowest_cash, d("-34856.60"));
    // May pays April's deductions and employer costs before its contract cash covers them.
    assert_eq!(bare.summary.months_negative, 2);
}

#[test]
fn the_largest_contract_scenario_ends_the_contract_with_most_earned_value() {
    let p = samples::riverside().unwrap();
    let (base, results) = scenarios::run_all(&p).unwrap();
    let s1 = &results[0];
    assert_eq!(s1.scenario.id, "S1-largest-contract-ends");
    // Without the ICB contract after March 2030 the organisation runs out of cash for good.
    assert!(s1.forecast.summary.lowest_cash < base.summary.lowest_cash);
    let k = LineKey::Contract(id("community-therapy"));
    // The last service month is March 2030; its fixed part is paid in April, and its results
    // part three months later, in July. Nothing after that.
    assert_ne!(line(&s1.forecast, "2030-07", &k), Decimal::ZERO);
    assert_eq!(line(&s1.forecast, "2030-08", &k), Decimal::ZERO);
    assert_eq!(
        s1.delta.lowest_cash,
        s1.forecast.summary.lowest_cash - base.summary.lowest_cash
    );
}

#[test]
fn late_payment_moves_every_contract_receipt_a_month_later() {
    let p = samples::riverside().unwrap();
    let (base, results) = scenarios::run_all(&p).unwrap();
    let s3 = results
        .iter()
        .find(|r| r.scenario.id == "S3-late-payment-30")
        .unwrap();
    let k = LineKey::Contract(id("community-therapy"));
    assert_eq!(
        line(&s3.forecast, "2027-06", &k),
        line(&base, "2027-05", &k)
    );
    assert_eq!(line(&s3.forecast, "2027-05", &k), Decimal::ZERO);
    // With no contract cash until June, the overdraft is drawn to its £100,000 limit and cash
    // falls below zero in May.
    assert!(s3.forecast.months[1].facility_drawn == d("100000.00"));
    assert_eq!(s3.forecast.summary.lowest_cash, d("-386300.23"));
    assert_eq!(s3.delta.lowest_cash_month, 1);
}

#[test]
fn the_largest_plan_the_format_allows_computes_exactly_without_overflow() {
    // 500 contracts of £1,000,000,000,000 a year indexed at 100 % for 120 months: the format's
    // limits keep every figure far inside exact decimal range, so FIN-03 cannot arise from a
    // valid file. Each month of year k earns round(10^12 × 2^k / 12) per contract.
    let mut p = empty_plan();
    // A charity, so that no corporation tax enters the closing cash.
    p.organisation.legal_form = LegalForm::Cio;
    p.forecast.months = 120;
    p.forecast.opening_cash = money("1000000000000");
    let mut c = contract("1000000000000", "2027-04", "2037-03");
    c.indexation_percent = pct("100");
    for i in 0..500 {
        let mut c = c.clone();
        c.id = id(&format!("c{i}"));
        p.forecast.contracts.push(c);
    }
    let f = forecast(&p).unwrap();
    let mut expected = d("1000000000000");
    for k in 0..10u32 {
        let monthly = (d("1000000000000") * Decimal::from(2u64.pow(k)) / d("12"))
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        expected += monthly * d("12") * d("500");
    }
    assert_eq!(f.summary.closing_cash, expected);
}

#[test]
fn the_settings_table_of_the_cash_flow_document_matches_the_defaults() {
    // docs/cashflow.md lists every setting with its default, in file order; a band-list setting
    // says "band list, below", and its rows are a table of their own under "Band lists".
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cashflow.md")).unwrap();
    let section = doc
        .split("\n## Settings and their defaults")
        .nth(1)
        .unwrap();
    let section = section.split("\n## ").next().unwrap();
    let (table, band_lists) = section.split_once("\n### Band lists").unwrap();
    let rows: Vec<(String, String)> = table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), cells[2].to_string())
        })
        .collect();
    let defaults = serde_json::to_value(mutual_plan::model::new_plan::default_settings()).unwrap();
    let defaults = defaults.as_object().unwrap();
    let expected: Vec<(String, String)> = defaults
        .iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(_) => "band list, below".to_string(),
                other => other.to_string(),
            };
            (k.clone(), v)
        })
        .collect();
    assert_eq!(rows, expected);

    // Each band list's rows, as `(up_to, percent)` with `null` for no upper limit, against the
    // table that follows the paragraph naming it.
    let mut compared = 0;
    for (key, value) in defaults {
        let Some(bands) = value.as_array() else {
            continue;
        };
        let expected: Vec<(String, String)> = bands
            .iter()
            .map(|b| {
                let up_to = b["up_to"].as_str().unwrap_or("null").to_string();
                (up_to, b["percent"].as_str().unwrap().to_string())
            })
            .collect();
        assert_eq!(
            band_list_table(band_lists, key),
            expected,
            "the band list `{key}` in docs/cashflow.md"
        );
        compared += 1;
    }
    assert_eq!(compared, 6);
    // No table is left over that no setting names.
    let tables = band_lists
        .lines()
        .filter(|l| l.starts_with("| up_to | percent"))
        .count();
    assert_eq!(tables, compared, "band-list tables in docs/cashflow.md");
}

/// The rows `(up_to, percent)` of the band-list table that follows the paragraph starting with
/// `` `key` `` in `text`: the first table after it whose header starts `| up_to | percent`.
fn band_list_table(text: &str, key: &str) -> Vec<(String, String)> {
    let named = format!("`{key}` ");
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&named))
        .skip(1)
        .skip_while(|l| !l.starts_with("| up_to | percent"));
    assert!(
        lines.next().is_some(),
        "docs/cashflow.md has no band-list table for `{key}`"
    );
    lines
        .skip(1) // the header's rule, | --- | --- |
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].to_string(), cells[2].to_string())
        })
        .collect()
}

#[test]
fn sources_and_uses_reconcile_to_the_lowest_point_of_year_one() {
    use mutual_plan::forecast::funding::sources_and_uses;
    let mut p = samples::riverside().unwrap();
    // Without its overdraft, so that the reconciliation reaches below zero.
    p.forecast.facilities.clear();
    let f = forecast(&p).unwrap();
    let s = sources_and_uses(&p, &f);
    // April 2027: 150,000 opening + 25,000 grant + 86 shares + 250,000 loan − 180,000 transition
    // costs with their 30,000 of VAT − 279,942.60 of net pay, running costs and their VAT
    // (202,942.60 net pay, 70,000 costs and 7,000 of VAT on the IT and support services)
    // = −34,856.60.
    let adds_up = |s: &mutual_plan::forecast::funding::SourcesAndUses| {
        s.opening_cash + s.grants + s.equity + s.loans + s.facility - s.one_off_costs - s.capital
            + s.operating
    };
    assert_eq!(s.to_month, m("2027-04"));
    assert_eq!(
        (s.opening_cash, s.grants, s.equity, s.loans, s.one_off_costs),
        (d("150000"), d("25000"), d("86"), d("250000"), d("180000"))
    );
    assert_eq!((s.facility, s.capital), (d("0"), d("0")));
    assert_eq!(s.operating, d("-279942.60"));
    assert_eq!(s.closing_cash, d("-34856.60"));
    assert_eq!(adds_up(&s), s.closing_cash);
    // With its overdraft, cash is nil in April and the lowest point is the least headroom,
    // also April: £35,356.60 is drawn (the gap and the £500 fee).
    let sample = samples::riverside().unwrap();
    let with = sources_and_uses(&sample, &forecast(&sample).unwrap());
    assert_eq!(with.to_month, m("2027-04"));
    assert_eq!(with.facility, d("35356.60"));
    assert_eq!(with.closing_cash, d("0"));
    assert_eq!(adds_up(&with), with.closing_cash);
    // Capital spending and its VAT are a use of their own.
    let mut kit = samples::riverside().unwrap();
    let mut line = kit.forecast.costs[0].clone();
    line.id = id("kit");
    line.frequency = CostFrequency::Capital;
    line.amount = money("24000");
    line.useful_life_months = Some(36);
    line.vat_percent = pct("20");
    line.start = m("2027-04");
    line.end = None;
    kit.forecast.costs.push(line);
    let s = sources_and_uses(&kit, &forecast(&kit).unwrap());
    assert_eq!(s.capital, d("28800"));
    assert_eq!(adds_up(&s), s.closing_cash);
    // Later in the year: a second dip, lower, after a recovery; a one-off outside the months
    // counted stays out.
    let mut q = empty_plan();
    q.forecast.opening_cash = money("1000");
    q.forecast.costs.push(cost(
        "a",
        "100",
        CostFrequency::Monthly,
        "2027-04",
        None,
        "0",
    ));
    q.forecast.costs.push(cost(
        "b",
        "5000",
        CostFrequency::OneOff,
        "2027-09",
        None,
        "0",
    ));
    q.forecast
        .costs
        .push(cost("c", "7", CostFrequency::OneOff, "2028-02", None, "0"));
    q.forecast.grants.push(Grant {
        id: id("g"),
        funder: "Fund".into(),
        purpose: "Start".into(),
        amount: money("200"),
        month: m("2027-05"),
        match_funding: false,
    });
    let f = forecast(&q).unwrap();
    let s = sources_and_uses(&q, &f);
    assert_eq!(s.to_month, m("2028-03"));
    assert_eq!(s.one_off_costs, d("5007"));
    assert_eq!(s.operating, d("-1200"));
    assert_eq!(s.closing_cash, d("1000") + d("200") - d("5007") - d("1200"));
}

#[test]
fn every_figure_of_the_sample_is_explained_by_rows_that_add_up_to_it() {
    use mutual_plan::forecast::explain::explain;
    let mut p = samples::riverside().unwrap();
    // Claimed by a charity, the Employment Allowance is a part of its own.
    p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
    p.organisation.charity = true;
    p.forecast.settings.claim_employment_allowance = true;
    let f = forecast(&p).unwrap();
    let mut parts = 0;
    for row in f.months.iter().step_by(5) {
        for (key, value) in &row.lines {
            let why = explain(&p, row.month, key).unwrap();
            let sum: Decimal = why.iter().map(|c| c.amount).sum();
            assert_eq!(sum, *value, "{} {key}: {why:?}", row.month);
            assert!(why.iter().all(|c| !c.path.is_root() && !c.words.is_empty()));
            parts += why.len();
        }
    }
    assert!(parts > 100);
    // Pay in May 2027: one part per staff line, each the line's own pay.
    let pay = explain(&p, m("2027-05"), &LineKey::NetPay).unwrap();
    assert_eq!(pay.len(), 5, "the falls instructors start in October");
    assert_eq!(pay[0].path.to_string(), "forecast.staff[physio]");
    assert_eq!(pay[0].words, "Staff: Physiotherapists");
    // Net of deductions: below the line's gross £126,666.67.
    assert!(pay[0].amount < Decimal::ZERO && pay[0].amount > d("-126666.67"));
    // April's NI, paid in May, less the allowance.
    let ni = explain(&p, m("2027-05"), &LineKey::EmployerNi).unwrap();
    let allowance = ni.last().unwrap();
    assert_eq!(
        allowance.path.to_string(),
        "forecast.settings.employment_allowance"
    );
    assert_eq!(allowance.amount, d("10500"));
    // A category with two cost lines shows both.
    p.forecast.costs[1].category = CostCategory::Premises;
    let premises = explain(&p, m("2027-04"), &LineKey::Cost(CostCategory::Premises)).unwrap();
    let ids: Vec<String> = premises.iter().map(|c| c.path.to_string()).collect();
    assert_eq!(ids, ["forecast.costs[premises]", "forecast.costs[it]"]);
}

/// Every row of the window's Forecast view, every month and every year total, is the forecast
/// that `mutual-plan forecast --format json` prints: each line as the CLI gives it, net cash flow
/// as receipts less payments, opening and closing cash as given, and each year's totals as the
/// sums of its months (net), its first opening and its last closing. For the sample and for the
/// long generated plan (120 months, hundreds of lines), so no row of the view can be worked out
/// differently from the forecast again (its net cash flow once added the payments).
#[test]
fn every_row_of_the_forecast_view_is_the_clis_forecast() {
    use mutual_plan::show::forecast_view::forecast_view;
    use mutual_plan::words::money::pence;
    for (name, plan) in [
        ("sample", samples::riverside().unwrap()),
        ("stress", samples::stress_plan().unwrap()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.mutualplan");
        std::fs::write(&file, mutual_plan::model::plan_file::write_plan(&plan)).unwrap();
        let out = common::cli(&["forecast", file.to_str().unwrap(), "--format", "json"]);
        assert!(out.status.success(), "{}", common::text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let months = json["months"].as_array().unwrap();
        let amount = |v: &serde_json::Value| -> Decimal {
            v.as_str().map_or(Decimal::ZERO, |s| s.parse().unwrap())
        };
        let line = |i: usize, key: &str| amount(&months[i]["lines"][key]);
        let net = |i: usize| amount(&months[i]["receipts"]) - amount(&months[i]["payments"]);

        let view = forecast_view(&plan).unwrap();
        assert_eq!(view.columns.len(), months.len(), "{name}: months");
        // Every line the CLI prints is a row of the view, and the view has no other line.
        let mut cli_keys: Vec<String> = months
            .iter()
            .flat_map(|m| m["lines"].as_object().unwrap().keys().cloned())
            .collect();
        cli_keys.sort();
        cli_keys.dedup();
        let mut view_keys: Vec<String> = view
            .rows
            .iter()
            .filter(|r| !r.key.is_empty())
            .map(|r| r.key.clone())
            .collect();
        view_keys.sort();
        assert_eq!(view_keys, cli_keys, "{name}: the lines");
        let totals: Vec<&str> = view
            .rows
            .iter()
            .filter(|r| r.key.is_empty())
            .map(|r| r.label.as_str())
            .collect();
        // Both plans have the sample's overdraft: what is drawn and the headroom close the table.
        assert_eq!(
            totals,
            [
                "Net cash flow",
                "Opening cash",
                "Closing cash",
                "Overdraft drawn",
                "Headroom"
            ]
        );

        for (r, row) in view.rows.iter().enumerate() {
            let want = |i: usize| -> Decimal {
                match row.label.as_str() {
                    _ if !row.key.is_empty() => line(i, &row.key),
                    "Net cash flow" => net(i),
                    "Opening cash" => amount(&months[i]["opening"]),
                    "Closing cash" => amount(&months[i]["closing"]),
                    "Overdraft drawn" => amount(&months[i]["facility_drawn"]),
                    "Headroom" => amount(&months[i]["headroom"]),
                    other => panic!("{name}: an unexpected row {other}"),
                }
            };
            for (i, c) in row.cells.iter().enumerate() {
                assert_eq!(
                    c.text,
                    pence(want(i)),
                    "{name}: {} in {}",
                    row.label,
                    view.columns[i].month
                );
                let closing = row.label == "Closing cash"
                    || row.label == "Opening cash"
                    || row.label.starts_with("Headroom");
                assert_eq!(c.negative, closing && want(i) < Decimal::ZERO);
            }
            for y in &view.years {
                let (first, end) = (y.first as usize, y.end as usize);
                let total = match row.label.as_str() {
                    "Opening cash" => want(first),
                    "Closing cash" => want(end - 1),
                    "Overdraft drawn" | "Headroom" => want(end - 1),
                    _ => (first..end).map(want).sum(),
                };
                assert_eq!(
                    y.totals[r].text,
                    pence(total),
                    "{name}: {} in {}",
                    row.label,
                    y.label
                );
            }
        }
        // Every row of the balance sheet and of the year ends is the CLI's figure for that year
        // end, in pounds (creditors shown negative); the subtotals add the CLI's keys.
        use mutual_plan::words::money::pounds;
        let years = json["years"].as_array().unwrap();
        let key = |y: usize, k: &str| amount(&years[y]["balance_sheet"][k]);
        let sheet_row = |label: &str, y: usize| -> Option<Decimal> {
            let creditors = [
                "payroll_creditors",
                "corporation_tax_payable",
                "vat_payable",
                "interest_accrued",
                "facility_drawn",
                "loans_within_one_year",
                "cash_shortfall",
            ];
            Some(match label {
                "Fixed assets" => key(y, "fixed_assets"),
                "Debtors and accrued income" => key(y, "trade_debtors"),
                "VAT to be repaid" => key(y, "vat_recoverable"),
                "Cash at bank" => key(y, "cash"),
                "Total current assets" => {
                    key(y, "trade_debtors") + key(y, "vat_recoverable") + key(y, "cash")
                }
                "Corporation tax" => -key(y, "corporation_tax_payable"),
                "VAT to pay" => -key(y, "vat_payable"),
                "Loan interest accrued" => -key(y, "interest_accrued"),
                "Overdraft" => -key(y, "facility_drawn"),
                "Loans due within one year" => -key(y, "loans_within_one_year"),
                "Cash shortfall not yet funded" => -key(y, "cash_shortfall"),
                "Total creditors due within one year" => {
                    -creditors.iter().map(|k| key(y, k)).sum::<Decimal>()
                }
                "Net current assets" => {
                    key(y, "trade_debtors") + key(y, "vat_recoverable") + key(y, "cash")
                        - creditors.iter().map(|k| key(y, k)).sum::<Decimal>()
                }
                "Loans due after more than one year" => -key(y, "loans_after_one_year"),
                "Net assets" => key(y, "net_assets"),
                "Share capital" => key(y, "share_capital"),
                "Opening funds" => key(y, "opening_funds"),
                "Retained surplus" => key(y, "retained_surplus"),
                "Total funds" => key(y, "funds"),
                l if l.starts_with("Payroll") => -key(y, "payroll_creditors"),
                "Current assets" | "Creditors due within one year" | "Funds" => return None,
                other => panic!("{name}: an unexpected balance sheet row {other}"),
            })
        };
        assert_eq!(view.balance_sheet.headings.len(), years.len());
        for row in &view.balance_sheet.rows {
            for (y, c) in row.cells.iter().enumerate() {
                let want = sheet_row(&row.label, y).map_or_else(String::new, pounds);
                assert_eq!(
                    c.text,
                    want,
                    "{name}: {} at the end of year {}",
                    row.label,
                    y + 1
                );
            }
        }
        for row in &view.year_ends.rows {
            for (y, c) in row.cells.iter().enumerate() {
                let want = match row.label.as_str() {
                    "Closing cash" => pounds(amount(&years[y]["closing_cash"])),
                    "Lowest headroom in the year" => pounds(amount(&years[y]["lowest_headroom"])),
                    "Free reserves" => pounds(amount(&years[y]["free_reserves"])),
                    "Free reserves in months of running costs" => years[y]["free_reserves_months"]
                        .as_str()
                        .map_or("—".into(), |m| {
                            mutual_plan::words::format::months(m.parse().unwrap())
                        }),
                    "Debt service cover" => years[y]["debt_service_cover"]
                        .as_str()
                        .map_or("—".into(), |d| format!("{d}×")),
                    other => panic!("{name}: an unexpected year-end row {other}"),
                };
                assert_eq!(
                    c.text,
                    want,
                    "{name}: {} at the end of year {}",
                    row.label,
                    y + 1
                );
            }
        }
        // The CLI's own months hold together: closing = opening + net.
        for (i, m) in months.iter().enumerate() {
            assert_eq!(amount(&m["closing"]), amount(&m["opening"]) + net(i));
        }
    }
}
