//! Headroom: for each thing that can go wrong (a lever), the largest change for which the plan
//! still passes each test, found exactly on the lever's step and verified by the forecast itself
//! (`docs/cashflow.md`, "Headroom and break-even").
//!
//! A search runs the forecast at whole steps of a lever. It keeps a bracket, a change at which the
//! test holds and one at which it fails, and narrows it until the two are one step apart: the
//! limit is the change at which it holds, and the forecast at one step beyond shows it failing.
//! It guesses where the test's figure crosses its threshold by straight-line interpolation
//! (checking the step beside its guess), and halves the bracket whenever a guess does not, so it
//! never runs more than [`max_forecasts`] forecasts for one lever and test.
//!
//! The search assumes that a test's figure gets no better as a lever moves further (true of every
//! lever here to within the forecast's rounding): the limit it reports always holds, and the next
//! step always fails.

use super::engine::forecast_with;
use super::error::ForecastError;
use super::model::{Adjustments, Forecast};
use super::scenarios::{apply, largest_contract, Change};
use crate::model::plan::{CostFrequency, Plan};
use crate::model::values::{Money, Month};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;

/// A thing that can go wrong, moved in steps from the plan as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lever {
    /// Every contract's price from its second year, cut by a percentage (as S2).
    PriceCut,
    /// The yearly pay award, percentage points added (as S4).
    PayAward,
    /// Every staff line's employer pension rate, percentage points added (as S5).
    PensionRate,
    /// Every commissioner's payment terms, days added (as S3).
    PaymentDelay,
    /// Every payment-by-results achievement, percentage points lower (as S6).
    PbrAchievement,
    /// The largest contract (S1's) ending months before the plan has it end; its linked staff
    /// transfer with it.
    LargestContractEnds,
    /// Every one-off cost line, a percentage added.
    OneOffOverrun,
}

/// What a lever's change is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    Points,
    Days,
    Months,
}

impl Unit {
    /// Its JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Points => "percentage_points",
            Unit::Days => "days",
            Unit::Months => "months",
        }
    }
}

impl Lever {
    /// Every lever, in the order they are shown.
    pub const ALL: [Lever; 7] = [
        Lever::PriceCut,
        Lever::PayAward,
        Lever::PensionRate,
        Lever::PaymentDelay,
        Lever::PbrAchievement,
        Lever::LargestContractEnds,
        Lever::OneOffOverrun,
    ];

    /// Its JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Lever::PriceCut => "price_cut",
            Lever::PayAward => "pay_award",
            Lever::PensionRate => "pension_rate",
            Lever::PaymentDelay => "payment_delay",
            Lever::PbrAchievement => "pbr_achievement",
            Lever::LargestContractEnds => "largest_contract_ends",
            Lever::OneOffOverrun => "one_off_overrun",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Lever::PriceCut | Lever::OneOffOverrun => Unit::Percent,
            Lever::PayAward | Lever::PensionRate | Lever::PbrAchievement => Unit::Points,
            Lever::PaymentDelay => Unit::Days,
            Lever::LargestContractEnds => Unit::Months,
        }
    }

    /// The size of one step, in the lever's unit.
    pub fn step(self) -> Decimal {
        match self.unit() {
            Unit::Percent | Unit::Points => Decimal::new(1, 2),
            Unit::Days | Unit::Months => Decimal::ONE,
        }
    }

    /// The change at `n` steps.
    pub fn change(self, n: u32) -> Decimal {
        Decimal::from(n) * self.step()
    }
}

/// A test the plan must pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Test {
    /// Cash plus any undrawn facility never below zero (R1's green).
    Cash,
    /// Debt service cover, as shown to two decimals, at least the criteria's green threshold in
    /// every year with debt service (R6's green).
    DebtServiceCover,
    /// Free reserves, in months as shown to one decimal, at least the criteria's green threshold
    /// at the end of the criteria's year (R3's green).
    FreeReserves,
}

impl Test {
    pub const ALL: [Test; 3] = [Test::Cash, Test::DebtServiceCover, Test::FreeReserves];

    /// Its JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Test::Cash => "cash",
            Test::DebtServiceCover => "debt_service_cover",
            Test::FreeReserves => "free_reserves",
        }
    }
}

