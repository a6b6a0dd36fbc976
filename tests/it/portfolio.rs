//! `mutual-plan portfolio`: a folder of generated plans with known figures, a truncated file, a
//! file from a newer version, a plan open for editing, two versions of one plan and a symbolic
//! link that must not be followed, run through the CLI as a mentor runs it.

use crate::common;
use mutual_plan::words::format;

use common::{analysed, cli, sample, text};
use mutual_plan::checks::verdict::Eligible;
use mutual_plan::checks::verdict::Severity;
use mutual_plan::model::plan::Plan;
use mutual_plan::model::plan_file::{fingerprint, write_plan};
use mutual_plan::model::values::{Money, Timestamp};
use mutual_plan::words::money;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The shared plan id of the two versions in `sub/`.
const VERSIONED_ID: &str = "00000000000000000000000000000077";
/// A title with a comma, quotes and an apostrophe, which CSV must quote.
const AWKWARD_TITLE: &str = "Alpha, \"the first\" plan's draft";

/// The sample with another id, title, opening cash and revision, its mentor's sign-off moved to
/// this version. Without the sample's overdraft, which would hold every plan's lowest cash at
/// £0.00 or at the same shortfall beyond it, so that each plan's lowest cash follows its opening
/// cash and a plan that starts with little cash goes below zero.
fn plan(id: &str, title: &str, opening_cash: &str, revision: u32) -> Plan {
    let mut p = sample();
    p.id = id.parse().unwrap();
    p.title = title.into();
    p.forecast.facilities.clear();
    p.forecast.opening_cash = opening_cash.parse::<Money>().unwrap();
    p.revision = revision;
    let fp = fingerprint(&p);
    for s in &mut p.review.signoffs {
        s.fingerprint = fp.clone();
    }
    p
}

/// A folder of plans, and the readable ones by file name (relative to the folder).
struct Fixture {
    dir: tempfile::TempDir,
    /// Outside the folder: reached only through the symbolic link `linked`.
    _outside: tempfile::TempDir,
    plans: BTreeMap<String, Plan>,
}

impl Fixture {
    fn root(&self) -> &Path {
        self.dir.path()
    }
    fn arg(&self) -> &str {
        self.root().to_str().unwrap()
    }
    fn path(&self, name: &str) -> PathBuf {
        self.root().join(name)
    }
}

fn write(path: &Path, p: &Plan) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, write_plan(p)).unwrap();
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let mut plans = BTreeMap::new();
    let mut add = |name: &str, p: Plan| {
        write(&dir.path().join(name), &p);
        plans.insert(name.to_owned(), p);
    };
    add(
        "alpha.mutualplan",
        plan(
            "00000000000000000000000000000001",
            AWKWARD_TITLE,
            "1000000.00",
            3,
        ),
    );
    add(
        "bravo.mutualplan",
        plan("00000000000000000000000000000002", "Bravo", "0.00", 3),
    );
    let mut charlie = plan("00000000000000000000000000000003", "Charlie", "50000.00", 3);
    charlie.organisation.name = "Charlie Care\nTwo lines CIC".into();
    charlie.review.signoffs[0].fingerprint = "0123456789ab".into();
    add("charlie.mutualplan", charlie);
    let mut delta = plan("00000000000000000000000000000004", "Delta", "200000.00", 3);
    delta.review.signoffs.clear();
    delta.saved_at = "2026-11-27T09:00:00Z".parse().unwrap();
    for s in delta.narrative.sections.iter_mut().take(4) {
        s.text.clear();
    }
    add("delta.mutualplan", delta);
    add(
        "locked.mutualplan",
        plan(
            "00000000000000000000000000000005",
            "Echo (open)",
            "120000.00",
            3,
        ),
    );
    add(
        "sub/older.mutualplan",
        plan(VERSIONED_ID, "Foxtrot", "80000.00", 4),
    );
    add(
        "sub/newer.mutualplan",
        plan(VERSIONED_ID, "Foxtrot", "90000.00", 5),
    );

    // Someone has `locked.mutualplan` open for editing on another computer, since an hour ago.
    let since = Timestamp::from_unix(Timestamp::now().unix() - 3600).unwrap();
    fs::write(
        dir.path().join(".~lock.locked.mutualplan#"),
        format!(r#"{{"user":"tom","machine":"laptop-7","pid":4242,"since":"{since}"}}"#),
    )
    .unwrap();

    // A plan cut off half way through a copy.
    let whole = write_plan(&plan("00000000000000000000000000000009", "Cut", "0.00", 1));
    fs::write(
        dir.path().join("truncated.mutualplan"),
        &whole[..whole.len() / 2],
    )
    .unwrap();

    // A plan from a newer Mutual Plan.
    let mut newer: Value = serde_json::from_str(&write_plan(&plan(
        "00000000000000000000000000000008",
        "From the future",
        "0.00",
        1,
    )))
    .unwrap();
    newer["schema_version"] = 4.into();
    fs::write(
        dir.path().join("future.mutualplan"),
        serde_json::to_string_pretty(&newer).unwrap(),
    )
    .unwrap();

    // Not plans: skipped.
    fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();

    // A folder elsewhere, linked into this one: never followed.
    write(
        &outside.path().join("elsewhere.mutualplan"),
        &plan("00000000000000000000000000000010", "Elsewhere", "0.00", 1),
    );
    common::symlink(outside.path(), &dir.path().join("linked")).unwrap();

    Fixture {
        dir,
        _outside: outside,
        plans,
    }
}

