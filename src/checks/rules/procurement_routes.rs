//! PROC-11 to PROC-13: the routes that are not reserved awards — a direct award under the
//! Procurement Act 2023, the Provider Selection Regime and its processes — and a route that does
//! not fit the law that applies.

use super::procurement_terms::{
    a_psr_applies, act_commencement, lower, path, psr_commencement, total_value, under_the_act,
    welsh_psr_applies, Regime,
};
use super::rule::{Ctx, Rule};
use crate::checks::criteria::ThresholdRegime;
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::{
    Contract, Nation, OrgStatus, ProcurementRoute, PsrProcess, PublicBodyKind,
};
use crate::words::labels::{nation, procurement_route, public_body_kind};
use crate::words::money::pounds;

pub(super) const RULES: &[Rule] = &[
    Rule { id: "PROC-11", title: "A direct award's justification", severity: "warning / info", source: "Procurement Act 2023 ss.41, 43, 44, 50, 51 (no mandatory standstill for light-touch contracts) and Schedule 5; Cabinet Office guidance \"Direct Award\" (2024)", check: proc_11 },
    Rule { id: "PROC-12", title: "The Provider Selection Regime process", severity: "info / warning", source: "Health Care Services (Provider Selection Regime) Regulations 2023, SI 2023/1348, regs 6 to 11 (processes and notices) and reg. 12 (standstill); NHS England, PSR statutory guidance (April 2025); Health Services (Provider Selection Regime) (Wales) Regulations 2025, SI 2025/99, regs 8 to 11 and reg. 12. The novation point is practice, not statute", check: proc_12 },
    Rule { id: "PROC-13", title: "The route fits the law that applies", severity: "warning", source: "Provider Selection Regime Regulations 2023 (scope: relevant authorities and health care services, Schedule 1); Health Services (Provider Selection Regime) (Wales) Regulations 2025 (scope, reg. 3 and Schedule 1); Procurement Regulations 2024 reg. 43 (the Act does not apply to regulated health procurement)", check: proc_13 },
];

fn contracts<'a>(ctx: &'a Ctx) -> impl Iterator<Item = &'a Contract> {
    ctx.plan.forecast.contracts.iter()
}

fn proc_11(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    contracts(ctx)
        .filter(|c| {
            c.procurement.route == ProcurementRoute::DirectAward
                && under_the_act(ctx, c)
                && c.procurement.justification.trim().is_empty()
        })
        .map(|c| {
            let at = path(c, "procurement.justification");
            let cpv = &c.procurement.cpv;
            let light_touch = ctx.policy.is_health_care(cpv) || ctx.policy.is_social_care(cpv);
            if let Some(value) = total_value(ctx, c, Regime::S33).filter(|v| light_touch && v.below()) {
                return r.finding(
                    Severity::Info,
                    at,
                    format!("{}, so it needs no direct-award ground under the Procurement Act 2023. Record \"below threshold\" as the contract's justification.", value.words(c)),
                );
            }
            let threshold = ctx
                .policy
                .reserved_threshold(ThresholdRegime::S33, c.procurement.started)
                .map_or_else(String::new, |t| {
                    format!(
                        " ({}{} for light-touch services such as health, social care and education; lower for other services)",
                        pounds(t.amount.get()),
                        if t.includes_vat { " including VAT" } else { "" }
                    )
                });
            r.finding(
                Severity::Warning,
                at,
                format!("\"{}\" is to be awarded directly under the Procurement Act 2023. A public contract may be awarded directly only on one of the grounds in Schedule 5 (section 41) — for example, only one supplier can provide the service, or extreme and unavoidable urgency — or after switching under section 43; the commissioner must first publish a transparency notice (section 44), and it must publish a contract award notice before entering into the contract (section 50). A standstill of 8 working days follows (section 51), except for light-touch contracts such as health, social care and education, where a standstill is voluntary. A contract below the threshold{threshold} needs no ground. Record the ground, or \"below threshold\", as the contract's justification.", c.service),
            )
        })
        .collect()
}

/// What a process of the Provider Selection Regime involves, after its name.
fn duties(p: PsrProcess) -> &'static str {
    match p {
        PsrProcess::DirectAwardA => "only the existing provider can provide the service, so the commissioner awards it without competition and publishes a notice of the award within 30 days. There is no standstill period.",
        PsrProcess::DirectAwardB => "patients choose their provider, and every provider that meets the requirements is offered a contract; the commissioner publishes a notice of the award within 30 days. There is no standstill period.",
        PsrProcess::DirectAwardC => "the commissioner keeps the existing provider, which is satisfying the current contract and is likely to satisfy the new one, without considerable change. It first publishes a notice of its intention to award; a standstill period of 8 working days follows, in which other providers may make representations; then it publishes a notice of the award within 30 days.",
        PsrProcess::MostSuitableProvider => "the commissioner assesses the providers it knows of against its key criteria and selects the most suitable without a competition. It publishes a notice of its intention to award, and a standstill period of 8 working days follows before the award.",
        PsrProcess::Competitive => "the commissioner advertises the contract and assesses the bids. It publishes a notice of its intention to award, and a standstill period of 8 working days follows before the award.",
    }
}

/// A process's name: the Welsh regime calls processes A and C Direct Award Processes 1 and 2.
fn process_name(p: PsrProcess, wales: bool) -> &'static str {
    match (p, wales) {
        (PsrProcess::DirectAwardA, false) => "Direct Award Process A",
        (PsrProcess::DirectAwardA, true) => "Direct Award Process 1",
        (PsrProcess::DirectAwardB, _) => "Direct Award Process B",
        (PsrProcess::DirectAwardC, false) => "Direct Award Process C",
        (PsrProcess::DirectAwardC, true) => "Direct Award Process 2",
        (PsrProcess::MostSuitableProvider, _) => "the Most Suitable Provider Process",
        (PsrProcess::Competitive, _) => "the Competitive Process",
    }
}

