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
        "80.0% of contract income from Commissioner a"
    );
    assert_eq!(a.areas[3].advice, None);
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
    assert_eq!(a.criteria.version, "2.0.0");
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
    assert!(
        r3.figure.starts_with("free reserves of ")
            && r3.figure.ends_with(&format!(
                "at the end of year 2 ({}: funds less fixed assets)",
                pounds(year.free_reserves)
            )),
        "{}",
        r3.figure
    );
    assert!(
        r3.advice
            .as_deref()
            .unwrap()
            .starts_with("Free reserves (funds less fixed assets)"),
        "{:?}",
        r3.advice
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
            "areas.R7.thresholds.green_min_months",
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
