//! The procurement rules of version 3: reserved contracts in Scotland (PROC-09), below the
//! light-touch threshold (PROC-10), direct awards (PROC-11), the Provider Selection Regime's
//! processes (PROC-12) and a route that does not fit the law (PROC-13); the Welsh regime
//! (PROC-04, PROC-08), the exact sentences of PROC-01 and PROC-07, and the contracts excluded
//! from the reserved-award checks. Each rule has a triggering case and a near miss at its
//! boundary, built from the sample plan.

use crate::common::{date, id, money, month, pct};
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::checks::rules::check;
use mutual_plan::checks::verdict::{Finding, Severity};
use mutual_plan::forecast::{forecast, Forecast};
use mutual_plan::model::plan::*;
use mutual_plan::model::samples;

/// The rule ids this file tests with a triggering case and a near miss.
pub const TESTED: &[&str] = &[
    "PROC-01", "PROC-03", "PROC-04", "PROC-05", "PROC-07", "PROC-08", "PROC-09", "PROC-10",
    "PROC-11", "PROC-12", "PROC-13",
];

fn sample() -> Plan {
    samples::riverside().unwrap()
}

fn of(p: &Plan, rule: &str) -> Vec<Finding> {
    check(p, &Criteria::bundled().policy, &forecast(p))
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

fn contract<'a>(p: &'a mut Plan, which: &str) -> &'a mut Contract {
    p.forecast
        .contracts
        .iter_mut()
        .find(|c| c.id.as_str() == which)
        .unwrap()
}

/// Falls prevention: a council's social work (85312000), reserved under s.33 (started 1 March
/// 2027), £240,000 a year from October 2027 to September 2030, exempt, ending as the forecast
/// assumes.
fn falls(p: &mut Plan) -> &mut Contract {
    contract(p, "falls-prevention")
}

/// Community therapy: an NHS body's community health services (85323000) under the Provider
/// Selection Regime (started 1 September 2026), the sample's largest contract.
fn therapy(p: &mut Plan) -> &mut Contract {
    contract(p, "community-therapy")
}

fn plan(change: impl FnOnce(&mut Plan)) -> Plan {
    let mut p = sample();
    change(&mut p);
    p
}

fn severities(f: &[Finding]) -> Vec<Severity> {
    f.iter().map(|f| f.severity).collect()
}

fn paths(f: &[Finding]) -> Vec<String> {
    f.iter().map(|f| f.path.to_string()).collect()
}

/// The rules that describe a reserved award, and so do not apply to an excluded contract.
const AWARD_RULES: [&str; 6] = [
    "PROC-01", "PROC-02", "PROC-03", "PROC-05", "PROC-06", "PROC-07",
];

/// How many findings of the reserved-award rules the plan has.
fn award_findings(p: &Plan) -> usize {
    AWARD_RULES.iter().map(|r| of(p, r).len()).sum()
}

/// A plan whose falls-prevention contract would give every reserved-award rule a finding:
/// 61 months (PROC-02), an earlier s.33 award within three years (PROC-03), no mission and staff
/// at 50 % (PROC-05), an IT service's CPV code, off the list (PROC-06); PROC-01 and PROC-07
/// always speak.
fn every_award_rule(p: &mut Plan) {
    falls(p).procurement.extension_months = 25;
    falls(p).procurement.last_reserved_award = Some(date("2025-03-01"));
    falls(p).procurement.cpv = "72000000".into();
    p.organisation.public_service_mission = String::new();
    p.ownership.groups[0].voting_percent = pct("50");
}

#[test]
fn every_award_rule_speaks_for_a_contract_that_is_not_excluded() {
    let p = plan(every_award_rule);
    for r in AWARD_RULES {
        assert!(!of(&p, r).is_empty(), "{r}");
    }
}

// PROC-01

#[test]
fn under_section_33_proc_01_says_a_reserved_award_is_a_competitive_flexible_procedure() {
    let p = sample();
    let f = &of(&p, "PROC-01")[0];
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.message,
        "\"Falls prevention classes\" is reserved under the Procurement Act 2023, section 33 (procurement started on or after 24 February 2025). A reserved award is made by a competitive flexible procedure that excludes suppliers that are not qualifying public service mutuals (section 33(2) to (4)): it cannot be a direct award or an open procedure. The award date is not entered, so the checks assume the contract's first day, 1 October 2027."
    );
    // A day earlier the procurement is under regulation 77, which has no such procedure.
    let p = plan(|p| falls(p).procurement.started = date("2025-02-23"));
    let m = &of(&p, "PROC-01")[0].message;
    assert_eq!(
        m,
        "\"Falls prevention classes\" is reserved under the Public Contracts Regulations 2015, regulation 77 (procurement started before 24 February 2025). The award date is not entered, so the checks assume the contract's first day, 1 October 2027."
    );
    // With the award date entered, nothing is assumed.
    let p = plan(|p| falls(p).procurement.awarded = Some(date("2027-09-01")));
    let m = &of(&p, "PROC-01")[0].message;
    assert!(
        m.contains("A reserved award is made by a competitive flexible procedure that excludes suppliers that are not qualifying public service mutuals")
            && !m.contains("assume"),
        "{m}"
    );
}

// PROC-03

#[test]
fn under_section_33_proc_03_says_the_award_date_stands_in_for_the_day_the_earlier_contract_was_entered_into(
) {
    const ENTERED: &str = "Section 33 counts the three years from when the earlier contract is entered into; the award date is used here.";
    let p = plan(|p| falls(p).procurement.last_reserved_award = Some(date("2025-03-01")));
    let hits = of(&p, "PROC-03");
    assert_eq!(severities(&hits), [Severity::Error]);
    assert!(hits[0].message.ends_with(ENTERED), "{}", hits[0].message);
    // The information that a regulation 77 award does not count says so too.
    let p = plan(|p| falls(p).procurement.last_reserved_award = Some(date("2025-02-23")));
    let hits = of(&p, "PROC-03");
    assert_eq!(severities(&hits), [Severity::Info]);
    assert!(hits[0].message.ends_with(ENTERED), "{}", hits[0].message);
    // Under regulation 77 the plan's award dates are what the law counts from.
    let p = plan(|p| {
        falls(p).procurement.started = date("2025-02-23");
        falls(p).procurement.last_reserved_award = Some(date("2025-03-01"));
    });
    let hits = of(&p, "PROC-03");
    assert_eq!(severities(&hits), [Severity::Error]);
    assert!(
        !hits[0].message.contains("Section 33"),
        "{}",
        hits[0].message
    );
}

