//! OWN: consistency of the ownership groups. MUT: is it a mutual?

use super::rule::{employee_votes, Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::{GroupKind, LegalForm, OrgStatus, OwnershipModel};
use crate::words::format::percent as pc;
use crate::words::format::whole_number;
use crate::words::labels::group_kind_in_text;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

pub(super) const RULES: &[Rule] = &[
    Rule { id: "OWN-01", title: "Votes add up to 100%", severity: "error", source: "arithmetic", check: own_01 },
    Rule { id: "OWN-02", title: "Equity matches the legal form", severity: "error", source: "Companies Act forms; companies limited by guarantee, CIOs and SCIOs have no share capital", check: own_02 },
    Rule { id: "OWN-03", title: "Groups with a stake have members", severity: "error", source: "consistency", check: own_03 },
    Rule { id: "OWN-04", title: "One member, one vote matches the votes", severity: "error", source: "what one member, one vote means", check: own_04 },
    Rule { id: "MUT-01", title: "Staff have a significant say", severity: "warning", source: "Cabinet Office/DCMS definition of a public service mutual (significant staff influence or control); 25% is the smallest stake the Cabinet Office called a mutual (MyCSP, a blocking minority); policy", check: mut_01 },
    Rule { id: "MUT-02", title: "Employee control or a joint-venture mutual", severity: "info / warning", source: "Third Sector, 2011 (Maude; Mayo; Holbrook)", check: mut_02 },
    Rule { id: "MUT-03", title: "An employee-led mutual is controlled by its staff", severity: "error", source: "Open Public Services White Paper 6.15 (wholly employee-led)", check: mut_03 },
    Rule { id: "MUT-04", title: "A joint venture has a partner", severity: "error", source: "Open Public Services White Paper 6.15 (mutual joint venture)", check: mut_04 },
    Rule { id: "MUT-05", title: "A multi-stakeholder mutual has several stakeholders", severity: "error", source: "Open Public Services White Paper 6.15; policy threshold", check: mut_05 },
    Rule { id: "MUT-06", title: "No outside group controls the organisation", severity: "warning", source: "definition of control", check: mut_06 },
    Rule { id: "MUT-07", title: "Still a spin-out", severity: "warning", source: "Mutuals Support Programme 2 eligibility; definition of a public service mutual", check: mut_07 },
];

/// A legal form as it reads within a sentence: "a company limited by guarantee", "a Scottish
/// charitable incorporated organisation".
fn form_in_text(form: LegalForm) -> String {
    let label = crate::words::labels::legal_form(form);
    if form == LegalForm::Scio {
        label.to_string()
    } else {
        label.to_lowercase()
    }
}

fn total(ctx: &Ctx, f: impl Fn(&crate::model::plan::OwnerGroup) -> Decimal) -> Decimal {
    ctx.plan.ownership.groups.iter().map(f).sum()
}

fn own_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let votes = total(ctx, |g| g.voting_percent.get());
    if votes == Decimal::ONE_HUNDRED {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.groups",
        format!("The groups' votes add up to {}; they must add up to exactly 100%. Adjust the voting shares.", pc(votes)),
    )]
}

fn own_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let o = &ctx.plan.ownership;
    let form = ctx.plan.organisation.legal_form;
    if form.has_share_capital() {
        let equity = total(ctx, |g| g.equity_percent.get());
        if equity != Decimal::ONE_HUNDRED {
            return vec![r.finding(
                Severity::Error,
                "ownership.groups",
                format!("A {} has share capital, but the groups' equity adds up to {}; it must add up to exactly 100%.", form_in_text(form), pc(equity)),
            )];
        }
        return vec![];
    }
    let mut out: Vec<Finding> = o
        .groups
        .iter()
        .filter(|g| !g.equity_percent.get().is_zero())
        .map(|g| {
            r.finding(
                Severity::Error,
                format!("ownership.groups[{}].equity_percent", g.id),
                format!("A {} has no share capital, so \"{}\" cannot hold equity. Set its equity to 0 and give it votes instead.", form_in_text(form), g.name),
            )
        })
        .collect();
    if o.shares.is_some() {
        out.push(r.finding(
            Severity::Error,
            "ownership.shares",
            format!(
                "A {} has no share capital: remove the share terms, or choose a form with shares.",
                form_in_text(form)
            ),
        ));
    }
    out
}

fn own_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    // No group has members yet: the counts are not entered (as in a new plan), which the
    // Overview lists as missing and keeps the printed plan a draft; OWN-04 likewise waits.
    if !ctx.plan.ownership.members_entered() {
        return vec![];
    }
    ctx.plan
        .ownership
        .groups
        .iter()
        .filter(|g| g.members == 0 && !(g.voting_percent.get().is_zero() && g.equity_percent.get().is_zero()))
        .map(|g| {
            r.finding(
                Severity::Error,
                format!("ownership.groups[{}].members", g.id),
                format!("\"{}\" holds votes or equity but has no members. Enter how many members it has.", g.name),
            )
        })
        .collect()
}

