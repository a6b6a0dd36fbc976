//! Support eligibility and every investment-readiness area at green, amber and red, including
//! the boundaries; the headline; the sample plan's assessment pinned.

use crate::common;

use common::{analysed, date, dec, id, money, month, pct, sample};
use mutual_plan::checks::criteria::{Criteria, CriteriaError, BUNDLED};
use mutual_plan::checks::readiness;
use mutual_plan::checks::readiness::{headline, Assessment};
use mutual_plan::checks::rules::check;
use mutual_plan::checks::verdict::{AreaId, Eligible, Headline, Rating};
use mutual_plan::forecast::{forecast, ForecastError};
use mutual_plan::model::plan::*;
use mutual_plan::model::values::Percent;
use mutual_plan::words::money::pounds;

fn assess(p: &Plan) -> Assessment {
    analysed(p).readiness
}

fn rating(p: &Plan, id: AreaId) -> Rating {
    assess(p)
        .areas
        .into_iter()
        .find(|a| a.id == id)
        .unwrap()
        .rating
}

/// A 24-month forecast whose only line is a £1,000 monthly cost, so operating costs are exactly
/// £1,000 a month and closing cash in month n is `opening − 1,000 × n`. No facility: cash that
/// runs short is a shortfall, not an overdraft.
fn cost_plan(opening: &str) -> Plan {
    let mut p = sample();
    let f = &mut p.forecast;
    f.months = 24;
    f.opening_cash = money(opening);
    f.contracts.clear();
    f.income.clear();
    f.grants.clear();
    f.equity.clear();
    f.loans.clear();
    f.facilities.clear();
    f.staff.clear();
    f.costs.truncate(1);
    let c = &mut f.costs[0];
    c.amount = money("1000");
    c.inflation_percent = pct("0");
    c.end = None;
    p
}

#[test]
fn r1_cash_never_runs_out() {
    // Lowest cash is the last month's: opening − 24,000.
    assert_eq!(rating(&cost_plan("24000"), AreaId::R1), Rating::Green); // lowest exactly 0
    assert_eq!(rating(&cost_plan("23000"), AreaId::R1), Rating::Amber); // short by exactly one month
    assert_eq!(rating(&cost_plan("22999.99"), AreaId::R1), Rating::Red);
}

#[test]
fn r2_working_capital_in_year_one() {
    // Year one's lowest is month 12: opening − 12,000; compared exactly with 1 and 0.5 months.
    assert_eq!(rating(&cost_plan("13000"), AreaId::R2), Rating::Green);
    assert_eq!(rating(&cost_plan("12999.99"), AreaId::R2), Rating::Amber);
    assert_eq!(rating(&cost_plan("12500"), AreaId::R2), Rating::Amber);
    assert_eq!(rating(&cost_plan("12499.99"), AreaId::R2), Rating::Red);
}

#[test]
fn r3_reserves_at_the_end_of_year_two_are_judged_to_one_decimal() {
    // Reserves = (opening − 24,000) / 1,000 months, to 1 decimal, half away from zero.
    assert_eq!(rating(&cost_plan("27000"), AreaId::R3), Rating::Green); // 3.0
    assert_eq!(rating(&cost_plan("26950"), AreaId::R3), Rating::Green); // 2.95 shows as 3.0
    assert_eq!(rating(&cost_plan("26949.99"), AreaId::R3), Rating::Amber); // 2.9
    assert_eq!(rating(&cost_plan("24950"), AreaId::R3), Rating::Amber); // 0.95 shows as 1.0
    assert_eq!(rating(&cost_plan("24949.99"), AreaId::R3), Rating::Red);
}

/// Two commissioners earning `a` and `b` a year, paid at once, 12 months.
fn two_commissioners(a: &str, b: &str) -> Plan {
    let mut p = sample();
    let template = p.forecast.contracts[0].clone();
    p.forecast.months = 12;
    p.forecast.income.clear();
    p.forecast.contracts = [("a", a), ("b", b)]
        .iter()
        .map(|(n, v)| {
            let mut c = template.clone();
            c.id = id(n);
            c.commissioner = format!("Commissioner {n}");
            c.annual_value = money(v);
            c.pbr = None;
            c.renewal.assumption = RenewalAssumption::Ends;
            c
        })
        .collect();
    p
}

