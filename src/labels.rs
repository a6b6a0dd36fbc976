//! The words a reader sees for each coded value, shared by the window, the CLI and the PDF.

use crate::plan::{LegalForm, Nation, OrgStatus, PublicBodyKind};
use serde::Serialize;
use ts_rs::TS;

/// The heading of the support eligibility table in the window, the CLI and the PDF: it names the
/// programme and its years so that no reader takes it for a live programme's decision.
pub const ELIGIBILITY_HEADING: &str =
    "Support eligibility (criteria of the Mutuals Support Programme 2, 2018–20)";

/// One option of a coded field: the value stored in the file and the label shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The options of every coded field the window edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choices {
    pub legal_forms: Vec<Choice>,
    pub nations: Vec<Choice>,
    pub public_body_kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
}

fn choice<T: Serialize>(value: T, label: &str) -> Choice {
    let value = serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    Choice {
        value,
        label: label.into(),
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

/// "1 month", "2.5 months", "−0.4 months" (with a true minus sign).
pub fn months(n: rust_decimal::Decimal) -> String {
    let text = n.normalize().to_string().replace('-', "\u{2212}");
    if n == rust_decimal::Decimal::ONE {
        format!("{text} month")
    } else {
        format!("{text} months")
    }
}

/// "1 risk", "3 risks".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How coded values of the plan are written for readers.
pub fn ownership_model(m: crate::plan::OwnershipModel) -> &'static str {
    use crate::plan::OwnershipModel::*;
    match m {
        EmployeeLed => "Employee-led",
        MultiStakeholder => "Multi-stakeholder",
        JointVenture => "Joint venture",
    }
}

pub fn group_kind(k: crate::plan::GroupKind) -> &'static str {
    use crate::plan::GroupKind::*;
    match k {
        Employees => "Employees",
        EmployeeTrust => "Employee trust",
        ServiceUsers => "Service users",
        Community => "Community",
        ParentBody => "Parent body",
        Government => "Government",
        PrivatePartner => "Private partner",
        SocialInvestor => "Social investor",
        Other => "Other",
    }
}

pub fn distribution(p: crate::plan::DistributionPolicy) -> &'static str {
    use crate::plan::DistributionPolicy::*;
    match p {
        Reinvest => "Reinvested in the mission",
        MembersDividend => "Dividends to members",
        Participatory => "Shared by participation",
    }
}

pub fn board_role(r: crate::plan::BoardRole) -> &'static str {
    use crate::plan::BoardRole::*;
    match r {
        Chair => "Chair",
        Executive => "Executive",
        NonExecutive => "Non-executive",
    }
}

pub fn constituency(c: crate::plan::Constituency) -> &'static str {
    use crate::plan::Constituency::*;
    match c {
        Workforce => "Workforce",
        ServiceUsers => "Service users",
        Community => "Community",
        State => "State",
        PrivatePartner => "Private partner",
        Investor => "Investor",
        Independent => "Independent",
    }
}

pub fn pension_scheme(p: crate::plan::PensionScheme) -> &'static str {
    use crate::plan::PensionScheme::*;
    match p {
        Nhs => "NHS Pension Scheme",
        Lgps => "Local Government Pension Scheme",
        CivilService => "Civil Service pension scheme",
        DefinedContribution => "Defined contribution",
        None => "None",
    }
}

pub fn procurement_route(r: crate::plan::ProcurementRoute) -> &'static str {
    use crate::plan::ProcurementRoute::*;
    match r {
        DirectAward => "Direct award",
        OpenCompetition => "Open competition",
        ReservedPsm => "Reserved for mutuals",
        ProviderSelectionRegime => "Provider Selection Regime",
        GrantAgreement => "Grant agreement",
    }
}

pub fn renewal(r: crate::plan::RenewalAssumption) -> &'static str {
    match r {
        crate::plan::RenewalAssumption::Renewed => "Renewed",
        crate::plan::RenewalAssumption::Ends => "Ends",
    }
}

pub fn reviewer_role(r: crate::plan::ReviewerRole) -> &'static str {
    match r {
        crate::plan::ReviewerRole::Staff => "staff",
        crate::plan::ReviewerRole::Mentor => "mentor",
        crate::plan::ReviewerRole::Other => "other",
    }
}

/// Every option of every coded field the window edits.
pub fn choices() -> Choices {
    Choices {
        legal_forms: LegalForm::ALL
            .iter()
            .map(|f| choice(f, f.label()))
            .collect(),
        nations: [
            Nation::England,
            Nation::Wales,
            Nation::Scotland,
            Nation::NorthernIreland,
        ]
        .iter()
        .map(|n| choice(n, nation(*n)))
        .collect(),
        public_body_kinds: [
            PublicBodyKind::NhsBody,
            PublicBodyKind::LocalAuthority,
            PublicBodyKind::CentralGovernment,
            PublicBodyKind::OtherPublic,
        ]
        .iter()
        .map(|k| choice(k, public_body_kind(*k)))
        .collect(),
        statuses: [OrgStatus::Planned, OrgStatus::Live]
            .iter()
            .map(|s| choice(s, status(*s)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_choice_has_the_files_value() {
        let c = super::choices();
        assert_eq!(c.legal_forms.len(), 7);
        assert_eq!(c.legal_forms[0].value, "cic_limited_by_shares");
        assert_eq!(c.nations[3].value, "northern_ireland");
        assert!(c.public_body_kinds.iter().all(|k| !k.value.is_empty()));
    }
}

#[cfg(test)]
mod moment_tests {
    #[test]
    fn moments_read_as_words() {
        let t: crate::values::Timestamp = "2026-11-27T16:26:03Z".parse().unwrap();
        assert_eq!(super::moment(t), "27 November 2026 at 16:26 UTC");
        assert_eq!(super::month_long("2027-04".parse().unwrap()), "April 2027");
        assert_eq!(super::months(rust_decimal::Decimal::ONE), "1 month");
        assert_eq!(super::months("-0.4".parse().unwrap()), "−0.4 months");
    }
}
