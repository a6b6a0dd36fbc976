//! GOV: the board and how staff are heard.

use super::rule::{employee_votes, Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::{BoardRole, Constituency, GroupKind, OwnershipModel};
use crate::words::format::percent as pc;
use crate::words::labels::group_kind_in_text;
use rust_decimal::Decimal;

pub(super) const RULES: &[Rule] = &[
    Rule { id: "GOV-01", title: "A board with a chair", severity: "warning", source: "good practice; investors look at board composition (Better Society Capital); policy", check: gov_01 },
    Rule { id: "GOV-02", title: "Staff have seats on the board", severity: "warning", source: "staff control embedded in governance (gov.uk, Start a public service mutual)", check: gov_02 },
    Rule { id: "GOV-03", title: "Each stakeholder has a seat", severity: "warning", source: "multi-stakeholder governance", check: gov_03 },
    Rule { id: "GOV-04", title: "A balanced board", severity: "info", source: "Glasman, \"Good Society\" (2011): a third elected by the workforce, a third for users, a third for the funders or state", check: gov_04 },
    Rule { id: "GOV-05", title: "A staff voice", severity: "warning", source: "MyCSP's Employee Partnership Council; Spectrum's Council of Shareholders", check: gov_05 },
    Rule { id: "GOV-06", title: "An outside non-executive", severity: "warning", source: "investors look for board balance and skills", check: gov_06 },
    Rule { id: "GOV-07", title: "Public bodies do not control it", severity: "warning", source: "Office for National Statistics classification: public-sector control", check: gov_07 },
];

fn gov_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let board = &ctx.plan.board;
    let min = ctx.policy.board_min_seats as usize;
    let mut problems = Vec::new();
    if board.len() < min {
        problems.push(format!("it has {} seats, fewer than {min}", board.len()));
    }
    if !board.iter().any(|s| s.role == BoardRole::Chair) {
        problems.push("no seat is the chair".to_string());
    }
    if problems.is_empty() {
        return vec![];
    }
    vec![r.finding(Severity::Warning, "board", format!("The board is not complete: {}. The law allows a smaller board, but investors expect at least {min} seats and a chair: add the seats, even if you are still recruiting to them.", problems.join(", and ")))]
}

fn gov_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let has_workforce = ctx
        .plan
        .board
        .iter()
        .any(|s| s.constituency == Constituency::Workforce);
    if employee_votes(ctx.plan) < ctx.policy.mutual_min_employee_votes_percent.get()
        || has_workforce
    {
        return vec![];
    }
    vec![r.finding(
        Severity::Warning,
        "board",
        "Staff own part of the organisation but no board seat represents the workforce: staff control is not embedded in governance. Add seats elected by or for staff.",
    )]
}

/// The board constituency that represents a kind of group, if there is one.
fn constituency_of(kind: GroupKind) -> Option<Constituency> {
    match kind {
        GroupKind::Employees | GroupKind::EmployeeTrust => Some(Constituency::Workforce),
        GroupKind::ServiceUsers => Some(Constituency::ServiceUsers),
        GroupKind::Community => Some(Constituency::Community),
        GroupKind::ParentBody | GroupKind::Government => Some(Constituency::State),
        GroupKind::PrivatePartner => Some(Constituency::PrivatePartner),
        GroupKind::SocialInvestor => Some(Constituency::Investor),
        GroupKind::Other => None,
    }
}

fn gov_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    if plan.ownership.model != OwnershipModel::MultiStakeholder {
        return vec![];
    }
    let min = ctx.policy.multi_stakeholder_min_votes_percent.get();
    plan.ownership
        .groups
        .iter()
        .filter(|g| g.voting_percent.get() >= min)
        .filter_map(|g| constituency_of(g.kind).map(|c| (g, c)))
        .filter(|(_, c)| !plan.board.iter().any(|s| s.constituency == *c))
        .map(|(g, _)| {
            r.finding(
                Severity::Warning,
                format!("ownership.groups[{}]", g.id),
                format!("\"{}\" holds {} of the votes but {} have no seat on the board. Add a seat for them.", g.name, pc(g.voting_percent.get()), group_kind_in_text(g.kind)),
            )
        })
        .collect()
}

fn gov_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let board = &ctx.plan.board;
    if board.is_empty() {
        return vec![];
    }
    let count = |c: Constituency| board.iter().filter(|s| s.constituency == c).count();
    let (w, u, s) = (
        count(Constituency::Workforce),
        count(Constituency::ServiceUsers),
        count(Constituency::State),
    );
    let third = Decimal::from(board.len()) / Decimal::from(3);
    let near = |n: usize| (Decimal::from(n) - third).abs() <= Decimal::ONE;
    let counts = format!(
        "{w} workforce, {u} service-user and {s} state seats of {}",
        board.len()
    );
    let message = if near(w) && near(u) && near(s) {
        format!("The board is balanced in thirds: {counts}.")
    } else {
        format!("The board has {counts}. A template some mutuals use gives a third of seats each to the workforce, service users and the state or funders.")
    };
    vec![r.finding(Severity::Info, "board", message)]
}

fn gov_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let o = &ctx.plan.ownership;
    if employee_votes(ctx.plan).is_zero() || !o.staff_voice.trim().is_empty() {
        return vec![];
    }
    vec![r.finding(
        Severity::Warning,
        "ownership.staff_voice",
        "Staff hold votes but no body is named through which they are heard. Describe it, for example an employee council elected each year.",
    )]
}

fn gov_06(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let outside = ctx.plan.board.iter().any(|s| {
        s.role == BoardRole::NonExecutive
            && matches!(
                s.constituency,
                Constituency::Independent
                    | Constituency::ServiceUsers
                    | Constituency::Community
                    | Constituency::State
                    | Constituency::Investor
            )
    });
    if outside {
        return vec![];
    }
    vec![r.finding(
        Severity::Warning,
        "board",
        "No non-executive seat is held from outside the workforce. Investors look for independent skills on the board: add an independent, service-user, community or state non-executive.",
    )]
}

fn gov_07(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    const WHY: &str = "public bodies would control the organisation, so the Office for National Statistics may classify it as public sector, which defeats the spin-out";
    let plan = ctx.plan;
    let mut out = Vec::new();
    let board = &plan.board;
    let state = board
        .iter()
        .filter(|s| s.constituency == Constituency::State)
        .count();
    if state * 2 > board.len() {
        out.push(r.finding(
            Severity::Warning,
            "board",
            format!("State seats are {state} of the {} on the board: {WHY}. Give most seats to the workforce, service users or independent members.", board.len()),
        ));
    }
    let public: Decimal = plan
        .ownership
        .groups
        .iter()
        .filter(|g| matches!(g.kind, GroupKind::ParentBody | GroupKind::Government))
        .map(|g| g.voting_percent.get())
        .sum();
    if public > Decimal::from(50) {
        out.push(r.finding(
            Severity::Warning,
            "ownership.groups",
            format!("The parent body and government hold {} of the votes: {WHY}. Keep their share at half or less.", pc(public)),
        ));
    }
    out
}
