//! A new, empty plan with sensible defaults.

use crate::plan::*;
use crate::sections::SECTIONS;
use crate::values::{Date, ItemId, Money, Month, Percent, PlanId, Timestamp};
use rust_decimal::Decimal;

fn pct(n: i64) -> Percent {
    percent(Decimal::from(n))
}

/// A literal default percentage, which is always in range.
fn percent(d: Decimal) -> Percent {
    Percent::new(d).unwrap_or_else(|e| unreachable!("the default {d} is a percentage: {e}"))
}

fn id(s: &str) -> ItemId {
    // Only called with the literal ids below, which are valid.
    s.parse()
        .unwrap_or_else(|_| unreachable!("literal id {s} is valid"))
}

/// The default rates of `docs/cashflow.md`.
pub fn default_settings() -> Settings {
    Settings {
        employer_ni_percent: pct(15),
        ni_secondary_threshold: Money::pounds(5000),
        claim_employment_allowance: false,
        employment_allowance: Money::pounds(10_500),
        pay_award_percent: pct(3),
        pay_award_month: 4,
        payroll_costs_paid: PayrollTiming::NextMonth,
        apprenticeship_levy_percent: percent(Decimal::new(5, 1)),
        apprenticeship_levy_allowance: Money::pounds(15_000),
        ct_small_profits_rate_percent: pct(19),
        ct_main_rate_percent: pct(25),
        ct_lower_limit: Money::pounds(50_000),
        ct_upper_limit: Money::pounds(250_000),
        ct_marginal_relief_percent: percent(Decimal::new(15, 1)),
    }
}

/// The first April at least three months after `today`: a realistic first spin-out date.
fn default_start(today: Date) -> Month {
    let base = Month::of_date(today);
    (3..15)
        .filter_map(|n| base.plus(n))
        .find(|m| m.month() == 4)
        .unwrap_or(base)
}

/// A new plan for an organisation called `name`: every narrative section present and empty, an
/// employee-led CIC with one employee group and a board with a chair to recruit.
pub fn new_plan(name: &str, id_: PlanId, now: Timestamp) -> Plan {
    let start = default_start(now.date());
    let spin_out = Date::new(start.year(), start.month(), 1).unwrap_or(now.date());
    Plan {
        format: FORMAT_NAME.into(),
        schema_version: SCHEMA_VERSION,
        addressee: DEFAULT_ADDRESSEE.into(),
        id: id_,
        revision: 0,
        saved_at: now,
        saved_by: String::new(),
        title: format!("{name}: business plan for spin-out"),
        organisation: Organisation {
            name: name.into(),
            legal_form: LegalForm::CicLimitedByShares,
            charity: false,
            nation: Nation::England,
            parent_body: ParentBody {
                name: String::new(),
                kind: PublicBodyKind::NhsBody,
            },
            status: OrgStatus::Planned,
            spin_out_date: spin_out,
            services: String::new(),
            public_service_mission: String::new(),
            public_functions_percent: pct(100),
        },
        ownership: Ownership {
            model: OwnershipModel::EmployeeLed,
            groups: vec![OwnerGroup {
                id: id("staff"),
                name: "Employee members".into(),
                kind: GroupKind::Employees,
                members: 0,
                equity_percent: pct(100),
                voting_percent: pct(100),
            }],
            shares: Some(Shares {
                nominal_value: Money::pounds(1),
                per_member: 1,
                withdrawable: false,
                max_holding_per_member: Money::pounds(1),
                interest_rate_percent: pct(0),
            }),
            one_member_one_vote: true,
            asset_lock: true,
            profit_distribution: ProfitDistribution {
                policy: DistributionPolicy::Reinvest,
                max_percent_of_distributable: pct(0),
            },
            staff_voice: String::new(),
        },
        board: vec![BoardSeat {
            id: id("chair"),
            name: String::new(),
            role: BoardRole::Chair,
            constituency: Constituency::Independent,
            paid_employee: false,
        }],
        forecast: Forecast {
            start,
            months: 60,
            opening_cash: Money::default(),
            settings: default_settings(),
            contracts: vec![],
            income: vec![],
            grants: vec![],
            equity: vec![],
            loans: vec![],
            staff: vec![],
            costs: vec![],
        },
        narrative: Narrative {
            sections: SECTIONS
                .iter()
                .map(|s| Section {
                    id: s.id.into(),
                    title: s.title.into(),
                    text: String::new(),
                })
                .collect(),
            risks: vec![],
            impact: vec![],
            milestones: vec![],
        },
        review: Review {
            comments: vec![],
            signoffs: vec![],
        },
    }
}
