//! Every rule of the catalogue: a plan that triggers it and a close variant that does not, each
//! built from the sample plan; the catalogue against docs/rules.md; the reserved-contract regime
//! switch on 24 February 2025.

use mutual_plan::criteria::Criteria;
use mutual_plan::field_path::Segment;
use mutual_plan::forecast::{forecast, ForecastError};
use mutual_plan::plan::*;
use mutual_plan::rules::{catalogue, check, Finding, Severity};
use mutual_plan::samples;
use mutual_plan::values::*;
use std::collections::BTreeSet;

type Change = fn(&mut Plan);

fn findings(p: &Plan) -> Vec<Finding> {
    check(p, &Criteria::bundled().policy, &forecast(p))
}

fn of(p: &Plan, rule: &str) -> Vec<Finding> {
    findings(p).into_iter().filter(|f| f.rule == rule).collect()
}

fn pct(s: &str) -> Percent {
    s.parse().unwrap()
}
fn id(s: &str) -> ItemId {
    s.parse().unwrap()
}

fn group(idn: &str, kind: GroupKind, votes: &str) -> OwnerGroup {
    OwnerGroup {
        id: id(idn),
        name: idn.into(),
        kind,
        members: 5,
        equity_percent: pct("0"),
        voting_percent: pct(votes),
    }
}

/// Staff hold `staff` % of votes and equity; `kind` holds the rest.
fn split(p: &mut Plan, staff: &str, kind: GroupKind) {
    let rest = rust_decimal::Decimal::ONE_HUNDRED - pct(staff).get();
    p.ownership.groups[0].voting_percent = pct(staff);
    p.ownership.groups[0].equity_percent = pct(staff);
    let mut g = group("other", kind, &rest.to_string());
    g.equity_percent = Percent(rest);
    p.ownership.groups.push(g);
}

fn falls(p: &mut Plan) -> &mut Contract {
    p.forecast
        .contracts
        .iter_mut()
        .find(|c| c.id.as_str() == "falls-prevention")
        .unwrap()
}

fn charity(p: &mut Plan) {
    p.organisation.legal_form = LegalForm::Cio;
    p.organisation.charity = true;
    p.ownership.shares = None;
    p.ownership.groups[0].equity_percent = pct("0");
}

