//! The words a reader sees for each coded value, shared by the window, the CLI and the PDF.
//!
//! Every enum of the plan format has its words here, and so do the coded results of the
//! analysis (ratings, eligibility results, headlines, severities): no other file words them.

use crate::plan::*;
use crate::readiness::{Eligible, Headline, Rating};
use crate::rules::Severity;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

/// The heading of the support eligibility table in the window, the CLI and the PDF: it names the
/// programme and its years so that no reader takes it for a live programme's decision.
pub const ELIGIBILITY_HEADING: &str =
    "Support eligibility (criteria of the Mutuals Support Programme 2, 2018–20)";

/// The words of each readiness rating, one field per value as it serialises, so the window
/// looks a rating's word up by the value it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RatingWords {
    pub red: String,
    pub amber: String,
    pub green: String,
}

/// The words of each eligibility result, keyed like [`RatingWords`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EligibleWords {
    pub pass: String,
    pub fail: String,
    pub not_known: String,
}

/// The heading of each group of findings, keyed by severity like [`RatingWords`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeverityWords {
    pub error: String,
    pub warning: String,
    pub info: String,
}

/// Every word the window needs to show an analysis as the CLI and the PDF word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AnalysisWords {
    pub eligibility_heading: String,
    pub ratings: RatingWords,
    pub eligibility_results: EligibleWords,
    /// The heading of a group of findings: "Warnings".
    pub findings_headings: SeverityWords,
    /// The word beside one finding: "Warning".
    pub severities: SeverityWords,
}

/// The words of the analysis' coded values, for the window.
pub fn analysis_words() -> AnalysisWords {
    AnalysisWords {
        eligibility_heading: ELIGIBILITY_HEADING.into(),
        ratings: RatingWords {
            red: rating(Rating::Red).into(),
            amber: rating(Rating::Amber).into(),
            green: rating(Rating::Green).into(),
        },
        eligibility_results: EligibleWords {
            pass: eligible(Eligible::Pass).into(),
            fail: eligible(Eligible::Fail).into(),
            not_known: eligible(Eligible::NotKnown).into(),
        },
        findings_headings: SeverityWords {
            error: findings_heading(Severity::Error).into(),
            warning: findings_heading(Severity::Warning).into(),
            info: findings_heading(Severity::Info).into(),
        },
        severities: SeverityWords {
            error: severity(Severity::Error).into(),
            warning: severity(Severity::Warning).into(),
            info: severity(Severity::Info).into(),
        },
    }
}

/// One option of a coded field: the value stored in the file and the label shown, and for some
/// what choosing it means ("spread over the months, one twelfth each month"), shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choice {
    pub value: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hint: Option<String>,
}

/// The options of every coded field of the plan format, each in the order of its enum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choices {
    pub legal_forms: Vec<Choice>,
    pub nations: Vec<Choice>,
    pub public_body_kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub ownership_models: Vec<Choice>,
    pub group_kinds: Vec<Choice>,
    pub distribution_policies: Vec<Choice>,
    pub board_roles: Vec<Choice>,
    pub constituencies: Vec<Choice>,
    pub payroll_timings: Vec<Choice>,
    pub renewal_assumptions: Vec<Choice>,
    pub procurement_routes: Vec<Choice>,
    pub frequencies: Vec<Choice>,
    pub repayments: Vec<Choice>,
    pub pension_schemes: Vec<Choice>,
    pub cost_categories: Vec<Choice>,
    pub reviewer_roles: Vec<Choice>,
    /// The months of the year by name, for a setting stored as a month number (`pay_award_month`):
    /// the value is the number as text ("4"), the label its name ("April").
    pub months: Vec<Choice>,
}

/// The options of one enum: each value as the file writes it, with its label.
fn options<T: Serialize + Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: serde_json::to_value(v)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            label: label(*v).into(),
            hint: None,
        })
        .collect()
}

/// `choices` with the hint `hint` gives each.
fn with_hints<T: Serialize + Copy>(
    mut choices: Vec<Choice>,
    all: &[T],
    hint: fn(T) -> &'static str,
) -> Vec<Choice> {
    for (c, v) in choices.iter_mut().zip(all) {
        c.hint = Some(hint(*v).into());
    }
    choices
}

