//! Rules of version 3 of the catalogue: for each, a triggering case and a near miss at its
//! boundary. The forecast's sanity (FIN-01, FIN-06, FIN-09, FIN-10), VAT and public money
//! (VAT-01, VAT-02, SUB-01) and the narrative's figures (NAR-01, NAR-02); and a walk over the
//! CLI's forecast JSON showing that NAR-01 sees every money value in it.

use crate::common::{self, cli, id, money, month, pct, text};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::checks::rules::{check, check_with_scenarios};
use mutual_plan::checks::verdict::{Finding, Severity};
use mutual_plan::forecast::money_values::{horizon_totals, json_money};
use mutual_plan::forecast::scenarios::run_all;
use mutual_plan::forecast::{forecast, Forecast};
use mutual_plan::model::plan::*;
use mutual_plan::model::samples;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The rule ids this file tests with a triggering case and a near miss.
pub const TESTED: &[&str] = &[
    "FIN-01", "FIN-06", "FIN-09", "FIN-10", "VAT-01", "VAT-02", "SUB-01", "NAR-01", "NAR-02",
];

fn sample() -> Plan {
    samples::riverside().unwrap()
}

/// The findings of one rule on the base forecast alone.
fn of(p: &Plan, rule: &str) -> Vec<Finding> {
    check(p, &Criteria::bundled().policy, &forecast(p))
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The findings of one rule, given the forecast and its scenarios, as the app computes them.
fn analysed_of(p: &Plan, rule: &str) -> Vec<Finding> {
    analyse(p, &Criteria::bundled())
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The findings of one rule, given a forecast changed by hand.
fn with_forecast(p: &Plan, rule: &str, change: impl FnOnce(&mut Forecast)) -> Vec<Finding> {
    let mut f = forecast(p).unwrap();
    change(&mut f);
    check(p, &Criteria::bundled().policy, &Ok(f))
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

fn only(hits: &[Finding], severity: Severity, path: &str) -> String {
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0].severity, severity, "{hits:#?}");
    assert_eq!(hits[0].path.to_string(), path);
    hits[0].message.clone()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn cost(p: &Plan, idn: &str) -> usize {
    p.forecast
        .costs
        .iter()
        .position(|c| c.id.as_str() == idn)
        .unwrap()
}

/// A capital purchase of laptops in `when`, over 36 months.
fn capital(p: &mut Plan, when: &str) {
    let mut c = p.forecast.costs[cost(p, "transition")].clone();
    c.id = id("laptops");
    c.name = "Laptops".into();
    c.category = CostCategory::It;
    c.frequency = CostFrequency::Capital;
    c.useful_life_months = Some(36);
    c.start = month(when);
    p.forecast.costs.push(c);
}

// ---------------------------------------------------------------------------------------------
// FIN-01

#[test]
fn fin_01_a_capital_purchase_after_the_forecast_is_an_error_and_before_it_information() {
    let mut p = sample();
    capital(&mut p, "2032-04");
    let m = only(
        &of(&p, "FIN-01"),
        Severity::Error,
        "forecast.costs[laptops].start",
    );
    assert!(
        m.contains("capital purchase \"Laptops\" falls in April 2032, after the forecast ends (March 2032)"),
        "{m}"
    );
    let mut p = sample();
    capital(&mut p, "2032-03");
    assert!(of(&p, "FIN-01").is_empty());

    let mut p = sample();
    capital(&mut p, "2027-03");
    let m = only(
        &of(&p, "FIN-01"),
        Severity::Info,
        "forecast.costs[laptops].start",
    );
    assert!(
        m.contains("\"Laptops\" was bought before the forecast starts")
            && m.contains("so it is not on the balance sheet and is not depreciated: the surplus and corporation tax are overstated by its depreciation"),
        "{m}"
    );
    let mut p = sample();
    capital(&mut p, "2027-04");
    assert!(of(&p, "FIN-01").is_empty());
}

#[test]
fn fin_01_a_facility_must_end_after_it_begins() {
    let mut p = sample();
    p.forecast.facilities[0].to = Some(month("2027-04"));
    let m = only(
        &of(&p, "FIN-01"),
        Severity::Error,
        "forecast.facilities[overdraft].to",
    );
    assert!(
        m.contains("Riverside Co-operative Bank")
            && m.contains("could never be drawn, yet its arrangement fee would be paid"),
        "{m}"
    );
    p.forecast.facilities[0].to = Some(month("2027-03"));
    assert_eq!(of(&p, "FIN-01").len(), 1);
    p.forecast.facilities[0].to = Some(month("2027-05"));
    assert!(of(&p, "FIN-01").is_empty());
    p.forecast.facilities[0].to = None;
    assert!(of(&p, "FIN-01").is_empty());
}

#[test]
fn fin_01_a_headcount_below_the_fte_rounded_up() {
    let mut p = sample();
    let s = &mut p.forecast.staff[5];
    s.fte = "1.5".parse().unwrap();
    s.headcount = Some(1);
    let m = only(
        &of(&p, "FIN-01"),
        Severity::Error,
        "forecast.staff[falls-instructors].headcount",
    );
    assert_eq!(
        m,
        "Falls prevention instructors: 1 person cannot work 1.5 FTE; enter at least 2."
    );
    p.forecast.staff[5].headcount = Some(2);
    assert!(of(&p, "FIN-01").is_empty());
    p.forecast.staff[5].headcount = None;
    assert!(of(&p, "FIN-01").is_empty());
    // Whole FTE: as many people as FTE is enough.
    p.forecast.staff[0].headcount = Some(39);
    assert!(only(
        &of(&p, "FIN-01"),
        Severity::Error,
        "forecast.staff[physio].headcount"
    )
    .contains("39 people cannot work 40 FTE; enter at least 40"));
    p.forecast.staff[0].headcount = Some(40);
    assert!(of(&p, "FIN-01").is_empty());
}

// ---------------------------------------------------------------------------------------------
// FIN-06

#[test]
fn fin_06_a_plan_living_on_its_overdraft_gets_information() {
    // The sample draws its overdraft in April and May 2027, and its cash never falls below £0.00.
    let p = sample();
    let m = only(&of(&p, "FIN-06"), Severity::Info, "forecast.facilities");
    assert_eq!(
        m,
        "The plan draws on its working-capital facilities in 2 months, at most £35,357 in April 2027. Have the facilities agreed in writing before transfer: an overdraft is usually repayable on demand and reviewed each year."
    );
    let hits = with_forecast(&p, "FIN-06", |f| {
        f.summary.facility_drawn_at_horizon = dec("0.01");
    });
    assert!(
        hits[0]
            .message
            .contains("April 2027, and £0.01 is still drawn at the end of the forecast."),
        "{}",
        hits[0].message
    );
    // Near miss: never drawn.
    let mut q = sample();
    q.forecast.opening_cash = money("10000000");
    assert!(of(&q, "FIN-06").is_empty());
}

#[test]
fn fin_06_cash_below_zero_with_every_facility_drawn_is_a_warning() {
    let p = sample();
    // £0.00 is not below zero: information only.
    let hits = with_forecast(&p, "FIN-06", |f| f.summary.lowest_cash = dec("0"));
    assert_eq!(hits[0].severity, Severity::Info);
    let hits = with_forecast(&p, "FIN-06", |f| {
        f.summary.lowest_cash = dec("-0.01");
        f.summary.peak_funding_need = dec("0.01");
        f.summary.months_negative = 1;
        f.summary.first_negative_month = Some(month("2027-04"));
        f.summary.lowest_cash_month = month("2027-04");
    });
    let m = only(&hits, Severity::Warning, "forecast");
    assert_eq!(
        m,
        "Cash runs out even with the working-capital facilities fully drawn, in 1 of the forecast's months, first in April 2027: at the lowest, £0.01 more is needed in April 2027. Enlarge the facilities or arrange other working capital, and add it to the plan."
    );

    // A real shortfall beyond the overdraft.
    let mut p = sample();
    p.forecast.opening_cash = money("0");
    let m = only(&of(&p, "FIN-06"), Severity::Warning, "forecast");
    assert!(
        m.starts_with("Cash runs out even with the working-capital facilities fully drawn, in "),
        "{m}"
    );
}

#[test]
fn fin_06_without_a_facility_in_the_lowest_month_the_version_2_warning() {
    let mut p = sample();
    p.forecast.facilities.clear();
    let m = only(&of(&p, "FIN-06"), Severity::Warning, "forecast");
    assert!(
        m.starts_with("Cash falls below zero in 2 months, lowest −£34,857 in April 2027: arrange working capital"),
        "{m}"
    );
    // The overdraft exists but is not available in the lowest month (it starts in May).
    let mut p = sample();
    p.forecast.facilities[0].from = month("2027-05");
    let m = only(&of(&p, "FIN-06"), Severity::Warning, "forecast");
    assert!(m.starts_with("Cash falls below zero in "), "{m}");
    // Available only in March 2027, before the forecast: `to` is the month it must be repaid by.
    let mut p = sample();
    p.forecast.facilities[0].from = month("2027-03");
    p.forecast.facilities[0].to = Some(month("2027-04"));
    let m = only(&of(&p, "FIN-06"), Severity::Warning, "forecast");
    assert!(m.starts_with("Cash falls below zero in "), "{m}");
}

// ---------------------------------------------------------------------------------------------
// FIN-09 and FIN-10

#[test]
fn fin_09_a_staff_line_linked_to_a_contract_not_in_the_plan() {
    let mut p = sample();
    p.forecast.staff[5].contract = Some(id("falls-prevension"));
    let m = only(
        &of(&p, "FIN-09"),
        Severity::Warning,
        "forecast.staff[falls-instructors].contract",
    );
    assert_eq!(
        m,
        "Falls prevention instructors is linked to contract \"falls-prevension\", which is not in the plan, so the link is ignored and stress scenario S1 keeps the line on full pay. Link it to one of the contracts, or clear it."
    );
    p.forecast.staff[5].contract = Some(id("falls-prevention"));
    assert!(of(&p, "FIN-09").is_empty());
    p.forecast.staff[5].contract = None;
    assert!(of(&p, "FIN-09").is_empty());
}

#[test]
fn fin_10_an_irrecoverable_vat_line_beside_lines_with_vat() {
    let mut p = sample();
    let mut c = p.forecast.costs[cost(&p, "premises")].clone();
    c.id = id("vat");
    c.name = "VAT we cannot recover".into();
    c.category = CostCategory::IrrecoverableVat;
    p.forecast.costs.push(c);
    let m = only(&of(&p, "FIN-10"), Severity::Warning, "forecast.costs[vat]");
    assert_eq!(
        m,
        "VAT may be counted twice: \"VAT we cannot recover\" adds VAT as a cost, and 3 cost lines also add VAT to what they pay (\"Clinical records system and laptops\", \"Payroll and HR services from the trust\" and \"Legal, TUPE and set-up costs\"), which the forecast already charges as irrecoverable where it cannot be recovered. Remove the separate VAT line, or set those lines' VAT to 0."
    );
    for i in ["it", "sla"] {
        let at = cost(&p, i);
        p.forecast.costs[at].vat_percent = pct("0");
    }
    assert!(
        only(&of(&p, "FIN-10"), Severity::Warning, "forecast.costs[vat]").contains(
            "and 1 cost line also adds VAT to what it pays (\"Legal, TUPE and set-up costs\")"
        )
    );
    let at = cost(&p, "transition");
    p.forecast.costs[at].vat_percent = pct("0");
    assert!(of(&p, "FIN-10").is_empty());
    // The sample itself: VAT on lines, no separate VAT line.
    assert!(of(&sample(), "FIN-10").is_empty());
}

// ---------------------------------------------------------------------------------------------
// VAT-01

/// The training income at `amount` a month, standard-rated, from April 2027 without growth.
fn training(p: &mut Plan, amount: &str) {
    let t = &mut p.forecast.income[0];
    assert_eq!(t.id.as_str(), "training");
    t.amount = money(amount);
    t.start = month("2027-04");
    t.growth_percent = pct("0");
    t.vat = VatTreatment::Standard;
}

/// A one-off standard-rated income of `amount` in `when`.
fn one_off(p: &mut Plan, amount: &str, when: &str) {
    let mut l = p.forecast.income[0].clone();
    l.id = id("one-off");
    l.name = "Equipment sale".into();
    l.amount = money(amount);
    l.frequency = Frequency::OneOff;
    l.start = month(when);
    l.end = None;
    l.growth_percent = pct("0");
    l.vat = VatTreatment::Standard;
    p.forecast.income.push(l);
}

#[test]
fn vat_01_taxable_turnover_above_the_threshold_to_the_penny() {
    // £7,500 a month: exactly £90,000.00 over 12 months, which is not above the threshold.
    let mut p = sample();
    training(&mut p, "7500");
    assert!(of(&p, "VAT-01").is_empty());
    // A penny more in January 2028 takes the 12 months to March 2028 to £90,000.01.
    one_off(&mut p, "0.01", "2028-01");
    let m = only(
        &of(&p, "VAT-01"),
        Severity::Error,
        "forecast.settings.vat_registered",
    );
    assert_eq!(
        m,
        "Taxable turnover exceeds the VAT registration threshold of £90,000 in the 12 months to March 2028, reaching £90,000.01 by March 2028: the organisation must tell HMRC within 30 days of the end of March 2028 and be registered from May 2028, charging VAT on its taxable supplies. Set the plan to VAT-registered so that the forecast shows the VAT it charges and recovers; the forecast then charges VAT from its first month, earlier than the law requires."
    );
    // Registered: no finding.
    p.forecast.settings.vat_registered = true;
    assert!(of(&p, "VAT-01").is_empty());
}

#[test]
fn vat_01_before_the_twelfth_month_counts_the_months_since_the_forecast_began() {
    // £10,000 a month: £100,000 by January 2028, the forecast's tenth month.
    let mut p = sample();
    training(&mut p, "10000");
    let m = only(
        &of(&p, "VAT-01"),
        Severity::Error,
        "forecast.settings.vat_registered",
    );
    assert!(
        m.starts_with("Taxable turnover exceeds the VAT registration threshold of £90,000 in the months since the forecast began, to January 2028, reaching £120,000 by March 2028: the organisation must tell HMRC within 30 days of the end of January 2028 and be registered from March 2028,"),
        "{m}"
    );
}

#[test]
fn vat_01_one_months_turnover_over_the_threshold_is_the_forward_test() {
    let mut p = sample();
    p.forecast.income[0].vat = VatTreatment::Exempt;
    one_off(&mut p, "95000", "2027-09");
    let m = only(
        &of(&p, "VAT-01"),
        Severity::Error,
        "forecast.settings.vat_registered",
    );
    assert_eq!(
        m,
        "Taxable turnover exceeds the VAT registration threshold of £90,000 in the months since the forecast began, to September 2027, reaching £95,000 by September 2027: taxable turnover in September 2027 alone exceeds the threshold, so the organisation must tell HMRC by the end of that 30-day period and be registered from its start, charging VAT on its taxable supplies. Set the plan to VAT-registered so that the forecast shows the VAT it charges and recovers; the forecast then charges VAT from its first month, earlier than the law requires."
    );
    // Exactly the threshold in one month: neither test.
    let mut p = sample();
    p.forecast.income[0].vat = VatTreatment::Exempt;
    one_off(&mut p, "90000", "2027-09");
    assert!(of(&p, "VAT-01").is_empty());
    // The sample's £3,000 a month of training is far below.
    assert!(of(&sample(), "VAT-01").is_empty());
}

// ---------------------------------------------------------------------------------------------
// VAT-02

#[test]
fn vat_02_unregulated_social_care_by_a_non_charity_is_standard_rated() {
    // The sample's falls prevention classes: social care (853…), not regulated, exempt, by a CIC.
    let p = sample();
    let m = only(
        &of(&p, "VAT-02"),
        Severity::Warning,
        "forecast.contracts[falls-prevention].vat",
    );
    assert!(
        m.starts_with("\"Falls prevention classes\" is marked exempt from VAT as a welfare service")
            && m.contains("Riverside Community Therapies CIC is none of these for this service, so it is standard-rated: set its VAT to 'standard'.")
            && m.contains("you add VAT at 20 % (a council can usually reclaim it; an NHS body often cannot)"),
        "{m}"
    );
    let near: [fn(&mut Plan); 5] = [
        |p| p.forecast.contracts[1].regulated_activity = None,
        |p| p.forecast.contracts[1].regulated_activity = Some(true),
        |p| p.forecast.contracts[1].vat = VatTreatment::Standard,
        // Community health services are health care, not social care.
        |p| p.forecast.contracts[1].procurement.cpv = "85323000".into(),
        |p| {
            p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
            p.organisation.charity = true;
        },
    ];
    for change in near {
        let mut q = sample();
        assert_eq!(q.forecast.contracts[1].id.as_str(), "falls-prevention");
        change(&mut q);
        assert!(of(&q, "VAT-02").is_empty());
    }
    // A co-operative society is never a charity, whatever its flag says.
    let mut q = sample();
    q.organisation.legal_form = LegalForm::CoOperativeSociety;
    q.organisation.charity = true;
    assert_eq!(of(&q, "VAT-02").len(), 1);
}

// ---------------------------------------------------------------------------------------------
// SUB-01

#[test]
fn sub_01_money_from_the_parent_body_or_a_commissioner_may_be_a_subsidy() {
    let mut p = sample();
    assert!(of(&p, "SUB-01").is_empty());
    p.forecast.grants[0].funder = "  riverside community health NHS trust ".into();
    let m = only(&of(&p, "SUB-01"), Severity::Info, "forecast.grants[misf]");
    assert_eq!(
        m,
        "riverside community health NHS trust is a public body, so its grant of £25,000 may be a subsidy: financial assistance from public resources on terms better than the market would give (Subsidy Control Act 2022). The public body must check, before it gives it, that it meets the subsidy control principles or falls under an exemption such as minimal financial assistance; the same goes for premises, equipment or services it transfers or provides below market value."
    );
    p.forecast.loans[0].lender = "Riverside Borough Council".into();
    let m = only(&of(&p, "SUB-01"), Severity::Info, "forecast.grants[misf]");
    assert!(
        m.contains("may be a subsidy, and so may Riverside Borough Council's loan of £250,000: financial assistance")
            && m.contains("Each public body must check"),
        "{m}"
    );
    // Near miss: a charity named after the trust is not the trust.
    let mut p = sample();
    p.forecast.grants[0].funder = "Riverside Community Health NHS Trust Charity".into();
    assert!(of(&p, "SUB-01").is_empty());
    // An unnamed funder is not an unnamed parent body.
    p.forecast.grants[0].funder = " ".into();
    p.organisation.parent_body.name = String::new();
    assert!(of(&p, "SUB-01").is_empty());
}

// ---------------------------------------------------------------------------------------------
// NAR-01 and NAR-02

/// The sample with `text` as its finance section and every other section empty.
fn finance_text(text: &str) -> Plan {
    let mut p = sample();
    for s in &mut p.narrative.sections {
        s.text = if s.id == "finance" {
            text.into()
        } else {
            String::new()
        };
    }
    p
}

const FINANCE: &str = "narrative.sections[finance].text";

#[test]
fn nar_01_amounts_that_match_nothing_are_listed_once_each() {
    let p = finance_text("We expect £7,777,777 of sales, then −£8,888,888 and £7,777,777 again.");
    let m = only(&of(&p, "NAR-01"), Severity::Warning, FINANCE);
    assert_eq!(
        m,
        "Financial plan gives £7,777,777 and −£8,888,888 as typed figures that match nothing in the plan or its forecast. If they are meant to be the plan's figures, replace each with a live figure such as [[lowest_cash]] or [[surplus year=2]], which always shows the forecast's value; otherwise correct them."
    );
    let p = finance_text("We expect £7,777,777.");
    assert!(only(&of(&p, "NAR-01"), Severity::Warning, FINANCE)
        .starts_with("Financial plan gives £7,777,777 as a typed figure that matches nothing"));
    let p = finance_text(
        "£1,111,111, £2,222,222, £3,333,333, £4,444,444, £5,555,555, £6,666,666 and £7,777,777.",
    );
    assert!(only(&of(&p, "NAR-01"), Severity::Warning, FINANCE).starts_with(
        "Financial plan gives £1,111,111, £2,222,222, £3,333,333, £4,444,444, £5,555,555 and 2 more as typed figures"
    ));
}

#[test]
fn nar_01_the_smallest_amount_and_approximations() {
    // £999 is under the criteria's smallest amount; £1,001 is not, and is no figure of the plan.
    assert!(of(&finance_text("A fee of £999 a year."), "NAR-01").is_empty());
    assert!(of(&finance_text("A fee of £999.49 a year."), "NAR-01").is_empty());
    let m = only(
        &of(&finance_text("A fee of £1,001 a year."), "NAR-01"),
        Severity::Warning,
        FINANCE,
    );
    assert!(m.contains("gives £1,001 as a typed figure"), "{m}");
    // £1,000 itself is checked, and matches the criteria's own smallest amount.
    assert!(of(&finance_text("A fee of £1,000 a year."), "NAR-01").is_empty());
    // "£1,234.5m" is an approximation, never read as £1,234; "£1,234" is an amount.
    let approximate = "About £1,234.5m in all, or £1.5m, £6m, £2 bn, £20k, £3 million, £1,500m, £2,500 Thousand. or £7,000k.";
    assert!(of(&finance_text(approximate), "NAR-01").is_empty());
    assert_eq!(of(&finance_text("About £1,234 in all."), "NAR-01").len(), 1);
}

#[test]
fn nar_01_matches_the_plan_the_forecast_its_totals_the_scenarios_and_the_criteria() {
    let base = forecast(&sample()).unwrap();
    let surplus_y1 = base.years[0].surplus;
    let total: Decimal = base.years.iter().map(|y| y.surplus).sum();
    let whole = mutual_plan::words::money::pounds;
    let text = format!(
        "We start with £150,000 (a plan field) and make {} in year one and {} over five years. The light-touch threshold is £663,540. At the lowest [[lowest_cash]] and [[Lowest cash]] apart, cash is {}.",
        whole(surplus_y1),
        whole(total),
        whole(base.months[5].closing),
    );
    let p = finance_text(&text);
    assert!(of(&p, "NAR-01").is_empty(), "{:#?}", of(&p, "NAR-01"));
    // One pound off any of them does not match.
    let p = finance_text(&format!(
        "We make {} in year one.",
        whole(surplus_y1 + Decimal::ONE)
    ));
    assert_eq!(of(&p, "NAR-01").len(), 1);

    // A scenario's figure counts when the scenarios are given (as the app gives them).
    let (_, scenarios) = run_all(&sample()).unwrap();
    let late = &scenarios[2];
    assert_eq!(late.scenario.id, "S3-late-payment-30");
    let p = finance_text(&format!(
        "If the ICB paid late, cash would fall to {}, {} less at the end.",
        whole(late.forecast.summary.lowest_cash),
        whole(late.delta.closing_cash)
    ));
    assert!(analysed_of(&p, "NAR-01").is_empty());
    let alone = check_with_scenarios(&p, &Criteria::bundled().policy, &forecast(&p), &[]);
    assert!(alone.iter().any(|f| f.rule == "NAR-01"));
}

#[test]
fn nar_02_double_brackets_that_name_no_figure() {
    let p =
        finance_text("Cash [[lowest_cash]], [[surplus year=5]], [[balance_sheet.funds year=1]].");
    assert!(of(&p, "NAR-02").is_empty());
    let p = finance_text(
        "[[lowest_csh]] and [[surplus year=6]], [[surplus]], [[Lowest cash]], [[peak_funding_need year=1]], [[surplus year=05]], [[lowest_csh]] again.",
    );
    let m = only(&of(&p, "NAR-02"), Severity::Error, FINANCE);
    assert_eq!(
        m,
        "Financial plan has live figures that name no figure of the forecast: [[lowest_csh]], [[surplus year=6]], [[surplus]], [[Lowest cash]], [[peak_funding_need year=1]], [[surplus year=05]]. The printed plan would show no figure in their place: the text as typed, or \"[no such figure: …]\". Correct each name (the list of live figures is in the help), or remove it."
    );
    // The boundary of the forecast's years: 60 months are 5 years.
    let p = finance_text("[[surplus year=6]]");
    assert!(only(&of(&p, "NAR-02"), Severity::Error, FINANCE)
        .starts_with("Financial plan has a live figure that names no figure of the forecast: [[surplus year=6]]."));
    let mut p = finance_text("[[surplus year=6]]");
    p.forecast.months = 61;
    assert!(of(&p, "NAR-02").is_empty());
}

// ---------------------------------------------------------------------------------------------
// The forecast JSON's money values

/// Whether a JSON value of the forecast document is money. The document writes money as a string
/// with exactly two decimals ("-1234.50"); months are "YYYY-MM" and counts are JSON integers, so
/// neither looks like it. The shares and `free_reserves_months` are strings with one decimal, so
/// the format alone tells them apart; `debt_service_cover` is written with two decimals like
/// money, and a VAT year's `standard_method_percent` and `recovery_percent` are percentages in
/// their shortest form ("16.67"), so those three keys are told apart by name.
fn is_money(key: &str, v: &Value) -> bool {
    const NOT_MONEY: [&str; 6] = [
        "debt_service_cover",
        "standard_method_percent",
        "recovery_percent",
        "free_reserves_months",
        "largest_commissioner_share",
        "contract_income_share",
    ];
    let Value::String(s) = v else {
        return false;
    };
    let digits = s.strip_prefix('-').unwrap_or(s);
    let two_decimals = digits.split_once('.').is_some_and(|(i, d)| {
        !i.is_empty()
            && i.bytes().all(|b| b.is_ascii_digit())
            && d.len() == 2
            && d.bytes().all(|b| b.is_ascii_digit())
    });
    two_decimals && !NOT_MONEY.contains(&key)
}

/// Every money value in a JSON document with its path.
fn money_in(v: &Value, path: &str, key: &str, out: &mut Vec<(String, Decimal)>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                money_in(v, &format!("{path}.{k}"), k, out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                money_in(v, &format!("{path}[{i}]"), key, out);
            }
        }
        v if is_money(key, v) => out.push((path.to_string(), dec(v.as_str().unwrap()))),
        _ => {}
    }
}

