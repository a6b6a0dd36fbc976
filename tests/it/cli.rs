//! The `mutual-plan` command line, run as a user runs it.

use crate::common;

use common::{cli, sample_value, text, tool, SAMPLE};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn copy_sample(dir: &Path) -> PathBuf {
    let p = dir.join("plan.mutualplan");
    fs::copy(SAMPLE, &p).unwrap();
    p
}

#[test]
fn show_prints_title_organisation_revision_and_fingerprint() {
    let out = cli(&["show", SAMPLE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("Riverside Community Therapies: business plan for spin-out"));
    assert!(s.contains("Riverside Community Therapies CIC"));
    assert!(s.contains("Revision:     3"));
    let fp = mutual_plan::model::plan_file::fingerprint(
        &mutual_plan::model::samples::riverside().unwrap(),
    );
    assert!(s.contains(&format!("Fingerprint:  {fp}")), "{s}");
}

#[test]
fn show_of_a_misspelt_field_exits_2_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("typo.mutualplan");
    fs::write(
        &p,
        fs::read_to_string(SAMPLE)
            .unwrap()
            .replace("\"legal_form\"", "\"legal_fom\""),
    )
    .unwrap();
    let out = cli(&["show", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("organisation.legal_fom"), "{err}");
    assert!(err.contains("typo.mutualplan"), "{err}");
    assert!(err.contains("line 12"), "{err}");
}

#[test]
fn show_of_a_missing_file_exits_2_naming_it() {
    let out = cli(&["show", "no-such-plan.mutualplan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-plan.mutualplan"));
}

#[test]
fn fmt_check_passes_on_the_canonical_sample() {
    let out = cli(&["fmt", "--check", SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn fmt_rewrites_a_hand_laid_out_file_and_check_then_passes() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("compact.mutualplan");
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(SAMPLE).unwrap()).unwrap();
    fs::write(&p, serde_json::to_string(&v).unwrap()).unwrap();
    let ps = p.to_str().unwrap();
    assert_eq!(cli(&["fmt", "--check", ps]).status.code(), Some(1));
    assert_eq!(cli(&["fmt", ps]).status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        fs::read_to_string(SAMPLE).unwrap()
    );
    assert_eq!(cli(&["fmt", "--check", ps]).status.code(), Some(0));
    // no temporary file left beside it
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn fmt_leaves_a_broken_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("broken.mutualplan");
    let broken = &fs::read_to_string(SAMPLE).unwrap()[..300];
    fs::write(&p, broken).unwrap();
    let out = cli(&["fmt", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line"), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&p).unwrap(), broken);
}

#[test]
fn new_creates_a_valid_canonical_plan_and_will_not_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("new.mutualplan");
    let ps = p.to_str().unwrap();
    let out = cli(&["new", "--name", "Coed Cymru Therapies", "-o", ps]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(cli(&["fmt", "--check", ps]).status.code(), Some(0));
    let plan = mutual_plan::storage::load(&p).unwrap().plan;
    assert_eq!(plan.organisation.name, "Coed Cymru Therapies");
    assert_eq!(plan.narrative.sections.len(), 13);
    let again = cli(&["new", "--name", "Other", "-o", ps]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        mutual_plan::storage::load(&p)
            .unwrap()
            .plan
            .organisation
            .name,
        "Coed Cymru Therapies"
    );
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
#[test]
fn pdf_is_valid_and_its_text_has_the_organisation_and_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = copy_sample(dir.path());
    // an accented name must survive into the PDF's text
    let accented = fs::read_to_string(&plan_path).unwrap().replace(
        "Riverside Community Therapies CIC",
        "Gwasanaethau Therapi Glan-yr-Afon – Siân’s Ŵyn CIC",
    );
    fs::write(&plan_path, accented).unwrap();
    let pdf = dir.path().join("plan.pdf");
    let out = cli(&[
        "pdf",
        plan_path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let pdf = pdf.to_str().unwrap();
    tool("qpdf", &["--check", pdf]);
    let s = tool("pdftotext", &[pdf, "-"]);
    assert!(
        s.contains("Gwasanaethau Therapi Glan-yr-Afon – Siân’s Ŵyn CIC"),
        "{s}"
    );
    let fp = mutual_plan::model::plan_file::fingerprint(
        &mutual_plan::storage::load(&plan_path).unwrap().plan,
    );
    assert!(s.contains(&format!("Fingerprint {fp}")), "{s}");
    let listing = tool("pdffonts", &[pdf]);
    for line in listing.lines().skip(2) {
        assert!(
            line.contains(" yes yes yes "),
            "font not embedded as a subset: {line}"
        );
        assert!(line.as_bytes()[6] == b'+', "subset tag missing: {line}");
    }
}

#[test]
fn the_same_plan_gives_byte_identical_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    assert!(cli(&["pdf", SAMPLE, "-o", a.to_str().unwrap()])
        .status
        .success());
    assert!(cli(&["pdf", SAMPLE, "-o", b.to_str().unwrap()])
        .status
        .success());
    assert_eq!(fs::read(a).unwrap(), fs::read(b).unwrap());
}

#[test]
fn forecast_json_has_the_documented_shape_and_balances_to_the_penny() {
    let out = cli(&["forecast", SAMPLE, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 60);
    assert_eq!(months[0]["month"], "2027-04");
    // April receives the £25,000 grant, £86 of shares and the £250,000 loan (£275,086.00), and
    // pays £460,442.60: the £150,000 transition costs, £202,942.60 of net pay (£273,750.00 gross
    // less £70,807.40 of deductions, paid in May), £70,000 of running costs, £37,000 of VAT on
    // the IT, support services and transition costs, and the overdraft's £500 fee. With the
    // £150,000 opening cash that is −£35,356.60, so the overdraft is drawn by as much and cash
    // closes at exactly zero, with £64,643.40 of the £100,000 limit left.
    assert_eq!(months[0]["opening"], "150000.00");
    assert_eq!(months[0]["lines"]["net_pay"], "-202942.60");
    assert_eq!(months[0]["lines"]["vat_input"], "-37000.00");
    assert_eq!(months[0]["lines"]["facility:overdraft"], "35356.60");
    assert_eq!(months[0]["receipts"], "310442.60");
    assert_eq!(months[0]["payments"], "460442.60");
    assert_eq!(months[0]["closing"], "0.00");
    assert_eq!(months[0]["facility_drawn"], "35356.60");
    assert_eq!(months[0]["headroom"], "64643.40");
    // April's deductions and payroll costs are paid in May, the levy among them.
    assert_eq!(months[1]["lines"]["apprenticeship_levy"], "-118.75");
    assert!(months[0]["lines"].get("paye_income_tax").is_none());
    let may_deductions: rust_decimal::Decimal =
        ["paye_income_tax", "employee_ni", "employee_pension"]
            .iter()
            .map(|k| {
                rust_decimal::Decimal::from_str_exact(months[1]["lines"][k].as_str().unwrap())
                    .unwrap()
            })
            .sum();
    assert_eq!(may_deductions, rust_decimal::Decimal::new(-7_080_740, 2));
    // May's interest on the £35,356.60 drawn: round(35,356.60 × 8 % / 12) = 235.71.
    assert_eq!(months[1]["lines"]["facility_interest"], "-235.71");
    // Year 1's corporation tax is paid in January 2029.
    assert_eq!(months[21]["month"], "2029-01");
    assert_eq!(months[21]["lines"]["corporation_tax"], "-127910.98");
    assert_eq!(
        months[1]["lines"]["contract:community-therapy"],
        "475000.00"
    );
    assert_eq!(months[1]["lines"]["loan_interest"], "-1354.17");
    let dec =
        |x: &serde_json::Value| rust_decimal::Decimal::from_str_exact(x.as_str().unwrap()).unwrap();
    let mut balance = dec(&months[0]["opening"]);
    for m in months {
        assert_eq!(dec(&m["opening"]), balance);
        let lines: rust_decimal::Decimal = m["lines"].as_object().unwrap().values().map(dec).sum();
        assert_eq!(lines, dec(&m["receipts"]) - dec(&m["payments"]));
        balance = dec(&m["closing"]);
        assert_eq!(
            balance,
            dec(&m["opening"]) + dec(&m["receipts"]) - dec(&m["payments"])
        );
    }
    let years = v["years"].as_array().unwrap();
    assert_eq!(years.len(), 5);
    // Year 1's free reserves, £533,818.94 (the sample has no fixed assets, so all its funds), are
    // 1.2 months of its running costs of £452,774.58 a month.
    assert_eq!(years[0]["free_reserves"], "533818.94");
    assert_eq!(years[0]["operating_costs_monthly"], "452774.58");
    assert_eq!(years[0]["free_reserves_months"], "1.2");
    assert_eq!(
        years[0]["free_reserves"],
        years[0]["balance_sheet"]["funds"]
    );
    let keys: Vec<&str> = years[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "year",
            "months",
            "income",
            "grants",
            "expenditure",
            "surplus",
            "tax",
            "surplus_after_tax",
            "closing_cash",
            "lowest_cash",
            "lowest_headroom",
            "operating_costs",
            "operating_costs_monthly",
            "free_reserves",
            "free_reserves_months",
            "debt_service_cover",
            "balance_sheet"
        ]
    );
    let kinds: Vec<&str> = years[0]["expenditure"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        kinds,
        [
            "pay",
            "employer_ni",
            "employer_pension",
            "apprenticeship_levy",
            "cost:premises",
            "cost:it",
            "cost:insurance",
            "cost:support_services",
            "cost:transition",
            "vat_irrecoverable",
            "loan_interest",
            "facility_interest",
            "facility_fees"
        ]
    );
    assert_eq!(years[0]["expenditure"]["apprenticeship_levy"], "1600.00");
    // Not registered for VAT, so all of it is a cost: 12 × £7,000 on the IT and support services
    // and £30,000 on the transition costs.
    assert_eq!(years[0]["expenditure"]["vat_irrecoverable"], "114000.00");
    // Twelve months of interest, April 2027 to March 2028, the last paid in April 2028.
    assert_eq!(years[0]["expenditure"]["loan_interest"], "16250.04");
    // May's £235.71 and June's round(11,300.23 × 8 % / 12) = £75.33.
    assert_eq!(years[0]["expenditure"]["facility_interest"], "311.04");
    assert_eq!(years[0]["expenditure"]["facility_fees"], "500.00");
    // Income £6,090,000.00 + £27,000.00 + the £25,000.00 grant, less £5,630,356.08 spent, is a
    // surplus of £511,643.92, above the upper limit: 25 % is £127,910.98.
    assert_eq!(years[0]["surplus"], "511643.92");
    assert_eq!(years[0]["tax"], "127910.98");
    // The surplus is income less expenditure, and tax comes after it.
    let income = dec(&years[0]["income"]["contracts"]) + dec(&years[0]["income"]["other"]);
    let spent: rust_decimal::Decimal = years[0]["expenditure"]
        .as_object()
        .unwrap()
        .values()
        .map(dec)
        .sum();
    assert_eq!(
        income + dec(&years[0]["grants"]) - spent,
        dec(&years[0]["surplus"])
    );
    assert_eq!(
        dec(&years[0]["surplus"]) - dec(&years[0]["tax"]),
        dec(&years[0]["surplus_after_tax"])
    );
    let summary = v["summary"].as_object().unwrap();
    let keys: Vec<&str> = summary.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "lowest_cash",
            "lowest_cash_month",
            "peak_funding_need",
            "months_negative",
            "first_negative_month",
            "lowest_headroom",
            "lowest_headroom_month",
            "peak_facility_drawn",
            "peak_facility_drawn_month",
            "months_facility_drawn",
            "facility_drawn_at_horizon",
            "operating_costs_monthly_avg",
            "largest_commissioner_share",
            "contract_income_share",
            "receivable_at_horizon",
            "tax_payable_at_horizon",
            "payroll_payable_at_horizon",
            "vat_payable_at_horizon",
            "interest_payable_at_horizon",
            "taxable_turnover_12m_max",
            "taxable_turnover_12m_max_month",
            "vat_threshold_month",
            "vat_registration_due_month",
            "closing_cash"
        ]
    );
    // The overdraft holds cash at zero in April 2027 and never lets it go below.
    assert_eq!(summary["lowest_cash"], "0.00");
    assert_eq!(summary["lowest_cash_month"], "2027-04");
    assert_eq!(summary["peak_funding_need"], "0.00");
    assert_eq!(summary["months_negative"], 0);
    assert_eq!(summary["first_negative_month"], serde_json::Value::Null);
    assert_eq!(summary["lowest_headroom"], "64643.40");
    assert_eq!(summary["lowest_headroom_month"], "2027-04");
    assert_eq!(summary["peak_facility_drawn"], "35356.60");
    // Drawn at the end of April and of May (£11,300.23 left), repaid in June.
    assert_eq!(summary["months_facility_drawn"], 2);
    assert_eq!(summary["facility_drawn_at_horizon"], "0.00");
    // Shares have one decimal.
    assert_eq!(summary["largest_commissioner_share"], "97.7");
    // Year 5's corporation tax is paid after the horizon.
    assert_eq!(summary["tax_payable_at_horizon"], years[4]["tax"]);
    assert_eq!(summary["tax_payable_at_horizon"], "205161.62");
    // March 2032's loan interest is paid in April 2032, on the last instalment still owed:
    // round((250,000 − 47 × 5,208.33) × 6.5 % / 12) = round(5,208.49 × 6.5 % / 12) = 28.21.
    assert_eq!(summary["interest_payable_at_horizon"], "28.21");
    assert_eq!(summary["closing_cash"], months[59]["closing"]);
    let scenarios = v["scenarios"].as_array().unwrap();
    let ids: Vec<&str> = scenarios
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "S1-largest-contract-ends",
            "S2-price-cut-5",
            "S3-late-payment-30",
            "S4-pay-award-plus-2",
            "S5-pension-plus-3",
            "S6-results-shortfall-20"
        ]
    );
    // Paid 30 days later, the ICB pays nothing in May 2027 against £450,943.63 paid (net pay,
    // April's deductions and employer costs, running costs and VAT, loan and overdraft
    // interest): the rest of the overdraft, £64,643.40, is drawn and cash closes at
    // −£386,300.23, a month after the base's low point. The base never goes below zero, so the
    // first negative month has no change to show.
    assert_eq!(scenarios[2]["summary"]["lowest_cash"], "-386300.23");
    assert_eq!(scenarios[2]["summary"]["lowest_cash_month"], "2027-05");
    assert_eq!(scenarios[2]["summary"]["first_negative_month"], "2027-05");
    assert_eq!(scenarios[2]["delta"]["lowest_cash"], "-386300.23");
    assert_eq!(scenarios[2]["delta"]["lowest_cash_month"], 1);
    assert_eq!(
        scenarios[2]["delta"]["first_negative_month"],
        serde_json::Value::Null
    );
    // Headroom falls by the whole limit as well: −£386,300.23 − £64,643.40.
    assert_eq!(scenarios[2]["delta"]["lowest_headroom"], "-450943.63");
    // A price cut from the second year leaves the low point alone but not the closing cash.
    assert_eq!(scenarios[1]["delta"]["lowest_cash"], "0.00");
    assert!(dec(&scenarios[1]["delta"]["closing_cash"]) < rust_decimal::Decimal::ZERO);
}

#[test]
fn forecast_csv_and_table_and_scenarios() {
    let csv = text(&cli(&["forecast", SAMPLE, "--format", "csv"]).stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 61);
    assert!(
        lines[0].starts_with("month,opening,receipts,payments,closing,contract:community-therapy")
    );
    assert!(lines[1].starts_with("2027-04,150000.00,310442.60,460442.60,0.00,"));
    assert!(lines[0].contains(",apprenticeship_levy,") && lines[0].contains(",corporation_tax"));
    let columns = lines[0].split(',').count();
    assert!(lines.iter().all(|l| l.split(',').count() == columns));

    let table = text(&cli(&["forecast", SAMPLE]).stdout);
    assert!(
        table.contains("Lowest cash:                   £0.00 in April 2027"),
        "{table}"
    );
    // The balance sheet at each year end, in pence: net assets and total funds the same.
    let row = |label: &str| {
        table
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in {table}"))
            .trim_start_matches(label)
            .split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(table.contains("Balance sheet at each year end"), "{table}");
    assert_eq!(row("Net assets"), row("Total funds"));
    assert_eq!(row("Net assets")[0], "£533,818.94");
    assert_eq!(row("Net assets").len(), 5);

    let s3 = cli(&[
        "forecast",
        SAMPLE,
        "--scenario",
        "S3-late-payment-30",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&s3.stdout).unwrap();
    assert_eq!(v["summary"]["lowest_cash"], "-386300.23");
    assert_eq!(v["scenarios"].as_array().unwrap().len(), 1);

    let bad = cli(&["forecast", SAMPLE, "--scenario", "S9"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("S1-largest-contract-ends"));
}

#[test]
fn check_prints_findings_and_exits_1_only_on_errors() {
    let out = cli(&["check", SAMPLE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    // The sample's findings (tests/it/rules.rs): one warning (VAT-02) and twelve notes.
    assert_eq!(findings.len(), 13);
    let keys: Vec<&str> = findings[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["rule", "severity", "path", "message", "source"]);
    assert_eq!(findings[0]["rule"], "MUT-02");
    assert_eq!(findings[0]["severity"], "info");

    let dir = tempfile::tempdir().unwrap();
    let p = copy_sample(dir.path());
    let bad = fs::read_to_string(&p)
        .unwrap()
        .replace("\"asset_lock\": true", "\"asset_lock\": false");
    fs::write(&p, bad).unwrap();
    let out = cli(&["check", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let s = text(&out.stdout);
    assert!(
        s.starts_with("Errors (1)\n  LEG-01   ownership.asset_lock"),
        "{s}"
    );
}

#[test]
fn readiness_json_has_the_documented_shape() {
    let out = cli(&["readiness", SAMPLE, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "criteria",
            "eligibility",
            "areas",
            "score",
            "max_score",
            "headline"
        ]
    );
    assert_eq!(
        v["criteria"],
        serde_json::json!({ "name": "Mutual Plan readiness criteria", "version": "3.0.0" })
    );
    let e: Vec<&str> = v["eligibility"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(e, ["id", "result", "reason"]);
    let a: Vec<&str> = v["areas"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(a, ["id", "title", "rating", "score", "figure", "advice"]);
    assert_eq!(v["areas"].as_array().unwrap().len(), 10);
    assert_eq!(
        (v["score"].as_u64(), v["max_score"].as_u64()),
        (Some(14), Some(20))
    );
    assert_eq!(v["headline"], "not_yet_ready");
    assert_eq!(v["eligibility"][4]["result"], "fail");

    let txt = text(&cli(&["readiness", SAMPLE]).stdout);
    assert!(txt.contains("Score 14 of 20: Not yet ready"), "{txt}");
}

#[test]
fn a_custom_criteria_file_is_used_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/criteria/readiness.json"
    ))
    .unwrap();
    let lenient = dir.path().join("lenient.json");
    fs::write(
        &lenient,
        bundled
            .replace(
                "\"amber_max_share_percent\": \"95\"",
                "\"amber_max_share_percent\": \"99\"",
            )
            .replace("\"3.0.0\"", "\"3.1.0-local\""),
    )
    .unwrap();
    let out = cli(&[
        "readiness",
        SAMPLE,
        "--format",
        "json",
        "--criteria",
        lenient.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["criteria"]["version"], "3.1.0-local");
    assert_eq!(v["areas"][3]["rating"], "amber");

    let broken = dir.path().join("broken.json");
    fs::write(
        &broken,
        bundled.replace("\"green_min_dscr\": \"2.0\", ", ""),
    )
    .unwrap();
    let out = cli(&["readiness", SAMPLE, "--criteria", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("areas.R6.thresholds.green_min_dscr"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn fmt_will_not_rewrite_a_plan_someone_is_editing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("busy.mutualplan");
    let compact = serde_json::to_string(&sample_value()).unwrap();
    fs::write(&p, &compact).unwrap();
    let mut holder = common::long_running_process();
    let lock = serde_json::json!({ "user": "tom", "machine": mutual_plan::storage::host::machine_name(), "pid": holder.id(), "since": mutual_plan::model::values::Timestamp::now().to_string() });
    fs::write(mutual_plan::storage::lock::lock_path(&p), lock.to_string()).unwrap();
    let out = cli(&["fmt", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("open for editing by tom"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&p).unwrap(), compact);
    holder.kill().unwrap();
    holder.wait().unwrap();
    // Once its holder has gone the lock is stale, and fmt goes ahead.
    assert_eq!(cli(&["fmt", p.to_str().unwrap()]).status.code(), Some(0));
}

/// Runs the CLI with its standard output a pipe whose reader has already gone, as when
/// `mutual-plan readiness | head -1` has read what it wanted.
fn run_into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_mutual-plan"))
        .args(args)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn every_command_ends_quietly_when_its_reader_has_gone() {
    let dir = tempfile::tempdir().unwrap();
    let new_plan = dir.path().join("new.mutualplan");
    let commands: [&[&str]; 11] = [
        &["show", SAMPLE],
        &["forecast", SAMPLE],
        &["forecast", SAMPLE, "--format", "json"],
        &["forecast", SAMPLE, "--format", "csv"],
        &["check", SAMPLE],
        &["check", SAMPLE, "--format", "json"],
        &["readiness", SAMPLE],
        &["readiness", SAMPLE, "--format", "json"],
        &[
            "new",
            "--name",
            "Closed Pipe",
            "-o",
            new_plan.to_str().unwrap(),
        ],
        &["--help"],
        &["--version"],
    ];
    for args in commands {
        let out = run_into_closed_pipe(args);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        // It ends as it would have with a reader: the sample has no errors.
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
    assert!(new_plan.exists());
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
#[test]
fn pdf_prints_mentor_comments_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let text_of = |args: &[&str], name: &str| {
        let out = dir.path().join(name);
        let mut all = args.to_vec();
        all.extend(["-o", out.to_str().unwrap()]);
        assert!(cli(&all).status.success());
        let raw = common::tool("pdftotext", &[out.to_str().unwrap(), "-"]);
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let comment = "Is the 5% results-based payment confirmed in the draft contract?";
    let plain = text_of(&["pdf", SAMPLE], "plain.pdf");
    assert!(!plain.contains(comment));
    assert!(
        plain.contains("Jan Morris (Mentor)"),
        "sign-offs always print"
    );
    let with = text_of(&["pdf", SAMPLE, "--with-review"], "with.pdf");
    assert!(with.contains(comment));
    assert!(with.contains("Contract: Adult community therapy"));
}

/// Each command's line in `--help` is its own: `diff` compares, `pdf` prints (a doc comment once
/// stood on the wrong variant, so `diff` began "Print the plan to PDF" and `pdf` had none).
#[test]
fn the_help_describes_each_command_in_its_own_words() {
    let out = cli(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    let line = |cmd: &str| {
        help.lines()
            .find(|l| l.trim_start().starts_with(&format!("{cmd} ")))
            .unwrap_or_else(|| panic!("no line for {cmd} in:\n{help}"))
            .to_string()
    };
    assert!(line("pdf").contains("Print the plan to PDF"), "{help}");
    assert!(line("diff").contains("Compare two versions"), "{help}");
    assert!(!line("diff").contains("PDF"), "{help}");
}
