//! VAT and SUB: VAT registration and the welfare exemption, and public money that may be a
//! subsidy.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::model::field_path::FieldPath;
use crate::model::plan::VatTreatment;
use crate::words::format::month_long;
use crate::words::money::{pence, pounds};
use rust_decimal::{Decimal, RoundingStrategy};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "VAT-01",
        title: "VAT registration",
        severity: "error",
        source: "VAT Act 1994 Sch. 1 para. 1(1)(a) and (b), paras 5 and 6 (notify within 30 days of the month's end, or by the end of the 30-day period); Value Added Tax (Increase of Registration Limits) Order 2024, SI 2024/307 (£90,000 from 1 April 2024)",
        check: vat_01,
    },
    Rule {
        id: "VAT-02",
        title: "Welfare services exempt from VAT",
        severity: "warning",
        source: "VAT Act 1994 Sch. 9 Group 7 item 9 and Note (6); VAT Act 1994 s.33 and s.41; HMRC VAT Welfare manual VATWELF2095",
        check: vat_02,
    },
    Rule {
        id: "SUB-01",
        title: "Public money that may be a subsidy",
        severity: "info",
        source: "Subsidy Control Act 2022 ss.2–3, Sch. 1 (principles), Part 3 Ch. 1 (minimal financial assistance)",
        check: sub_01,
    },
];

fn whole(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// A threshold in words: whole pounds, or pounds and pence when it has pence.
pub(super) fn threshold_words(threshold: Decimal) -> String {
    if whole(threshold) == threshold {
        pounds(threshold)
    } else {
        pence(threshold)
    }
}

/// An amount compared with `threshold`: whole pounds, or to the penny when its whole-pound value
/// is the threshold's (so that "£90,000.01" is never shown as "£90,000" above "£90,000").
pub(super) fn against(amount: Decimal, threshold: Decimal) -> String {
    if whole(amount) == whole(threshold) {
        pence(amount)
    } else {
        pounds(amount)
    }
}

fn vat_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let settings = &ctx.plan.forecast.settings;
    let Ok(f) = ctx.forecast else {
        return vec![];
    };
    let s = &f.summary;
    let threshold = settings.vat_registration_threshold.get();
    let (Some(over), false) = (s.vat_threshold_month, settings.vat_registered) else {
        return vec![];
    };
    if s.taxable_turnover_12m_max <= threshold {
        return vec![];
    }
    let start = ctx.plan.forecast.start;
    let period = if start.months_until(over) < 11 {
        format!(
            "the months since the forecast began, to {}",
            month_long(over)
        )
    } else {
        format!("the 12 months to {}", month_long(over))
    };
    let reaching = match s.taxable_turnover_12m_max_month {
        Some(m) => format!(
            "reaching {} by {}",
            against(s.taxable_turnover_12m_max, threshold),
            month_long(m)
        ),
        None => format!(
            "reaching {}",
            against(s.taxable_turnover_12m_max, threshold)
        ),
    };
    let historic = over.plus(2);
    let duty = match s.vat_registration_due_month {
        // The 30-day forward test: a month's own turnover over the threshold, earlier than the
        // historic test's registration date.
        Some(due) if historic.is_none_or(|h| due < h) => format!(
            "taxable turnover in {} alone exceeds the threshold, so the organisation must tell HMRC by the end of that 30-day period and be registered from its start, charging VAT on its taxable supplies.",
            month_long(due)
        ),
        due => format!(
            "the organisation must tell HMRC within 30 days of the end of {} and be registered from {}, charging VAT on its taxable supplies.",
            month_long(over),
            due.or(historic).map_or_else(|| "two months later".to_string(), month_long)
        ),
    };
    vec![r.finding(
        Severity::Error,
        "forecast.settings.vat_registered",
        format!(
            "Taxable turnover exceeds the VAT registration threshold of {} in {period}, {reaching}: {duty} Set the plan to VAT-registered so that the forecast shows the VAT it charges and recovers; the forecast then charges VAT from its first month, earlier than the law requires.",
            threshold_words(threshold)
        ),
    )]
}

