//! Rules of version 3 of the catalogue: for each, a triggering case and a near miss at its
//! boundary.

use crate::common::{date, id, pct};
use mutual_plan::checks::criteria::{Criteria, Policy};
use mutual_plan::checks::rules::check;
use mutual_plan::checks::verdict::{Finding, Severity};
use mutual_plan::forecast::forecast;
use mutual_plan::model::plan::*;
use mutual_plan::model::samples;
use mutual_plan::model::values::Percent;

/// The rule ids this file tests with a triggering case and a near miss.
pub const TESTED: &[&str] = &[
    "MUT-01", "OWN-02", "LEG-01", "LEG-03", "LEG-09", "LEG-10", "LEG-12", "LEG-13", "LEG-14",
    "QUAL-01", "EMP-03", "EMP-06",
];

fn of_with(p: &Plan, policy: &Policy, rule: &str) -> Vec<Finding> {
    check(p, policy, &forecast(p))
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

fn of(p: &Plan, rule: &str) -> Vec<Finding> {
    of_with(p, &Criteria::bundled().policy, rule)
}

/// The sample plan, changed.
fn sample(change: impl FnOnce(&mut Plan)) -> Plan {
    let mut p = samples::riverside().unwrap();
    change(&mut p);
    p
}

/// The severities and paths of a rule's findings.
fn found(p: &Plan, rule: &str) -> Vec<(Severity, String)> {
    of(p, rule)
        .iter()
        .map(|f| (f.severity, f.path.to_string()))
        .collect()
}

fn one(p: &Plan, rule: &str) -> Finding {
    let hits = of(p, rule);
    assert_eq!(hits.len(), 1, "{rule}: {hits:?}");
    hits.into_iter().next().unwrap()
}

fn assert_says(f: &Finding, words: &str) {
    assert!(f.message.contains(words), "{:?} lacks {words:?}", f.message);
}

/// A Scottish charitable incorporated organisation in Scotland: no share capital.
fn scio(p: &mut Plan) {
    p.organisation.legal_form = LegalForm::Scio;
    p.organisation.charity = true;
    p.organisation.nation = Nation::Scotland;
    p.organisation.name = "Riverside Community Therapies".into();
    p.ownership.shares = None;
    p.ownership.groups[0].equity_percent = pct("0");
}

fn cio(p: &mut Plan) {
    scio(p);
    p.organisation.legal_form = LegalForm::Cio;
    p.organisation.nation = Nation::England;
}

/// Staff hold `staff` % of the votes; the community holds the rest.
fn staff_votes(p: &mut Plan, staff: &str) {
    let rest = rust_decimal::Decimal::ONE_HUNDRED - pct(staff).get();
    p.ownership.groups[0].voting_percent = pct(staff);
    p.ownership.groups.push(OwnerGroup {
        id: id("community"),
        name: "Community members".into(),
        kind: GroupKind::Community,
        members: 50,
        equity_percent: pct("0"),
        voting_percent: Percent::new(rest).unwrap(),
    });
}

#[test]
fn mut_01_fewer_than_a_quarter_of_the_votes_is_a_warning_not_an_error() {
    let f = one(&sample(|p| staff_votes(p, "24.99")), "MUT-01");
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (Severity::Warning, "ownership.groups")
    );
    assert!(
        f.message.starts_with("Staff hold 24.99% of the votes."),
        "{}",
        f.message
    );
    assert_says(
        &f,
        "the smallest stake the Cabinet Office has called a mutual is 25%",
    );
    assert_says(
        &f,
        "Give staff, directly or through an employee trust, at least 25% of the votes.",
    );
    assert!(of(&sample(|p| staff_votes(p, "25")), "MUT-01").is_empty());
}

