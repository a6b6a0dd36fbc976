//! Live figures: the placeholders narrative text may hold to show a figure of the forecast,
//! `[[name]]` for a summary figure and `[[name year=N]]` for a figure of forecast year `N`
//! (`docs/plan-format.md`, "Live figures").
//!
//! The names are data, so the window, the PDF and the rules read one list; [`placeholders`] finds
//! every text in double brackets and says whether it is a live figure, and why not. Rendering a
//! figure's value is left to the caller, which knows how each kind of figure is worded.

use super::{Forecast, Summary, Year};
use crate::model::values::Month as CalendarMonth;
use rust_decimal::Decimal;
use std::ops::Range;

/// How a figure is worded when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// Whole pounds: `£1,234,567`, `−£12,345`.
    Money,
    /// A month, "April 2027"; "—" when there is none.
    Month,
    /// A number of months or other things: "6".
    Count,
    /// A percentage to one decimal: "97.7%"; "—" when there is none.
    Share,
    /// Free reserves in months to one decimal: "4.0 months"; "—" when there is none.
    Months,
    /// Debt service cover to two decimals: "1.59×"; "—" when there is none.
    Cover,
}

/// A figure a placeholder may name: its name (the key of `mutual-plan forecast --format json`,
/// with a dot for a nested key) and how it is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureName {
    pub name: &'static str,
    pub kind: FigureKind,
}

const fn figure(name: &'static str, kind: FigureKind) -> FigureName {
    FigureName { name, kind }
}

use FigureKind::{Count, Cover, Money, Month, Months, Share};

/// The summary figures, named without `year=`.
pub const SUMMARY_FIGURES: [FigureName; 24] = [
    figure("lowest_cash", Money),
    figure("lowest_cash_month", Month),
    figure("peak_funding_need", Money),
    figure("months_negative", Count),
    figure("first_negative_month", Month),
    figure("lowest_headroom", Money),
    figure("lowest_headroom_month", Month),
    figure("peak_facility_drawn", Money),
    figure("peak_facility_drawn_month", Month),
    figure("months_facility_drawn", Count),
    figure("facility_drawn_at_horizon", Money),
    figure("operating_costs_monthly_avg", Money),
    figure("largest_commissioner_share", Share),
    figure("contract_income_share", Share),
    figure("receivable_at_horizon", Money),
    figure("tax_payable_at_horizon", Money),
    figure("payroll_payable_at_horizon", Money),
    figure("vat_payable_at_horizon", Money),
    figure("interest_payable_at_horizon", Money),
    figure("taxable_turnover_12m_max", Money),
    figure("taxable_turnover_12m_max_month", Month),
    figure("vat_threshold_month", Month),
    figure("vat_registration_due_month", Month),
    figure("closing_cash", Money),
];

/// The yearly figures, named with `year=N`: the year object's figures, then its balance sheet's
/// rows under `balance_sheet.`.
pub const YEARLY_FIGURES: [FigureName; 31] = [
    figure("grants", Money),
    figure("surplus", Money),
    figure("tax", Money),
    figure("surplus_after_tax", Money),
    figure("closing_cash", Money),
    figure("lowest_cash", Money),
    figure("lowest_headroom", Money),
    figure("operating_costs", Money),
    figure("operating_costs_monthly", Money),
    figure("free_reserves", Money),
    figure("free_reserves_months", Months),
    figure("debt_service_cover", Cover),
    figure("income.contracts", Money),
    figure("income.other", Money),
    figure("balance_sheet.fixed_assets", Money),
    figure("balance_sheet.trade_debtors", Money),
    figure("balance_sheet.vat_recoverable", Money),
    figure("balance_sheet.cash", Money),
    figure("balance_sheet.payroll_creditors", Money),
    figure("balance_sheet.corporation_tax_payable", Money),
    figure("balance_sheet.vat_payable", Money),
    figure("balance_sheet.interest_accrued", Money),
    figure("balance_sheet.facility_drawn", Money),
    figure("balance_sheet.loans_within_one_year", Money),
    figure("balance_sheet.cash_shortfall", Money),
    figure("balance_sheet.loans_after_one_year", Money),
    figure("balance_sheet.net_assets", Money),
    figure("balance_sheet.share_capital", Money),
    figure("balance_sheet.opening_funds", Money),
    figure("balance_sheet.retained_surplus", Money),
    figure("balance_sheet.funds", Money),
];

