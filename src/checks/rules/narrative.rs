//! NAR: the narrative's figures — typed amounts that match nothing in the plan or its forecast,
//! and live figures that name no figure.

use super::rule::{Ctx, Rule};
use super::tax::and_list;
use crate::checks::criteria::Policy;
use crate::checks::verdict::{Finding, Severity};
use crate::forecast::live_figures::{forecast_years, placeholders};
use crate::forecast::money_values::{horizon_totals, json_money};
use crate::forecast::scenarios::ScenarioResult;
use crate::forecast::Forecast;
use crate::model::field_path::FieldPath;
use crate::model::plan::{Plan, Section};
use crate::model::sections::SECTIONS;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeSet;
use std::ops::Range;

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "NAR-01",
        title: "Typed amounts match the plan's figures",
        severity: "warning",
        source: "the printed figures must be the file's figures; the forecast itself",
        check: nar_01,
    },
    Rule {
        id: "NAR-02",
        title: "Live figures name a figure of the forecast",
        severity: "error",
        source: "live figures (plan format)",
        check: nar_02,
    },
];

/// The most amounts a NAR-01 finding lists before "and {n} more".
const LISTED: usize = 5;

/// A money value as NAR-01 compares it: whole pounds, half away from zero, without its sign.
fn whole(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .abs()
        .normalize()
}

/// Every money field of the plan (every field of type money, settings and band limits
/// included).
fn plan_money(plan: &Plan) -> Vec<Decimal> {
    let f = &plan.forecast;
    let s = &f.settings;
    let mut out = vec![
        f.opening_cash,
        s.ni_secondary_threshold,
        s.employment_allowance,
        s.apprenticeship_levy_allowance,
        s.ct_lower_limit,
        s.ct_upper_limit,
        s.personal_allowance,
        s.vat_registration_threshold,
        s.vat_de_minimis_monthly,
    ];
    if let Some(shares) = &plan.ownership.shares {
        out.extend([shares.nominal_value, shares.max_holding_per_member]);
    }
    for bands in [
        &s.income_tax_bands,
        &s.income_tax_bands_scotland,
        &s.employee_ni_bands,
        &s.nhs_pension_member_tiers,
        &s.lgps_member_bands,
        &s.civil_service_member_tiers,
    ] {
        out.extend(bands.iter().filter_map(|b| b.up_to));
    }
    out.extend(f.contracts.iter().map(|c| c.annual_value));
    out.extend(f.income.iter().map(|l| l.amount));
    out.extend(f.grants.iter().map(|g| g.amount));
    out.extend(f.equity.iter().map(|e| e.amount));
    out.extend(f.loans.iter().map(|l| l.principal));
    out.extend(
        f.facilities
            .iter()
            .flat_map(|l| [l.limit, l.arrangement_fee]),
    );
    out.extend(f.staff.iter().map(|l| l.annual_salary));
    out.extend(f.costs.iter().map(|c| c.amount));
    out.into_iter().map(|m| m.get()).collect()
}

/// Every money value of the criteria data: its thresholds.
fn policy_money(policy: &Policy) -> Vec<Decimal> {
    let mut out = vec![
        policy.quarterly_instalments_profit.get(),
        policy.narrative_amount_min.get(),
    ];
    out.extend(policy.reserved_thresholds.iter().map(|t| t.amount.get()));
    out
}

/// An amount typed in text: as typed (with its minus sign), and its value in whole pounds
/// without sign (`None` when it is too large to hold, so it matches nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// Where it is in the section's text, in bytes.
    pub span: Range<usize>,
    /// As typed, with its minus sign.
    pub text: String,
    /// In whole pounds without sign.
    pub value: Option<Decimal>,
}

fn is_minus(c: char) -> bool {
    matches!(c, '\u{2212}' | '\u{2013}' | '-')
}

/// Words after an amount that make it an approximation, longest first where one starts another.
const APPROXIMATIONS: [&str; 6] = ["thousand", "million", "billion", "bn", "k", "m"];

