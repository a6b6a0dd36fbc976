//! Values as people type them: `£1,234.50`, `23.78%`, `1/4/2027`, `April 2027`.
//!
//! The window sends what was typed; [`read_typed`] answers with the file's canonical string and
//! the words to show, or the same message a file with that value would get. The file format
//! itself stays strict (`values.rs`); only this reading is forgiving.

use crate::model::values::{
    plain_decimal, Date, DecimalFault, Fte, Money, Month, Percent, SignedPercent,
};
use crate::words::format;
use rust_decimal::Decimal;
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
    /// A fraction stored as a percentage: `3/200`, `0.015` or `1.5%` (the corporation tax marginal
    /// relief fraction), shown as `3/200`.
    Fraction,
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
/// The message to show beside the field. It quotes what was typed and gives its examples in the
/// form people type (`£1,234.50`, `23.78%`, `01/04/2027`), never the file's (`1234.50`).
pub fn read_typed(kind: InputKind, text: &str) -> Result<TypedValue, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("this field needs a value".into());
    }
    match kind {
        InputKind::Money => {
            let d = number(t, &money_digits(t)?, &MONEY)?;
            let m = Money::new(d)?;
            Ok(TypedValue {
                value: m.to_string(),
                shown: crate::words::money::pence(m.get()),
            })
        }
        InputKind::Percent => {
            let p = Percent::new(number(t, strip_percent(t), &PERCENT)?)?;
            Ok(TypedValue {
                value: p.to_string(),
                shown: format::percent(p.get()),
            })
        }
        InputKind::SignedPercent => {
            let plain = strip_percent(t).replace('\u{2212}', "-");
            // A rise may be written with its sign: "+2%".
            let plain = plain.strip_prefix('+').unwrap_or(&plain);
            let p = SignedPercent::new(number(t, plain, &SIGNED_PERCENT)?)?;
            Ok(TypedValue {
                value: p.to_string(),
                shown: format::percent(p.get()).replace('-', "\u{2212}"),
            })
        }
        InputKind::Fte => {
            let f = Fte::new(number(t, t, &FTE)?)?;
            Ok(TypedValue {
                value: f.to_string(),
                shown: f.to_string(),
            })
        }
        InputKind::Month => {
            let m = read_month(t)?;
            Ok(TypedValue {
                value: m.to_string(),
                shown: format::month_long(m),
            })
        }
        InputKind::Count => {
            let digits = t.replace(',', "");
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("\"{t}\" is not a whole number such as \"12\""));
            }
            let n: u32 = digits
                .parse()
                .map_err(|_| format!("\"{t}\" is far too large"))?;
            Ok(TypedValue {
                value: n.to_string(),
                shown: n.to_string(),
            })
        }
        InputKind::Fraction => {
            let p = read_fraction(t)?;
            Ok(TypedValue {
                value: p.to_string(),
                shown: format::fraction(p.get()),
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

/// A kind of number as people type it, and the words for what it may be.
struct Number {
    /// What it is, with an example as typed: `an amount such as "£1,234.50"`.
    such_as: &'static str,
    /// What must lie in its range: "an amount".
    what: &'static str,
    negative: bool,
    places: u32,
    min: fn() -> Decimal,
    max: fn() -> Decimal,
    /// The least or most, as typed: `£1,000,000,000,000`, `100%`.
    words: fn(Decimal) -> String,
}

const MONEY: Number = Number {
    such_as: "an amount such as \"£1,234.50\"",
    what: "an amount",
    negative: false,
    places: 2,
    min: Money::min,
    max: Money::max,
    words: crate::words::money::pounds,
};

const PERCENT: Number = Number {
    such_as: "a percentage such as \"23.78%\"",
    what: "a percentage",
    negative: false,
    places: 4,
    min: Percent::min,
    max: Percent::max,
    words: format::percent,
};

const SIGNED_PERCENT: Number = Number {
    such_as: "a percentage change such as \"\u{2212}5%\" or \"2%\"",
    what: "a change",
    negative: true,
    places: 4,
    min: SignedPercent::min,
    max: SignedPercent::max,
    words: signed_percent_words,
};

const FTE: Number = Number {
    such_as: "a number of full-time equivalents such as \"2.5\"",
    what: "full-time equivalents",
    negative: false,
    places: 4,
    min: Fte::min,
    max: Fte::max,
    words: fte_words,
};

fn signed_percent_words(d: Decimal) -> String {
    format::percent(d).replace('-', "\u{2212}")
}

fn fte_words(d: Decimal) -> String {
    crate::words::money::group_thousands(&d.normalize().to_string())
}

/// Reads `plain` (what was typed, `t`, less its pound sign, commas or percent sign) as a number
/// of kind `n`; a refusal quotes `t`.
fn number(t: &str, plain: &str, n: &Number) -> Result<Decimal, String> {
    let range = || {
        format!(
            "{} must be from {} to {}",
            n.what,
            (n.words)((n.min)()),
            (n.words)((n.max)())
        )
    };
    let d = plain_decimal(plain, n.negative, n.places).map_err(|f| match f {
        DecimalFault::NotANumber => format!("\"{t}\" is not {}", n.such_as),
        DecimalFault::Negative => format!("\"{t}\" is below zero: {}", range()),
        DecimalFault::TooLarge => format!("\"{t}\" is too large: {}", range()),
        DecimalFault::TooManyPlaces if n.places == 2 => {
            format!("\"{t}\" has more than two figures after the point: give pounds and pence")
        }
        DecimalFault::TooManyPlaces => {
            format!("\"{t}\" has more than {} figures after the point", n.places)
        }
    })?;
    if d < (n.min)() {
        return Err(format!("\"{t}\" is too small: {}", range()));
    }
    if d > (n.max)() {
        return Err(format!("\"{t}\" is too large: {}", range()));
    }
    Ok(d)
}

/// `3/200`, `0.015` or `1.5%` → the percentage `1.5`.
fn read_fraction(t: &str) -> Result<Percent, String> {
    let bad = || format!("\"{t}\" is not a fraction such as \"3/200\"");
    let range = || format!("\"{t}\" is more than 1: a fraction must be from 0 to 1");
    let percent = if t.ends_with('%') {
        number(t, strip_percent(t), &PERCENT)?
    } else if let Some((n, d)) = t.split_once('/') {
        let whole = |s: &str| plain_decimal(s.trim(), false, 0).map_err(|_| bad());
        let (n, d) = (whole(n)?, whole(d)?);
        if d.is_zero() {
            return Err(bad());
        }
        if n > d {
            return Err(range());
        }
        n.checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(d))
            .ok_or_else(bad)?
    } else {
        let d = plain_decimal(t, false, 6).map_err(|f| match f {
            DecimalFault::TooManyPlaces => format!(
                "\"{t}\" is finer than the plan keeps: give it to at most six decimal places, or as a fraction such as \"3/200\""
            ),
            _ => bad(),
        })?;
        if d > Decimal::ONE {
            return Err(range());
        }
        d * Decimal::ONE_HUNDRED
    };
    Percent::new(percent.normalize()).map_err(|_| {
        format!("\"{t}\" is finer than the plan keeps: give a fraction whose decimal ends within six places, such as \"3/200\"")
    })
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
        let full = format::month_name(n).to_lowercase();
        lower == full || (lower.len() >= 3 && full.starts_with(&lower))
    })
}

