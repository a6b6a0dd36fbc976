//! The value types of the plan file: money, percentages, months, dates, timestamps and ids.
//!
//! Every number in a plan is a JSON string so that it never passes through floating point;
//! these types parse those strings strictly and write them back in canonical form.

use rust_decimal::Decimal;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// The largest money amount a plan may hold: one trillion pounds.
pub const MONEY_MAX: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0); // 10^12

/// Why a plain decimal string was refused, for callers that word it their own way (the window
/// words a value as it was typed, `£1,234.50`, not as the file stores it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecimalFault {
    /// Not digits with one optional point.
    NotANumber,
    /// A minus sign where the value cannot be negative.
    Negative,
    /// More than 16 digits before the point.
    TooLarge,
    /// More decimal places than the value allows.
    TooManyPlaces,
}

/// Reads a plain decimal string (`123`, `-4.5`): digits, one optional point, optional sign.
/// Refuses exponents, spaces, `+`, thousands separators and empty parts, which `Decimal` would accept.
pub(crate) fn plain_decimal(
    s: &str,
    allow_negative: bool,
    max_scale: u32,
) -> Result<Decimal, DecimalFault> {
    let body = match s.strip_prefix('-') {
        Some(rest) if allow_negative => rest,
        Some(_) => return Err(DecimalFault::Negative),
        None => s,
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits_ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || frac.is_some_and(|f| !digits_ok(f)) {
        return Err(DecimalFault::NotANumber);
    }
    if int.len() > 16 {
        return Err(DecimalFault::TooLarge);
    }
    let scale = frac.map_or(0, str::len) as u32;
    if scale > max_scale {
        return Err(DecimalFault::TooManyPlaces);
    }
    Decimal::from_str(s).map_err(|_| DecimalFault::NotANumber)
}

/// Parses a plain decimal string as [`plain_decimal`] does, with the file format's message.
pub(crate) fn parse_plain_decimal(
    s: &str,
    allow_negative: bool,
    max_scale: u32,
    expecting: &str,
) -> Result<Decimal, String> {
    plain_decimal(s, allow_negative, max_scale).map_err(|f| match f {
        DecimalFault::NotANumber => format!("\"{s}\" is not {expecting}"),
        DecimalFault::Negative => format!("\"{s}\" is negative; this field cannot be"),
        DecimalFault::TooLarge => format!("\"{s}\" is far too large"),
        DecimalFault::TooManyPlaces => format!("\"{s}\" has more than {max_scale} decimal places"),
    })
}

macro_rules! decimal_string_type {
    ($(#[$doc:meta])* $name:ident, neg: $neg:expr, scale: $scale:expr, min: $min:expr, max: $max:expr,
     expecting: $expecting:expr, write: $write:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, TS)]
        pub struct $name(#[ts(type = "string")] Decimal);

        impl $name {
            /// The value, when the file format allows it (range and decimal places); the only way
            /// to make one besides reading it, so no unchecked value exists.
            pub fn new(d: Decimal) -> Result<Self, String> {
                if d < Self::min() || d > Self::max() {
                    return Err(format!(
                        "{d} is out of range: {} must be from {} to {}",
                        $expecting,
                        Self::min(),
                        Self::max()
                    ));
                }
                if d.normalize().scale() > $scale {
                    return Err(format!("{d} has more than {} decimal places", $scale));
                }
                Ok(Self(d))
            }
            /// The smallest value the file format allows.
            pub fn min() -> Decimal {
                $min
            }
            /// The largest value the file format allows.
            pub fn max() -> Decimal {
                $max
            }
            /// The value as a `Decimal`.
            pub fn get(self) -> Decimal {
                self.0
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let d = parse_plain_decimal(s, $neg, $scale, $expecting)?;
                if d < Self::min() || d > Self::max() {
                    return Err(format!(
                        "\"{s}\" is out of range: {} must be from {} to {}",
                        $expecting,
                        Self::min(),
                        Self::max()
                    ));
                }
                Ok(Self(d))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let write: fn(Decimal) -> String = $write;
                f.write_str(&write(self.0))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "{} written as a string", $expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

fn two_decimals(d: Decimal) -> String {
    let mut d = d;
    d.rescale(2);
    d.to_string()
}

fn normalized(d: Decimal) -> String {
    d.normalize().to_string()
}

decimal_string_type!(
    /// An amount in pounds sterling: read with 0–2 decimals, written with exactly 2.
    Money, neg: false, scale: 2, min: Decimal::ZERO, max: MONEY_MAX,
    expecting: "an amount of money such as \"1234.50\"", write: two_decimals
);

decimal_string_type!(
    /// A percentage from 0 to 100 (23.78 means 23.78 %), at most 4 decimals.
    Percent, neg: false, scale: 4, min: Decimal::ZERO, max: Decimal::ONE_HUNDRED,
    expecting: "a percentage such as \"23.78\"", write: normalized
);

decimal_string_type!(
    /// A percentage change from −100 to +100, at most 4 decimals (a contract's value on renewal).
    SignedPercent, neg: true, scale: 4, min: Decimal::from_parts(100, 0, 0, true, 0), max: Decimal::ONE_HUNDRED,
    expecting: "a percentage change such as \"-5\"", write: normalized
);

decimal_string_type!(
    /// Full-time equivalents on a staff line: more than 0, at most 100,000, at most 4 decimals.
    Fte, neg: false, scale: 4, min: Decimal::ZERO, max: Decimal::from_parts(100_000, 0, 0, false, 0),
    expecting: "a number of full-time equivalents such as \"2.5\"", write: normalized
);

impl Money {
    /// Money from a whole number of pence-free pounds (for defaults and tests).
    pub fn pounds(p: i64) -> Self {
        Money(Decimal::from(p))
    }
}

/// Implements string serde for a type with `FromStr<Err = String>` and `Display`.
macro_rules! string_serde {
    ($name:ident, $expecting:expr) => {
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

/// Years a month or date may fall in; keeps month arithmetic far from any overflow.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn parse_year(s: &str, whole: &str) -> Result<i32, String> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("\"{whole}\" does not start with a four-digit year"));
    }
    let y: i32 = s
        .parse()
        .map_err(|_| format!("\"{whole}\" has a bad year"))?;
    if !YEARS.contains(&y) {
        return Err(format!("\"{whole}\": the year must be from 1900 to 2200"));
    }
    Ok(y)
}

fn parse_two_digits(s: &str, what: &str, whole: &str) -> Result<u8, String> {
    if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("\"{whole}\" has a bad {what}"));
    }
    s.parse()
        .map_err(|_| format!("\"{whole}\" has a bad {what}"))
}

/// A calendar month, written `"2027-04"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct Month {
    year: i32,
    month: u8,
}

impl Month {
    /// A month from a year and a month number 1–12.
    pub fn new(year: i32, month: u8) -> Option<Self> {
        ((1..=12).contains(&month) && YEARS.contains(&year)).then_some(Month { year, month })
    }
    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month of the year, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// Months since January of year 0: a total order that makes month arithmetic plain subtraction.
    pub fn ordinal(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
    /// The month `ordinal` names (the inverse of [`Month::ordinal`]); `None` outside the years allowed.
    pub fn from_ordinal(ordinal: i64) -> Option<Self> {
        let year = i32::try_from(ordinal.div_euclid(12)).ok()?;
        Month::new(year, (ordinal.rem_euclid(12) + 1) as u8)
    }
    /// This month plus `n` months (negative goes back).
    pub fn plus(self, n: i64) -> Option<Self> {
        Month::from_ordinal(self.ordinal().checked_add(n)?)
    }
    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Month) -> i64 {
        later.ordinal() - self.ordinal()
    }
    /// The month a date falls in.
    pub fn of_date(d: Date) -> Self {
        Month {
            year: d.year,
            month: d.month,
        }
    }
}

impl FromStr for Month {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (y, m) = s
            .split_once('-')
            .ok_or_else(|| format!("\"{s}\" is not a month written like \"2027-04\""))?;
        let year = parse_year(y, s)?;
        let month = parse_two_digits(m, "month", s)?;
        Month::new(year, month).ok_or_else(|| format!("\"{s}\": the month must be 01 to 12"))
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}
string_serde!(Month, "a month written like \"2027-04\"");

/// A calendar date, written `"2027-04-01"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string", rename = "CalendarDate")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.rem_euclid(4) == 0 && year.rem_euclid(100) != 0)
            || year.rem_euclid(400) == 0 =>
        {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// A date from its parts, `None` if there is no such day.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let m = Month::new(year, month)?;
        (day >= 1 && day <= days_in_month(m.year, m.month)).then_some(Date { year, month, day })
    }
    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }
    /// The same day `n` years later (earlier for negative `n`); 29 February becomes 28 February.
    pub fn plus_years(self, n: i32) -> Self {
        let year = (self.year + n).clamp(*YEARS.start(), *YEARS.end());
        Date::new(year, self.month, self.day)
            .or_else(|| Date::new(year, self.month, 28))
            .unwrap_or(self)
    }
    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let mut parts = s.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("\"{s}\" is not a date written like \"2027-04-01\""));
        };
        let year = parse_year(y, s)?;
        let month = parse_two_digits(m, "month", s)?;
        let day = parse_two_digits(d, "day", s)?;
        Date::new(year, month, day).ok_or_else(|| format!("\"{s}\" is not a real calendar date"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
string_serde!(Date, "a date written like \"2027-04-01\"");

/// A moment in UTC to the whole second, written `"2026-11-27T10:15:00Z"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct Timestamp {
    date: Date,
    seconds_of_day: u32,
}

impl Timestamp {
    /// The timestamp `secs` seconds after 1970-01-01T00:00:00Z.
    pub fn from_unix(secs: i64) -> Option<Self> {
        let date = Date::from_days_since_epoch(secs.div_euclid(86_400))?;
        Some(Timestamp {
            date,
            seconds_of_day: secs.rem_euclid(86_400) as u32,
        })
    }
    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix(self) -> i64 {
        self.date.days_since_epoch() * 86_400 + i64::from(self.seconds_of_day)
    }
    /// The current time from the system clock (only the edges of the program call this).
    pub fn now() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Timestamp::from_unix(secs).unwrap_or(Timestamp {
            date: Date {
                year: 1970,
                month: 1,
                day: 1,
            },
            seconds_of_day: 0,
        })
    }
    /// The calendar date (UTC).
    pub fn date(self) -> Date {
        self.date
    }
}

