//! A new, empty plan with sensible defaults.

use crate::model::catalogue::ListKind;
use crate::model::plan::*;
use crate::model::sections::SECTIONS;
use crate::model::values::{Date, ItemId, Money, Month, Percent, PlanId, Timestamp};
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
        personal_allowance: Money::pounds(12_570),
        income_tax_bands: bands(&[
            (Some(3_770_000), 2000),
            (Some(12_514_000), 4000),
            (None, 4500),
        ]),
        income_tax_bands_scotland: bands(&[
            (Some(396_700), 1900),
            (Some(1_695_600), 2000),
            (Some(3_109_200), 2100),
            (Some(6_243_000), 4200),
            (Some(12_514_000), 4500),
            (None, 4800),
        ]),
        employee_ni_bands: bands(&[(Some(1_257_000), 0), (Some(5_027_000), 800), (None, 200)]),
        nhs_pension_member_tiers: bands(&[
            (Some(1_325_900), 520),
            (Some(2_779_700), 650),
            (Some(3_386_800), 830),
            (Some(5_084_500), 980),
            (Some(6_519_000), 1070),
            (None, 1250),
        ]),
        lgps_member_bands: bands(&[
            (Some(1_840_000), 550),
            (Some(2_900_000), 580),
            (Some(4_730_000), 650),
            (Some(5_980_000), 680),
            (Some(8_400_000), 850),
            (Some(11_910_000), 990),
            (Some(14_040_000), 1050),
            (Some(21_070_000), 1140),
            (None, 1250),
        ]),
        civil_service_member_tiers: bands(&[
            (Some(3_619_900), 460),
            (Some(5_600_000), 545),
            (Some(15_000_000), 735),
            (None, 805),
        ]),
        vat_registered: false,
        vat_stagger: 1,
        vat_standard_rate_percent: pct(20),
        vat_registration_threshold: Money::pounds(90_000),
        vat_de_minimis_monthly: Money::pounds(625),
    }
}

/// A default band list from `(up_to in pence, percent in hundredths)` rows.
fn bands(rows: &[(Option<i64>, i64)]) -> BandList {
    rows.iter()
        .map(|&(up_to, p)| Band {
            up_to: up_to.map(|pence| {
                Money::new(Decimal::new(pence, 2))
                    .unwrap_or_else(|e| unreachable!("the default {pence}p is money: {e}"))
            }),
            percent: percent(Decimal::new(p, 2).normalize()),
        })
        .collect()
}

/// The first April at least three months after `today`: a realistic first spin-out date.
fn default_start(today: Date) -> Month {
    let base = Month::of_date(today);
    (3..15)
        .filter_map(|n| base.plus(n))
        .find(|m| m.month() == 4)
        .unwrap_or(base)
}

/// The forecast's start once the spin-out date becomes `date`: the month of `date` while the
/// forecast still starts in the month of the old spin-out date (as a new plan does), so that the
/// forecast, and every item added after, follows the date the team gives; `None` once the team
/// has set the start apart, which then stays as they set it.
pub fn start_after_spin_out(plan: &Plan, date: Date) -> Option<Month> {
    let old = Month::of_date(plan.organisation.spin_out_date);
    let new = Month::of_date(date);
    (plan.forecast.start == old && new != old).then_some(new)
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
        // No name yet (the window's File → New): no title either, both listed as missing.
        title: if name.trim().is_empty() {
            String::new()
        } else {
            format!("{name}: business plan for spin-out")
        },
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
            facilities: vec![],
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

/// The employer pension rate suggested for a scheme (`docs/cashflow.md`): the team should use
/// its own scheme's or fund's figure when it has one.
pub fn suggested_pension_percent(scheme: PensionScheme) -> Percent {
    match scheme {
        PensionScheme::Nhs => percent(Decimal::new(2378, 2)),
        PensionScheme::Lgps => percent(Decimal::new(211, 1)),
        PensionScheme::CivilService => percent(Decimal::new(2897, 2)),
        PensionScheme::DefinedContribution => pct(5),
        PensionScheme::None => pct(0),
    }
}

/// The member's contribution rate a staff line on `scheme` starts with: 5 % on a defined
/// contribution scheme (a planning assumption the team should check), none on every other scheme,
/// whose tiers are settings.
pub fn suggested_employee_percent(scheme: PensionScheme) -> Option<Percent> {
    (scheme == PensionScheme::DefinedContribution).then(|| pct(5))
}

/// The useful life a cost line of `frequency` starts with: 36 months for capital spending
/// (equipment and fit-out are commonly written off over three to five years), none otherwise.
pub fn suggested_useful_life(frequency: CostFrequency) -> Option<u32> {
    (frequency == CostFrequency::Capital).then_some(36)
}

/// An id made from `name` (lower case, hyphens), unique among `taken`: `Falls prevention` →
/// `falls-prevention`, then `falls-prevention-2`. A long name is cut after its last whole word
/// within 34 characters (room for a `-2` within the 40 an id may have).
pub fn unique_id(name: &str, taken: &[String]) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let mut base: String = if slug.len() <= 34 {
        slug.to_string()
    } else {
        // Only ASCII letters, digits and hyphens: a byte is a character.
        let cut = &slug[..35];
        match cut.rfind('-') {
            Some(i) if i > 0 => cut[..i].to_string(),
            _ => slug[..34].to_string(),
        }
    };
    base = base.trim_end_matches('-').to_string();
    if base.is_empty() {
        base = "item".into();
    }
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken.iter().any(|t| t == c))
        .unwrap_or(base)
}

