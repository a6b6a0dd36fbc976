//! LEG: what each legal form allows.

use super::{pc, Ctx, Finding, Rule, Severity};
use crate::plan::{BoardSeat, DistributionPolicy, LegalForm, Nation};
use rust_decimal::Decimal;

pub(super) const RULES: &[Rule] = &[
    Rule { id: "LEG-01", title: "An asset lock where the form needs one", severity: "error", source: "CIC Regulations 2005 (asset lock); societies' and charities' rules", check: leg_01 },
    Rule { id: "LEG-02", title: "A CIC's dividend cap", severity: "error", source: "CIC (Amendment) Regulations 2014, SI 2014/2483: the aggregate cap is 35%; the per-share cap was removed from 1 October 2014", check: leg_02 },
    Rule { id: "LEG-03", title: "Dividends only where there are shares to pay on", severity: "error", source: "no shares to pay on; charities and community benefit societies distribute nothing to members", check: leg_03 },
    Rule { id: "LEG-04", title: "One member, one vote in a society", severity: "error", source: "FCA/HMRC (CTM40507): control vested in members equally", check: leg_04 },
    Rule { id: "LEG-05", title: "The withdrawable share limit", severity: "error", source: "Co-operative and Community Benefit Societies Act 2014; Community Shares Unit handbook", check: leg_05 },
    Rule { id: "LEG-06", title: "Interest on co-operative shares", severity: "warning", source: "FCA/HMRC co-operative conditions", check: leg_06 },
    Rule { id: "LEG-07", title: "Paid staff as charity trustees", severity: "error / warning", source: "charity law: trustees are generally unpaid", check: leg_07 },
    Rule { id: "LEG-08", title: "A charity reinvests its surplus", severity: "error", source: "charities cannot distribute surplus to members", check: leg_08 },
    Rule { id: "LEG-09", title: "Where a CIO can be registered", severity: "warning", source: "CIOs are registered by the Charity Commission for England and Wales", check: leg_09 },
];

fn is_cic(f: LegalForm) -> bool {
    matches!(
        f,
        LegalForm::CicLimitedByShares | LegalForm::CicLimitedByGuarantee
    )
}

fn is_society(f: LegalForm) -> bool {
    matches!(
        f,
        LegalForm::CoOperativeSociety | LegalForm::CommunityBenefitSociety
    )
}

/// A CIO is always a charity, a CIC never; other forms are when the plan says so.
fn is_charity(ctx: &Ctx) -> bool {
    ctx.plan.organisation.is_charity()
}

fn form(ctx: &Ctx) -> String {
    ctx.plan.organisation.legal_form.label().to_lowercase()
}

fn leg_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let f = ctx.plan.organisation.legal_form;
    let needs = is_cic(f) || matches!(f, LegalForm::CommunityBenefitSociety | LegalForm::Cio);
    if !needs || ctx.plan.ownership.asset_lock {
        return vec![];
    }
    vec![r.finding(Severity::Error, "ownership.asset_lock", format!("A {} must lock its assets to its community purpose. Include an asset lock in the articles or rules.", form(ctx)))]
}

fn leg_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let cap = Decimal::from(35);
    let max = ctx
        .plan
        .ownership
        .profit_distribution
        .max_percent_of_distributable
        .get();
    if ctx.plan.organisation.legal_form != LegalForm::CicLimitedByShares || max <= cap {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.profit_distribution.max_percent_of_distributable",
        format!("A CIC may distribute at most 35% of its distributable profits; the plan allows {}. Lower it to 35% or less.", pc(max)),
    )]
}

fn leg_03(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let f = ctx.plan.organisation.legal_form;
    let cannot = matches!(
        f,
        LegalForm::CicLimitedByGuarantee
            | LegalForm::CompanyLimitedByGuarantee
            | LegalForm::Cio
            | LegalForm::CommunityBenefitSociety
    );
    if !cannot
        || ctx.plan.ownership.profit_distribution.policy != DistributionPolicy::MembersDividend
    {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.profit_distribution.policy",
        format!("A {} cannot pay dividends to its members. Choose to reinvest surpluses (or, for a co-operative, distribute them on participation).", form(ctx)),
    )]
}

fn leg_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if !is_society(ctx.plan.organisation.legal_form) || ctx.plan.ownership.one_member_one_vote {
        return vec![];
    }
    vec![r.finding(Severity::Error, "ownership.one_member_one_vote", format!("In a {} control rests with members equally: each member has one vote whatever they hold.", form(ctx)))]
}

fn leg_05(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let Some(shares) = &ctx.plan.ownership.shares else {
        return vec![];
    };
    if !is_society(ctx.plan.organisation.legal_form) || !shares.withdrawable {
        return vec![];
    }
    let (limit, place) = if ctx.plan.organisation.nation == Nation::NorthernIreland {
        (Decimal::from(20_000), "in Northern Ireland")
    } else {
        (Decimal::from(100_000), "in Great Britain")
    };
    if shares.max_holding_per_member.get() <= limit {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.shares.max_holding_per_member",
        format!(
            "A member of a society may hold at most {} of withdrawable shares {place}; the plan allows {}.",
            crate::money::pounds(limit),
            crate::money::pounds(shares.max_holding_per_member.get())
        ),
    )]
}

fn leg_06(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let Some(shares) = &ctx.plan.ownership.shares else {
        return vec![];
    };
    if ctx.plan.organisation.legal_form != LegalForm::CoOperativeSociety
        || shares.interest_rate_percent.get().is_zero()
    {
        return vec![];
    }
    vec![r.finding(
        Severity::Warning,
        "ownership.shares.interest_rate_percent",
        format!("The plan pays {} interest on shares: a co-operative's interest may not exceed the rate needed to raise and keep the capital. Be ready to justify the rate.", pc(shares.interest_rate_percent.get())),
    )]
}

fn leg_07(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if !is_charity(ctx) {
        return vec![];
    }
    let board = &ctx.plan.board;
    let paid: Vec<&BoardSeat> = board.iter().filter(|s| s.paid_employee).collect();
    if paid.is_empty() {
        return vec![];
    }
    if paid.len() * 2 > board.len() {
        vec![r.finding(
            Severity::Error,
            "board",
            format!("Paid employees hold {} of the {} board seats: a charity's trustees must not be mostly its paid staff. Give the majority of seats to unpaid trustees.", paid.len(), board.len()),
        )]
    } else {
        paid.iter()
            .map(|s| {
                r.finding(
                    Severity::Warning,
                    format!("board[{}]", s.id),
                    "A paid employee sits on a charity's board: this needs authority in the governing document or from the Charity Commission.",
                )
            })
            .collect()
    }
}

fn leg_08(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if !is_charity(ctx)
        || ctx.plan.ownership.profit_distribution.policy == DistributionPolicy::Reinvest
    {
        return vec![];
    }
    vec![r.finding(
        Severity::Error,
        "ownership.profit_distribution.policy",
        "A charity cannot distribute its surplus to members: choose to reinvest it.",
    )]
}

fn leg_09(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let org = &ctx.plan.organisation;
    if org.legal_form != LegalForm::Cio || matches!(org.nation, Nation::England | Nation::Wales) {
        return vec![];
    }
    vec![r.finding(
        Severity::Warning,
        "organisation.nation",
        "CIOs are registered by the Charity Commission for England and Wales. In Scotland the equivalent is a SCIO; in Northern Ireland, check with the Charity Commission for Northern Ireland.",
    )]
}