#[test]
fn r4_income_diversification_boundaries() {
    assert_eq!(
        rating(&two_commissioners("80000", "20000"), AreaId::R4),
        Rating::Green
    ); // exactly 80 %
    assert_eq!(
        rating(&two_commissioners("80001", "19999"), AreaId::R4),
        Rating::Amber
    );
    assert_eq!(
        rating(&two_commissioners("95000", "5000"), AreaId::R4),
        Rating::Amber
    ); // exactly 95 %
    assert_eq!(
        rating(&two_commissioners("95001", "4999"), AreaId::R4),
        Rating::Red
    );
    let a = assess(&two_commissioners("80000", "20000"));
    assert_eq!(
        a.areas[3].figure,
        "80.0% of earned income from Commissioner a"
    );
    assert_eq!(a.areas[3].advice, None);
}

/// Other income is a source of its own: one council's contract beside private fees earning
/// more is not dependence on the council. Grants are not income here.
#[test]
fn r4_counts_every_source_of_earned_income() {
    let mut p = two_commissioners("39000", "0");
    p.forecast.contracts.truncate(1);
    p.forecast.contracts[0].commissioner = " Riverside Council ".into();
    p.forecast.income = vec![IncomeLine {
        id: id("fees"),
        name: "Private fees".into(),
        amount: money("5083.34"),
        frequency: Frequency::Monthly,
        start: p.forecast.start,
        end: None,
        growth_percent: pct("0"),
        vat: VatTreatment::Exempt,
    }];
    // £61,000.08 of fees beside £39,000 from the council: 61.0 % from the fees, green.
    let a = assess(&p);
    assert_eq!(a.areas[3].rating, Rating::Green);
    assert_eq!(
        a.areas[3].figure,
        "61.0% of earned income from Private fees"
    );
    // A grant from the council does not count towards it.
    let mut granted = p.clone();
    granted.forecast.grants[0].amount = money("1000000");
    granted.forecast.grants[0].funder = "Riverside Council".into();
    assert_eq!(assess(&granted).areas[3].figure, a.areas[3].figure);
    // Fees of exactly 80 % of earned income are green; a penny a month more is amber.
    let mut eighty = p.clone();
    eighty.forecast.income[0].amount = money("13000");
    eighty.forecast.contracts[0].annual_value = money("39000");
    assert_eq!(rating(&eighty, AreaId::R4), Rating::Green);
    eighty.forecast.income[0].amount = money("13000.01");
    assert_eq!(rating(&eighty, AreaId::R4), Rating::Amber);
    // Two sources earning the same: the one whose name sorts first is named.
    let mut tie = p;
    tie.forecast.income[0].amount = money("3250");
    tie.forecast.income[0].name = "Fees".into();
    assert_eq!(
        assess(&tie).areas[3].figure,
        "50.0% of earned income from Fees"
    );
}

#[test]
fn r5_resilience_to_losing_the_main_contract() {
    let r5 = |p: &Plan| {
        assess(p)
            .areas
            .into_iter()
            .find(|a| a.id == AreaId::R5)
            .unwrap()
    };
    // If the therapy contract is not renewed after March 2030, its physiotherapists and
    // occupational therapists transfer with it, but the sample's other costs run on: cash runs
    // out in May 2031, 14 months later: amber.
    let sample_r5 = r5(&sample());
    assert_eq!(sample_r5.rating, Rating::Amber);
    assert!(
        sample_r5.figure.contains("May 2031, 14 months later"),
        "{}",
        sample_r5.figure
    );
    // If the therapists stayed on (no staff line linked to the contract), the pay bill runs on
    // too and cash runs out in September 2030, exactly 6 months later: still amber.
    let mut stay = sample();
    for s in &mut stay.forecast.staff {
        s.contract = None;
    }
    let stay_r5 = r5(&stay);
    assert_eq!(stay_r5.rating, Rating::Amber);
    assert!(
        stay_r5.figure.contains("September 2030, 6 months later"),
        "{}",
        stay_r5.figure
    );
    // Then the lost contract leaves £154,359.46 at the end of August 2030. A one-off cost of
    // £160,000 in March 2030 (no VAT; the facility has ended, and that year's corporation tax is
    // paid only in January 2031, so nothing else moves before September) takes August to
    // −£5,640.54: cash runs out in August 2030, 5 months later: red, a month short of the 6
    // months amber needs.
    let mut sooner = stay.clone();
    let mut cost = sooner.forecast.costs[0].clone();
    cost.id = id("exit-costs");
    cost.amount = money("160000");
    cost.frequency = CostFrequency::OneOff;
    cost.start = month("2030-03");
    cost.end = None;
    cost.vat_percent = pct("0");
    sooner.forecast.costs.push(cost);
    let sooner_r5 = r5(&sooner);
    assert_eq!(sooner_r5.rating, Rating::Red);
    assert!(
        sooner_r5.figure.contains("August 2030, 5 months later"),
        "{}",
        sooner_r5.figure
    );
    // With enough cash in hand, losing it never takes cash below zero.
    let mut rich = stay;
    rich.forecast.opening_cash = money("20000000");
    assert_eq!(rating(&rich, AreaId::R5), Rating::Green);
}

