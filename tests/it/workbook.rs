//! The exported workbook recomputes what the forecast computed: LibreOffice opens it as a user's
//! would, computes every formula, and writes each sheet as CSV, whose every monthly line and closing cash, every
//! line of the income and expenditure account and every balance-sheet line must equal the core's
//! figure to the penny, for the sample and for generated plans (one of them 120 months long).

use crate::common::{cli, sample_value, text, SAMPLE};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::forecast::{forecast, Forecast};
use mutual_plan::model::plan::Plan;
use mutual_plan::model::plan_file::plan_from_value;
use mutual_plan::show::forecast_report::{income_and_expenditure, SHEET_ROWS};
use mutual_plan::workbook::workbook;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

/// One sheet as LibreOffice wrote it: rows of cells.
struct Sheet(Vec<Vec<String>>);

impl Sheet {
    /// The row whose column `col` reads `label`.
    fn row(&self, col: usize, label: &str) -> &[String] {
        self.0
            .iter()
            .find(|r| r.get(col).is_some_and(|c| c == label))
            .unwrap_or_else(|| panic!("no row {label:?}"))
    }
}

/// A recalculated number, to the penny.
fn pennies(cell: &str) -> Decimal {
    let d = if cell.contains(['E', 'e']) {
        Decimal::from_scientific(cell)
    } else {
        Decimal::from_str(cell)
    }
    .unwrap_or_else(|e| panic!("{cell:?} is not a number: {e}"));
    d.round_dp(2)
}

/// Recalculates the workbooks with LibreOffice and reads each one's sheets, by name.
fn recalculated(files: &[PathBuf], dir: &Path) -> Vec<HashMap<String, Sheet>> {
    // A profile of its own, with LibreOffice's default settings, which do not recalculate an
    // Excel file on loading: the formulas must compute because they have no stored result.
    let profile = dir.join("profile");
    let out = dir.join("csv");
    // Comma-separated, quoted, UTF-8, values as stored (not as shown), every sheet to its own file.
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1";
    let run = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(&out)
        .args(files)
        .output()
        .unwrap_or_else(|_| {
            panic!("soffice is needed (libreoffice-calc-nogui): run the README test command")
        });
    assert!(run.status.success(), "{}", text(&run.stderr));
    files
        .iter()
        .map(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
            ["Summary", "Inputs", "Monthly", "Yearly", "Scenarios"]
                .iter()
                .map(|name| {
                    let path = out.join(format!("{stem}-{name}.csv"));
                    let mut reader = csv::ReaderBuilder::new()
                        .has_headers(false)
                        .flexible(true)
                        .from_path(&path)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    let rows = reader
                        .records()
                        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                        .collect();
                    (name.to_string(), Sheet(rows))
                })
                .collect()
        })
        .collect()
}