/// A new item for `list` of `plan`, with the defaults a team would otherwise have to look up: a
/// contract from the forecast's start for five years, procured by direct award; a staff line on
/// the NHS Pension Scheme at its suggested rate; an id made from its name and unique in the list.
pub fn new_item(plan: &Plan, list: ListKind, name: &str) -> serde_json::Value {
    use serde_json::to_value;
    let f = &plan.forecast;
    let start = f.start;
    let end = start.plus(59).unwrap_or(start);
    let ids = |items: Vec<&ItemId>| items.iter().map(|i| i.to_string()).collect::<Vec<_>>();
    let name = name.trim();
    let make = |default: &str, taken: Vec<String>| -> ItemId {
        unique_id(if name.is_empty() { default } else { name }, &taken)
            .parse()
            .unwrap_or_else(|_| id("item"))
    };
    let start_date =
        Date::new(start.year(), start.month(), 1).unwrap_or(plan.organisation.spin_out_date);
    let value = match list {
        ListKind::OwnerGroups => to_value(OwnerGroup {
            id: make(
                "group",
                ids(plan.ownership.groups.iter().map(|g| &g.id).collect()),
            ),
            name: String::new(),
            kind: GroupKind::Employees,
            members: 0,
            equity_percent: pct(0),
            voting_percent: pct(0),
        }),
        ListKind::Board => to_value(BoardSeat {
            id: make("seat", ids(plan.board.iter().map(|s| &s.id).collect())),
            name: String::new(),
            role: BoardRole::NonExecutive,
            constituency: Constituency::Workforce,
            paid_employee: false,
        }),
        ListKind::Contracts => to_value(Contract {
            id: make("contract", ids(f.contracts.iter().map(|c| &c.id).collect())),
            commissioner: String::new(),
            commissioner_kind: plan.organisation.parent_body.kind,
            service: String::new(),
            regulated_activity: None,
            annual_value: Money::default(),
            start,
            end,
            indexation_percent: pct(0),
            payment_terms_days: 30,
            vat: VatTreatment::Exempt,
            pbr: None,
            renewal: Renewal {
                assumption: RenewalAssumption::Renewed,
                value_change_percent: crate::model::values::SignedPercent::default(),
            },
            procurement: Procurement {
                route: ProcurementRoute::DirectAward,
                started: plan.organisation.spin_out_date,
                cpv: String::new(),
                last_reserved_award: None,
                awarded: None,
                extension_months: 0,
                psr_process: None,
                justification: String::new(),
            },
        }),
        ListKind::Income => to_value(IncomeLine {
            id: make("income", ids(f.income.iter().map(|i| &i.id).collect())),
            name: String::new(),
            amount: Money::default(),
            frequency: Frequency::Monthly,
            start,
            end: None,
            growth_percent: pct(0),
            vat: VatTreatment::Exempt,
        }),
        ListKind::Grants => to_value(Grant {
            id: make("grant", ids(f.grants.iter().map(|g| &g.id).collect())),
            funder: String::new(),
            purpose: String::new(),
            amount: Money::default(),
            month: start,
            match_funding: false,
        }),
        ListKind::Equity => to_value(EquityRaise {
            id: make("equity", ids(f.equity.iter().map(|e| &e.id).collect())),
            name: String::new(),
            amount: Money::default(),
            month: start,
        }),
        ListKind::Loans => to_value(Loan {
            id: make("loan", ids(f.loans.iter().map(|l| &l.id).collect())),
            lender: String::new(),
            principal: Money::default(),
            drawdown: start,
            annual_rate_percent: pct(0),
            term_months: 60,
            capital_holiday_months: 0,
            repayment: Repayment::Amortising,
        }),
        ListKind::Facilities => to_value(Facility {
            id: make(
                "facility",
                ids(f.facilities.iter().map(|l| &l.id).collect()),
            ),
            lender: String::new(),
            limit: Money::default(),
            annual_rate_percent: pct(0),
            from: start,
            to: None,
            arrangement_fee: Money::default(),
        }),
        ListKind::Staff => to_value(StaffLine {
            id: make("staff", ids(f.staff.iter().map(|s| &s.id).collect())),
            role: String::new(),
            fte: "1".parse().unwrap_or_else(|_| unreachable!("1 is an FTE")),
            headcount: None,
            annual_salary: Money::default(),
            start,
            end: None,
            transferred: true,
            contract: None,
            pension: Pension {
                scheme: PensionScheme::Nhs,
                employer_percent: suggested_pension_percent(PensionScheme::Nhs),
                employee_percent: None,
            },
        }),
        ListKind::Costs => to_value(CostLine {
            id: make("cost", ids(f.costs.iter().map(|c| &c.id).collect())),
            name: String::new(),
            category: CostCategory::Other,
            amount: Money::default(),
            frequency: CostFrequency::Monthly,
            start,
            end: None,
            useful_life_months: None,
            inflation_percent: pct(0),
            vat_percent: pct(0),
        }),
        ListKind::Risks => to_value(Risk {
            id: make(
                "risk",
                ids(plan.narrative.risks.iter().map(|r| &r.id).collect()),
            ),
            description: String::new(),
            likelihood: 3,
            impact: 3,
            mitigation: String::new(),
            owner: String::new(),
        }),
        ListKind::Impact => to_value(ImpactIndicator {
            id: make(
                "indicator",
                ids(plan.narrative.impact.iter().map(|i| &i.id).collect()),
            ),
            outcome: String::new(),
            indicator: String::new(),
            baseline: String::new(),
            target: String::new(),
        }),
        ListKind::Milestones => to_value(Milestone {
            id: make(
                "milestone",
                ids(plan.narrative.milestones.iter().map(|m| &m.id).collect()),
            ),
            date: start_date,
            what: String::new(),
        }),
    };
    let mut value = value.unwrap_or(serde_json::Value::Null);
    let key = crate::model::catalogue::list(list).name_field;
    if let Some(obj) = value.as_object_mut() {
        obj.insert(key.into(), name.into());
    }
    value
}