/// Each year object's money values by key (`surplus`, `expenditure.pay`,
/// `balance_sheet.funds`), summed over the years.
fn year_totals(doc: &Value) -> BTreeMap<String, Decimal> {
    let mut totals = BTreeMap::new();
    for y in doc["years"].as_array().unwrap() {
        let mut found = Vec::new();
        money_in(y, "", "", &mut found);
        for (path, v) in found {
            *totals
                .entry(path.trim_start_matches('.').to_string())
                .or_insert(Decimal::ZERO) += v;
        }
    }
    totals
}

/// Runs `mutual-plan forecast --format json` on `plan` (written to a file) and checks that each
/// money value of its output, and each yearly figure summed over the years, is one NAR-01 knows.
fn covers_the_cli_json(plan_json: &Value) -> Vec<(String, Decimal)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.mutualplan");
    std::fs::write(&file, serde_json::to_string_pretty(plan_json).unwrap()).unwrap();
    let out = cli(&["forecast", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();

    let plan = mutual_plan::storage::load(&file).unwrap().plan;
    let (base, scenarios) = run_all(&plan).unwrap();
    let known: BTreeSet<Decimal> = json_money(&base, &scenarios).into_iter().collect();
    let mut found = Vec::new();
    money_in(&doc, "", "", &mut found);
    for (path, v) in &found {
        assert!(
            known.contains(v),
            "{path} = {v} is not among the forecast's money values"
        );
    }
    // Every part of the document has money in it.
    for part in ["months", "years", "summary", "scenarios"] {
        assert!(
            found
                .iter()
                .any(|(p, _)| p.starts_with(&format!(".{part}"))),
            "no money in {part}"
        );
    }
    let totals: BTreeMap<String, Decimal> = horizon_totals(&base.years).into_iter().collect();
    for (key, total) in year_totals(&doc) {
        assert_eq!(totals.get(&key), Some(&total), "{key}");
    }
    found
}

#[test]
fn nar_01_knows_every_money_value_of_the_cli_forecast_json() {
    // The sample: months, years, balance sheets, the summary and six scenarios.
    let found = covers_the_cli_json(&common::sample_value());
    assert!(found.len() > 1_000, "{}", found.len());
    // Registered for VAT, with a capital purchase: VAT years, returns and depreciation too.
    let mut v = common::sample_value();
    v["forecast"]["settings"]["vat_registered"] = Value::Bool(true);
    v["forecast"]["income"][0]["vat"] = Value::String("standard".into());
    let mut laptops = v["forecast"]["costs"][4].clone();
    laptops["id"] = "laptops".into();
    laptops["name"] = "Laptops".into();
    laptops["category"] = "it".into();
    laptops["frequency"] = "capital".into();
    laptops["useful_life_months"] = 36.into();
    v["forecast"]["costs"].as_array_mut().unwrap().push(laptops);
    let found = covers_the_cli_json(&v);
    assert!(found.iter().any(|(p, _)| p.starts_with(".vat_years")));
    assert!(found.iter().any(|(p, _)| p.ends_with(".lines.vat_return")));
    assert!(found
        .iter()
        .any(|(p, _)| p.ends_with(".expenditure.depreciation")));
}
