//! The plan file format: round trips, every error kind with its location, versions and limits.

use crate::common;

use common::{at, sample, sample_value, timestamp};
use mutual_plan::model::plan::{
    CostFrequency, PayrollTiming, PensionScheme, PsrProcess, VatTreatment,
};
use mutual_plan::model::plan_file::{
    read_newer_for_viewing, read_plan, stamp_for_save, MAX_FILE_BYTES,
};
use mutual_plan::model::values::PlanId;
use mutual_plan::{
    model::error::LoadError, model::new_plan, model::plan_file::fingerprint,
    model::plan_file::write_plan, model::samples,
};
use serde_json::{json, Value};

fn load_value(v: &Value) -> Result<mutual_plan::model::plan::Plan, LoadError> {
    read_plan(serde_json::to_string_pretty(v).unwrap().as_bytes()).map(|l| l.plan)
}

#[test]
fn the_sample_round_trips_to_identical_bytes() {
    let plan = read_plan(samples::RIVERSIDE.as_bytes()).unwrap().plan;
    assert_eq!(write_plan(&plan), samples::RIVERSIDE);
    // load, save, load, save: still the same bytes
    let again = read_plan(write_plan(&plan).as_bytes()).unwrap().plan;
    assert_eq!(again, plan);
    assert_eq!(write_plan(&again), samples::RIVERSIDE);
}

#[test]
fn the_shared_example_layout_reads_to_the_same_plan_as_the_canonical_sample() {
    // A hand-laid-out copy (objects on one line, as people write them) is the same plan.
    let compact = serde_json::to_string(&sample_value()).unwrap();
    let plan = read_plan(compact.as_bytes()).unwrap().plan;
    assert_eq!(write_plan(&plan), samples::RIVERSIDE);
}

#[test]
fn money_is_written_with_two_decimals_and_percent_in_normal_form() {
    let mut v = sample_value();
    v["forecast"]["opening_cash"] = json!("150000");
    v["forecast"]["contracts"][0]["indexation_percent"] = json!("2.0000");
    let written = write_plan(&load_value(&v).unwrap());
    assert!(written.contains("\"opening_cash\": \"150000.00\""));
    assert!(written.contains("\"indexation_percent\": \"2\""));
    assert!(written.ends_with("}\n"));
}

#[test]
fn syntax_errors_give_line_and_column() {
    let truncated = &samples::RIVERSIDE[..500];
    match read_plan(truncated.as_bytes()).unwrap_err() {
        LoadError::Syntax {
            line,
            column,
            message,
        } => {
            assert!(message.contains("ends too early"), "{message}");
            let lines: Vec<&str> = truncated.lines().collect();
            assert_eq!(line, lines.len());
            assert!(column >= 1);
        }
        e => panic!("expected a syntax error, got {e:?}"),
    }
    let e = read_plan(b"{\n  \"format\": \"mutual-plan\",,\n}").unwrap_err();
    assert_eq!(
        (
            e.kind(),
            matches!(
                e,
                LoadError::Syntax {
                    line: 2,
                    column: 27,
                    ..
                }
            )
        ),
        ("syntax", true),
        "{e}"
    );
}

#[test]
fn non_utf8_is_located() {
    let mut bytes = b"{\n  \"title\": \"caf".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"\"\n}");
    assert_eq!(
        read_plan(&bytes).unwrap_err(),
        LoadError::NotText {
            line: 2,
            column: 16
        }
    );
}

