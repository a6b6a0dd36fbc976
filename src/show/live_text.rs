//! Live figures in words: each placeholder of a narrative section shown as its figure's current
//! value, worded as the PDF words that figure everywhere else (`docs/plan-format.md`, "Live
//! figures"). The PDF, the CLI and the window all show a section through [`pieces`], so they
//! agree.

use crate::checks::analysis::analyse;
use crate::checks::criteria::Criteria;
use crate::checks::rules::{unmatched_amounts, KnownAmounts};
use crate::forecast::live_figures::{
    every_figure, forecast_years, placeholders, value, FigureValue, LiveFigure,
};
use crate::forecast::Forecast;
use crate::model::plan::Plan;
use crate::words::format;
use crate::words::money::pounds;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

/// What a placeholder whose forecast cannot be computed prints.
pub const NOT_AVAILABLE: &str = "[figure not available]";

/// A figure a placeholder can name, with its current value: what "Insert figure" lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FigureChoice {
    /// `[[lowest_cash]]`, `[[surplus year=2]]`.
    pub placeholder: String,
    /// "lowest cash", "surplus after tax, year 1".
    pub label: String,
    /// "£64,643", "April 2027", "—".
    pub value: String,
    /// The forecast year it belongs to; `None` for a figure of the whole forecast.
    pub year: Option<u32>,
}

/// A narrative section's text as the window shows it: the text as written, and its runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SectionPieces {
    pub id: String,
    /// The text as written, placeholders and all: the runs' `written` texts joined.
    pub text: String,
    pub pieces: Vec<Piece>,
}

/// A run of a section's text: typed text, a live figure, or text in double brackets that names
/// no figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Piece {
    Text {
        text: String,
    },
    Figure {
        placeholder: String,
        label: String,
        value: String,
    },
    /// Shown as "[no such figure: …]" (or "[figure not available]").
    Fault {
        placeholder: String,
        shown: String,
    },
}

impl Piece {
    /// The text as printed.
    pub fn printed(&self) -> &str {
        match self {
            Piece::Text { text } => text,
            Piece::Figure { value, .. } => value,
            Piece::Fault { shown, .. } => shown,
        }
    }

    /// The text as written in the file.
    pub fn written(&self) -> &str {
        match self {
            Piece::Text { text } => text,
            Piece::Figure { placeholder, .. } | Piece::Fault { placeholder, .. } => placeholder,
        }
    }
}

/// The words of a summary figure, by name.
fn summary_label(name: &str) -> &'static str {
    match name {
        "lowest_cash" => "lowest cash",
        "lowest_cash_month" => "month of the lowest cash",
        "peak_funding_need" => "peak funding need",
        "months_negative" => "months with cash below zero",
        "first_negative_month" => "first month with cash below zero",
        "lowest_headroom" => "lowest headroom (cash plus undrawn facilities)",
        "lowest_headroom_month" => "month of the lowest headroom",
        "peak_facility_drawn" => "most drawn on the facilities",
        "peak_facility_drawn_month" => "month the facilities are most drawn",
        "months_facility_drawn" => "months with the facilities drawn",
        "facility_drawn_at_horizon" => "facilities still drawn at the end of the forecast",
        "operating_costs_monthly_avg" => "average monthly operating costs",
        "largest_commissioner_share" => "largest commissioner's share of contract income",
        "contract_income_share" => "contracts' share of income",
        "receivable_at_horizon" => "contract income still to be paid at the end of the forecast",
        "tax_payable_at_horizon" => "corporation tax owed at the end of the forecast",
        "payroll_payable_at_horizon" => {
            "payroll deductions and costs owed at the end of the forecast"
        }
        "vat_payable_at_horizon" => "VAT owed at the end of the forecast",
        "interest_payable_at_horizon" => "loan interest owed at the end of the forecast",
        "taxable_turnover_12m_max" => "highest taxable turnover over 12 months",
        "taxable_turnover_12m_max_month" => "month of the highest taxable turnover",
        "vat_threshold_month" => "month taxable turnover passes the VAT threshold",
        "vat_registration_due_month" => "month VAT registration is due",
        "closing_cash" => "cash at the end of the forecast",
        _ => "figure",
    }
}