/// The years a month or a date may fall in, as the file format allows them.
const YEARS: &str = "the year must be from 1900 to 2200";

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
    if b.len() < 4 {
        return Err(format!(
            "\"{t}\": write the year in full, such as \"April 2027\""
        ));
    }
    Month::new(year, month).ok_or_else(|| format!("\"{t}\": {YEARS}"))
}

fn read_date(t: &str) -> Result<Date, String> {
    let day_month_year = "dates are day/month/year, such as \"01/04/2027\"";
    let bad = || format!("\"{t}\" is not a date: {day_month_year}");
    let parts: Vec<&str> = if t.contains('/') {
        t.split('/').map(str::trim).collect()
    } else if t.contains('-') {
        t.split('-').map(str::trim).collect()
    } else {
        t.split_whitespace().collect()
    };
    let [d, m, y] = match parts.as_slice() {
        // The file's own form, year first: 2027-04-01.
        [y, m, d] if y.len() == 4 && t.contains('-') => [*d, *m, *y],
        [d, m, y] => [*d, *m, *y],
        _ => return Err(bad()),
    };
    let day: u8 = d.parse().map_err(|_| bad())?;
    let month = match m.parse::<u8>() {
        Ok(n) if (1..=12).contains(&n) => n,
        Ok(n) => return Err(format!("\"{t}\" has no month {n}: {day_month_year}")),
        Err(_) => month_number(m).ok_or_else(bad)?,
    };
    let year: i32 = y.parse().map_err(|_| bad())?;
    if y.len() < 4 {
        return Err(format!(
            "\"{t}\": write the year in full, such as \"01/04/2027\""
        ));
    }
    let m = Month::new(year, month).ok_or_else(|| format!("\"{t}\": {YEARS}"))?;
    Date::new(year, month, day).ok_or_else(|| {
        let days = (28..=31u8)
            .rev()
            .find(|&n| Date::new(year, month, n).is_some())
            .unwrap_or(28);
        format!(
            "\"{t}\" is not a day of the calendar: {} has {days} days",
            format::month_long(m)
        )
    })
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
        assert_eq!(
            ok(InputKind::SignedPercent, "+2%"),
            ("2".into(), "2%".into())
        );
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
        assert_eq!(
            ok(InputKind::Date, "1-4-2027"),
            ("2027-04-01".into(), "01/04/2027".into())
        );
        assert!(read_typed(InputKind::Month, "Smarch 2027").is_err());
        assert!(read_typed(InputKind::Month, "13/2027").is_err());
    }

    #[test]
    fn a_fraction_is_typed_and_shown_as_a_fraction() {
        for t in ["3/200", " 3 / 200 ", "0.015", "1.5%", "6/400"] {
            assert_eq!(
                ok(InputKind::Fraction, t),
                ("1.5".into(), "3/200".into()),
                "{t}"
            );
        }
        assert_eq!(ok(InputKind::Fraction, "1"), ("100".into(), "1".into()));
        assert_eq!(ok(InputKind::Fraction, "0"), ("0".into(), "0".into()));
        assert!(refused(InputKind::Fraction, "3/0").contains("such as \"3/200\""));
        assert!(refused(InputKind::Fraction, "two").contains("such as \"3/200\""));
        assert!(refused(InputKind::Fraction, "201/200").contains("from 0 to 1"));
        assert!(refused(InputKind::Fraction, "1.5").contains("from 0 to 1"));
        assert!(refused(InputKind::Fraction, "1/3").contains("finer than the plan keeps"));
    }

    fn refused(kind: InputKind, t: &str) -> String {
        read_typed(kind, t).expect_err(t)
    }

    #[test]
    fn a_date_that_is_not_one_says_dates_are_day_month_year() {
        assert_eq!(
            refused(InputKind::Date, "1/13/2028"),
            "\"1/13/2028\" has no month 13: dates are day/month/year, such as \"01/04/2027\""
        );
        assert_eq!(
            refused(InputKind::Date, "31/2/2027"),
            "\"31/2/2027\" is not a day of the calendar: February 2027 has 28 days"
        );
        assert!(read_typed(InputKind::Date, "29/2/2028").is_ok());
        for t in ["yesterday", "1/4", "2027-13-01", "1.4.2027"] {
            let m = refused(InputKind::Date, t);
            assert!(
                m.contains("day/month/year") && m.contains("01/04/2027"),
                "{t}: {m}"
            );
        }
        assert!(refused(InputKind::Date, "1/4/27").contains("year in full"));
        assert!(refused(InputKind::Date, "1/4/3000").contains("1900 to 2200"));
        assert!(refused(InputKind::Month, "April 27").contains("year in full"));
    }

    /// Every refusal of a typed number quotes what was typed and gives its examples as people
    /// type them (`£1,234.50`, `23.78%`), never in the file's form (`1234.50`, `23.78`).
    #[test]
    fn a_refused_number_is_worded_as_people_type_it() {
        let cases: &[(InputKind, &str, &str)] = &[
            (
                InputKind::Money,
                "12x",
                "is not an amount such as \"£1,234.50\"",
            ),
            (
                InputKind::Money,
                "£-5",
                "is below zero: an amount must be from £0 to £1,000,000,000,000",
            ),
            (
                InputKind::Money,
                "£1,234.567",
                "more than two figures after the point",
            ),
            (
                InputKind::Money,
                "£2,000,000,000,000",
                "is too large: an amount must be from £0 to £1,000,000,000,000",
            ),
            (InputKind::Money, "99999999999999999", "is too large"),
            (InputKind::Money, "1e3", "£1,234.50"),
            (
                InputKind::Percent,
                "lots",
                "is not a percentage such as \"23.78%\"",
            ),
            (
                InputKind::Percent,
                "120%",
                "is too large: a percentage must be from 0% to 100%",
            ),
            (
                InputKind::Percent,
                "-5%",
                "is below zero: a percentage must be from 0% to 100%",
            ),
            (
                InputKind::Percent,
                "1.23456%",
                "more than 4 figures after the point",
            ),
            (
                InputKind::SignedPercent,
                "-150%",
                "is too small: a change must be from \u{2212}100% to 100%",
            ),
            (InputKind::SignedPercent, "less", "such as \"\u{2212}5%\""),
            (InputKind::Fte, "two", "such as \"2.5\""),
            (InputKind::Fte, "200000", "must be from 0 to 100,000"),
            (InputKind::Count, "99999999999", "is far too large"),
        ];
        for (kind, t, says) in cases {
            let m = refused(*kind, t);
            assert!(m.starts_with(&format!("\"{t}\"")), "{t}: {m}");
            assert!(m.contains(says), "{t}: {m}");
            for file_form in ["\"1234.50\"", "\"23.78\"", "\"-5\"", "1000000000000"] {
                assert!(!m.contains(file_form), "{t}: {m}");
            }
        }
    }
}
