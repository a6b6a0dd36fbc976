//! PROC: reserved contracts for mutuals, under the regime in force when procurement started, and
//! where these English rules may not hold.

use super::rule::{employee_votes, Ctx, Rule};
use crate::checks::criteria::Policy;
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::{
    Constituency, Contract, DistributionPolicy, GroupKind, Nation, ProcurementRoute, PublicBodyKind,
};
use crate::model::values::{Date, Month};
use crate::words::format::percent as pc;
use crate::words::format::{date_long, month_long};
use crate::words::labels::distribution;
use rust_decimal::{Decimal, RoundingStrategy};

pub(super) const RULES: &[Rule] = &[
    Rule { id: "PROC-01", title: "The regime for a reserved contract", severity: "info", source: "Procurement Act 2023 commencement, 24 February 2025", check: proc_01 },
    Rule { id: "PROC-02", title: "A reserved contract's term", severity: "error", source: "Public Contracts Regulations 2015 reg. 77(5) (at most 3 years); Procurement Act 2023 s.33 (at most 5 years, extensions included)", check: proc_02 },
    Rule { id: "PROC-03", title: "No reserved award to this organisation in the previous 3 years", severity: "error / info", source: "reg. 77(4)(d); Procurement Act 2023 s.33(5) and (7): the three years ending with the day the contract is awarded", check: proc_03 },
    Rule { id: "PROC-04", title: "Health care is bought under the Provider Selection Regime", severity: "error", source: "Health Care Services (Provider Selection Regime) Regulations 2023, from 1 January 2024 (relevant authorities include local and combined authorities)", check: proc_04 },
    Rule { id: "PROC-05", title: "The organisation qualifies for a reserved contract", severity: "error / warning", source: "reg. 77(4); Procurement Act 2023 s.33(6)", check: proc_05 },
    Rule { id: "PROC-06", title: "The service can be reserved", severity: "warning", source: "reg. 77(2); for s.33, Schedule 1 of the Procurement Regulations 2024 (services marked R)", check: proc_06 },
    Rule { id: "PROC-07", title: "After a reserved contract", severity: "info / warning", source: "reg. 77(4)(d); Procurement Act 2023 s.33", check: proc_07 },
    Rule { id: "PROC-08", title: "Procurement outside England's rules", severity: "warning", source: "devolved procurement law: Public Contracts (Scotland) Regulations 2015; Health Service Procurement (Wales) Act 2024", check: proc_08 },
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

/// The day from which the Provider Selection Regime applies.
fn psr_commencement() -> Date {
    Date::new(2024, 1, 1).unwrap_or_else(|| unreachable!("a real date"))
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

fn first_day(m: Month) -> Date {
    Date::new(m.year(), m.month(), 1).unwrap_or_else(|| unreachable!("every month has a 1st"))
}

/// The award date: `awarded`, or while that is not known the contract's first day.
fn award_date(c: &Contract) -> Date {
    c.procurement.awarded.unwrap_or_else(|| first_day(c.start))
}

/// The award date in words, saying when it is assumed.
fn award_words(c: &Contract) -> String {
    match c.procurement.awarded {
        Some(d) => date_long(d),
        None => format!(
            "{} (assumed: the contract's first day)",
            date_long(first_day(c.start))
        ),
    }
}

/// The last month of service including every extension option.
fn maximum_end(c: &Contract) -> Month {
    c.end
        .plus(i64::from(c.procurement.extension_months))
        .unwrap_or(c.end)
}

/// Whether a CPV code is a health care service on the data file's list (PROC-04, PROC-08,
/// QUAL-01).
pub(super) fn is_health_care(policy: &Policy, cpv: &str) -> bool {
    policy
        .health_care_cpv_prefixes
        .iter()
        .any(|p| p.covers(cpv))
}

fn proc_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .map(|c| {
            let text = match regime(c.procurement.started) {
                Regime::Reg77 => "Public Contracts Regulations 2015, regulation 77 (procurement started before 24 February 2025)",
                Regime::S33 => "Procurement Act 2023, section 33 (procurement started on or after 24 February 2025)",
            };
            let assumed = if c.procurement.awarded.is_none() {
                format!(" The award date is not entered, so the checks assume the contract's first day, {}.", date_long(award_date(c)))
            } else {
                String::new()
            };
            r.finding(Severity::Info, path(c, "procurement.started"), format!("\"{}\" is reserved under the {text}.{assumed}", c.service))
        })
        .collect()
}

fn proc_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter_map(|c| {
            let extensions = i64::from(c.procurement.extension_months);
            let term = c.start.months_until(c.end) + 1 + extensions;
            let (max, law) = match regime(c.procurement.started) {
                Regime::Reg77 => (36, "regulation 77"),
                Regime::S33 => (60, "section 33 of the Procurement Act"),
            };
            let runs = if extensions > 0 {
                format!("runs for {term} months with its {extensions} months of extension options")
            } else {
                format!("runs for {term} months")
            };
            (term > max).then(|| {
                r.finding(
                    Severity::Error,
                    path(c, "end"),
                    format!("\"{}\" {runs}; a contract reserved under {law} may run for at most {max} months, extensions included. Shorten it, or plan for open competition.", c.service),
                )
            })
        })
        .collect()
}