fn run(args: &[&str]) -> Output {
    cli(&[&["portfolio"], args].concat())
}

/// The rows printed as JSON, by file name relative to the folder.
fn json_rows(f: &Fixture) -> (Output, Vec<Value>) {
    let out = run(&[f.arg(), "--format", "json"]);
    let rows: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
    (out, rows.as_array().unwrap().clone())
}

fn name(f: &Fixture, row: &Value) -> String {
    let path = Path::new(row["path"].as_str().unwrap());
    // Spelt with `/` between folders on every system, as the tests write the names.
    let relative = path.strip_prefix(f.root()).unwrap();
    let parts: Vec<_> = relative.iter().map(|p| p.to_string_lossy()).collect();
    parts.join("/")
}

fn by_name(f: &Fixture, rows: &[Value]) -> BTreeMap<String, Value> {
    rows.iter().map(|r| (name(f, r), r.clone())).collect()
}

fn money_text(d: rust_decimal::Decimal) -> String {
    mutual_plan::show::forecast_report::fixed(d, 2)
}

#[test]
fn every_plan_has_a_row_with_the_figures_analyse_computes() {
    let f = fixture();
    let (_, rows) = json_rows(&f);
    let rows = by_name(&f, &rows);
    for (file, p) in &f.plans {
        let row = &rows[file];
        let a = analysed(p);
        let (forecast, _) = a.forecast.as_ref().unwrap();
        let s = &forecast.summary;
        let fp = fingerprint(p);
        assert_eq!(row["error"], Value::Null, "{file}");
        assert_eq!(row["plan_id"], p.id.to_string(), "{file}");
        assert_eq!(row["title"], p.title, "{file}");
        assert_eq!(row["organisation"], p.organisation.name, "{file}");
        assert_eq!(row["legal_form"], "cic_limited_by_shares", "{file}");
        assert_eq!(row["revision"], p.revision, "{file}");
        assert_eq!(row["saved_at"], p.saved_at.to_string(), "{file}");
        assert_eq!(row["saved_by"], p.saved_by, "{file}");
        assert_eq!(row["fingerprint"], fp, "{file}");
        assert_eq!(row["lowest_cash"], money_text(s.lowest_cash), "{file}");
        assert_eq!(
            row["lowest_cash_month"],
            s.lowest_cash_month.to_string(),
            "{file}"
        );
        assert_eq!(row["months_negative"], s.months_negative, "{file}");
        assert_eq!(
            row["peak_funding_need"],
            money_text(s.peak_funding_need),
            "{file}"
        );
        let r = &a.readiness;
        assert_eq!(row["readiness_score"], r.score, "{file}");
        assert_eq!(row["readiness_max_score"], r.max_score, "{file}");
        assert_eq!(row["headline"], serde_json::to_value(r.headline).unwrap());
        let passed = r
            .eligibility
            .iter()
            .filter(|e| e.result == Eligible::Pass)
            .count();
        assert_eq!(row["eligibility_passed"], passed, "{file}");
        assert_eq!(row["eligibility_total"], 5, "{file}");
        let count = |sev| a.findings.iter().filter(|x| x.severity == sev).count();
        assert_eq!(row["rule_errors"], count(Severity::Error), "{file}");
        assert_eq!(row["rule_warnings"], count(Severity::Warning), "{file}");
        let written = p
            .narrative
            .sections
            .iter()
            .filter(|s| !s.text.trim().is_empty())
            .count();
        assert_eq!(row["sections_written"], written, "{file}");
        assert_eq!(row["sections_total"], 13, "{file}");
        match p.review.signoffs.last() {
            None => assert_eq!(row["signoff"], Value::Null, "{file}"),
            Some(so) => {
                assert_eq!(row["signoff"]["by"], so.by, "{file}");
                assert_eq!(row["signoff"]["this_version"], so.fingerprint == fp);
            }
        }
    }
    // The figures differ from plan to plan, so no row was copied from another.
    let lowest: std::collections::BTreeSet<_> = f
        .plans
        .keys()
        .map(|k| rows[k]["lowest_cash"].to_string())
        .collect();
    assert_eq!(lowest.len(), f.plans.len());
    assert_eq!(rows["delta.mutualplan"]["sections_written"], 9);
    assert_eq!(rows["charlie.mutualplan"]["signoff"]["this_version"], false);
    assert_eq!(rows["alpha.mutualplan"]["signoff"]["this_version"], true);
}

