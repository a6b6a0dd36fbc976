//! LEG: what each legal form allows.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::{BoardSeat, DistributionPolicy, LegalForm, Nation, OwnershipModel};
use crate::words::format::percent as pc;
use rust_decimal::Decimal;

pub(super) const RULES: &[Rule] = &[
    Rule { id: "LEG-01", title: "An asset lock where the form needs one", severity: "error / warning", source: "CIC Regulations 2005 (asset lock); charity law; Community Benefit Societies (Restriction on Use of Assets) Regulations 2006, SI 2006/264", check: leg_01 },
    Rule { id: "LEG-02", title: "A CIC's dividend cap", severity: "error", source: "CIC (Amendment) Regulations 2014, SI 2014/2483: the aggregate cap is 35%; the per-share cap was removed from 1 October 2014", check: leg_02 },
    Rule { id: "LEG-03", title: "Surpluses go to members only where the form allows it", severity: "error / warning", source: "no shares to pay on; charities and community benefit societies distribute nothing to members", check: leg_03 },
    Rule { id: "LEG-04", title: "One member, one vote in a co-operative", severity: "error / warning", source: "FCA/HMRC co-operative condition (CTM40507: control vested in members equally); ICA principles as the FCA applies them", check: leg_04 },
    Rule { id: "LEG-05", title: "The withdrawable share limit", severity: "error", source: "Co-operative and Community Benefit Societies Act 2014; Community Shares Unit handbook", check: leg_05 },
    Rule { id: "LEG-06", title: "Interest on co-operative shares", severity: "warning", source: "FCA/HMRC co-operative conditions", check: leg_06 },
    Rule { id: "LEG-07", title: "Paid staff as charity trustees", severity: "error / warning", source: "charity law: trustees are generally unpaid", check: leg_07 },
    Rule { id: "LEG-08", title: "A charity reinvests its surplus", severity: "error", source: "charities cannot distribute surplus to members", check: leg_08 },
    Rule { id: "LEG-09", title: "Where a CIO can be registered", severity: "warning", source: "CIOs are registered by the Charity Commission for England and Wales", check: leg_09 },
    Rule { id: "LEG-10", title: "A CIC is never a charity, a CIO always", severity: "error", source: "Companies (Audit, Investigations and Community Enterprise) Act 2004 s.26(3)", check: leg_10 },
    Rule { id: "LEG-11", title: "A CIC's name ending", severity: "error", source: "Companies (Audit, Investigations and Community Enterprise) Act 2004 s.33; SI 2015/17, Sch. 2 para. 3", check: leg_11 },
    Rule { id: "LEG-12", title: "A charity for tax and the Employment Allowance", severity: "info", source: "National Insurance Contributions Act 2014 s.2; Corporation Tax Act 2010 Part 11", check: leg_12 },
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
    crate::words::labels::legal_form(ctx.plan.organisation.legal_form).to_lowercase()
}

fn leg_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if ctx.plan.ownership.asset_lock {
        return vec![];
    }
    match ctx.plan.organisation.legal_form {
        f if is_cic(f) || f == LegalForm::Cio => vec![r.finding(
            Severity::Error,
            "ownership.asset_lock",
            format!("A {} must lock its assets to its purpose. Include an asset lock in the articles or constitution.", form(ctx)),
        )],
        LegalForm::CommunityBenefitSociety => vec![r.finding(
            Severity::Warning,
            "ownership.asset_lock",
            "The plan has no asset lock. The law lets a community benefit society choose one, and investors and commissioners expect it: include the statutory asset lock in the society's rules.",
        )],
        _ => vec![],
    }
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
    let policy = ctx.plan.ownership.profit_distribution.policy;
    if policy == DistributionPolicy::Reinvest {
        return vec![];
    }
    let path = "ownership.profit_distribution.policy";
    if is_charity(ctx) {
        vec![r.finding(Severity::Error, path, "A charity cannot distribute its surplus to its members, as dividends or by participation. Choose to reinvest surpluses.")]
    } else if matches!(
        f,
        LegalForm::CicLimitedByGuarantee | LegalForm::Cio | LegalForm::CommunityBenefitSociety
    ) {
        vec![r.finding(
            Severity::Error,
            path,
            format!("A {} cannot distribute its surplus to its members, as dividends or by participation: it runs for its community, not its members. Choose to reinvest surpluses.", form(ctx)),
        )]
    } else if f == LegalForm::CompanyLimitedByGuarantee {
        vec![r.finding(
            Severity::Warning,
            path,
            "A company limited by guarantee has no shares, and most forbid paying surpluses to members. Check that your articles allow it, or choose to reinvest surpluses.",
        )]
    } else {
        vec![]
    }
}