/// Income of £1,000 a month and a 0 % bullet loan of `principal` repaid in month 12: year one's
/// debt service cover is 12,000 / principal, rounded half away from zero to 2 decimals.
fn loan_plan(principal: &str) -> Plan {
    let mut p = cost_plan("0");
    p.forecast.costs.clear();
    p.forecast.income = vec![IncomeLine {
        id: id("fees"),
        name: "Fees".into(),
        amount: money("1000"),
        frequency: Frequency::Monthly,
        start: p.forecast.start,
        end: None,
        growth_percent: pct("0"),
        vat: VatTreatment::Exempt,
    }];
    p.forecast.loans = vec![Loan {
        id: id("l"),
        lender: "Lender".into(),
        principal: money(principal),
        drawdown: p.forecast.start.plus(-1).unwrap(),
        annual_rate_percent: pct("0"),
        term_months: 12,
        capital_holiday_months: 0,
        repayment: Repayment::Bullet,
    }];
    p
}

#[test]
fn r6_ability_to_service_debt() {
    assert_eq!(rating(&cost_plan("0"), AreaId::R6), Rating::Green); // no loans
    assert_eq!(rating(&loan_plan("6000"), AreaId::R6), Rating::Green); // exactly 2.0×
    assert_eq!(rating(&loan_plan("6015"), AreaId::R6), Rating::Green); // 1.99501…× is 2.00×
    assert_eq!(rating(&loan_plan("6016"), AreaId::R6), Rating::Amber); // 1.99468…× is 1.99×
    assert_eq!(rating(&loan_plan("9600"), AreaId::R6), Rating::Amber); // exactly 1.25×
    assert_eq!(rating(&loan_plan("9638"), AreaId::R6), Rating::Amber); // 1.24507…× is 1.25×
    assert_eq!(rating(&loan_plan("9639"), AreaId::R6), Rating::Red); // 1.24494…× is 1.24×
}

#[test]
fn r7_governance() {
    let p = sample();
    assert_eq!(rating(&p, AreaId::R7), Rating::Green);
    let mut warn = sample();
    warn.ownership.staff_voice.clear(); // GOV-05
    assert_eq!(rating(&warn, AreaId::R7), Rating::Amber);
    let mut error = sample();
    error.ownership.asset_lock = false; // LEG-01
    assert_eq!(rating(&error, AreaId::R7), Rating::Red);
    // A procurement error puts the main income at risk: it counts too. A reserved contract of
    // 61 months breaks section 33's five years (PROC-02).
    let mut proc = sample();
    let c = proc
        .forecast
        .contracts
        .iter_mut()
        .find(|c| c.procurement.route == ProcurementRoute::ReservedPsm)
        .unwrap();
    c.procurement.extension_months =
        60 - u32::try_from(c.start.months_until(c.end) + 1).unwrap() + 1;
    let a = assess(&proc);
    let r7 = a.areas.iter().find(|a| a.id == AreaId::R7).unwrap();
    assert_eq!(r7.rating, Rating::Red, "{}", r7.figure);
    assert_eq!(
        r7.figure,
        "1 governance, legal-form or procurement error, 0 governance warnings"
    );
    c_back(&mut proc);
    assert_eq!(rating(&proc, AreaId::R7), Rating::Green);
}

