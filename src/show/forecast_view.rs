//! The forecast as the window's Forecast view shows it: the monthly table with every figure
//! already worded, yearly totals, the closing-cash chart's points and marks, and the scenarios'
//! headline figures, so that the window formats and computes nothing itself.

use crate::forecast::explain::explain;
use crate::forecast::scenarios::{run_all, ScenarioResult};
use crate::forecast::{Forecast, ForecastError, LineKey, MonthRow};
use crate::model::plan::Plan;
use crate::model::values::Month;
use crate::words::format;
use crate::words::money;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

/// One figure of the table, worded, and whether it is closing cash below zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastCell {
    pub text: String,
    /// Closing cash below zero, marked in the table.
    pub negative: bool,
}

/// A month of the table: its key (`2027-05`), as the column heading and in short for the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastColumn {
    pub month: String,
    pub label: String,
    pub short: String,
}

/// A row of the table: its line's key (for "where does this come from"), its label in words, its
/// group, and one figure a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastRow {
    /// The line's key (`contract:…`, `pay`); empty for the totals, which have no plan rows.
    pub key: String,
    pub label: String,
    /// `receipts`, `payments` or `totals`.
    pub group: String,
    pub cells: Vec<ForecastCell>,
}

/// A block of twelve months (or fewer at the end), with a total for each row for the collapsed
/// view: flows summed, opening cash its first month's, closing cash its last month's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastYear {
    pub label: String,
    /// The index of its first column, and one past its last.
    pub first: u32,
    pub end: u32,
    /// One total a row, in the order of the rows.
    pub totals: Vec<ForecastCell>,
}

/// A point of the closing-cash chart: the month and the cash as a plain number for plotting,
/// with the words to show on hover or focus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChartPoint {
    pub label: String,
    /// Closing cash in pounds, as a plain decimal (`-1234.50`).
    pub value: String,
    /// "Closing cash £1,234.50; receipts …; payments …".
    pub words: String,
}

/// A marked month of the chart: the index of its point and what is marked, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChartMark {
    pub index: u32,
    pub words: String,
}

/// A line of the chart's money scale: where it stands (pounds, as a plain decimal) and its words
/// (`£100,000`), so a reader can tell £10,000 from £1,000,000 without hovering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChartTick {
    pub value: String,
    pub label: String,
}

/// One scenario's headline figures and changes from the base, worded, and its chart line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScenarioLine {
    pub id: String,
    pub title: String,
    pub lowest_cash: String,
    pub lowest_cash_change: String,
    pub months_negative: String,
    pub first_negative: String,
    pub closing_cash: String,
    pub closing_cash_change: String,
    /// Closing cash a month as plain numbers, as [`ChartPoint::value`].
    pub points: Vec<String>,
    /// The chart's money scale while this scenario is drawn beside the plan: spanning both.
    pub scale: Vec<ChartTick>,
}

/// A row of the income and expenditure account: its label, one figure a year in pounds (as the
/// PDF prints it; a cell is `negative` only for a deficit), and whether it is a total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IncomeExpenditureLine {
    pub label: String,
    pub cells: Vec<ForecastCell>,
    pub total: bool,
}

/// The income and expenditure account by year, as the PDF prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IncomeExpenditure {
    /// "Year 1 to Mar 2028", one a year.
    pub headings: Vec<String>,
    pub rows: Vec<IncomeExpenditureLine>,
    /// What the account counts, as the PDF says it.
    pub note: String,
}

/// A table of year-end figures (the balance sheet; cash, free reserves and debt service cover):
/// a column a year, rows as the PDF prints them, and the words printed under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct YearEndTable {
    /// "End of year 1 (March 2028)", one a year.
    pub headings: Vec<String>,
    /// A heading row has empty cells.
    pub rows: Vec<IncomeExpenditureLine>,
    pub notes: Vec<String>,
}

