//! The words a reader sees for each coded value of the plan format, shared by the window, the CLI
//! and the PDF: every enum of `model::plan` has its label here, and its list of choices (with what
//! a choice means where it needs saying); no other file words them.

use crate::model::plan::*;
use crate::words::format::month_name;
use serde::Serialize;
use ts_rs::TS;

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
    pub cost_frequencies: Vec<Choice>,
    pub vat_treatments: Vec<Choice>,
    pub psr_processes: Vec<Choice>,
    pub repayments: Vec<Choice>,
    pub pension_schemes: Vec<Choice>,
    pub cost_categories: Vec<Choice>,
    pub reviewer_roles: Vec<Choice>,
    /// The band lists of the settings: what each is, how it is used and where its defaults
    /// come from.
    pub band_lists: Vec<BandListInfo>,
    /// The months of the year by name, for a setting stored as a month number (`pay_award_month`):
    /// the value is the number as text ("4"), the label its name ("April").
    pub months: Vec<Choice>,
    /// The VAT staggers (`vat_stagger`), each worded as the months its quarters end in: the
    /// value is the stagger as text ("1"), the label its months ("March, June, September, December").
    pub vat_staggers: Vec<Choice>,
}

/// A band list setting as the window and the PDF describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BandListInfo {
    /// The setting's key: `income_tax_bands`.
    pub key: String,
    /// Its label: "Income tax bands (England, Wales and Northern Ireland)".
    pub label: String,
    /// What a row's amount is and how its percentage applies.
    pub applies: String,
    /// The tax year of the defaults and their source, with anything not confirmed.
    pub source: String,
}

/// Every band list setting, in the order of the settings.
pub fn band_lists() -> Vec<BandListInfo> {
    const MARGINAL: &str = "Each row's percentage applies to the part of a year's pay above the row before's limit and up to its own; the limits are annual and applied to each month as one twelfth.";
    const TIER: &str = "The percentage of the first row whose limit is at or above a person's actual annual pay applies to the whole of their pay.";
    [
        ("income_tax_bands", "Income tax bands (England, Wales and Northern Ireland)", "Taxable pay above the personal allowance. ".to_string() + MARGINAL, "2026-27, HMRC rates and thresholds for employers (frozen since 2023-24); the Welsh rates have equalled them since 2019"),
        ("income_tax_bands_scotland", "Income tax bands (Scotland)", "Taxable pay above the personal allowance. ".to_string() + MARGINAL, "2026-27 as proposed in the Scottish Budget of 13 January 2026; not confirmed: the rate resolution was not seen"),
        ("employee_ni_bands", "Employee National Insurance bands", "Gross pay. ".to_string() + MARGINAL, "2026-27, HMRC Class 1 primary, category A"),
        ("nhs_pension_member_tiers", "NHS Pension Scheme member tiers", TIER.to_string(), "2025-26, NHSBSA (the latest confirmed; 2026-27 not found). Scotland and Northern Ireland run their own schemes: edit the tiers"),
        ("lgps_member_bands", "Local Government Pension Scheme member bands", TIER.to_string(), "2026-27, LGPS England and Wales main section. Scotland's and Northern Ireland's differ: edit the bands"),
        ("civil_service_member_tiers", "Civil Service pension member tiers", TIER.to_string() + " Pay is a month's pay times 12.", "2026-27, Civil Service Pensions; the £56,000 threshold is 2025-26's, not confirmed for 2026-27"),
    ]
    .into_iter()
    .map(|(key, label, applies, source)| BandListInfo {
        key: key.into(),
        label: label.into(),
        applies,
        source: source.into(),
    })
    .collect()
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
        cost_frequencies: with_hints(
            options(&CostFrequency::ALL, cost_frequency),
            &CostFrequency::ALL,
            cost_frequency_hint,
        ),
        vat_treatments: {
            let all = [
                VatTreatment::Exempt,
                VatTreatment::Standard,
                VatTreatment::Zero,
                VatTreatment::OutsideScope,
            ];
            with_hints(options(&all, vat_treatment), &all, vat_treatment_hint)
        },
        psr_processes: options(
            &[
                PsrProcess::DirectAwardA,
                PsrProcess::DirectAwardB,
                PsrProcess::DirectAwardC,
                PsrProcess::MostSuitableProvider,
                PsrProcess::Competitive,
            ],
            psr_process,
        ),
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
        band_lists: band_lists(),
        months: (1..=12)
            .map(|n| Choice {
                value: n.to_string(),
                label: month_name(n).into(),
                hint: None,
            })
            .collect(),
        vat_staggers: (1..=3u8)
            .map(|stagger| Choice {
                value: stagger.to_string(),
                label: vat_stagger(stagger),
                hint: Some(format!(
                    "The VAT quarters end in these months: HMRC calls this stagger {stagger}."
                )),
            })
            .collect(),
    }
}