#[cfg(test)]
mod item_tests {
    use super::*;

    #[test]
    fn ids_are_made_from_names_and_kept_unique() {
        assert_eq!(unique_id("Falls prevention", &[]), "falls-prevention");
        let taken = vec!["falls-prevention".to_string()];
        assert_eq!(unique_id("Falls prevention!", &taken), "falls-prevention-2");
        assert_eq!(unique_id("  ", &[]), "item");
        // A long name is cut between words, never inside one.
        assert_eq!(
            unique_id(
                "Community reablement and rehabilitation service for Northfield",
                &[]
            ),
            "community-reablement-and"
        );
        assert_eq!(
            unique_id("Reablement and rehabilitation services", &[]),
            "reablement-and-rehabilitation"
        );
        // Exactly 34 characters stays whole; one word longer than that is cut where it must be.
        assert_eq!(unique_id(&"a".repeat(34), &[]), "a".repeat(34));
        assert_eq!(unique_id(&"b".repeat(50), &[]), "b".repeat(34));
    }

    #[test]
    fn the_forecast_start_follows_the_spin_out_date_until_it_is_set_apart() {
        let mut plan = new_plan(
            "",
            "0123456789abcdef0123456789abcdef".parse().unwrap(),
            "2026-12-03T10:42:00Z".parse().unwrap(),
        );
        // A new plan starts its forecast in the month it spins out.
        assert_eq!(plan.forecast.start, "2027-04".parse().unwrap());
        assert_eq!(
            plan.organisation.spin_out_date,
            "2027-04-01".parse().unwrap()
        );
        assert_eq!(plan.title, "");
        let jan = "2028-01-13".parse().unwrap();
        assert_eq!(
            start_after_spin_out(&plan, jan),
            Some("2028-01".parse().unwrap())
        );
        // Another day of the same month moves nothing.
        assert_eq!(
            start_after_spin_out(&plan, "2027-04-20".parse().unwrap()),
            None
        );
        // A start the team set apart stays as they set it.
        plan.forecast.start = "2027-07".parse().unwrap();
        assert_eq!(start_after_spin_out(&plan, jan), None);
        // New items start with the forecast.
        let c: Contract =
            serde_json::from_value(new_item(&plan, ListKind::Contracts, "Falls prevention"))
                .unwrap();
        assert_eq!(c.start, plan.forecast.start);
    }

    #[test]
    fn new_items_read_back_as_plan_items_with_fresh_ids() {
        let plan = new_plan(
            "Test",
            "0123456789abcdef0123456789abcdef".parse().unwrap(),
            Timestamp::from_unix(0).unwrap(),
        );
        let g = new_item(&plan, ListKind::OwnerGroups, "");
        assert_eq!(g["id"], "group");
        let g = new_item(&plan, ListKind::OwnerGroups, "Employee members");
        assert_eq!(g["id"], "employee-members");
        let s = new_item(&plan, ListKind::Staff, "Physiotherapist");
        assert_eq!(s["pension"]["employer_percent"], "23.78");
        assert_eq!(s["role"], "Physiotherapist");
        let c: Contract =
            serde_json::from_value(new_item(&plan, ListKind::Contracts, "Falls prevention"))
                .unwrap();
        assert_eq!(c.procurement.route, ProcurementRoute::DirectAward);
        assert_eq!(c.id.to_string(), "falls-prevention");
    }
}
