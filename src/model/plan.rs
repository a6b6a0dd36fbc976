//! The plan model: one `.mutualplan` file, schema version 3, field for field.
//!
//! Field order here is the canonical key order of the written file (see `docs/plan-format.md`).

use crate::model::values::{
    Date, Fte, ItemId, Money, Month, Percent, PlanId, SignedPercent, Timestamp,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The value of `format` that identifies a plan file.
pub const FORMAT_NAME: &str = "mutual-plan";
/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 3;
/// Whom a submission is for when the team has not said.
pub const DEFAULT_ADDRESSEE: &str = "the Enterprise Incubator Unit";

/// A whole business plan, as stored in one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Plan {
    pub format: String,
    pub schema_version: u32,
    /// Whom the submission is for, printed on the cover ("Submission to …").
    pub addressee: String,
    pub id: PlanId,
    pub revision: u32,
    pub saved_at: Timestamp,
    pub saved_by: String,
    pub title: String,
    pub organisation: Organisation,
    pub ownership: Ownership,
    pub board: Vec<BoardSeat>,
    pub forecast: Forecast,
    pub narrative: Narrative,
    pub review: Review,
}

/// The new organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Organisation {
    pub name: String,
    pub legal_form: LegalForm,
    /// A charity in law (registered, or exempt such as a charitable community benefit society).
    /// Always true for a CIO and never for a CIC (rule LEG-10); use [`Organisation::is_charity`].
    pub charity: bool,
    pub nation: Nation,
    pub parent_body: ParentBody,
    pub status: OrgStatus,
    pub spin_out_date: Date,
    pub services: String,
    pub public_service_mission: String,
    pub public_functions_percent: Percent,
}

impl Organisation {
    /// Whether the organisation is a charity for tax, the Employment Allowance and the rules: a
    /// CIO or SCIO always, a CIC or a co-operative society never (whatever its flag says), any
    /// other form when `charity` is set.
    pub fn is_charity(&self) -> bool {
        match self.legal_form {
            LegalForm::Cio | LegalForm::Scio => true,
            LegalForm::CicLimitedByShares
            | LegalForm::CicLimitedByGuarantee
            | LegalForm::CoOperativeSociety => false,
            _ => self.charity,
        }
    }
}

/// The legal forms a mutual may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    CicLimitedByShares,
    CicLimitedByGuarantee,
    CoOperativeSociety,
    CommunityBenefitSociety,
    CompanyLimitedByShares,
    CompanyLimitedByGuarantee,
    Cio,
    /// A Scottish charitable incorporated organisation, registered by OSCR.
    Scio,
}

impl LegalForm {
    /// Every legal form, in the order of the spec.
    pub const ALL: [LegalForm; 8] = [
        LegalForm::CicLimitedByShares,
        LegalForm::CicLimitedByGuarantee,
        LegalForm::CoOperativeSociety,
        LegalForm::CommunityBenefitSociety,
        LegalForm::CompanyLimitedByShares,
        LegalForm::CompanyLimitedByGuarantee,
        LegalForm::Cio,
        LegalForm::Scio,
    ];

    /// Whether the form has share capital (companies limited by guarantee and CIOs do not).
    pub fn has_share_capital(self) -> bool {
        !matches!(
            self,
            LegalForm::CompanyLimitedByGuarantee
                | LegalForm::CicLimitedByGuarantee
                | LegalForm::Cio
                | LegalForm::Scio
        )
    }
}

/// The four nations of the UK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Nation {
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

/// The public organisation the service leaves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParentBody {
    pub name: String,
    pub kind: PublicBodyKind,
}

/// The kind of a public body: a parent body or a commissioner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublicBodyKind {
    NhsBody,
    LocalAuthority,
    CentralGovernment,
    OtherPublic,
}

/// Whether the organisation has spun out yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrgStatus {
    Planned,
    Live,
}

/// Who owns and controls the organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ownership {
    pub model: OwnershipModel,
    pub groups: Vec<OwnerGroup>,
    pub shares: Option<Shares>,
    pub one_member_one_vote: bool,
    pub asset_lock: bool,
    pub profit_distribution: ProfitDistribution,
    pub staff_voice: String,
}

impl Ownership {
    /// Whether any member group has its number of members: until then (as in a new plan) the
    /// counts are missing rather than inconsistent.
    pub fn members_entered(&self) -> bool {
        self.groups.iter().any(|g| g.members > 0)
    }
}

/// The ownership models of the Open Public Services White Paper (6.15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OwnershipModel {
    EmployeeLed,
    MultiStakeholder,
    JointVenture,
}

