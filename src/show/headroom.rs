//! Headroom and break-even in words: the sentences the Forecast view and the CLI show, the cells
//! and notes of the PDF's table, the JSON the CLI writes, and the cases the chart draws.

use super::forecast_view::{plain, scale, ChartTick};
use crate::checks::criteria::Criteria;
use crate::forecast::headroom::{
    break_even, headroom, BreakEven, BreakEvenOutcome, Headroom, Lever, LeverTest, Outcome, Probe,
    Reading, Test, Thresholds, Unit, When,
};
use crate::forecast::scenarios::largest_contract;
use crate::forecast::{Forecast, ForecastError};
use crate::model::plan::Plan;
use crate::words::{format, money};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};
use ts_rs::TS;

/// A plan's headroom and break-even, with what the words need to know of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadroomReport {
    pub headroom: Headroom,
    pub break_even: Vec<BreakEven>,
    pub thresholds: Thresholds,
    /// The largest contract's service, for its lever's words, and whether the plan assumes it
    /// renewed (it then serves to the forecast's end).
    pub largest_contract: Option<String>,
    pub largest_contract_renewed: bool,
    /// Whether the plan has a working-capital facility: then the cash test is headroom.
    pub facility: bool,
    /// The base forecast's closing cash each month, for the chart's scale.
    pub base_closing: Vec<Decimal>,
}

/// The tests' thresholds from the criteria: the green thresholds of R1, R6 and R3.
pub fn thresholds(c: &Criteria) -> Thresholds {
    c.headroom_thresholds()
}

/// Works out the headroom and break-even of `plan` from its base forecast.
pub fn report(
    plan: &Plan,
    base: &Forecast,
    criteria: &Criteria,
) -> Result<HeadroomReport, ForecastError> {
    report_with(plan, base, &thresholds(criteria))
}

/// Works out the headroom and break-even of `plan` against thresholds `t`.
pub fn report_with(
    plan: &Plan,
    base: &Forecast,
    t: &Thresholds,
) -> Result<HeadroomReport, ForecastError> {
    let t = *t;
    Ok(HeadroomReport {
        headroom: headroom(plan, base, &t)?,
        break_even: break_even(plan, base)?,
        thresholds: t,
        largest_contract: largest_contract(base).and_then(|id| {
            plan.forecast
                .contracts
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.service.clone())
        }),
        largest_contract_renewed: largest_contract(base).is_some_and(|id| {
            plan.forecast.contracts.iter().any(|c| {
                &c.id == id
                    && c.renewal.assumption == crate::model::plan::RenewalAssumption::Renewed
            })
        }),
        facility: !plan.forecast.facilities.is_empty(),
        base_closing: base.months.iter().map(|m| m.closing).collect(),
    })
}

/// "1.25×" with at least one decimal ("2.0×").
fn cover(d: Decimal) -> String {
    let mut d = d.normalize();
    if d.scale() == 0 {
        d.rescale(1);
    }
    format!("{}×", d.to_string().replace('-', "\u{2212}"))
}

/// "7.43%", "2.5 points", "45 days", "1 month": a change in its lever's unit.
fn change(lever: Lever, d: Decimal) -> String {
    let d = d.normalize();
    match lever.unit() {
        Unit::Percent => format!("{}%", with_thousands(d)),
        Unit::Points => format!(
            "{d} {}",
            if d == Decimal::ONE {
                "percentage point"
            } else {
                "percentage points"
            }
        ),
        Unit::Days => format!("{d} {}", if d == Decimal::ONE { "day" } else { "days" }),
        Unit::Months => format!("{d} {}", if d == Decimal::ONE { "month" } else { "months" }),
    }
}