// PROC-04

#[test]
fn the_welsh_provider_selection_regime_applies_from_24_february_2025() {
    let wales = |started: &'static str, kind: PublicBodyKind| {
        plan(move |p| {
            p.organisation.nation = Nation::Wales;
            falls(p).procurement.cpv = "85323000".into();
            falls(p).procurement.started = date(started);
            falls(p).commissioner_kind = kind;
        })
    };
    let p = wales("2025-02-24", PublicBodyKind::LocalAuthority);
    let hits = of(&p, "PROC-04");
    assert_eq!(severities(&hits), [Severity::Error]);
    assert_eq!(
        paths(&hits),
        ["forecast.contracts[falls-prevention].procurement.route"]
    );
    assert!(
        hits[0].message.contains("health care services bought by the NHS or by a council (public health) fall under the Provider Selection Regime (in Wales, the Health Services (Provider Selection Regime) (Wales) Regulations 2025), not reserved contracts"),
        "{}",
        hits[0].message
    );
    assert_eq!(
        of(&wales("2025-02-24", PublicBodyKind::NhsBody), "PROC-04").len(),
        1
    );
    assert!(of(
        &wales("2025-02-23", PublicBodyKind::LocalAuthority),
        "PROC-04"
    )
    .is_empty());
    assert!(of(&wales("2025-02-24", PublicBodyKind::OtherPublic), "PROC-04").is_empty());
    // In England the message names no Welsh regulations.
    let p = plan(|p| falls(p).procurement.cpv = "85323000".into());
    let m = &of(&p, "PROC-04")[0].message;
    assert!(!m.contains("Wales"), "{m}");
    // Not in Scotland or Northern Ireland.
    for nation in [Nation::Scotland, Nation::NorthernIreland] {
        let p = plan(|p| {
            p.organisation.nation = nation;
            falls(p).procurement.cpv = "85323000".into();
        });
        assert!(of(&p, "PROC-04").is_empty(), "{nation:?}");
    }
}

#[test]
fn proc_04s_error_excludes_the_contract_from_the_reserved_award_rules() {
    // Community health services (85323000) bought by a council: the Provider Selection Regime.
    let p = plan(|p| {
        every_award_rule(p);
        falls(p).procurement.cpv = "85323000".into();
    });
    assert_eq!(of(&p, "PROC-04").len(), 1);
    assert_eq!(award_findings(&p), 0);
    assert!(of(&p, "PROC-10").is_empty());
    // Under the Welsh regime too, and not a day before it.
    let welsh = |started: &'static str| {
        plan(move |p| {
            every_award_rule(p);
            p.organisation.nation = Nation::Wales;
            falls(p).procurement.cpv = "85323000".into();
            falls(p).procurement.started = date(started);
        })
    };
    assert_eq!(award_findings(&welsh("2025-02-24")), 0);
    assert!(award_findings(&welsh("2025-02-23")) > 0);
}

// PROC-05

/// A second reserved contract like falls prevention, under its own id and service.
fn another_reserved(p: &mut Plan, idn: &str, service: &str) {
    let mut c = falls(p).clone();
    c.id = id(idn);
    c.service = service.into();
    p.forecast.contracts.push(c);
}

#[test]
fn proc_05_gives_one_finding_per_plan_for_each_test_that_fails() {
    let p = plan(|p| {
        another_reserved(p, "falls-north", "Falls prevention north");
        p.ownership.groups[0].voting_percent = pct("50");
        p.organisation.public_service_mission = " ".into();
    });
    let hits = of(&p, "PROC-05");
    assert_eq!(severities(&hits), [Severity::Error, Severity::Error]);
    assert_eq!(
        paths(&hits),
        [
            "forecast.contracts[falls-prevention].procurement.route",
            "forecast.contracts[falls-prevention].procurement.route"
        ]
    );
    assert!(
        hits[0].message.contains("mission")
            && hits[1].message.contains("staff hold 50% of the votes")
            && hits[1].message.contains(
                "the reserved contracts \"Falls prevention classes\" and \"Falls prevention north\""
            ),
        "{hits:?}"
    );
    // With a mission and staff in control, none.
    let p = plan(|p| {
        another_reserved(p, "falls-north", "Falls prevention north");
        p.ownership.groups[0].voting_percent = pct("50.01");
        p.ownership.groups[0].equity_percent = pct("50.01");
    });
    assert!(of(&p, "PROC-05").is_empty());
}

#[test]
fn proc_05_speaks_for_each_regime_that_applies_to_a_contract() {
    // Members' dividends bar a reg. 77 award; staff at 50 % bar a s.33 award.
    let p = plan(|p| {
        another_reserved(p, "falls-old", "Falls prevention (old)");
        contract(p, "falls-old").procurement.started = date("2025-02-23");
        p.ownership.groups[0].voting_percent = pct("50");
        p.organisation.legal_form = LegalForm::CompanyLimitedByShares;
        p.ownership.profit_distribution.policy = DistributionPolicy::MembersDividend;
    });
    let hits = of(&p, "PROC-05");
    assert_eq!(
        paths(&hits),
        [
            "forecast.contracts[falls-old].procurement.route",
            "forecast.contracts[falls-prevention].procurement.route"
        ]
    );
    assert!(hits[0].message.contains("under regulation 77"), "{hits:?}");
    assert!(hits[1].message.contains("under section 33"), "{hits:?}");
}