/// Every option of every coded field of the plan format.
pub fn choices() -> Choices {
    use Constituency as C;
    use CostCategory as Cc;
    use GroupKind as G;
    use ProcurementRoute as Pr;
    Choices {
        legal_forms: options(&LegalForm::ALL, legal_form),
        nations: options(
            &[
                Nation::England,
                Nation::Wales,
                Nation::Scotland,
                Nation::NorthernIreland,
            ],
            nation,
        ),
        public_body_kinds: options(
            &[
                PublicBodyKind::NhsBody,
                PublicBodyKind::LocalAuthority,
                PublicBodyKind::CentralGovernment,
                PublicBodyKind::OtherPublic,
            ],
            public_body_kind,
        ),
        statuses: options(&[OrgStatus::Planned, OrgStatus::Live], status),
        ownership_models: options(
            &[
                OwnershipModel::EmployeeLed,
                OwnershipModel::MultiStakeholder,
                OwnershipModel::JointVenture,
            ],
            ownership_model,
        ),
        group_kinds: options(
            &[
                G::Employees,
                G::EmployeeTrust,
                G::ServiceUsers,
                G::Community,
                G::ParentBody,
                G::Government,
                G::PrivatePartner,
                G::SocialInvestor,
                G::Other,
            ],
            group_kind,
        ),
        distribution_policies: options(
            &[
                DistributionPolicy::Reinvest,
                DistributionPolicy::MembersDividend,
                DistributionPolicy::Participatory,
            ],
            distribution,
        ),
        board_roles: options(
            &[
                BoardRole::Chair,
                BoardRole::Executive,
                BoardRole::NonExecutive,
            ],
            board_role,
        ),
        constituencies: options(
            &[
                C::Workforce,
                C::ServiceUsers,
                C::Community,
                C::State,
                C::PrivatePartner,
                C::Investor,
                C::Independent,
            ],
            constituency,
        ),
        payroll_timings: options(
            &[PayrollTiming::NextMonth, PayrollTiming::SameMonth],
            payroll_timing,
        ),
        renewal_assumptions: options(
            &[RenewalAssumption::Renewed, RenewalAssumption::Ends],
            renewal,
        ),
        procurement_routes: options(
            &[
                Pr::DirectAward,
                Pr::OpenCompetition,
                Pr::ReservedPsm,
                Pr::ProviderSelectionRegime,
                Pr::GrantAgreement,
            ],
            procurement_route,
        ),
        frequencies: {
            let all = [Frequency::Monthly, Frequency::Annual, Frequency::OneOff];
            with_hints(options(&all, frequency), &all, frequency_hint)
        },
        repayments: options(&[Repayment::Amortising, Repayment::Bullet], repayment),
        pension_schemes: options(
            &[
                PensionScheme::Nhs,
                PensionScheme::Lgps,
                PensionScheme::CivilService,
                PensionScheme::DefinedContribution,
                PensionScheme::None,
            ],
            pension_scheme,
        ),
        cost_categories: options(
            &[
                Cc::Premises,
                Cc::It,
                Cc::Insurance,
                Cc::ProfessionalFees,
                Cc::SupportServices,
                Cc::ClinicalSupplies,
                Cc::Transition,
                Cc::IrrecoverableVat,
                Cc::BondOrGuarantee,
                Cc::Other,
            ],
            cost_category,
        ),
        reviewer_roles: options(
            &[
                ReviewerRole::Staff,
                ReviewerRole::Mentor,
                ReviewerRole::Other,
            ],
            reviewer_role,
        ),
        months: (1..=12)
            .map(|n| Choice {
                value: n.to_string(),
                label: month_name(n).into(),
                hint: None,
            })
            .collect(),
    }
}

/// The name a reader of the plan knows a legal form by.
pub fn legal_form(f: LegalForm) -> &'static str {
    match f {
        LegalForm::CicLimitedByShares => "Community interest company limited by shares",
        LegalForm::CicLimitedByGuarantee => "Community interest company limited by guarantee",
        LegalForm::CoOperativeSociety => "Co-operative society",
        LegalForm::CommunityBenefitSociety => "Community benefit society",
        LegalForm::CompanyLimitedByShares => "Company limited by shares",
        LegalForm::CompanyLimitedByGuarantee => "Company limited by guarantee",
        LegalForm::Cio => "Charitable incorporated organisation",
    }
}

/// How a nation is written.
pub fn nation(n: Nation) -> &'static str {
    match n {
        Nation::England => "England",
        Nation::Wales => "Wales",
        Nation::Scotland => "Scotland",
        Nation::NorthernIreland => "Northern Ireland",
    }
}