const WELSH_NOTICES: &str =
    " Confirm the notices and standstill under the Welsh regulations with the commissioner.";

fn proc_12(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let planned = ctx.plan.organisation.status == OrgStatus::Planned;
    contracts(ctx)
        .filter(|c| {
            c.procurement.route == ProcurementRoute::ProviderSelectionRegime
                && a_psr_applies(ctx, c)
        })
        .map(|c| {
            let at = path(c, "procurement.psr_process");
            let wales = welsh_psr_applies(ctx, c);
            let regime = if wales {
                "the Provider Selection Regime in Wales"
            } else {
                "the Provider Selection Regime"
            };
            let Some(process) = c.procurement.psr_process else {
                let (direct, c_name, ending) = if wales {
                    ("Direct Award Process 1 or 2", "Direct Award Process 2", WELSH_NOTICES)
                } else {
                    ("Direct Award Process A, B or C", "Direct Award Process C", "")
                };
                return r.finding(
                    Severity::Warning,
                    at,
                    format!("\"{}\" is to be awarded under {regime}, but the plan does not say by which process. Agree it with the commissioner: {direct}, the Most Suitable Provider Process or the Competitive Process. Each has its own notices, and {c_name}, the Most Suitable Provider Process and the Competitive Process have a standstill period of 8 working days before the award.{ending}", c.service),
                );
            };
            if wales && process == PsrProcess::DirectAwardB {
                return r.finding(
                    Severity::Warning,
                    at,
                    format!("\"{}\" records Direct Award Process B, but the Welsh regime has no such process (there is no patient-choice regime in Wales): agree the process with the commissioner.", c.service),
                );
            }
            let mut message = format!(
                "\"{}\" is to be awarded under {regime} by {}: {}",
                c.service,
                process_name(process, wales),
                duties(process)
            );
            if planned && matches!(process, PsrProcess::DirectAwardA | PsrProcess::DirectAwardC) {
                let which = if wales { "Direct Award Processes 1 and 2" } else { "Processes A and C" };
                message.push_str(&format!(" {which} rest on the existing provider, which until the transfer is the parent body: confirm with the commissioner how the contract passes to you (for example, by novation of the parent body's contract)."));
            }
            if wales {
                message.push_str(WELSH_NOTICES);
            }
            r.finding(Severity::Info, at, message)
        })
        .collect()
}

/// Why no provider selection regime applies to a contract: each reason that holds.
fn no_regime_reasons(ctx: &Ctx, c: &Contract) -> Vec<String> {
    let n = ctx.plan.organisation.nation;
    let mut why = Vec::new();
    match n {
        Nation::Scotland | Nation::NorthernIreland => {
            why.push(format!("the organisation is in {}", nation(n)))
        }
        Nation::England if c.procurement.started < psr_commencement() => {
            why.push("the procurement started before 1 January 2024".into())
        }
        Nation::Wales if c.procurement.started < act_commencement() => {
            why.push("the procurement started before 24 February 2025".into())
        }
        Nation::England | Nation::Wales => {}
    }
    if !matches!(
        c.commissioner_kind,
        PublicBodyKind::NhsBody | PublicBodyKind::LocalAuthority
    ) {
        why.push(format!(
            "the kind of commissioner is {}",
            lower(public_body_kind(c.commissioner_kind))
        ));
    }
    if !ctx.policy.is_health_care(&c.procurement.cpv) {
        why.push(format!(
            "CPV {} is not on the health-care list",
            c.procurement.cpv
        ));
    }
    why
}

fn proc_13(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in contracts(ctx) {
        let route = c.procurement.route;
        let applies = a_psr_applies(ctx, c);
        if route == ProcurementRoute::ProviderSelectionRegime && !applies {
            out.push(r.finding(
                Severity::Warning,
                path(c, "procurement.route"),
                format!("\"{}\" is recorded under the Provider Selection Regime, but the regime covers only health care bought by NHS bodies and councils in England, in procurements started from 1 January 2024, or in Wales, from 24 February 2025: {}. Record the route the commissioner will actually use (social care is a light-touch service under the Procurement Act 2023 in England, Wales and Northern Ireland, and under the Public Contracts (Scotland) Regulations 2015 in Scotland).", c.service, no_regime_reasons(ctx, c).join("; ")),
            ));
        }
        if matches!(
            route,
            ProcurementRoute::DirectAward | ProcurementRoute::OpenCompetition
        ) && applies
        {
            let buyer = if c.commissioner_kind == PublicBodyKind::NhsBody {
                "an NHS body"
            } else {
                "a council"
            };
            let wales = if welsh_psr_applies(ctx, c) {
                "Wales"
            } else {
                "England"
            };
            out.push(r.finding(
                Severity::Warning,
                path(c, "procurement.route"),
                format!("\"{}\" is health care bought by {buyer} in {wales}: it is arranged under the Provider Selection Regime, not under the Procurement Act 2023, which does not apply to it. Record the route as the Provider Selection Regime, with its process.", c.service),
            ));
        }
        if c.procurement.psr_process.is_some() && route != ProcurementRoute::ProviderSelectionRegime
        {
            out.push(r.finding(
                Severity::Warning,
                path(c, "procurement.psr_process"),
                format!("\"{}\" records a Provider Selection Regime process, but its route is {}; the process is ignored. Clear it, or change the route.", c.service, lower(procurement_route(route))),
            ));
        }
    }
    out
}
