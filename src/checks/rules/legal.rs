//! LEG: what each legal form allows.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::{BoardSeat, DistributionPolicy, LegalForm, Nation, OwnershipModel};
use crate::words::format::count;
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
    Rule { id: "LEG-09", title: "Where a CIO or a SCIO can be registered", severity: "error / warning", source: "Charities Act 2011 ss.205–206 (CIO: principal office in England or in Wales); Charities and Trustee Investment (Scotland) Act 2005 s.49(2) (SCIO: principal office in Scotland) and s.50(2)(b) (3 or more charity trustees); Northern Ireland: Charities Act (Northern Ireland) 2008 CIO provisions not in force (from memory)", check: leg_09 },
    Rule { id: "LEG-10", title: "Which forms can be charities", severity: "error", source: "Companies (Audit, Investigations and Community Enterprise) Act 2004 s.26(3); Charities Act 2011 s.204; Charities and Trustee Investment (Scotland) Act 2005 s.49(1); Co-operative and Community Benefit Societies Act 2014 s.2(2)(a) (a co-operative society: a bona fide co-operative, run for its members)", check: leg_10 },
    Rule { id: "LEG-11", title: "A CIC's name ending", severity: "error", source: "Companies (Audit, Investigations and Community Enterprise) Act 2004 s.33; SI 2015/17, Sch. 2 para. 3", check: leg_11 },
    Rule { id: "LEG-12", title: "A charity for tax and the Employment Allowance", severity: "info", source: "National Insurance Contributions Act 2014 s.2; Corporation Tax Act 2010 Part 11; Charities Act 2011 Sch. 3 (exempt charities, from memory)", check: leg_12 },
    Rule { id: "LEG-13", title: "A society's name", severity: "error / warning", source: "Co-operative and Community Benefit Societies Act 2014 s.10(2)–(3) (\"limited\", or \"cyfyngedig\" if the rules put the registered office in Wales; the FCA may waive it for wholly charitable or benevolent objects); FCA Handbook RFCCBS 3 (society names) and Community Shares Unit handbook 3.2.1 (a community benefit society cannot call itself a co-operative in its name); Northern Ireland's 1969 Act has the same \"limited\" rule (from memory); the Welsh word \"cydweithredol\" from memory; whether the FCA accepts \"Ltd\" is not confirmed, so it is a warning", check: leg_13 },
    Rule { id: "LEG-14", title: "An asset lock in a company's articles", severity: "info", source: "Companies Act 2006 s.21 (amendment of articles by special resolution) and s.22 (entrenched provisions) (from memory)", check: leg_14 },
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

/// A CIO or SCIO is always a charity, a CIC or co-operative society never; other forms are when
/// the plan says so.
fn is_charity(ctx: &Ctx) -> bool {
    ctx.plan.organisation.is_charity()
}

/// The legal form as it reads within a sentence: "community benefit society", "Scottish
/// charitable incorporated organisation".
fn form(ctx: &Ctx) -> String {
    let f = ctx.plan.organisation.legal_form;
    let label = crate::words::labels::legal_form(f);
    if f == LegalForm::Scio {
        label.to_string()
    } else {
        label.to_lowercase()
    }
}

/// A CIO or a SCIO: always a charity, with no share capital.
fn is_cio_or_scio(f: LegalForm) -> bool {
    matches!(f, LegalForm::Cio | LegalForm::Scio)
}