fn own_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let o = &ctx.plan.ownership;
    let all: u64 = o.groups.iter().map(|g| u64::from(g.members)).sum();
    if !o.one_member_one_vote || all == 0 {
        return vec![];
    }
    o.groups
        .iter()
        .filter_map(|g| {
            let share = Decimal::from(g.members) * Decimal::ONE_HUNDRED / Decimal::from(all);
            let votes = g.voting_percent.get();
            ((votes - share).abs() > Decimal::ONE).then(|| {
                r.finding(
                    Severity::Error,
                    format!("ownership.groups[{}].voting_percent", g.id),
                    format!(
                        "With one member, one vote, the {} members of \"{}\" among {} members hold {} of the votes, not {}. Set each group's votes to its share of the members, or turn off one member, one vote.",
                        whole_number(g.members.into()),
                        g.name,
                        whole_number(all),
                        pc(share.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)),
                        pc(votes)
                    ),
                )
            })
        })
        .collect()
}

fn mut_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let votes = employee_votes(ctx.plan);
    let least = ctx.policy.mutual_min_employee_votes_percent.get();
    if votes >= least {
        return vec![];
    }
    // A policy threshold, not law: the one statutory test of staff control (Procurement Act 2023
    // s.33(6)(c)) is for reserved contracts, and PROC-05 applies it.
    vec![r.finding(
        Severity::Warning,
        "ownership.groups",
        format!(
            "Staff hold {} of the votes. A public service mutual is one in which staff have a significant degree of influence or control; the smallest stake the Cabinet Office has called a mutual is {} (a blocking minority, as at MyCSP). With less, funders and commissioners are unlikely to treat this as a mutual. Give staff, directly or through an employee trust, at least {} of the votes.",
            pc(votes),
            pc(least),
            pc(least)
        ),
    )]
}

fn mut_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let votes = employee_votes(ctx.plan);
    // A tie is not control: exactly 50 % is a joint-venture mutual, as for MUT-03 and PROC-05.
    let control = ctx.policy.employee_control_votes_percent.get();
    if votes > control {
        vec![r.finding(
            Severity::Info,
            "ownership.groups",
            format!(
                "Employee-controlled: staff hold {} of the votes.",
                pc(votes)
            ),
        )]
    } else if votes >= ctx.policy.mutual_min_employee_votes_percent.get() {
        vec![r.finding(
            Severity::Warning,
            "ownership.groups",
            format!(
                "A joint-venture mutual: staff hold {} of the votes, enough to block decisions but not to control them. Co-operatives UK and Social Enterprise UK argue a mutual needs over 50%; be ready to explain why staff do not control it.",
                pc(votes)
            ),
        )]
    } else {
        vec![]
    }
}

fn mut_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let votes = employee_votes(ctx.plan);
    if ctx.plan.ownership.model != OwnershipModel::EmployeeLed
        || votes > ctx.policy.employee_control_votes_percent.get()
    {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.model",
        format!("An employee-led mutual must be controlled by its staff, but they hold {} of the votes. Give staff more than half the votes, or choose the joint-venture or multi-stakeholder model.", pc(votes)),
    )]
}

fn mut_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let o = &ctx.plan.ownership;
    let partner = o.groups.iter().any(|g| {
        matches!(
            g.kind,
            GroupKind::ParentBody | GroupKind::Government | GroupKind::PrivatePartner
        )
    });
    if o.model != OwnershipModel::JointVenture || partner {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.model",
        "A joint venture needs a partner, but no group is the parent body, government or a private partner. Add the partner's group, or choose another model.",
    )]
}

fn mut_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let o = &ctx.plan.ownership;
    if o.model != OwnershipModel::MultiStakeholder {
        return vec![];
    }
    let mut by_kind: BTreeMap<&str, Decimal> = BTreeMap::new();
    for g in &o.groups {
        *by_kind.entry(group_kind_in_text(g.kind)).or_default() += g.voting_percent.get();
    }
    let min = ctx.policy.multi_stakeholder_min_votes_percent.get();
    let holding = by_kind.values().filter(|v| **v >= min).count();
    if holding >= 2 {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.groups",
        format!("A multi-stakeholder mutual needs at least two kinds of stakeholder (staff counted as one) each holding {} of the votes or more; this plan has {holding}. Give another stakeholder a real share of the votes, or choose the employee-led model.", pc(min)),
    )]
}

fn mut_06(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    ctx.plan
        .ownership
        .groups
        .iter()
        .filter(|g| !g.kind.is_employee() && g.voting_percent.get() > Decimal::from(50))
        .map(|g| {
            r.finding(
                Severity::Warning,
                format!("ownership.groups[{}].voting_percent", g.id),
                format!("\"{}\" holds {} of the votes: it controls the organisation and staff cannot outvote it.", g.name, pc(g.voting_percent.get())),
            )
        })
        .collect()
}

fn mut_07(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let org = &ctx.plan.organisation;
    let mut out = Vec::new();
    if org.parent_body.name.trim().is_empty() {
        out.push(r.finding(
            Severity::Warning,
            "organisation.parent_body.name",
            "No parent body is named: a public service mutual is an organisation that has left the public sector. Name the body the service leaves.",
        ));
    }
    // "Now" is the plan's own save date, so the same file always gives the same findings.
    let limit = ctx.policy.live_years_for_support;
    if org.status == OrgStatus::Live
        && ctx.plan.saved_at.date() > org.spin_out_date.plus_years(limit as i32)
    {
        out.push(r.finding(
            Severity::Warning,
            "organisation.spin_out_date",
            format!("The organisation spun out more than {limit} years before this plan was saved: support for spin-outs is aimed at their first {limit} years."),
        ));
    }
    out
}