impl FromStr for Timestamp {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("\"{s}\" is not a UTC time written like \"2026-11-27T10:15:00Z\"");
        let (d, t) = s.split_once('T').ok_or_else(bad)?;
        let t = t.strip_suffix('Z').ok_or_else(bad)?;
        let date: Date = d.parse().map_err(|_| bad())?;
        let mut hms = t.split(':');
        let (Some(h), Some(m), Some(sec), None) = (hms.next(), hms.next(), hms.next(), hms.next())
        else {
            return Err(bad());
        };
        let h = parse_two_digits(h, "hour", s)?;
        let m = parse_two_digits(m, "minute", s)?;
        let sec = parse_two_digits(sec, "second", s)?;
        if h > 23 || m > 59 || sec > 59 {
            return Err(bad());
        }
        Ok(Timestamp {
            date,
            seconds_of_day: u32::from(h) * 3600 + u32::from(m) * 60 + u32::from(sec),
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.seconds_of_day;
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date,
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}
string_serde!(
    Timestamp,
    "a UTC time written like \"2026-11-27T10:15:00Z\""
);

/// The id of an item in a list: `[a-z0-9-]{1,40}`, unique within its list and stable for its life.
/// Shared, so the forecast can label thousands of monthly lines without copying it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct ItemId(std::sync::Arc<str>);

impl ItemId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for ItemId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let ok = (1..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(ItemId(s.into()))
        } else {
            Err(format!(
                "\"{s}\" is not an id: use 1 to 40 lower-case letters, digits or hyphens"
            ))
        }
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
string_serde!(ItemId, "an id of lower-case letters, digits and hyphens");

/// A plan's identity: 32 lower-case hex digits made once when the plan is created; copies keep it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(type = "string")]
pub struct PlanId(String);

impl PlanId {
    /// A fresh random plan id.
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)?;
        Ok(PlanId(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PlanId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(PlanId(s.to_owned()))
        } else {
            Err(format!(
                "\"{s}\" is not a plan id: 32 lower-case hexadecimal digits"
            ))
        }
    }
}

impl fmt::Display for PlanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
string_serde!(PlanId, "a plan id of 32 lower-case hexadecimal digits");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_only_within_the_formats_rules() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(Percent::new(d("23.78")).unwrap().to_string(), "23.78");
        assert!(Percent::new(d("100.01"))
            .unwrap_err()
            .contains("out of range"));
        assert!(Percent::new(d("1.23456"))
            .unwrap_err()
            .contains("decimal places"));
        // Trailing zeros are not decimal places that matter.
        assert!(Percent::new(d("1.230000")).is_ok());
        assert!(Money::new(d("-0.01")).is_err());
        assert!(Money::new(d("0.001")).is_err());
        assert!(SignedPercent::new(d("-100")).is_ok());
        assert!(Fte::new(d("100000.0001")).is_err());
    }

    #[test]
    fn money_reads_zero_to_two_decimals_and_writes_two() {
        assert_eq!("1".parse::<Money>().unwrap().to_string(), "1.00");
        assert_eq!("1234.5".parse::<Money>().unwrap().to_string(), "1234.50");
        assert_eq!("0.07".parse::<Money>().unwrap().to_string(), "0.07");
        assert!("1.234"
            .parse::<Money>()
            .unwrap_err()
            .contains("more than 2 decimal"));
        assert!("-1".parse::<Money>().unwrap_err().contains("negative"));
        assert!("1e3".parse::<Money>().is_err());
        assert!(" 1".parse::<Money>().is_err());
        assert!("1,000".parse::<Money>().is_err());
        assert!(".5".parse::<Money>().is_err());
        assert!("".parse::<Money>().is_err());
        assert_eq!("1000000000000".parse::<Money>().unwrap().get(), MONEY_MAX);
        assert!("1000000000000.01"
            .parse::<Money>()
            .unwrap_err()
            .contains("out of range"));
        assert!("99999999999999999999999999"
            .parse::<Money>()
            .unwrap_err()
            .contains("too large"));
    }

    #[test]
    fn percents_have_their_ranges_and_normal_form() {
        assert_eq!("23.7800".parse::<Percent>().unwrap().to_string(), "23.78");
        assert_eq!("100".parse::<Percent>().unwrap().to_string(), "100");
        assert!("100.01".parse::<Percent>().is_err());
        assert!("1.23456".parse::<Percent>().is_err());
        assert_eq!("-100".parse::<SignedPercent>().unwrap().to_string(), "-100");
        assert!("-100.5".parse::<SignedPercent>().is_err());
        assert!("-5".parse::<Percent>().is_err());
    }

    #[test]
    fn months_and_dates_are_strict_and_ordered() {
        let m: Month = "2027-04".parse().unwrap();
        assert_eq!(m.plus(9).unwrap().to_string(), "2028-01");
        assert_eq!(m.plus(-4).unwrap().to_string(), "2026-12");
        assert_eq!(m.months_until("2030-03".parse().unwrap()), 35);
        for bad in [
            "2027-4",
            "2027-13",
            "2027-00",
            "27-04",
            "2027/04",
            "2027-04-01",
            "3000-01",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
        assert!("2028-02-29".parse::<Date>().is_ok());
        assert!("2027-02-29".parse::<Date>().is_err());
        assert!("2100-02-29".parse::<Date>().is_err());
        assert!("2027-04-31".parse::<Date>().is_err());
        let d: Date = "2027-04-01".parse().unwrap();
        assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), Some(d));
        assert_eq!("1970-01-01".parse::<Date>().unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn timestamps_round_trip_and_reject_offsets() {
        let t: Timestamp = "2026-11-27T10:15:00Z".parse().unwrap();
        assert_eq!(t.to_string(), "2026-11-27T10:15:00Z");
        assert_eq!(Timestamp::from_unix(t.unix()), Some(t));
        assert_eq!(
            Timestamp::from_unix(0).unwrap().to_string(),
            "1970-01-01T00:00:00Z"
        );
        for bad in [
            "2026-11-27T10:15:00",
            "2026-11-27T10:15:00+01:00",
            "2026-11-27T10:15Z",
            "2026-11-27T24:00:00Z",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_are_checked() {
        assert!("falls-prevention".parse::<ItemId>().is_ok());
        assert!("Falls".parse::<ItemId>().is_err());
        assert!("".parse::<ItemId>().is_err());
        assert!("a".repeat(41).parse::<ItemId>().is_err());
        assert!("5f0c2a9e8b7d4e31a6c9d2f4b1e07a53".parse::<PlanId>().is_ok());
        assert!("5F0C2A9E8B7D4E31A6C9D2F4B1E07A53"
            .parse::<PlanId>()
            .is_err());
        let id = PlanId::random().unwrap();
        assert!(id.as_str().parse::<PlanId>().is_ok());
    }
}
