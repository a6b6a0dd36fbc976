//! Importing a staff list or a budget: the table found under a title, each column's field
//! guessed, each cell read as a typed field reads it, ids made from names that collide with none,
//! and a file that is not a spreadsheet, is encrypted or is too large refused with nothing changed.

use crate::common::{cli, sample, text, SAMPLE};
use mutual_plan::import::{guess_mapping, mapping_from, preview, read_table, ImportError, Target};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

const STAFF_CSV: &str = "Riverside staff list 2027\n\nJob title,WTE,Salary,Start date,Pension,Notes\nPhysiotherapist,1,\"£24,500\",01/04/2027,NHS,\nAdministrators,0.8,19000,April 2027,LGPS,part time\n\n,,,,,\nPhysiotherapist,2,\"£26,000.50\",2027-05,none,\n";

#[test]
fn a_staff_list_under_a_title_is_read_guessed_and_previewed_cell_by_cell() {
    let table = read_table(STAFF_CSV.as_bytes(), "staff.csv", None).unwrap();
    assert_eq!(table.heading_row, 3);
    assert_eq!(
        table.rows.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        vec![4, 5, 8],
        "blank rows are skipped and rows keep their numbers"
    );
    let mapping = guess_mapping(Target::Staff, &table.headings);
    assert_eq!(
        mapping,
        vec![
            Some("role"),
            Some("fte"),
            Some("annual_salary"),
            Some("start"),
            Some("pension.scheme"),
            None
        ]
    );
    let plan = sample();
    let p = preview(&plan, Target::Staff, &table, &mapping);
    assert_eq!(p.refused, 0);
    // Ids from names, never one the plan or an earlier row has ("admin" is the sample's).
    let ids: Vec<&str> = p.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["physiotherapist", "administrators", "physiotherapist-2"]
    );
    let first = &p.rows[0];
    let shown: Vec<Option<&str>> = first.cells.iter().map(|c| c.shown.as_deref()).collect();
    assert_eq!(
        shown,
        [
            Some("Physiotherapist"),
            Some("1"),
            Some("£24,500.00"),
            Some("April 2027"),
            Some("NHS Pension Scheme")
        ]
    );
    assert_eq!(first.item["annual_salary"], "24500.00");
    assert_eq!(first.item["start"], "2027-04");
    assert_eq!(p.rows[1].item["pension"]["scheme"], "lgps");
    assert_eq!(p.rows[2].item["annual_salary"], "26000.50");
    assert_eq!(p.rows[2].item["pension"]["scheme"], "none");
}

#[test]
fn a_refused_cell_carries_the_typed_fields_message_and_nothing_is_applied() {
    let csv = "Role,FTE,Salary\nNurse,1,lots\nNurse,1.5,30000\n";
    let table = read_table(csv.as_bytes(), "s.csv", None).unwrap();
    let plan = sample();
    let mapping = guess_mapping(Target::Staff, &table.headings);
    let p = preview(&plan, Target::Staff, &table, &mapping);
    assert_eq!(p.refused, 1);
    let cell = p.rows[0]
        .cells
        .iter()
        .find(|c| c.field == "annual_salary")
        .unwrap();
    assert_eq!(
        cell.error.as_deref(),
        Some(
            mutual_plan::words::input::read_typed(
                mutual_plan::words::input::InputKind::Money,
                "lots"
            )
            .unwrap_err()
            .as_str()
        )
    );
    let value = serde_json::to_value(&plan).unwrap();
    assert!(mutual_plan::import::apply(&value, &p).is_none());
}

#[test]
fn a_budget_workbook_with_a_merged_title_formulas_and_dates_imports_its_values() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Budget 2027-28").unwrap();
    ws.merge_range(0, 0, 0, 4, "Cost centre 4410: budget", &Format::new())
        .unwrap();
    for (c, h) in ["Description", "Category", "Budget", "Frequency", "Start"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let rows: [(&str, &str, &str, &str); 3] = [
        ("Clinic rent", "Rent", "=2500*12", "annual"),
        ("Laptops", "IT", "=4*950", "one-off"),
        ("Legal advice", "Professional fees", "=1200", "monthly"),
    ];
    for (i, (name, cat, amount, freq)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *name).unwrap();
        ws.write_string(r, 1, *cat).unwrap();
        // The cached result a spreadsheet program would have stored.
        let result = match *amount {
            "=2500*12" => "30000",
            "=4*950" => "3800",
            _ => "1200",
        };
        ws.write_formula(r, 2, Formula::new(*amount).set_result(result))
            .unwrap();
        ws.write_string(r, 3, *freq).unwrap();
        ws.write_datetime_with_format(r, 4, ExcelDateTime::from_ymd(2027, 6, 1).unwrap(), &date)
            .unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();

    let table = read_table(&bytes, "budget.xlsx", None).unwrap();
    assert_eq!(table.sheet.as_deref(), Some("Budget 2027-28"));
    assert_eq!(table.heading_row, 3);
    let mapping = guess_mapping(Target::Costs, &table.headings);
    assert_eq!(
        mapping,
        vec![
            Some("name"),
            Some("category"),
            Some("amount"),
            Some("frequency"),
            Some("start")
        ]
    );
    let p = preview(&sample(), Target::Costs, &table, &mapping);
    assert_eq!(p.refused, 0, "{:?}", p.rows);
    let items: Vec<(&str, &str, &str, &str, &str)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.item["name"].as_str().unwrap(),
                r.item["category"].as_str().unwrap(),
                r.item["amount"].as_str().unwrap(),
                r.item["frequency"].as_str().unwrap(),
                r.item["start"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("Clinic rent", "premises", "30000.00", "annual", "2027-06"),
            ("Laptops", "it", "3800.00", "one_off", "2027-06"),
            (
                "Legal advice",
                "professional_fees",
                "1200.00",
                "monthly",
                "2027-06"
            ),
        ]
    );
    // A sheet that is not there is named with those that are.
    assert_eq!(
        read_table(&bytes, "budget.xlsx", Some("Staff")).unwrap_err(),
        ImportError::NoSuchSheet {
            name: "Staff".into(),
            sheets: "Budget 2027-28".into()
        }
    );
}