/// Therapy is no longer a reservable service (an IT service, 72000000), and a small reserved
/// contract (excluded by PROC-10) joins the plan.
fn mainly_plan() -> Plan {
    plan(|p| {
        therapy(p).procurement.cpv = "72000000".into();
        another_reserved(p, "small", "Small classes");
        let s = contract(p, "small");
        s.annual_value = money("100000");
        s.end = month("2028-09");
    })
}

/// The forecast's earned income set by hand: therapy £1,000, falls £500, the small contract £500,
/// training `training`.
fn earned(training: &'static str) -> impl FnOnce(&mut Forecast) {
    move |f: &mut Forecast| {
        f.summary.contract_earned = vec![
            (id("community-therapy"), money("1000").get()),
            (id("falls-prevention"), money("500").get()),
            (id("small"), money("500").get()),
        ];
        f.summary.income_earned = vec![(id("training"), money(training).get())];
    }
}

#[test]
fn proc_05s_mainly_test_counts_every_contract_and_other_income() {
    let p = mainly_plan();
    assert_eq!(of(&p, "PROC-10").len(), 1, "the small contract is excluded");
    // Reservable: falls and the excluded small contract, £1,000 of £2,000: exactly half.
    assert!(with_forecast(&p, "PROC-05", earned("0")).is_empty());
    // A penny of other income, which is never reservable, makes it less than half.
    let hits = with_forecast(&p, "PROC-05", earned("0.01"));
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert_eq!(
        paths(&hits),
        ["forecast.contracts[falls-prevention].procurement.route"]
    );
    assert!(
        hits[0].message.contains("only 49.99% of the income") && hits[0].message.contains("mainly"),
        "{}",
        hits[0].message
    );
}

#[test]
fn proc_05_does_not_apply_when_every_reserved_contract_is_excluded() {
    // Scotland, a council: PROC-09's error excludes falls prevention.
    let p = plan(|p| {
        p.organisation.nation = Nation::Scotland;
        p.organisation.public_service_mission = String::new();
    });
    assert!(of(&p, "PROC-05").is_empty());
    let p = plan(|p| {
        p.organisation.nation = Nation::England;
        p.organisation.public_service_mission = String::new();
    });
    assert_eq!(of(&p, "PROC-05").len(), 1);
}

// PROC-07

const ASSUMES_IT_ENDS: &str = "The forecast already assumes it ends.";
const S1_SHOWS_IT: &str = "Stress scenario S1 shows the cash effect of losing it.";
const S1_ELSEWHERE: &str =
    "No stress scenario shows the cash effect of losing it: S1 ends only \"Adult community therapy\".";
const S1_NOTHING: &str =
    "S1 changes nothing: \"Adult community therapy\" already ends in the forecast.";

#[test]
fn proc_07_ends_saying_whether_the_forecast_or_s1_shows_the_contract_ending() {
    // The sample's falls prevention ends in the forecast.
    let p = sample();
    let m = &of(&p, "PROC-07")[0].message;
    assert_eq!(
        m,
        "\"Falls prevention classes\" is reserved until September 2030; a new reserved award for it is possible from 1 October 2030. Section 33 counts the three years from when the earlier contract is entered into; the award date is used here. The forecast already assumes it ends."
    );
    // Renewed, it is not S1's contract: community therapy is.
    let p = plan(|p| falls(p).renewal.assumption = RenewalAssumption::Renewed);
    let m = &of(&p, "PROC-07")[0].message;
    assert!(m.ends_with(S1_ELSEWHERE), "{m}");
    assert!(
        !m.contains(ASSUMES_IT_ENDS) && !m.contains(S1_NOTHING),
        "{m}"
    );
    // And when community therapy already ends, S1 changes nothing.
    let p = plan(|p| {
        falls(p).renewal.assumption = RenewalAssumption::Renewed;
        therapy(p).renewal.assumption = RenewalAssumption::Ends;
    });
    let m = &of(&p, "PROC-07")[0].message;
    assert!(m.ends_with(&format!("{S1_ELSEWHERE} {S1_NOTHING}")), "{m}");
    // Falls prevention as the largest contract is S1's.
    let p = plan(|p| {
        falls(p).renewal.assumption = RenewalAssumption::Renewed;
        therapy(p).annual_value = money("100000");
    });
    let m = &of(&p, "PROC-07")[0].message;
    assert!(m.ends_with(S1_SHOWS_IT), "{m}");
    assert!(!m.contains("No stress scenario"), "{m}");
}

#[test]
fn proc_07s_gap_warning_and_the_regime_sentence() {
    // 24 months at £400,000 a year: above the threshold, and a year's gap.
    let p = plan(|p| {
        falls(p).end = month("2029-09");
        falls(p).annual_value = money("400000");
    });
    let hits = of(&p, "PROC-07");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert!(
        hits[0].message.contains("When this contract ends in September 2029, it cannot be reserved for you again until 1 October 2030: plan to win the next contract in open competition, or plan for a gap in income.")
            && hits[0].message.contains("Section 33 counts the three years")
            && hits[0].message.ends_with(ASSUMES_IT_ENDS),
        "{}",
        hits[0].message
    );
    // Under regulation 77 the award date is what the law counts from.
    let p = plan(|p| {
        falls(p).end = month("2029-09");
        falls(p).annual_value = money("400000");
        falls(p).procurement.started = date("2025-02-23");
    });
    let m = &of(&p, "PROC-07")[0].message;
    assert!(!m.contains("Section 33"), "{m}");
}

// PROC-08