#[test]
fn own_02_a_scio_has_no_share_capital() {
    assert!(of(&sample(scio), "OWN-02").is_empty());
    let p = sample(|p| {
        scio(p);
        p.ownership.groups[0].equity_percent = pct("100");
    });
    let f = one(&p, "OWN-02");
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (Severity::Error, "ownership.groups[staff].equity_percent")
    );
    assert_says(
        &f,
        "A Scottish charitable incorporated organisation has no share capital",
    );
    let p = sample(|p| {
        scio(p);
        p.ownership.shares = samples::riverside().unwrap().ownership.shares;
    });
    assert_eq!(
        found(&p, "OWN-02"),
        [(Severity::Error, "ownership.shares".into())]
    );
}

#[test]
fn leg_01_and_leg_03_treat_a_scio_as_a_cio() {
    let p = sample(|p| {
        scio(p);
        p.ownership.asset_lock = false;
    });
    assert_eq!(
        found(&p, "LEG-01"),
        [(Severity::Error, "ownership.asset_lock".into())]
    );
    assert!(of(&sample(scio), "LEG-01").is_empty());
    // Even with its flag off a SCIO is a charity, so it distributes nothing to members.
    let p = sample(|p| {
        scio(p);
        p.organisation.charity = false;
        p.ownership.profit_distribution.policy = DistributionPolicy::Participatory;
    });
    assert_eq!(
        found(&p, "LEG-03"),
        [(
            Severity::Error,
            "ownership.profit_distribution.policy".into()
        )]
    );
    assert!(of(&sample(scio), "LEG-03").is_empty());
}

#[test]
fn leg_09_a_cio_belongs_in_england_or_wales_and_a_scio_in_scotland() {
    let in_nation = |form: fn(&mut Plan), nation: Nation| {
        sample(|p| {
            form(p);
            p.organisation.nation = nation;
        })
    };
    // A CIO in Scotland: an error that names the SCIO.
    let f = one(&in_nation(cio, Nation::Scotland), "LEG-09");
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (Severity::Error, "organisation.legal_form")
    );
    assert_says(
        &f,
        "A CIO must have its principal office in England or in Wales",
    );
    assert_says(&f, "registered by OSCR: change the legal form to SCIO");
    assert!(of(&in_nation(cio, Nation::England), "LEG-09").is_empty());
    assert!(of(&in_nation(cio, Nation::Wales), "LEG-09").is_empty());
    // In Northern Ireland, a warning.
    let f = one(&in_nation(cio, Nation::NorthernIreland), "LEG-09");
    assert_eq!(f.severity, Severity::Warning);
    assert_says(&f, "the Charity Commission for Northern Ireland");
    // A SCIO outside Scotland.
    assert!(of(&in_nation(scio, Nation::Scotland), "LEG-09").is_empty());
    for nation in [Nation::England, Nation::Wales, Nation::NorthernIreland] {
        let f = one(&in_nation(scio, nation), "LEG-09");
        assert_eq!(f.severity, Severity::Error);
        assert_says(&f, "A SCIO must have its principal office in Scotland");
        assert_says(&f, "in England or Wales use a CIO");
    }
    // A SCIO needs 3 trustees: 2 seats are too few.
    let seats = |n: usize| {
        sample(|p| {
            scio(p);
            p.board.truncate(n);
        })
    };
    let f = one(&seats(2), "LEG-09");
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (Severity::Error, "board")
    );
    assert_says(
        &f,
        "A SCIO's constitution must provide for at least 3 charity trustees",
    );
    assert!(of(&seats(3), "LEG-09").is_empty());
    // A CIO with 2 seats is not judged on its trustees here.
    assert!(of(
        &sample(|p| {
            cio(p);
            p.board.truncate(2);
        }),
        "LEG-09"
    )
    .is_empty());
}

#[test]
fn leg_10_a_scio_is_always_a_charity_and_a_co_operative_never() {
    let f = one(
        &sample(|p| {
            scio(p);
            p.organisation.charity = false;
        }),
        "LEG-10",
    );
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (Severity::Error, "organisation.charity")
    );
    assert_says(&f, "A SCIO is always a charity");
    assert!(of(&sample(scio), "LEG-10").is_empty());

    let co_op = |charity: bool| {
        sample(move |p| {
            p.organisation.legal_form = LegalForm::CoOperativeSociety;
            p.organisation.name = "Riverside Community Therapies Limited".into();
            p.organisation.charity = charity;
        })
    };
    let f = one(&co_op(true), "LEG-10");
    assert_eq!(f.severity, Severity::Error);
    assert_says(
        &f,
        "A co-operative society runs for its members' benefit, so it cannot be a charity; a charitable society registers as a community benefit society",
    );
    assert!(of(&co_op(false), "LEG-10").is_empty());
    // Its flag is ignored: it is not a charity for the other rules.
    assert!(of(&co_op(true), "LEG-12").is_empty());
}

