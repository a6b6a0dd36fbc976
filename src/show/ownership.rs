//! The ownership and board as the window draws them: votes and equity by group (as the PDF's
//! bars), the board's seats by constituency, and whether the plan is a mutual, in words, with
//! the findings that decide it.

use crate::checks::criteria::Policy;
use crate::checks::rules::employee_votes;
use crate::checks::verdict::Finding;
use crate::model::plan::{Constituency, Plan};
use crate::words::format;
use crate::words::labels;
use serde::Serialize;
use ts_rs::TS;

/// One member group's votes and equity: plain numbers to draw the bars, words to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GroupBar {
    pub path: String,
    pub name: String,
    pub kind: String,
    /// Share of the votes as a plain number of percent (`"60"`), for the bar's length.
    pub votes: String,
    /// "60%".
    pub votes_words: String,
    pub equity: String,
    pub equity_words: String,
    /// "Employees: 60% of the votes, 0% of the equity".
    pub words: String,
}

/// A seat on the board, with its constituency's code (for its colour) and words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeatView {
    pub path: String,
    /// The holder's name, or "To be recruited".
    pub name: String,
    pub role: String,
    pub constituency: Constituency,
    pub constituency_words: String,
    /// "Jo Bloggs, chair, workforce (a paid employee)".
    pub words: String,
}

/// A constituency on the board, for the key: its code, words and how many seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConstituencySeats {
    pub constituency: Constituency,
    pub words: String,
    pub seats: u32,
    /// "Workforce: 3 seats".
    pub count_words: String,
}

/// Whether the plan describes a public service mutual, and how strongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Staff hold more than half the votes.
    EmployeeControlled,
    /// Staff hold a blocking minority but not control.
    JointVentureMutual,
    /// Staff have too small a say.
    NotAMutual,
}

/// The ownership figures of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OwnershipView {
    pub groups: Vec<GroupBar>,
    pub seats: Vec<SeatView>,
    /// The constituencies with seats, in the order of the choices.
    pub key: Vec<ConstituencySeats>,
    /// "7 seats: 4 workforce, 1 service users, …".
    pub board_words: String,
    pub tier: Tier,
    /// "Employee-controlled", "A joint-venture mutual", "Not a public service mutual".
    pub tier_words: String,
    /// Why, in one sentence: "Staff hold 60% of the votes; more than 50% is control."
    pub tier_reason: String,
    /// The MUT findings that decide it.
    pub findings: Vec<Finding>,
}

/// The words for a tier.
pub fn tier_words(t: Tier) -> &'static str {
    match t {
        Tier::EmployeeControlled => "Employee-controlled mutual",
        Tier::JointVentureMutual => "Joint-venture mutual",
        Tier::NotAMutual => "Not a public service mutual",
    }
}

const CONSTITUENCIES: [Constituency; 7] = [
    Constituency::Workforce,
    Constituency::ServiceUsers,
    Constituency::Community,
    Constituency::State,
    Constituency::PrivatePartner,
    Constituency::Investor,
    Constituency::Independent,
];