/// What a valid placeholder names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveFigure {
    /// A summary figure.
    Summary(FigureName),
    /// A yearly figure of forecast year `year` (1 = the first).
    Yearly { figure: FigureName, year: u32 },
}

/// Why text in double brackets is not a live figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Not of the placeholder form: a capital letter, a space inside the brackets, a year with
    /// a leading zero, … ("[[Lowest cash]]", "[[surplus year=05]]").
    NotPlaceholder,
    /// Of the form, but the name is in neither list.
    UnknownName,
    /// A summary figure's name given `year=`.
    SummaryGivenYear,
    /// A yearly figure's name without `year=`.
    YearlyWithoutYear,
    /// A year outside `1 …` the number of forecast years (`years`).
    YearOutsideForecast { years: u32 },
}

/// Text in double brackets: `[[`, then any text without `]]`, then `]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder<'a> {
    /// Where it is in the text, in bytes, brackets included.
    pub span: Range<usize>,
    /// The text between the brackets, as written.
    pub inner: &'a str,
    /// The figure it names, or why it names none.
    pub reading: Result<LiveFigure, Fault>,
}

impl Placeholder<'_> {
    /// Whether it names a figure of the forecast.
    pub fn is_valid(&self) -> bool {
        self.reading.is_ok()
    }

    /// Whether it is of the placeholder form, whether or not it names a figure (such text is a
    /// live figure, shown as a value or as "[no such figure: …]"; other text in double brackets
    /// is ordinary text).
    pub fn is_placeholder_form(&self) -> bool {
        self.reading != Err(Fault::NotPlaceholder)
    }
}

/// The number of forecast years a forecast of `months` months has: 12-month blocks from the
/// start, the last perhaps shorter.
pub fn forecast_years(months: u32) -> u32 {
    months.div_ceil(12)
}

/// Every text in double brackets in `text`, in order, read against a forecast of `years` years.
/// Each `[[` is matched with the first `]]` after it; the search goes on after that `]]`.
pub fn placeholders(text: &str, years: u32) -> Vec<Placeholder<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("[[").map(|i| from + i) {
        let inner_start = open + 2;
        let Some(close) = text[inner_start..].find("]]").map(|i| inner_start + i) else {
            break;
        };
        let inner = &text[inner_start..close];
        out.push(Placeholder {
            span: open..close + 2,
            inner,
            reading: read(inner, years),
        });
        from = close + 2;
    }
    out
}

/// One part of a name: a lower-case letter or underscore, then lower-case letters, digits or
/// underscores (digits so that `taxable_turnover_12m_max` can be named).
fn is_name_part(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A name: one part, or two joined by a dot.
fn is_name(s: &str) -> bool {
    match s.split_once('.') {
        Some((a, b)) => is_name_part(a) && is_name_part(b),
        None => is_name_part(s),
    }
}

/// A decimal integer without leading zeros.
fn is_year_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

/// What the text between the brackets names.
fn read(inner: &str, years: u32) -> Result<LiveFigure, Fault> {
    let (name, year) = match inner.split_once(' ') {
        Some((name, rest)) => match rest.strip_prefix("year=") {
            Some(n) if is_year_number(n) => (name, Some(n)),
            _ => return Err(Fault::NotPlaceholder),
        },
        None => (inner, None),
    };
    if !is_name(name) {
        return Err(Fault::NotPlaceholder);
    }
    let summary = SUMMARY_FIGURES.iter().find(|f| f.name == name);
    let yearly = YEARLY_FIGURES.iter().find(|f| f.name == name);
    match (year, summary, yearly) {
        (None, Some(f), _) => Ok(LiveFigure::Summary(*f)),
        (None, None, Some(_)) => Err(Fault::YearlyWithoutYear),
        (Some(n), _, Some(f)) => match n.parse::<u32>() {
            Ok(year) if (1..=years).contains(&year) => Ok(LiveFigure::Yearly { figure: *f, year }),
            _ => Err(Fault::YearOutsideForecast { years }),
        },
        (Some(_), Some(_), None) => Err(Fault::SummaryGivenYear),
        (_, None, None) => Err(Fault::UnknownName),
    }
}

/// A live figure's value, before it is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureValue {
    Money(Decimal),
    /// `None`: no such month.
    Month(Option<CalendarMonth>),
    Count(u32),
    /// `None`: its divisor is 0.
    Share(Option<Decimal>),
    /// Free reserves in months; `None` with no running costs.
    Months(Option<Decimal>),
    /// Debt service cover; `None` with no debt service.
    Cover(Option<Decimal>),
}