/// (rule, expected severity, change that triggers it, close change that does not)
fn cases() -> Vec<(&'static str, Severity, Change, Change)> {
    vec![
        (
            "OWN-01",
            Severity::Error,
            |p| p.ownership.groups[0].voting_percent = pct("90"),
            |p| {
                p.ownership.groups[0].voting_percent = pct("90");
                p.ownership
                    .groups
                    .push(group("users", GroupKind::ServiceUsers, "10"));
            },
        ),
        (
            "OWN-02",
            Severity::Error,
            |p| p.ownership.groups[0].equity_percent = pct("99.99"),
            |p| {
                p.organisation.legal_form = LegalForm::CompanyLimitedByGuarantee;
                p.ownership.shares = None;
                p.ownership.groups[0].equity_percent = pct("0");
            },
        ),
        (
            "OWN-03",
            Severity::Error,
            |p| p.ownership.groups[0].members = 0,
            |p| p.ownership.groups[0].members = 1,
        ),
        (
            "MUT-01",
            Severity::Error,
            |p| split(p, "24.99", GroupKind::Community),
            |p| {
                p.ownership.model = OwnershipModel::JointVenture;
                split(p, "25", GroupKind::ParentBody);
            },
        ),
        (
            "MUT-03",
            Severity::Error,
            |p| split(p, "50", GroupKind::Community),
            |p| split(p, "50.01", GroupKind::Community),
        ),
        (
            "MUT-04",
            Severity::Error,
            |p| {
                p.ownership.model = OwnershipModel::JointVenture;
                split(p, "40", GroupKind::Community);
            },
            |p| {
                p.ownership.model = OwnershipModel::JointVenture;
                split(p, "40", GroupKind::PrivatePartner);
            },
        ),
        (
            "MUT-05",
            Severity::Error,
            |p| {
                p.ownership.model = OwnershipModel::MultiStakeholder;
                split(p, "90.01", GroupKind::ServiceUsers);
            },
            |p| {
                p.ownership.model = OwnershipModel::MultiStakeholder;
                split(p, "90", GroupKind::ServiceUsers);
            },
        ),
        (
            "MUT-06",
            Severity::Warning,
            |p| {
                p.ownership.model = OwnershipModel::JointVenture;
                split(p, "40", GroupKind::PrivatePartner);
                p.ownership.groups[1].voting_percent = pct("50.01");
                p.ownership.groups[0].voting_percent = pct("49.99");
            },
            |p| {
                p.ownership.model = OwnershipModel::JointVenture;
                split(p, "50", GroupKind::PrivatePartner);
            },
        ),
        (
            "MUT-07",
            Severity::Warning,
            |p| {
                p.organisation.status = OrgStatus::Live;
                p.organisation.spin_out_date = "2021-11-19".parse().unwrap();
            },
            |p| {
                p.organisation.status = OrgStatus::Live;
                p.organisation.spin_out_date = "2021-11-20".parse().unwrap();
            },
        ),
        (
            "GOV-01",
            Severity::Error,
            |p| p.board.truncate(2),
            |p| p.board.truncate(3),
        ),
        (
            "GOV-02",
            Severity::Warning,
            |p| {
                p.board
                    .retain(|s| s.constituency != Constituency::Workforce)
            },
            |p| {
                p.board.retain(|s| {
                    s.constituency != Constituency::Workforce || s.id.as_str() == "staff-1"
                })
            },
        ),
        (
            "GOV-03",
            Severity::Warning,
            |p| {
                p.ownership.model = OwnershipModel::MultiStakeholder;
                split(p, "80", GroupKind::Community);
            },
            |p| {
                p.ownership.model = OwnershipModel::MultiStakeholder;
                split(p, "80", GroupKind::ServiceUsers);
            },
        ),
        (
            "GOV-05",
            Severity::Warning,
            |p| p.ownership.staff_voice = "  ".into(),
            |p| p.ownership.staff_voice = "Staff council".into(),
        ),
        (
            "GOV-06",
            Severity::Warning,
            |p| p.board[5].constituency = Constituency::Workforce,
            |p| p.board[5].constituency = Constituency::Community,
        ),
        (
            "LEG-01",
            Severity::Error,
            |p| p.ownership.asset_lock = false,
            |p| {
                p.ownership.asset_lock = false;
                p.organisation.legal_form = LegalForm::CompanyLimitedByShares;
            },
        ),
        (
            "LEG-02",
            Severity::Error,
            |p| p.ownership.profit_distribution.max_percent_of_distributable = pct("35.01"),
            |p| p.ownership.profit_distribution.max_percent_of_distributable = pct("35"),
        ),
        (
            "LEG-03",
            Severity::Error,
            |p| {
                p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
                p.ownership.profit_distribution.policy = DistributionPolicy::MembersDividend;
            },
            |p| {
                p.organisation.legal_form = LegalForm::CoOperativeSociety;
                p.ownership.profit_distribution.policy = DistributionPolicy::MembersDividend;
            },
        ),
        (
            "LEG-04",
            Severity::Error,
            |p| {
                p.organisation.legal_form = LegalForm::CoOperativeSociety;
                p.ownership.one_member_one_vote = false;
            },
            |p| {
                p.organisation.legal_form = LegalForm::CompanyLimitedByShares;
                p.ownership.one_member_one_vote = false;
            },
        ),
        (
            "LEG-05",
            Severity::Error,
            |p| {
                p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
                let s = p.ownership.shares.as_mut().unwrap();
                s.withdrawable = true;
                s.max_holding_per_member = "100000.01".parse().unwrap();
            },
            |p| {
                p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
                let s = p.ownership.shares.as_mut().unwrap();
                s.withdrawable = true;
                s.max_holding_per_member = "100000".parse().unwrap();
            },
        ),
        (
            "LEG-06",
            Severity::Warning,
            |p| {
                p.organisation.legal_form = LegalForm::CoOperativeSociety;
                p.ownership.shares.as_mut().unwrap().interest_rate_percent = pct("2");
            },
            |p| {
                p.organisation.legal_form = LegalForm::CoOperativeSociety;
                p.ownership.shares.as_mut().unwrap().interest_rate_percent = pct("0");
            },
        ),
        ("LEG-07", Severity::Error, charity, |p| {
            charity(p);
            for s in &mut p.board {
                s.paid_employee = false;
            }
        }),
        (
            "LEG-08",
            Severity::Error,
            |p| {
                p.organisation.charity = true;
                p.ownership.profit_distribution.policy = DistributionPolicy::Participatory;
            },
            |p| p.organisation.charity = true,
        ),
        (
            "LEG-09",
            Severity::Warning,
            |p| {
                charity(p);
                p.organisation.nation = Nation::Scotland;
            },
            |p| {
                charity(p);
                p.organisation.nation = Nation::Wales;
            },
        ),
        (
            "PROC-02",
            Severity::Error,
            |p| falls(p).end = "2032-10".parse().unwrap(),
            |p| falls(p).end = "2032-09".parse().unwrap(),
        ),
        (
            "PROC-03",
            Severity::Error,
            |p| falls(p).procurement.last_reserved_award = Some("2024-03-01".parse().unwrap()),
            |p| falls(p).procurement.last_reserved_award = Some("2024-02-29".parse().unwrap()),
        ),
        (
            "PROC-04",
            Severity::Error,
            |p| falls(p).commissioner_kind = PublicBodyKind::NhsBody,
            |p| {
                let c = falls(p);
                c.commissioner_kind = PublicBodyKind::NhsBody;
                c.procurement.cpv = "80511000".into();
            },
        ),
        (
            "PROC-05",
            Severity::Error,
            |p| split(p, "50", GroupKind::Community),
            |p| {
                split(p, "50", GroupKind::Community);
                falls(p).procurement.started = "2025-02-23".parse().unwrap();
                falls(p).end = "2030-03".parse().unwrap();
            },
        ),
        (
            "PROC-06",
            Severity::Warning,
            |p| falls(p).procurement.cpv = "85323001".into(),
            |p| falls(p).procurement.cpv = "85323000-9".into(),
        ),
        (
            "PROC-01",
            Severity::Info,
            |_| {},
            |p| falls(p).procurement.route = ProcurementRoute::OpenCompetition,
        ),
        (
            "PROC-07",
            Severity::Info,
            |_| {},
            |p| falls(p).procurement.route = ProcurementRoute::DirectAward,
        ),
        (
            "EMP-01",
            Severity::Error,
            |p| p.forecast.settings.claim_employment_allowance = true,
            |p| {
                p.forecast.settings.claim_employment_allowance = true;
                p.organisation.public_functions_percent = pct("49.99");
            },
        ),
        (
            "EMP-02",
            Severity::Warning,
            |p| p.forecast.staff[4].pension.scheme = PensionScheme::Lgps,
            |_| {},
        ),
        (
            "EMP-03",
            Severity::Warning,
            |p| p.forecast.staff[0].pension.employer_percent = pct("14.38"),
            |p| p.forecast.staff[4].pension.employer_percent = pct("3"),
        ),
        (
            "EMP-04",
            Severity::Info,
            |_| {},
            |p| {
                p.forecast
                    .staff
                    .iter_mut()
                    .for_each(|s| s.transferred = false)
            },
        ),
        (
            "FIN-01",
            Severity::Error,
            |p| p.forecast.costs[3].end = Some("2027-03".parse().unwrap()),
            |p| p.forecast.costs[3].end = Some("2027-04".parse().unwrap()),
        ),
        (
            "FIN-02",
            Severity::Error,
            |p| p.forecast.loans[0].capital_holiday_months = 60,
            |p| p.forecast.loans[0].capital_holiday_months = 59,
        ),
        (
            "FIN-04",
            Severity::Warning,
            |p| falls(p).end = "2032-04".parse().unwrap(),
            |p| falls(p).end = "2031-03".parse().unwrap(),
        ),
        (
            "FIN-05",
            Severity::Warning,
            |p| p.forecast.staff.clear(),
            |_| {},
        ),
    ]
}