fn leg_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    if ctx.plan.ownership.asset_lock {
        return vec![];
    }
    match ctx.plan.organisation.legal_form {
        f if is_cic(f) || is_cio_or_scio(f) => vec![r.finding(
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
        LegalForm::CicLimitedByGuarantee
            | LegalForm::Cio
            | LegalForm::Scio
            | LegalForm::CommunityBenefitSociety
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
        let regulator = match ctx.plan.organisation.nation {
            Nation::England | Nation::Wales => "the Charity Commission",
            Nation::Scotland => "OSCR",
            Nation::NorthernIreland => "the Charity Commission for Northern Ireland",
        };
        paid.iter()
            .map(|s| {
                r.finding(
                    Severity::Warning,
                    format!("board[{}]", s.id),
                    format!("A paid employee sits on a charity's board: this needs authority in the governing document or from the charity regulator, {regulator}."),
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
    let form = "organisation.legal_form";
    let mut out = Vec::new();
    match (org.legal_form, org.nation) {
        (LegalForm::Cio, Nation::Scotland) => out.push(r.finding(
            Severity::Error,
            form,
            "A CIO must have its principal office in England or in Wales; a charity in Scotland incorporates as a Scottish charitable incorporated organisation (SCIO), registered by OSCR: change the legal form to SCIO.",
        )),
        (LegalForm::Cio, Nation::NorthernIreland) => out.push(r.finding(
            Severity::Warning,
            form,
            "The CIO form is not available in Northern Ireland: confirm the legal form with the Charity Commission for Northern Ireland.",
        )),
        (LegalForm::Scio, nation) if nation != Nation::Scotland => out.push(r.finding(
            Severity::Error,
            form,
            format!(
                "A SCIO must have its principal office in Scotland, but the organisation is in {}; in England or Wales use a CIO.",
                crate::words::labels::nation(nation)
            ),
        )),
        _ => {}
    }
    let seats = ctx.plan.board.len();
    if org.legal_form == LegalForm::Scio && seats < SCIO_MIN_TRUSTEES {
        out.push(r.finding(
            Severity::Error,
            "board",
            format!(
                "A SCIO's constitution must provide for at least {SCIO_MIN_TRUSTEES} charity trustees; the board has {}. Add seats.",
                count(seats, "seat", "seats")
            ),
        ));
    }
    out
}

/// The fewest charity trustees a SCIO's constitution may provide for (2005 Act s.50(2)(b)).
const SCIO_MIN_TRUSTEES: usize = 3;

fn leg_10(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let org = &ctx.plan.organisation;
    let message = match (org.legal_form, org.charity) {
        (f, true) if is_cic(f) => "A community interest company cannot be a charity. Untick \"Charity\", or choose a charitable form such as a CIO. The forecast treats the organisation as not a charity.",
        (LegalForm::CoOperativeSociety, true) => "A co-operative society runs for its members' benefit, so it cannot be a charity; a charitable society registers as a community benefit society. Untick \"Charity\", or change the legal form to a community benefit society. The forecast treats the organisation as not a charity.",
        (LegalForm::Cio, false) => "A CIO is always a charity. Tick \"Charity\". The forecast treats the organisation as a charity.",
        (LegalForm::Scio, false) => "A SCIO is always a charity. Tick \"Charity\". The forecast treats the organisation as a charity.",
        _ => return vec![],
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
    let org = &ctx.plan.organisation;
    let exempt = if org.legal_form == LegalForm::CommunityBenefitSociety
        && matches!(org.nation, Nation::England | Nation::Wales)
    {
        "; as a charitable community benefit society it is an exempt charity and cannot register with the Charity Commission"
    } else {
        ""
    };
    vec![r.finding(
        Severity::Info,
        "organisation.charity",
        format!(
            "{} is a charity, so it can claim the Employment Allowance and pays no corporation tax on its charitable trading{exempt}.",
            name_or_organisation(&org.name)
        ),
    )]
}

/// The organisation's name, or "The organisation" while it has none.
fn name_or_organisation(name: &str) -> &str {
    match name.trim() {
        "" => "The organisation",
        name => name,
    }
}

/// A society's name as the name tests read it: without leading and trailing spaces or a trailing
/// full stop, in lower case.
fn society_name(name: &str) -> String {
    let name = name.trim();
    name.strip_suffix('.')
        .unwrap_or(name)
        .trim_end()
        .to_lowercase()
}

/// Whether `word` appears in `text` with no letter or digit on either side.
fn has_whole_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The words a community benefit society's name may not hold, and the whole word "co-op".
const CO_OPERATIVE_WORDS: [&str; 3] = ["co-operative", "cooperative", "cydweithredol"];

fn leg_13(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let org = &ctx.plan.organisation;
    let f = org.legal_form;
    let name = society_name(&org.name);
    // No name yet (a new plan): the Overview lists it as missing; it is judged once typed.
    if !is_society(f) || name.is_empty() {
        return vec![];
    }
    let path = "organisation.name";
    let charitable = is_charity(ctx);
    let wales = org.nation == Nation::Wales;
    let mut out = Vec::new();
    let last = name.split_whitespace().next_back().unwrap_or_default();
    let limited = last == "limited" || (wales && last == "cyfyngedig");
    let in_wales = if wales {
        " (or 'cyfyngedig', as the society is in Wales)"
    } else {
        ""
    };
    if limited {
        // The name ends as section 10 asks.
    } else if matches!(last, "ltd" | "ltd.") {
        if !charitable {
            out.push(r.finding(
                Severity::Warning,
                path,
                "The society's name ends in the abbreviation \"Ltd\": write 'Limited' in full: section 10 names the word and the FCA may not accept 'Ltd'.",
            ));
        }
    } else if f == LegalForm::CoOperativeSociety {
        out.push(r.finding(
            Severity::Error,
            path,
            format!(
                "The last word of a co-operative society's name must be 'Limited'{in_wales}: a co-operative runs for its members, so its objects cannot be wholly charitable or benevolent, and the FCA cannot waive the word. Add \"Limited\" to the end of the name."
            ),
        ));
    } else if !charitable {
        out.push(r.finding(
            Severity::Warning,
            path,
            format!(
                "Unless the FCA accepts that its objects are wholly charitable or benevolent, the last word of a society's name must be 'limited'{in_wales}. Add \"Limited\" to the end of the name, or agree the waiver with the FCA."
            ),
        ));
    }
    if f == LegalForm::CommunityBenefitSociety {
        let word = CO_OPERATIVE_WORDS
            .iter()
            .find(|w| name.contains(*w))
            .or(has_whole_word(&name, "co-op").then_some(&"co-op"));
        if let Some(word) = word {
            out.push(r.finding(
                Severity::Warning,
                path,
                format!(
                    "The name holds the word \"{word}\", but the FCA registers the word co-operative only in a co-operative society's name. Choose a name without it, or register as a co-operative society."
                ),
            ));
        }
    }
    out
}

fn leg_14(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let org = &ctx.plan.organisation;
    let company = matches!(
        org.legal_form,
        LegalForm::CompanyLimitedByGuarantee | LegalForm::CompanyLimitedByShares
    );
    if !company || is_charity(ctx) || !ctx.plan.ownership.asset_lock {
        return vec![];
    }
    let whose = match org.name.trim() {
        "" => "The organisation's".to_string(),
        name => format!("{name}'s"),
    };
    vec![r.finding(
        Severity::Info,
        "ownership.asset_lock",
        format!(
            "{whose} asset lock is only in its articles: the members can remove it by special resolution unless the articles entrench it. A CIC's asset lock is statutory and a charity's assets are protected by charity law; investors and commissioners may ask how this lock is secured."
        ),
    )]
}