fn proc_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter_map(|c| {
            let last = c.procurement.last_reserved_award?;
            let award = award_date(c);
            let next = last.plus_years(3);
            if !(last <= award && award < next) {
                return None;
            }
            let before = format!(
                "This organisation was awarded a reserved contract for \"{}\" by this commissioner on {}",
                c.service,
                date_long(last)
            );
            let finding = if regime(c.procurement.started) == Regime::S33 && last < act_commencement() {
                r.finding(
                    Severity::Info,
                    path(c, "procurement.last_reserved_award"),
                    format!("{before}, under regulation 77. Under section 33 of the Procurement Act only an earlier award made under section 33 counts, so it does not stop this award on {}.", award_words(c)),
                )
            } else {
                r.finding(
                    Severity::Error,
                    path(c, "procurement.last_reserved_award"),
                    format!("{before}; another cannot be reserved for it before {}, and the award date here is {}. Plan to win this contract in open competition, or for a later award.", date_long(next), award_words(c)),
                )
            };
            Some(finding)
        })
        .collect()
}

fn proc_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if ctx.plan.organisation.nation != Nation::England {
        return vec![];
    }
    reserved(ctx)
        .filter(|c| {
            c.procurement.started >= psr_commencement()
                && matches!(c.commissioner_kind, PublicBodyKind::NhsBody | PublicBodyKind::LocalAuthority)
                && is_health_care(ctx.policy, &c.procurement.cpv)
        })
        .map(|c| {
            r.finding(
                Severity::Error,
                path(c, "procurement.route"),
                format!("\"{}\" is a health care service (CPV {}): health care bought by the NHS or by a council (public health) falls under the Provider Selection Regime, not reserved contracts. Change the route to the Provider Selection Regime.", c.service, c.procurement.cpv),
            )
        })
        .collect()
}

/// Reg. 77's participatory test: employees, service users and the community hold a majority of
/// votes, and at least one of them has a board seat.
fn participatory(ctx: &Ctx) -> bool {
    let plan = ctx.plan;
    let votes: Decimal = plan
        .ownership
        .groups
        .iter()
        .filter(|g| {
            g.kind.is_employee() || matches!(g.kind, GroupKind::ServiceUsers | GroupKind::Community)
        })
        .map(|g| g.voting_percent.get())
        .sum();
    let seat = plan.board.iter().any(|s| {
        matches!(
            s.constituency,
            Constituency::Workforce | Constituency::ServiceUsers | Constituency::Community
        )
    });
    votes > ctx.policy.employee_control_votes_percent.get() && seat
}

/// The share of contract income earned over the horizon from services on the reservable list, in
/// percent; `None` without a forecast or contract income.
fn reservable_income_share(ctx: &Ctx) -> Option<Decimal> {
    let f = ctx.forecast.as_ref().ok()?;
    let contracts = &ctx.plan.forecast.contracts;
    let reservable: Decimal = f
        .summary
        .contract_earned
        .iter()
        .filter(|(id, _)| {
            contracts
                .iter()
                .any(|c| c.id == *id && reg77_reservable(&c.procurement.cpv))
        })
        .map(|(_, x)| *x)
        .sum();
    let all = f.summary.contract_income;
    (!all.is_zero()).then(|| reservable * Decimal::ONE_HUNDRED / all)
}