#[test]
fn an_unknown_field_is_named_with_its_path_and_position() {
    let text = samples::RIVERSIDE.replace(
        "\"members\": 86,",
        "\"members\": 86,\n          \"colour\": \"red\",",
    );
    match read_plan(text.as_bytes()).unwrap_err() {
        LoadError::UnknownField {
            path,
            suggestion,
            line,
            ..
        } => {
            assert_eq!(path, "ownership.groups[staff].colour");
            assert_eq!(suggestion, None);
            let expected = text.lines().position(|l| l.contains("\"colour\"")).unwrap() + 1;
            assert_eq!(line, expected);
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn a_misspelt_field_is_named_with_the_field_it_should_be() {
    let text = samples::RIVERSIDE.replace("\"opening_cash\"", "\"openning_cash\"");
    let e = read_plan(text.as_bytes()).unwrap_err();
    assert_eq!(
        e.path().map(|p| p.to_string()).as_deref(),
        Some("forecast.openning_cash")
    );
    assert!(
        e.to_string().contains("did you mean `opening_cash`?"),
        "{e}"
    );
}

#[test]
fn bad_values_name_their_path() {
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "/forecast/opening_cash",
            json!("12.345"),
            "forecast.opening_cash",
        ),
        (
            "/forecast/opening_cash",
            json!(150000),
            "forecast.opening_cash",
        ),
        (
            "/forecast/staff/2/annual_salary",
            json!("-1"),
            "forecast.staff[admin].annual_salary",
        ),
        (
            "/forecast/contracts/1/start",
            json!("2027-13"),
            "forecast.contracts[falls-prevention].start",
        ),
        (
            "/organisation/legal_form",
            json!("llp"),
            "organisation.legal_form",
        ),
        (
            "/organisation/spin_out_date",
            json!("2027-02-30"),
            "organisation.spin_out_date",
        ),
        (
            "/ownership/groups/0/voting_percent",
            json!("101"),
            "ownership.groups[staff].voting_percent",
        ),
        ("/board/1/id", json!("Managing Director"), "board[#1].id"),
        (
            "/review/comments/0/at",
            json!("yesterday"),
            "review.comments[c-1].at",
        ),
    ];
    for (pointer, value, path) in cases {
        let mut v = sample_value();
        *v.pointer_mut(pointer).unwrap() = value.clone();
        let e = load_value(&v).unwrap_err();
        assert_eq!(e.kind(), "bad_value", "{pointer} = {value}: {e}");
        assert_eq!(
            e.path().map(|p| p.to_string()).as_deref(),
            Some(path),
            "{pointer} = {value}: {e}"
        );
        assert!(matches!(e, LoadError::BadValue { line, .. } if line > 1));
    }
}

#[test]
fn a_missing_field_is_named() {
    let mut v = sample_value();
    v["forecast"]
        .as_object_mut()
        .unwrap()
        .shift_remove("months");
    let e = load_value(&v).unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("forecast"));
    assert!(e.to_string().contains("missing field `months`"), "{e}");
}

#[test]
fn format_rules_beyond_types_are_checked_with_paths() {
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/forecast/months", json!(121), "forecast.months"),
        ("/forecast/months", json!(11), "forecast.months"),
        (
            "/forecast/contracts/0/payment_terms_days",
            json!(181),
            "forecast.contracts[community-therapy].payment_terms_days",
        ),
        (
            "/forecast/staff/0/fte",
            json!("0"),
            "forecast.staff[physio].fte",
        ),
        (
            "/forecast/staff/0/headcount",
            json!(0),
            "forecast.staff[physio].headcount",
        ),
        (
            "/forecast/contracts/1/procurement/extension_months",
            json!(61),
            "forecast.contracts[falls-prevention].procurement.extension_months",
        ),
        (
            "/forecast/settings/pay_award_month",
            json!(13),
            "forecast.settings.pay_award_month",
        ),
        (
            "/narrative/risks/0/likelihood",
            json!(6),
            "narrative.risks[renewal].likelihood",
        ),
        ("/title", json!("two\nlines"), "title"),
        (
            "/narrative/sections/1/id",
            json!("executive_summary"),
            "narrative.sections[#1].id",
        ),
        (
            "/narrative/sections/1/id",
            json!("appendix"),
            "narrative.sections[#1].id",
        ),
        (
            "/forecast/costs/1/id",
            json!("premises"),
            "forecast.costs[#1].id",
        ),
    ];
    for (pointer, value, path) in cases {
        let mut v = sample_value();
        *v.pointer_mut(pointer).unwrap() = value.clone();
        let e = load_value(&v).unwrap_err();
        assert_eq!(e.kind(), "invalid", "{pointer} = {value}: {e}");
        assert_eq!(
            e.path().map(|p| p.to_string()).as_deref(),
            Some(path),
            "{pointer} = {value}: {e}"
        );
    }
}