/// The money typed in `text`, by the grammar of NAR-01: an optional minus sign directly before
/// "£"; "£"; digits grouped in threes by commas, or a run of digits; optionally "." and two
/// digits. Not an amount when followed by a digit, by "," or "." and a digit, or (directly or
/// after one space) by one of [`APPROXIMATIONS`] and then a character that is not a letter.
fn typed_amounts(text: &str) -> Vec<Typed> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let digit_at = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let byte = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut out = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if c != '£' {
            continue;
        }
        let first = i + 1;
        let mut run = first;
        while digit_at(run) {
            run += 1;
        }
        if run == first {
            continue;
        }
        let mut end = run;
        // Comma groups: one to three digits, then one or more "," and three digits.
        if run - first <= 3 {
            while at(end) == Some(',') && (1..=3).all(|k| digit_at(end + k)) {
                end += 4;
            }
        }
        if at(end) == Some('.') && digit_at(end + 1) && digit_at(end + 2) {
            end += 3;
        }
        let next = at(end);
        let digit_after = |k: usize| digit_at(end + k);
        if digit_after(0) || (matches!(next, Some(',') | Some('.')) && digit_after(1)) {
            continue;
        }
        if approximated(&chars[end..]) {
            continue;
        }
        let start = if i > 0 && is_minus(chars[i - 1].1) {
            i - 1
        } else {
            i
        };
        let number: String = text[byte(first)..byte(end)]
            .chars()
            .filter(|c| *c != ',')
            .collect();
        out.push(Typed {
            span: byte(start)..byte(end),
            text: text[byte(start)..byte(end)].to_string(),
            value: number.parse::<Decimal>().ok().map(whole),
        });
    }
    out
}

/// Whether what follows an amount makes it an approximation ("m", " million", "bn", …).
fn approximated(rest: &[(usize, char)]) -> bool {
    let rest: Vec<char> = rest.iter().map(|(_, c)| *c).collect();
    let rest = match rest.first() {
        Some(' ') => &rest[1..],
        _ => &rest[..],
    };
    APPROXIMATIONS.iter().any(|word| {
        let n = word.chars().count();
        rest.len() >= n
            && rest[..n]
                .iter()
                .zip(word.chars())
                .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
            && !rest.get(n).is_some_and(|c| c.is_alphabetic())
    })
}

/// The section's text with every text of the placeholder form taken out: each of its bytes (a
/// placeholder is ASCII) replaced by a control character, so that what was on either side stays
/// apart and every other byte keeps its place.
fn without_placeholders(text: &str, years: u32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for p in placeholders(text, years)
        .iter()
        .filter(|p| p.is_placeholder_form())
    {
        out.push_str(&text[from..p.span.start]);
        out.extend(std::iter::repeat_n('\u{1}', p.span.len()));
        from = p.span.end;
    }
    out.push_str(&text[from..]);
    out
}

/// What typed amounts are checked against: every money value of the plan, its forecast, the
/// scenarios, the yearly sums and the criteria, in whole pounds.
pub struct KnownAmounts(BTreeSet<Decimal>);

impl KnownAmounts {
    pub fn new(
        plan: &Plan,
        policy: &Policy,
        forecast: &Forecast,
        scenarios: &[ScenarioResult],
    ) -> Self {
        KnownAmounts(
            plan_money(plan)
                .into_iter()
                .chain(json_money(forecast, scenarios))
                .chain(horizon_totals(&forecast.years).into_iter().map(|(_, v)| v))
                .chain(policy_money(policy))
                .map(whole)
                .collect(),
        )
    }

    fn contains(&self, t: &Typed) -> bool {
        t.value.is_some_and(|v| self.0.contains(&v))
    }
}

/// The amounts typed in a section's text (placeholders aside) that NAR-01 checks: at least the
/// criteria's smallest amount, or too large to hold.
pub fn typed_in(text: &str, years: u32, policy: &Policy) -> Vec<Typed> {
    let min = policy.narrative_amount_min.get();
    typed_amounts(&without_placeholders(text, years))
        .into_iter()
        .map(|mut t| {
            // The text as typed, from the section itself (the spans are the same).
            t.text = text[t.span.clone()].to_string();
            t
        })
        .filter(|t| t.value.is_none_or(|v| v >= min))
        .collect()
}