/// The Forecast view of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastView {
    pub columns: Vec<ForecastColumn>,
    pub rows: Vec<ForecastRow>,
    pub years: Vec<ForecastYear>,
    pub points: Vec<ChartPoint>,
    /// The lowest closing cash.
    pub lowest: ChartMark,
    /// The months in which loans are drawn.
    pub drawdowns: Vec<ChartMark>,
    /// The chart's money scale for the plan alone, from below its lowest closing cash (and £0)
    /// to above its highest, in round steps; a scenario drawn beside it has its own.
    pub scale: Vec<ChartTick>,
    /// The headline figures, as label and value.
    pub figures: Vec<(String, String)>,
    pub scenarios: Vec<ScenarioLine>,
    /// Income and expenditure by year, by kind, with corporation tax and surplus after tax.
    pub income_expenditure: IncomeExpenditure,
    /// The balance sheet at each year end, with the identity it holds.
    pub balance_sheet: YearEndTable,
    /// Cash, free reserves and debt service cover at each year end, with their definitions.
    pub year_ends: YearEndTable,
}

/// A contribution to one figure, worded, with the path of its plan row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContributionView {
    pub path: String,
    pub words: String,
    pub amount: String,
}

pub(crate) fn plain(d: Decimal) -> String {
    crate::show::forecast_report::fixed(d, 2)
}

fn cell(d: Decimal) -> ForecastCell {
    ForecastCell {
        text: money::pence(d),
        negative: false,
    }
}

fn cash(d: Decimal) -> ForecastCell {
    ForecastCell {
        text: money::pence(d),
        negative: d < Decimal::ZERO,
    }
}

fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", money::pence(d))
    } else {
        money::pence(d)
    }
}

/// A line's words in the monthly table: a receipt by its source ("Adult community therapy",
/// "Grant: …"), a payment by its kind ("Employer pension").
pub fn line_label(plan: &Plan, key: &LineKey) -> String {
    let f = &plan.forecast;
    match key {
        LineKey::Contract(id) => f
            .contracts
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.to_string(), |c| c.service.clone()),
        LineKey::Income(id) => f
            .income
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone()),
        LineKey::Grant(id) => f
            .grants
            .iter()
            .find(|g| &g.id == id)
            .map_or_else(|| id.to_string(), |g| format!("Grant: {}", g.funder)),
        LineKey::Equity(id) => f
            .equity
            .iter()
            .find(|e| &e.id == id)
            .map_or_else(|| id.to_string(), |e| format!("Equity: {}", e.name)),
        LineKey::LoanDrawdown(id) => f
            .loans
            .iter()
            .find(|l| &l.id == id)
            .map_or_else(|| id.to_string(), |l| format!("Loan drawn: {}", l.lender)),
        LineKey::Facility(id) => f
            .facilities
            .iter()
            .find(|l| &l.id == id)
            .map_or_else(|| id.to_string(), |l| format!("Overdraft: {}", l.lender)),
        k => k.expenditure_kind().to_string(),
    }
}

fn value(f: &Forecast, i: usize, key: &LineKey) -> Decimal {
    f.months[i]
        .lines
        .iter()
        .find(|(k, _)| k == key)
        .map_or(Decimal::ZERO, |(_, v)| *v)
}

/// Where a line comes in the table: contracts, other income, grants, equity and loans drawn,
/// each in the plan's order, then payments by kind.
fn rank(plan: &Plan, key: &LineKey) -> (u8, usize) {
    let f = &plan.forecast;
    let at = |i: Option<usize>| i.unwrap_or(usize::MAX);
    match key {
        LineKey::Contract(id) => (0, at(f.contracts.iter().position(|c| &c.id == id))),
        LineKey::Income(id) => (1, at(f.income.iter().position(|c| &c.id == id))),
        LineKey::Grant(id) => (2, at(f.grants.iter().position(|c| &c.id == id))),
        LineKey::Equity(id) => (3, at(f.equity.iter().position(|c| &c.id == id))),
        LineKey::LoanDrawdown(id) => (4, at(f.loans.iter().position(|c| &c.id == id))),
        _ => (5, 0),
    }
}