/// The words of a yearly figure, by name, without the year.
fn yearly_label(name: &str) -> &'static str {
    match name {
        "grants" => "grants",
        "surplus" => "surplus before tax",
        "tax" => "corporation tax",
        "surplus_after_tax" => "surplus after tax",
        "closing_cash" => "cash at the year end",
        "lowest_cash" => "lowest cash in the year",
        "lowest_headroom" => "lowest headroom in the year",
        "operating_costs" => "operating costs",
        "operating_costs_monthly" => "monthly operating costs",
        "free_reserves" => "free reserves",
        "free_reserves_months" => "free reserves in months of operating costs",
        "debt_service_cover" => "debt service cover",
        "income.contracts" => "contract income",
        "income.other" => "other income",
        "balance_sheet.fixed_assets" => "fixed assets at the year end",
        "balance_sheet.trade_debtors" => "debtors and accrued income at the year end",
        "balance_sheet.vat_recoverable" => "VAT to be repaid at the year end",
        "balance_sheet.cash" => "cash at bank at the year end",
        "balance_sheet.payroll_creditors" => "payroll creditors at the year end",
        "balance_sheet.corporation_tax_payable" => "corporation tax owed at the year end",
        "balance_sheet.vat_payable" => "VAT to pay at the year end",
        "balance_sheet.interest_accrued" => "loan interest accrued at the year end",
        "balance_sheet.facility_drawn" => "overdraft drawn at the year end",
        "balance_sheet.loans_within_one_year" => "loans due within one year, at the year end",
        "balance_sheet.cash_shortfall" => "cash shortfall not yet funded at the year end",
        "balance_sheet.loans_after_one_year" => "loans due after one year, at the year end",
        "balance_sheet.net_assets" => "net assets at the year end",
        "balance_sheet.share_capital" => "share capital",
        "balance_sheet.opening_funds" => "opening funds",
        "balance_sheet.retained_surplus" => "retained surplus at the year end",
        "balance_sheet.funds" => "total funds at the year end",
        _ => "figure",
    }
}

/// A live figure in words: "lowest cash", "surplus after tax, year 1".
pub fn label(figure: &LiveFigure) -> String {
    match figure {
        LiveFigure::Summary(n) => summary_label(n.name).to_string(),
        LiveFigure::Yearly { figure, year } => {
            format!("{}, year {year}", yearly_label(figure.name))
        }
    }
}

/// A figure's value worded as the PDF words it: money in whole pounds, a month in words, a
/// count as a number, a share to one decimal, free reserves in months, cover with "×", and "—"
/// where there is none.
pub fn worded(v: FigureValue) -> String {
    const NONE: &str = "\u{2014}";
    match v {
        FigureValue::Money(d) => pounds(d),
        FigureValue::Month(m) => m.map_or(NONE.into(), format::month_long),
        FigureValue::Count(n) => n.to_string(),
        FigureValue::Share(s) => s.map_or(NONE.into(), format::share),
        FigureValue::Months(m) => m.map_or(NONE.into(), format::months),
        FigureValue::Cover(c) => c.map_or(NONE.into(), |c| {
            let mut c = c.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            c.rescale(2);
            format!("{c}\u{d7}")
        }),
    }
}

/// A live figure's current value in words; [`NOT_AVAILABLE`] without a forecast.
pub fn figure_value(figure: &LiveFigure, forecast: Option<&Forecast>) -> String {
    forecast
        .and_then(|f| value(figure, f))
        .map_or(NOT_AVAILABLE.into(), worded)
}

/// Every figure of the forecast with its current value, summary figures first, then each year's.
pub fn choices(months: u32, forecast: Option<&Forecast>) -> Vec<FigureChoice> {
    every_figure(forecast_years(months))
        .iter()
        .map(|f| choice(f, forecast))
        .collect()
}

/// A figure with its current value, as "Insert figure" lists it.
fn choice(f: &LiveFigure, forecast: Option<&Forecast>) -> FigureChoice {
    FigureChoice {
        placeholder: f.placeholder(),
        label: label(f),
        value: figure_value(f, forecast),
        year: match f {
            LiveFigure::Summary(_) => None,
            LiveFigure::Yearly { year, .. } => Some(*year),
        },
    }
}