fn with_thousands(d: Decimal) -> String {
    if d < Decimal::from(1000) {
        return d.to_string();
    }
    let text = d.to_string();
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

impl HeadroomReport {
    fn contract(&self) -> String {
        format!(
            "“{}”",
            self.largest_contract
                .as_deref()
                .unwrap_or("the largest contract")
        )
    }

    fn cash_name(&self) -> &'static str {
        if self.facility {
            "cash plus the undrawn overdraft"
        } else {
            "cash"
        }
    }

    /// The test's title: what must hold.
    pub fn test_title(&self, test: Test) -> String {
        let t = &self.thresholds;
        match test {
            Test::Cash if self.facility => {
                "Test: cash plus the undrawn overdraft at or above zero every month".into()
            }
            Test::Cash => "Test: cash at or above zero every month".into(),
            Test::DebtServiceCover => format!(
                "Test: debt service cover at least {} every year (how many times the year's surplus from running the service, less tax paid, covers what is paid to lenders)",
                cover(t.cover_min)
            ),
            Test::FreeReserves => format!(
                "Test: free reserves of at least {} of operating costs at the end of year {}",
                format::months(t.reserves_min_months),
                self.reserves_year()
            ),
        }
    }

    fn reserves_year(&self) -> u32 {
        let last = u32::try_from(self.base_closing.len().div_ceil(12)).unwrap_or(u32::MAX);
        self.thresholds.reserves_year.clamp(1, last.max(1))
    }

    /// "−£212 in February 2029", "1.98× in year 3", "2.9 months": a test's figure.
    fn figure(&self, test: Test, r: &Reading) -> String {
        match (test, r.figure, r.when) {
            (Test::Cash, Some(v), Some(When::Month(m))) => {
                format!("{} in {}", money::pounds(v), format::month_long(m))
            }
            (Test::DebtServiceCover, Some(v), Some(When::Year(y))) if v < Decimal::ZERO => format!(
                "{} in year {y} (that year's surplus from running the service, less tax paid, would not cover its payments to lenders at all)",
                cover(v)
            ),
            (Test::DebtServiceCover, Some(v), Some(When::Year(y))) => {
                format!("{} in year {y}", cover(v))
            }
            (Test::DebtServiceCover, None, _) => "no debt service".into(),
            (Test::FreeReserves, Some(v), _) => format::months(v),
            (Test::FreeReserves, None, _) => "no operating costs to count them in".into(),
            _ => String::new(),
        }
    }

    /// "cash plus the undrawn overdraft stays above zero": the test holding.
    fn holds(&self, test: Test) -> String {
        let t = &self.thresholds;
        match test {
            Test::Cash => format!("{} stays at or above zero", self.cash_name()),
            Test::DebtServiceCover => format!(
                "debt service cover stays at least {} every year",
                cover(t.cover_min)
            ),
            Test::FreeReserves => format!(
                "free reserves at the end of year {} stay at least {}",
                self.reserves_year(),
                format::months(t.reserves_min_months)
            ),
        }
    }

    /// "takes it to", "takes them to": what one step beyond does to the test's figure.
    fn takes(&self, test: Test) -> &'static str {
        match test {
            Test::FreeReserves => "takes them to",
            _ => "takes it to",
        }
    }

    /// How far the largest contract's last month is before its planned last month.
    fn early(&self, p: &Probe) -> String {
        let n = change(Lever::LargestContractEnds, p.change);
        if self.largest_contract_renewed {
            format!("{n} before the forecast ends; the plan assumes it is renewed")
        } else {
            format!("{n} before its planned end")
        }
    }

    /// "Contract prices can be cut by up to 14.58% from each contract's second year".
    fn can(&self, lever: Lever, p: &Probe) -> String {
        let c = change(lever, p.change);
        match lever {
            Lever::PriceCut => {
                format!("Contract prices can be cut by up to {c} from each contract's second year")
            }
            Lever::PayAward => format!("Pay awards can be up to {c} higher every year"),
            Lever::PensionRate => {
                format!("Employer pension contributions can rise by up to {c} of pay")
            }
            Lever::PaymentDelay => format!("Commissioners can pay up to {c} later"),
            Lever::PbrAchievement => {
                format!("Payment-by-results achievement can be up to {c} lower")
            }
            Lever::LargestContractEnds => format!(
                "{} could stop after {} ({})",
                self.contract(),
                self.ends(p),
                self.early(p)
            ),
            Lever::OneOffOverrun => format!("One-off costs can overrun by up to {c}"),
        }
    }

    /// Its last month of service, or before the forecast.
    fn ends(&self, p: &Probe) -> String {
        p.last_month
            .map_or_else(|| "before the forecast starts".into(), format::month_long)
    }

    /// "a 14.59% cut", "stopping after October 2030": one step beyond.
    fn beyond(&self, lever: Lever, p: &Probe) -> String {
        let c = change(lever, p.change);
        match lever {
            Lever::PriceCut => format!("a {c} cut"),
            Lever::PayAward | Lever::PensionRate => format!("{c} more"),
            Lever::PaymentDelay => format!("paying {c} later"),
            Lever::PbrAchievement => format!("{c} lower"),
            Lever::LargestContractEnds => match p.last_month {
                Some(m) => format!("stopping after {}", format::month_long(m)),
                None => "stopping before the forecast starts".into(),
            },
            Lever::OneOffOverrun => format!("a {c} overrun"),
        }
    }

    /// The sentence when the smallest step already fails the test.
    fn no_room(&self, r: &LeverTest, beyond: &Probe) -> String {
        let fig = self.figure(r.test, &beyond.reading);
        let takes = self.takes(r.test);
        let step = change(r.lever, beyond.change);
        match r.lever {
            Lever::PriceCut => format!("Contract prices cannot be cut at all: even {step} {takes} {fig}."),
            Lever::PayAward => format!("Pay awards cannot be any higher: even {step} more {takes} {fig}."),
            Lever::PensionRate => format!("Employer pension contributions cannot rise at all: even {step} more {takes} {fig}."),
            Lever::PaymentDelay => format!("Commissioners cannot pay any later: even {step} later delays a month of payments (the forecast moves payments by whole months of 30 days), which {takes} {fig}."),
            Lever::PbrAchievement => format!("Payment-by-results achievement cannot be any lower: even {step} lower {takes} {fig}."),
            Lever::LargestContractEnds => format!(
                "{} cannot stop any sooner: stopping after {} {takes} {fig}.",
                self.contract(),
                self.ends(beyond)
            ),
            Lever::OneOffOverrun => format!("One-off costs cannot overrun at all: even {step} {takes} {fig}."),
        }
    }

    /// "Even if contract prices were cut by 100% from each contract's second year".
    fn even(&self, lever: Lever, p: &Probe) -> String {
        let c = change(lever, p.change);
        match lever {
            Lever::PriceCut => {
                format!("Even if contract prices were cut by {c} from each contract's second year")
            }
            Lever::PayAward => format!("Even with pay awards {c} higher every year"),
            Lever::PensionRate => {
                format!("Even with employer pension contributions {c} of pay higher")
            }
            Lever::PaymentDelay => format!("Even if commissioners paid {c} later"),
            Lever::PbrAchievement => {
                "Even if no payment-by-results income were earned at all".into()
            }
            Lever::LargestContractEnds => format!(
                "Even if {} stopped before the forecast starts",
                self.contract()
            ),
            Lever::OneOffOverrun => format!("Even if one-off costs overran by {c}"),
        }
    }

    /// "cash stays at or above zero (lowest £1,234 in May 2029)".
    fn still(&self, test: Test, r: &Reading) -> String {
        match test {
            Test::DebtServiceCover if r.figure.is_none() => {
                "no year would have debt service to cover".into()
            }
            Test::FreeReserves => {
                format!("{} ({})", self.holds(test), self.figure(test, r))
            }
            _ => format!("{} (lowest {})", self.holds(test), self.figure(test, r)),
        }
    }

    /// What the lever has nothing to change in this plan.
    fn not_applicable(&self, lever: Lever) -> &'static str {
        match lever {
            Lever::PriceCut | Lever::PaymentDelay => "The plan has no contract.",
            Lever::PayAward | Lever::PensionRate => "The plan has no staff.",
            Lever::PbrAchievement => "No contract is paid by results.",
            Lever::LargestContractEnds => "No contract earns anything in the forecast.",
            Lever::OneOffOverrun => "The plan has no one-off cost.",
        }
    }

    /// What a reader may wonder of one lever against one test.
    fn aside(&self, r: &LeverTest) -> &'static str {
        match (r.lever, r.test) {
            (Lever::OneOffOverrun, Test::DebtServiceCover) => " Cover is worked out before one-off costs, so an overrun moves it only through tax and interest.",
            _ => "",
        }
    }

    /// The sentence for one lever and test.
    pub fn sentence(&self, r: &LeverTest) -> String {
        let body = match &r.outcome {
            Outcome::Limit { at, beyond } if at.change.is_zero() => self.no_room(r, beyond),
            Outcome::Limit { at, beyond } => format!(
                "{} and {}; {} {} {}.",
                self.can(r.lever, at),
                self.holds(r.test),
                self.beyond(r.lever, beyond),
                self.takes(r.test),
                self.figure(r.test, &beyond.reading)
            ),
            Outcome::HoldsAcrossRange { end } => format!(
                "{}, {}.",
                self.even(r.lever, end),
                self.still(r.test, &end.reading)
            ),
            Outcome::FailsWithoutChange => format!(
                "The plan already fails this test ({}).",
                self.figure(r.test, &r.base)
            ),
            Outcome::NotApplicable => self.not_applicable(r.lever).into(),
        };
        format!("{body}{}", self.aside(r))
    }

    /// The test as the plan stands, in a sentence.
    pub fn base_sentence(&self, test: Test) -> String {
        let Some(r) = self.headroom.results.iter().find(|r| r.test == test) else {
            return String::new();
        };
        let figure = self.figure(test, &r.base);
        match (test, r.base.holds) {
            (Test::DebtServiceCover, true) if r.base.figure.is_none() => {
                "As the plan stands no year has debt service to cover.".into()
            }
            (Test::FreeReserves, true) => format!("As the plan stands they are {figure}."),
            (_, true) => format!("As the plan stands the lowest is {figure}."),
            (_, false) => format!(
                "The plan already fails this test ({figure}), so no change can be measured against it."
            ),
        }
    }

    /// The PDF's short cell for one lever and test.
    pub fn cell(&self, r: &LeverTest) -> String {
        match &r.outcome {
            Outcome::Limit { at, .. } if at.change.is_zero() => "no room".into(),
            Outcome::Limit { at, .. } => match r.lever {
                Lever::LargestContractEnds => match at.last_month {
                    Some(m) => format!("after {}", format::month_short(m)),
                    None => change(r.lever, at.change),
                },
                _ => change(r.lever, at.change),
            },
            Outcome::HoldsAcrossRange { .. } => match r.lever {
                Lever::LargestContractEnds => "passes even if lost".into(),
                Lever::PbrAchievement => "passes with none earned".into(),
                _ => format!("passes at {}", change(r.lever, r.range_end)),
            },
            Outcome::FailsWithoutChange => match r.base.figure {
                Some(_) => format!("already fails ({})", self.short_figure(r.test, &r.base)),
                None => "already fails".into(),
            },
            Outcome::NotApplicable => "—".into(),
        }
    }

    /// A test's figure in a table cell: "2.3 months", "1.50×", "−£212".
    fn short_figure(&self, test: Test, r: &Reading) -> String {
        match (test, r.figure) {
            (Test::Cash, Some(v)) => money::pounds(v),
            (Test::DebtServiceCover, Some(v)) => cover(v),
            (Test::FreeReserves, Some(v)) => format::months(v),
            _ => String::new(),
        }
    }

    /// The tightest lever in a few words, for the portfolio: "Late payment: no room (cash)",
    /// "Prices: 7.45% (cover)", "Free reserves already fail"; `None` when nothing breaks a test.
    pub fn tightest_words(&self) -> Option<String> {
        let r = self.headroom.tightest()?;
        let test = match r.test {
            Test::Cash => "cash",
            Test::DebtServiceCover => "cover",
            Test::FreeReserves => "free reserves",
        };
        if r.outcome == Outcome::FailsWithoutChange {
            return Some(match r.test {
                Test::Cash => "Cash already fails".into(),
                Test::DebtServiceCover => "Cover already fails".into(),
                Test::FreeReserves => "Free reserves already fail".into(),
            });
        }
        let lever = match r.lever {
            Lever::PriceCut => "Prices",
            Lever::PayAward => "Pay award",
            Lever::PensionRate => "Pension rate",
            Lever::PaymentDelay => "Late payment",
            Lever::PbrAchievement => "Results",
            Lever::LargestContractEnds => "Largest contract",
            Lever::OneOffOverrun => "One-off costs",
        };
        Some(format!("{lever}: {} ({test})", self.cell(r)))
    }

    /// The lever's name as a row of the PDF's table.
    pub fn lever_title(&self, lever: Lever) -> String {
        match lever {
            Lever::PriceCut => "Contract prices cut from each contract's second year".into(),
            Lever::PayAward => "Pay awards higher every year".into(),
            Lever::PensionRate => "Employer pension contributions higher".into(),
            Lever::PaymentDelay => "Commissioners pay later".into(),
            Lever::PbrAchievement => "Payment-by-results achievement lower".into(),
            Lever::LargestContractEnds => {
                format!("Largest contract ({}) stops early", self.contract())
            }
            Lever::OneOffOverrun => "One-off costs overrun".into(),
        }
    }

    /// The column heading of a test in the PDF's table.
    pub fn test_heading(&self, test: Test) -> String {
        let t = &self.thresholds;
        match test {
            Test::Cash if self.facility => "Cash + undrawn overdraft at or above £0".into(),
            Test::Cash => "Cash at or above £0".into(),
            Test::DebtServiceCover => {
                format!(
                    "Debt service cover at least {} every year",
                    cover(t.cover_min)
                )
            }
            Test::FreeReserves => format!(
                "Free reserves at least {} (end of year {})",
                format::months(t.reserves_min_months),
                self.reserves_year()
            ),
        }
    }

    /// The sentence printed with the table.
    pub fn table_note(&self) -> String {
        "Each figure is how far one thing can go wrong on its own while the plan still passes the test above it, found by working the forecast out again: one step further (0.01%, 0.01 percentage points, one day or one month) and it fails. “No room” means the smallest step fails it; “passes at” means it still passes at the largest change tried; “already fails” means the plan fails that test as it stands.".into()
    }

    /// One year's break-even in words.
    pub fn break_even_sentence(&self, b: &BreakEven) -> String {
        let share = |d: Decimal| super::forecast_report::fixed(d, 2);
        match &b.outcome {
            BreakEvenOutcome::Found {
                income,
                margin,
                margin_percent,
                ..
            } if *margin >= Decimal::ZERO => format!(
                "Year {} breaks even at contract income of {}: the planned {} could fall by {} ({}% of planned income) before the year makes a loss after tax, with all other costs as planned.",
                b.year,
                money::pounds(*income),
                money::pounds(b.contract_income),
                money::pounds(*margin),
                share(*margin_percent)
            ),
            BreakEvenOutcome::Found {
                income,
                margin,
                margin_percent,
                ..
            } => format!(
                "Year {} breaks even at contract income of {}: the planned {} would need to rise by {} ({}% of planned income) for the year to make no loss after tax, with all other costs as planned.",
                b.year,
                money::pounds(*income),
                money::pounds(b.contract_income),
                money::pounds(-*margin),
                share(-*margin_percent)
            ),
            BreakEvenOutcome::NoContractIncome => {
                format!("Year {} has no contract income to change.", b.year)
            }
            BreakEvenOutcome::CoveredWithoutContracts => format!(
                "Year {} would make no loss after tax even with no contract income.",
                b.year
            ),
            BreakEvenOutcome::NotFound => {
                format!("Year {}: no break-even was found.", b.year)
            }
        }
    }

    /// What break-even means, printed with it.
    pub fn break_even_note(&self) -> &'static str {
        "Break-even is the contract income at which a year's surplus after tax is zero, with everything else as planned; the margin of safety is the planned contract income less the break-even income, in pounds and as a percentage of planned income. A loss is not the same as running out of cash: the first test above is the one about cash."
    }
}