/// The keys of the forecast's lines in the order of the table.
pub fn keys(plan: &Plan, f: &Forecast) -> Vec<LineKey> {
    let mut keys: Vec<LineKey> = Vec::new();
    for r in &f.months {
        for (k, _) in &r.lines {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys.sort_by(|a, b| rank(plan, a).cmp(&rank(plan, b)).then_with(|| a.cmp(b)));
    keys
}

/// Round steps (1, 2 or 5 times a power of ten pounds) from at or below the least of `values`
/// and £0 to at or above the greatest: at most eight of them.
pub(crate) fn scale(values: impl Iterator<Item = Decimal>) -> Vec<ChartTick> {
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let rough = (hi - lo) / Decimal::from(5);
    let mut power = Decimal::ONE;
    while power * Decimal::TEN <= rough {
        power *= Decimal::TEN;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|k| power * Decimal::from(k))
        .find(|s| *s >= rough)
        .unwrap_or(power);
    let mut at = (lo / step).floor() * step;
    let mut out = Vec::new();
    loop {
        out.push(ChartTick {
            value: plain(at),
            label: money::pounds(at),
        });
        if at >= hi {
            break out;
        }
        at += step;
    }
}

fn scenario(base: &Forecast, r: &ScenarioResult) -> ScenarioLine {
    let s = &r.forecast.summary;
    ScenarioLine {
        id: r.scenario.id.to_string(),
        title: r.scenario.title.to_string(),
        lowest_cash: format!(
            "{} in {}",
            money::pence(s.lowest_cash),
            format::month_long(s.lowest_cash_month)
        ),
        lowest_cash_change: signed(r.delta.lowest_cash),
        months_negative: s.months_negative.to_string(),
        first_negative: s
            .first_negative_month
            .map_or_else(|| "never".into(), format::month_long),
        closing_cash: money::pence(s.closing_cash),
        closing_cash_change: signed(r.delta.closing_cash),
        points: r.forecast.months.iter().map(|m| plain(m.closing)).collect(),
        scale: scale(
            base.months
                .iter()
                .chain(&r.forecast.months)
                .map(|m| m.closing),
        ),
    }
}

/// The Forecast view of `plan`: its base forecast and the six scenarios.
pub fn forecast_view(plan: &Plan) -> Result<ForecastView, ForecastError> {
    let (f, results) = run_all(plan)?;
    Ok(forecast_view_of(plan, &f, &results))
}

/// The Forecast view of `plan` from its forecast `f` and scenario `results` as the analysis
/// computed them, so that an edit runs the forecast once.
pub fn forecast_view_of(plan: &Plan, f: &Forecast, results: &[ScenarioResult]) -> ForecastView {
    let n = f.months.len();
    let columns = f
        .months
        .iter()
        .map(|m| ForecastColumn {
            month: m.month.to_string(),
            label: format::month_long(m.month),
            short: format::month_short(m.month),
        })
        .collect();
    let keys = keys(plan, f);
    let mut rows: Vec<ForecastRow> = keys
        .iter()
        .map(|k| ForecastRow {
            key: k.to_string(),
            label: line_label(plan, k),
            group: if k.is_receipt() {
                "receipts"
            } else {
                "payments"
            }
            .into(),
            cells: (0..n).map(|i| cell(value(f, i, k))).collect(),
        })
        .collect();
    let total = |label: &str, cells: Vec<ForecastCell>| ForecastRow {
        key: String::new(),
        label: label.into(),
        group: "totals".into(),
        cells,
    };
    rows.push(total(
        "Net cash flow",
        f.months.iter().map(|m| cell(m.net())).collect(),
    ));
    rows.push(total(
        "Opening cash",
        f.months.iter().map(|m| cash(m.opening)).collect(),
    ));
    rows.push(total(
        "Closing cash",
        f.months.iter().map(|m| cash(m.closing)).collect(),
    ));
    // With a facility: what is drawn at each month's end, and the headroom it leaves.
    let facilities = !plan.forecast.facilities.is_empty();
    if facilities {
        rows.push(total(
            "Overdraft drawn",
            f.months.iter().map(|m| cell(m.facility_drawn)).collect(),
        ));
        rows.push(total(
            "Headroom",
            f.months.iter().map(|m| cash(m.headroom)).collect(),
        ));
    }
    let years = (0..n)
        .step_by(12)
        .enumerate()
        .map(|(y, first)| {
            let end = (first + 12).min(n);
            let mut totals: Vec<ForecastCell> = keys
                .iter()
                .map(|k| cell((first..end).map(|i| value(f, i, k)).sum()))
                .collect();
            let months = &f.months[first..end];
            totals.push(cell(months.iter().map(MonthRow::net).sum()));
            totals.push(cash(months[0].opening));
            let last = &months[months.len() - 1];
            totals.push(cash(last.closing));
            if facilities {
                totals.push(cell(last.facility_drawn));
                totals.push(cash(last.headroom));
            }
            ForecastYear {
                label: format!(
                    "Year {} ({} to {})",
                    y + 1,
                    format::month_short(months[0].month),
                    format::month_short(months[months.len() - 1].month)
                ),
                first: first as u32,
                end: end as u32,
                totals,
            }
        })
        .collect();
    let points = f
        .months
        .iter()
        .map(|m| ChartPoint {
            label: format::month_long(m.month),
            value: plain(m.closing),
            words: format!(
                "{}: closing cash {}; receipts {}; payments {}",
                format::month_long(m.month),
                money::pence(m.closing),
                money::pence(m.receipts),
                money::pence(m.payments)
            ),
        })
        .collect();
    let s = &f.summary;
    let lowest = ChartMark {
        index: f
            .months
            .iter()
            .position(|m| m.month == s.lowest_cash_month)
            .unwrap_or(0) as u32,
        words: format!(
            "Lowest cash {} in {}",
            money::pence(s.lowest_cash),
            format::month_long(s.lowest_cash_month)
        ),
    };
    let drawdowns = f
        .months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let drawn: Vec<String> = m
                .lines
                .iter()
                .filter(|(k, v)| matches!(k, LineKey::LoanDrawdown(_)) && !v.is_zero())
                .map(|(k, v)| {
                    let lender = match k {
                        LineKey::LoanDrawdown(id) => plan
                            .forecast
                            .loans
                            .iter()
                            .find(|l| &l.id == id)
                            .map_or_else(|| id.to_string(), |l| l.lender.clone()),
                        _ => String::new(),
                    };
                    format!("{} from {lender}", money::pence(*v))
                })
                .collect();
            (!drawn.is_empty()).then(|| ChartMark {
                index: i as u32,
                words: format!(
                    "Loan drawn in {}: {}",
                    format::month_long(m.month),
                    drawn.join("; ")
                ),
            })
        })
        .collect();
    ForecastView {
        columns,
        rows,
        years,
        points,
        lowest,
        drawdowns,
        scale: scale(f.months.iter().map(|m| m.closing)),
        figures: crate::show::forecast_report::headline_figures(f)
            .into_iter()
            .map(|(l, v)| (l.to_string(), v))
            .collect(),
        scenarios: results.iter().map(|r| scenario(f, r)).collect(),
        income_expenditure: income_expenditure(f),
        balance_sheet: balance_sheet(f),
        year_ends: year_ends(plan, f),
    }
}