/// The value of a summary figure, by its name.
fn summary_value(name: &str, s: &Summary) -> Option<FigureValue> {
    use FigureValue as V;
    Some(match name {
        "lowest_cash" => V::Money(s.lowest_cash),
        "lowest_cash_month" => V::Month(Some(s.lowest_cash_month)),
        "peak_funding_need" => V::Money(s.peak_funding_need),
        "months_negative" => V::Count(s.months_negative),
        "first_negative_month" => V::Month(s.first_negative_month),
        "lowest_headroom" => V::Money(s.lowest_headroom),
        "lowest_headroom_month" => V::Month(Some(s.lowest_headroom_month)),
        "peak_facility_drawn" => V::Money(s.peak_facility_drawn),
        "peak_facility_drawn_month" => V::Month(s.peak_facility_drawn_month),
        "months_facility_drawn" => V::Count(s.months_facility_drawn),
        "facility_drawn_at_horizon" => V::Money(s.facility_drawn_at_horizon),
        "operating_costs_monthly_avg" => V::Money(s.operating_costs_monthly_avg),
        "largest_commissioner_share" => V::Share(s.largest_commissioner_share),
        "contract_income_share" => V::Share(s.contract_income_share),
        "receivable_at_horizon" => V::Money(s.receivable_at_horizon),
        "tax_payable_at_horizon" => V::Money(s.tax_payable_at_horizon),
        "payroll_payable_at_horizon" => V::Money(s.payroll_payable_at_horizon),
        "vat_payable_at_horizon" => V::Money(s.vat_payable_at_horizon),
        "interest_payable_at_horizon" => V::Money(s.interest_payable_at_horizon),
        "taxable_turnover_12m_max" => V::Money(s.taxable_turnover_12m_max),
        "taxable_turnover_12m_max_month" => V::Month(s.taxable_turnover_12m_max_month),
        "vat_threshold_month" => V::Month(s.vat_threshold_month),
        "vat_registration_due_month" => V::Month(s.vat_registration_due_month),
        "closing_cash" => V::Money(s.closing_cash),
        _ => return None,
    })
}

/// The value of a yearly figure, by its name.
fn yearly_value(name: &str, y: &Year) -> Option<FigureValue> {
    use FigureValue as V;
    if let Some(key) = name.strip_prefix("balance_sheet.") {
        return y
            .balance_sheet
            .rows()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| V::Money(*v));
    }
    Some(match name {
        "grants" => V::Money(y.grants),
        "surplus" => V::Money(y.surplus),
        "tax" => V::Money(y.tax),
        "surplus_after_tax" => V::Money(y.surplus_after_tax),
        "closing_cash" => V::Money(y.closing_cash),
        "lowest_cash" => V::Money(y.lowest_cash),
        "lowest_headroom" => V::Money(y.lowest_headroom),
        "operating_costs" => V::Money(y.operating_costs),
        "operating_costs_monthly" => V::Money(y.operating_costs_monthly),
        "free_reserves" => V::Money(y.free_reserves),
        "free_reserves_months" => V::Months(y.free_reserves_months),
        "debt_service_cover" => V::Cover(y.debt_service_cover),
        "income.contracts" => V::Money(y.contract_income),
        "income.other" => V::Money(y.other_income),
        _ => return None,
    })
}

/// A live figure's value in the forecast; `None` for a year the forecast does not have.
pub fn value(figure: &LiveFigure, f: &Forecast) -> Option<FigureValue> {
    match figure {
        LiveFigure::Summary(n) => summary_value(n.name, &f.summary),
        LiveFigure::Yearly { figure, year } => {
            let y = f.years.get(usize::try_from(*year).ok()?.checked_sub(1)?)?;
            yearly_value(figure.name, y)
        }
    }
}

/// Every figure a placeholder may name in a forecast of `years` years, in the lists' order:
/// the summary figures, then each year's.
pub fn every_figure(years: u32) -> Vec<LiveFigure> {
    SUMMARY_FIGURES
        .iter()
        .map(|f| LiveFigure::Summary(*f))
        .chain((1..=years).flat_map(|year| {
            YEARLY_FIGURES
                .iter()
                .map(move |f| LiveFigure::Yearly { figure: *f, year })
        }))
        .collect()
}