/// The reserved contract's extensions back to within section 33's five years.
fn c_back(p: &mut Plan) {
    for c in &mut p.forecast.contracts {
        if c.procurement.route == ProcurementRoute::ReservedPsm {
            c.procurement.extension_months =
                60 - u32::try_from(c.start.months_until(c.end) + 1).unwrap();
        }
    }
}

fn staff_share(votes: &str) -> Plan {
    let mut p = sample();
    p.ownership.model = OwnershipModel::JointVenture;
    let rest = rust_decimal::Decimal::ONE_HUNDRED - dec(votes);
    p.ownership.groups[0].voting_percent = pct(votes);
    p.ownership.groups[0].equity_percent = pct(votes);
    p.ownership.groups.push(OwnerGroup {
        id: id("trust"),
        name: "Parent trust".into(),
        kind: GroupKind::ParentBody,
        members: 1,
        equity_percent: Percent::new(rest).unwrap(),
        voting_percent: Percent::new(rest).unwrap(),
    });
    p
}

#[test]
fn r8_a_mutual_in_substance() {
    // A tie is not control: exactly half the votes is a joint-venture mutual (as MUT-02).
    assert_eq!(rating(&staff_share("50.01"), AreaId::R8), Rating::Green);
    assert_eq!(rating(&staff_share("50"), AreaId::R8), Rating::Amber);
    assert_eq!(rating(&staff_share("25"), AreaId::R8), Rating::Amber);
    assert_eq!(rating(&staff_share("24.99"), AreaId::R8), Rating::Red);
}

/// The sample as a first draft: only the executive summary written, one risk, one indicator.
fn draft_sample() -> Plan {
    let mut p = sample();
    for s in &mut p.narrative.sections {
        if s.id != "executive_summary" {
            s.text.clear();
        }
    }
    p.narrative.risks.truncate(1);
    p.narrative.impact.truncate(1);
    p
}

fn write(p: &mut Plan, section: &str) {
    p.narrative
        .sections
        .iter_mut()
        .find(|s| s.id == section)
        .unwrap()
        .text = "Written.".into();
}

#[test]
fn r9_social_impact_evidence() {
    assert_eq!(rating(&sample(), AreaId::R9), Rating::Green);
    let mut p = draft_sample();
    assert_eq!(rating(&p, AreaId::R9), Rating::Amber); // an indicator, no text
    write(&mut p, "impact");
    assert_eq!(rating(&p, AreaId::R9), Rating::Green);
    p.narrative.impact[0].target.clear();
    assert_eq!(rating(&p, AreaId::R9), Rating::Amber); // text, and an indicator without a target
    p.narrative.sections.iter_mut().for_each(|s| s.text.clear());
    assert_eq!(rating(&p, AreaId::R9), Rating::Red);
}

#[test]
fn r10_a_complete_plan() {
    assert_eq!(rating(&sample(), AreaId::R10), Rating::Green);
    let mut p = draft_sample();
    assert_eq!(rating(&p, AreaId::R10), Rating::Red); // 12 sections empty
    let ids: Vec<String> = p.narrative.sections.iter().map(|s| s.id.clone()).collect();
    for s in &ids[..9] {
        write(&mut p, s);
    }
    assert_eq!(rating(&p, AreaId::R10), Rating::Red); // 4 empty
    write(&mut p, &ids[9]);
    assert_eq!(rating(&p, AreaId::R10), Rating::Amber); // exactly 3 empty
    for s in &ids {
        write(&mut p, s);
    }
    assert_eq!(rating(&p, AreaId::R10), Rating::Amber); // all written, 1 risk
    let risk = p.narrative.risks[0].clone();
    for n in ["r2", "r3"] {
        assert_eq!(rating(&p, AreaId::R10), Rating::Amber); // fewer than 3 risks
        let mut r = risk.clone();
        r.id = id(n);
        p.narrative.risks.push(r);
    }
    assert_eq!(rating(&p, AreaId::R10), Rating::Green);
}