/// A case the chart can draw beside the plan: closing cash at one change of one lever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChartCase {
    pub title: String,
    /// Closing cash a month, as plain numbers.
    pub points: Vec<String>,
    /// The chart's money scale while this case is drawn beside the plan.
    pub scale: Vec<ChartTick>,
}

/// One lever's line under a test, and the case its link draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HeadroomLine {
    pub lever: String,
    pub words: String,
    /// The case one step beyond the limit (or at the range's end); `None` with nothing to draw.
    pub case: Option<ChartCase>,
}

/// One test with its levers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HeadroomTestView {
    pub test: String,
    pub title: String,
    /// The test as the plan stands.
    pub base: String,
    pub lines: Vec<HeadroomLine>,
}

/// The Forecast view's Headroom section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HeadroomView {
    pub intro: String,
    pub tests: Vec<HeadroomTestView>,
    pub break_even: Vec<String>,
    pub break_even_note: String,
}

impl HeadroomReport {
    fn case(&self, r: &LeverTest) -> Option<ChartCase> {
        let (p, title) = match &r.outcome {
            Outcome::Limit { beyond, .. } => (
                beyond,
                format!(
                    "{}: {}, one step beyond the limit",
                    self.lever_title(r.lever),
                    self.beyond(r.lever, beyond)
                ),
            ),
            Outcome::HoldsAcrossRange { end } => (
                end,
                format!(
                    "{}: {}, the largest change tried",
                    self.lever_title(r.lever),
                    self.beyond(r.lever, end)
                ),
            ),
            _ => return None,
        };
        Some(ChartCase {
            title,
            points: p.closing_cash.iter().map(|d| plain(*d)).collect(),
            scale: scale(self.base_closing.iter().chain(&p.closing_cash).copied()),
        })
    }