#[test]
fn a_risk_score_out_of_range_says_what_it_may_be() {
    let mut v = sample_value();
    v["narrative"]["risks"][0]["impact"] = json!(6);
    match load_value(&v).unwrap_err() {
        LoadError::Invalid { message, .. } => {
            assert_eq!(
                message,
                "the impact must be from 1 (low) to 5 (high), not 6"
            );
        }
        e => panic!("{e}"),
    }
}

#[test]
fn limits_are_enforced() {
    let mut v = sample_value();
    v["narrative"]["sections"][1]["text"] = json!("x".repeat(100_001));
    let e = load_value(&v).unwrap_err();
    assert_eq!(
        e.path().map(|p| p.to_string()).as_deref(),
        Some("narrative.sections[vision].text")
    );

    let mut v = sample_value();
    let risk = v["narrative"]["risks"][0].clone();
    v["narrative"]["risks"] = Value::Array(
        (0..501)
            .map(|i| {
                let mut r = risk.clone();
                r["id"] = json!(format!("r{i}"));
                r
            })
            .collect(),
    );
    let e = load_value(&v).unwrap_err();
    assert_eq!(
        e.path().map(|p| p.to_string()).as_deref(),
        Some("narrative.risks")
    );
    assert!(e.to_string().contains("501 items"));

    let big = vec![b' '; MAX_FILE_BYTES as usize + 1];
    assert_eq!(read_plan(&big).unwrap_err().kind(), "too_large");

    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(read_plan(deep.as_bytes()).unwrap_err().kind(), "syntax");
}

#[test]
fn a_newer_schema_version_is_a_typed_error_and_can_be_viewed() {
    let mut v = sample_value();
    v["schema_version"] = json!(4);
    v["organisation"]["website"] = json!("https://example.org");
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert_eq!(
        read_plan(text.as_bytes()).unwrap_err(),
        LoadError::NewerVersion {
            found: 4,
            supported: 3
        }
    );
    let msg = read_plan(text.as_bytes()).unwrap_err().to_string();
    assert!(
        msg.contains("version 4") && msg.contains("version 3"),
        "{msg}"
    );
    let (plan, skipped) = read_newer_for_viewing(text.as_bytes()).unwrap();
    assert_eq!(plan.organisation.name, "Riverside Community Therapies CIC");
    assert_eq!(skipped, vec!["organisation.website".to_string()]);
}