fn leg_04(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if ctx.plan.organisation.legal_form != LegalForm::CoOperativeSociety
        || ctx.plan.ownership.one_member_one_vote
    {
        return vec![];
    }
    let path = "ownership.one_member_one_vote";
    if ctx.plan.ownership.model == OwnershipModel::MultiStakeholder {
        vec![r.finding(Severity::Warning, path, "In a co-operative each member usually has one vote whatever they hold. A multi-stakeholder co-operative may weight votes by class of member: explain how, and check it with the registrar (the FCA).")]
    } else {
        vec![r.finding(Severity::Error, path, "In a co-operative control rests with members equally: each member has one vote whatever they hold. Turn on one member, one vote.")]
    }
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
            crate::words::money::pounds(limit),
            crate::words::money::pounds(shares.max_holding_per_member.get())
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

fn leg_10(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let org = &ctx.plan.organisation;
    let message = if is_cic(org.legal_form) && org.charity {
        "A community interest company cannot be a charity. Untick \"charity\", or choose a charitable form such as a CIO. The forecast treats the organisation as not a charity."
    } else if org.legal_form == LegalForm::Cio && !org.charity {
        "A CIO is always a charity. Tick \"charity\". The forecast treats the organisation as a charity."
    } else {
        return vec![];
    };
    vec![r.finding(Severity::Error, "organisation.charity", message)]
}

/// The endings that mark a CIC's name, in English and in Welsh, in lower case.
const CIC_ENDINGS: [&str; 6] = [
    "community interest company",
    "cic",
    "c.i.c.",
    "cwmni buddiant cymunedol",
    "cbc",
    "c.b.c.",
];

/// The CIC ending the name has, as written in it, if any: whole words at the end, in any case.
fn cic_ending(name: &str) -> Option<&str> {
    let name = name.trim_end();
    CIC_ENDINGS.iter().find_map(|ending| {
        let from = name.char_indices().rev().nth(ending.chars().count() - 1)?.0;
        let (rest, tail) = name.split_at(from);
        let whole_words = rest
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (whole_words && tail.to_lowercase() == *ending).then_some(tail)
    })
}

fn leg_11(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let org = &ctx.plan.organisation;
    // No name yet (a new plan): the Overview lists it as missing; its ending is judged once typed.
    if org.name.trim().is_empty() {
        return vec![];
    }
    let message = match (cic_ending(&org.name), is_cic(org.legal_form)) {
        (Some(ending), false) => format!(
            "The name ends in \"{ending}\", which only a community interest company may use, but the organisation is a {}. Change the name, or the legal form.",
            form(ctx)
        ),
        (None, true) => "A community interest company's name must end in \"community interest company\" or \"CIC\" (in Welsh, \"cwmni buddiant cymunedol\" or \"CBC\"). Add the ending to the name.".to_string(),
        _ => return vec![],
    };
    vec![r.finding(Severity::Error, "organisation.name", message)]
}

fn leg_12(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if !is_charity(ctx) {
        return vec![];
    }
    vec![r.finding(
        Severity::Info,
        "organisation.charity",
        "The organisation is a charity: the forecast charges no corporation tax on its surpluses, and it may claim the Employment Allowance even though its work is public services.",
    )]
}