#[test]
fn leg_12_names_the_charity_and_a_charitable_society_in_england_or_wales_is_exempt() {
    let society = |nation: Nation| {
        sample(move |p| {
            p.organisation.legal_form = LegalForm::CommunityBenefitSociety;
            p.organisation.charity = true;
            p.organisation.name = "Riverside Community Therapies Limited".into();
            p.organisation.nation = nation;
        })
    };
    let exempt = "; as a charitable community benefit society it is an exempt charity and cannot register with the Charity Commission.";
    for nation in [Nation::England, Nation::Wales] {
        let f = one(&society(nation), "LEG-12");
        assert_eq!(
            f.message,
            format!("Riverside Community Therapies Limited is a charity, so it can claim the Employment Allowance and pays no corporation tax on its charitable trading{exempt}")
        );
    }
    for nation in [Nation::Scotland, Nation::NorthernIreland] {
        let f = one(&society(nation), "LEG-12");
        assert_eq!(
            f.message,
            "Riverside Community Therapies Limited is a charity, so it can claim the Employment Allowance and pays no corporation tax on its charitable trading."
        );
    }
    // A SCIO is a charity even with its flag off; a non-charitable society is not.
    let f = one(
        &sample(|p| {
            scio(p);
            p.organisation.charity = false;
        }),
        "LEG-12",
    );
    assert_eq!(f.severity, Severity::Info);
    assert!(!f.message.contains("exempt"), "{}", f.message);
    let mut p = society(Nation::England);
    p.organisation.charity = false;
    assert!(of(&p, "LEG-12").is_empty());
}

/// A society of `form`, charitable or not, in `nation`, named `name`.
fn society(form: LegalForm, charity: bool, nation: Nation, name: &str) -> Plan {
    sample(|p| {
        p.organisation.legal_form = form;
        p.organisation.charity = charity;
        p.organisation.nation = nation;
        p.organisation.name = name.into();
    })
}

/// LEG-13's findings for a society, as (severity, message).
fn leg_13(form: LegalForm, charity: bool, nation: Nation, name: &str) -> Vec<(Severity, String)> {
    let p = society(form, charity, nation, name);
    let hits = of(&p, "LEG-13");
    assert!(
        hits.iter().all(|f| f.path == "organisation.name"),
        "{hits:?}"
    );
    hits.into_iter().map(|f| (f.severity, f.message)).collect()
}