#[test]
fn version_zero_and_other_files_are_refused_clearly() {
    let mut v = sample_value();
    v["schema_version"] = json!(0);
    assert_eq!(load_value(&v).unwrap_err().kind(), "unknown_version");
    assert_eq!(read_plan(b"[1, 2]").unwrap_err().kind(), "not_a_plan");
    assert_eq!(
        read_plan(br#"{"format": "spreadsheet"}"#)
            .unwrap_err()
            .kind(),
        "not_a_plan"
    );
    assert_eq!(
        read_plan(br#"{"format": "mutual-plan", "schema_version": "1"}"#)
            .unwrap_err()
            .path()
            .map(|p| p.to_string())
            .as_deref(),
        Some("schema_version")
    );
}

#[test]
fn the_fingerprint_ignores_revision_and_save_stamp_but_not_content() {
    let plan = sample();
    let fp = fingerprint(&plan);
    assert_eq!(fp.len(), 12);
    assert!(fp
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    let saved = stamp_for_save(&plan, at(1_900_000_000));
    assert_eq!(saved.revision, plan.revision + 1);
    let mut resaved = saved.clone();
    resaved.saved_by = "Someone else".into();
    assert_eq!(fingerprint(&resaved), fp);
    let mut changed = plan.clone();
    changed.organisation.name.push('.');
    assert_ne!(fingerprint(&changed), fp);
}

#[test]
fn the_fingerprint_is_sha256_of_the_canonical_json_without_the_save_stamp_and_review() {
    // Independent of the implementation: build the canonical text by hand from the file.
    use sha2::{Digest, Sha256};
    let mut v = sample_value();
    for k in ["revision", "saved_at", "saved_by", "review"] {
        v.as_object_mut().unwrap().shift_remove(k);
    }
    let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
    let hex: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(fingerprint(&sample()), hex[..12]);
}

#[test]
fn a_new_plan_is_valid_canonical_and_has_every_section() {
    let now = timestamp("2026-11-27T10:15:00Z");
    let plan = new_plan::new_plan("Caffi’r Ŵyn Care", PlanId::random().unwrap(), now);
    let text = write_plan(&plan);
    let back = read_plan(text.as_bytes()).unwrap().plan;
    assert_eq!(back, plan);
    assert_eq!(plan.narrative.sections.len(), 13);
    assert!(plan.narrative.sections.iter().all(|s| s.text.is_empty()));
    assert_eq!(plan.forecast.start.to_string(), "2027-04");
    assert_eq!(plan.organisation.spin_out_date.to_string(), "2027-04-01");
    assert_eq!(plan.forecast.months, 60);
    assert_eq!(plan.revision, 0);
}

#[test]
fn an_error_at_the_start_of_a_line_is_in_column_1() {
    // Found by the loader fuzz test: serde_json reports column 0 right after a line break.
    let text = "{\n  \"title\": \"a\n\u{1}\"\n}";
    match read_plan(text.as_bytes()).unwrap_err() {
        LoadError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 1)),
        e => panic!("{e:?}"),
    }
}

/// The version 1 files this project keeps as fixtures: the specification's example (objects laid
/// out on one line) and the sample as the first release shipped it.
const EXAMPLE_V1: &str = include_str!("fixtures/example-v1.mutualplan");
const RIVERSIDE_V1: &str = include_str!("fixtures/riverside-v1.mutualplan");
/// The example migrated and written in canonical version 2 form, checked by hand.
const EXAMPLE_V2: &str = include_str!("fixtures/example-v2.mutualplan");
/// The example migrated on to version 3 and written in canonical form: version 2's bytes with
/// only version 3's new fields added, each with its migrated value (checked by hand).
const EXAMPLE_V3: &str = include_str!("fixtures/example-v3.mutualplan");
/// The sample as version 2 shipped it.
const RIVERSIDE_V2: &str = include_str!("fixtures/riverside-v2.mutualplan");

#[test]
fn a_version_1_file_is_migrated_on_reading_through_version_2_and_written_as_version_3() {
    let loaded = read_plan(EXAMPLE_V1.as_bytes()).unwrap();
    assert_eq!(loaded.file_version, 1);
    let p = &loaded.plan;
    assert_eq!(p.schema_version, 3);
    assert_eq!(p.addressee, "the Enterprise Incubator Unit");
    assert!(!p.organisation.charity);
    let s = &p.forecast.settings;
    // A migrated plan keeps its payroll timing; the new rates take their defaults.
    assert_eq!(s.payroll_costs_paid, PayrollTiming::SameMonth);
    assert_eq!(s.apprenticeship_levy_percent.to_string(), "0.5");
    assert_eq!(s.apprenticeship_levy_allowance.to_string(), "15000.00");
    assert_eq!(s.ct_small_profits_rate_percent.to_string(), "19");
    assert_eq!(s.ct_main_rate_percent.to_string(), "25");
    assert_eq!(s.ct_lower_limit.to_string(), "50000.00");
    assert_eq!(s.ct_upper_limit.to_string(), "250000.00");
    assert_eq!(s.ct_marginal_relief_percent.to_string(), "1.5");
    assert!(p.forecast.staff.iter().all(|l| l.headcount.is_none()));
    assert!(p
        .forecast
        .contracts
        .iter()
        .all(|c| c.procurement.awarded.is_none() && c.procurement.extension_months == 0));
    // Byte for byte: the canonical version 3 form of the example, the same as version 2's
    // migrated on.
    assert_eq!(write_plan(p), EXAMPLE_V3);
    let v2 = read_plan(EXAMPLE_V2.as_bytes()).unwrap();
    assert_eq!(v2.file_version, 2);
    assert_eq!(&v2.plan, p);
    let again = read_plan(EXAMPLE_V3.as_bytes()).unwrap();
    assert_eq!(again.file_version, 3);
    assert!(again.migration.is_empty());
    assert_eq!(&again.plan, p);
    // Its first save says so, and that corporation tax and the levy are new; version 1 plans
    // pay in the month worked, so nothing about payroll timing.
    let notes = loaded.migration.join(" ");
    assert!(
        notes.contains("version 1") && notes.contains("saved as version 3"),
        "{notes}"
    );
    assert!(
        notes.contains("corporation tax and the Apprenticeship Levy"),
        "{notes}"
    );
    assert!(!notes.contains("month after the pay"), "{notes}");
    assert!(notes.contains("free reserves"), "{notes}");
}

#[test]
fn a_version_2_file_is_migrated_keeping_every_figure_version_3_does_not_redefine() {
    let loaded = read_plan(RIVERSIDE_V2.as_bytes()).unwrap();
    assert_eq!(loaded.file_version, 2);
    let p = &loaded.plan;
    let f = &p.forecast;
    assert_eq!(p.schema_version, 3);
    assert!(!f.settings.vat_registered);
    assert_eq!(f.settings.vat_stagger, 1);
    assert_eq!(f.settings.personal_allowance.to_string(), "12570.00");
    assert_eq!(f.settings.employee_ni_bands.len(), 3);
    assert_eq!(f.settings.payroll_costs_paid, PayrollTiming::NextMonth);
    assert!(f.facilities.is_empty());
    assert!(f.contracts.iter().all(|c| c.vat == VatTreatment::Exempt
        && c.regulated_activity.is_none()
        && c.procurement.psr_process.is_none()
        && c.procurement.justification.is_empty()));
    assert!(f.income.iter().all(|i| i.vat == VatTreatment::Exempt));
    assert!(f.costs.iter().all(|c| c.vat_percent.get().is_zero()
        && c.useful_life_months.is_none()
        && c.frequency != CostFrequency::Capital));
    for s in &f.staff {
        assert_eq!(s.contract, None);
        let dc = s.pension.scheme == PensionScheme::DefinedContribution;
        assert_eq!(
            s.pension.employee_percent.map(|p| p.to_string()),
            dc.then(|| "5".to_string())
        );
    }
    let notes = loaded.migration.join(" ");
    assert!(
        notes.contains("version 2") && notes.contains("older releases"),
        "{notes}"
    );
    assert!(
        notes.contains("Tax, National Insurance and employee pension contributions are now paid the month after the pay, so cash in each month is higher"),
        "{notes}"
    );
    assert!(
        notes.contains("Loan interest is now charged to the month it is for"),
        "{notes}"
    );
    assert!(
        notes.contains("debt service cover is after corporation tax paid"),
        "{notes}"
    );
    assert!(!notes.contains("Apprenticeship Levy"), "{notes}");
    // The sample's falls instructors (2.5 FTE, no headcount) now have three whole thresholds.
    assert!(
        notes.contains("Each part-time person now has a whole National Insurance threshold"),
        "{notes}"
    );
    let whole = RIVERSIDE_V2.replacen("\"fte\": \"2.5\",", "\"fte\": \"3\",", 1);
    let notes = read_plan(whole.as_bytes()).unwrap().migration.join(" ");
    assert!(!notes.contains("threshold"), "{notes}");
}

#[test]
fn a_version_2_file_holding_a_version_3_field_or_value_is_refused() {
    let cases = [
        (
            "\"ct_marginal_relief_percent\": \"1.5\"",
            "\"ct_marginal_relief_percent\": \"1.5\",\n      \"vat_registered\": true",
            "forecast.settings.vat_registered",
            "unknown_field",
        ),
        (
            "\"transferred\": true,",
            "\"transferred\": true,\n        \"contract\": null,",
            "",
            "unknown_field",
        ),
        (
            "\"loans\": [",
            "\"facilities\": [],\n    \"loans\": [",
            "forecast.facilities",
            "unknown_field",
        ),
        (
            "\"frequency\": \"one_off\"",
            "\"frequency\": \"capital\"",
            "",
            "bad_value",
        ),
        (
            "\"legal_form\": \"cic_limited_by_shares\"",
            "\"legal_form\": \"scio\"",
            "organisation.legal_form",
            "bad_value",
        ),
    ];
    for (from, to, path, kind) in cases {
        let text = RIVERSIDE_V2.replacen(from, to, 1);
        assert_ne!(text, RIVERSIDE_V2, "{from}");
        let e = read_plan(text.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), kind, "{to}: {e}");
        if !path.is_empty() {
            assert_eq!(e.path().unwrap().to_string(), path);
        }
    }
}