/// A stakeholder group that owns or controls part of the organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OwnerGroup {
    pub id: ItemId,
    pub name: String,
    pub kind: GroupKind,
    pub members: u32,
    pub equity_percent: Percent,
    pub voting_percent: Percent,
}

/// The kinds of stakeholder group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Employees,
    EmployeeTrust,
    ServiceUsers,
    Community,
    ParentBody,
    Government,
    PrivatePartner,
    SocialInvestor,
    Other,
}

impl GroupKind {
    /// `employees` and `employee_trust` together are "employee" for every rule.
    pub fn is_employee(self) -> bool {
        matches!(self, GroupKind::Employees | GroupKind::EmployeeTrust)
    }
}

/// Share capital terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Shares {
    pub nominal_value: Money,
    pub per_member: u32,
    pub withdrawable: bool,
    pub max_holding_per_member: Money,
    pub interest_rate_percent: Percent,
}

/// What happens to surpluses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfitDistribution {
    pub policy: DistributionPolicy,
    pub max_percent_of_distributable: Percent,
}

/// The profit distribution policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DistributionPolicy {
    Reinvest,
    MembersDividend,
    Participatory,
}

/// A seat on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BoardSeat {
    pub id: ItemId,
    pub name: String,
    pub role: BoardRole,
    pub constituency: Constituency,
    pub paid_employee: bool,
}

/// A board seat's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BoardRole {
    Chair,
    Executive,
    NonExecutive,
}

/// Whom a board seat represents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Constituency {
    Workforce,
    ServiceUsers,
    Community,
    State,
    PrivatePartner,
    Investor,
    Independent,
}

/// The financial forecast: what `docs/cashflow.md` turns into monthly cash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Forecast {
    pub start: Month,
    pub months: u32,
    pub opening_cash: Money,
    pub settings: Settings,
    pub contracts: Vec<Contract>,
    pub income: Vec<IncomeLine>,
    pub grants: Vec<Grant>,
    pub equity: Vec<EquityRaise>,
    pub loans: Vec<Loan>,
    /// Working-capital facilities (overdrafts), drawn when cash would fall below zero.
    pub facilities: Vec<Facility>,
    pub staff: Vec<StaffLine>,
    pub costs: Vec<CostLine>,
}

/// Rates that change every April: plan settings with defaults, never constants in code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub employer_ni_percent: Percent,
    pub ni_secondary_threshold: Money,
    pub claim_employment_allowance: bool,
    pub employment_allowance: Money,
    pub pay_award_percent: Percent,
    pub pay_award_month: u8,
    /// When employer NI, employer pension and the Apprenticeship Levy leave the bank.
    pub payroll_costs_paid: PayrollTiming,
    pub apprenticeship_levy_percent: Percent,
    /// A tax year's levy allowance.
    pub apprenticeship_levy_allowance: Money,
    pub ct_small_profits_rate_percent: Percent,
    pub ct_main_rate_percent: Percent,
    /// A year's profits at or below this pay the small profits rate.
    pub ct_lower_limit: Money,
    /// A year's profits at or above this pay the main rate.
    pub ct_upper_limit: Money,
    pub ct_marginal_relief_percent: Percent,
    /// A year's personal allowance (tax code 1257L).
    pub personal_allowance: Money,
    /// Income tax on taxable pay above the allowance, a year: England, Wales, Northern Ireland.
    pub income_tax_bands: BandList,
    /// Income tax on taxable pay above the allowance, a year: Scotland.
    pub income_tax_bands_scotland: BandList,
    /// Employee (Class 1 primary) National Insurance on gross pay, a year.
    pub employee_ni_bands: BandList,
    /// The NHS Pension Scheme's member contribution tiers, by actual annual pay.
    pub nhs_pension_member_tiers: BandList,
    /// The Local Government Pension Scheme's member contribution bands, by actual annual pay.
    pub lgps_member_bands: BandList,
    /// The Civil Service pension scheme's member contribution tiers, by actual annual pay.
    pub civil_service_member_tiers: BandList,
    /// Whether the organisation is registered for VAT, for the whole forecast.
    pub vat_registered: bool,
    /// Which months the VAT quarters end in: 1 (March, June, …), 2 (April, …) or 3 (May, …).
    pub vat_stagger: u8,
    pub vat_standard_rate_percent: Percent,
    pub vat_registration_threshold: Money,
    /// A month's de minimis limit for exempt input VAT.
    pub vat_de_minimis_monthly: Money,
}