#[test]
fn leg_13_a_society_name_ends_in_limited() {
    use LegalForm::{CoOperativeSociety as Coop, CommunityBenefitSociety as Cbs};
    use Nation::{England, Wales};
    let severities = |form, charity, nation, name| {
        leg_13(form, charity, nation, name)
            .into_iter()
            .map(|(s, _)| s)
            .collect::<Vec<_>>()
    };
    let (e, w) = (Severity::Error, Severity::Warning);
    // "Limited" in any case, with spaces around and a full stop after.
    for name in [
        "Riverside Therapies Limited",
        "Riverside Therapies limited.",
        "  Riverside Therapies LIMITED  ",
    ] {
        assert!(severities(Coop, false, England, name).is_empty(), "{name}");
        assert!(severities(Cbs, false, England, name).is_empty(), "{name}");
    }
    // "Ltd" and "Ltd.": a warning, whatever the form, unless the society is charitable.
    for name in ["Riverside Therapies Ltd", "Riverside Therapies ltd."] {
        let hits = leg_13(Coop, false, England, name);
        assert_eq!(hits.len(), 1, "{name}");
        assert_eq!(hits[0].0, w);
        assert!(
            hits[0].1.contains(
                "write 'Limited' in full: section 10 names the word and the FCA may not accept 'Ltd'"
            ),
            "{}",
            hits[0].1
        );
        assert_eq!(severities(Coop, true, England, name), [w]);
        assert_eq!(severities(Cbs, false, England, name), [w]);
        assert!(severities(Cbs, true, England, name).is_empty());
    }
    // No ending: an error for a co-operative, whatever its flag; a warning for a society that is
    // not charitable; nothing for a charitable one.
    assert_eq!(severities(Coop, false, England, "Riverside Therapies"), [e]);
    assert_eq!(severities(Coop, true, England, "Riverside Therapies"), [e]);
    let hits = leg_13(Cbs, false, England, "Riverside Therapies");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, w);
    assert!(
        hits[0].1.contains("the FCA accepts that its objects are wholly charitable or benevolent, the last word of a society's name must be 'limited'"),
        "{}",
        hits[0].1
    );
    assert!(severities(Cbs, true, England, "Riverside Therapies").is_empty());
    // "Cyfyngedig" only in Wales.
    let welsh = "Therapïau Glan-yr-afon Cyfyngedig";
    assert!(severities(Coop, false, Wales, welsh).is_empty());
    assert_eq!(severities(Coop, false, England, welsh), [e]);
    assert!(severities(Cbs, false, Wales, "Therapïau Glan-yr-afon cyfyngedig.").is_empty());
    assert_eq!(severities(Cbs, false, England, welsh), [w]);
    // Not a society: no finding; a society without a name yet: none either.
    assert!(severities(
        LegalForm::CompanyLimitedByShares,
        false,
        England,
        "Riverside"
    )
    .is_empty());
    assert!(severities(Coop, false, England, "  ").is_empty());
}

#[test]
fn leg_13_a_community_benefit_society_is_not_called_a_co_operative() {
    use LegalForm::{CoOperativeSociety as Coop, CommunityBenefitSociety as Cbs};
    use Nation::{England, Wales};
    let said = "the FCA registers the word co-operative only in a co-operative society's name";
    for (nation, name) in [
        (England, "Riverside Co-operative Therapies Limited"),
        (England, "RIVERSIDE COOPERATIVE LIMITED"),
        (Wales, "Cydweithredol Glan-yr-afon Cyfyngedig"),
        (England, "Riverside Co-op Limited"),
        (England, "Riverside (co-op) Limited"),
    ] {
        let hits = leg_13(Cbs, true, nation, name);
        assert_eq!(hits.len(), 1, "{name}: {hits:?}");
        assert_eq!(hits[0].0, Severity::Warning);
        assert!(hits[0].1.contains(said), "{}", hits[0].1);
        // A co-operative society may use the word.
        assert!(leg_13(Coop, false, nation, name).is_empty(), "{name}");
    }
    // "co-op" only as a whole word.
    for name in [
        "Riverside Co-operation Trust Limited",
        "Riverside Co-ops Limited",
        "Riverside Therapies Limited",
    ] {
        assert!(leg_13(Cbs, true, England, name).is_empty(), "{name}");
    }
    // One finding per clause.
    let hits = leg_13(Cbs, false, England, "Riverside Co-op");
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|(s, _)| *s == Severity::Warning));
}

#[test]
fn leg_14_a_company_s_asset_lock_is_only_in_its_articles() {
    let company = |form: LegalForm, charity: bool, lock: bool| {
        sample(move |p| {
            p.organisation.legal_form = form;
            p.organisation.charity = charity;
            p.organisation.name = "Riverside Community Therapies Limited".into();
            p.ownership.asset_lock = lock;
        })
    };
    use LegalForm::*;
    for form in [CompanyLimitedByGuarantee, CompanyLimitedByShares] {
        let f = one(&company(form, false, true), "LEG-14");
        assert_eq!(
            (f.severity, f.path.to_string().as_str()),
            (Severity::Info, "ownership.asset_lock")
        );
        assert!(
            f.message.starts_with("Riverside Community Therapies Limited's asset lock is only in its articles: the members can remove it by special resolution unless the articles entrench it."),
            "{}",
            f.message
        );
        assert!(of(&company(form, false, false), "LEG-14").is_empty());
        assert!(of(&company(form, true, true), "LEG-14").is_empty());
    }
    for form in [CicLimitedByShares, CommunityBenefitSociety, Cio] {
        assert!(of(&company(form, false, true), "LEG-14").is_empty());
    }
}