/// The thresholds of the tests, from the criteria data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// The lowest debt service cover that passes.
    pub cover_min: Decimal,
    /// The forecast year whose end free reserves are judged (the last year of a shorter forecast).
    pub reserves_year: u32,
    /// The fewest months of operating costs free reserves must hold.
    pub reserves_min_months: Decimal,
}

/// When a test's figure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Month(Month),
    Year(u32),
}

/// A test's outcome on one forecast: whether it holds, and the figure it judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub holds: bool,
    /// Cash: the lowest headroom (pounds). Cover: the lowest cover as shown (`None`: no year has
    /// debt service). Free reserves: months as shown (`None`: no operating costs).
    pub figure: Option<Decimal>,
    /// The month or year of the figure; `None` with no figure.
    pub when: Option<When>,
    /// What the figure is the least of, each less its threshold and unrounded: each month's
    /// headroom, each year's cover, the year's free reserves. The search's guide.
    margins: Vec<Option<Decimal>>,
}

/// The lever at one change, and what the forecast shows there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The change, in the lever's unit.
    pub change: Decimal,
    /// For [`Lever::LargestContractEnds`], the contract's last month of service at this change
    /// (`None`: it serves no month of the forecast).
    pub last_month: Option<Month>,
    pub reading: Reading,
    /// Closing cash each month, to draw the case beside the plan.
    pub closing_cash: Vec<Decimal>,
}

/// What the search found for one lever and test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The test holds at `at` and fails at `beyond`, one step further.
    Limit { at: Probe, beyond: Probe },
    /// The plan fails the test as it stands.
    FailsWithoutChange,
    /// The test still holds at the end of the lever's range.
    HoldsAcrossRange { end: Probe },
    /// The plan has nothing the lever changes (no contract, staff, results or one-off costs).
    NotApplicable,
}

/// One lever against one test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeverTest {
    pub lever: Lever,
    pub test: Test,
    /// The test on the plan as it stands.
    pub base: Reading,
    /// The range searched, in the lever's unit.
    pub range_end: Decimal,
    pub outcome: Outcome,
    /// The forecasts this search asked for (some shared with the lever's other tests).
    pub forecasts: u32,
}

/// The headroom of a plan: every lever against every test, with the forecasts each lever ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headroom {
    /// Levers in [`Lever::ALL`]'s order, each with its tests in [`Test::ALL`]'s order.
    pub results: Vec<LeverTest>,
    /// The forecasts run for each lever (each change once, whichever tests asked for it).
    pub forecasts_by_lever: Vec<(Lever, u32)>,
}

impl Lever {
    /// The change the lever's limit is set beside to find the tightest: its stress scenario's
    /// size (S2 5%, S3 30 days, S4 2 points, S5 3 points, S6 20 points); for the largest contract
    /// a year early; for one-off costs a 10% overrun.
    pub fn reference(self) -> Decimal {
        Decimal::from(match self {
            Lever::PriceCut => 5,
            Lever::PayAward => 2,
            Lever::PensionRate => 3,
            Lever::PaymentDelay => 30,
            Lever::PbrAchievement => 20,
            Lever::LargestContractEnds => 12,
            Lever::OneOffOverrun => 10,
        })
    }
}

impl Headroom {
    /// The tightest result: a test the plan fails as it stands (the first, in [`Test::ALL`]'s
    /// order), else the limit smallest beside its lever's [`Lever::reference`] (the first of
    /// equals); `None` when no lever can break any test within its range.
    pub fn tightest(&self) -> Option<&LeverTest> {
        if let Some(r) = self
            .results
            .iter()
            .find(|r| r.outcome == Outcome::FailsWithoutChange)
        {
            return Some(r);
        }
        self.results
            .iter()
            .filter_map(|r| match &r.outcome {
                Outcome::Limit { at, .. } => Some((at.change / r.lever.reference(), r)),
                _ => None,
            })
            .fold(
                None::<(Decimal, &LeverTest)>,
                |best, (ratio, r)| match best {
                    Some((b, _)) if b <= ratio => best,
                    _ => Some((ratio, r)),
                },
            )
            .map(|(_, r)| r)
    }
}