impl LiveFigure {
    /// The placeholder that names it: `[[lowest_cash]]`, `[[surplus year=2]]`.
    pub fn placeholder(&self) -> String {
        match self {
            LiveFigure::Summary(n) => format!("[[{}]]", n.name),
            LiveFigure::Yearly { figure, year } => format!("[[{} year={year}]]", figure.name),
        }
    }

    /// How it is worded.
    pub fn kind(&self) -> FigureKind {
        match self {
            LiveFigure::Summary(n) | LiveFigure::Yearly { figure: n, .. } => n.kind,
        }
    }

    /// Its name, without the year.
    pub fn name(&self) -> &'static str {
        match self {
            LiveFigure::Summary(n) | LiveFigure::Yearly { figure: n, .. } => n.name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(text: &str) -> Result<LiveFigure, Fault> {
        let found = placeholders(text, 5);
        assert_eq!(found.len(), 1, "{text}");
        found[0].reading.clone()
    }

    #[test]
    fn the_balance_sheet_names_are_its_rows() {
        let rows = crate::forecast::BalanceSheet::default().rows();
        let named: Vec<&str> = YEARLY_FIGURES
            .iter()
            .filter_map(|f| f.name.strip_prefix("balance_sheet."))
            .collect();
        let keys: Vec<&str> = rows.iter().map(|(k, _)| *k).collect();
        assert_eq!(named, keys);
    }

    #[test]
    fn valid_figures_name_a_summary_or_a_yearly_figure() {
        assert!(matches!(
            reading("Cash is [[lowest_cash]]."),
            Ok(LiveFigure::Summary(FigureName {
                name: "lowest_cash",
                kind: FigureKind::Money
            }))
        ));
        assert!(matches!(
            reading("[[lowest_cash year=5]]"),
            Ok(LiveFigure::Yearly { year: 5, .. })
        ));
        assert!(reading("[[balance_sheet.net_assets year=1]]").is_ok());
        assert!(reading("[[taxable_turnover_12m_max]]").is_ok());
        assert!(reading("[[free_reserves_months year=2]]").is_ok());
    }

    #[test]
    fn faults_say_why() {
        for text in [
            "[[Lowest cash]]",
            "[[surplus year=05]]",
            "[[ lowest_cash]]",
            "[[lowest_cash ]]",
            "[[surplus  year=2]]",
            "[[surplus year=]]",
            "[[a.b.c]]",
            "[[]]",
            "[[surplus year=-1]]",
        ] {
            assert_eq!(reading(text), Err(Fault::NotPlaceholder), "{text}");
        }
        assert_eq!(reading("[[lowest_csh]]"), Err(Fault::UnknownName));
        assert_eq!(reading("[[lowest_csh year=9]]"), Err(Fault::UnknownName));
        assert_eq!(
            reading("[[peak_funding_need year=1]]"),
            Err(Fault::SummaryGivenYear)
        );
        assert_eq!(reading("[[surplus]]"), Err(Fault::YearlyWithoutYear));
        for year in ["0", "6", "99999999999999999999"] {
            assert_eq!(
                reading(&format!("[[surplus year={year}]]")),
                Err(Fault::YearOutsideForecast { years: 5 })
            );
        }
    }

    #[test]
    fn spans_and_pairs_follow_the_text() {
        let text = "a [[x]] b [[lowest_cash]] [[no close";
        let found = placeholders(text, 5);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "[[x]]");
        assert_eq!(found[0].inner, "x");
        assert_eq!(found[0].reading, Err(Fault::UnknownName));
        assert_eq!(&text[found[1].span.clone()], "[[lowest_cash]]");
        assert!(found[1].is_valid() && found[1].is_placeholder_form());
        // A `[[` is matched with the first `]]` after it.
        let found = placeholders("[[a [[lowest_cash]]", 5);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].inner, "a [[lowest_cash");
        assert!(!found[0].is_placeholder_form());
        // Multi-byte text around them keeps the spans on character boundaries.
        let text = "−£5 «[[surplus year=1]]»";
        let found = placeholders(text, 1);
        assert_eq!(&text[found[0].span.clone()], "[[surplus year=1]]");
    }

    #[test]
    fn years_are_twelve_month_blocks() {
        assert_eq!(forecast_years(60), 5);
        assert_eq!(forecast_years(61), 6);
        assert_eq!(forecast_years(1), 1);
        assert_eq!(forecast_years(0), 0);
    }
}
