//! A spreadsheet's table as text: its headings and its rows, from `.xlsx` or `.csv`.

use super::error::ImportError;
use calamine::{Data, Reader};
use serde::Serialize;
use std::io::Cursor;
use ts_rs::TS;

/// The largest file that is read: 10 MB.
pub const MAX_BYTES: u64 = 10 * 1000 * 1000;

/// A table read from a file: the headings' row and the rows below it with anything in them,
/// every cell as text (a formula's cached value; a date as `2027-04-01`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Table {
    /// The workbook's sheets (none for a CSV file), and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// The row of the headings, from 1 as a spreadsheet numbers it.
    pub heading_row: u32,
    pub headings: Vec<String>,
    /// Each row below the headings that is not blank, with its number from 1.
    pub rows: Vec<(u32, Vec<String>)>,
}

/// Reads a table from a file's bytes; `name` is the file's name, for its extension.
pub fn read_table(bytes: &[u8], name: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_BYTES {
        return Err(ImportError::TooLarge { size });
    }
    let lower = name.to_lowercase();
    let (sheets, chosen, grid) = if bytes.starts_with(b"PK\x03\x04") {
        let mut book = calamine::Xlsx::new(Cursor::new(bytes))
            .map_err(|e| ImportError::NotASpreadsheet(e.to_string()))?;
        workbook_grid(&mut book, sheet)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An encrypted .xlsx is a compound file holding the package encrypted.
        let marker: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(ImportError::Encrypted);
        }
        // The older binary workbook (.xls) is not read: Excel saves it as .xlsx in one step.
        return Err(ImportError::NotASpreadsheet(
            "it is an older Excel workbook (.xls)".into(),
        ));
    } else if lower.ends_with(".xlsx") || lower.ends_with(".xls") || lower.ends_with(".ods") {
        return Err(ImportError::NotASpreadsheet(
            "it is named as a workbook but is not one".into(),
        ));
    } else {
        (Vec::new(), None, csv_grid(bytes)?)
    };
    table(sheets, chosen, grid)
}

/// A workbook's sheet names, the one read, and its cells as text.
type Sheet = (Vec<String>, Option<String>, Vec<Vec<String>>);

/// The cells of a workbook's sheet (`sheet`, or the first) as text.
fn workbook_grid<RS, R>(book: &mut R, sheet: Option<&str>) -> Result<Sheet, ImportError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let sheets = book.sheet_names();
    let name = match sheet {
        Some(s) => sheets
            .iter()
            .find(|n| n.eq_ignore_ascii_case(s.trim()))
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                name: s.to_owned(),
                sheets: sheets.join(", "),
            })?,
        None => sheets.first().cloned().ok_or(ImportError::Empty)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| ImportError::NotASpreadsheet(e.to_string()))?;
    // Rows and columns from the sheet's first cell (A1), so row numbers match the sheet's.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); left as usize];
        cells.extend(row.iter().map(cell_text));
        grid.push(cells);
    }
    Ok((sheets.clone(), Some(name), grid))
}

/// A cell as text: numbers without float noise, dates as `2027-04-01`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Data::DateTime(dt) => serial_date(dt.as_f64()),
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e}"),
    }
}

/// A number as typed: at most ten decimals, no trailing zeros (`24500`, `0.8`).
#[allow(clippy::float_arithmetic)]
fn number_text(f: f64) -> String {
    let s = format!("{f:.10}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_owned()
    }
}

/// An Excel date serial (days from 30 December 1899) as `2027-04-01`.
#[allow(clippy::float_arithmetic)]
fn serial_date(serial: f64) -> String {
    // 25,569 days from the serial's start to 1 January 1970.
    crate::model::values::Date::from_days_since_epoch(serial.floor() as i64 - 25_569)
        .map_or_else(|| number_text(serial), |d| d.to_string())
}

/// The rows of a CSV file: UTF-8 (with or without its mark) or, failing that, Windows' Western
/// code page, as Excel saves "CSV (Comma delimited)"; comma, semicolon or tab between cells.
fn csv_grid(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    if bytes.contains(&0) {
        return Err(ImportError::NotASpreadsheet(
            "it holds binary data, not text".into(),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    // The separator most used in the first lines (a title line may have none); a comma on a tie.
    let head: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    let used = |d: u8| {
        head.iter()
            .map(|l| l.bytes().filter(|b| *b == d).count())
            .sum::<usize>()
    };
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| used(*d))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // The reader skips blank lines: each record goes at its own line, so rows keep the numbers
    // a spreadsheet program shows them with.
    let mut grid: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::NotASpreadsheet(e.to_string()))?;
        // The line a record starts on: its offset is where reading began, before any blank
        // lines it skipped.
        let line = record.position().map_or(grid.len(), |p| {
            let bytes = text.as_bytes();
            let mut at = usize::try_from(p.byte()).unwrap_or(0).min(bytes.len());
            while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
                at += 1;
            }
            bytes[..at].iter().filter(|b| **b == b'\n').count()
        });
        grid.resize(line.max(grid.len()), Vec::new());
        grid.push(record.iter().map(str::to_owned).collect());
    }
    Ok(grid)
}

/// A byte of Windows-1252 as a character.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => char::from(b),
    }
}

/// The headings' row and the rows below it: the headings are the first row with two or more
/// cells filled (a title above them fills one, merged or not), or else the first row with any.
fn table(
    sheets: Vec<String>,
    sheet: Option<String>,
    grid: Vec<Vec<String>>,
) -> Result<Table, ImportError> {
    let filled = |r: &Vec<String>| r.iter().filter(|c| !c.trim().is_empty()).count();
    let heading = grid
        .iter()
        .position(|r| filled(r) >= 2)
        .or_else(|| grid.iter().position(|r| filled(r) >= 1))
        .ok_or(ImportError::Empty)?;
    let headings: Vec<String> = grid[heading].iter().map(|h| h.trim().to_owned()).collect();
    let rows: Vec<(u32, Vec<String>)> = grid
        .iter()
        .enumerate()
        .skip(heading + 1)
        .filter(|(_, r)| filled(r) > 0)
        .map(|(i, r)| (i as u32 + 1, r.clone()))
        .collect();
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Table {
        sheets,
        sheet,
        heading_row: heading as u32 + 1,
        headings,
        rows,
    })
}