fn therapy(p: &mut Plan) -> &mut Contract {
    p.forecast
        .contracts
        .iter_mut()
        .find(|c| c.id.as_str() == "community-therapy")
        .unwrap()
}

fn falls(p: &mut Plan) -> &mut Contract {
    p.forecast
        .contracts
        .iter_mut()
        .find(|c| c.id.as_str() == "falls-prevention")
        .unwrap()
}

/// The sample in `nation` with no milestones, and each contract regulated or not.
fn regulated(nation: Nation, therapy_reg: Option<bool>, falls_reg: Option<bool>) -> Plan {
    sample(|p| {
        p.organisation.nation = nation;
        p.narrative.milestones.clear();
        therapy(p).regulated_activity = therapy_reg;
        falls(p).regulated_activity = falls_reg;
    })
}

fn milestone(p: &mut Plan, day: &str, what: &str) {
    p.narrative.milestones.push(Milestone {
        id: id("registration"),
        date: date(day),
        what: what.into(),
    });
}

#[test]
fn qual_01_names_the_regulator_of_the_nation_for_health_and_other_care() {
    // Community therapy is health care (85323000); falls prevention is social work (85312000).
    let regulator_of = |nation, health: bool| {
        let p = if health {
            regulated(nation, Some(true), Some(false))
        } else {
            regulated(nation, Some(false), Some(true))
        };
        one(&p, "QUAL-01")
    };
    let independent = "registers independent health care services: confirm with it whether this service needs registration.";
    for (nation, health, regulator, adds) in [
        (Nation::England, true, "the Care Quality Commission", false),
        (Nation::England, false, "the Care Quality Commission", false),
        (Nation::Wales, true, "Healthcare Inspectorate Wales", true),
        (Nation::Wales, false, "Care Inspectorate Wales", false),
        (
            Nation::Scotland,
            true,
            "Healthcare Improvement Scotland",
            true,
        ),
        (Nation::Scotland, false, "the Care Inspectorate", false),
        (
            Nation::NorthernIreland,
            true,
            "the Regulation and Quality Improvement Authority",
            false,
        ),
        (
            Nation::NorthernIreland,
            false,
            "the Regulation and Quality Improvement Authority",
            false,
        ),
    ] {
        let f = regulator_of(nation, health);
        assert_eq!(
            (f.severity, f.path.to_string().as_str()),
            (Severity::Warning, "narrative.milestones"),
            "{nation:?}"
        );
        let service = if health {
            "\"Adult community therapy\""
        } else {
            "\"Falls prevention classes\""
        };
        assert!(
            f.message.starts_with(&format!("{service} is marked as regulated activity: the provider must be registered with {regulator} before it provides the service, and registration takes months.")),
            "{}",
            f.message
        );
        let day = if health {
            "1 April 2027"
        } else {
            "1 October 2027"
        };
        assert_says(
            &f,
            &format!("Add a milestone for registering with {regulator} on or before {day}."),
        );
        assert_eq!(f.message.contains(independent), adds, "{}", f.message);
        if adds {
            let name = regulator.trim_start_matches("the ");
            assert_says(&f, &format!("{name} {independent}"));
        }
    }
    // Not regulated: none, whatever the code.
    assert!(of(
        &regulated(Nation::England, Some(false), Some(false)),
        "QUAL-01"
    )
    .is_empty());
}