#[test]
fn proc_08_names_the_welsh_regime_and_the_regulations_before_it() {
    let p = plan(|p| p.organisation.nation = Nation::Wales);
    let hits = of(&p, "PROC-08");
    assert_eq!(paths(&hits), ["forecast.contracts[community-therapy]"]);
    let m = &hits[0].message;
    assert!(
        m.contains("from 24 February 2025 under the Health Services (Provider Selection Regime) (Wales) Regulations 2025, made under the Health Service Procurement (Wales) Act 2024, and before that under the Public Contracts Regulations 2015")
            && m.ends_with("confirm the route with the commissioner."),
        "{m}"
    );
    let p = plan(|p| p.organisation.nation = Nation::Scotland);
    let m = &of(&p, "PROC-08")[0].message;
    assert!(
        m.contains("Public Contracts (Scotland) Regulations 2015") && !m.contains("Wales"),
        "{m}"
    );
    assert!(of(&sample(), "PROC-08").is_empty());
}

// PROC-09

const STANDS_IN: &str = "This check takes the organisation's nation, Scotland, as the commissioner's: if the commissioner is in England, Wales or Northern Ireland, it does not apply.";

#[test]
fn a_reserved_contract_bought_by_a_scottish_council_or_health_board_is_an_error() {
    let p = plan(|p| p.organisation.nation = Nation::Scotland);
    let hits = of(&p, "PROC-09");
    assert_eq!(severities(&hits), [Severity::Error]);
    assert_eq!(
        paths(&hits),
        ["forecast.contracts[falls-prevention].procurement.route"]
    );
    assert_eq!(
        hits[0].message,
        format!("Scotland has no reserved contracts for mutuals. \"Falls prevention classes\" is bought by a Scottish public body, which buys under the Public Contracts (Scotland) Regulations 2015: they did not adopt the reservation for mutuals (their only reserved contracts, regulation 21, are for supported businesses), and the Procurement Act 2023 does not apply to devolved Scottish authorities. Plan to win it in competition, or agree another route with the commissioner. {STANDS_IN}")
    );
    // Before 24 February 2025 it names regulation 77.
    let p = plan(|p| {
        p.organisation.nation = Nation::Scotland;
        falls(p).commissioner_kind = PublicBodyKind::NhsBody;
        falls(p).procurement.started = date("2025-02-23");
    });
    let hits = of(&p, "PROC-09");
    assert_eq!(severities(&hits), [Severity::Error]);
    assert!(
        hits[0].message.contains("and regulation 77 of the Public Contracts Regulations 2015 did not apply to devolved Scottish authorities"),
        "{}",
        hits[0].message
    );
    // Only in Scotland.
    for nation in [Nation::England, Nation::Wales, Nation::NorthernIreland] {
        assert!(
            of(&plan(|p| p.organisation.nation = nation), "PROC-09").is_empty(),
            "{nation:?}"
        );
    }
    // Only for reserved contracts.
    let p = plan(|p| {
        p.organisation.nation = Nation::Scotland;
        falls(p).procurement.route = ProcurementRoute::OpenCompetition;
    });
    assert!(of(&p, "PROC-09").is_empty());
}

#[test]
fn a_reserved_contract_in_scotland_for_another_commissioner_is_a_warning() {
    let scottish = |kind: PublicBodyKind, started: &'static str| {
        plan(move |p| {
            p.organisation.nation = Nation::Scotland;
            falls(p).commissioner_kind = kind;
            falls(p).procurement.started = date(started);
        })
    };
    let p = scottish(PublicBodyKind::CentralGovernment, "2027-03-01");
    let hits = of(&p, "PROC-09");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert_eq!(
        paths(&hits),
        ["forecast.contracts[falls-prevention].commissioner_kind"]
    );
    assert_eq!(
        hits[0].message,
        format!("\"Falls prevention classes\" can be reserved for mutuals only if its commissioner is a UK government department or another body that buys under the Procurement Act 2023 in Scotland; the Scottish Government, its agencies, health boards and councils buy under the Public Contracts (Scotland) Regulations 2015, which have no reserved contracts for mutuals. Confirm which the commissioner is. {STANDS_IN}")
    );
    let p = scottish(PublicBodyKind::OtherPublic, "2025-02-23");
    let hits = of(&p, "PROC-09");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert!(
        hits[0].message.contains("another body that buys under regulation 77 of the Public Contracts Regulations 2015 in Scotland"),
        "{}",
        hits[0].message
    );
}

#[test]
fn proc_09s_error_excludes_the_contract_and_its_warning_does_not() {
    let p = plan(|p| {
        every_award_rule(p);
        p.organisation.nation = Nation::Scotland;
    });
    assert_eq!(severities(&of(&p, "PROC-09")), [Severity::Error]);
    assert_eq!(award_findings(&p), 0);
    let p = plan(|p| {
        every_award_rule(p);
        p.organisation.nation = Nation::Scotland;
        falls(p).commissioner_kind = PublicBodyKind::CentralGovernment;
    });
    assert_eq!(severities(&of(&p, "PROC-09")), [Severity::Warning]);
    for r in AWARD_RULES {
        assert!(!of(&p, r).is_empty(), "{r}");
    }
}

// PROC-10

/// Falls prevention worth `annual` a year from `start` to `end`.
fn valued(annual: &'static str, start: &'static str, end: &'static str) -> Plan {
    plan(move |p| {
        let c = falls(p);
        c.annual_value = money(annual);
        c.start = month(start);
        c.end = month(end);
    })
}