    /// The Forecast view's section.
    pub fn view(&self) -> HeadroomView {
        HeadroomView {
            intro: "How far each thing could go wrong, on its own, before the plan fails a test: each found exactly by working the forecast out again. Choose one to draw that case on the chart.".into(),
            tests: Test::ALL
                .iter()
                .map(|&test| HeadroomTestView {
                    test: test.key().into(),
                    title: self.test_title(test),
                    base: self.base_sentence(test),
                    lines: self
                        .headroom
                        .results
                        .iter()
                        .filter(|r| r.test == test && r.base.holds)
                        .map(|r| HeadroomLine {
                            lever: r.lever.key().into(),
                            words: self.sentence(r),
                            case: self.case(r),
                        })
                        .collect(),
                })
                .collect(),
            break_even: self
                .break_even
                .iter()
                .map(|b| self.break_even_sentence(b))
                .collect(),
            break_even_note: self.break_even_note().into(),
        }
    }

    /// The CLI's text.
    pub fn to_text(&self) -> String {
        let mut out = String::from("Headroom\n");
        for test in Test::ALL {
            out.push_str(&format!(
                "\n{}\n  {}\n",
                self.test_title(test),
                self.base_sentence(test)
            ));
            for r in self
                .headroom
                .results
                .iter()
                .filter(|r| r.test == test && r.base.holds)
            {
                out.push_str(&format!("  - {}\n", self.sentence(r)));
            }
        }
        out.push_str("\nBreak-even\n");
        for b in &self.break_even {
            out.push_str(&format!("  {}\n", self.break_even_sentence(b)));
        }
        out.push_str(&format!("\n{}\n", self.break_even_note()));
        out
    }