#[test]
fn qual_01_one_finding_per_regulator_dated_by_its_earliest_contract() {
    // In England both contracts need the Care Quality Commission: one finding.
    let f = one(
        &regulated(Nation::England, Some(true), Some(true)),
        "QUAL-01",
    );
    assert!(
        f.message.starts_with(
            "\"Adult community therapy\" and 1 other contract are marked as regulated activity"
        ),
        "{}",
        f.message
    );
    assert_says(&f, "on or before 1 April 2027.");
    // In Wales each needs its own regulator, by the first day of its own start.
    let p = regulated(Nation::Wales, Some(true), Some(true));
    let hits = of(&p, "QUAL-01");
    assert_eq!(hits.len(), 2);
    assert_says(
        &hits[0],
        "Healthcare Inspectorate Wales on or before 1 April 2027.",
    );
    assert_says(
        &hits[1],
        "Care Inspectorate Wales on or before 1 October 2027.",
    );
    // A milestone on that day plans it; the day after does not.
    let planned = |day: &str| {
        let mut p = regulated(Nation::Wales, Some(false), Some(true));
        milestone(&mut p, day, "Registration with CIW confirmed");
        one(&p, "QUAL-01")
    };
    let f = planned("2027-10-01");
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (Severity::Info, "narrative.milestones[registration]")
    );
    assert_says(&f, "The plan has it as a milestone by 1 October 2027.");
    assert_eq!(planned("2027-10-02").severity, Severity::Warning);
}

#[test]
fn qual_01_a_milestone_names_the_regulator_by_name_or_abbreviation() {
    let severity = |nation: Nation, health: bool, what: &str| {
        let mut p = if health {
            regulated(nation, Some(true), Some(false))
        } else {
            regulated(nation, Some(false), Some(true))
        };
        milestone(&mut p, "2027-03-01", what);
        one(&p, "QUAL-01").severity
    };
    let (i, w) = (Severity::Info, Severity::Warning);
    use Nation::*;
    // "HIS" only in capitals: "his" is a word too.
    assert_eq!(severity(Scotland, true, "Application to HIS submitted"), i);
    assert_eq!(severity(Scotland, true, "Manager sends his application"), w);
    assert_eq!(severity(Scotland, true, "His application sent"), w);
    assert_eq!(
        severity(
            Scotland,
            true,
            "healthcare improvement scotland: registered"
        ),
        i
    );
    // The others in any case, as whole words.
    assert_eq!(severity(England, true, "cqc registration"), i);
    assert_eq!(severity(England, true, "CQCs registration"), w);
    assert_eq!(severity(Wales, true, "Registered with hiw"), i);
    assert_eq!(severity(Wales, false, "Registered with Ciw."), i);
    assert_eq!(severity(NorthernIreland, true, "RQIA registration"), i);
    assert_eq!(
        severity(
            NorthernIreland,
            false,
            "Regulation and Quality Improvement Authority"
        ),
        i
    );
    assert_eq!(
        severity(Scotland, false, "Registered with the Care Inspectorate"),
        i
    );
    // Another nation's regulator does not count.
    assert_eq!(
        severity(
            Wales,
            false,
            "Registered with Healthcare Inspectorate Wales"
        ),
        w
    );
    assert_eq!(
        severity(Scotland, false, "Registered with Care Inspectorate Wales"),
        w
    );
    assert_eq!(severity(Wales, true, "Registered with the CQC"), w);
}