/// A section's text as runs: typed text, and each placeholder as its figure's value, or, when it
/// names no figure, as "[no such figure: …]". Text in double brackets that is not of the
/// placeholder form is typed text. `forecast` is the plan's base forecast over `months` months.
pub fn pieces(text: &str, months: u32, forecast: Option<&Forecast>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut from = 0;
    let push_text = |out: &mut Vec<Piece>, t: &str| {
        if t.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(Piece::Text { text }) => text.push_str(t),
            _ => out.push(Piece::Text {
                text: t.to_string(),
            }),
        }
    };
    for p in placeholders(text, forecast_years(months)) {
        if !p.is_placeholder_form() {
            continue;
        }
        push_text(&mut out, &text[from..p.span.start]);
        let placeholder = text[p.span.clone()].to_string();
        out.push(match p.reading {
            Ok(f) => match forecast.and_then(|fc| value(&f, fc)) {
                Some(v) => Piece::Figure {
                    placeholder,
                    label: label(&f),
                    value: worded(v),
                },
                None => Piece::Fault {
                    placeholder,
                    shown: NOT_AVAILABLE.into(),
                },
            },
            Err(_) => Piece::Fault {
                shown: format!("[no such figure: {}]", p.inner),
                placeholder,
            },
        });
        from = p.span.end;
    }
    push_text(&mut out, &text[from..]);
    out
}

/// A section's text as printed: each placeholder replaced by its value or its error.
pub fn printed(text: &str, months: u32, forecast: Option<&Forecast>) -> String {
    pieces(text, months, forecast)
        .iter()
        .map(Piece::printed)
        .collect()
}

/// Whether a money value, in whole pounds without its sign, equals `amount`.
fn same_pounds(v: Decimal, amount: Decimal) -> bool {
    v.abs()
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        == amount
}

/// The money figures whose value, in whole pounds without sign, is `amount` (whole pounds):
/// the figures a typed amount may have been copied from.
pub fn figures_worth(amount: Decimal, months: u32, forecast: &Forecast) -> Vec<LiveFigure> {
    every_figure(forecast_years(months))
        .into_iter()
        .filter(
            |f| matches!(value(f, forecast), Some(FigureValue::Money(v)) if same_pounds(v, amount)),
        )
        .collect()
}

/// A typed amount that matches no figure (NAR-01): where it is in the section's text, in UTF-16
/// code units as the window counts them, and the live figures whose value it had when the plan
/// was last saved, with their values now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AmountToReplace {
    pub start: u32,
    pub end: u32,
    /// As typed: "−£34,857".
    pub text: String,
    /// The figures worth this amount in the plan as saved; empty when none was, or there is no
    /// saved plan to ask.
    pub suggestions: Vec<FigureChoice>,
}

fn utf16_len(s: &str) -> u32 {
    u32::try_from(s.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// The amounts typed in section `section` of `plan` that match no figure of the plan or its
/// forecast, each with the figures it matched in `saved` (the plan as last saved), if given.
pub fn amounts_to_replace(
    plan: &Plan,
    criteria: &Criteria,
    saved: Option<&Plan>,
    section: &str,
) -> Vec<AmountToReplace> {
    let Some(s) = plan.narrative.sections.iter().find(|s| s.id == section) else {
        return vec![];
    };
    let analysis = analyse(plan, criteria);
    let Ok((forecast, scenarios)) = &analysis.forecast else {
        return vec![];
    };
    let months = plan.forecast.months;
    let known = KnownAmounts::new(plan, &criteria.policy, forecast, scenarios);
    let saved_forecast = saved.and_then(|p| crate::forecast::forecast(p).ok().map(|f| (p, f)));
    unmatched_amounts(&s.text, forecast_years(months), &criteria.policy, &known)
        .into_iter()
        .map(|t| {
            let suggestions = match (&saved_forecast, t.value) {
                (Some((p, f)), Some(v)) => figures_worth(v, p.forecast.months, f)
                    .iter()
                    .filter(|fig| value(fig, forecast).is_some())
                    .map(|fig| choice(fig, Some(forecast)))
                    .collect(),
                _ => vec![],
            };
            AmountToReplace {
                start: utf16_len(&s.text[..t.span.start]),
                end: utf16_len(&s.text[..t.span.end]),
                text: t.text,
                suggestions,
            }
        })
        .collect()
}

/// A section's text as written, with each live figure's value beside its placeholder:
/// "[[lowest_cash]] (£0)". What a comparison shows: the placeholder is the text compared, the
/// value what it printed.
pub fn annotated(text: &str, months: u32, forecast: Option<&Forecast>) -> String {
    pieces(text, months, forecast)
        .iter()
        .map(|p| match p {
            Piece::Text { text } => text.clone(),
            Piece::Figure {
                placeholder, value, ..
            } => format!("{placeholder} ({value})"),
            Piece::Fault { placeholder, shown } => format!("{placeholder} ({shown})"),
        })
        .collect()
}