/// A list of bands or tiers: rows with ascending upper limits, the last open-ended.
pub type BandList = Vec<Band>;

/// One row of a band list: the percentage up to an annual amount (`None`: no upper limit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Band {
    pub up_to: Option<Money>,
    pub percent: Percent,
}

/// The most rows a band list may have.
pub const MAX_BAND_ROWS: usize = 20;

/// When payroll costs other than gross pay are paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PayrollTiming {
    /// In the month after the month worked, as HMRC and pension schemes collect them.
    NextMonth,
    /// In the month worked (how version 1 plans were forecast).
    SameMonth,
}

/// A public service contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Contract {
    pub id: ItemId,
    pub commissioner: String,
    pub commissioner_kind: PublicBodyKind,
    pub service: String,
    /// Whether the service is a regulated activity for the nation's care regulator (`None`:
    /// not known).
    pub regulated_activity: Option<bool>,
    pub annual_value: Money,
    pub start: Month,
    pub end: Month,
    pub indexation_percent: Percent,
    pub payment_terms_days: u32,
    pub vat: VatTreatment,
    pub pbr: Option<PaymentByResults>,
    pub renewal: Renewal,
    pub procurement: Procurement,
}

/// The payment-by-results part of a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PaymentByResults {
    pub share_percent: Percent,
    pub achievement_percent: Percent,
    pub lag_months: u32,
}

/// What the plan assumes at a contract's end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Renewal {
    pub assumption: RenewalAssumption,
    pub value_change_percent: SignedPercent,
}

/// Whether a contract is assumed renewed at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RenewalAssumption {
    Renewed,
    Ends,
}

/// How a contract was or will be procured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Procurement {
    pub route: ProcurementRoute,
    pub started: Date,
    pub cpv: String,
    pub last_reserved_award: Option<Date>,
    /// The award date; `None` while it is not known (the contract's first day is assumed).
    pub awarded: Option<Date>,
    /// Options to extend beyond `end`, in months (0 to 60).
    pub extension_months: u32,
    /// The Provider Selection Regime process, when the route is the regime.
    pub psr_process: Option<PsrProcess>,
    /// The grounds for a direct award, in the team's words.
    pub justification: String,
}

/// The processes of the Provider Selection Regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PsrProcess {
    DirectAwardA,
    DirectAwardB,
    DirectAwardC,
    MostSuitableProvider,
    Competitive,
}

/// The VAT treatment of an income: amounts stay net of VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VatTreatment {
    Exempt,
    Standard,
    Zero,
    OutsideScope,
}

impl VatTreatment {
    /// Whether the income is a taxable supply (standard or zero-rated).
    pub fn is_taxable(self) -> bool {
        matches!(self, VatTreatment::Standard | VatTreatment::Zero)
    }
}

/// Procurement routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProcurementRoute {
    DirectAward,
    OpenCompetition,
    ReservedPsm,
    ProviderSelectionRegime,
    GrantAgreement,
}

/// How often an income line falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Monthly,
    Annual,
    OneOff,
}

/// How often a cost falls due, or that it is capital expenditure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CostFrequency {
    Monthly,
    Annual,
    OneOff,
    /// Paid in `start`, capitalised as a fixed asset and depreciated.
    Capital,
}

impl CostFrequency {
    /// Every cost frequency, in the order of the spec.
    pub const ALL: [CostFrequency; 4] = [
        CostFrequency::Monthly,
        CostFrequency::Annual,
        CostFrequency::OneOff,
        CostFrequency::Capital,
    ];

    /// Whether the line falls once, in its `start` (one-off and capital lines).
    pub fn is_once(self) -> bool {
        matches!(self, CostFrequency::OneOff | CostFrequency::Capital)
    }
}

/// Other recurring or one-off income.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IncomeLine {
    pub id: ItemId,
    pub name: String,
    pub amount: Money,
    pub frequency: Frequency,
    pub start: Month,
    pub end: Option<Month>,
    pub growth_percent: Percent,
    pub vat: VatTreatment,
}

/// A grant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Grant {
    pub id: ItemId,
    pub funder: String,
    pub purpose: String,
    pub amount: Money,
    pub month: Month,
    pub match_funding: bool,
}

/// Share capital raised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EquityRaise {
    pub id: ItemId,
    pub name: String,
    pub amount: Money,
    pub month: Month,
}

/// A loan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Loan {
    pub id: ItemId,
    pub lender: String,
    pub principal: Money,
    pub drawdown: Month,
    pub annual_rate_percent: Percent,
    pub term_months: u32,
    pub capital_holiday_months: u32,
    pub repayment: Repayment,
}