fn vat_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    if plan.organisation.is_charity() {
        return vec![];
    }
    plan.forecast
        .contracts
        .iter()
        .filter(|c| {
            c.vat == VatTreatment::Exempt
                && c.regulated_activity == Some(false)
                && ctx.policy.is_social_care(&c.procurement.cpv)
        })
        .map(|c| {
            r.finding(
                Severity::Warning,
                format!("forecast.contracts[{}].vat", c.id),
                format!(
                    "\"{}\" is marked exempt from VAT as a welfare service, but welfare services are exempt only when supplied by a charity, a public body, or a provider regulated for them by the care regulator. {} is none of these for this service, so it is standard-rated: set its VAT to 'standard'. It then counts towards the VAT registration threshold, and once registered you add VAT at {} % (a council can usually reclaim it; an NHS body often cannot). If registered health professionals give it as medical care, ask an accountant whether that exemption applies.",
                    c.service,
                    organisation_name(&plan.organisation.name),
                    plan.forecast.settings.vat_standard_rate_percent
                ),
            )
        })
        .collect()
}

/// The organisation's name, or words for it while it has none.
fn organisation_name(name: &str) -> &str {
    match name.trim() {
        "" => "The organisation",
        n => n,
    }
}

/// Names compared ignoring case and surrounding spaces; an empty name matches nothing.
fn same_body(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && a.to_lowercase() == b.to_lowercase()
}

fn sub_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    let f = &plan.forecast;
    let public = |name: &str| {
        same_body(name, &plan.organisation.parent_body.name)
            || f.contracts.iter().any(|c| same_body(name, &c.commissioner))
    };
    // (path, body, what, amount) in plan order: grants, then loans.
    let mut found: Vec<(FieldPath, &str, &str, Decimal)> = f
        .grants
        .iter()
        .filter(|g| public(&g.funder))
        .map(|g| {
            let path = FieldPath::root()
                .key("forecast")
                .key("grants")
                .id(g.id.as_str());
            (path, g.funder.trim(), "grant", g.amount.get())
        })
        .collect();
    found.extend(f.loans.iter().filter(|l| public(&l.lender)).map(|l| {
        let path = FieldPath::root()
            .key("forecast")
            .key("loans")
            .id(l.id.as_str());
        (path, l.lender.trim(), "loan", l.principal.get())
    }));
    let Some((path, body, what, amount)) = found.first().cloned() else {
        return vec![];
    };
    let others: Vec<String> = found[1..]
        .iter()
        .map(|(_, body, what, amount)| format!("{body}'s {what} of {}", pounds(*amount)))
        .collect();
    let (more, check) = match others.len() {
        0 => (
            String::new(),
            "The public body must check, before it gives it,",
        ),
        _ => (
            format!(", and so may {}", and_list(&others)),
            "Each public body must check, before it gives it,",
        ),
    };
    vec![r.finding(
        Severity::Info,
        path,
        format!(
            "{body} is a public body, so its {what} of {} may be a subsidy{more}: financial assistance from public resources on terms better than the market would give (Subsidy Control Act 2022). {check} that it meets the subsidy control principles or falls under an exemption such as minimal financial assistance; the same goes for premises, equipment or services it transfers or provides below market value.",
            pounds(amount)
        ),
    )]
}

/// "a", "a and b", "a, b and c".
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_at_the_threshold_in_pounds_is_shown_to_the_penny() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(against(d("90000.01"), d("90000")), "£90,000.01");
        assert_eq!(against(d("90000.49"), d("90000")), "£90,000.49");
        assert_eq!(against(d("90000.50"), d("90000")), "£90,001");
        assert_eq!(against(d("123456.78"), d("90000")), "£123,457");
        assert_eq!(threshold_words(d("90000.00")), "£90,000");
        assert_eq!(threshold_words(d("90000.50")), "£90,000.50");
    }

    #[test]
    fn lists_read_as_english() {
        let s = |v: &[&str]| and_list(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b"]), "a and b");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }
}
