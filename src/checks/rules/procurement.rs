//! PROC-01 to PROC-10: reserved contracts for mutuals, under the regime in force when procurement
//! started, where these English rules may not hold, and the contracts a reservation cannot cover
//! (health care under a provider selection regime, Scottish public buyers, contracts below the
//! light-touch threshold).

use super::procurement_terms::{
    a_psr_applies, act_commencement, award_date, award_words, below_threshold, first_day,
    maximum_end, maximum_term, path, regime, reserved, reserved_awards, scottish_error,
    welsh_health, welsh_psr_applies, Regime,
};
use super::rule::{employee_votes, Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::forecast::scenarios::largest_contract;
use crate::model::plan::{
    Constituency, Contract, DistributionPolicy, GroupKind, Nation, RenewalAssumption,
};
use crate::words::format::percent as pc;
use crate::words::format::{date_long, month_long, share};
use crate::words::labels::distribution;
use rust_decimal::{Decimal, RoundingStrategy};

pub(super) const RULES: &[Rule] = &[
    Rule { id: "PROC-01", title: "The regime for a reserved contract", severity: "info", source: "Procurement Act 2023 commencement, 24 February 2025; Procurement Act 2023 s.33(1) to (4)", check: proc_01 },
    Rule { id: "PROC-02", title: "A reserved contract's term", severity: "error", source: "Public Contracts Regulations 2015 reg. 77(5) (at most 3 years); Procurement Act 2023 s.33(1)(b) (at most 5 years, extensions included)", check: proc_02 },
    Rule { id: "PROC-03", title: "No reserved award to this organisation in the previous 3 years", severity: "error / info", source: "reg. 77(4)(d); Procurement Act 2023 s.33(5) and (7): the three years ending with the day the contract is awarded", check: proc_03 },
    Rule { id: "PROC-04", title: "Health care is bought under a provider selection regime", severity: "error", source: "Health Care Services (Provider Selection Regime) Regulations 2023, from 1 January 2024 (relevant authorities include local and combined authorities); Health Services (Provider Selection Regime) (Wales) Regulations 2025, SI 2025/99, from 24 February 2025", check: proc_04 },
    Rule { id: "PROC-05", title: "The organisation qualifies for a reserved contract", severity: "error / warning", source: "reg. 77(4); Procurement Act 2023 s.33(6)", check: proc_05 },
    Rule { id: "PROC-06", title: "The service can be reserved", severity: "warning", source: "reg. 77(2); for s.33, Schedule 1 of the Procurement Regulations 2024 (services marked R)", check: proc_06 },
    Rule { id: "PROC-07", title: "After a reserved contract", severity: "info / warning", source: "reg. 77(4)(d); Procurement Act 2023 s.33(5) (three years from when the earlier contract was entered into)", check: proc_07 },
    Rule { id: "PROC-08", title: "Procurement outside England's rules", severity: "warning", source: "devolved procurement law: Public Contracts (Scotland) Regulations 2015; Health Service Procurement (Wales) Act 2024 and the Health Services (Provider Selection Regime) (Wales) Regulations 2025", check: proc_08 },
    Rule { id: "PROC-09", title: "Reserved contracts in Scotland", severity: "error / warning", source: "Public Contracts (Scotland) Regulations 2015, SSI 2015/446, reg. 21 (reserved contracts: supported businesses only) and the Scottish Government's Policy Note (reservation for mutuals not adopted); Procurement Act 2023 s.2 (devolved Scottish authorities outside the Act)", check: proc_09 },
    Rule { id: "PROC-10", title: "A reserved contract below the light-touch threshold", severity: "warning", source: "Procurement Act 2023 s.3(2), s.4, Sch. 3 para. 1 (estimated value: the maximum payable, options to extend included) and Sch. 1 (light-touch contracts £663,540 including VAT, unchanged from 1 January 2026); Public Contracts Regulations 2015 reg. 5 and reg. 6 (values including VAT from 1 January 2022)", check: proc_10 },
];

/// Under s.33 the three years run from when the earlier contract was entered into; the plan has
/// award dates only.
const ENTERED_INTO: &str = " Section 33 counts the three years from when the earlier contract is entered into; the award date is used here.";

fn proc_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved_awards(ctx)
        .map(|c| {
            let assumed = if c.procurement.awarded.is_none() {
                format!(" The award date is not entered, so the checks assume the contract's first day, {}.", date_long(award_date(c)))
            } else {
                String::new()
            };
            let message = match regime(c.procurement.started) {
                Regime::Reg77 => format!("\"{}\" is reserved under the Public Contracts Regulations 2015, regulation 77 (procurement started before 24 February 2025).{assumed}", c.service),
                Regime::S33 => format!("\"{}\" is reserved under the Procurement Act 2023, section 33 (procurement started on or after 24 February 2025). A reserved award is made by a competitive flexible procedure that excludes suppliers that are not qualifying public service mutuals (section 33(2) to (4)): it cannot be a direct award or an open procedure.{assumed}", c.service),
            };
            r.finding(Severity::Info, path(c, "procurement.started"), message)
        })
        .collect()
}