#[test]
fn proc_10_the_worked_cases() {
    // £240,000 a year for 36 months: £720,000, not below the £663,540 threshold.
    assert!(of(&sample(), "PROC-10").is_empty());
    // For 33 months: £660,000.
    let p = plan(|p| falls(p).end = month("2030-06"));
    let hits = of(&p, "PROC-10");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert_eq!(
        paths(&hits),
        ["forecast.contracts[falls-prevention].annual_value"]
    );
    assert_eq!(
        hits[0].message,
        "\"Falls prevention classes\" is worth £660,000 over its 33 months: below the £663,540 threshold for light-touch contracts, so it cannot be reserved for mutuals. Section 33 reserves only public contracts, and a public contract is one worth at least the threshold (Procurement Act 2023 s.3 and Schedule 1). Below the threshold the commissioner may award it without a competitive procedure, for example directly, publishing the notices the law requires for smaller contracts: agree the route with the commissioner and record it."
    );
    // £220,000 a year with 1 % indexation over 36 months: 220,000 + 222,200 + 224,422.
    let indexed = |end: &'static str| {
        plan(move |p| {
            falls(p).annual_value = money("220000");
            falls(p).indexation_percent = pct("1");
            falls(p).end = month(end);
        })
    };
    assert!(of(&indexed("2030-09"), "PROC-10").is_empty());
    // A month less: 442,200 + 224,422 × 11 / 12 = £647,920.17, below.
    let m = &of(&indexed("2030-08"), "PROC-10")[0].message;
    assert!(m.contains("is worth £647,920 over its 35 months"), "{m}");
}

#[test]
fn proc_10_compares_exactly_and_shows_pennies_at_the_threshold() {
    // One year at £663,539.99: a penny below.
    let p = valued("663539.99", "2027-10", "2028-09");
    let m = &of(&p, "PROC-10")[0].message;
    assert!(
        m.contains("is worth £663,539.99 over its 12 months: below the £663,540 threshold"),
        "{m}"
    );
    assert!(of(&valued("663540", "2027-10", "2028-09"), "PROC-10").is_empty());
    // Three years at £221,180: exactly the threshold, not below.
    assert!(of(&valued("221180", "2027-10", "2030-09"), "PROC-10").is_empty());
    // 35 months at £227,499.99: £663,541.6375, not below.
    assert!(of(&valued("227499.99", "2027-10", "2030-08"), "PROC-10").is_empty());
    // At £227,499: £663,538.75, below, shown in whole pounds since £663,539 is not the
    // threshold.
    let m = &of(&valued("227499", "2027-10", "2030-08"), "PROC-10")[0].message;
    assert!(m.contains("worth £663,539 over its 35 months"), "{m}");
}

#[test]
fn proc_10_counts_extensions_and_adds_vat_when_the_threshold_includes_it() {
    // 30 months and 3 months of extension options: 33 months, £660,000.
    let p = plan(|p| {
        falls(p).end = month("2030-03");
        falls(p).procurement.extension_months = 3;
    });
    let m = &of(&p, "PROC-10")[0].message;
    assert!(
        m.contains("is worth £660,000 over its 33 months including extensions: below"),
        "{m}"
    );
    let p = plan(|p| {
        falls(p).end = month("2030-03");
        falls(p).procurement.extension_months = 6;
    });
    assert!(of(&p, "PROC-10").is_empty());
    // Standard-rated, £200,000 a year for 36 months: £600,000, £720,000 with VAT at 20 %.
    let vat = |started: &'static str, vat: VatTreatment| {
        plan(move |p| {
            falls(p).annual_value = money("200000");
            falls(p).vat = vat;
            falls(p).procurement.started = date(started);
        })
    };
    assert!(of(&vat("2027-03-01", VatTreatment::Standard), "PROC-10").is_empty());
    assert_eq!(
        of(&vat("2027-03-01", VatTreatment::Exempt), "PROC-10").len(),
        1
    );
    // The plan's VAT rate counts: at 10 %, £660,000 including VAT.
    let mut p = vat("2027-03-01", VatTreatment::Standard);
    p.forecast.settings.vat_standard_rate_percent = pct("10");
    let m = &of(&p, "PROC-10")[0].message;
    assert!(
        m.contains("is worth £660,000 over its 36 months including VAT: below"),
        "{m}"
    );
    // Regulation 77's threshold includes VAT from 1 January 2022, not the day before.
    assert!(of(&vat("2022-01-01", VatTreatment::Standard), "PROC-10").is_empty());
    let hits = of(&vat("2021-12-31", VatTreatment::Standard), "PROC-10");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert!(
        hits[0].message.contains("is worth £600,000 over its 36 months: below the £663,540 threshold")
            && hits[0].message.contains("Regulation 77 applies only to contracts worth at least the threshold (Public Contracts Regulations 2015 reg. 5)"),
        "{}",
        hits[0].message
    );
}

#[test]
fn proc_10_uses_the_earliest_threshold_before_every_entry() {
    // Before 26 February 2015 (and on it): £625,050, not including VAT.
    for started in ["2014-06-01", "2015-02-26"] {
        let p = plan(|p| {
            falls(p).annual_value = money("208349.99");
            falls(p).procurement.started = date(started);
        });
        let m = &of(&p, "PROC-10")[0].message;
        assert!(
            m.contains("worth £625,049.97 over its 36 months: below the £625,050 threshold"),
            "{m}"
        );
    }
    // From 1 January 2016, £589,148.
    let p = plan(|p| {
        falls(p).annual_value = money("208349.99");
        falls(p).procurement.started = date("2016-01-01");
    });
    assert!(of(&p, "PROC-10").is_empty());
}

#[test]
fn proc_10s_finding_excludes_the_contract() {
    let p = plan(|p| {
        every_award_rule(p);
        falls(p).annual_value = money("100000");
    });
    assert_eq!(of(&p, "PROC-10").len(), 1);
    assert_eq!(award_findings(&p), 0);
    // Not after PROC-09's error: that speaks instead.
    let p = plan(|p| {
        p.organisation.nation = Nation::Scotland;
        falls(p).annual_value = money("100000");
    });
    assert!(of(&p, "PROC-10").is_empty());
    // After PROC-09's warning it does.
    let p = plan(|p| {
        p.organisation.nation = Nation::Scotland;
        falls(p).commissioner_kind = PublicBodyKind::CentralGovernment;
        falls(p).annual_value = money("100000");
    });
    assert_eq!(of(&p, "PROC-10").len(), 1);
}