/// The most forecasts one search runs over a range of `steps` steps: one at the range's end,
/// then at most three for each halving of the bracket.
pub fn max_forecasts(steps: u32) -> u32 {
    1 + 3 * ceil_log2(steps)
}

fn ceil_log2(n: u32) -> u32 {
    if n <= 1 {
        0
    } else {
        u32::BITS - (n - 1).leading_zeros()
    }
}

/// The largest one-off overrun searched: ten times the amount added.
const OVERRUN_MAX_PERCENT: u32 = 1000;
/// The most days of payment terms added.
const DELAY_MAX_DAYS: u32 = 365;

/// One lever applied to a plan: the plan it starts from, its base forecast and its range.
struct LeverCase<'a> {
    plan: &'a Plan,
    base: &'a Forecast,
    lever: Lever,
    /// The range in steps; zero when the lever changes nothing in this plan.
    steps: u32,
    /// For the largest contract: its index and its last month of service as planned.
    contract: Option<(usize, Month)>,
}

impl<'a> LeverCase<'a> {
    fn new(plan: &'a Plan, base: &'a Forecast, lever: Lever) -> Self {
        let f = &plan.forecast;
        let hundred = 10_000;
        let mut contract = None;
        let steps = match lever {
            Lever::PriceCut | Lever::PaymentDelay if f.contracts.is_empty() => 0,
            Lever::PriceCut => hundred,
            Lever::PaymentDelay => DELAY_MAX_DAYS,
            Lever::PayAward | Lever::PensionRate if f.staff.is_empty() => 0,
            Lever::PayAward | Lever::PensionRate => hundred,
            Lever::PbrAchievement if f.contracts.iter().all(|c| c.pbr.is_none()) => 0,
            Lever::PbrAchievement => hundred,
            Lever::OneOffOverrun
                if !f
                    .costs
                    .iter()
                    .any(|c| c.frequency == CostFrequency::OneOff && !c.amount.get().is_zero()) =>
            {
                0
            }
            Lever::OneOffOverrun => OVERRUN_MAX_PERCENT * 100,
            Lever::LargestContractEnds => {
                let last = base.months.last().map(|m| m.month);
                let found = largest_contract(base).and_then(|id| {
                    f.contracts
                        .iter()
                        .enumerate()
                        .find(|(_, c)| &c.id == id)
                        .zip(last)
                });
                match found {
                    Some(((i, c), last)) => {
                        let end = super::receipts::service_end(c, last);
                        let first = c.start.max(f.start);
                        contract = Some((i, end));
                        u32::try_from(first.months_until(end) + 1).unwrap_or(0)
                    }
                    None => 0,
                }
            }
        };
        LeverCase {
            plan,
            base,
            lever,
            steps,
            contract,
        }
    }

    fn last_month(&self, n: u32) -> Option<Month> {
        let (_, end) = self.contract?;
        let last = end.plus(-i64::from(n))?;
        (n < self.steps).then_some(last)
    }