/// The amounts typed in a section's text that match no figure (NAR-01), each where it is.
pub fn unmatched_amounts(
    text: &str,
    years: u32,
    policy: &Policy,
    known: &KnownAmounts,
) -> Vec<Typed> {
    typed_in(text, years, policy)
        .into_iter()
        .filter(|t| !known.contains(t))
        .collect()
}

fn section_path(s: &Section) -> FieldPath {
    FieldPath::root()
        .key("narrative")
        .key("sections")
        .id(&s.id)
        .key("text")
}

/// The section's title as the team wrote it, or its standard title while it has none.
fn section_title(s: &Section) -> String {
    match s.title.trim() {
        "" => SECTIONS
            .iter()
            .find(|spec| spec.id == s.id)
            .map_or_else(|| s.id.clone(), |spec| spec.title.to_string()),
        t => t.to_string(),
    }
}

/// "£1, £2 and £3", or the first five and "and {n} more".
fn listed(items: &[String]) -> String {
    if items.len() <= LISTED {
        and_list(items)
    } else {
        format!(
            "{} and {} more",
            items[..LISTED].join(", "),
            items.len() - LISTED
        )
    }
}

fn nar_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let Ok(f) = ctx.forecast else {
        return vec![];
    };
    let plan = ctx.plan;
    let years = forecast_years(plan.forecast.months);
    let mut known: Option<KnownAmounts> = None;
    let mut out = Vec::new();
    for s in &plan.narrative.sections {
        if typed_in(&s.text, years, ctx.policy).is_empty() {
            continue;
        }
        let known =
            known.get_or_insert_with(|| KnownAmounts::new(plan, ctx.policy, f, ctx.scenarios));
        let mut unmatched: Vec<String> = Vec::new();
        for t in unmatched_amounts(&s.text, years, ctx.policy, known) {
            if !unmatched.contains(&t.text) {
                unmatched.push(t.text);
            }
        }
        if unmatched.is_empty() {
            continue;
        }
        let message = if unmatched.len() == 1 {
            format!(
                "{} gives {} as a typed figure that matches nothing in the plan or its forecast. If it is meant to be the plan's figure, replace it with a live figure such as [[lowest_cash]] or [[surplus year=2]], which always shows the forecast's value; otherwise correct it.",
                section_title(s),
                unmatched[0]
            )
        } else {
            format!(
                "{} gives {} as typed figures that match nothing in the plan or its forecast. If they are meant to be the plan's figures, replace each with a live figure such as [[lowest_cash]] or [[surplus year=2]], which always shows the forecast's value; otherwise correct them.",
                section_title(s),
                listed(&unmatched)
            )
        };
        out.push(r.finding(Severity::Warning, section_path(s), message));
    }
    out
}