#[test]
fn band_lists_useful_lives_and_member_rates_are_checked_on_reading() {
    let bad = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = sample_value();
        edit(&mut v);
        let e = read_plan(serde_json::to_string_pretty(&v).unwrap().as_bytes()).unwrap_err();
        (e.path().unwrap().to_string(), e.to_string())
    };
    let (path, msg) =
        bad(&|v| v["forecast"]["settings"]["employee_ni_bands"][1]["up_to"] = json!("100.00"));
    assert_eq!(path, "forecast.settings.employee_ni_bands");
    assert!(msg.contains("above the row before"), "{msg}");
    let (_, msg) =
        bad(&|v| v["forecast"]["settings"]["employee_ni_bands"][2]["up_to"] = json!("90000.00"));
    assert!(msg.contains("last row"), "{msg}");
    let (_, msg) = bad(&|v| v["forecast"]["settings"]["employee_ni_bands"] = json!([]));
    assert!(msg.contains("1 to 20 rows"), "{msg}");
    let (_, msg) = bad(&|v| {
        let row = v["forecast"]["settings"]["lgps_member_bands"][0].clone();
        let mut rows: Vec<serde_json::Value> = (0..21)
            .map(|i| {
                let mut r = row.clone();
                r["up_to"] = json!(format!("{}.00", 1000 + i));
                r
            })
            .collect();
        rows[20]["up_to"] = json!(null);
        v["forecast"]["settings"]["lgps_member_bands"] = json!(rows);
    });
    assert!(msg.contains("1 to 20 rows, not 21"), "{msg}");
    let (path, _) = bad(&|v| v["forecast"]["settings"]["vat_stagger"] = json!(4));
    assert_eq!(path, "forecast.settings.vat_stagger");
    let (path, msg) = bad(&|v| v["forecast"]["costs"][0]["frequency"] = json!("capital"));
    assert!(
        path.ends_with(".useful_life_months") && msg.contains("useful life"),
        "{path}: {msg}"
    );
    let (path, msg) = bad(&|v| v["forecast"]["costs"][0]["useful_life_months"] = json!(36));
    assert!(
        path.ends_with(".useful_life_months") && msg.contains("only a capital cost"),
        "{path}: {msg}"
    );
    let (path, _) = bad(&|v| v["forecast"]["staff"][0]["pension"]["employee_percent"] = json!("5"));
    assert!(path.ends_with(".pension.employee_percent"), "{path}");
}