/// How a kind of public body is written.
pub fn public_body_kind(k: PublicBodyKind) -> &'static str {
    match k {
        PublicBodyKind::NhsBody => "NHS body",
        PublicBodyKind::LocalAuthority => "Local authority",
        PublicBodyKind::CentralGovernment => "Central government",
        PublicBodyKind::OtherPublic => "Other public body",
    }
}

/// How the organisation's status is written.
pub fn status(s: OrgStatus) -> &'static str {
    match s {
        OrgStatus::Planned => "Planned (not yet spun out)",
        OrgStatus::Live => "Live (spun out)",
    }
}

/// How an ownership model is written.
pub fn ownership_model(m: OwnershipModel) -> &'static str {
    match m {
        OwnershipModel::EmployeeLed => "Employee-led",
        OwnershipModel::MultiStakeholder => "Multi-stakeholder",
        OwnershipModel::JointVenture => "Joint venture",
    }
}

/// How a kind of stakeholder group is written.
pub fn group_kind(k: GroupKind) -> &'static str {
    match k {
        GroupKind::Employees => "Employees",
        GroupKind::EmployeeTrust => "Employee trust",
        GroupKind::ServiceUsers => "Service users",
        GroupKind::Community => "Community",
        GroupKind::ParentBody => "Parent body",
        GroupKind::Government => "Government",
        GroupKind::PrivatePartner => "Private partner",
        GroupKind::SocialInvestor => "Social investor",
        GroupKind::Other => "Other",
    }
}

/// How a profit distribution policy is written.
pub fn distribution(p: DistributionPolicy) -> &'static str {
    match p {
        DistributionPolicy::Reinvest => "Reinvested in the mission",
        DistributionPolicy::MembersDividend => "Dividends to members",
        DistributionPolicy::Participatory => "Shared by participation",
    }
}

/// How a board seat's role is written.
pub fn board_role(r: BoardRole) -> &'static str {
    match r {
        BoardRole::Chair => "Chair",
        BoardRole::Executive => "Executive",
        BoardRole::NonExecutive => "Non-executive",
    }
}

/// How the constituency a board seat represents is written.
pub fn constituency(c: Constituency) -> &'static str {
    match c {
        Constituency::Workforce => "Workforce",
        Constituency::ServiceUsers => "Service users",
        Constituency::Community => "Community",
        Constituency::State => "State",
        Constituency::PrivatePartner => "Private partner",
        Constituency::Investor => "Investor",
        Constituency::Independent => "Independent",
    }
}

/// When employer NI, employer pension and the levy are paid.
pub fn payroll_timing(t: PayrollTiming) -> &'static str {
    match t {
        PayrollTiming::NextMonth => "In the month after the month worked",
        PayrollTiming::SameMonth => "In the month worked",
    }
}

/// What a contract is assumed to do at its end (an assumption, never a fact).
pub fn renewal(r: RenewalAssumption) -> &'static str {
    match r {
        RenewalAssumption::Renewed => "Assumed renewed",
        RenewalAssumption::Ends => "Assumed to end",
    }
}

/// How a procurement route is written.
pub fn procurement_route(r: ProcurementRoute) -> &'static str {
    match r {
        ProcurementRoute::DirectAward => "Direct award",
        ProcurementRoute::OpenCompetition => "Open competition",
        ProcurementRoute::ReservedPsm => "Reserved for mutuals",
        ProcurementRoute::ProviderSelectionRegime => "Provider Selection Regime",
        ProcurementRoute::GrantAgreement => "Grant agreement",
    }
}

/// How often an income or cost line falls due.
pub fn frequency(f: Frequency) -> &'static str {
    match f {
        Frequency::Monthly => "Monthly",
        Frequency::Annual => "Annual",
        Frequency::OneOff => "One-off",
    }
}

/// What a frequency means for the monthly cash flow, shown beside the choice.
pub fn frequency_hint(f: Frequency) -> &'static str {
    match f {
        Frequency::Monthly => "The amount falls in every month from its start.",
        Frequency::Annual => {
            "The amount is for a year, spread over the months: one twelfth each month."
        }
        Frequency::OneOff => "The whole amount once, in the month it starts.",
    }
}

/// How a loan's capital is repaid.
pub fn repayment(r: Repayment) -> &'static str {
    match r {
        Repayment::Amortising => "In equal monthly instalments",
        Repayment::Bullet => "In one sum at the end",
    }
}

/// How a pension scheme is written.
pub fn pension_scheme(p: PensionScheme) -> &'static str {
    match p {
        PensionScheme::Nhs => "NHS Pension Scheme",
        PensionScheme::Lgps => "Local Government Pension Scheme",
        PensionScheme::CivilService => "Civil Service pension scheme",
        PensionScheme::DefinedContribution => "Defined contribution",
        PensionScheme::None => "None",
    }
}