/// A working-capital facility: an overdraft or revolving credit drawn when cash would fall
/// below zero and repaid as soon as cash allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Facility {
    pub id: ItemId,
    pub lender: String,
    /// The most that may be drawn.
    pub limit: Money,
    pub annual_rate_percent: Percent,
    /// The first month it may be drawn.
    pub from: Month,
    /// The month at whose end it must be repaid in full; `None`: beyond the horizon.
    pub to: Option<Month>,
    /// Paid in `from`.
    pub arrangement_fee: Money,
}

/// How a loan's capital is repaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Repayment {
    Amortising,
    Bullet,
}

/// A line of staff: `fte` people at one salary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StaffLine {
    pub id: ItemId,
    pub role: String,
    pub fte: Fte,
    /// The people who work those FTE (each has an NI threshold); `None`: the fewest whole people
    /// who can, `⌈fte⌉`.
    pub headcount: Option<u32>,
    pub annual_salary: Money,
    pub start: Month,
    pub end: Option<Month>,
    pub transferred: bool,
    /// The contract this line works on; under scenario S1 it ends with it (TUPE).
    pub contract: Option<ItemId>,
    pub pension: Pension,
}

impl StaffLine {
    /// The number of people on the line: its headcount, or `⌈fte⌉` (at least 1) when not given.
    pub fn people(&self) -> u32 {
        self.headcount.unwrap_or_else(|| {
            use rust_decimal::prelude::ToPrimitive;
            let whole = self.fte.get().ceil().max(rust_decimal::Decimal::ONE);
            whole.to_u32().unwrap_or(u32::MAX)
        })
    }
}

/// A staff line's pension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Pension {
    pub scheme: PensionScheme,
    pub employer_percent: Percent,
    /// The member's rate on a defined contribution scheme; `None` on every other scheme.
    pub employee_percent: Option<Percent>,
}

/// Pension schemes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PensionScheme {
    Nhs,
    Lgps,
    CivilService,
    DefinedContribution,
    None,
}

/// A cost line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CostLine {
    pub id: ItemId,
    pub name: String,
    pub category: CostCategory,
    pub amount: Money,
    pub frequency: CostFrequency,
    pub start: Month,
    pub end: Option<Month>,
    /// For a capital line, the months over which it is depreciated.
    pub useful_life_months: Option<u32>,
    pub inflation_percent: Percent,
    /// The VAT the supplier adds to `amount`, percent (0: `amount` is what is paid).
    pub vat_percent: Percent,
}

/// Cost categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    Premises,
    It,
    Insurance,
    ProfessionalFees,
    SupportServices,
    ClinicalSupplies,
    Transition,
    IrrecoverableVat,
    BondOrGuarantee,
    Other,
}

/// The written plan: sections, risks, impact indicators and milestones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Narrative {
    pub sections: Vec<Section>,
    pub risks: Vec<Risk>,
    pub impact: Vec<ImpactIndicator>,
    pub milestones: Vec<Milestone>,
}

/// A narrative section. Its id is one of the fixed section ids (`sections::SECTIONS`), which
/// use underscores, so it is not an [`ItemId`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub text: String,
}

/// A risk in the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Risk {
    pub id: ItemId,
    pub description: String,
    pub likelihood: u8,
    pub impact: u8,
    pub mitigation: String,
    pub owner: String,
}

/// A social impact indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImpactIndicator {
    pub id: ItemId,
    pub outcome: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
}

/// A milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Milestone {
    pub id: ItemId,
    pub date: Date,
    pub what: String,
}

/// Mentor comments and sign-offs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Review {
    pub comments: Vec<Comment>,
    pub signoffs: Vec<Signoff>,
}

/// A review comment anchored to a stable id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Comment {
    pub id: ItemId,
    pub author: String,
    pub role: ReviewerRole,
    pub at: Timestamp,
    pub anchor: String,
    pub text: String,
    pub resolved: bool,
    pub replies: Vec<Reply>,
}

/// The role of someone commenting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewerRole {
    Staff,
    Mentor,
    Other,
}

/// A reply to a comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Reply {
    pub author: String,
    pub role: ReviewerRole,
    pub at: Timestamp,
    pub text: String,
}

/// A sign-off of one revision, bound to its fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Signoff {
    pub by: String,
    pub role: String,
    pub at: Timestamp,
    pub revision: u32,
    pub fingerprint: String,
    pub statement: String,
}