#[test]
fn what_is_not_a_spreadsheet_is_encrypted_or_too_large_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert!(matches!(
        read_table(png, "budget.xlsx", None),
        Err(ImportError::NotASpreadsheet(_))
    ));
    assert!(matches!(
        read_table(png, "budget.csv", None),
        Err(ImportError::NotASpreadsheet(_))
    ));
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend([0u8; 64]);
    assert!(matches!(
        read_table(&zip, "budget.xlsx", None),
        Err(ImportError::NotASpreadsheet(_))
    ));
    // A password-protected .xlsx: a compound file holding the encrypted package.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend([0u8; 56]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        read_table(&encrypted, "budget.xlsx", None).unwrap_err(),
        ImportError::Encrypted
    );
    // An older .xls workbook, a compound file without an encrypted package, is named as such.
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.extend([0u8; 120]);
    assert_eq!(
        read_table(&xls, "budget.xls", None).unwrap_err().to_string(),
        "the file is not a spreadsheet Mutual Plan can read (it is an older Excel workbook (.xls)); save it as .xlsx or .csv"
    );
    let big = vec![b'a'; 10_000_001];
    assert_eq!(
        read_table(&big, "big.csv", None).unwrap_err(),
        ImportError::TooLarge { size: 10_000_001 }
    );
    assert_eq!(
        read_table(b"\n\n", "empty.csv", None).unwrap_err(),
        ImportError::Empty
    );
    // Excel's "CSV (Comma delimited)" on Windows writes £ as one byte.
    let ansi = b"Cost,Amount\nRent,\xa3900\n";
    let table = read_table(ansi, "b.csv", None).unwrap();
    assert_eq!(table.rows[0].1[1], "£900");
}

#[test]
fn a_mapping_can_be_changed_column_by_column() {
    let table = read_table(STAFF_CSV.as_bytes(), "staff.csv", None).unwrap();
    let pairs = [
        ("Notes".to_string(), "role".to_string()),
        ("Pension".to_string(), String::new()),
    ];
    let mapping = mapping_from(Target::Staff, &table, &pairs).unwrap();
    assert_eq!(mapping[5], Some("role"));
    assert_eq!(mapping[0], None, "a field goes to one column");
    assert_eq!(mapping[4], None);
    assert_eq!(
        mapping_from(Target::Staff, &table, &[("Grade".into(), "role".into())]).unwrap_err(),
        ImportError::NoSuchColumn("Grade".into())
    );
    assert!(matches!(
        mapping_from(Target::Staff, &table, &[("Notes".into(), "grade".into())]).unwrap_err(),
        ImportError::NoSuchField { .. }
    ));
}

#[test]
fn the_cli_imports_only_when_every_cell_is_read_and_counts_the_revision_up() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.mutualplan");
    std::fs::copy(SAMPLE, &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let list = dir.path().join("staff.csv");

    std::fs::write(&list, "Role,FTE,Salary\nNurse,1,lots\n").unwrap();
    let run = cli(&[
        "import",
        "staff",
        plan.to_str().unwrap(),
        list.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let said = text(&run.stdout);
    assert!(
        said.contains("row 2 (nurse): Role Nurse; FTE 1; Salary (a year): REFUSED"),
        "{said}"
    );
    assert!(text(&run.stderr).contains("1 cell refused; nothing was imported"));
    assert_eq!(std::fs::read(&plan).unwrap(), before);

    std::fs::write(&list, "Role,FTE,Salary\nNurse,1,\"£31,000\"\n").unwrap();
    let args = [
        "import",
        "staff",
        plan.to_str().unwrap(),
        list.to_str().unwrap(),
    ];
    let dry = cli(&[&args[..], &["--dry-run"]].concat());
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let run = cli(&args);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let after = mutual_plan::storage::load(&plan).unwrap().plan;
    let nurse = after.forecast.staff.last().unwrap();
    assert_eq!((nurse.id.as_str(), nurse.role.as_str()), ("nurse", "Nurse"));
    assert_eq!(nurse.annual_salary.get().to_string(), "31000.00");
    assert_eq!(after.revision, sample().revision + 1);
    assert_eq!(
        after.forecast.staff.len(),
        sample().forecast.staff.len() + 1
    );
}