#[test]
fn every_rule_triggers_and_its_close_variant_does_not() {
    for (rule, severity, trigger, variant) in cases() {
        let mut p = samples::riverside().unwrap();
        trigger(&mut p);
        let hits = of(&p, rule);
        assert!(!hits.is_empty(), "{rule} did not trigger");
        assert!(
            hits.iter().all(|f| f.severity == severity),
            "{rule}: {hits:?}"
        );
        for f in &hits {
            assert!(!f.path.is_root(), "{rule}: empty path");
            // Items are named by id, never by position.
            let by_index = f
                .path
                .segments()
                .iter()
                .any(|s| matches!(s, Segment::Index(_)));
            assert!(!by_index, "{rule}: path by position {}", f.path);
            assert!(
                f.message.len() > 20 && !f.source.is_empty(),
                "{rule}: {f:?}"
            );
        }
        let mut q = samples::riverside().unwrap();
        variant(&mut q);
        assert!(
            of(&q, rule).is_empty(),
            "{rule} triggered on its close variant: {:?}",
            of(&q, rule)
        );
    }
}

#[test]
fn the_info_and_warning_rules_that_depend_on_the_share_of_votes() {
    // MUT-02: 50 % and over is control (info); 25 % to just under 50 % a joint venture (warning).
    let mut p = samples::riverside().unwrap();
    assert_eq!(of(&p, "MUT-02")[0].severity, Severity::Info);
    p.ownership.model = OwnershipModel::JointVenture;
    split(&mut p, "49.99", GroupKind::ParentBody);
    assert_eq!(of(&p, "MUT-02")[0].severity, Severity::Warning);
    let mut p = samples::riverside().unwrap();
    p.ownership.model = OwnershipModel::JointVenture;
    split(&mut p, "24.99", GroupKind::ParentBody);
    assert!(
        of(&p, "MUT-02").is_empty(),
        "below 25 % MUT-01 speaks instead"
    );
}