/// The ownership figures of `plan` under `policy`, with the findings of the rules that decide
/// whether it is a mutual (the MUT rules).
pub fn ownership_view(plan: &Plan, policy: &Policy, findings: &[Finding]) -> OwnershipView {
    let groups = plan
        .ownership
        .groups
        .iter()
        .map(|g| {
            let (v, e) = (g.voting_percent.get(), g.equity_percent.get());
            GroupBar {
                path: format!("ownership.groups[{}]", g.id),
                name: g.name.clone(),
                kind: labels::group_kind(g.kind).into(),
                votes: v.normalize().to_string(),
                votes_words: format::percent(v),
                equity: e.normalize().to_string(),
                equity_words: format::percent(e),
                words: format!(
                    "{}: {} of the votes, {} of the equity",
                    g.name,
                    format::percent(v),
                    format::percent(e)
                ),
            }
        })
        .collect();
    let seats: Vec<SeatView> = plan
        .board
        .iter()
        .map(|s| {
            let name = if s.name.trim().is_empty() {
                "To be recruited".to_string()
            } else {
                s.name.clone()
            };
            let cw = labels::constituency(s.constituency);
            SeatView {
                path: format!("board[{}]", s.id),
                words: format!(
                    "{name}, {}, {}{}",
                    labels::board_role(s.role).to_lowercase(),
                    cw.to_lowercase(),
                    if s.paid_employee {
                        " (a paid employee)"
                    } else {
                        ""
                    }
                ),
                name,
                role: labels::board_role(s.role).into(),
                constituency: s.constituency,
                constituency_words: cw.into(),
            }
        })
        .collect();
    let key: Vec<ConstituencySeats> = CONSTITUENCIES
        .iter()
        .filter_map(|c| {
            let n = seats.iter().filter(|s| s.constituency == *c).count();
            (n > 0).then(|| ConstituencySeats {
                constituency: *c,
                words: labels::constituency(*c).into(),
                seats: u32::try_from(n).unwrap_or(u32::MAX),
                count_words: format!(
                    "{}: {}",
                    labels::constituency(*c),
                    format::count(n, "seat", "seats")
                ),
            })
        })
        .collect();
    let board_words = if seats.is_empty() {
        "No seats on the board yet".to_string()
    } else {
        format!(
            "{}: {}",
            format::count(seats.len(), "seat", "seats"),
            key.iter()
                .map(|k| format!("{} {}", k.seats, k.words.to_lowercase()))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let votes = employee_votes(plan);
    let control = policy.employee_control_votes_percent.get();
    let least = policy.mutual_min_employee_votes_percent.get();
    let (tier, reason) = if votes > control {
        (
            Tier::EmployeeControlled,
            format!(
                "Staff hold {} of the votes: more than {} is control.",
                format::percent(votes),
                format::percent(control)
            ),
        )
    } else if votes >= least {
        (
            Tier::JointVentureMutual,
            format!(
                "Staff hold {} of the votes: at least {}, enough to block decisions, but not more than {}, so not control.",
                format::percent(votes),
                format::percent(least),
                format::percent(control)
            ),
        )
    } else {
        (
            Tier::NotAMutual,
            format!(
                "Staff hold {} of the votes: less than the {} a public service mutual needs.",
                format::percent(votes),
                format::percent(least)
            ),
        )
    };
    OwnershipView {
        groups,
        seats,
        key,
        board_words,
        tier,
        tier_words: tier_words(tier).into(),
        tier_reason: reason,
        findings: findings
            .iter()
            .filter(|f| f.rule.starts_with("MUT-"))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::analysis::analyse;
    use crate::checks::criteria::Criteria;

    fn view(plan: &Plan) -> OwnershipView {
        let c = Criteria::bundled();
        let a = analyse(plan, &c);
        ownership_view(plan, &c.policy, &a.findings)
    }

    #[test]
    fn the_sample_is_employee_controlled_with_a_bar_per_group() {
        let plan = crate::model::samples::riverside().unwrap();
        let v = view(&plan);
        assert_eq!(v.groups.len(), plan.ownership.groups.len());
        for (bar, g) in v.groups.iter().zip(&plan.ownership.groups) {
            assert_eq!(
                bar.votes.parse::<rust_decimal::Decimal>().unwrap(),
                g.voting_percent.get()
            );
            assert_eq!(
                bar.equity.parse::<rust_decimal::Decimal>().unwrap(),
                g.equity_percent.get()
            );
            assert_eq!(bar.path, format!("ownership.groups[{}]", g.id));
        }
        assert_eq!(v.tier, Tier::EmployeeControlled);
        assert_eq!(v.tier_words, "Employee-controlled mutual");
        assert!(v.findings.iter().any(|f| f.rule == "MUT-02"));
        assert!(v.findings.iter().all(|f| f.rule.starts_with("MUT-")));
        assert_eq!(v.seats.len(), plan.board.len());
        let seats: u32 = v.key.iter().map(|k| k.seats).sum();
        assert_eq!(seats as usize, plan.board.len());
    }

    #[test]
    fn the_tier_follows_the_staff_votes_at_the_policy_boundaries() {
        let mut plan = crate::model::samples::riverside().unwrap();
        let mut partner = plan.ownership.groups[0].clone();
        partner.id = "council".parse().unwrap();
        partner.name = "Council".into();
        partner.kind = crate::model::plan::GroupKind::ParentBody;
        plan.ownership.groups.push(partner);
        let mut tier = |staff: u32| {
            plan.ownership.groups[0].voting_percent = staff.to_string().parse().unwrap();
            plan.ownership.groups[1].voting_percent = (100 - staff).to_string().parse().unwrap();
            let v = view(&plan);
            (
                v.tier,
                v.findings
                    .iter()
                    .map(|f| f.rule.clone())
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(tier(51).0, Tier::EmployeeControlled);
        assert_eq!(tier(50).0, Tier::JointVentureMutual);
        assert_eq!(tier(25).0, Tier::JointVentureMutual);
        let (t, rules) = tier(24);
        assert_eq!(t, Tier::NotAMutual);
        assert!(rules.contains(&"MUT-01".to_string()));
    }
}