    /// The forecast with the lever moved `n` steps.
    fn forecast(&self, n: u32) -> Result<Forecast, ForecastError> {
        let change = self.lever.change(n);
        let (plan, adj) = match self.lever {
            Lever::PriceCut => apply(
                self.plan,
                self.base,
                Change::CutContractValues { percent: change },
            ),
            Lever::PayAward => apply(
                self.plan,
                self.base,
                Change::PayAwardPlus { points: change },
            ),
            Lever::PensionRate => {
                apply(self.plan, self.base, Change::PensionPlus { points: change })
            }
            Lever::PaymentDelay => apply(self.plan, self.base, Change::LatePayment { days: n }),
            Lever::PbrAchievement => apply(
                self.plan,
                self.base,
                Change::ResultsShortfall { points: change },
            ),
            Lever::LargestContractEnds => {
                let mut p = self.plan.clone();
                let mut adj = Adjustments::default();
                if let Some((i, end)) = self.contract {
                    let stop = end.plus(-i64::from(n)).unwrap_or(self.plan.forecast.start);
                    adj.contract_stops_after = Some((i, stop));
                    let id = p.forecast.contracts[i].id.clone();
                    // Its staff transfer to the next provider when it ends (TUPE), as in S1.
                    for s in p
                        .forecast
                        .staff
                        .iter_mut()
                        .filter(|s| s.contract.as_ref() == Some(&id))
                    {
                        s.end = Some(s.end.map_or(stop, |e| e.min(stop)));
                    }
                }
                (p, adj)
            }
            Lever::OneOffOverrun => {
                let mut p = self.plan.clone();
                let factor = Decimal::ONE + change / Decimal::ONE_HUNDRED;
                for c in p
                    .forecast
                    .costs
                    .iter_mut()
                    .filter(|c| c.frequency == CostFrequency::OneOff)
                {
                    let field = || format!("forecast.costs[{}].amount", c.id);
                    let grown = c
                        .amount
                        .get()
                        .checked_mul(factor)
                        .map(|a| {
                            a.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                        })
                        .and_then(|a| Money::new(a).ok())
                        .ok_or_else(|| ForecastError::Overflow { field: field() })?;
                    c.amount = grown;
                }
                (p, Adjustments::default())
            }
        };
        forecast_with(&plan, &adj)
    }
}

/// The range of `lever` on `plan`, in steps: zero when the plan has nothing it changes.
pub fn steps(plan: &Plan, base: &Forecast, lever: Lever) -> u32 {
    LeverCase::new(plan, base, lever).steps
}

/// The forecast of `plan` with `lever` moved `n` steps (`base` is the plan's own forecast, which
/// names the largest contract).
pub fn forecast_at(
    plan: &Plan,
    base: &Forecast,
    lever: Lever,
    n: u32,
) -> Result<Forecast, ForecastError> {
    LeverCase::new(plan, base, lever).forecast(n)
}

/// Reads a test on a forecast.
pub fn read(f: &Forecast, test: Test, t: &Thresholds) -> Reading {
    let round =
        |d: Decimal, dp: u32| d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    match test {
        Test::Cash => {
            let s = &f.summary;
            Reading {
                holds: s.lowest_headroom >= Decimal::ZERO,
                figure: Some(s.lowest_headroom),
                when: Some(When::Month(s.lowest_headroom_month)),
                margins: f.months.iter().map(|m| Some(m.headroom)).collect(),
            }
        }
        Test::DebtServiceCover => {
            let worst = f
                .years
                .iter()
                .filter_map(|y| y.debt_service_cover.map(|d| (d, y.year)))
                .min_by_key(|(d, _)| *d);
            match worst {
                Some((cover, year)) => Reading {
                    holds: round(cover, 2) >= t.cover_min,
                    figure: Some(round(cover, 2)),
                    when: Some(When::Year(year)),
                    margins: f
                        .years
                        .iter()
                        .map(|y| {
                            y.debt_service_cover
                                .and_then(|d| d.checked_sub(t.cover_min))
                        })
                        .collect(),
                },
                None => Reading {
                    holds: true,
                    figure: None,
                    when: None,
                    margins: Vec::new(),
                },
            }
        }
        Test::FreeReserves => {
            let want = usize::try_from(t.reserves_year)
                .unwrap_or(usize::MAX)
                .max(1);
            let year = f.years.get(want - 1).or(f.years.last());
            match year.and_then(|y| y.free_reserves_months.map(|m| (m, y.year))) {
                Some((months, year)) => Reading {
                    holds: round(months, 1) >= t.reserves_min_months,
                    figure: Some(round(months, 1)),
                    when: Some(When::Year(year)),
                    margins: vec![months.checked_sub(t.reserves_min_months)],
                },
                None => Reading {
                    holds: false,
                    figure: None,
                    when: year.map(|y| When::Year(y.year)),
                    margins: Vec::new(),
                },
            }
        }
    }
}

/// What one forecast at one change gave every test, and its closing cash.
struct Evaluated {
    readings: [Reading; 3],
    closing_cash: Vec<Decimal>,
}

/// A lever's forecasts, each change run once whichever test asks.
struct Runs<'a> {
    case: LeverCase<'a>,
    thresholds: Thresholds,
    done: HashMap<u32, Evaluated>,
}