fn proc_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    let votes = employee_votes(plan);
    let no_mission = plan.organisation.public_service_mission.trim().is_empty();
    let employee_owned = votes >= ctx.policy.mutual_min_employee_votes_percent.get();
    let participatory = participatory(ctx);
    let reservable = reservable_income_share(ctx);
    let mut out = Vec::new();
    for c in reserved(ctx) {
        let mut why = Vec::new();
        let mut warnings = Vec::new();
        if no_mission {
            why.push("it states no public service mission".to_string());
        }
        match regime(c.procurement.started) {
            Regime::Reg77 => {
                if plan.ownership.profit_distribution.policy == DistributionPolicy::MembersDividend
                {
                    why.push(format!("its profits go to members as dividends (they must be reinvested, or distributed on participation: choose \"{}\")", distribution(DistributionPolicy::Participatory)));
                }
                if !employee_owned && !participatory {
                    warnings.push(format!("its structure rests neither on employee ownership (staff hold {} of the votes, less than {}) nor on participation (staff, service users and the community together need more than {} of the votes and a seat on the board). Explain how employees, users or stakeholders take an active part in running it.", pc(votes), pc(ctx.policy.mutual_min_employee_votes_percent.get()), pc(ctx.policy.employee_control_votes_percent.get())));
                }
            }
            Regime::S33 => {
                if votes <= Decimal::from(50) {
                    why.push(format!("staff hold {} of the votes (a mutual must be under the management and control of its employees: more than half)", pc(votes)));
                }
                if let Some(share) = reservable.filter(|s| *s < Decimal::from(50)) {
                    warnings.push(format!("only {} of the forecast's contract income comes from services that can be reserved, and a mutual must operate mainly to deliver them. Check the services against Schedule 1 of the Procurement Regulations 2024.", pc(share.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))));
                }
            }
        }
        if !why.is_empty() {
            out.push(r.finding(
                Severity::Error,
                path(c, "procurement.route"),
                format!(
                    "The organisation does not qualify for the reserved contract \"{}\": {}.",
                    c.service,
                    why.join("; ")
                ),
            ));
        }
        for w in warnings {
            out.push(r.finding(
                Severity::Warning,
                path(c, "procurement.route"),
                format!(
                    "The organisation may not qualify for the reserved contract \"{}\": {w}",
                    c.service
                ),
            ));
        }
    }
    out
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
            let next = award_date(c).plus_years(3);
            let end = maximum_end(c);
            let gap_from = end.plus(1).map_or(next, first_day);
            let with = if c.procurement.extension_months > 0 { " (with its extensions)" } else { "" };
            if next > gap_from {
                r.finding(
                    Severity::Warning,
                    path(c, ""),
                    format!("When \"{}\" ends in {}{with}, it cannot be reserved for you again until {}: plan to win it in competition, or for a gap. Stress scenario S1 shows the cash effect of losing it.", c.service, month_long(end), date_long(next)),
                )
            } else {
                r.finding(
                    Severity::Info,
                    path(c, ""),
                    format!("\"{}\" is reserved until {}{with}; a new reserved award for it is possible from {}. Stress scenario S1 shows the cash effect of losing it.", c.service, month_long(end), date_long(next)),
                )
            }
        })
        .collect()
}

fn proc_08(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    const ENGLISH: &str = "The reserved-contract and Provider Selection Regime checks here follow the rules for English commissioners";
    let nation = ctx.plan.organisation.nation;
    ctx.plan
        .forecast
        .contracts
        .iter()
        .filter_map(|c| {
            let message = match nation {
                Nation::Scotland => format!("{ENGLISH}; a Scottish commissioner buys \"{}\" under the Public Contracts (Scotland) Regulations 2015. Confirm the route with the commissioner.", c.service),
                Nation::Wales
                    if c.commissioner_kind == PublicBodyKind::NhsBody
                        || (c.commissioner_kind == PublicBodyKind::LocalAuthority
                            && is_health_care(ctx.policy, &c.procurement.cpv)) =>
                {
                    format!("{ENGLISH}; health services in Wales, whether bought by NHS Wales or a council, are bought under the Health Service Procurement (Wales) Act 2024 and its provider selection regulations. Confirm the route for \"{}\" with the commissioner.", c.service)
                }
                _ => return None,
            };
            Some(r.finding(Severity::Warning, path(c, ""), message))
        })
        .collect()
}