// PROC-11

/// Falls prevention awarded directly.
fn direct(change: impl FnOnce(&mut Plan)) -> Plan {
    plan(|p| {
        falls(p).procurement.route = ProcurementRoute::DirectAward;
        change(p)
    })
}

#[test]
fn a_direct_award_under_the_act_needs_its_ground_recorded() {
    let p = direct(|_| {});
    let hits = of(&p, "PROC-11");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert_eq!(
        paths(&hits),
        ["forecast.contracts[falls-prevention].procurement.justification"]
    );
    let m = &hits[0].message;
    assert!(
        m.starts_with("\"Falls prevention classes\" is to be awarded directly under the Procurement Act 2023. A public contract may be awarded directly only on one of the grounds in Schedule 5 (section 41)")
            && m.contains("except for light-touch contracts such as health, social care and education, where a standstill is voluntary")
            && m.contains("A contract below the threshold (£663,540 including VAT for light-touch services such as health, social care and education; lower for other services) needs no ground.")
            && m.ends_with("Record the ground, or \"below threshold\", as the contract's justification."),
        "{m}"
    );
    // Spaces are no justification; a ground is.
    let p = direct(|p| falls(p).procurement.justification = "  ".into());
    assert_eq!(of(&p, "PROC-11").len(), 1);
    let p = direct(|p| falls(p).procurement.justification = "below threshold".into());
    assert!(of(&p, "PROC-11").is_empty());
    // Before 24 February 2025 the Act did not apply.
    let p = direct(|p| falls(p).procurement.started = date("2025-02-24"));
    assert_eq!(of(&p, "PROC-11").len(), 1);
    let p = direct(|p| falls(p).procurement.started = date("2025-02-23"));
    assert!(of(&p, "PROC-11").is_empty());
    // Nor for other routes.
    assert!(of(&sample(), "PROC-11").is_empty());
}

#[test]
fn a_direct_award_of_care_below_the_threshold_is_information() {
    // Social work (a light-touch service) for 33 months: £660,000.
    let p = direct(|p| falls(p).end = month("2030-06"));
    let hits = of(&p, "PROC-11");
    assert_eq!(severities(&hits), [Severity::Info]);
    assert_eq!(
        hits[0].message,
        "\"Falls prevention classes\" is worth £660,000 over its 33 months: below the £663,540 threshold for light-touch contracts, so it needs no direct-award ground under the Procurement Act 2023. Record \"below threshold\" as the contract's justification."
    );
    // At £663,540 it needs a ground.
    let p = direct(|p| {
        falls(p).annual_value = money("221180");
    });
    assert_eq!(severities(&of(&p, "PROC-11")), [Severity::Warning]);
    // Standard-rated, VAT counts: £200,000 × 3 = £600,000, £720,000 with VAT.
    let p = direct(|p| {
        falls(p).annual_value = money("200000");
        falls(p).vat = VatTreatment::Standard;
    });
    assert_eq!(severities(&of(&p, "PROC-11")), [Severity::Warning]);
    // A service that is neither health nor social care gets the warning whatever its value.
    let p = direct(|p| {
        falls(p).end = month("2030-06");
        falls(p).procurement.cpv = "80511000".into();
    });
    assert_eq!(severities(&of(&p, "PROC-11")), [Severity::Warning]);
}

#[test]
fn a_direct_award_outside_the_act_is_not_proc_11s() {
    // Health care bought by a council in England: the Provider Selection Regime (PROC-13).
    let p = direct(|p| falls(p).procurement.cpv = "85323000".into());
    assert!(of(&p, "PROC-11").is_empty());
    // Welsh health procurement, whatever the service, when an NHS body buys it.
    let p = direct(|p| {
        p.organisation.nation = Nation::Wales;
        falls(p).commissioner_kind = PublicBodyKind::NhsBody;
    });
    assert!(of(&p, "PROC-11").is_empty());
    // A Welsh council buying social work buys under the Act.
    let p = direct(|p| p.organisation.nation = Nation::Wales);
    assert_eq!(of(&p, "PROC-11").len(), 1);
    // A Scottish council does not; a UK department in Scotland does.
    let p = direct(|p| p.organisation.nation = Nation::Scotland);
    assert!(of(&p, "PROC-11").is_empty());
    let p = direct(|p| {
        p.organisation.nation = Nation::Scotland;
        falls(p).commissioner_kind = PublicBodyKind::CentralGovernment;
    });
    assert_eq!(of(&p, "PROC-11").len(), 1);
}

// PROC-12

fn psr(process: Option<PsrProcess>) -> Plan {
    plan(|p| therapy(p).procurement.psr_process = process)
}

fn welsh_psr(process: Option<PsrProcess>) -> Plan {
    plan(|p| {
        p.organisation.nation = Nation::Wales;
        therapy(p).procurement.psr_process = process;
    })
}

const NOVATION: &str = "confirm with the commissioner how the contract passes to you (for example, by novation of the parent body's contract)";
const STANDSTILL: &str = "a standstill period of 8 working days";
const WELSH_NOTICES: &str =
    "Confirm the notices and standstill under the Welsh regulations with the commissioner.";

#[test]
fn a_provider_selection_regime_contract_without_its_process_is_a_warning() {
    let hits = of(&psr(None), "PROC-12");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert_eq!(
        paths(&hits),
        ["forecast.contracts[community-therapy].procurement.psr_process"]
    );
    assert_eq!(
        hits[0].message,
        "\"Adult community therapy\" is to be awarded under the Provider Selection Regime, but the plan does not say by which process. Agree it with the commissioner: Direct Award Process A, B or C, the Most Suitable Provider Process or the Competitive Process. Each has its own notices, and Direct Award Process C, the Most Suitable Provider Process and the Competitive Process have a standstill period of 8 working days before the award."
    );
    let hits = of(&psr(Some(PsrProcess::Competitive)), "PROC-12");
    assert_eq!(severities(&hits), [Severity::Info]);
}

