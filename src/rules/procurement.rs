//! PROC: reserved contracts for mutuals, under the regime in force when procurement started.

use super::{employee_votes, pc, Ctx, Finding, Rule, Severity};
use crate::plan::{Contract, DistributionPolicy, ProcurementRoute, PublicBodyKind};
use crate::values::Date;
use rust_decimal::Decimal;

pub(super) const RULES: &[Rule] = &[
    Rule { id: "PROC-01", title: "The regime for a reserved contract", severity: "info", source: "Procurement Act 2023 commencement, 24 February 2025", check: proc_01 },
    Rule { id: "PROC-02", title: "A reserved contract's term", severity: "error", source: "Public Contracts Regulations 2015 reg. 77 (at most 3 years); Procurement Act 2023 s.33 (at most 5 years)", check: proc_02 },
    Rule { id: "PROC-03", title: "No reserved award in the previous 3 years", severity: "error", source: "reg. 77 and s.33: no comparable reserved award in the previous 3 years", check: proc_03 },
    Rule { id: "PROC-04", title: "NHS healthcare is not reserved", severity: "error", source: "Health Care Services (Provider Selection Regime) Regulations 2023, from 1 January 2024", check: proc_04 },
    Rule { id: "PROC-05", title: "The organisation qualifies for a reserved contract", severity: "error", source: "reg. 77(4); Procurement Act 2023 s.33(6)", check: proc_05 },
    Rule { id: "PROC-06", title: "The service can be reserved", severity: "warning", source: "reg. 77(2); for s.33, Schedule 1 of the Procurement Regulations 2024 (services marked R)", check: proc_06 },
    Rule { id: "PROC-07", title: "After a reserved contract", severity: "info", source: "reg. 77 and s.33", check: proc_07 },
];

/// The regime a reserved procurement falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Public Contracts Regulations 2015, regulation 77.
    Reg77,
    /// Procurement Act 2023, section 33.
    S33,
}

/// The day the Procurement Act 2023 came into force.
pub fn act_commencement() -> Date {
    Date::new(2025, 2, 24).unwrap_or_else(|| unreachable!("a real date"))
}

/// Procurements started before 24 February 2025 stay under reg. 77.
pub fn regime(started: Date) -> Regime {
    if started < act_commencement() {
        Regime::Reg77
    } else {
        Regime::S33
    }
}

fn reserved<'a>(ctx: &'a Ctx) -> impl Iterator<Item = &'a Contract> {
    ctx.plan
        .forecast
        .contracts
        .iter()
        .filter(|c| c.procurement.route == ProcurementRoute::ReservedPsm)
}

fn path(c: &Contract, field: &str) -> String {
    if field.is_empty() {
        format!("forecast.contracts[{}]", c.id)
    } else {
        format!("forecast.contracts[{}].{field}", c.id)
    }
}

fn proc_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .map(|c| {
            let text = match regime(c.procurement.started) {
                Regime::Reg77 => "Public Contracts Regulations 2015, regulation 77 (procurement started before 24 February 2025)",
                Regime::S33 => "Procurement Act 2023, section 33 (procurement started on or after 24 February 2025)",
            };
            r.finding(Severity::Info, path(c, "procurement.started"), format!("\"{}\" is reserved under the {text}.", c.service))
        })
        .collect()
}

fn proc_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter_map(|c| {
            let term = c.start.months_until(c.end) + 1;
            let (max, law) = match regime(c.procurement.started) {
                Regime::Reg77 => (36, "regulation 77"),
                Regime::S33 => (60, "section 33 of the Procurement Act"),
            };
            (term > max).then(|| {
                r.finding(
                    Severity::Error,
                    path(c, "end"),
                    format!("\"{}\" runs for {term} months; a contract reserved under {law} may run for at most {max} months. Shorten it, or plan for open competition.", c.service),
                )
            })
        })
        .collect()
}

fn proc_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter_map(|c| {
            let last = c.procurement.last_reserved_award?;
            let started = c.procurement.started;
            let window_start = started.plus_years(-3);
            (last >= window_start && last <= started).then(|| {
                r.finding(
                    Severity::Error,
                    path(c, "procurement.last_reserved_award"),
                    format!("This commissioner reserved \"{}\" for a mutual on {last}, within the 3 years before this procurement started: it cannot be reserved again yet.", c.service),
                )
            })
        })
        .collect()
}

fn is_healthcare(cpv: &str) -> bool {
    cpv.trim().starts_with("85")
}

fn proc_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter(|c| c.commissioner_kind == PublicBodyKind::NhsBody && is_healthcare(&c.procurement.cpv))
        .map(|c| {
            r.finding(
                Severity::Error,
                path(c, "procurement.route"),
                format!("\"{}\" is NHS healthcare: it is bought under the Provider Selection Regime, not as a reserved contract.", c.service),
            )
        })
        .collect()
}

fn proc_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    let votes = employee_votes(plan);
    let no_mission = plan.organisation.public_service_mission.trim().is_empty();
    reserved(ctx)
        .filter_map(|c| {
            let mut why = Vec::new();
            if no_mission {
                why.push("it states no public service mission".to_string());
            }
            match regime(c.procurement.started) {
                Regime::Reg77 => {
                    if plan.ownership.profit_distribution.policy == DistributionPolicy::MembersDividend {
                        why.push("its profits go to members as dividends (they must be reinvested, or distributed on participation)".into());
                    }
                    if votes < Decimal::from(25) {
                        why.push(format!("staff hold only {} of the votes (its structure must rest on employee ownership or participation)", pc(votes)));
                    }
                }
                Regime::S33 => {
                    if votes <= Decimal::from(50) {
                        why.push(format!("staff hold {} of the votes (a mutual must be under the management and control of its employees)", pc(votes)));
                    }
                }
            }
            (!why.is_empty()).then(|| {
                r.finding(Severity::Error, path(c, "procurement.route"), format!("The organisation does not qualify for the reserved contract \"{}\": {}.", c.service, why.join("; ")))
            })
        })
        .collect()
}

/// The CPV codes regulation 77 lets a contract be reserved for, besides the range 85000000–85323000.
const REG77_CODES: [u32; 17] = [
    75121000, 75122000, 75123000, 79622000, 79624000, 79625000, 80110000, 80300000, 80420000,
    80430000, 80511000, 80520000, 80590000, 92500000, 92600000, 98133000, 98133110,
];

/// Whether a CPV code (with or without its check digit) is on the regulation 77 list.
pub fn reg77_reservable(cpv: &str) -> bool {
    let digits: String = cpv
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let Ok(code) = digits.parse::<u32>() else {
        return false;
    };
    digits.len() == 8 && ((85_000_000..=85_323_000).contains(&code) || REG77_CODES.contains(&code))
}

fn proc_06(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter(|c| !reg77_reservable(&c.procurement.cpv))
        .map(|c| {
            let message = match regime(c.procurement.started) {
                Regime::Reg77 => format!("CPV code {} is not on the list of services regulation 77 allows to be reserved.", c.procurement.cpv),
                Regime::S33 => format!(
                    "CPV code {} is not on the regulation 77 list. Under the Procurement Act the list is Schedule 1 of the Procurement Regulations 2024 (services marked R): check it there.",
                    c.procurement.cpv
                ),
            };
            r.finding(Severity::Warning, path(c, "procurement.cpv"), message)
        })
        .collect()
}

fn proc_07(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .map(|c| {
            r.finding(
                Severity::Info,
                path(c, ""),
                format!("\"{}\" is reserved until {}; after that the service must be won in open competition. Stress scenario S1 shows the cash effect of losing it.", c.service, c.end),
            )
        })
        .collect()
}