fn year_end_headings(f: &Forecast) -> Vec<String> {
    f.years
        .iter()
        .map(|y| {
            format!(
                "End of year {} ({})",
                y.year,
                format::month_long(y.last_month)
            )
        })
        .collect()
}

/// The balance sheet by year end in whole pounds, as the PDF prints it.
fn balance_sheet(f: &Forecast) -> YearEndTable {
    use crate::show::forecast_report::{
        balance_sheet_rows, BALANCE_SHEET_IDENTITY, BALANCE_SHEET_ROUNDING,
    };
    YearEndTable {
        headings: year_end_headings(f),
        rows: balance_sheet_rows(&f.years)
            .into_iter()
            .map(|r| IncomeExpenditureLine {
                label: r.label.to_string(),
                cells: r
                    .values
                    .into_iter()
                    .map(|v| ForecastCell {
                        text: v.map_or_else(String::new, money::pounds),
                        negative: false,
                    })
                    .collect(),
                total: r.total,
            })
            .collect(),
        notes: vec![BALANCE_SHEET_IDENTITY.into(), BALANCE_SHEET_ROUNDING.into()],
    }
}

/// Closing cash, lowest headroom (with a facility), free reserves and debt service cover at each
/// year end, worded as the PDF words them, with their definitions.
fn year_ends(plan: &Plan, f: &Forecast) -> YearEndTable {
    use crate::show::forecast_report::{fixed, DEBT_SERVICE_COVER_WORDS, FREE_RESERVES_WORDS};
    let line = |label: &str, text: &dyn Fn(&crate::forecast::Year) -> (String, bool)| {
        IncomeExpenditureLine {
            label: label.into(),
            cells: f
                .years
                .iter()
                .map(|y| {
                    let (text, negative) = text(y);
                    ForecastCell { text, negative }
                })
                .collect(),
            total: false,
        }
    };
    let pounds = |d: Decimal| (money::pounds(d), d < Decimal::ZERO);
    let mut rows = vec![line("Closing cash", &|y| pounds(y.closing_cash))];
    if !plan.forecast.facilities.is_empty() {
        rows.push(line("Lowest headroom in the year", &|y| {
            pounds(y.lowest_headroom)
        }));
    }
    rows.push(line("Free reserves", &|y| pounds(y.free_reserves)));
    rows.push(line("Free reserves in months of running costs", &|y| {
        (
            y.free_reserves_months
                .map_or_else(|| "—".into(), format::months),
            y.free_reserves < Decimal::ZERO,
        )
    }));
    rows.push(line("Debt service cover", &|y| {
        (
            y.debt_service_cover
                .map_or_else(|| "—".into(), |d| format!("{}×", fixed(d, 2))),
            false,
        )
    }));
    YearEndTable {
        headings: year_end_headings(f),
        rows,
        notes: vec![
            FREE_RESERVES_WORDS.replace("**", ""),
            DEBT_SERVICE_COVER_WORDS.replace("**", ""),
        ],
    }
}