#[test]
fn the_headline_follows_the_reds_and_the_score() {
    let c = Criteria::bundled();
    assert_eq!(headline(15, 20, 0, &c), Headline::Ready); // exactly 75 %
    assert_eq!(headline(14, 20, 0, &c), Headline::NearlyReady);
    assert_eq!(headline(19, 20, 1, &c), Headline::NearlyReady);
    assert_eq!(headline(16, 20, 2, &c), Headline::NotYetReady);
}

#[test]
fn eligibility() {
    let p = draft_sample();
    let results: Vec<Eligible> = assess(&p).eligibility.iter().map(|e| e.result).collect();
    // England, a spin-out with contracts and staff control, not yet live; no growth section,
    // no match funding.
    assert_eq!(
        results,
        [
            Eligible::Pass,
            Eligible::Pass,
            Eligible::Pass,
            Eligible::Fail,
            Eligible::Fail
        ]
    );

    let mut q = sample();
    q.organisation.nation = Nation::Wales;
    q.organisation.status = OrgStatus::Live;
    q.organisation.spin_out_date = date("2020-01-01");
    write(&mut q, "growth");
    q.forecast.grants[0].match_funding = true;
    q.ownership.groups[0].voting_percent = pct("20");
    let results: Vec<Eligible> = assess(&q).eligibility.iter().map(|e| e.result).collect();
    assert_eq!(
        results,
        [
            Eligible::Fail,
            Eligible::Fail,
            Eligible::NotKnown,
            Eligible::Pass,
            Eligible::Pass
        ]
    );
}

#[test]
fn the_sample_plans_assessment() {
    // The overdraft keeps the sample's cash at £0.00 or above (R1 green), but year one's lowest
    // cash is £0.00, no month of running costs (R2 red); losing the therapy contract runs cash
    // out 14 months after it ends (R5 amber).
    let a = assess(&sample());
    let ratings: Vec<(&str, Rating)> = a.areas.iter().map(|r| (r.id.as_str(), r.rating)).collect();
    use Rating::*;
    assert_eq!(
        ratings,
        [
            ("R1", Green),
            ("R2", Red),
            ("R3", Amber),
            ("R4", Red),
            ("R5", Amber),
            ("R6", Green),
            ("R7", Green),
            ("R8", Green),
            ("R9", Green),
            ("R10", Green)
        ]
    );
    assert_eq!(
        (a.score, a.max_score, a.headline),
        (14, 20, Headline::NotYetReady)
    );
    assert_eq!(a.criteria.version, "3.0.0");
    assert!(a
        .areas
        .iter()
        .all(|r| (r.rating == Green) == r.advice.is_none()));
}

#[test]
fn r3_speaks_of_free_reserves_and_shows_them_in_pounds() {
    // A bullet loan still owed at the end of year two: its capital is not a reserve, but it is
    // not a fixed asset either: free reserves are funds less fixed assets.
    let mut p = cost_plan("14000");
    let mut loan = loan_plan("12000").forecast.loans.remove(0);
    loan.drawdown = p.forecast.start;
    loan.term_months = 36;
    p.forecast.loans.push(loan);
    let a = assess(&p);
    let r3 = a.areas.iter().find(|a| a.id == AreaId::R3).unwrap();
    assert_eq!(r3.title, "Free reserves");
    let f = forecast(&p).unwrap();
    let year = &f.years[1];
    assert_eq!(
        r3.figure,
        format!(
            "free reserves of {} of operating costs at the end of year 2 ({})",
            mutual_plan::words::format::months(year.free_reserves_months.unwrap()),
            pounds(year.free_reserves)
        )
    );
    assert_eq!(
        r3.advice.as_deref().unwrap(),
        format!(
            "Free reserves — reserves not committed to spending or tied up in fixed assets, as the Charity Commission defines them — of 3.0 months of operating costs (£3,000) at the end of year 2 would make this green: {} more.",
            pounds(dec("3000") - year.free_reserves)
        )
    );
    // With no running costs there is nothing to judge: amber, saying so.
    let mut idle = cost_plan("1000");
    idle.forecast.costs.clear();
    let r3 = assess(&idle)
        .areas
        .into_iter()
        .find(|a| a.id == AreaId::R3)
        .unwrap();
    assert_eq!(
        (r3.rating, r3.figure.as_str()),
        (Rating::Amber, "no running costs to judge")
    );
}