impl Runs<'_> {
    fn at(&mut self, n: u32) -> Result<&Evaluated, ForecastError> {
        if !self.done.contains_key(&n) {
            let f = if n == 0 {
                None
            } else {
                Some(self.case.forecast(n)?)
            };
            let f = f.as_ref().unwrap_or(self.case.base);
            let t = &self.thresholds;
            let e = Evaluated {
                readings: Test::ALL.map(|test| read(f, test, t)),
                closing_cash: f.months.iter().map(|m| m.closing).collect(),
            };
            self.done.insert(n, e);
        }
        Ok(&self.done[&n])
    }

    fn reading(&mut self, n: u32, test: Test) -> Result<Reading, ForecastError> {
        let i = Test::ALL.iter().position(|t| *t == test).unwrap_or(0);
        Ok(self.at(n)?.readings[i].clone())
    }

    fn probe(&mut self, n: u32, test: Test) -> Result<Probe, ForecastError> {
        let reading = self.reading(n, test)?;
        Ok(Probe {
            change: self.case.lever.change(n),
            last_month: self.case.last_month(n),
            reading,
            closing_cash: self.at(n)?.closing_cash.clone(),
        })
    }

    /// Searches one test; returns the outcome and the forecasts asked for (cached or not).
    ///
    /// Between a change that holds (`lo`) and one that fails (`hi`) it guesses where the test's
    /// figure crosses its threshold on a straight line through the two figures (regula falsi),
    /// halving the weight of an end that stays put twice so that a figure flat at one end does not
    /// slow it (the Illinois rule), and looks at the step beside its guess. A guess that does not
    /// at least halve the bracket is followed by a plain halving.
    fn search(&mut self, test: Test) -> Result<(Outcome, u32), ForecastError> {
        let steps = self.case.steps;
        if steps == 0 {
            return Ok((Outcome::NotApplicable, 0));
        }
        if !self.reading(0, test)?.holds {
            return Ok((Outcome::FailsWithoutChange, 0));
        }
        let mut asked = 1;
        if self.reading(steps, test)?.holds {
            let end = self.probe(steps, test)?;
            return Ok((Outcome::HoldsAcrossRange { end }, asked));
        }
        let mut k = Bracket {
            lo: (0, self.reading(0, test)?.margins),
            hi: (steps, self.reading(steps, test)?.margins),
            recent: [None, None],
        };
        let mut interpolate = true;
        while k.width() > 1 {
            let width = k.width();
            let guessed = if interpolate { k.guess() } else { None };
            match guessed {
                Some(x) => {
                    asked += 1;
                    if k.visit(x, &self.reading(x, test)?) {
                        if x + 1 < k.hi.0 {
                            asked += 1;
                            k.visit(x + 1, &self.reading(x + 1, test)?);
                        }
                    } else if x - 1 > k.lo.0 {
                        asked += 1;
                        k.visit(x - 1, &self.reading(x - 1, test)?);
                    }
                    interpolate = k.width() <= width / 2;
                }
                None => {
                    let mid = k.lo.0 + width / 2;
                    asked += 1;
                    k.visit(mid, &self.reading(mid, test)?);
                    interpolate = true;
                }
            }
        }
        let (lo, hi) = (k.lo.0, k.hi.0);
        let at = self.probe(lo, test)?;
        let beyond = self.probe(hi, test)?;
        Ok((Outcome::Limit { at, beyond }, asked))
    }
}

/// A search's bracket: a change that holds (`lo`) and one that fails (`hi`), with the margins
/// there and at the last two changes visited.
struct Bracket {
    lo: (u32, Vec<Option<Decimal>>),
    hi: (u32, Vec<Option<Decimal>>),
    /// The last two changes visited with their margins, newest last.
    recent: [Option<(u32, Vec<Option<Decimal>>)>; 2],
}

impl Bracket {
    fn width(&self) -> u32 {
        self.hi.0 - self.lo.0
    }

