//! QUAL: regulation of the care the organisation provides.

use super::procurement::is_health_care;
use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::Nation;
use crate::words::format::date_long;

pub(super) const RULES: &[Rule] = &[Rule {
    id: "QUAL-01",
    title: "Registration with the Care Quality Commission",
    severity: "info / warning",
    source: "Health and Social Care Act 2008 s.10",
    check: qual_01,
}];

/// Social care services: CPV codes 853xxxxx.
fn is_social_care(cpv: &str) -> bool {
    cpv.trim().starts_with("853")
}

fn qual_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    if plan.organisation.nation != Nation::England {
        return vec![];
    }
    let Some(care) = plan.forecast.contracts.iter().find(|c| {
        is_health_care(ctx.policy, &c.procurement.cpv) || is_social_care(&c.procurement.cpv)
    }) else {
        return vec![];
    };
    let spin_out = plan.organisation.spin_out_date;
    let planned = plan.narrative.milestones.iter().find(|m| {
        let what = m.what.to_lowercase();
        m.date <= spin_out && (what.contains("cqc") || what.contains("care quality commission"))
    });
    let regulated = format!(
        "\"{}\" is regulated health or social care: a provider must be registered with the Care Quality Commission before it provides the service",
        care.service
    );
    match planned {
        Some(m) => vec![r.finding(
            Severity::Info,
            format!("narrative.milestones[{}]", m.id),
            format!("{regulated}. The plan has it as a milestone by {}.", date_long(m.date)),
        )],
        None => vec![r.finding(
            Severity::Warning,
            "narrative.milestones",
            format!(
                "{regulated}, and registration takes months. Add a milestone for registering with the CQC on or before the spin-out date, {}.",
                date_long(spin_out)
            ),
        )],
    }
}