#[test]
fn the_earlier_releases_samples_migrate_to_todays_but_for_payroll_timing_and_version_3s_choices() {
    // Version 2's sample is the first release's with its narrative written and a sign-off;
    // every other field migrates to it, but for the payroll timing a migrated plan keeps.
    let migrated = write_plan(&read_plan(RIVERSIDE_V1.as_bytes()).unwrap().plan);
    let v1 = read_plan(RIVERSIDE_V1.as_bytes()).unwrap().plan;
    let mut second = read_plan(RIVERSIDE_V2.as_bytes()).unwrap().plan;
    second.narrative = v1.narrative;
    second.review = v1.review;
    second.forecast.settings.payroll_costs_paid = PayrollTiming::SameMonth;
    assert_eq!(migrated, write_plan(&second));
    // Today's sample is version 2's with its finance director's version 3 choices, and its
    // narrative rewritten for the figures they give.
    let today = samples::riverside().unwrap();
    let mut decided = read_plan(RIVERSIDE_V2.as_bytes()).unwrap().plan;
    let f = &mut decided.forecast;
    f.costs.retain(|c| c.id.as_str() != "vat");
    for c in &mut f.costs {
        if ["it", "sla", "transition"].contains(&c.id.as_str()) {
            c.vat_percent = "20".parse().unwrap();
        }
    }
    f.income[0].vat = VatTreatment::Standard;
    for s in &mut f.staff {
        s.contract = match s.id.as_str() {
            "physio" | "ot" => Some("community-therapy".parse().unwrap()),
            "falls-instructors" => Some("falls-prevention".parse().unwrap()),
            _ => None,
        };
    }
    for c in &mut f.contracts {
        c.regulated_activity = Some(c.id.as_str() == "community-therapy");
        // The ICB keeps the existing provider under the Provider Selection Regime.
        if c.id.as_str() == "community-therapy" {
            c.procurement.psr_process = Some(PsrProcess::DirectAwardC);
        }
    }
    f.facilities = today.forecast.facilities.clone();
    assert_eq!(f.facilities.len(), 1);
    assert_eq!(f.facilities[0].limit.to_string(), "100000.00");
    decided.narrative = today.narrative.clone();
    decided.review = today.review.clone();
    assert_eq!(write_plan(&decided), write_plan(&today));
    assert_ne!(
        today.forecast.settings.payroll_costs_paid,
        PayrollTiming::SameMonth
    );
}