    /// Takes the reading at `x` into the bracket; true when it holds (`x` becomes `lo`).
    fn visit(&mut self, x: u32, r: &Reading) -> bool {
        let point = (x, r.margins.clone());
        if r.holds {
            self.lo = point.clone();
        } else {
            self.hi = point.clone();
        }
        self.recent = [self.recent[1].take(), Some(point)];
        r.holds
    }

    /// The next change to try: where the first of the figure's parts would cross its threshold
    /// if each moved in a straight line through the last two changes visited (after a guess and
    /// the step beside it, each part's local slope), when that is inside the bracket; otherwise
    /// through the bracket's ends.
    fn guess(&self) -> Option<u32> {
        let inside = |x: u32| x > self.lo.0 && x < self.hi.0;
        if let [Some(a), Some(b)] = &self.recent {
            if let Some(x) = crossing(a, b).filter(|x| inside(*x)) {
                return Some(x);
            }
        }
        crossing(&self.lo, &self.hi).map(|x| x.clamp(self.lo.0 + 1, self.hi.0 - 1))
    }
}

/// The first change, after the lesser of `a` and `b`, at which a part of the figure would fall
/// below zero if each part moved in a straight line through its margins at `a` and `b`; `None`
/// when no part falls.
fn crossing(a: &(u32, Vec<Option<Decimal>>), b: &(u32, Vec<Option<Decimal>>)) -> Option<u32> {
    let ((x1, m1), (x2, m2)) = if a.0 < b.0 { (a, b) } else { (b, a) };
    if *x1 == *x2 || m1.len() != m2.len() {
        return None;
    }
    let run = Decimal::from(x2 - x1);
    let mut first: Option<Decimal> = None;
    for (g1, g2) in m1.iter().zip(m2) {
        let (Some(g1), Some(g2)) = (g1, g2) else {
            continue;
        };
        let fall = g1.checked_sub(*g2)?;
        if fall <= Decimal::ZERO {
            continue;
        }
        // g(x) = g1 − fall × (x − x1) / run is zero at x1 + g1 × run / fall.
        let Some(at) = g1
            .checked_mul(run)
            .and_then(|d| d.checked_div(fall))
            .and_then(|d| d.checked_add(Decimal::from(*x1)))
        else {
            continue;
        };
        first = Some(first.map_or(at, |f| f.min(at)));
    }
    let x = first?.floor().max(Decimal::ZERO);
    u32::try_from(x.to_u64()?).ok()
}

/// The headroom of every lever against every test, from the plan's base forecast.
pub fn headroom(plan: &Plan, base: &Forecast, t: &Thresholds) -> Result<Headroom, ForecastError> {
    let lean = super::scenarios::forecast_part(plan);
    let mut results = Vec::new();
    let mut by_lever = Vec::new();
    for lever in Lever::ALL {
        let case = LeverCase::new(&lean, base, lever);
        let range_end = lever.change(case.steps);
        let mut runs = Runs {
            case,
            thresholds: *t,
            done: HashMap::new(),
        };
        for test in Test::ALL {
            let base_reading = runs.reading(0, test)?;
            let (outcome, forecasts) = runs.search(test)?;
            results.push(LeverTest {
                lever,
                test,
                base: base_reading,
                range_end,
                outcome,
                forecasts,
            });
        }
        // The base forecast was run once for all levers.
        let run = runs.done.keys().filter(|n| **n != 0).count();
        by_lever.push((lever, u32::try_from(run).unwrap_or(u32::MAX)));
    }
    Ok(Headroom {
        results,
        forecasts_by_lever: by_lever,
    })
}

/// One forecast year's break-even: the contract income at which its surplus after tax is zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakEven {
    pub year: u32,
    /// The year's contract income as planned.
    pub contract_income: Decimal,
    pub outcome: BreakEvenOutcome,
}

/// What the break-even search found for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakEvenOutcome {
    /// At `income` the year's surplus after tax is at least zero, and £1 less of contract income
    /// makes it negative; the margin of safety is the planned income less `income` (negative
    /// when the year runs at a deficit), and that as a percentage of the planned income.
    Found {
        income: Decimal,
        surplus_after_tax: Decimal,
        below_surplus_after_tax: Decimal,
        margin: Decimal,
        margin_percent: Decimal,
    },
    /// The year earns no contract income to change.
    NoContractIncome,
    /// Even with no contract income at all the year's surplus after tax is not negative.
    CoveredWithoutContracts,
    /// The search stopped after [`BREAK_EVEN_MAX_FORECASTS`] forecasts without two incomes £1
    /// apart either side of zero (a plan whose costs move with its income in jumps).
    NotFound,
}

