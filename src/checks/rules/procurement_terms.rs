//! The terms the PROC rules share: a contract's award date and regime, health and social care,
//! which provider selection regime applies, who buys under the Procurement Act 2023, a contract's
//! maximum term and total value, and which reserved contracts are excluded from the reserved-award
//! checks.

use super::rule::Ctx;
use crate::checks::criteria::ThresholdRegime;
use crate::forecast::anniversaries;
use crate::model::plan::{Contract, Nation, ProcurementRoute, PublicBodyKind, VatTreatment};
use crate::model::values::{Date, Month};
use crate::words::format::date_long;
use crate::words::money::{pence, pounds};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::ToPrimitive;
use rust_decimal::Decimal;

/// The regime a reserved procurement falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Public Contracts Regulations 2015, regulation 77.
    Reg77,
    /// Procurement Act 2023, section 33.
    S33,
}

impl Regime {
    /// The criteria data's name for the regime's thresholds.
    fn thresholds(self) -> ThresholdRegime {
        match self {
            Regime::Reg77 => ThresholdRegime::Reg77,
            Regime::S33 => ThresholdRegime::S33,
        }
    }
}

fn day(year: i32, month: u8, d: u8) -> Date {
    Date::new(year, month, d).unwrap_or_else(|| unreachable!("a real date"))
}

/// The day the Procurement Act 2023 came into force, and the Welsh provider selection regime
/// with it.
pub fn act_commencement() -> Date {
    day(2025, 2, 24)
}

/// The day from which the Provider Selection Regime applies in England.
pub fn psr_commencement() -> Date {
    day(2024, 1, 1)
}

/// Procurements started before 24 February 2025 stay under reg. 77.
pub fn regime(started: Date) -> Regime {
    if started < act_commencement() {
        Regime::Reg77
    } else {
        Regime::S33
    }
}

pub(super) fn path(c: &Contract, field: &str) -> String {
    if field.is_empty() {
        format!("forecast.contracts[{}]", c.id)
    } else {
        format!("forecast.contracts[{}].{field}", c.id)
    }
}

pub(super) fn first_day(m: Month) -> Date {
    Date::new(m.year(), m.month(), 1).unwrap_or_else(|| unreachable!("every month has a 1st"))
}

/// The award date: `awarded`, or while that is not known the contract's first day.
pub(super) fn award_date(c: &Contract) -> Date {
    c.procurement.awarded.unwrap_or_else(|| first_day(c.start))
}

/// The award date in words, saying when it is assumed.
pub(super) fn award_words(c: &Contract) -> String {
    match c.procurement.awarded {
        Some(d) => date_long(d),
        None => format!(
            "{} (assumed: the contract's first day)",
            date_long(first_day(c.start))
        ),
    }
}

/// The contracts whose route is reserved for mutuals.
pub(super) fn reserved<'a>(ctx: &'a Ctx) -> impl Iterator<Item = &'a Contract> {
    ctx.plan
        .forecast
        .contracts
        .iter()
        .filter(|c| c.procurement.route == ProcurementRoute::ReservedPsm)
}

/// Whether an NHS body or a council buys the contract.
fn nhs_or_council(c: &Contract) -> bool {
    matches!(
        c.commissioner_kind,
        PublicBodyKind::NhsBody | PublicBodyKind::LocalAuthority
    )
}

/// The PSR applies: England, procurement started on or after 1 January 2024, an NHS body or a
/// council, health care.
pub(super) fn psr_applies(ctx: &Ctx, c: &Contract) -> bool {
    ctx.plan.organisation.nation == Nation::England
        && c.procurement.started >= psr_commencement()
        && nhs_or_council(c)
        && ctx.policy.is_health_care(&c.procurement.cpv)
}

/// The Welsh PSR applies: the same in Wales, from 24 February 2025.
pub(super) fn welsh_psr_applies(ctx: &Ctx, c: &Contract) -> bool {
    ctx.plan.organisation.nation == Nation::Wales
        && c.procurement.started >= act_commencement()
        && nhs_or_council(c)
        && ctx.policy.is_health_care(&c.procurement.cpv)
}