fn proc_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved_awards(ctx)
        .filter_map(|c| {
            let extensions = i64::from(c.procurement.extension_months);
            let term = maximum_term(c);
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
    reserved_awards(ctx)
        .filter_map(|c| {
            let last = c.procurement.last_reserved_award?;
            let award = award_date(c);
            let next = last.plus_years(3);
            if !(last <= award && award < next) {
                return None;
            }
            let s33 = regime(c.procurement.started) == Regime::S33;
            let entered = if s33 { ENTERED_INTO } else { "" };
            let before = format!(
                "This organisation was awarded a reserved contract for \"{}\" by this commissioner on {}",
                c.service,
                date_long(last)
            );
            let finding = if s33 && last < act_commencement() {
                r.finding(
                    Severity::Info,
                    path(c, "procurement.last_reserved_award"),
                    format!("{before}, under regulation 77. Under section 33 of the Procurement Act only an earlier award made under section 33 counts, so it does not stop this award on {}.{entered}", award_words(c)),
                )
            } else {
                r.finding(
                    Severity::Error,
                    path(c, "procurement.last_reserved_award"),
                    format!("{before}; another cannot be reserved for it before {}, and the award date here is {}. Plan to win this contract in open competition, or for a later award.{entered}", date_long(next), award_words(c)),
                )
            };
            Some(finding)
        })
        .collect()
}

fn proc_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter(|c| a_psr_applies(ctx, c))
        .map(|c| {
            let wales = if welsh_psr_applies(ctx, c) {
                " (in Wales, the Health Services (Provider Selection Regime) (Wales) Regulations 2025)"
            } else {
                ""
            };
            r.finding(
                Severity::Error,
                path(c, "procurement.route"),
                format!("\"{}\" is a health care service (CPV {}): health care services bought by the NHS or by a council (public health) fall under the Provider Selection Regime{wales}, not reserved contracts. Change the route to the Provider Selection Regime.", c.service, c.procurement.cpv),
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

/// The share of earned income over the horizon that comes from contracts whose CPV code is on
/// the reservable list, in percent. The whole is the earned income of every contract in the plan
/// and of every other-income line (never reservable). `None` without a forecast or any income.
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
    let all: Decimal = f
        .summary
        .contract_earned
        .iter()
        .chain(&f.summary.income_earned)
        .map(|(_, x)| *x)
        .sum();
    (!all.is_zero()).then(|| reservable * Decimal::ONE_HUNDRED / all)
}

/// A share below one half, to one decimal, never shown as reaching 50 %.
fn share_below_half(s: Decimal) -> String {
    let shown = share(s);
    if shown == "50.0%" {
        let mut down = s.round_dp_with_strategy(2, RoundingStrategy::ToZero);
        down.rescale(2);
        format!("{down}%")
    } else {
        shown
    }
}

/// "the reserved contract \"A\"", "the reserved contracts \"A\" and \"B\"".
fn the_contracts(cs: &[&Contract]) -> String {
    let names: Vec<String> = cs.iter().map(|c| format!("\"{}\"", c.service)).collect();
    match names.as_slice() {
        [one] => format!("the reserved contract {one}"),
        [rest @ .., last] => format!("the reserved contracts {} and {last}", rest.join(", ")),
        [] => "a reserved contract".into(),
    }
}

fn proc_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    let awards: Vec<&Contract> = reserved_awards(ctx).collect();
    let under = |regime_of: Regime| -> Vec<&Contract> {
        awards
            .iter()
            .copied()
            .filter(|c| regime(c.procurement.started) == regime_of)
            .collect()
    };
    let (reg77, s33) = (under(Regime::Reg77), under(Regime::S33));
    let votes = employee_votes(plan);
    let route = |cs: &[&Contract]| cs.first().map(|c| path(c, "procurement.route"));
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if plan.organisation.public_service_mission.trim().is_empty() {
        if let Some(at) = route(&awards) {
            errors.push((at, format!("The organisation does not qualify for {}: it states no public service mission. A mutual that holds a reserved contract must have the objective of pursuing a public service mission; write it in the organisation's details.", the_contracts(&awards))));
        }
    }
    if plan.ownership.profit_distribution.policy == DistributionPolicy::MembersDividend {
        if let Some(at) = route(&reg77) {
            errors.push((at, format!("The organisation does not qualify for {} under regulation 77: its profits go to members as dividends. Under regulation 77 profits must be reinvested, or distributed on participation: choose \"{}\".", the_contracts(&reg77), distribution(DistributionPolicy::Participatory))));
        }
    }
    if votes <= Decimal::from(50) {
        if let Some(at) = route(&s33) {
            errors.push((at, format!("The organisation does not qualify for {} under section 33: staff hold {} of the votes, and a mutual must be under the management and control of its employees, that is, staff must hold more than half of the votes.", the_contracts(&s33), pc(votes))));
        }
    }
    let employee_owned = votes >= ctx.policy.mutual_min_employee_votes_percent.get();
    if !employee_owned && !participatory(ctx) {
        if let Some(at) = route(&reg77) {
            warnings.push((at, format!("The organisation may not qualify for {} under regulation 77: its structure rests neither on employee ownership (staff hold {} of the votes, less than {}) nor on participation (staff, service users and the community together need more than {} of the votes and a seat on the board). Explain how employees, users or stakeholders take an active part in running it.", the_contracts(&reg77), pc(votes), pc(ctx.policy.mutual_min_employee_votes_percent.get()), pc(ctx.policy.employee_control_votes_percent.get()))));
        }
    }
    if let (Some(at), Some(s)) = (
        route(&s33),
        reservable_income_share(ctx).filter(|s| *s < Decimal::from(50)),
    ) {
        warnings.push((at, format!("The organisation may not qualify for {} under section 33: only {} of the income the forecast earns, from all its contracts and other income, comes from services that can be reserved, and a mutual must operate mainly to deliver them. Check the services against Schedule 1 of the Procurement Regulations 2024.", the_contracts(&s33), share_below_half(s))));
    }
    errors
        .into_iter()
        .map(|(at, m)| r.finding(Severity::Error, at, m))
        .chain(
            warnings
                .into_iter()
                .map(|(at, m)| r.finding(Severity::Warning, at, m)),
        )
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
    reserved_awards(ctx)
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

/// PROC-07's closing sentences: whether the forecast, or stress scenario S1, shows the contract
/// ending.
fn losing_it(ctx: &Ctx, c: &Contract) -> String {
    if c.renewal.assumption == RenewalAssumption::Ends {
        return "The forecast already assumes it ends.".into();
    }
    let s1 = ctx
        .forecast
        .as_ref()
        .ok()
        .and_then(largest_contract)
        .and_then(|id| ctx.plan.forecast.contracts.iter().find(|x| &x.id == id));
    match s1 {
        Some(s1) if s1.id == c.id => {
            "Stress scenario S1 shows the cash effect of losing it.".into()
        }
        Some(s1) => {
            let mut s = format!(
                "No stress scenario shows the cash effect of losing it: S1 ends only \"{}\".",
                s1.service
            );
            if s1.renewal.assumption == RenewalAssumption::Ends {
                s.push_str(&format!(
                    " S1 changes nothing: \"{}\" already ends in the forecast.",
                    s1.service
                ));
            }
            s
        }
        None => "No stress scenario shows the cash effect of losing it.".into(),
    }
}

fn proc_07(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved_awards(ctx)
        .map(|c| {
            let next = award_date(c).plus_years(3);
            let end = maximum_end(c);
            let gap_from = end.plus(1).map_or(next, first_day);
            let extensions = c.procurement.extension_months;
            let entered = if regime(c.procurement.started) == Regime::S33 { ENTERED_INTO } else { "" };
            let losing = losing_it(ctx, c);
            if next > gap_from {
                let options = if extensions > 0 { format!(", with {extensions} months of extension options") } else { String::new() };
                r.finding(
                    Severity::Warning,
                    path(c, ""),
                    format!("\"{}\" is a reserved contract{options}. When this contract ends in {}, it cannot be reserved for you again until {}: plan to win the next contract in open competition, or plan for a gap in income.{entered} {losing}", c.service, month_long(end), date_long(next)),
                )
            } else {
                let with = if extensions > 0 { " (with its extensions)" } else { "" };
                r.finding(
                    Severity::Info,
                    path(c, ""),
                    format!("\"{}\" is reserved until {}{with}; a new reserved award for it is possible from {}.{entered} {losing}", c.service, month_long(end), date_long(next)),
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
                Nation::Scotland => format!("{ENGLISH}; a Scottish commissioner buys \"{}\" under the Public Contracts (Scotland) Regulations 2015: confirm the route with the commissioner.", c.service),
                Nation::Wales if welsh_health(ctx, c) => format!("{ENGLISH}; \"{}\" is a health service in Wales, and health services in Wales, whether bought by NHS Wales or a council, are bought from 24 February 2025 under the Health Services (Provider Selection Regime) (Wales) Regulations 2025, made under the Health Service Procurement (Wales) Act 2024, and before that under the Public Contracts Regulations 2015: confirm the route with the commissioner.", c.service),
                _ => return None,
            };
            Some(r.finding(Severity::Warning, path(c, ""), message))
        })
        .collect()
}

/// How PROC-09's messages end: the organisation's nation stands in for the commissioner's.
const SCOTLAND_STANDS_IN: &str = " This check takes the organisation's nation, Scotland, as the commissioner's: if the commissioner is in England, Wales or Northern Ireland, it does not apply.";

fn proc_09(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if ctx.plan.organisation.nation != Nation::Scotland {
        return vec![];
    }
    reserved(ctx)
        .map(|c| {
            let reg77 = regime(c.procurement.started) == Regime::Reg77;
            if scottish_error(ctx, c) {
                let law = if reg77 {
                    "regulation 77 of the Public Contracts Regulations 2015 did not"
                } else {
                    "the Procurement Act 2023 does not"
                };
                r.finding(
                    Severity::Error,
                    path(c, "procurement.route"),
                    format!("Scotland has no reserved contracts for mutuals. \"{}\" is bought by a Scottish public body, which buys under the Public Contracts (Scotland) Regulations 2015: they did not adopt the reservation for mutuals (their only reserved contracts, regulation 21, are for supported businesses), and {law} apply to devolved Scottish authorities. Plan to win it in competition, or agree another route with the commissioner.{SCOTLAND_STANDS_IN}", c.service),
                )
            } else {
                let law = if reg77 {
                    "regulation 77 of the Public Contracts Regulations 2015"
                } else {
                    "the Procurement Act 2023"
                };
                r.finding(
                    Severity::Warning,
                    path(c, "commissioner_kind"),
                    format!("\"{}\" can be reserved for mutuals only if its commissioner is a UK government department or another body that buys under {law} in Scotland; the Scottish Government, its agencies, health boards and councils buy under the Public Contracts (Scotland) Regulations 2015, which have no reserved contracts for mutuals. Confirm which the commissioner is.{SCOTLAND_STANDS_IN}", c.service),
                )
            }
        })
        .collect()
}

fn proc_10(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    reserved(ctx)
        .filter_map(|c| {
            let value = below_threshold(ctx, c)?;
            let law = match regime(c.procurement.started) {
                Regime::S33 => "Section 33 reserves only public contracts, and a public contract is one worth at least the threshold (Procurement Act 2023 s.3 and Schedule 1)",
                Regime::Reg77 => "Regulation 77 applies only to contracts worth at least the threshold (Public Contracts Regulations 2015 reg. 5)",
            };
            Some(r.finding(
                Severity::Warning,
                path(c, "annual_value"),
                format!("{}, so it cannot be reserved for mutuals. {law}. Below the threshold the commissioner may award it without a competitive procedure, for example directly, publishing the notices the law requires for smaller contracts: agree the route with the commissioner and record it.", value.words(c)),
            ))
        })
        .collect()
}