#[test]
fn the_balanced_board_template_is_offered_as_information() {
    let p = samples::riverside().unwrap();
    let f = &of(&p, "GOV-04")[0];
    assert_eq!(f.severity, Severity::Info);
    assert!(
        f.message
            .contains("4 workforce, 1 service-user and 0 state seats of 6"),
        "{}",
        f.message
    );
    let mut q = samples::riverside().unwrap();
    q.board[3].constituency = Constituency::ServiceUsers;
    q.board[4].constituency = Constituency::State;
    q.board[0].constituency = Constituency::State;
    assert!(
        of(&q, "GOV-04")[0]
            .message
            .starts_with("The board is balanced"),
        "{}",
        of(&q, "GOV-04")[0].message
    );
}

#[test]
fn a_charity_with_a_paid_trustee_gets_a_warning_not_an_error() {
    let mut p = samples::riverside().unwrap();
    charity(&mut p);
    for s in &mut p.board {
        s.paid_employee = s.id.as_str() == "md";
    }
    let hits = of(&p, "LEG-07");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].severity, hits[0].path.to_string().as_str()),
        (Severity::Warning, "board[md]")
    );
}

#[test]
fn the_withdrawable_share_limit_is_lower_in_northern_ireland() {
    let mut p = samples::riverside().unwrap();
    p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
    p.organisation.nation = Nation::NorthernIreland;
    let s = p.ownership.shares.as_mut().unwrap();
    s.withdrawable = true;
    s.max_holding_per_member = "20000.01".parse().unwrap();
    assert_eq!(of(&p, "LEG-05").len(), 1);
    p.ownership.shares.as_mut().unwrap().max_holding_per_member = "20000".parse().unwrap();
    assert!(of(&p, "LEG-05").is_empty());
}