/// The months the quarters of VAT stagger 1, 2 or 3 end in, as HMRC lists them (`1`: "March,
/// June, September, December"; `3`: "May, August, November, February").
pub fn vat_stagger(stagger: u8) -> String {
    (0..4u8)
        .map(|q| month_name((stagger.min(3) + 1 + 3 * q) % 12 + 1))
        .collect::<Vec<_>>()
        .join(", ")
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
        LegalForm::Scio => "Scottish charitable incorporated organisation",
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

/// How often a cost falls due, or that it is capital spending.
pub fn cost_frequency(f: CostFrequency) -> &'static str {
    match f {
        CostFrequency::Monthly => "Monthly",
        CostFrequency::Annual => "Annual",
        CostFrequency::OneOff => "One-off",
        CostFrequency::Capital => "Capital (equipment or fit-out)",
    }
}

/// What a cost frequency means for the forecast, shown beside the choice.
pub fn cost_frequency_hint(f: CostFrequency) -> &'static str {
    match f {
        CostFrequency::Monthly => frequency_hint(Frequency::Monthly),
        CostFrequency::Annual => frequency_hint(Frequency::Annual),
        CostFrequency::OneOff => frequency_hint(Frequency::OneOff),
        CostFrequency::Capital => "Paid once, in the month it starts; kept as a fixed asset and charged to the accounts a little each month over its useful life (depreciation).",
    }
}

/// The VAT treatment of an income.
pub fn vat_treatment(v: VatTreatment) -> &'static str {
    match v {
        VatTreatment::Exempt => "Exempt",
        VatTreatment::Standard => "Standard-rated",
        VatTreatment::Zero => "Zero-rated",
        VatTreatment::OutsideScope => "Outside the scope of VAT",
    }
}

/// What a VAT treatment means, shown beside the choice.
pub fn vat_treatment_hint(v: VatTreatment) -> &'static str {
    match v {
        VatTreatment::Exempt => "No VAT: most health and welfare services of a regulated provider.",
        VatTreatment::Standard => "VAT at the standard rate is added when registered (training sold to care homes, for example); counts towards the registration threshold.",
        VatTreatment::Zero => "VAT at 0%: counts towards the registration threshold.",
        VatTreatment::OutsideScope => "Not a supply for VAT (some grant-funded activity).",
    }
}

/// A process of the Provider Selection Regime.
pub fn psr_process(p: PsrProcess) -> &'static str {
    match p {
        PsrProcess::DirectAwardA => "Direct award process A",
        PsrProcess::DirectAwardB => "Direct award process B",
        PsrProcess::DirectAwardC => "Direct award process C",
        PsrProcess::MostSuitableProvider => "Most suitable provider process",
        PsrProcess::Competitive => "Competitive process",
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

/// The role of someone commenting on a plan.
pub fn reviewer_role(r: ReviewerRole) -> &'static str {
    match r {
        ReviewerRole::Staff => "Staff",
        ReviewerRole::Mentor => "Mentor",
        ReviewerRole::Other => "Other",
    }
}

/// How a group kind is written inside a sentence: "staff", "the community".
pub fn group_kind_in_text(k: crate::model::plan::GroupKind) -> &'static str {
    use crate::model::plan::GroupKind::*;
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

/// How a pension scheme is written inside a sentence: "the NHS Pension Scheme", "no pension".
pub fn pension_scheme_in_text(p: crate::model::plan::PensionScheme) -> &'static str {
    use crate::model::plan::PensionScheme::*;
    match p {
        Nhs => "the NHS Pension Scheme",
        Lgps => "the Local Government Pension Scheme",
        CivilService => "the Civil Service pension scheme",
        DefinedContribution => "a defined contribution scheme",
        None => "no pension",
    }
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
            check::<CostFrequency>(&c.cost_frequencies),
            check::<VatTreatment>(&c.vat_treatments),
            check::<PsrProcess>(&c.psr_processes),
            check::<Repayment>(&c.repayments),
            check::<PensionScheme>(&c.pension_schemes),
            check::<CostCategory>(&c.cost_categories),
            check::<ReviewerRole>(&c.reviewer_roles),
        ]
        .into();
        // Every enum the plan model declares has its list.
        let declared: BTreeSet<&str> = include_str!("../model/plan.rs")
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub enum "))
            .filter_map(|rest| rest.split_whitespace().next())
            .collect();
        assert_eq!(checked, declared);
        assert_eq!(c.legal_forms[0].value, "cic_limited_by_shares");
        assert_eq!(c.nations[3].label, "Northern Ireland");
    }

    #[test]
    fn a_vat_stagger_is_worded_as_the_months_its_quarters_end_in() {
        let c = choices();
        let words: Vec<(&str, &str)> = c
            .vat_staggers
            .iter()
            .map(|s| (s.value.as_str(), s.label.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                ("1", "March, June, September, December"),
                ("2", "April, July, October, January"),
                ("3", "May, August, November, February"),
            ]
        );
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
    fn a_group_kind_reads_in_a_sentence() {
        assert_eq!(group_kind_in_text(GroupKind::EmployeeTrust), "staff");
    }
}