/// A provider selection regime applies: the PSR or the Welsh PSR.
pub(super) fn a_psr_applies(ctx: &Ctx, c: &Contract) -> bool {
    psr_applies(ctx, c) || welsh_psr_applies(ctx, c)
}

/// Welsh health procurement: in Wales, bought by an NHS body, or by a council buying health care.
pub(super) fn welsh_health(ctx: &Ctx, c: &Contract) -> bool {
    ctx.plan.organisation.nation == Nation::Wales
        && (c.commissioner_kind == PublicBodyKind::NhsBody
            || (c.commissioner_kind == PublicBodyKind::LocalAuthority
                && ctx.policy.is_health_care(&c.procurement.cpv)))
}

/// A devolved Scottish buyer: in Scotland, an NHS body or a council.
pub(super) fn devolved_scottish(ctx: &Ctx, c: &Contract) -> bool {
    ctx.plan.organisation.nation == Nation::Scotland && nhs_or_council(c)
}

/// Bought under the Act: started on or after 24 February 2025, and neither the PSR, nor Welsh
/// health procurement, nor a devolved Scottish buyer.
pub(super) fn under_the_act(ctx: &Ctx, c: &Contract) -> bool {
    c.procurement.started >= act_commencement()
        && !psr_applies(ctx, c)
        && !welsh_health(ctx, c)
        && !devolved_scottish(ctx, c)
}

/// The last month of service including every extension option.
pub(super) fn maximum_end(c: &Contract) -> Month {
    c.end
        .plus(i64::from(c.procurement.extension_months))
        .unwrap_or(c.end)
}

/// The maximum term: months from `start` to `end` inclusive, plus the extension options.
pub(super) fn maximum_term(c: &Contract) -> i64 {
    c.start.months_until(c.end) + 1 + i64::from(c.procurement.extension_months)
}

fn exact(d: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u8).pow(d.scale()),
    )
}

/// An exact amount, rounded to pennies (half away from zero, or down), as a `Decimal`.
fn to_pennies(r: &BigRational, down: bool) -> Option<Decimal> {
    let hundred = BigRational::from_integer(BigInt::from(100u8));
    let scaled = r * hundred;
    let p = if down { scaled.floor() } else { scaled.round() };
    Decimal::try_from_i128_with_scale(p.to_integer().to_i128()?, 2).ok()
}

/// An exact amount compared with a threshold, in words: whole pounds, or to the penny when its
/// whole-pound value equals the threshold. An amount below the threshold is never shown as
/// reaching it: its pennies are then rounded down.
pub(super) fn compared(amount: &BigRational, threshold: Decimal) -> String {
    let Some(whole) = amount.round().to_integer().to_i128().map(Decimal::from) else {
        return "more than can be shown".into();
    };
    if whole != threshold {
        return pounds(whole);
    }
    let below = *amount < exact(threshold);
    match to_pennies(amount, false) {
        Some(p) if below && p >= threshold => {
            to_pennies(amount, true).map_or_else(|| pounds(whole), pence)
        }
        Some(p) => pence(p),
        None => pounds(whole),
    }
}

/// A contract's total value `T` against the light-touch threshold of a regime.
pub(super) struct TotalValue {
    /// `T`, exactly.
    pub total: BigRational,
    /// The maximum term in months.
    pub months: i64,
    /// Whether extension options count towards the term.
    pub extended: bool,
    /// Whether VAT is added to `T` (a standard-rated contract and a threshold that includes it).
    pub with_vat: bool,
    /// The threshold that applies.
    pub threshold: Decimal,
}

impl TotalValue {
    /// Whether `T` is below the threshold, exactly.
    pub fn below(&self) -> bool {
        self.total < exact(self.threshold)
    }

    /// "\"{service}\" is worth {T} over its {M} months{ including extensions}{ including VAT}:
    /// below the {threshold} threshold for light-touch contracts".
    pub fn words(&self, c: &Contract) -> String {
        format!(
            "\"{}\" is worth {} over its {} months{}{}: below the {} threshold for light-touch contracts",
            c.service,
            compared(&self.total, self.threshold),
            self.months,
            if self.extended { " including extensions" } else { "" },
            if self.with_vat { " including VAT" } else { "" },
            pounds(self.threshold)
        )
    }
}