#[test]
fn the_reserved_contract_regime_switches_on_24_february_2025() {
    let mut p = samples::riverside().unwrap();
    falls(&mut p).start = "2025-04".parse().unwrap();
    falls(&mut p).end = "2029-03".parse().unwrap(); // 48 months: allowed by s.33, not by reg. 77
    falls(&mut p).procurement.started = "2025-02-23".parse().unwrap();
    assert!(of(&p, "PROC-01")[0].message.contains("regulation 77"));
    let term = of(&p, "PROC-02");
    assert_eq!(term.len(), 1);
    assert!(
        term[0].message.contains("48 months") && term[0].message.contains("at most 36"),
        "{}",
        term[0].message
    );

    falls(&mut p).procurement.started = "2025-02-24".parse().unwrap();
    assert!(of(&p, "PROC-01")[0].message.contains("section 33"));
    assert!(of(&p, "PROC-02").is_empty());
}

#[test]
fn qualification_differs_between_the_regimes() {
    // Members' dividends disqualify under reg. 77 but are allowed under s.33.
    let mut p = samples::riverside().unwrap();
    p.organisation.legal_form = LegalForm::CompanyLimitedByShares;
    p.ownership.profit_distribution.policy = DistributionPolicy::MembersDividend;
    assert!(of(&p, "PROC-05").is_empty());
    falls(&mut p).procurement.started = "2025-02-23".parse().unwrap();
    falls(&mut p).end = "2030-09".parse().unwrap();
    let hits = of(&p, "PROC-05");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].message.contains("dividends"), "{}", hits[0].message);
    // Without a mission nobody qualifies.
    let mut q = samples::riverside().unwrap();
    q.organisation.public_service_mission = " ".into();
    assert!(of(&q, "PROC-05")[0].message.contains("mission"));
}

#[test]
fn an_overflowing_forecast_is_reported_by_fin_03_naming_the_field() {
    let p = samples::riverside().unwrap();
    let err = Err(ForecastError::Overflow {
        field: "forecast.contracts[community-therapy].annual_value".into(),
    });
    let hits: Vec<Finding> = check(&p, &Criteria::bundled().policy, &err)
        .into_iter()
        .filter(|f| f.rule == "FIN-03")
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].path,
        "forecast.contracts[community-therapy].annual_value"
    );
    assert!(of(&p, "FIN-03").is_empty());
}

#[test]
fn a_one_off_outside_the_forecast_is_an_error() {
    let mut p = samples::riverside().unwrap();
    p.forecast.costs[5].start = "2027-03".parse().unwrap();
    let hits = of(&p, "FIN-01");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "forecast.costs[transition].start");
}

#[test]
fn the_sample_has_no_errors_or_warnings() {
    let p = samples::riverside().unwrap();
    let f = findings(&p);
    assert!(f.iter().all(|f| f.severity == Severity::Info), "{f:?}");
    let rules: Vec<&str> = f.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["MUT-02", "GOV-04", "PROC-01", "PROC-07", "EMP-04"]);
}

#[test]
fn the_catalogue_lists_the_rule_ids_of_docs_rules_md() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    let documented: BTreeSet<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|id| {
            id.len() >= 6
                && id.contains('-')
                && id.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        })
        .map(str::to_owned)
        .collect();
    let catalogued: BTreeSet<String> = catalogue().map(|r| r.id.to_owned()).collect();
    assert_eq!(catalogued, documented);
    assert_eq!(catalogued.len(), 41);
    // Every rule has a test case above or below.
    let tested: BTreeSet<&str> = cases().iter().map(|c| c.0).collect();
    for r in catalogue() {
        assert!(
            tested.contains(r.id) || ["MUT-02", "GOV-04", "FIN-03"].contains(&r.id),
            "{} has no case",
            r.id
        );
    }
}
