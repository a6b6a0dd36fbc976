//! Spreadsheets (docs/spreadsheets.md): how long the Excel export takes and how large the
//! workbook is, for the sample and the 120-month stress plan (300 staff lines), goal: the stress
//! plan in under 300 ms, the analysis (forecast, scenarios, checks) made once beforehand as the
//! window has it; and how long a 1,000-row staff list takes from its bytes to the preview, as
//! .csv and as .xlsx, goal: under 200 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::import::{guess_mapping, preview, read_table, Target};
use mutual_plan::model::samples;
use mutual_plan::workbook::workbook;
use std::hint::black_box;

/// A staff list of `n` rows under a title, as HR might send it.
fn staff_csv(n: usize) -> String {
    let mut s = String::from("Staff list\n\nJob title,WTE,Salary,Start date,Pension scheme\n");
    for i in 0..n {
        s.push_str(&format!(
            "Therapist {i},{},\"£{},{:03}\",01/04/2027,{}\n",
            if i % 3 == 0 { "0.8" } else { "1" },
            24 + i % 20,
            (i * 37) % 1000,
            if i % 4 == 0 { "LGPS" } else { "NHS" }
        ));
    }
    s
}

/// The same list as a workbook.
fn staff_xlsx(csv: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            ws.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn bench(c: &mut Criterion) {
    for (name, plan) in [
        ("sample", samples::riverside().unwrap()),
        ("stress (120 months)", samples::stress_plan().unwrap()),
    ] {
        let analysis = analyse(&plan, &Criteria::bundled());
        let bytes = workbook(&plan, &analysis).unwrap();
        eprintln!("workbook of the {name}: {} bytes", bytes.len());
        c.bench_function(&format!("export to a workbook: {name}"), |b| {
            b.iter(|| workbook(black_box(&plan), black_box(&analysis)).unwrap())
        });
    }
    let plan = samples::riverside().unwrap();
    let csv = staff_csv(1000);
    let xlsx = staff_xlsx(&csv);
    for (name, bytes, file) in [
        ("csv", csv.as_bytes().to_vec(), "staff.csv"),
        ("xlsx", xlsx, "staff.xlsx"),
    ] {
        let table = read_table(&bytes, file, None).unwrap();
        let p = preview(
            &plan,
            Target::Staff,
            &table,
            &guess_mapping(Target::Staff, &table.headings),
        );
        assert_eq!((p.rows.len(), p.refused), (1000, 0));
        c.bench_function(
            &format!("a 1,000-row staff list to its preview: {name}"),
            |b| {
                b.iter(|| {
                    let table = read_table(black_box(&bytes), file, None).unwrap();
                    let mapping = guess_mapping(Target::Staff, &table.headings);
                    preview(&plan, Target::Staff, &table, &mapping)
                })
            },
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
