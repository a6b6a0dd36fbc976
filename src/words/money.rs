//! The one money formatter shared by the CLI, the PDF and the window (en-GB).
//!
//! Negative amounts are written with a true minus sign before the pound sign, `−£12,345`,
//! everywhere, so that a figure reads the same on paper and on screen.

use rust_decimal::{Decimal, RoundingStrategy};

/// The minus sign used for negative amounts (U+2212), not a hyphen.
pub const MINUS: char = '\u{2212}';

/// `£1,234,567`: rounded to whole pounds, half away from zero.
pub fn pounds(d: Decimal) -> String {
    format_money(d, 0)
}

/// `£1,234,567.89`: pounds and pence.
pub fn pence(d: Decimal) -> String {
    format_money(d, 2)
}

fn format_money(d: Decimal, dp: u32) -> String {
    let r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = r.is_sign_negative() && !r.is_zero();
    let mut abs = r.abs();
    abs.rescale(dp);
    let text = abs.to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 6);
    if negative {
        out.push(MINUS);
    }
    out.push('£');
    out.push_str(&group_thousands(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// "1234567" → "1,234,567": digits grouped in threes, for money and for counts.
pub(crate) fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_en_gb_with_one_negative_style() {
        assert_eq!(pounds(d("1234567")), "£1,234,567");
        assert_eq!(pounds(d("999")), "£999");
        assert_eq!(pounds(d("1000")), "£1,000");
        assert_eq!(pounds(d("0")), "£0");
        assert_eq!(pounds(d("-12345")), "−£12,345");
        assert_eq!(pounds(d("0.5")), "£1");
        assert_eq!(pounds(d("-0.4")), "£0");
        assert_eq!(pence(d("1234.5")), "£1,234.50");
        assert_eq!(pence(d("-0.01")), "−£0.01");
        assert_eq!(pence(d("1000000000000")), "£1,000,000,000,000.00");
    }
}