#[test]
fn each_process_of_the_provider_selection_regime_is_named_with_its_duties() {
    let message = |p: PsrProcess| of(&psr(Some(p)), "PROC-12")[0].message.clone();
    let a = message(PsrProcess::DirectAwardA);
    assert!(
        a.starts_with("\"Adult community therapy\" is to be awarded under the Provider Selection Regime by Direct Award Process A: only the existing provider can provide the service")
            && a.contains("There is no standstill period.")
            && a.contains(NOVATION),
        "{a}"
    );
    let b = message(PsrProcess::DirectAwardB);
    assert!(
        b.contains("by Direct Award Process B: patients choose their provider")
            && b.contains("There is no standstill period.")
            && !b.contains(NOVATION),
        "{b}"
    );
    let c = message(PsrProcess::DirectAwardC);
    assert!(
        c.contains("by Direct Award Process C: the commissioner keeps the existing provider")
            && c.contains(STANDSTILL)
            && c.contains("Processes A and C rest on the existing provider, which until the transfer is the parent body")
            && c.contains(NOVATION),
        "{c}"
    );
    let m = message(PsrProcess::MostSuitableProvider);
    assert!(
        m.contains(
            "by the Most Suitable Provider Process: the commissioner assesses the providers"
        ) && m.contains(STANDSTILL)
            && !m.contains(NOVATION),
        "{m}"
    );
    let k = message(PsrProcess::Competitive);
    assert!(
        k.contains("by the Competitive Process: the commissioner advertises the contract")
            && k.contains(STANDSTILL),
        "{k}"
    );
    // Once the organisation is live, it is the existing provider.
    let mut p = psr(Some(PsrProcess::DirectAwardC));
    p.organisation.status = OrgStatus::Live;
    let m = &of(&p, "PROC-12")[0].message;
    assert!(!m.contains(NOVATION), "{m}");
}

#[test]
fn the_welsh_regime_names_its_processes_and_has_no_process_b() {
    let hits = of(&welsh_psr(None), "PROC-12");
    assert_eq!(severities(&hits), [Severity::Warning]);
    assert!(
        hits[0].message.contains("Agree it with the commissioner: Direct Award Process 1 or 2, the Most Suitable Provider Process or the Competitive Process.")
            && !hits[0].message.contains("Process A"),
        "{}",
        hits[0].message
    );
    let a = &of(&welsh_psr(Some(PsrProcess::DirectAwardA)), "PROC-12")[0];
    assert_eq!(a.severity, Severity::Info);
    assert!(
        a.message.contains("by Direct Award Process 1: ")
            && a.message
                .contains("Direct Award Processes 1 and 2 rest on the existing provider")
            && a.message.ends_with(WELSH_NOTICES),
        "{}",
        a.message
    );
    let c = &of(&welsh_psr(Some(PsrProcess::DirectAwardC)), "PROC-12")[0];
    assert!(
        c.message.contains("by Direct Award Process 2: ") && c.message.ends_with(WELSH_NOTICES),
        "{}",
        c.message
    );
    for p in [PsrProcess::MostSuitableProvider, PsrProcess::Competitive] {
        let f = &of(&welsh_psr(Some(p)), "PROC-12")[0];
        assert_eq!(f.severity, Severity::Info);
        assert!(f.message.ends_with(WELSH_NOTICES), "{}", f.message);
    }
    let b = &of(&welsh_psr(Some(PsrProcess::DirectAwardB)), "PROC-12")[0];
    assert_eq!(b.severity, Severity::Warning);
    assert_eq!(
        b.message,
        "\"Adult community therapy\" records Direct Award Process B, but the Welsh regime has no such process (there is no patient-choice regime in Wales): agree the process with the commissioner."
    );
    // In England process B is information.
    assert_eq!(
        severities(&of(&psr(Some(PsrProcess::DirectAwardB)), "PROC-12")),
        [Severity::Info]
    );
}

#[test]
fn proc_12_only_where_a_provider_selection_regime_applies() {
    let started = |nation: Nation, day: &'static str| {
        plan(move |p| {
            p.organisation.nation = nation;
            therapy(p).procurement.started = date(day);
        })
    };
    assert_eq!(
        of(&started(Nation::England, "2024-01-01"), "PROC-12").len(),
        1
    );
    assert!(of(&started(Nation::England, "2023-12-31"), "PROC-12").is_empty());
    assert_eq!(
        of(&started(Nation::Wales, "2025-02-24"), "PROC-12").len(),
        1
    );
    assert!(of(&started(Nation::Wales, "2025-02-23"), "PROC-12").is_empty());
    assert!(of(&started(Nation::Scotland, "2027-01-01"), "PROC-12").is_empty());
    assert!(of(&started(Nation::NorthernIreland, "2027-01-01"), "PROC-12").is_empty());
}

// PROC-13

fn route_findings(p: &Plan) -> Vec<(String, String)> {
    of(p, "PROC-13")
        .into_iter()
        .map(|f| (f.path.to_string(), f.message))
        .collect()
}