/// The income and expenditure account of `f` in whole pounds, as the PDF prints it.
fn income_expenditure(f: &Forecast) -> IncomeExpenditure {
    IncomeExpenditure {
        headings: f
            .years
            .iter()
            .map(crate::show::forecast_report::year_heading)
            .collect(),
        rows: crate::show::forecast_report::income_and_expenditure(&f.years)
            .into_iter()
            .map(|r| IncomeExpenditureLine {
                label: r.label,
                cells: r
                    .values
                    .into_iter()
                    .map(|d| ForecastCell {
                        text: money::pounds(d),
                        negative: r.surplus && d < Decimal::ZERO,
                    })
                    .collect(),
                total: r.total,
            })
            .collect(),
        note: crate::show::forecast_report::INCOME_EXPENDITURE_NOTE.into(),
    }
}

/// "Where does this come from" for the cell of line `key` (as in [`ForecastRow::key`]) in `month`
/// (`2027-05`): the plan rows that make it, worded, each with the path of its field.
pub fn explain_cell(
    plan: &Plan,
    month: &str,
    key: &str,
) -> Result<Vec<ContributionView>, ForecastError> {
    let f = crate::forecast::forecast(plan)?;
    let Some(m) = month.parse::<Month>().ok() else {
        return Ok(Vec::new());
    };
    let Some(k) = keys(plan, &f).into_iter().find(|k| k.to_string() == key) else {
        return Ok(Vec::new());
    };
    Ok(explain(plan, m, &k)?
        .into_iter()
        .map(|c| ContributionView {
            path: c.path.to_string(),
            words: c.words,
            amount: money::pence(c.amount),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_has_a_figure_for_every_month_and_row_and_totals_for_each_year() {
        let plan = crate::model::samples::riverside().unwrap();
        let v = forecast_view(&plan).unwrap();
        let f = crate::forecast::forecast(&plan).unwrap();
        assert_eq!(v.columns.len(), f.months.len());
        assert!(v.rows.iter().all(|r| r.cells.len() == f.months.len()));
        assert_eq!(v.columns[0].label, format::month_long(f.months[0].month));
        let groups: Vec<&str> = v.rows.iter().map(|r| r.group.as_str()).collect();
        let first_payment = groups.iter().position(|g| *g == "payments").unwrap();
        assert!(groups[..first_payment].iter().all(|g| *g == "receipts"));
        assert_eq!(&groups[groups.len() - 3..], ["totals"; 3]);
        assert_eq!(v.rows[0].key, "contract:community-therapy");
        assert_eq!(v.rows[0].label, "Adult community therapy");
        let row = |label: &str| v.rows.iter().find(|r| r.label == label).unwrap();
        let closing = row("Closing cash");
        for (c, m) in closing.cells.iter().zip(&f.months) {
            assert_eq!(c.text, money::pence(m.closing));
            assert_eq!(c.negative, m.closing < Decimal::ZERO);
        }
        // The sample has an overdraft: what is drawn and the headroom close the table.
        let drawn = row("Overdraft drawn");
        let headroom = row("Headroom");
        assert_eq!(v.rows.last().unwrap().label, headroom.label);
        for ((d, h), m) in drawn.cells.iter().zip(&headroom.cells).zip(&f.months) {
            assert_eq!(d.text, money::pence(m.facility_drawn));
            assert_eq!(h.text, money::pence(m.headroom));
        }
        assert_eq!(drawn.cells[0].text, "£35,356.60");
        // The balance sheet a year a column, each row the core's figure in pounds, and the
        // identity under it; the year ends' reserves and cover with their definitions.
        let sheet = &v.balance_sheet;
        assert_eq!(sheet.headings[0], "End of year 1 (March 2028)");
        let sheet_row = |l: &str| sheet.rows.iter().find(|r| r.label == l).unwrap();
        for (i, y) in f.years.iter().enumerate() {
            let b = &y.balance_sheet;
            assert_eq!(
                sheet_row("Net assets").cells[i].text,
                money::pounds(b.net_assets)
            );
            assert_eq!(
                sheet_row("Total funds").cells[i].text,
                money::pounds(b.funds)
            );
            assert_eq!(
                sheet_row("Cash at bank").cells[i].text,
                money::pounds(b.cash)
            );
        }
        assert!(sheet_row("Net assets").total);
        assert!(sheet.notes[0].starts_with("Net assets equal total funds"));
        let ends = &v.year_ends;
        let end_row = |l: &str| ends.rows.iter().find(|r| r.label == l).unwrap();
        assert_eq!(
            end_row("Free reserves").cells[0].text,
            money::pounds(f.years[0].free_reserves)
        );
        assert_eq!(
            end_row("Free reserves in months of running costs").cells[0].text,
            "1.2 months"
        );
        assert_eq!(end_row("Debt service cover").cells[0].text, "46.60×");
        assert!(ends.notes[0].starts_with("Free reserves are what"));
        assert_eq!(v.years.len(), f.months.len().div_ceil(12));
        assert!(v.years.iter().all(|y| y.totals.len() == v.rows.len()));
        assert_eq!(v.points.len(), f.months.len());
        assert_eq!(
            v.points[v.lowest.index as usize].value,
            plain(f.summary.lowest_cash)
        );
        assert_eq!(v.scenarios.len(), 6);
        assert!(v.scenarios.iter().all(|s| s.points.len() == f.months.len()));
        let pay = v.rows.iter().find(|r| r.key == "net_pay").unwrap();
        let parts = explain_cell(&plan, &v.columns[3].month, "net_pay").unwrap();
        assert!(!parts.is_empty());
        assert!(parts.iter().all(|c| c.path.starts_with("forecast.staff")));
        assert!(pay.cells[3].text.contains('£'));
    }

    #[test]
    fn the_charts_money_scale_spans_every_line_in_round_steps() {
        let plan = crate::model::samples::riverside().unwrap();
        let v = forecast_view(&plan).unwrap();
        let at = |t: &ChartTick| t.value.parse::<Decimal>().unwrap();
        let spans = |scale: &[ChartTick], points: &mut dyn Iterator<Item = Decimal>| {
            let (lo, hi) = points.fold((Decimal::ZERO, Decimal::ZERO), |(l, h), p| {
                (l.min(p), h.max(p))
            });
            at(&scale[0]) <= lo && at(scale.last().unwrap()) >= hi
        };
        let base = || v.points.iter().map(|p| p.value.parse::<Decimal>().unwrap());
        assert!(spans(&v.scale, &mut base()));
        // A scenario's own scale spans the plan and the scenario: the lost contract's falls far
        // below the plan's, whose scale stays its own.
        let s1 = &v.scenarios[0];
        let mut both = base().chain(s1.points.iter().map(|p| p.parse().unwrap()));
        assert!(spans(&s1.scale, &mut both));
        assert!(at(&s1.scale[0]) < at(&v.scale[0]));
        assert!((3..=8).contains(&v.scale.len()), "{:?}", v.scale);
        assert!(v.scale.iter().any(|t| t.label == "£0"));
        let step = at(&v.scale[1]) - at(&v.scale[0]);
        assert!(v.scale.windows(2).all(|w| at(&w[1]) - at(&w[0]) == step));
        assert_eq!(v.scale[1].label, money::pounds(at(&v.scale[1])));
        // A plan with cash in the hundreds has a scale in tens, not in hundreds of thousands.
        let small = scale([Decimal::new(-35, 0), Decimal::new(120, 0)].into_iter());
        let labels: Vec<&str> = small.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["−£50", "£0", "£50", "£100", "£150"]);
    }

    #[test]
    fn the_income_and_expenditure_account_is_the_pdfs_by_year_with_tax() {
        let plan = crate::model::samples::riverside().unwrap();
        let v = forecast_view(&plan).unwrap();
        let f = crate::forecast::forecast(&plan).unwrap();
        let ie = &v.income_expenditure;
        assert_eq!(ie.headings.len(), f.years.len());
        assert_eq!(
            ie.headings[0],
            format!("Year 1 to {}", format::month_short(f.years[0].last_month))
        );
        let row = |l: &str| ie.rows.iter().find(|r| r.label == l).unwrap();
        for (i, y) in f.years.iter().enumerate() {
            assert_eq!(row("Corporation tax").cells[i].text, money::pounds(-y.tax));
            assert_eq!(
                row("Surplus after tax").cells[i].text,
                money::pounds(y.surplus_after_tax)
            );
            assert_eq!(
                row("Total income").cells[i].text,
                money::pounds(y.income + y.grants)
            );
        }
        assert!(row("Surplus after tax").total);
        // Costs are negative by nature; only a deficit is marked.
        assert!(row("Total expenditure").cells.iter().all(|c| !c.negative));
        assert!(ie
            .rows
            .iter()
            .any(|r| r.label == LineKey::Pay.expenditure_kind()));
        assert_eq!(ie.rows.last().unwrap().label, "Surplus after tax");
    }
}