#[test]
fn qual_01_asks_whether_care_is_regulated_when_not_known() {
    let p = regulated(Nation::England, None, Some(false));
    let f = one(&p, "QUAL-01");
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (
            Severity::Info,
            "forecast.contracts[community-therapy].regulated_activity"
        )
    );
    assert!(
        f.message.starts_with("Check whether \"Adult community therapy\" is regulated activity. The Care Quality Commission registers providers of regulated care: in England, the activities in Schedule 1 to the Regulated Activities Regulations 2014"),
        "{}",
        f.message
    );
    assert_says(&f, "Record the answer on each contract.");
    // Two contracts: one finding for the plan.
    let f = one(&regulated(Nation::Scotland, None, None), "QUAL-01");
    assert!(
        f.message.starts_with("Check whether \"Adult community therapy\" and 1 other contract are regulated activity. Healthcare Improvement Scotland and the Care Inspectorate register providers of regulated care: in Scotland, care services"),
        "{}",
        f.message
    );
    // Not care: no question.
    let p = sample(|p| {
        p.narrative.milestones.clear();
        therapy(p).regulated_activity = Some(false);
        falls(p).regulated_activity = None;
        falls(p).procurement.cpv = "80511000".into();
    });
    assert!(of(&p, "QUAL-01").is_empty());
    // Both a registration and a question.
    let hits = of(&regulated(Nation::England, Some(true), None), "QUAL-01");
    assert_eq!(
        hits.iter().map(|f| f.severity).collect::<Vec<_>>(),
        [Severity::Warning, Severity::Info]
    );
    assert_eq!(
        hits[1].path,
        "forecast.contracts[falls-prevention].regulated_activity"
    );
}

#[test]
fn qual_01_social_care_is_criteria_data() {
    // Falls prevention recoded as 85320000 (social work services, under 853).
    let p = sample(|p| {
        therapy(p).regulated_activity = Some(false);
        falls(p).regulated_activity = None;
        falls(p).procurement.cpv = "85320000".into();
    });
    assert_eq!(of(&p, "QUAL-01").len(), 1);
    let text = mutual_plan::checks::criteria::BUNDLED.replace(
        "\"social_care_cpv_prefixes\": [\"853\"]",
        "\"social_care_cpv_prefixes\": [\"8531\"]",
    );
    let policy = Criteria::parse(&text).unwrap().policy;
    assert!(of_with(&p, &policy, "QUAL-01").is_empty());
}

/// The sample's physiotherapists' line.
fn physio(p: &mut Plan) -> &mut StaffLine {
    p.forecast
        .staff
        .iter_mut()
        .find(|s| s.id.as_str() == "physio")
        .unwrap()
}

/// EMP-03's finding on the physiotherapists' line, if any.
fn emp_03_physio(p: &Plan) -> Option<Finding> {
    of(p, "EMP-03")
        .into_iter()
        .find(|f| f.path == "forecast.staff[physio].pension.employer_percent")
}

#[test]
fn emp_03_the_employer_paid_part_is_information_and_below_it_a_warning() {
    let at = |percent: &str, nation: Nation| {
        let percent = pct(percent);
        emp_03_physio(&sample(move |p| {
            physio(p).pension.employer_percent = percent;
            p.organisation.nation = nation;
        }))
    };
    let f = at("14.38", Nation::England).unwrap();
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.message,
        "Physiotherapists: 14.38% assumes the central 9.4% is paid for you: confirm in writing with NHS England and NHSBSA that the 9.4% is paid for you."
    );
    let f = at("14.37", Nation::England).unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert_says(
        &f,
        "confirm with NHSBSA whether the central 9.4% is paid for your organisation",
    );
    assert_eq!(
        at("23.77", Nation::Wales).unwrap().severity,
        Severity::Warning
    );
    assert_eq!(at("14.38", Nation::Wales).unwrap().severity, Severity::Info);
    // Above the rate: nothing.
    assert!(at("25", Nation::England).is_none());
    // Scotland's and Northern Ireland's schemes are left alone.
    for nation in [Nation::Scotland, Nation::NorthernIreland] {
        let p = sample(|p| {
            physio(p).pension.employer_percent = pct("14.37");
            p.organisation.nation = nation;
        });
        assert!(of(&p, "EMP-03").is_empty(), "{nation:?}");
    }
}

