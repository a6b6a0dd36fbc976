//! The workbook's sheet names, cell addresses and formats.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder};

use crate::model::values::Month;

pub const SUMMARY: &str = "Summary";
pub const INPUTS: &str = "Inputs";
/// The sheet of every forecast line by month.
pub const MONTHLY: &str = "Monthly";
/// The sheet of the income and expenditure account, balance sheet and cash by year.
pub const YEARLY: &str = "Yearly";
pub const SCENARIOS: &str = "Scenarios";

/// A column's letters: 0 is `A`, 26 is `AA`.
pub fn column(mut c: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell's address on this sheet, relative: `C5` (rows and columns from 0).
pub fn at(row: u32, col: u16) -> String {
    format!("{}{}", column(col), row + 1)
}

/// A cell's address fixed in row and column: `$C$5`.
pub fn fixed(row: u32, col: u16) -> String {
    format!("${}${}", column(col), row + 1)
}

/// A cell on another sheet, fixed: `Inputs!$C$5`.
pub fn on(sheet: &str, row: u32, col: u16) -> String {
    format!("{sheet}!{}", fixed(row, col))
}

/// A range of one row on another sheet: `Monthly!C12:N12`.
pub fn row_range(sheet: &str, row: u32, first: u16, last: u16) -> String {
    format!("{sheet}!{}:{}", at(row, first), at(row, last))
}

/// A number as the workbook stores it. Every amount the core gives is a decimal of at most a few
/// places, which a double holds to within a millionth of a penny.
pub fn number(d: Decimal) -> f64 {
    d.to_f64().unwrap_or_default()
}

/// A month as the date of its first day.
pub fn month_date(m: Month) -> ExcelDateTime {
    ExcelDateTime::from_ymd(u16::try_from(m.year()).unwrap_or(1900), m.month(), 1)
        .unwrap_or_default()
}

/// The formats of every sheet: British money, percentages, months and headings.
pub struct Formats {
    pub money: Format,
    pub money_total: Format,
    pub percent: Format,
    pub month: Format,
    pub date: Format,
    pub number: Format,
    pub wrap: Format,
    pub title: Format,
    pub section: Format,
    pub header: Format,
    pub header_month: Format,
    pub total_label: Format,
}

impl Formats {
    pub fn new() -> Self {
        let money = "[$£-809]#,##0.00;-[$£-809]#,##0.00";
        let header = Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap();
        Formats {
            money: Format::new().set_num_format(money),
            money_total: Format::new()
                .set_num_format(money)
                .set_bold()
                .set_border_top(FormatBorder::Thin),
            percent: Format::new().set_num_format("0.00%"),
            month: Format::new().set_num_format("mmm yyyy"),
            date: Format::new().set_num_format("d mmm yyyy"),
            number: Format::new().set_num_format("#,##0.####"),
            wrap: Format::new().set_text_wrap(),
            title: Format::new().set_bold().set_font_size(14),
            section: Format::new().set_bold().set_font_size(12),
            header_month: header.clone().set_num_format("mmm yyyy"),
            header,
            total_label: Format::new().set_bold(),
        }
    }
}
