//! Comparing two versions of a plan: each kind of change on hand-made versions of the sample,
//! the figures that moved, findings that appeared and went away, and the CLI's exit codes.

use crate::common;

use common::{analysed, cli, pct, sample, SAMPLE};
use mutual_plan::compare::diff::{diff, ChangeKind, PlanDiff};
use mutual_plan::model::plan::*;

fn compare(old: &Plan, new: &Plan) -> PlanDiff {
    diff(old, &analysed(old), new, &analysed(new))
}

#[test]
fn the_same_content_is_no_difference_whatever_the_save_stamp_or_review() {
    let a = sample();
    let mut b = sample();
    b.revision += 5;
    b.saved_by = "Someone else".into();
    b.review.comments.clear();
    let d = compare(&a, &b);
    assert!(d.is_empty(), "{d:?}");
    assert!(d.warnings.is_empty());
    assert!(d.figures.iter().all(|f| f.change.is_empty()));
}

#[test]
fn each_kind_of_change_is_named_in_words_with_its_path() {
    let a = sample();
    let mut b = sample();
    // A field outside any list, a setting, and a coded value.
    b.organisation.name = "Riverside Therapies CIC".into();
    b.forecast.settings.pay_award_percent = pct("2.5");
    b.organisation.legal_form = LegalForm::CicLimitedByGuarantee;
    // A list item changed field by field, one removed, one added.
    b.forecast.contracts[0].annual_value = "6300000".parse().unwrap();
    b.forecast.contracts[0].renewal.assumption = RenewalAssumption::Ends;
    b.forecast.costs.retain(|c| c.id.as_str() != "transition");
    let mut risk = b.narrative.risks[0].clone();
    risk.id = "key-staff".parse().unwrap();
    risk.description = "Key clinical leaders leave".into();
    b.narrative.risks.push(risk);
    // A paragraph changed and one added in a section; another section's last paragraph removed.
    let summary = &mut b.narrative.sections[0].text;
    *summary = summary.replacen("On 1 April 2027", "From 1 April 2027", 1);
    summary.push_str("\n\nA new closing paragraph.");
    let growth = b
        .narrative
        .sections
        .iter_mut()
        .find(|s| s.id == "growth")
        .unwrap();
    let mut paras: Vec<&str> = growth.text.split("\n\n").collect();
    let removed = paras.pop().unwrap().to_string();
    growth.text = paras.join("\n\n");

    let d = compare(&a, &b);
    let field = |path: &str| {
        d.fields
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no change at {path}: {:?}", d.fields))
    };
    let name = field("organisation.name");
    assert_eq!(
        (name.old.as_str(), name.new.as_str()),
        (
            "“Riverside Community Therapies CIC”",
            "“Riverside Therapies CIC”"
        )
    );
    let award = field("forecast.settings.pay_award_percent");
    assert_eq!(
        (award.field.as_str(), award.old.as_str(), award.new.as_str()),
        ("Pay award", "3%", "2.5%")
    );
    let form = field("organisation.legal_form");
    assert_eq!(form.new, "Community interest company limited by guarantee");
    assert_eq!(d.fields.len(), 3, "{:?}", d.fields);

    let item = |path: &str| d.items.iter().find(|i| i.path == path).unwrap();
    let contract = item("forecast.contracts[community-therapy]");
    assert_eq!(contract.kind, ChangeKind::Changed);
    assert_eq!(contract.item, "Contract: Adult community therapy");
    let changes: Vec<(String, String, String)> = contract
        .fields
        .iter()
        .map(|f| (f.field.clone(), f.old.clone(), f.new.clone()))
        .collect();
    assert_eq!(
        changes,
        [
            (
                "Annual value".into(),
                "£6,000,000.00".into(),
                "£6,300,000.00".into()
            ),
            (
                "Renewal: assumption".into(),
                "Assumed renewed".into(),
                "Assumed to end".into()
            ),
        ]
    );
    assert_eq!(
        contract.fields[0].path.to_string(),
        "forecast.contracts[community-therapy].annual_value"
    );
    let transition = item("forecast.costs[transition]");
    assert_eq!(
        (transition.kind, transition.item.as_str()),
        (ChangeKind::Removed, "Cost: Legal, TUPE and set-up costs")
    );
    let added = item("narrative.risks[key-staff]");
    assert_eq!(
        (added.kind, added.item.as_str()),
        (ChangeKind::Added, "Risk: Key clinical leaders leave")
    );
    assert_eq!(d.items.len(), 3);

    assert_eq!(d.sections.len(), 2);
    let s = &d.sections[0];
    assert_eq!(
        (s.title.as_str(), s.path.to_string().as_str()),
        (
            "Executive summary",
            "narrative.sections[executive_summary].text"
        )
    );
    let kinds: Vec<(ChangeKind, usize)> =
        s.paragraphs.iter().map(|p| (p.kind, p.paragraph)).collect();
    let last = a.narrative.sections[0].text.split("\n\n").count() + 1;
    assert_eq!(kinds, [(ChangeKind::Changed, 1), (ChangeKind::Added, last)]);
    assert!(s.paragraphs[0]
        .old
        .as_deref()
        .unwrap()
        .starts_with("On 1 April 2027"));
    assert!(s.paragraphs[0]
        .new
        .as_deref()
        .unwrap()
        .starts_with("From 1 April 2027"));
    let g = &d.sections[1];
    assert_eq!(g.paragraphs.len(), 1);
    assert_eq!(g.paragraphs[0].kind, ChangeKind::Removed);
    assert_eq!(g.paragraphs[0].old.as_deref(), Some(removed.trim()));
}