#[test]
fn emp_03_the_rate_is_information_for_a_line_that_runs_beyond_its_last_month() {
    // The sample's line runs the whole forecast, April 2027 to March 2032.
    let f = emp_03_physio(&samples::riverside().unwrap()).unwrap();
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.message,
        "Physiotherapists: 23.78% is the NHS Pension Scheme employer rate (23.7% plus the 0.08% administration levy) set by the 2020 valuation for April 2024 to March 2027. The 2024 valuation sets the rate for four years from 1 April 2027; it had not been published when this check was written. The forecast uses 23.78% for 60 months from April 2027: replace it with the new rate when NHSBSA publishes it, and see stress scenario S5 for a rise."
    );
    // A forecast from January 2027: a line ending in March 2027 is not affected, one ending in
    // April 2027 is, for one month.
    let ending = |end: &str| {
        let end = end.parse().unwrap();
        emp_03_physio(&sample(move |p| {
            p.forecast.start = "2027-01".parse().unwrap();
            physio(p).start = "2027-01".parse().unwrap();
            physio(p).end = Some(end);
        }))
    };
    assert!(ending("2027-03").is_none());
    let f = ending("2027-04").unwrap();
    assert_says(&f, "The forecast uses 23.78% for 1 month from April 2027:");
    // The month is criteria data.
    let text = mutual_plan::checks::criteria::BUNDLED.replace(
        "\"nhs_pension_rate_last_month\": \"2027-03\"",
        "\"nhs_pension_rate_last_month\": \"2031-12\"",
    );
    let policy = Criteria::parse(&text).unwrap().policy;
    let p = samples::riverside().unwrap();
    let f = of_with(&p, &policy, "EMP-03")
        .into_iter()
        .find(|f| f.path == "forecast.staff[physio].pension.employer_percent")
        .unwrap();
    assert_says(&f, "for April 2024 to December 2031");
    assert_says(
        &f,
        "The forecast uses 23.78% for 3 months from January 2032:",
    );
}

#[test]
fn emp_06_a_defined_contribution_line_needs_8_percent_in_all() {
    // The finance team: defined contribution, 5 % and 5 %.
    let at = |employer: &str, employee: Option<&str>| {
        let (employer, employee) = (pct(employer), employee.map(pct));
        sample(move |p| {
            let s = p
                .forecast
                .staff
                .iter_mut()
                .find(|s| s.id.as_str() == "finance")
                .unwrap();
            s.pension.employer_percent = employer;
            s.pension.employee_percent = employee;
        })
    };
    assert!(of(&at("3", Some("5")), "EMP-06").is_empty());
    let f = one(&at("3", Some("4.99")), "EMP-06");
    assert_eq!(
        (f.severity, f.path.to_string().as_str()),
        (Severity::Warning, "forecast.staff[finance].pension")
    );
    assert_says(
        &f,
        "are costed at 3% employer and 4.99% employee pension, 7.99% in total",
    );
    assert_says(
        &f,
        "at least 3% employer contributions and at least 8% in total",
    );
    // The employer's 3 % still counts on its own.
    assert_eq!(
        one(&at("2.99", Some("6")), "EMP-06").severity,
        Severity::Warning
    );
    // A line without a member rate pays none.
    assert_eq!(one(&at("7", None), "EMP-06").severity, Severity::Warning);
    assert!(of(&at("8", None), "EMP-06").is_empty());
}

#[test]
fn a_scio_s_paid_trustee_needs_oscr_and_the_allowance_follows_the_charity_definition() {
    let p = sample(|p| {
        scio(p);
        for s in &mut p.board {
            s.paid_employee = s.id.as_str() == "md";
        }
    });
    let f = one(&p, "LEG-07");
    assert_eq!(f.severity, Severity::Warning);
    assert_says(&f, "from the charity regulator, OSCR.");
    let mut q = p.clone();
    q.organisation.nation = Nation::England;
    assert_says(
        &one(&q, "LEG-07"),
        "from the charity regulator, the Charity Commission.",
    );
    // A SCIO may claim the Employment Allowance; a co-operative marked as a charity may not.
    let claim = |form: LegalForm| {
        sample(move |p| {
            p.forecast.settings.claim_employment_allowance = true;
            p.organisation.legal_form = form;
            p.organisation.charity = true;
        })
    };
    assert!(of(&claim(LegalForm::Scio), "EMP-01").is_empty());
    let f = one(&claim(LegalForm::CoOperativeSociety), "EMP-01");
    assert_says(&f, "a CIO or SCIO, or a form other than a CIC or a co-operative society with \"Charity\" ticked");
}
