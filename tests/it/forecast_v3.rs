//! The worked examples of `docs/cashflow.md` for version 3's financial model, each computed by
//! hand there: payroll deductions, working-capital facilities, VAT (one quarter, and the
//! registration threshold), depreciation, loan interest accrual and the three-line balance sheet.

use mutual_plan::forecast::{forecast, scenarios, Forecast, LineKey};
use mutual_plan::model::plan::*;
use mutual_plan::model::samples;
use rust_decimal::Decimal;

use crate::common;

use common::{dec as d, id, money, month as m, pct};

/// A company limited by shares in England with an empty 12-month forecast from April 2027.
fn blank() -> Plan {
    let mut p = samples::riverside().unwrap();
    p.organisation.legal_form = LegalForm::CompanyLimitedByShares;
    p.organisation.charity = false;
    p.organisation.nation = Nation::England;
    let f = &mut p.forecast;
    f.start = m("2027-04");
    f.months = 12;
    f.opening_cash = money("0");
    f.settings.claim_employment_allowance = false;
    f.settings.payroll_costs_paid = PayrollTiming::NextMonth;
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

fn line(f: &Forecast, month: &str, key: &LineKey) -> Decimal {
    f.months
        .iter()
        .find(|r| r.month == m(month))
        .and_then(|r| r.lines.iter().find(|(k, _)| k == key))
        .map_or(Decimal::ZERO, |(_, v)| *v)
}

fn kind(f: &Forecast, year: usize, key: &LineKey) -> Decimal {
    f.years[year]
        .expenditure_by_kind
        .iter()
        .find(|(k, _)| k == key)
        .map_or(Decimal::ZERO, |(_, v)| *v)
}

fn staff(
    idn: &str,
    fte: &str,
    headcount: Option<u32>,
    salary: &str,
    scheme: PensionScheme,
    employer: &str,
    employee: Option<&str>,
) -> StaffLine {
    StaffLine {
        id: id(idn),
        role: idn.into(),
        fte: fte.parse().unwrap(),
        headcount,
        annual_salary: money(salary),
        start: m("2027-04"),
        end: None,
        transferred: false,
        contract: None,
        pension: Pension {
            scheme,
            employer_percent: pct(employer),
            employee_percent: employee.map(pct),
        },
    }
}

fn cost(
    idn: &str,
    amount: &str,
    frequency: CostFrequency,
    start: &str,
    vat: &str,
    life: Option<u32>,
) -> CostLine {
    CostLine {
        id: id(idn),
        name: idn.into(),
        category: CostCategory::Other,
        amount: money(amount),
        frequency,
        start: m(start),
        end: None,
        useful_life_months: life,
        inflation_percent: pct("0"),
        vat_percent: pct(vat),
    }
}

fn income(
    idn: &str,
    amount: &str,
    frequency: Frequency,
    start: &str,
    vat: VatTreatment,
) -> IncomeLine {
    IncomeLine {
        id: id(idn),
        name: idn.into(),
        amount: money(amount),
        frequency,
        start: m(start),
        end: None,
        growth_percent: pct("0"),
        vat,
    }
}

fn contract(annual: &str, days: u32, vat: VatTreatment) -> Contract {
    let mut c = samples::riverside().unwrap().forecast.contracts[0].clone();
    c.id = id("c");
    c.annual_value = money(annual);
    c.start = m("2027-04");
    c.end = m("2030-03");
    c.indexation_percent = pct("0");
    c.payment_terms_days = days;
    c.pbr = None;
    c.vat = vat;
    c
}

#[test]
fn payroll_deductions_split_gross_pay_per_person_and_leave_the_month_after() {
    // Occupational therapists: 2.5 FTE worked by 3 people at £37,000, NHS Pension Scheme.
    let mut p = blank();
    p.forecast.staff.push(staff(
        "ot",
        "2.5",
        Some(3),
        "37000",
        PensionScheme::Nhs,
        "23.78",
        None,
    ));
    let f = forecast(&p).unwrap();
    // G = 7,708.33; tier 8.3 % (12 × g = 30,833.32); T = 785.21, Ne = 365.27, Pe = 639.79.
    assert_eq!(kind(&f, 0, &LineKey::Pay), d("7708.33") * d("12"));
    assert_eq!(line(&f, "2027-04", &LineKey::NetPay), d("-5918.06"));
    assert_eq!(line(&f, "2027-04", &LineKey::PayeIncomeTax), Decimal::ZERO);
    assert_eq!(line(&f, "2027-05", &LineKey::PayeIncomeTax), d("-785.21"));
    assert_eq!(line(&f, "2027-05", &LineKey::EmployeeNi), d("-365.27"));
    assert_eq!(line(&f, "2027-05", &LineKey::EmployeePension), d("-639.79"));
    assert_eq!(line(&f, "2027-05", &LineKey::EmployerNi), d("-968.75"));
    assert_eq!(
        line(&f, "2027-05", &LineKey::EmployerPension),
        d("-1833.04")
    );
    // May pays April's £4,592.06 beside its own net pay.
    assert_eq!(f.months[1].payments, d("5918.06") + d("4592.06"));
    // The I&E charges the month worked with G + N + Q either way.
    assert_eq!(
        kind(&f, 0, &LineKey::Pay)
            + kind(&f, 0, &LineKey::EmployerNi)
            + kind(&f, 0, &LineKey::EmployerPension),
        d("10510.12") * d("12")
    );
    // With same-month timing all £10,510.12 leaves in April.
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    assert_eq!(forecast(&p).unwrap().months[0].payments, d("10510.12"));
    // In Scotland the six bands give T = 775.29.
    p.organisation.nation = Nation::Scotland;
    assert_eq!(
        line(&forecast(&p).unwrap(), "2027-04", &LineKey::PayeIncomeTax),
        d("-775.29")
    );
}

#[test]
fn a_part_time_line_without_a_headcount_has_a_whole_threshold_per_person() {
    // 0.5 FTE at £30,000 with no headcount is one person with one whole £5,000 threshold:
    // (15,000 − 5,000) × 15 % / 12 = 125.00 a month (version 2 gave half a threshold: 156.25).
    let mut p = blank();
    p.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    p.forecast.staff.push(staff(
        "pt",
        "0.5",
        None,
        "30000",
        PensionScheme::None,
        "0",
        None,
    ));
    let f = forecast(&p).unwrap();
    assert_eq!(line(&f, "2027-04", &LineKey::EmployerNi), d("-125.00"));
}

#[test]
fn a_facility_is_drawn_when_cash_would_fall_below_zero_and_repaid_as_soon_as_it_can() {
    let mut p = blank();
    p.organisation.legal_form = LegalForm::Cio;
    let f = &mut p.forecast;
    f.opening_cash = money("10000");
    f.facilities.push(Facility {
        id: id("bank"),
        lender: "Bank".into(),
        limit: money("100000"),
        annual_rate_percent: pct("8"),
        from: m("2027-04"),
        to: None,
        arrangement_fee: money("1000"),
    });
    f.costs.push(cost(
        "a",
        "50000",
        CostFrequency::OneOff,
        "2027-04",
        "0",
        None,
    ));
    f.costs.push(cost(
        "b",
        "30000",
        CostFrequency::OneOff,
        "2027-05",
        "0",
        None,
    ));
    f.income.push(income(
        "x",
        "50000",
        Frequency::OneOff,
        "2027-06",
        VatTreatment::Exempt,
    ));
    f.income.push(income(
        "y",
        "40000",
        Frequency::OneOff,
        "2027-07",
        VatTreatment::Exempt,
    ));
    let f = forecast(&p).unwrap();
    let k = LineKey::Facility(id("bank"));
    assert_eq!(line(&f, "2027-04", &LineKey::FacilityFees), d("-1000.00"));
    let interest: Vec<_> = ["2027-04", "2027-05", "2027-06", "2027-07"]
        .iter()
        .map(|mo| line(&f, mo, &LineKey::FacilityInterest))
        .collect();
    assert_eq!(interest, [d("0"), d("-273.33"), d("-475.16"), d("-144.99")]);
    let moves: Vec<_> = ["2027-04", "2027-05", "2027-06", "2027-07"]
        .iter()
        .map(|mo| line(&f, mo, &k))
        .collect();
    assert_eq!(
        moves,
        [d("41000.00"), d("30273.33"), d("-49524.84"), d("-21748.49")]
    );
    let closing: Vec<_> = f.months[..4].iter().map(|r| r.closing).collect();
    assert_eq!(closing, [d("0"), d("0"), d("0"), d("18106.52")]);
    let drawn: Vec<_> = f.months[..4].iter().map(|r| r.facility_drawn).collect();
    assert_eq!(drawn, [d("41000.00"), d("71273.33"), d("21748.49"), d("0")]);
    let headroom: Vec<_> = f.months[..4].iter().map(|r| r.headroom).collect();
    assert_eq!(
        headroom,
        [d("59000.00"), d("28726.67"), d("78251.51"), d("118106.52")]
    );
    let s = &f.summary;
    assert_eq!(
        (s.lowest_headroom, s.lowest_headroom_month),
        (d("28726.67"), m("2027-05"))
    );
    assert_eq!(
        (s.peak_facility_drawn, s.peak_facility_drawn_month),
        (d("71273.33"), Some(m("2027-05")))
    );
    assert_eq!(s.months_facility_drawn, 3);
    assert_eq!(s.lowest_cash, d("0"));
    assert!(f.years.iter().all(|y| y.balance_sheet.balances()));
}

#[test]
fn one_vat_quarter_of_a_registered_partly_exempt_organisation() {
    let mut p = blank();
    p.organisation.legal_form = LegalForm::CicLimitedByShares;
    let f = &mut p.forecast;
    f.settings.vat_registered = true;
    f.settings.vat_stagger = 1;
    f.contracts
        .push(contract("600000", 30, VatTreatment::Exempt));
    f.income.push(income(
        "training",
        "10000",
        Frequency::Monthly,
        "2027-04",
        VatTreatment::Standard,
    ));
    f.costs.push(cost(
        "premises",
        "10000",
        CostFrequency::Monthly,
        "2027-04",
        "20",
        None,
    ));
    f.costs.push(cost(
        "supplies",
        "5000",
        CostFrequency::Monthly,
        "2027-04",
        "20",
        None,
    ));
    f.costs.push(cost(
        "kit",
        "12000",
        CostFrequency::Capital,
        "2027-04",
        "20",
        Some(36),
    ));
    let f = forecast(&p).unwrap();
    let y = &f.vat_years[0];
    assert_eq!(y.end, m("2028-03"));
    assert_eq!(
        (y.taxable_supplies, y.exempt_supplies),
        (d("120000.00"), d("600000.00"))
    );
    assert_eq!(y.standard_method_percent, d("17"));
    assert_eq!(y.input_vat, d("38400.00"));
    assert_eq!(y.exempt_input_vat, d("31872.00"));
    assert!(!y.de_minimis);
    assert_eq!(y.recovery_percent, d("17"));
    // April to June: output VAT £6,000 received with the training income; £11,400 of input VAT
    // paid; £1,938 recoverable; the return of £4,062 paid in August 2027.
    let sum = |key: &LineKey| -> Decimal {
        ["2027-04", "2027-05", "2027-06"]
            .iter()
            .map(|mo| line(&f, mo, key))
            .sum()
    };
    assert_eq!(sum(&LineKey::VatOutput), d("6000.00"));
    assert_eq!(sum(&LineKey::VatInput), d("-11400.00"));
    assert_eq!(line(&f, "2027-08", &LineKey::VatReturn), d("-4062.00"));
    assert_eq!(line(&f, "2027-07", &LineKey::VatReturn), Decimal::ZERO);
    // Irrecoverable: £2,490 a month on the revenue lines; £1,992 on the capital line makes its
    // cost £13,992, depreciated at £388.67 a month from May 2027.
    assert_eq!(
        kind(&f, 0, &LineKey::VatIrrecoverable),
        d("2490.00") * d("12")
    );
    assert_eq!(kind(&f, 0, &LineKey::Depreciation), d("388.67") * d("11"));
    assert_eq!(
        line(&f, "2027-04", &LineKey::Capital(CostCategory::Other)),
        d("-12000.00")
    );
    let sheet = &f.years[0].balance_sheet;
    assert_eq!(sheet.fixed_assets, d("13992.00") - d("388.67") * d("11"));
    assert!(sheet.balances(), "{sheet:?}");
}

#[test]
fn taxable_turnover_crosses_the_registration_threshold() {
    // Standard-rated training of £8,000 a month from month 3, not registered: rolling turnover
    // is £88,000 in month 13 and £96,000 in month 14, so the threshold month is month 14 and
    // registration is due from month 16.
    let mut p = blank();
    p.forecast.months = 24;
    p.forecast.income.push(income(
        "training",
        "8000",
        Frequency::Monthly,
        "2027-07",
        VatTreatment::Standard,
    ));
    let f = forecast(&p).unwrap();
    let s = &f.summary;
    assert_eq!(s.vat_threshold_month, Some(m("2028-06")));
    assert_eq!(s.vat_registration_due_month, Some(m("2028-08")));
    assert_eq!(s.taxable_turnover_12m_max, d("96000.00"));
    assert_eq!(s.taxable_turnover_12m_max_month, Some(m("2028-06")));
    // Not registered: no VAT is charged, and the VAT years are not reported.
    assert!(f.vat_years.is_empty());
    assert!(f
        .months
        .iter()
        .all(|r| r.lines.iter().all(|(k, _)| *k != LineKey::VatOutput)));
}

#[test]
fn a_capital_line_is_depreciated_straight_line_from_the_month_after_purchase() {
    let mut p = blank();
    p.forecast.costs.push(cost(
        "kit",
        "12000",
        CostFrequency::Capital,
        "2027-04",
        "0",
        Some(24),
    ));
    let f = forecast(&p).unwrap();
    assert_eq!(
        line(&f, "2027-04", &LineKey::Capital(CostCategory::Other)),
        d("-12000.00")
    );
    assert_eq!(kind(&f, 0, &LineKey::Depreciation), d("5500.00"));
    assert_eq!(f.years[0].balance_sheet.fixed_assets, d("6500.00"));
    // Capital spending is not expenditure.
    assert_eq!(
        kind(&f, 0, &LineKey::Cost(CostCategory::Other)),
        Decimal::ZERO
    );
}

#[test]
fn the_three_line_example_balances_to_the_penny() {
    let mut p = blank();
    let f = &mut p.forecast;
    f.opening_cash = money("20000");
    f.contracts
        .push(contract("240000", 30, VatTreatment::Exempt));
    f.staff.push(staff(
        "s",
        "1",
        None,
        "30000",
        PensionScheme::DefinedContribution,
        "5",
        Some("5"),
    ));
    f.costs.push(cost(
        "kit",
        "12000",
        CostFrequency::Capital,
        "2027-04",
        "0",
        Some(24),
    ));
    let f = forecast(&p).unwrap();
    // T = round(20 % × (2,500 − 125 − 1,047.50)) = 265.50, Ne = 116.20, net pay 1,993.30.
    assert_eq!(line(&f, "2027-04", &LineKey::NetPay), d("-1993.30"));
    let y = &f.years[0];
    assert_eq!(y.income, d("240000.00"));
    assert_eq!(y.surplus, d("199250.00"));
    assert_eq!(y.tax, d("49051.25"));
    assert_eq!(y.surplus_after_tax, d("150198.75"));
    assert_eq!(y.closing_cash, d("193694.20"));
    let b = &y.balance_sheet;
    assert_eq!(b.fixed_assets, d("6500.00"));
    assert_eq!(b.trade_debtors, d("20000.00"));
    assert_eq!(b.cash, d("193694.20"));
    assert_eq!(b.payroll_creditors, d("944.20"));
    assert_eq!(b.corporation_tax_payable, d("49051.25"));
    assert_eq!(b.net_assets, d("170198.75"));
    assert_eq!(b.opening_funds, d("20000.00"));
    assert_eq!(b.retained_surplus, d("150198.75"));
    assert_eq!(b.funds, d("170198.75"));
    assert!(b.balances());
    // Free reserves £163,698.75 over £2,937.50 a month of running costs: 55.7 months; no debt
    // service, so no cover.
    assert_eq!(y.free_reserves, d("163698.75"));
    assert_eq!(y.operating_costs, d("35250.00"));
    assert_eq!(y.free_reserves_months, Some(d("55.7")));
    assert_eq!(y.debt_service_cover, None);
}

#[test]
fn the_samples_loan_interest_is_charged_to_the_month_it_is_for() {
    let f = forecast(&samples::riverside().unwrap()).unwrap();
    assert_eq!(f.years[0].interest, d("16250.04"));
    assert_eq!(line(&f, "2027-04", &LineKey::LoanInterest), Decimal::ZERO);
    assert_eq!(line(&f, "2027-05", &LineKey::LoanInterest), d("-1354.17"));
    let b = &f.years[0].balance_sheet;
    assert_eq!(b.interest_accrued, d("1354.17"));
    assert_eq!(b.loans_within_one_year, d("57291.63"));
    assert_eq!(b.loans_after_one_year, d("192708.37"));
    assert!(f.years.iter().all(|y| y.balance_sheet.balances()));
}

#[test]
fn scenario_s1_ends_the_staff_linked_to_the_lost_contract() {
    let plan = samples::riverside().unwrap();
    let base = forecast(&plan).unwrap();
    let s1 = &scenarios::default_scenarios()[0];
    assert_eq!(
        s1.title,
        "The largest contract is not renewed (its linked staff transfer)"
    );
    let (changed, _) = scenarios::apply(&plan, &base, s1.change);
    for s in &changed.forecast.staff {
        let linked = s.contract.as_ref().map(|c| c.as_str()) == Some("community-therapy");
        assert_eq!(s.end == Some(m("2030-03")), linked, "{}", s.id);
    }
    // Unlinked, the staff stay on full pay: the linked lines' transfer saves cash.
    let mut unlinked = plan.clone();
    unlinked
        .forecast
        .staff
        .iter_mut()
        .for_each(|s| s.contract = None);
    let (kept, _) = scenarios::apply(&unlinked, &forecast(&unlinked).unwrap(), s1.change);
    let with = forecast(&changed).unwrap().summary.closing_cash;
    let without = forecast(&kept).unwrap().summary.closing_cash;
    assert!(with > without, "{with} {without}");
}

#[test]
fn every_scenario_of_the_sample_is_the_same_run_on_the_whole_plan() {
    // The scenarios are run on a copy of the plan without its narrative and review, which the
    // forecast does not read: each gives the same forecast as the whole plan would.
    let plan = samples::riverside().unwrap();
    let (base, results) = scenarios::run_all(&plan).unwrap();
    for (s, r) in scenarios::default_scenarios().iter().zip(&results) {
        let whole = scenarios::run(&plan, &base, s).unwrap();
        assert_eq!(whole, *r, "{}", s.id);
    }
}