fn nar_02(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let years = forecast_years(ctx.plan.forecast.months);
    ctx.plan
        .narrative
        .sections
        .iter()
        .filter_map(|s| {
            let mut wrong: Vec<&str> = Vec::new();
            for p in placeholders(&s.text, years).iter().filter(|p| !p.is_valid()) {
                let written = &s.text[p.span.clone()];
                if !wrong.contains(&written) {
                    wrong.push(written);
                }
            }
            if wrong.is_empty() {
                return None;
            }
            let message = if let [one] = wrong.as_slice() {
                format!(
                    "{} has a live figure that names no figure of the forecast: {one}. The printed plan would show no figure in its place: the text as typed, or \"[no such figure: …]\". Correct the name (the list of live figures is in the help), or remove it.",
                    section_title(s)
                )
            } else {
                format!(
                    "{} has live figures that name no figure of the forecast: {}. The printed plan would show no figure in their place: the text as typed, or \"[no such figure: …]\". Correct each name (the list of live figures is in the help), or remove it.",
                    section_title(s),
                    wrong.join(", ")
                )
            };
            Some(r.finding(Severity::Error, section_path(s), message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::criteria::Criteria;
    use crate::model::samples;
    use serde_json::Value;

    fn found(text: &str) -> Vec<(String, Option<Decimal>)> {
        typed_amounts(text)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    fn one(text: &str, typed: &str, value: i64) {
        assert_eq!(
            found(text),
            vec![(typed.to_string(), Some(Decimal::from(value)))],
            "{text}"
        );
    }

    #[test]
    fn amounts_are_read_by_the_grammar() {
        one("a surplus of £511,644 in", "£511,644", 511_644);
        one("to −£76,664.", "−£76,664", 76_664);
        one("to –£1,234.50 now", "–£1,234.50", 1_235);
        one("-£1,234.49", "-£1,234.49", 1_234);
        one("£1234567 in all", "£1234567", 1_234_567);
        one("£1,000,000.", "£1,000,000", 1_000_000);
        one("(£2,500)", "£2,500", 2_500);
        one("£1,000 more", "£1,000", 1_000);
        one("£1,000 kids", "£1,000", 1_000);
        one("£5 mile", "£5", 5);
        one("£100, and", "£100", 100);
        one("£999.50", "£999.50", 1_000);
        // A hyphen not directly before "£" is not a minus sign.
        one("- £1,000", "£1,000", 1_000);
    }

    #[test]
    fn approximations_and_broken_numbers_are_not_amounts() {
        for text in [
            "£1.5m",
            "£6m",
            "£6m.",
            "£6 m",
            "£6M",
            "£2bn",
            "£2 BN,",
            "£5k",
            "£5 k",
            "£3 thousand",
            "£3 Million",
            "£1 billion",
            "£1.50m",
            "£1,23",
            "£1,234,56",
            "£1,2345",
            "£12345,678",
            "£1,234.5",
            "£1,234.567",
            "£ 1,000",
            "£",
            "£,000",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // Two spaces before the word: an amount.
        one("£6  million", "£6", 6);
    }

    #[test]
    fn placeholders_are_taken_out_before_scanning() {
        let text = "Cash is [[lowest_cash]] and [[Lowest cash]] £2,000[[surplus year=1]]5";
        let left = without_placeholders(text, 5);
        assert!(left.contains("[[Lowest cash]]"));
        assert!(!left.contains("[[lowest_cash]]"));
        assert_eq!(found(&left).len(), 1);
    }

    /// Each string of the plan's JSON written as money (exactly two decimals) under a key that
    /// is not a percentage or FTE.
    fn money_strings(v: &Value, key: &str, out: &mut Vec<Decimal>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| money_strings(v, k, out)),
            Value::Array(a) => a.iter().for_each(|v| money_strings(v, key, out)),
            Value::String(s) => {
                let money = s.split_once('.').is_some_and(|(i, d)| {
                    !i.is_empty()
                        && i.bytes().all(|b| b.is_ascii_digit())
                        && d.len() == 2
                        && d.bytes().all(|b| b.is_ascii_digit())
                });
                if money && !key.contains("percent") && key != "fte" {
                    out.push(s.parse().unwrap());
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_money_field_of_the_plan_and_the_criteria_is_collected() {
        let p = samples::riverside().unwrap();
        let mut strings = Vec::new();
        money_strings(&serde_json::to_value(&p).unwrap(), "", &mut strings);
        let collected = plan_money(&p);
        assert!(strings.len() > 30);
        for s in &strings {
            assert!(collected.contains(s), "{s} is not collected");
        }
        let criteria: Value = serde_json::from_str(crate::checks::criteria::BUNDLED).unwrap();
        let mut strings = Vec::new();
        money_strings(&criteria["policy"], "", &mut strings);
        let collected = policy_money(&Criteria::bundled().policy);
        assert!(strings.len() >= 9);
        for s in &strings {
            assert!(collected.contains(s), "{s} is not collected");
        }
    }
}