/// How a cost category is written.
pub fn cost_category(c: CostCategory) -> &'static str {
    match c {
        CostCategory::Premises => "Premises",
        CostCategory::It => "IT",
        CostCategory::Insurance => "Insurance",
        CostCategory::ProfessionalFees => "Professional fees",
        CostCategory::SupportServices => "Support services",
        CostCategory::ClinicalSupplies => "Clinical supplies",
        CostCategory::Transition => "Transition",
        CostCategory::IrrecoverableVat => "Irrecoverable VAT",
        CostCategory::BondOrGuarantee => "Bond or guarantee",
        CostCategory::Other => "Other",
    }
}

/// How a kind of expenditure in the income and expenditure view is written: "Employer pension",
/// "Premises"; receipts are worded by their source elsewhere.
pub fn expenditure_kind(k: &crate::forecast::LineKey) -> &'static str {
    use crate::forecast::LineKey::*;
    match k {
        Pay => "Pay",
        EmployerNi => "Employer National Insurance",
        EmployerPension => "Employer pension",
        ApprenticeshipLevy => "Apprenticeship Levy",
        Cost(c) => cost_category(*c),
        LoanInterest => "Loan interest",
        LoanCapital => "Loan capital",
        CorporationTax => "Corporation tax",
        Contract(_) => "Contract income",
        Income(_) => "Other income",
        Grant(_) => "Grants",
        Equity(_) => "Share capital",
        LoanDrawdown(_) => "Loans drawn",
    }
}

/// The role of someone commenting on a plan.
pub fn reviewer_role(r: ReviewerRole) -> &'static str {
    match r {
        ReviewerRole::Staff => "Staff",
        ReviewerRole::Mentor => "Mentor",
        ReviewerRole::Other => "Other",
    }
}

/// A readiness area's rating.
pub fn rating(r: Rating) -> &'static str {
    match r {
        Rating::Green => "Green",
        Rating::Amber => "Amber",
        Rating::Red => "Red",
    }
}

/// A support eligibility result.
pub fn eligible(e: Eligible) -> &'static str {
    match e {
        Eligible::Pass => "Pass",
        Eligible::Fail => "Fail",
        Eligible::NotKnown => "Not known",
    }
}

/// The readiness verdict.
pub fn headline(h: Headline) -> &'static str {
    match h {
        Headline::Ready => "Ready",
        Headline::NearlyReady => "Nearly ready",
        Headline::NotYetReady => "Not yet ready",
    }
}

/// The heading of a group of findings of one severity.
pub fn findings_heading(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Information",
    }
}

/// The word beside one finding of a severity: "Warning"; a finding of information is a "Note",
/// as the Overview's count of findings calls it.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

/// "3/200" for 1.5 (%): a percentage written as the fraction it is, in lowest terms, as HMRC
/// writes the marginal relief fraction; "0" and "1" for none and all.
pub fn fraction(percent: Decimal) -> String {
    let f = (percent / Decimal::ONE_HUNDRED).normalize();
    let (mut num, mut den) = (f.mantissa(), 10i128.pow(f.scale()));
    let gcd = {
        let (mut a, mut b) = (num.abs(), den);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a.max(1)
    };
    num /= gcd;
    den /= gcd;
    if den == 1 {
        num.to_string()
    } else {
        format!("{num}/{den}")
    }
}

/// "23.78%", "100%": a percentage in its normal form.
pub fn percent(d: Decimal) -> String {
    format!("{}%", d.normalize())
}

/// "97.7%": a computed share to one decimal, rounded half away from zero.
pub fn share(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(1);
    format!("{r}%")
}

/// "April" for 4.
pub fn month_name(n: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[usize::from(n.clamp(1, 12) - 1)]
}

/// "27 November 2026 at 16:26 UTC".
pub fn moment(t: crate::values::Timestamp) -> String {
    let d = t.date();
    let secs = t.unix().rem_euclid(86_400);
    format!(
        "{} {} {} at {:02}:{:02} UTC",
        d.day(),
        month_name(d.month()),
        d.year(),
        secs / 3600,
        secs / 60 % 60
    )
}

/// "April 2027".
pub fn month_long(m: crate::values::Month) -> String {
    format!("{} {}", month_name(m.month()), m.year())
}