    /// The CLI's JSON: one object per lever and test, each year's break-even, and the forecasts
    /// each lever ran.
    pub fn to_json(&self) -> Value {
        let probe = |lever: Lever, test: Test, p: &Probe| {
            let mut o = json!({
                "change": p.change.normalize().to_string(),
                "figure": p.reading.figure.map(|d| plain_figure(test, d)),
                "holds": p.reading.holds,
            });
            match p.reading.when {
                Some(When::Month(m)) => o["month"] = json!(m.to_string()),
                Some(When::Year(y)) => o["year"] = json!(y),
                None => {}
            }
            if lever == Lever::LargestContractEnds {
                o["last_month"] = json!(p.last_month.map(|m| m.to_string()));
            }
            o
        };
        let results: Vec<Value> = self
            .headroom
            .results
            .iter()
            .map(|r| {
                let (limit, reason, at, beyond) = match &r.outcome {
                    Outcome::Limit { at, beyond } => (
                        json!(at.change.normalize().to_string()),
                        Value::Null,
                        probe(r.lever, r.test, at),
                        probe(r.lever, r.test, beyond),
                    ),
                    Outcome::FailsWithoutChange => (
                        Value::Null,
                        json!("fails_without_change"),
                        Value::Null,
                        Value::Null,
                    ),
                    Outcome::HoldsAcrossRange { end } => (
                        Value::Null,
                        json!("holds_across_range"),
                        probe(r.lever, r.test, end),
                        Value::Null,
                    ),
                    Outcome::NotApplicable => (
                        Value::Null,
                        json!("not_applicable"),
                        Value::Null,
                        Value::Null,
                    ),
                };
                let mut base = json!({
                    "figure": r.base.figure.map(|d| plain_figure(r.test, d)),
                    "holds": r.base.holds,
                });
                match r.base.when {
                    Some(When::Month(m)) => base["month"] = json!(m.to_string()),
                    Some(When::Year(y)) => base["year"] = json!(y),
                    None => {}
                }
                json!({
                    "lever": r.lever.key(),
                    "test": r.test.key(),
                    "unit": r.lever.unit().key(),
                    "step": r.lever.step().normalize().to_string(),
                    "range_end": r.range_end.normalize().to_string(),
                    "limit": limit,
                    "reason": reason,
                    "base": base,
                    "at_limit": at,
                    "beyond": beyond,
                    "forecasts": r.forecasts,
                    "words": self.sentence(r),
                })
            })
            .collect();
        let break_even: Vec<Value> = self
            .break_even
            .iter()
            .map(|b| {
                let mut o = json!({
                    "year": b.year,
                    "contract_income": plain(b.contract_income),
                });
                match &b.outcome {
                    BreakEvenOutcome::Found {
                        income,
                        surplus_after_tax,
                        below_surplus_after_tax,
                        margin,
                        margin_percent,
                    } => {
                        o["break_even_income"] = json!(plain(*income));
                        o["surplus_after_tax"] = json!(plain(*surplus_after_tax));
                        o["surplus_after_tax_one_pound_less"] =
                            json!(plain(*below_surplus_after_tax));
                        o["margin"] = json!(plain(*margin));
                        o["margin_percent"] = json!(plain(*margin_percent));
                        o["reason"] = Value::Null;
                    }
                    other => {
                        o["break_even_income"] = Value::Null;
                        o["margin"] = Value::Null;
                        o["margin_percent"] = Value::Null;
                        o["reason"] = json!(match other {
                            BreakEvenOutcome::NoContractIncome => "no_contract_income",
                            BreakEvenOutcome::CoveredWithoutContracts =>
                                "covered_without_contract_income",
                            _ => "not_found",
                        });
                    }
                }
                o["words"] = json!(self.break_even_sentence(b));
                o
            })
            .collect();
        let by_lever: serde_json::Map<String, Value> = self
            .headroom
            .forecasts_by_lever
            .iter()
            .map(|(l, n)| (l.key().to_string(), json!(n)))
            .collect();
        json!({
            "headroom": results,
            "break_even": break_even,
            "forecasts_by_lever": by_lever,
        })
    }
}

/// A test's figure as a plain decimal: pounds to the penny, cover to two decimals, months to one.
fn plain_figure(test: Test, d: Decimal) -> String {
    match test {
        Test::Cash => plain(d),
        Test::DebtServiceCover => super::forecast_report::fixed(d, 2),
        Test::FreeReserves => super::forecast_report::fixed(d, 1),
    }
}