#[test]
fn without_a_forecast_r1_to_r6_are_red_and_r7_to_r10_are_still_judged() {
    let p = draft_sample();
    let criteria = Criteria::bundled();
    let err = ForecastError::Overflow {
        field: "forecast.opening_cash".into(),
    };
    let findings = check(&p, &criteria.policy, &Err(err.clone()));
    let a = readiness::assess(&p, &criteria, &Err(err), &findings);
    let ratings: Vec<Rating> = a.areas.iter().map(|r| r.rating).collect();
    use Rating::*;
    assert_eq!(
        ratings,
        [Red, Red, Red, Red, Red, Red, Green, Green, Amber, Red]
    );
    assert!(a.areas[0]
        .advice
        .as_deref()
        .unwrap()
        .contains("forecast.opening_cash"));
}

/// The bundled criteria file with `from` replaced by `to` (which must change it).
fn edited_criteria(from: &str, to: &str) -> Result<Criteria, CriteriaError> {
    assert!(BUNDLED.contains(from), "{from}");
    Criteria::parse(&BUNDLED.replacen(from, to, 1))
}

fn invalid(path: &str, message: &str) -> Result<Criteria, CriteriaError> {
    Err(CriteriaError::Invalid {
        path: path.into(),
        message: message.into(),
    })
}

#[test]
fn a_misspelt_threshold_is_a_load_error_naming_it() {
    let e = edited_criteria("\"green_max_share_percent\"", "\"green_max_share_percnt\"");
    assert_eq!(
        e,
        invalid(
            "areas.R4.thresholds.green_max_share_percnt",
            "this area has no threshold `green_max_share_percnt`, expected `green_max_share_percent` or `amber_max_share_percent`"
        )
    );
    // An area without thresholds takes none.
    let e = edited_criteria(
        "\"thresholds\": {} }",
        "\"thresholds\": { \"green_min_months\": \"1\" } }",
    );
    assert_eq!(
        e,
        invalid(
            "areas.R8.thresholds.green_min_months",
            "this area has no threshold `green_min_months`: it has none"
        )
    );
}

#[test]
fn an_unknown_area_id_is_a_load_error_naming_it() {
    let e = edited_criteria("\"R10\": {", "\"R11\": {");
    assert_eq!(
        e,
        invalid("areas.R11", "there is no area R11: the areas are R1 to R10")
    );
}

#[test]
fn a_missing_threshold_or_area_is_a_load_error_naming_it() {
    let e = edited_criteria("\"green_min_dscr\": \"2.0\", ", "");
    assert_eq!(
        e,
        invalid(
            "areas.R6.thresholds.green_min_dscr",
            "this threshold is missing"
        )
    );
    let start = BUNDLED.find("    \"R9\": {").unwrap();
    let end = BUNDLED.find("    \"R10\": {").unwrap();
    let e = edited_criteria(&BUNDLED[start..end], "");
    assert_eq!(e, invalid("areas.R9", "this area is missing"));
}

#[test]
fn bad_or_contradictory_thresholds_are_load_errors_naming_them() {
    let e = edited_criteria(
        "\"amber_min_dscr\": \"1.25\"",
        "\"amber_min_dscr\": \"lots\"",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("`areas.R6.thresholds.amber_min_dscr`") && e.contains("\"lots\""),
        "{e}"
    );
    let e = edited_criteria("\"amber_min_dscr\": \"1.25\"", "\"amber_min_dscr\": \"-1\"")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`areas.R6.thresholds.amber_min_dscr`") && e.contains("negative"),
        "{e}"
    );
    let e = edited_criteria("\"year\": 2", "\"year\": \"2\"")
        .unwrap_err()
        .to_string();
    assert!(e.contains("`areas.R3.thresholds.year`"), "{e}");
    assert_eq!(
        edited_criteria("\"year\": 2", "\"year\": 0"),
        invalid("areas.R3.thresholds.year", "the first forecast year is 1")
    );
    assert_eq!(
        edited_criteria(
            "\"amber_min_months\": \"0.5\"",
            "\"amber_min_months\": \"1.5\""
        ),
        invalid(
            "areas.R2.thresholds.amber_min_months",
            "is above `green_min_months`: no plan could be amber"
        )
    );
    assert_eq!(
        edited_criteria(
            "\"amber_max_share_percent\": \"95\"",
            "\"amber_max_share_percent\": \"70\""
        ),
        invalid(
            "areas.R4.thresholds.amber_max_share_percent",
            "is below `green_max_share_percent`: no plan could be amber"
        )
    );
}

