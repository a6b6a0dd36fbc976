//! Values as people type them: `£1,234.50`, `23.78%`, `1/4/2027`, `April 2027`.
//!
//! The window sends what was typed; [`read_typed`] answers with the file's canonical string and
//! the words to show, or the same message a file with that value would get. The file format
//! itself stays strict (`values.rs`); only this reading is forgiving.

use crate::labels;
use crate::values::{Date, Fte, Money, Month, Percent, SignedPercent};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

/// The kinds of typed value the window reads through the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Pounds and pence: `£1,234.50`, `1234.5`, `1,234`.
    Money,
    /// 0 to 100, with or without `%`.
    Percent,
    /// −100 to 100, with or without `%`.
    SignedPercent,
    /// Full-time equivalents: `2.5`.
    Fte,
    /// A month: `April 2027`, `Apr 2027`, `4/2027`, `2027-04`.
    Month,
    /// A date the British way: `1/4/2027`, `1 April 2027`, or `2027-04-01`.
    Date,
    /// A count (members, months, days): digits, with commas between thousands allowed.
    Count,
}

/// A typed value read: what the file stores and what the window shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TypedValue {
    /// The canonical string written in the file (`"1234.50"`, `"2027-04"`).
    pub value: String,
    /// The value as shown (`£1,234.50`, `April 2027`, `01/04/2027`).
    pub shown: String,
}

/// Reads `text` as typed into a field of `kind`.
///
/// # Errors
/// The message to show beside the field, worded as the file format words it.
pub fn read_typed(kind: InputKind, text: &str) -> Result<TypedValue, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("this field needs a value".into());
    }
    match kind {
        InputKind::Money => {
            let plain = money_digits(t)?;
            let m = Money::from_str(&plain)?;
            Ok(TypedValue {
                value: m.to_string(),
                shown: crate::money::pence(m.get()),
            })
        }
        InputKind::Percent => {
            let p = Percent::from_str(strip_percent(t))?;
            Ok(TypedValue {
                value: p.to_string(),
                shown: labels::percent(p.get()),
            })
        }
        InputKind::SignedPercent => {
            let p = SignedPercent::from_str(&strip_percent(t).replace('\u{2212}', "-"))?;
            Ok(TypedValue {
                value: p.to_string(),
                shown: labels::percent(p.get()).replace('-', "\u{2212}"),
            })
        }
        InputKind::Fte => {
            let f = Fte::from_str(t)?;
            Ok(TypedValue {
                value: f.to_string(),
                shown: f.to_string(),
            })
        }
        InputKind::Month => {
            let m = read_month(t)?;
            Ok(TypedValue {
                value: m.to_string(),
                shown: labels::month_long(m),
            })
        }
        InputKind::Count => {
            let digits = t.replace(',', "");
            let n: u32 = digits
                .parse()
                .ok()
                .filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| format!("\"{t}\" is not a whole number such as \"12\""))?;
            Ok(TypedValue {
                value: n.to_string(),
                shown: n.to_string(),
            })
        }
        InputKind::Date => {
            let d = read_date(t)?;
            Ok(TypedValue {
                value: d.to_string(),
                shown: format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
            })
        }
    }
}

fn strip_percent(t: &str) -> &str {
    t.strip_suffix('%').unwrap_or(t).trim_end()
}

/// `£1,234.50` → `1234.50`: a leading pound sign and commas between groups of three digits.
fn money_digits(t: &str) -> Result<String, String> {
    let body = t.strip_prefix('£').unwrap_or(t).trim_start();
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let well_grouped = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3);
        if !well_grouped {
            return Err(format!(
                "\"{t}\" is not an amount such as \"£1,234.50\": commas go between groups of three digits"
            ));
        }
    }
    let mut out = int.replace(',', "");
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Ok(out)
}

/// The month a name or its first three letters stand for.
fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    (1..=12).find(|&n| {
        let full = labels::month_name(n).to_lowercase();
        lower == full || (lower.len() >= 3 && full.starts_with(&lower))
    })
}