#[test]
fn unreadable_files_are_rows_with_their_error_and_the_exit_code_is_2() {
    let f = fixture();
    let (out, rows) = json_rows(&f);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("2 of 9 files could not be read"),
        "{}",
        text(&out.stderr)
    );
    let rows = by_name(&f, &rows);
    assert_eq!(rows.len(), 9, "{:?}", rows.keys());

    let cut = &rows["truncated.mutualplan"];
    assert_eq!(cut["error"]["kind"], "syntax");
    let message = cut["error"]["message"].as_str().unwrap();
    assert!(message.contains("ends too early"), "{message}");
    assert_eq!(cut["title"], Value::Null);
    assert_eq!(cut["lowest_cash"], Value::Null);

    let future = &rows["future.mutualplan"];
    assert_eq!(future["error"]["kind"], "newer_version");
    let message = future["error"]["message"].as_str().unwrap();
    assert!(message.contains("schema version 4"), "{message}");
    // Still named, so a mentor knows which plan it is; but no figures from a format not understood.
    assert_eq!(future["title"], "From the future");
    assert_eq!(future["lowest_cash"], Value::Null);
    assert_eq!(future["fingerprint"], Value::Null);
    assert_eq!(future["readiness_score"], Value::Null);

    // Without the two broken files, every file is read: exit 0.
    fs::remove_file(f.path("truncated.mutualplan")).unwrap();
    fs::remove_file(f.path("future.mutualplan")).unwrap();
    let out = run(&[f.arg()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn a_missing_folder_is_a_row_and_the_others_are_still_read() {
    let f = fixture();
    let missing = f.path("no-such-folder");
    let out = run(&[
        missing.to_str().unwrap(),
        f.path("sub").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["error"]["kind"], "not_found");
    let message = rows[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("there is no folder or file here"),
        "{message}"
    );
    assert!(rows[1..].iter().all(|r| r["error"].is_null()));
}

#[test]
fn a_file_over_the_size_limit_is_a_row_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let big = write_plan(&sample()) + &" ".repeat(10 * 1024 * 1024);
    fs::write(dir.path().join("big.mutualplan"), big).unwrap();
    let out = run(&[dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["error"]["kind"], "too_large");
    let message = rows[0]["error"]["message"].as_str().unwrap();
    assert!(message.contains("at most 10485760 bytes"), "{message}");
}

#[test]
fn versions_of_one_plan_are_marked_newest_first_and_kept_together() {
    let f = fixture();
    for sort in ["readiness", "lowest-cash", "name", "saved"] {
        let out = run(&[f.arg(), "--format", "json", "--sort", sort]);
        let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        let names: Vec<String> = rows.iter().map(|r| name(&f, r)).collect();
        let newer = names.iter().position(|n| n == "sub/newer.mutualplan");
        let older = names.iter().position(|n| n == "sub/older.mutualplan");
        assert_eq!(older, newer.map(|i| i + 1), "{sort}: {names:?}");
        let newer = &rows[newer.unwrap()];
        let older = &rows[older.unwrap()];
        assert_eq!(newer["versions"]["position"], 1);
        assert_eq!(newer["versions"]["count"], 2);
        assert_eq!(older["versions"]["position"], 2);
        assert_eq!(older["versions"]["count"], 2);
        assert_eq!(newer["revision"], 5);
        // Plans with ids of their own are not marked.
        assert!(rows
            .iter()
            .filter(|r| r["plan_id"] != VERSIONED_ID)
            .all(|r| r["versions"].is_null()));
    }
    let table = text(&run(&[f.arg()]).stdout);
    assert!(
        table.contains("newest of 2 versions of this plan"),
        "{table}"
    );
    assert!(
        table.contains("older version (2 of 2, newest first)"),
        "{table}"
    );
}

/// Every file under a folder with its length and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let m = fs::symlink_metadata(entry.path()).unwrap();
        if m.is_dir() {
            out.extend(snapshot(&entry.path()));
        }
        out.insert(entry.path(), (m.len(), m.modified().unwrap()));
    }
    out
}

#[test]
fn a_plan_open_for_editing_is_read_and_its_row_names_who_has_it_open() {
    let f = fixture();
    // File times move in steps of a few milliseconds: let the fixture's own writes settle.
    std::thread::sleep(std::time::Duration::from_millis(50));
    let folder = || fs::metadata(f.root()).unwrap().modified().unwrap();
    let (before, folder_before) = (snapshot(f.root()), folder());
    let lock_text = fs::read(f.path(".~lock.locked.mutualplan#")).unwrap();
    let (_, rows) = json_rows(&f);
    let rows = by_name(&f, &rows);
    let locked = &rows["locked.mutualplan"];
    assert_eq!(locked["error"], Value::Null);
    assert_eq!(locked["title"], "Echo (open)");
    assert_eq!(locked["lock"]["user"], "tom");
    assert_eq!(locked["lock"]["machine"], "laptop-7");
    assert_eq!(locked["lock"]["stale"], false);
    assert!(rows
        .iter()
        .filter(|(n, _)| *n != "locked.mutualplan")
        .all(|(_, r)| r["lock"].is_null()));
    let table = text(&run(&[f.arg()]).stdout);
    assert!(
        table.contains("open for editing by tom on laptop-7 since"),
        "{table}"
    );
    // Nothing written, no lock taken or removed: the folder is exactly as it was.
    assert_eq!(snapshot(f.root()), before);
    assert_eq!(folder(), folder_before);
    assert_eq!(
        fs::read(f.path(".~lock.locked.mutualplan#")).unwrap(),
        lock_text
    );
}

// Wine 8 makes no symbolic link (CreateSymbolicLinkW does nothing and says it succeeded), and
// Windows makes one only for an administrator or in Developer Mode: Linux runs this test.
#[cfg_attr(windows, ignore = "Wine makes no symbolic links: see docs/windows.md")]
#[test]
fn symbolic_links_are_not_followed() {
    let f = fixture();
    let linked = f.path("linked");
    assert!(linked.join("elsewhere.mutualplan").exists());
    // A link to a plan file is not followed either.
    common::symlink(&f.path("bravo.mutualplan"), &f.path("alias.mutualplan")).unwrap();
    let (_, rows) = json_rows(&f);
    let names: Vec<String> = rows.iter().map(|r| name(&f, r)).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("linked") || n == "alias.mutualplan"),
        "{names:?}"
    );
    assert!(rows.iter().all(|r| r["title"] != "Elsewhere"));
    // Named on the command line, the linked folder is read: the user chose it.
    let out = run(&[linked.to_str().unwrap(), "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "Elsewhere");
}

#[test]
fn csv_reads_back_to_the_same_values() {
    let f = fixture();
    let (_, json) = json_rows(&f);
    let out = run(&[f.arg(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, mutual_plan::portfolio::report::CSV_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), json.len());
    // The value a JSON row holds under a CSV column's name, written as CSV writes it.
    let expected = |row: &Value, column: &str| -> String {
        let value = row.get(column).cloned().unwrap_or_else(|| {
            let (outer, inner) = column.split_once('_').unwrap();
            let (outer, inner) = match outer {
                "error" | "signoff" | "lock" | "versions" | "tightest" => (outer, inner),
                _ => unreachable!("{column}"),
            };
            row[outer].get(inner).cloned().unwrap_or(Value::Null)
        });
        match value {
            Value::Null => String::new(),
            Value::String(s) => s,
            other => other.to_string(),
        }
    };
    for (row, record) in json.iter().zip(&records) {
        for (column, got) in headers.iter().zip(record.iter()) {
            assert_eq!(got, expected(row, column), "{column} of {}", row["path"]);
        }
    }
    let alpha = records
        .iter()
        .find(|r| r.get(0).unwrap().ends_with("alpha.mutualplan"))
        .unwrap();
    assert_eq!(&alpha[4], AWKWARD_TITLE);
    let charlie = records
        .iter()
        .find(|r| r.get(0).unwrap().ends_with("charlie.mutualplan"))
        .unwrap();
    assert_eq!(&charlie[5], "Charlie Care\nTwo lines CIC");
    // Plain numbers: a lowest cash below zero is `-184856.60`, not `−£184,857` (bravo starts
    // with no cash: April's £275,086.00 received less £459,942.60 paid).
    let bravo = records
        .iter()
        .find(|r| r.get(0).unwrap().ends_with("bravo.mutualplan"))
        .unwrap();
    assert_eq!(&bravo[11], "-184856.60");
    let lowest: rust_decimal::Decimal = bravo[11].parse().unwrap();
    assert!(lowest < rust_decimal::Decimal::ZERO);
    // One header line, and CRLF line ends as RFC 4180 has them.
    assert!(text(&out.stdout).starts_with("path,error_kind,"));
    assert!(text(&out.stdout).contains(",13,13,"));
    assert!(text(&out.stdout).ends_with("\r\n"));
}

#[test]
fn csv_does_not_let_a_title_become_a_spreadsheet_formula() {
    let dir = tempfile::tempdir().unwrap();
    let p = plan(
        "00000000000000000000000000000011",
        "=HYPERLINK(\"http://example.invalid\",\"open\")",
        "0.00",
        1,
    );
    write(&dir.path().join("formula.mutualplan"), &p);
    let out = run(&[dir.path().to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let record = reader.records().next().unwrap().unwrap();
    assert_eq!(&record[4], format!("'{}", p.title));
}

#[test]
fn the_table_shows_money_months_and_dates_in_words() {
    let f = fixture();
    let out = run(&[f.arg()]);
    let table = text(&out.stdout);
    let bravo = &f.plans["bravo.mutualplan"];
    let a = analysed(bravo);
    let s = &a.forecast.as_ref().unwrap().0.summary;
    let line = table
        .lines()
        .find(|l| l.contains("bravo.mutualplan"))
        .unwrap();
    assert!(line.contains(&money::pounds(s.lowest_cash)), "{line}");
    assert!(money::pounds(s.lowest_cash).starts_with('−'));
    assert!(
        line.contains(&format::month_long(s.lowest_cash_month)),
        "{line}"
    );
    assert!(line.contains(&money::pounds(s.peak_funding_need)), "{line}");
    assert!(
        line.contains(&format::date_long(bravo.saved_at.date())),
        "{line}"
    );
    assert!(line.contains("Community interest company limited by shares"));
    assert!(line.contains("13 of 13"), "{line}");
    assert!(line.contains("Jan Morris (this version)"), "{line}");
    let cut = table
        .lines()
        .find(|l| l.contains("truncated.mutualplan"))
        .unwrap();
    // Its reason in words, without the error's code (which the JSON keeps for programs).
    assert!(
        cut.contains("not read: the file is not valid JSON"),
        "{cut}"
    );
    assert!(!cut.contains("(syntax)"), "{cut}");
    let future = table
        .lines()
        .find(|l| l.contains("future.mutualplan"))
        .unwrap();
    assert!(
        future.contains("not read: this plan was saved with schema version"),
        "{future}"
    );
    assert!(!future.contains("newer_version"), "{future}");
    // The organisation's line break does not break the table: one line per file.
    assert_eq!(
        table.lines().filter(|l| l.contains(".mutualplan")).count(),
        9
    );
    // Aligned: every figure of a column starts at the same place as its heading.
    let heading = table.lines().next().unwrap();
    let col = |s: &str, what: &str| s.find(what).map(|i| s[..i].chars().count());
    let fingerprint_at = col(heading, "Fingerprint").unwrap();
    for p in ["alpha", "bravo", "charlie", "delta"] {
        let plan = &f.plans[&format!("{p}.mutualplan")];
        let l = table
            .lines()
            .find(|l| l.contains(&format!("{p}.mutualplan")))
            .unwrap();
        assert_eq!(col(l, &fingerprint(plan)), Some(fingerprint_at), "{l}");
    }
    assert!(
        table.trim_end().ends_with("9 files, 2 not read."),
        "{table}"
    );
}

#[test]
fn sorting_puts_the_plans_in_trouble_first() {
    let f = fixture();
    let order = |sort: &str| -> Vec<String> {
        let out = run(&[f.arg(), "--format", "json", "--sort", sort]);
        let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        rows.iter().map(|r| name(&f, r)).collect()
    };
    let plans = |names: Vec<String>| -> Vec<String> {
        names
            .into_iter()
            .filter(|n| f.plans.contains_key(n))
            .collect()
    };
    // Unreadable files first, in every order.
    for sort in ["readiness", "lowest-cash", "name", "saved"] {
        let names = order(sort);
        let mut first: Vec<&str> = names[..2].iter().map(String::as_str).collect();
        first.sort();
        assert_eq!(
            first,
            ["future.mutualplan", "truncated.mutualplan"],
            "{sort}"
        );
    }
    // Lowest cash first.
    let by_cash = plans(order("lowest-cash"));
    let lowest = |n: &String| {
        analysed(&f.plans[n])
            .forecast
            .unwrap()
            .0
            .summary
            .lowest_cash
    };
    let newest_of_each: Vec<&String> = by_cash
        .iter()
        .filter(|n| *n != "sub/older.mutualplan")
        .collect();
    assert!(
        newest_of_each
            .windows(2)
            .all(|w| lowest(w[0]) <= lowest(w[1])),
        "{by_cash:?}"
    );
    assert_eq!(by_cash[0], "bravo.mutualplan");
    // By title.
    assert_eq!(
        plans(order("name")),
        [
            "alpha.mutualplan",
            "bravo.mutualplan",
            "charlie.mutualplan",
            "delta.mutualplan",
            "locked.mutualplan",
            "sub/newer.mutualplan",
            "sub/older.mutualplan"
        ]
    );
    // Most recently saved first.
    assert_eq!(plans(order("saved"))[0], "delta.mutualplan");
    // Readiness: lowest score first.
    let by_score = plans(order("readiness"));
    let score = |n: &String| analysed(&f.plans[n]).readiness.score;
    let newest_of_each: Vec<&String> = by_score
        .iter()
        .filter(|n| *n != "sub/older.mutualplan")
        .collect();
    assert!(
        newest_of_each
            .windows(2)
            .all(|w| score(w[0]) <= score(w[1])),
        "{by_score:?}"
    );
}