#[test]
fn figures_side_by_side_and_findings_that_appear_and_go() {
    // Without its overdraft the sample's cash dips below zero in its first month: April's
    // £275,086.00 received (grant, shares and loan) and £150,000.00 opening cash against
    // £459,942.60 paid (£150,000.00 of transition costs, £202,942.60 of net pay, £70,000.00 of
    // running costs and £37,000.00 of VAT on them) leave −£34,856.60. £150,000 more opening cash
    // lifts it above zero.
    let mut a = sample();
    a.forecast.facilities.clear();
    let mut b = a.clone();
    b.forecast.opening_cash = "300000".parse().unwrap();
    b.ownership.groups[0].voting_percent = pct("20");
    let d = compare(&a, &b);
    let fig = |name: &str| d.figures.iter().find(|f| f.figure == name).unwrap();
    let lowest = fig("Lowest cash");
    assert_eq!(lowest.old, "−£34,856.60 in April 2027");
    assert!(lowest.change.starts_with('+'), "{lowest:?}");
    let peak = fig("Peak funding need");
    assert_eq!(
        (peak.old.as_str(), peak.new.as_str()),
        ("£34,856.60", "£0.00")
    );
    assert_eq!(peak.change, "−£34,856.60");
    assert_eq!(fig("Closing cash").change, "+£150,000.00");
    // Without the overdraft the sample scores 13: R1 amber, short by less than a month.
    assert!(fig("Readiness").old.starts_with("13 of 20"));
    // The 20 % vote and the lost dip: MUT-01 appears, FIN-06 goes away.
    assert!(d.findings_appeared.iter().any(|f| f.rule == "MUT-01"));
    assert!(d.findings_gone.iter().any(|f| f.rule == "FIN-06"));
    assert!(!d.findings_gone.iter().any(|f| f.rule == "MUT-01"));
}

#[test]
fn two_different_plans_are_compared_with_a_warning() {
    let a = sample();
    let mut b = sample();
    b.id = "0123456789abcdef0123456789abcdef".parse().unwrap();
    let d = compare(&a, &b);
    assert_eq!(d.warnings.len(), 1);
    assert!(d.warnings[0].contains("two different plans"));
}

#[test]
fn the_cli_exits_0_when_equal_1_when_different_and_2_on_a_file_error() {
    let dir = tempfile::tempdir().unwrap();
    let same = cli(&["diff", SAMPLE, SAMPLE]);
    assert_eq!(same.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&same.stdout).contains("The content of the two plans is the same.")
    );

    let mut b = sample();
    b.forecast.contracts[0].annual_value = "6300000".parse().unwrap();
    let mut risk = b.narrative.risks[0].clone();
    risk.id = "key-staff".parse().unwrap();
    risk.description = "Key clinical leaders leave".into();
    b.narrative.risks.push(risk);
    let newer = dir.path().join("newer.mutualplan");
    std::fs::write(&newer, mutual_plan::model::plan_file::write_plan(&b)).unwrap();
    let out = cli(&["diff", SAMPLE, newer.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Changed: Contract: Adult community therapy"),
        "{text}"
    );
    assert!(
        text.contains("Annual value: £6,000,000.00 → £6,300,000.00"),
        "{text}"
    );
    assert!(
        text.contains("Added: Risk: Key clinical leaders leave"),
        "{text}"
    );
    assert!(text.contains("Closing cash"), "{text}");

    let json = cli(&["diff", SAMPLE, newer.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    assert_eq!(v["items"][0]["kind"], "changed");
    assert_eq!(
        v["items"][0]["path"],
        "forecast.contracts[community-therapy]"
    );

    let missing = cli(&["diff", SAMPLE, "no-such.mutualplan"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such.mutualplan"));
}

#[test]
fn the_pay_award_month_and_the_marginal_relief_fraction_are_compared_in_their_own_words() {
    let a = sample();
    let mut b = sample();
    b.forecast.settings.pay_award_month = 10;
    b.forecast.settings.ct_marginal_relief_percent = pct("2.25");
    let d = compare(&a, &b);
    let field = |path: &str| {
        d.fields
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no change at {path}: {:?}", d.fields))
    };
    let month = field("forecast.settings.pay_award_month");
    assert_eq!(
        (month.old.as_str(), month.new.as_str()),
        ("April", "October")
    );
    let relief = field("forecast.settings.ct_marginal_relief_percent");
    assert_eq!(
        (relief.old.as_str(), relief.new.as_str()),
        ("3/200", "9/400")
    );
}