#[test]
fn a_version_1_file_holding_a_later_field_is_refused() {
    let cases = [
        (
            "\"registered_charity\": false,",
            "\"registered_charity\": false,\n    \"charity\": false,",
            "organisation.charity",
        ),
        (
            "\"fte\": \"40\",",
            "\"fte\": \"40\",\n        \"headcount\": 40,",
            "forecast.staff[physio].headcount",
        ),
        (
            "\"pay_award_month\": 4",
            "\"pay_award_month\": 4,\n      \"payroll_costs_paid\": \"next_month\"",
            "forecast.settings.payroll_costs_paid",
        ),
        (
            "\"schema_version\": 1,",
            "\"schema_version\": 1,\n  \"addressee\": \"the board\",",
            "addressee",
        ),
    ];
    for (from, to, path) in cases {
        let text = RIVERSIDE_V1.replacen(from, to, 1);
        assert_ne!(text, RIVERSIDE_V1, "{from}");
        let e = read_plan(text.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), "unknown_field", "{path}: {e}");
        assert_eq!(e.path().unwrap().to_string(), path);
    }
    let civil = RIVERSIDE_V1.replacen(
        "\"scheme\": \"defined_contribution\"",
        "\"scheme\": \"civil_service\"",
        1,
    );
    let e = read_plan(civil.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), "bad_value");
    assert_eq!(
        e.path().unwrap().to_string(),
        "forecast.staff[finance].pension.scheme"
    );
    assert!(e.to_string().contains("version 2"), "{e}");
}

#[test]
fn a_version_2_file_omits_no_setting() {
    let mut v = sample_value();
    v["forecast"]["settings"]
        .as_object_mut()
        .unwrap()
        .shift_remove("ct_upper_limit");
    let e = load_value(&v).unwrap_err();
    assert_eq!(e.path().unwrap().to_string(), "forecast.settings");
    assert!(
        e.to_string().contains("missing field `ct_upper_limit`"),
        "{e}"
    );
}

#[test]
fn a_load_error_in_a_migrated_file_points_at_the_files_own_line() {
    let text = RIVERSIDE_V1.replacen(
        "\"annual_salary\": \"25000.00\"",
        "\"annual_salary\": \"lots\"",
        1,
    );
    let e = read_plan(text.as_bytes()).unwrap_err();
    assert_eq!(
        e.path().unwrap().to_string(),
        "forecast.staff[admin].annual_salary"
    );
    let LoadError::BadValue { line, .. } = e else {
        panic!("{e:?}")
    };
    let expected = text.lines().position(|l| l.contains("\"lots\"")).unwrap() + 1;
    assert_eq!(line, expected);
}