#[test]
fn other_broken_criteria_files_are_clear_errors() {
    assert!(matches!(
        Criteria::parse("{"),
        Err(CriteriaError::Syntax { line: 1, .. })
    ));
    let e = edited_criteria("\"board_min_seats\"", "\"board_seats_min\"")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`policy.board_seats_min`: there is no such field"),
        "{e}"
    );
    let empty = r#"{ "name": "n", "version": "1", "policy": {}, "eligibility": [], "areas": {}, "headline": {} }"#;
    let e = Criteria::parse(empty).unwrap_err().to_string();
    assert!(
        e.contains("`policy.mutual_min_employee_votes_percent`: this field is missing"),
        "{e}"
    );
    // The first layout listed the areas; it is refused with the reason.
    let start = BUNDLED.find("\"areas\": {").unwrap();
    let end = BUNDLED.find("  \"headline\"").unwrap();
    let first_layout = r#""areas": [
    { "id": "R1", "title": "Cash never runs out", "source": "Charity Bank", "thresholds": { "amber_max_shortfall_months": "1" } }
  ],
"#;
    let e = edited_criteria(&BUNDLED[start..end], first_layout)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`areas`: the areas are an object keyed by area id"),
        "{e}"
    );
}

/// A 0 % facility of `limit` from the forecast's first month, never to be repaid within it.
fn facility(p: &Plan, limit: &str) -> Facility {
    Facility {
        id: id("overdraft"),
        lender: "Bank".into(),
        limit: money(limit),
        annual_rate_percent: pct("0"),
        from: p.forecast.start,
        to: None,
        arrangement_fee: money("0"),
    }
}

fn area(p: &Plan, id: AreaId) -> readiness::AreaResult {
    assess(p).areas.into_iter().find(|a| a.id == id).unwrap()
}

const NOTE: &str =
    "This counts the working-capital facilities in the plan; have them agreed in writing.";

#[test]
fn r1_and_r2_judge_headroom_counting_the_undrawn_facilities() {
    // Without a facility, a shortfall of exactly one month is amber and the figure is cash.
    let short = cost_plan("23000");
    let r1 = area(&short, AreaId::R1);
    assert_eq!(r1.rating, Rating::Amber);
    assert_eq!(r1.figure, "lowest cash −£1,000 in March 2029");
    assert_eq!(
        r1.advice.as_deref(),
        Some("Find £1,000 more cash or committed facilities by March 2029 (a larger loan, facility or grant, or payment in advance from the commissioner) so that cash never runs out.")
    );
    // A facility of £1,000 covers it: headroom never falls below zero.
    let mut covered = short.clone();
    covered.forecast.facilities = vec![facility(&covered, "1000")];
    let r1 = area(&covered, AreaId::R1);
    assert_eq!(r1.rating, Rating::Green);
    assert_eq!(
        r1.figure,
        format!("lowest headroom (cash plus undrawn facilities) £0 in March 2029. {NOTE}")
    );
    // A penny less leaves a penny short: amber, as without the facility.
    covered.forecast.facilities[0].limit = money("999.99");
    assert_eq!(rating(&covered, AreaId::R1), Rating::Amber);
    // A facility that starts after the forecast ends is never available: no note.
    let mut later = short.clone();
    let mut f = facility(&later, "5000");
    f.from = later.forecast.start.plus(24).unwrap();
    later.forecast.facilities = vec![f];
    let r1 = area(&later, AreaId::R1);
    assert_eq!(r1.rating, Rating::Amber);
    assert!(!r1.figure.contains(NOTE), "{}", r1.figure);

    // R2: a penny short of a month's costs in hand in month 12 is amber; a penny of facility
    // makes it green.
    let mut r2 = cost_plan("12999.99");
    assert_eq!(rating(&r2, AreaId::R2), Rating::Amber);
    r2.forecast.facilities = vec![facility(&r2, "0.01")];
    let a = area(&r2, AreaId::R2);
    assert_eq!(a.rating, Rating::Green);
    assert_eq!(
        a.figure,
        format!(
            "lowest year-one headroom £1,000 in March 2028: 1.0 months of operating costs. {NOTE}"
        )
    );
    // A facility from month 13 counts for R1 but not in year one.
    let mut f = facility(&r2, "5000");
    f.from = r2.forecast.start.plus(12).unwrap();
    r2.forecast.facilities = vec![f];
    let a = area(&r2, AreaId::R2);
    assert_eq!(a.rating, Rating::Amber);
    assert!(!a.figure.contains(NOTE), "{}", a.figure);
    assert!(area(&r2, AreaId::R1).figure.contains(NOTE));
}