/// The most the commissioner could expect to pay over the maximum term, exactly:
/// `Σ annual_value × (1 + indexation)^k / 12` over the months from `start` to `end` plus the
/// extension options, with VAT at the plan's standard rate when the contract is standard-rated and
/// the threshold of `regime` that applies on `started` includes VAT. `None` when the criteria data
/// has no threshold for the regime, or the contract ends before it starts (FIN-01's error).
pub(super) fn total_value(ctx: &Ctx, c: &Contract, regime: Regime) -> Option<TotalValue> {
    let entry = ctx
        .policy
        .reserved_threshold(regime.thresholds(), c.procurement.started)?;
    if c.end < c.start {
        return None;
    }
    let months = maximum_term(c);
    let growth = BigRational::from_integer(BigInt::from(1u8))
        + exact(c.indexation_percent.get()) / BigRational::from_integer(BigInt::from(100u8));
    // Months sharing an anniversary count share a value: add each year's power once, times its
    // months.
    let mut sum = BigRational::from_integer(BigInt::from(0u8));
    let mut power = BigRational::from_integer(BigInt::from(1u8));
    let mut k = 0u32;
    let last = maximum_end(c);
    let mut m = c.start;
    while m <= last {
        let year = anniversaries(m, c.start);
        while k < year {
            power = &power * &growth;
            k += 1;
        }
        let in_year = (12 - c.start.months_until(m).rem_euclid(12)).min(m.months_until(last) + 1);
        sum += &power * BigRational::from_integer(BigInt::from(in_year));
        match m.plus(in_year) {
            Some(next) => m = next,
            None => break,
        }
    }
    let mut total =
        exact(c.annual_value.get()) * sum / BigRational::from_integer(BigInt::from(12u8));
    let with_vat = c.vat == VatTreatment::Standard && entry.includes_vat;
    if with_vat {
        let rate = exact(ctx.plan.forecast.settings.vat_standard_rate_percent.get());
        let hundred = BigRational::from_integer(BigInt::from(100u8));
        total = total * (&hundred + rate) / hundred;
    }
    Some(TotalValue {
        total,
        months,
        extended: c.procurement.extension_months > 0,
        with_vat,
        threshold: entry.amount.get(),
    })
}

/// PROC-04's error: a reserved contract to which a provider selection regime applies.
pub(super) fn psr_error(ctx: &Ctx, c: &Contract) -> bool {
    c.procurement.route == ProcurementRoute::ReservedPsm && a_psr_applies(ctx, c)
}

/// PROC-09's error: a reserved contract bought by a devolved Scottish buyer.
pub(super) fn scottish_error(ctx: &Ctx, c: &Contract) -> bool {
    c.procurement.route == ProcurementRoute::ReservedPsm && devolved_scottish(ctx, c)
}

/// PROC-10's finding: a reserved contract that neither PROC-04 nor PROC-09 gives an error for,
/// whose total value is below the threshold of its regime; its total value when it is.
pub(super) fn below_threshold(ctx: &Ctx, c: &Contract) -> Option<TotalValue> {
    if c.procurement.route != ProcurementRoute::ReservedPsm
        || psr_error(ctx, c)
        || scottish_error(ctx, c)
    {
        return None;
    }
    total_value(ctx, c, regime(c.procurement.started)).filter(TotalValue::below)
}

/// Excluded: a reserved contract for which PROC-04 or PROC-09 gives an error, or PROC-10 a
/// finding. PROC-01, 02, 03, 05, 06 and 07 do not apply to it.
pub(super) fn excluded(ctx: &Ctx, c: &Contract) -> bool {
    psr_error(ctx, c) || scottish_error(ctx, c) || below_threshold(ctx, c).is_some()
}

/// The reserved contracts that are not excluded.
pub(super) fn reserved_awards<'a>(ctx: &'a Ctx) -> impl Iterator<Item = &'a Contract> {
    reserved(ctx).filter(move |c| !excluded(ctx, c))
}

/// A label written mid-sentence: its first letter in lower case, unless the label starts with
/// an abbreviation ("NHS body").
pub(super) fn lower(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if !b.is_uppercase() => {
            a.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}