/// Every figure of the recalculated workbook against the core's.
fn compare(name: &str, f: &Forecast, sheets: &HashMap<String, Sheet>) {
    let monthly = &sheets["Monthly"];
    let n = f.months.len();
    let cells =
        |row: &[String]| -> Vec<Decimal> { row[2..2 + n].iter().map(|c| pennies(c)).collect() };
    // The cash lines, by key, each month.
    let mut keys: Vec<String> = Vec::new();
    for m in &f.months {
        for (k, _) in &m.lines {
            let k = k.to_string();
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    for key in &keys {
        let got = cells(monthly.row(0, key));
        for (i, m) in f.months.iter().enumerate() {
            let want = m
                .lines
                .iter()
                .find(|(k, _)| k.to_string() == *key)
                .map_or(Decimal::ZERO, |(_, v)| *v);
            assert_eq!(got[i], want, "{name}: Monthly {key}, {}", m.month);
        }
    }
    for (label, want) in [
        (
            "Receipts",
            f.months.iter().map(|m| m.receipts).collect::<Vec<_>>(),
        ),
        ("Payments", f.months.iter().map(|m| m.payments).collect()),
        ("Net cash flow", f.months.iter().map(|m| m.net()).collect()),
        ("Opening cash", f.months.iter().map(|m| m.opening).collect()),
        ("Closing cash", f.months.iter().map(|m| m.closing).collect()),
    ] {
        assert_eq!(
            cells(monthly.row(1, label)),
            want,
            "{name}: Monthly {label}"
        );
    }
    // Expenditure as incurred, by kind, each month.
    for (key, months) in &f.expenditure_by_month {
        if months.iter().all(|v| v.is_zero()) {
            continue;
        }
        assert_eq!(
            &cells(monthly.row(0, &format!("incurred:{key}"))),
            months,
            "{name}: Monthly {key} as incurred"
        );
    }

    let yearly = &sheets["Yearly"];
    let years = f.years.len();
    let cells =
        |row: &[String]| -> Vec<Decimal> { row[1..1 + years].iter().map(|c| pennies(c)).collect() };
    for r in income_and_expenditure(&f.years) {
        assert_eq!(
            cells(yearly.row(0, &r.label)),
            r.values,
            "{name}: Yearly {}",
            r.label
        );
    }
    // "Corporation tax" is in both the account and the balance sheet: the sheet's is the second.
    let sheet_rows: Vec<&Vec<String>> = yearly.0.iter().collect();
    let start = sheet_rows
        .iter()
        .position(|r| r[0] == "Balance sheet at the year end")
        .unwrap();
    for r in SHEET_ROWS.iter() {
        let Some(value) = r.value else { continue };
        let row = sheet_rows[start..]
            .iter()
            .find(|row| row[0] == r.label)
            .unwrap_or_else(|| panic!("no balance-sheet row {}", r.label));
        let want: Vec<Decimal> = f.years.iter().map(|y| value(&y.balance_sheet)).collect();
        assert_eq!(cells(row), want, "{name}: balance sheet {}", r.label);
    }
    assert!(
        cells(yearly.row(
            0,
            "Net assets less total funds (nil when the balance sheet balances)"
        ))
        .iter()
        .all(|d| d.is_zero()),
        "{name}: the balance sheet does not balance"
    );
    let closing: Vec<Decimal> = f.years.iter().map(|y| y.closing_cash).collect();
    let cash = sheet_rows
        .iter()
        .rposition(|r| r[0] == "Closing cash")
        .unwrap();
    assert_eq!(
        cells(sheet_rows[cash]),
        closing,
        "{name}: closing cash by year"
    );
}

/// The sample varied in every way a formula of the workbook depends on.
fn generated() -> impl Strategy<Value = Value> {
    let indexation = proptest::sample::select(vec!["0", "1.5", "2.25", "3.1"]);
    let change = proptest::sample::select(vec!["-5", "0", "2.5"]);
    let growth = proptest::sample::select(vec!["0", "2.5", "4", "3.75"]);
    (
        (
            proptest::sample::select(vec![24u32, 36, 60, 120]),
            70u32..=140,
            indexation,
            change,
            any_bool(),
            0u32..=100,
            30u32..=100,
            proptest::sample::select(vec![0u32, 14, 30, 45, 60, 90]),
        ),
        (
            0u32..=600,
            1u32..=12,
            growth,
            any_bool(),
            any_bool(),
            any_bool(),
            0u64..=800_000,
            1u32..=200,
        ),
    )
        .prop_map(
            |(
                (months, value, index, change, renewed, share, achieved, terms),
                (award, award_month, growth, annual, vat, facility, opening, fte_tenths),
            )| {
                let mut p = sample_value();
                let f = &mut p["forecast"];
                f["months"] = json!(months);
                f["opening_cash"] = json!(format!("{opening}.00"));
                for c in f["contracts"].as_array_mut().unwrap() {
                    let v = Decimal::from_str(c["annual_value"].as_str().unwrap()).unwrap()
                        * Decimal::from(value)
                        / Decimal::ONE_HUNDRED;
                    c["annual_value"] = json!(format!("{:.2}", v.round_dp(2)));
                    c["indexation_percent"] = json!(index);
                    c["payment_terms_days"] = json!(terms);
                    c["renewal"]["assumption"] = json!(if renewed { "renewed" } else { "ends" });
                    c["renewal"]["value_change_percent"] = json!(change);
                    if vat {
                        c["vat"] = json!("standard");
                    }
                }
                let first = &mut f["contracts"][0];
                if share == 0 {
                    first["pbr"] = Value::Null;
                } else {
                    first["pbr"]["share_percent"] = json!(share.min(50).to_string());
                    first["pbr"]["achievement_percent"] = json!(achieved.to_string());
                }
                f["settings"]["pay_award_percent"] =
                    json!(Decimal::new(i64::from(award), 2).to_string());
                f["settings"]["pay_award_month"] = json!(award_month);
                f["settings"]["vat_registered"] = json!(vat);
                f["income"][0]["growth_percent"] = json!(growth);
                f["income"][0]["frequency"] = json!(if annual { "annual" } else { "monthly" });
                f["staff"][2]["fte"] = json!(Decimal::new(i64::from(fte_tenths), 1).to_string());
                f["staff"][3]["end"] = json!("2029-06");
                f["costs"][0]["inflation_percent"] = json!(growth);
                // A capital purchase, depreciated over three years.
                let mut capital = f["costs"][1].clone();
                capital["id"] = json!("vehicles");
                capital["name"] = json!("Two vehicles");
                capital["category"] = json!("it");
                capital["frequency"] = json!("capital");
                capital["amount"] = json!("48000.00");
                capital["start"] = json!("2027-09");
                capital["useful_life_months"] = json!(36);
                f["costs"].as_array_mut().unwrap().push(capital);
                if !facility {
                    f["facilities"] = json!([]);
                }
                p
            },
        )
}

fn any_bool() -> impl Strategy<Value = bool> {
    proptest::bool::ANY
}

/// The sample through the CLI, the sample over ten years, and generated plans: every figure of
/// each recalculated workbook equals the core's to the penny.
#[test]
#[cfg_attr(
    windows,
    ignore = "recalculates the workbook with LibreOffice, a Linux program here: see docs/windows.md"
)]
fn the_exported_workbook_recomputes_the_forecast_to_the_penny() {
    let dir = tempfile::tempdir().unwrap();
    let mut plans: Vec<(String, Plan)> = Vec::new();

    let sample = plan_from_value(&sample_value()).unwrap();
    let out = dir.path().join("sample.xlsx");
    let run = cli(&["export", SAMPLE, "-o", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    plans.push(("sample".into(), sample.clone()));

    let mut ten_years = sample_value();
    ten_years["forecast"]["months"] = json!(120);
    plans.push(("ten-years".into(), plan_from_value(&ten_years).unwrap()));

    let mut runner = TestRunner::deterministic();
    let strategy = generated();
    for i in 0..10 {
        let value = strategy.new_tree(&mut runner).unwrap().current();
        plans.push((format!("generated-{i}"), plan_from_value(&value).unwrap()));
    }
    let mut files = vec![out];
    for (name, plan) in &plans[1..] {
        let bytes = workbook(plan, &analyse(plan, &Criteria::bundled())).unwrap();
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    // The sample again, as the window exports a plan with unsaved changes.
    let unsaved = dir.path().join("unsaved.xlsx");
    let options = mutual_plan::workbook::ExportOptions { unsaved: true };
    let bytes = mutual_plan::workbook::workbook_with(
        &sample,
        &analyse(&sample, &Criteria::bundled()),
        &options,
    )
    .unwrap();
    std::fs::write(&unsaved, bytes).unwrap();
    files.push(unsaved);
    let mut sheets = recalculated(&files, dir.path());

    // The Summary ties the workbook to the file, or says it matches none.
    let summary = |s: &HashMap<String, Sheet>| -> String {
        s["Summary"]
            .0
            .iter()
            .map(|r| r.join(" | "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let print = mutual_plan::model::plan_file::fingerprint(&sample);
    let saved = summary(&sheets[0]);
    assert!(
        saved.contains(&format!(
            "Exported from the plan file with this fingerprint ({print})"
        )),
        "{saved}"
    );
    assert!(
        saved.contains("Fingerprint | ") && saved.contains("14 of 20"),
        "{saved}"
    );
    let marked = summary(&sheets.pop().unwrap());
    assert!(marked.contains("Unsaved changes: exported from the plan as it was being edited, which matches no saved file"), "{marked}");
    assert!(!marked.contains("Exported from the plan file"), "{marked}");
    assert!(plans.iter().any(|(_, p)| p.forecast.months == 120));
    for ((name, plan), sheets) in plans.iter().zip(&sheets) {
        let f = forecast(plan).unwrap();
        compare(name, &f, sheets);
    }
}

/// A workbook that cannot be written says where and why, exits 2 and leaves nothing behind.
#[test]
fn an_export_to_a_folder_that_is_gone_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gone").join("plan.xlsx");
    let run = cli(&["export", SAMPLE, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    let err = text(&run.stderr);
    assert!(
        err.contains("plan.xlsx") && err.contains("no longer there"),
        "{err}"
    );
    assert!(!out.exists());
}

/// The same plan gives the same workbook, byte for byte, whenever it is exported.
#[test]
fn the_same_plan_gives_the_same_workbook() {
    let plan = plan_from_value(&sample_value()).unwrap();
    let analysis = analyse(&plan, &Criteria::bundled());
    let first = workbook(&plan, &analysis).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(first, workbook(&plan, &analysis).unwrap());
}