#[test]
fn r5_advises_on_the_exit_of_the_lost_contract() {
    let p = sample();
    let r5 = area(&p, AreaId::R5);
    let therapy = p
        .forecast
        .contracts
        .iter()
        .find(|c| c.id.as_str() == "community-therapy")
        .unwrap();
    let fte: rust_decimal::Decimal = p
        .forecast
        .staff
        .iter()
        .filter(|s| s.contract.as_ref() == Some(&therapy.id))
        .map(|s| s.fte.get())
        .sum();
    let advice = r5.advice.unwrap();
    assert!(
        advice.starts_with(&format!(
            "If \"{}\" ends in March 2030, plan for the exit rather than for carrying its costs.",
            therapy.service
        )),
        "{advice}"
    );
    assert!(
        advice.contains(&format!(
            "under TUPE (a service provision change): {} FTE on staff lines assigned to it;",
            fte.normalize()
        )),
        "{advice}"
    );
    assert!(!advice.contains("LGPS"), "{advice}");
    assert!(!advice.contains("shortfall"), "{advice}");
    // No line assigned to it: the advice says how to see the number; a line in the LGPS brings
    // the cessation debt.
    let mut stay = sample();
    for s in &mut stay.forecast.staff {
        s.contract = None;
    }
    stay.forecast.staff[0].pension.scheme = PensionScheme::Lgps;
    let advice = area(&stay, AreaId::R5).advice.unwrap();
    assert!(
        advice.contains(": assign staff lines to the contract to see how many;"),
        "{advice}"
    );
    assert!(
        advice.contains(", and the LGPS cessation debt that falls due when an admitted body's last active member leaves —"),
        "{advice}"
    );
}

#[test]
fn r6_a_facility_is_debt_too() {
    // A facility that is never drawn and costs nothing: no debt service in the forecast.
    let mut p = cost_plan("100000");
    p.forecast.facilities = vec![facility(&p, "1000")];
    let r6 = area(&p, AreaId::R6);
    assert_eq!(
        (r6.rating, r6.figure.as_str()),
        (Rating::Green, "no loan repayments fall within the forecast")
    );
    assert_eq!(area(&cost_plan("100000"), AreaId::R6).figure, "no loans");
    let r6 = area(&loan_plan("6016"), AreaId::R6);
    assert_eq!(r6.figure, "lowest debt service cover 1.99× (year 1)");
    assert_eq!(
        r6.advice.as_deref(),
        Some("Income after operating costs and tax should cover loan repayments at least 2.0× every year: borrow less, over a longer term, or raise the surplus.")
    );
}

/// A criteria set of version 2, lacking a key of version 3, is refused naming the key: never
/// filled in silently.
#[test]
fn a_set_without_a_version_3_key_is_refused_naming_it() {
    let e = edited_criteria(",\n    \"narrative_amount_min\": \"1000.00\"", "");
    assert_eq!(
        e,
        invalid("policy.narrative_amount_min", "this field is missing")
    );
    let e = edited_criteria(
        "\"thresholds\": { \"error_prefixes\": [\"GOV\", \"LEG\", \"PROC\"], \"amber_warning_prefixes\": [\"GOV\"] }",
        "\"thresholds\": {}",
    );
    assert_eq!(
        e,
        invalid(
            "areas.R7.thresholds.error_prefixes",
            "this threshold is missing"
        )
    );
}
