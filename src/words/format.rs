//! Values written as people read them, in the window, the CLI, the PDF and the checks' messages:
//! percentages, shares, fractions, months, dates, moments, counts and whole numbers (money has
//! its own module, `words::money`).

use rust_decimal::Decimal;

/// "3/200" for 1.5 (%): a percentage written as the fraction it is, in lowest terms, as HMRC
/// writes the marginal relief fraction; "0" and "1" for none and all.
pub fn fraction(percent: Decimal) -> String {
    let f = (percent / Decimal::ONE_HUNDRED).normalize();
    let (mut num, mut den) = (f.mantissa(), 10i128.pow(f.scale()));
    let gcd = {
        let (mut a, mut b) = (num.abs(), den);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a.max(1)
    };
    num /= gcd;
    den /= gcd;
    if den == 1 {
        num.to_string()
    } else {
        format!("{num}/{den}")
    }
}

/// "23.78%", "100%": a percentage in its normal form.
pub fn percent(d: Decimal) -> String {
    format!("{}%", d.normalize())
}

/// "97.7%": a computed share to one decimal, rounded half away from zero.
pub fn share(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(1);
    format!("{r}%")
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
pub fn moment(t: crate::model::values::Timestamp) -> String {
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
pub fn month_long(m: crate::model::values::Month) -> String {
    format!("{} {}", month_name(m.month()), m.year())
}

/// "Apr 2027", for chart axes.
pub fn month_short(m: crate::model::values::Month) -> String {
    month_long(m).chars().take(3).collect::<String>() + &format!(" {}", m.year())
}

/// "4.0 months", "2.5 months", "−0.4 months": months of costs, always to one decimal (rounded
/// half away from zero) and with a true minus sign, wherever they are shown.
pub fn months(n: Decimal) -> String {
    let mut r = n.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(1);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    format!("{} months", r.to_string().replace('-', "\u{2212}"))
}

/// "1 risk", "3 risks".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 May 2028".
pub fn date_long(d: crate::model::values::Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// "2,086": a whole number with thousands separated by commas.
pub fn whole_number(n: u64) -> String {
    crate::words::money::group_thousands(&n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fraction_reads_as_the_fraction_it_is() {
        assert_eq!(fraction("1.5".parse().unwrap()), "3/200");
        assert_eq!(fraction("2.25".parse().unwrap()), "9/400");
        assert_eq!(fraction("50".parse().unwrap()), "1/2");
        assert_eq!(fraction(Decimal::ZERO), "0");
        assert_eq!(fraction(Decimal::ONE_HUNDRED), "1");
        assert_eq!(fraction("0.0001".parse().unwrap()), "1/1000000");
    }

    #[test]
    fn moments_read_as_words() {
        let t: crate::model::values::Timestamp = "2026-11-27T16:26:03Z".parse().unwrap();
        assert_eq!(moment(t), "27 November 2026 at 16:26 UTC");
        assert_eq!(month_long("2027-04".parse().unwrap()), "April 2027");
        assert_eq!(months(Decimal::ONE), "1.0 months");
        assert_eq!(months("4".parse().unwrap()), "4.0 months");
        assert_eq!(months("-0.4".parse().unwrap()), "−0.4 months");
        assert_eq!(months("2.45".parse().unwrap()), "2.5 months");
        assert_eq!(months("-0.04".parse().unwrap()), "0.0 months");
    }

    #[test]
    fn percents_are_written_in_normal_form() {
        assert_eq!(percent("23.7800".parse().unwrap()), "23.78%");
        assert_eq!(percent(Decimal::ONE_HUNDRED), "100%");
        assert_eq!(share("97.7377".parse().unwrap()), "97.7%");
        assert_eq!(share("80".parse().unwrap()), "80.0%");
        assert_eq!(share("12.25".parse().unwrap()), "12.3%");
    }

    #[test]
    fn dates_and_numbers_read_as_words() {
        assert_eq!(date_long("2028-05-01".parse().unwrap()), "1 May 2028");
        assert_eq!(whole_number(86), "86");
        assert_eq!(whole_number(2086), "2,086");
        assert_eq!(whole_number(1_500_000), "1,500,000");
    }
}