#[test]
fn the_provider_selection_regime_route_where_no_regime_applies() {
    // Social work bought by a council is not health care.
    let p = plan(|p| falls(p).procurement.route = ProcurementRoute::ProviderSelectionRegime);
    let hits = route_findings(&p);
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0],
        (
            "forecast.contracts[falls-prevention].procurement.route".to_string(),
            "\"Falls prevention classes\" is recorded under the Provider Selection Regime, but the regime covers only health care bought by NHS bodies and councils in England, in procurements started from 1 January 2024, or in Wales, from 24 February 2025: CPV 85312000 is not on the health-care list. Record the route the commissioner will actually use (social care is a light-touch service under the Procurement Act 2023 in England, Wales and Northern Ireland, and under the Public Contracts (Scotland) Regulations 2015 in Scotland).".to_string()
        )
    );
    // The sample's therapy contract is health care bought by an NHS body: no finding.
    assert!(route_findings(&sample()).is_empty());
    let reasons = |change: fn(&mut Plan)| {
        let p = plan(change);
        let hits = route_findings(&p);
        assert_eq!(hits.len(), 1, "{hits:?}");
        let m = hits[0].1.clone();
        let (_, rest) = m.split_once("from 24 February 2025: ").unwrap();
        rest.split_once(". Record").unwrap().0.to_string()
    };
    assert_eq!(
        reasons(|p| p.organisation.nation = Nation::Scotland),
        "the organisation is in Scotland"
    );
    assert_eq!(
        reasons(|p| p.organisation.nation = Nation::NorthernIreland),
        "the organisation is in Northern Ireland"
    );
    assert_eq!(
        reasons(|p| therapy(p).procurement.started = date("2023-12-31")),
        "the procurement started before 1 January 2024"
    );
    assert_eq!(
        reasons(|p| {
            p.organisation.nation = Nation::Wales;
            therapy(p).procurement.started = date("2025-02-23");
        }),
        "the procurement started before 24 February 2025"
    );
    assert_eq!(
        reasons(|p| {
            therapy(p).commissioner_kind = PublicBodyKind::OtherPublic;
            therapy(p).procurement.cpv = "85311000".into();
            therapy(p).procurement.started = date("2023-12-31");
        }),
        "the procurement started before 1 January 2024; the kind of commissioner is other public body; CPV 85311000 is not on the health-care list"
    );
    // The day the regimes begin, no finding.
    assert!(route_findings(&plan(
        |p| therapy(p).procurement.started = date("2024-01-01")
    ))
    .is_empty());
    assert!(route_findings(&plan(|p| {
        p.organisation.nation = Nation::Wales;
        therapy(p).procurement.started = date("2025-02-24");
    }))
    .is_empty());
}

#[test]
fn health_care_under_a_provider_selection_regime_recorded_as_another_route() {
    let as_route = |route: ProcurementRoute, nation: Nation| {
        plan(move |p| {
            p.organisation.nation = nation;
            therapy(p).procurement.route = route;
            therapy(p).procurement.psr_process = None;
        })
    };
    let hits = route_findings(&as_route(ProcurementRoute::DirectAward, Nation::England));
    assert_eq!(
        hits,
        [(
            "forecast.contracts[community-therapy].procurement.route".to_string(),
            "\"Adult community therapy\" is health care bought by an NHS body in England: it is arranged under the Provider Selection Regime, not under the Procurement Act 2023, which does not apply to it. Record the route as the Provider Selection Regime, with its process.".to_string()
        )]
    );
    let hits = route_findings(&as_route(ProcurementRoute::OpenCompetition, Nation::Wales));
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].1.contains("bought by an NHS body in Wales"),
        "{hits:?}"
    );
    // A council buying community health services.
    let p = plan(|p| {
        falls(p).procurement.cpv = "85323000".into();
        falls(p).procurement.route = ProcurementRoute::OpenCompetition;
    });
    let hits = route_findings(&p);
    assert!(
        hits.len() == 1 && hits[0].1.contains("bought by a council in England"),
        "{hits:?}"
    );
    // Before the regime, an open competition is what the law asked.
    let p = plan(|p| {
        therapy(p).procurement.route = ProcurementRoute::OpenCompetition;
        therapy(p).procurement.psr_process = None;
        therapy(p).procurement.started = date("2023-12-31");
    });
    assert!(route_findings(&p).is_empty());
    // A grant agreement is another matter.
    assert!(
        route_findings(&as_route(ProcurementRoute::GrantAgreement, Nation::England)).is_empty()
    );
}

#[test]
fn a_provider_selection_regime_process_on_another_route_is_ignored() {
    let p = plan(|p| falls(p).procurement.psr_process = Some(PsrProcess::Competitive));
    assert_eq!(
        route_findings(&p),
        [(
            "forecast.contracts[falls-prevention].procurement.psr_process".to_string(),
            "\"Falls prevention classes\" records a Provider Selection Regime process, but its route is reserved for mutuals; the process is ignored. Clear it, or change the route.".to_string()
        )]
    );
    // With both a wrong route and a process: one finding per clause.
    let p = plan(|p| {
        therapy(p).procurement.route = ProcurementRoute::DirectAward;
        therapy(p).procurement.psr_process = Some(PsrProcess::DirectAwardA);
    });
    let hits = route_findings(&p);
    assert_eq!(
        hits.iter().map(|h| h.0.as_str()).collect::<Vec<_>>(),
        [
            "forecast.contracts[community-therapy].procurement.route",
            "forecast.contracts[community-therapy].procurement.psr_process"
        ]
    );
    assert!(hits[1].1.contains("its route is direct award;"), "{hits:?}");
    // On the regime's own route, the process is used.
    assert!(route_findings(&psr(Some(PsrProcess::Competitive))).is_empty());
}

#[test]
fn the_samples_procurement_findings() {
    let p = sample();
    let got: Vec<(String, Severity, String)> =
        check(&p, &Criteria::bundled().policy, &forecast(&p))
            .into_iter()
            .filter(|f| f.rule.starts_with("PROC-"))
            .map(|f| (f.rule, f.severity, f.path.to_string()))
            .collect();
    let want = [
        (
            "PROC-01",
            Severity::Info,
            "forecast.contracts[falls-prevention].procurement.started",
        ),
        (
            "PROC-07",
            Severity::Info,
            "forecast.contracts[falls-prevention]",
        ),
        (
            "PROC-12",
            Severity::Info,
            "forecast.contracts[community-therapy].procurement.psr_process",
        ),
    ];
    let want: Vec<(String, Severity, String)> = want
        .iter()
        .map(|(r, s, p)| (r.to_string(), *s, p.to_string()))
        .collect();
    assert_eq!(got, want);
}