/// "Apr 2027", for chart axes.
pub fn month_short(m: crate::values::Month) -> String {
    month_long(m).chars().take(3).collect::<String>() + &format!(" {}", m.year())
}

/// "4.0 months", "2.5 months", "−0.4 months": months of costs, always to one decimal (rounded
/// half away from zero) and with a true minus sign, wherever they are shown.
pub fn months(n: Decimal) -> String {
    let mut r = n.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(1);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    format!("{} months", r.to_string().replace('-', "\u{2212}"))
}

/// "1 risk", "3 risks".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use std::collections::BTreeSet;

    /// Every variant of `T` as serde writes it, in declaration order, read from the error serde
    /// gives for a value no variant has: so the list cannot fall behind the enum.
    fn variants<T: DeserializeOwned>() -> Vec<String> {
        let message = serde_json::from_str::<T>("\" \"")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let expected = message.split("expected").nth(1).unwrap_or_default();
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    /// Checks one list of choices against its enum, and returns the enum's name.
    fn check<T: DeserializeOwned + Serialize>(choices: &[Choice]) -> &'static str {
        let name = std::any::type_name::<T>()
            .rsplit("::")
            .next()
            .unwrap_or_default();
        for c in choices {
            let v: T = serde_json::from_value(serde_json::json!(c.value))
                .unwrap_or_else(|e| panic!("{name}: `{}` is not a value: {e}", c.value));
            assert_eq!(serde_json::to_value(v).unwrap(), c.value.as_str(), "{name}");
            assert!(
                !c.label.trim().is_empty(),
                "{name} `{}` has no label",
                c.value
            );
        }
        let values: Vec<String> = choices.iter().map(|c| c.value.clone()).collect();
        assert_eq!(values, variants::<T>(), "{name}: every variant, in order");
        name
    }

    #[test]
    fn every_variant_of_every_enum_of_the_plan_format_is_a_choice() {
        let c = choices();
        let checked: BTreeSet<&str> = [
            check::<LegalForm>(&c.legal_forms),
            check::<Nation>(&c.nations),
            check::<PublicBodyKind>(&c.public_body_kinds),
            check::<OrgStatus>(&c.statuses),
            check::<OwnershipModel>(&c.ownership_models),
            check::<GroupKind>(&c.group_kinds),
            check::<DistributionPolicy>(&c.distribution_policies),
            check::<BoardRole>(&c.board_roles),
            check::<Constituency>(&c.constituencies),
            check::<PayrollTiming>(&c.payroll_timings),
            check::<RenewalAssumption>(&c.renewal_assumptions),
            check::<ProcurementRoute>(&c.procurement_routes),
            check::<Frequency>(&c.frequencies),
            check::<Repayment>(&c.repayments),
            check::<PensionScheme>(&c.pension_schemes),
            check::<CostCategory>(&c.cost_categories),
            check::<ReviewerRole>(&c.reviewer_roles),
        ]
        .into();
        // Every enum the plan model declares has its list.
        let declared: BTreeSet<&str> = include_str!("plan.rs")
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub enum "))
            .filter_map(|rest| rest.split_whitespace().next())
            .collect();
        assert_eq!(checked, declared);
        assert_eq!(c.legal_forms[0].value, "cic_limited_by_shares");
        assert_eq!(c.nations[3].label, "Northern Ireland");
    }

    #[test]
    fn the_windows_words_are_keyed_by_the_values_they_word() {
        let w = serde_json::to_value(analysis_words()).unwrap();
        for r in [Rating::Red, Rating::Amber, Rating::Green] {
            let key = serde_json::to_value(r).unwrap();
            assert_eq!(w["ratings"][key.as_str().unwrap()], rating(r));
        }
        for e in [Eligible::Pass, Eligible::Fail, Eligible::NotKnown] {
            let key = serde_json::to_value(e).unwrap();
            assert_eq!(w["eligibility_results"][key.as_str().unwrap()], eligible(e));
        }
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            let key = serde_json::to_value(s).unwrap();
            assert_eq!(
                w["findings_headings"][key.as_str().unwrap()],
                findings_heading(s)
            );
            assert_eq!(w["severities"][key.as_str().unwrap()], severity(s));
        }
    }

    #[test]
    fn one_finding_is_named_in_the_singular() {
        assert_eq!(severity(Severity::Warning), "Warning");
        assert_eq!(severity(Severity::Error), "Error");
        assert_eq!(findings_heading(Severity::Warning), "Warnings");
    }

    #[test]
    fn an_annual_line_says_it_is_spread_over_the_months() {
        let c = choices();
        let annual = c.frequencies.iter().find(|c| c.value == "annual").unwrap();
        assert_eq!(annual.label, "Annual");
        assert!(
            annual
                .hint
                .as_deref()
                .unwrap()
                .contains("one twelfth each month"),
            "{annual:?}"
        );
        assert!(c.frequencies.iter().all(|c| c.hint.is_some()));
        // A choice without a hint sends none.
        let json = serde_json::to_value(&c.nations[0]).unwrap();
        assert!(json.get("hint").is_none(), "{json}");
    }

    #[test]
    fn months_are_chosen_by_name_and_stored_as_their_number() {
        let m = choices().months;
        assert_eq!(m.len(), 12);
        assert_eq!((m[0].value.as_str(), m[0].label.as_str()), ("1", "January"));
        assert_eq!((m[3].value.as_str(), m[3].label.as_str()), ("4", "April"));
        assert_eq!(
            (m[11].value.as_str(), m[11].label.as_str()),
            ("12", "December")
        );
    }

    #[test]
    fn a_fraction_reads_as_the_fraction_it_is() {
        assert_eq!(fraction("1.5".parse().unwrap()), "3/200");
        assert_eq!(fraction("2.25".parse().unwrap()), "9/400");
        assert_eq!(fraction("50".parse().unwrap()), "1/2");
        assert_eq!(fraction(Decimal::ZERO), "0");
        assert_eq!(fraction(Decimal::ONE_HUNDRED), "1");
        assert_eq!(fraction("0.0001".parse().unwrap()), "1/1000000");
    }

    #[test]
    fn moments_read_as_words() {
        let t: crate::values::Timestamp = "2026-11-27T16:26:03Z".parse().unwrap();
        assert_eq!(moment(t), "27 November 2026 at 16:26 UTC");
        assert_eq!(month_long("2027-04".parse().unwrap()), "April 2027");
        assert_eq!(months(Decimal::ONE), "1.0 months");
        assert_eq!(months("4".parse().unwrap()), "4.0 months");
        assert_eq!(months("-0.4".parse().unwrap()), "−0.4 months");
        assert_eq!(months("2.45".parse().unwrap()), "2.5 months");
        assert_eq!(months("-0.04".parse().unwrap()), "0.0 months");
    }

    #[test]
    fn percents_are_written_in_normal_form() {
        assert_eq!(percent("23.7800".parse().unwrap()), "23.78%");
        assert_eq!(percent(Decimal::ONE_HUNDRED), "100%");
        assert_eq!(share("97.7377".parse().unwrap()), "97.7%");
        assert_eq!(share("80".parse().unwrap()), "80.0%");
        assert_eq!(share("12.25".parse().unwrap()), "12.3%");
    }
}