fn read_month(t: &str) -> Result<Month, String> {
    let bad = || format!("\"{t}\" is not a month such as \"April 2027\"");
    if let Ok(m) = Month::from_str(t) {
        return Ok(m);
    }
    let (a, b) = if let Some((a, b)) = t.split_once('/') {
        (a.trim(), b.trim())
    } else if let Some((a, b)) = t.split_once(char::is_whitespace) {
        (a.trim(), b.trim())
    } else {
        return Err(bad());
    };
    let month = a
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=12).contains(n))
        .or_else(|| month_number(a))
        .ok_or_else(bad)?;
    let year: i32 = b.parse().map_err(|_| bad())?;
    Month::new(year, month).ok_or_else(bad)
}

fn read_date(t: &str) -> Result<Date, String> {
    let bad = || format!("\"{t}\" is not a date such as \"01/04/2027\"");
    if t.contains('-') {
        return Date::from_str(t);
    }
    let parts: Vec<&str> = if t.contains('/') {
        t.split('/').map(str::trim).collect()
    } else {
        t.split_whitespace().collect()
    };
    let [d, m, y] = parts.as_slice() else {
        return Err(bad());
    };
    let day: u8 = d.parse().map_err(|_| bad())?;
    let month = m
        .parse::<u8>()
        .ok()
        .or_else(|| month_number(m))
        .ok_or_else(bad)?;
    let year: i32 = y.parse().map_err(|_| bad())?;
    Date::new(year, month, day).ok_or_else(|| format!("\"{t}\" is not a day of the calendar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(kind: InputKind, t: &str) -> (String, String) {
        let v = read_typed(kind, t).unwrap_or_else(|e| panic!("{t}: {e}"));
        (v.value, v.shown)
    }

    #[test]
    fn money_as_people_type_it() {
        for t in ["£1,234.50", "1234.5", "1,234.50", " £1234.50 "] {
            assert_eq!(
                ok(InputKind::Money, t),
                ("1234.50".into(), "£1,234.50".into())
            );
        }
        assert_eq!(ok(InputKind::Money, "1,234").0, "1234.00");
        assert_eq!(ok(InputKind::Money, "£1,000,000").1, "£1,000,000.00");
        for t in ["12x", "1,23", "12,34.5", "-5", "1.234", "£", "1e3"] {
            assert!(read_typed(InputKind::Money, t).is_err(), "{t}");
        }
    }

    #[test]
    fn percentages_with_or_without_the_sign() {
        assert_eq!(
            ok(InputKind::Percent, "23.78%"),
            ("23.78".into(), "23.78%".into())
        );
        assert_eq!(ok(InputKind::Percent, "20"), ("20".into(), "20%".into()));
        assert!(read_typed(InputKind::Percent, "120%").is_err());
        assert_eq!(ok(InputKind::SignedPercent, "−5%").0, "-5");
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(ok(InputKind::Count, "1,200").0, "1200");
        for t in ["1.5", "-3", "x", "99999999999"] {
            assert!(read_typed(InputKind::Count, t).is_err(), "{t}");
        }
    }

    #[test]
    fn months_and_dates_the_british_way() {
        for t in ["April 2027", "apr 2027", "4/2027", "04/2027", "2027-04"] {
            assert_eq!(
                ok(InputKind::Month, t),
                ("2027-04".into(), "April 2027".into())
            );
        }
        for t in [
            "1/4/2027",
            "01/04/2027",
            "1 April 2027",
            "1 Apr 2027",
            "2027-04-01",
        ] {
            assert_eq!(
                ok(InputKind::Date, t),
                ("2027-04-01".into(), "01/04/2027".into())
            );
        }
        assert!(read_typed(InputKind::Date, "31/2/2027").is_err());
        assert!(read_typed(InputKind::Month, "Smarch 2027").is_err());
        assert!(read_typed(InputKind::Month, "13/2027").is_err());
    }
}