/// The most forecasts a year's break-even search runs.
pub const BREAK_EVEN_MAX_FORECASTS: u32 = 64;

/// Each forecast year's break-even contract income, verified by the forecast: the year's
/// contract income is scaled so that it falls by whole pounds, the rest of the plan unchanged.
pub fn break_even(plan: &Plan, base: &Forecast) -> Result<Vec<BreakEven>, ForecastError> {
    let lean = super::scenarios::forecast_part(plan);
    base.years
        .iter()
        .map(|y| {
            let income = y.contract_income;
            let outcome = if income <= Decimal::ZERO {
                BreakEvenOutcome::NoContractIncome
            } else {
                year_break_even(&lean, y.year, income, y.surplus)?
            };
            Ok(BreakEven {
                year: y.year,
                contract_income: income,
                outcome,
            })
        })
        .collect()
}

/// The year's contract income, surplus and surplus after tax with its contract income `fall`
/// pounds lower.
fn at_fall(
    plan: &Plan,
    year: u32,
    income: Decimal,
    fall: i64,
) -> Result<(Decimal, Decimal, Decimal), ForecastError> {
    let field = || format!("forecast.years[{year}].contract_income");
    let factor = Decimal::from(fall)
        .checked_sub(income)
        .and_then(|d| (-d).checked_div(income))
        .ok_or_else(|| ForecastError::Overflow { field: field() })?;
    let adj = Adjustments {
        contract_scale_in_year: Some((year, factor)),
        ..Adjustments::default()
    };
    let f = forecast_with(plan, &adj)?;
    let y = &f.years[year as usize - 1];
    Ok((y.contract_income, y.surplus, y.surplus_after_tax))
}

fn year_break_even(
    plan: &Plan,
    year: u32,
    income: Decimal,
    surplus: Decimal,
) -> Result<BreakEvenOutcome, ForecastError> {
    let whole = |d: Decimal| {
        i64::try_from(d.floor()).unwrap_or(if d.is_sign_negative() {
            i64::MIN / 4
        } else {
            i64::MAX / 4
        })
    };
    let max_fall = whole(income);
    // Income £1 lower makes the surplus about £1 lower, and the surplus after tax is zero exactly
    // when the surplus is: start where the surplus would be zero, and step by the surplus left
    // (a Newton step of slope −1), halving once a bracket is known.
    let mut lo: Option<(i64, Decimal, Decimal)> = None;
    let mut hi: Option<(i64, Decimal)> = None;
    let mut x = whole(surplus).min(max_fall);
    for _ in 0..BREAK_EVEN_MAX_FORECASTS {
        let (got, before_tax, after_tax) = at_fall(plan, year, income, x)?;
        if after_tax >= Decimal::ZERO {
            if x >= max_fall {
                return Ok(BreakEvenOutcome::CoveredWithoutContracts);
            }
            lo = Some((x, got, after_tax));
        } else {
            hi = Some((x, after_tax));
        }
        if let (Some((l, got, at)), Some((h, below))) = (lo, hi) {
            if h - l == 1 {
                let margin = income - got;
                let margin_percent = (margin / income * Decimal::ONE_HUNDRED)
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                return Ok(BreakEvenOutcome::Found {
                    income: got,
                    surplus_after_tax: at,
                    below_surplus_after_tax: below,
                    margin,
                    margin_percent,
                });
            }
        }
        let newton = if after_tax >= Decimal::ZERO {
            x.saturating_add(whole(before_tax).max(1))
        } else {
            x.saturating_sub(whole(-before_tax).max(1))
        }
        .min(max_fall);
        x = match (lo, hi) {
            (Some((l, ..)), Some((h, _))) if newton <= l || newton >= h => l + (h - l) / 2,
            _ => newton,
        };
    }
    Ok(BreakEvenOutcome::NotFound)
}