/// How a group kind is written inside a sentence: "staff", "the community".
pub fn group_kind_in_text(k: crate::plan::GroupKind) -> &'static str {
    use crate::plan::GroupKind::*;
    match k {
        Employees | EmployeeTrust => "staff",
        ServiceUsers => "service users",
        Community => "the community",
        ParentBody => "the parent body",
        Government => "government",
        PrivatePartner => "the private partner",
        SocialInvestor => "the social investor",
        Other => "other members",
    }
}

/// "1 May 2028".
pub fn date_long(d: crate::values::Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// "2,086": a whole number with thousands separated by commas.
pub fn whole_number(n: u64) -> String {
    crate::money::group_thousands(&n.to_string())
}

/// How a pension scheme is written inside a sentence: "the NHS Pension Scheme", "no pension".
pub fn pension_scheme_in_text(p: crate::plan::PensionScheme) -> &'static str {
    use crate::plan::PensionScheme::*;
    match p {
        Nhs => "the NHS Pension Scheme",
        Lgps => "the Local Government Pension Scheme",
        CivilService => "the Civil Service pension scheme",
        DefinedContribution => "a defined contribution scheme",
        None => "no pension",
    }
}

#[cfg(test)]
mod words_in_messages_tests {
    #[test]
    fn dates_and_numbers_read_as_words() {
        assert_eq!(
            super::date_long("2028-05-01".parse().unwrap()),
            "1 May 2028"
        );
        assert_eq!(super::whole_number(86), "86");
        assert_eq!(super::whole_number(2086), "2,086");
        assert_eq!(super::whole_number(1_500_000), "1,500,000");
        assert_eq!(
            super::group_kind_in_text(crate::plan::GroupKind::EmployeeTrust),
            "staff"
        );
    }
}
