//! The words a reader sees for each coded value, shared by the window, the CLI and the PDF.

use crate::plan::{LegalForm, Nation, OrgStatus, PublicBodyKind};
use serde::Serialize;
use ts_rs::TS;

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

/// "April 2027".
pub fn month_long(m: crate::values::Month) -> String {
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
    format!("{} {}", NAMES[usize::from(m.month() - 1)], m.year())
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
