//! The forecast's arithmetic: line formulas evaluated exactly, rounded once to pennies; sums of
//! pennies checked so that an absurd input names the field at fault instead of overflowing.
//!
//! `rust_decimal` holds 28 significant digits, and a line's formula can need more (2.25 %
//! indexation in year 8 is `1.0225^7`, 28 decimal places, times an amount with 2 more). A
//! truncated intermediate such as `5000 / 12` turns an exact half penny into a value just below it
//! and rounds the wrong way, so every formula is evaluated in an exact rational ([`Exact`]) and only
//! its rounded pennies become a `Decimal`.

use super::error::ForecastError;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::ops::{Add, Div, Mul, Sub};

/// A field path for error messages, built only when an error happens.
pub(crate) trait Field {
    fn path(&self) -> String;
}

impl<F: Fn() -> String> Field for F {
    fn path(&self) -> String {
        self()
    }
}

pub(crate) fn overflow(field: &impl Field) -> ForecastError {
    ForecastError::Overflow {
        field: field.path(),
    }
}

pub(crate) fn add(a: Decimal, b: Decimal, field: &impl Field) -> Result<Decimal, ForecastError> {
    a.checked_add(b).ok_or_else(|| overflow(field))
}

pub(crate) fn sub(a: Decimal, b: Decimal, field: &impl Field) -> Result<Decimal, ForecastError> {
    a.checked_sub(b).ok_or_else(|| overflow(field))
}

pub(crate) fn div(a: Decimal, b: Decimal, field: &impl Field) -> Result<Decimal, ForecastError> {
    a.checked_div(b).ok_or_else(|| overflow(field))
}

/// A fraction of two `i128`s, not kept in lowest terms: the line formulas multiply decimals and
/// divide by small numbers, and rounding to pennies needs no reduced form, so most operations are
/// a multiplication or two. An operation that would overflow is retried in lowest terms before
/// the value moves to big integers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frac {
    /// The numerator.
    n: i128,
    /// The denominator, always positive.
    d: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Frac {
    fn reduced(self) -> Frac {
        let g = gcd(self.n, self.d);
        Frac {
            n: self.n / g,
            d: self.d / g,
        }
    }

    fn try_op(a: Frac, b: Frac, op: impl Fn(Frac, Frac) -> Option<Frac>) -> Option<Frac> {
        op(a, b).or_else(|| op(a.reduced(), b.reduced()))
    }

    fn add(a: Frac, b: Frac) -> Option<Frac> {
        Frac::try_op(a, b, |a, b| {
            if a.d == b.d {
                return Some(Frac {
                    n: a.n.checked_add(b.n)?,
                    d: a.d,
                });
            }
            Some(Frac {
                n: a.n.checked_mul(b.d)?.checked_add(b.n.checked_mul(a.d)?)?,
                d: a.d.checked_mul(b.d)?,
            })
        })
    }

    fn mul(a: Frac, b: Frac) -> Option<Frac> {
        Frac::try_op(a, b, |a, b| {
            Some(Frac {
                n: a.n.checked_mul(b.n)?,
                d: a.d.checked_mul(b.d)?,
            })
        })
    }

    fn div(a: Frac, b: Frac) -> Option<Frac> {
        Frac::try_op(a, b, |a, b| {
            let (n, d) = (a.n.checked_mul(b.d)?, a.d.checked_mul(b.n)?);
            Some(if d < 0 {
                Frac {
                    n: n.checked_neg()?,
                    d: d.checked_neg()?,
                }
            } else {
                Frac { n, d }
            })
        })
    }

    fn neg(self) -> Option<Frac> {
        Some(Frac {
            n: self.n.checked_neg()?,
            d: self.d,
        })
    }

    fn cmp(a: Frac, b: Frac) -> Option<Ordering> {
        let x = a.n.checked_mul(b.d)?;
        let y = b.n.checked_mul(a.d)?;
        Some(x.cmp(&y))
    }

    /// Rounded to hundredths, half away from zero: the number of pennies.
    fn pennies(self) -> Option<i128> {
        let n = self.n.checked_mul(100)?;
        let (q, r) = (n / self.d, n % self.d);
        let half_or_more = r.checked_abs()?.checked_mul(2)? >= self.d;
        Some(if half_or_more { q + n.signum() } else { q })
    }

    fn big(self) -> BigRational {
        BigRational::new(BigInt::from(self.n), BigInt::from(self.d))
    }
}

/// An exact rational number: what a line's formula is evaluated in before its one rounding.
///
/// Almost every value fits a [`Frac`] of two `i128`s, which is fast; an operation whose result
/// would not fit moves to big integers, so the value stays exact whatever its size.
#[derive(Debug, Clone)]
pub(crate) enum Exact {
    Small(Frac),
    Big(BigRational),
}

impl Exact {
    pub fn zero() -> Self {
        Exact::int(0)
    }

    pub fn one() -> Self {
        Exact::int(1)
    }

    pub fn int(n: i64) -> Self {
        Exact::Small(Frac {
            n: i128::from(n),
            d: 1,
        })
    }

    /// A decimal, exactly: its mantissa over a power of ten.
    pub fn dec(d: Decimal) -> Self {
        match 10i128.checked_pow(d.scale()) {
            Some(den) => Exact::Small(Frac {
                n: d.mantissa(),
                d: den,
            }),
            None => Exact::Big(BigRational::new(
                BigInt::from(d.mantissa()),
                BigInt::from(10u8).pow(d.scale()),
            )),
        }
    }

    /// `percent / 100`, exactly.
    pub fn percent(p: Decimal) -> Self {
        Exact::dec(p) / Exact::int(100)
    }

    /// `(1 + percent/100)`: a year's growth factor.
    pub fn growth(p: Decimal) -> Self {
        Exact::one() + Exact::percent(p)
    }

    fn to_big(&self) -> BigRational {
        match self {
            Exact::Small(f) => f.big(),
            Exact::Big(b) => b.clone(),
        }
    }

    fn is_negative(&self) -> bool {
        match self {
            Exact::Small(f) => f.n < 0,
            Exact::Big(b) => b.is_negative(),
        }
    }

    fn is_zero(&self) -> bool {
        match self {
            Exact::Small(f) => f.n == 0,
            Exact::Big(b) => b.is_zero(),
        }
    }

    /// `max(0, self)`.
    pub fn at_least_zero(self) -> Self {
        if self.is_negative() {
            Exact::zero()
        } else {
            self
        }
    }

    /// The cash-flow rounding: to pennies, half away from zero. An amount too large for a
    /// `Decimal` is an overflow naming the field.
    pub fn pennies(&self, field: &impl Field) -> Result<Decimal, ForecastError> {
        let pence = match self {
            Exact::Small(f) => f.pennies(),
            Exact::Big(_) => None,
        };
        let pence = match pence {
            Some(p) => Some(p),
            None => (self.to_big() * BigInt::from(100u8))
                .round()
                .to_integer()
                .to_i128(),
        };
        pence
            .and_then(|p| Decimal::try_from_i128_with_scale(p, 2).ok())
            .ok_or_else(|| overflow(field))
    }

    /// Applies `small` to two small values, or `big` when either is big or `small` overflows.
    fn combine(
        &self,
        o: &Exact,
        small: impl Fn(Frac, Frac) -> Option<Frac>,
        big: impl Fn(BigRational, BigRational) -> BigRational,
    ) -> Exact {
        if let (Exact::Small(a), Exact::Small(b)) = (self, o) {
            if let Some(r) = small(*a, *b) {
                return Exact::Small(r);
            }
        }
        Exact::Big(big(self.to_big(), o.to_big()))
    }
}

impl PartialEq for Exact {
    fn eq(&self, o: &Exact) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Exact {}

impl PartialOrd for Exact {
    fn partial_cmp(&self, o: &Exact) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Exact {
    fn cmp(&self, o: &Exact) -> Ordering {
        if let (Exact::Small(a), Exact::Small(b)) = (self, o) {
            if let Some(c) = Frac::cmp(*a, *b).or_else(|| Frac::cmp(a.reduced(), b.reduced())) {
                return c;
            }
        }
        self.to_big().cmp(&o.to_big())
    }
}

impl Add for Exact {
    type Output = Exact;
    fn add(self, o: Exact) -> Exact {
        self.combine(&o, Frac::add, |a, b| a + b)
    }
}

impl Sub for Exact {
    type Output = Exact;
    fn sub(self, o: Exact) -> Exact {
        self.combine(&o, |a, b| Frac::add(a, b.neg()?), |a, b| a - b)
    }
}

impl Mul for Exact {
    type Output = Exact;
    fn mul(self, o: Exact) -> Exact {
        &self * &o
    }
}

impl Mul<&Exact> for &Exact {
    type Output = Exact;
    fn mul(self, o: &Exact) -> Exact {
        self.combine(o, Frac::mul, |a, b| a * b)
    }
}

impl Div for Exact {
    type Output = Exact;
    /// Division by a non-zero divisor; the forecast only divides by 12, 100, counts of months and
    /// loan terms, which reading guarantees are positive.
    fn div(self, o: Exact) -> Exact {
        if o.is_zero() {
            return Exact::zero();
        }
        self.combine(&o, Frac::div, |a, b| a / b)
    }
}

/// `(1 + percent/100)^k` for growing `k`, each power computed once.
pub(crate) struct Growth {
    base: Exact,
    powers: Vec<Exact>,
}

impl Growth {
    pub fn new(percent: Decimal) -> Self {
        Growth {
            base: Exact::growth(percent),
            powers: vec![Exact::one()],
        }
    }

    pub fn at(&mut self, k: u32) -> &Exact {
        while self.powers.len() <= k as usize {
            let next = &self.powers[self.powers.len() - 1] * &self.base;
            self.powers.push(next);
        }
        &self.powers[k as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn overflow_is_an_error_naming_the_field() {
        let field = || "forecast.contracts[big].annual_value".to_string();
        let huge = Exact::dec(Decimal::MAX) * Exact::int(2);
        let e = huge.pennies(&field).unwrap_err();
        assert_eq!(e.path(), "forecast.contracts[big].annual_value");
        assert!(e.to_string().contains("too large"));
        assert!(add(Decimal::MAX, Decimal::ONE, &field).is_err());
        assert!(div(Decimal::ONE, Decimal::ZERO, &field).is_err());
        let mut g = Growth::new(Decimal::ONE_HUNDRED);
        assert_eq!(g.at(10).pennies(&field).unwrap(), Decimal::from(1024));
        assert!(g.at(200).pennies(&field).is_err());
    }

    #[test]
    fn pennies_round_half_away_from_zero() {
        let f = || String::new();
        assert_eq!(Exact::dec(d("8.335")).pennies(&f).unwrap(), d("8.34"));
        assert_eq!(Exact::dec(d("-8.335")).pennies(&f).unwrap(), d("-8.34"));
        assert_eq!(Exact::dec(d("8.334")).pennies(&f).unwrap(), d("8.33"));
    }

    #[test]
    fn an_exact_half_penny_survives_a_division_by_twelve() {
        // (25,750 − 5,000) × 15 × 15 % / 12 = 3,890.625 exactly: Decimal's 5000/12 truncates.
        let f = || String::new();
        let ni = (Exact::dec(d("25750")) - Exact::dec(d("5000")))
            * Exact::int(15)
            * Exact::percent(d("15"))
            / Exact::int(12);
        assert_eq!(ni.pennies(&f).unwrap(), d("3890.63"));
        let truncated = d("15") * (d("25750") / d("12") - d("5000") / d("12")) * d("0.15");
        assert!(truncated < d("3890.625"), "{truncated}");
    }

    #[test]
    fn small_fractions_round_half_away_from_zero_and_compare_exactly() {
        let f = || String::new();
        let third = Exact::int(1) / Exact::int(3);
        assert_eq!(third.pennies(&f).unwrap(), d("0.33"));
        assert_eq!(
            (Exact::int(-1) / Exact::int(3)).pennies(&f).unwrap(),
            d("-0.33")
        );
        assert_eq!(
            (Exact::int(1) / Exact::int(200)).pennies(&f).unwrap(),
            d("0.01")
        );
        assert_eq!(
            (Exact::int(-1) / Exact::int(200)).pennies(&f).unwrap(),
            d("-0.01")
        );
        assert_eq!(
            (Exact::int(1) / Exact::int(-200)).pennies(&f).unwrap(),
            d("-0.01")
        );
        assert!(third.clone() < Exact::dec(d("0.3334")) && third > Exact::dec(d("0.3333")));
        assert_eq!(Exact::int(2) / Exact::int(4), Exact::dec(d("0.5")));
    }

    #[test]
    fn values_too_large_for_i128_stay_exact_in_big_integers() {
        let f = || String::new();
        // 1.0225^40 × £10^12 needs far more than 38 digits on the way.
        let mut g = Growth::new(d("2.25"));
        let v = &Exact::dec(d("1000000000000")) * g.at(40);
        assert!(matches!(v, Exact::Big(_)) || matches!(g.at(40), Exact::Big(_)));
        // 1.0225^40 = 2.4335…; checked against a big-rational evaluation.
        let mut expected = BigRational::from_integer(BigInt::from(1_000_000_000_000i64));
        for _ in 0..40 {
            expected *= BigRational::new(BigInt::from(10225), BigInt::from(10000));
        }
        let cents = (expected * BigInt::from(100))
            .round()
            .to_integer()
            .to_i128()
            .unwrap();
        assert_eq!(
            v.pennies(&f).unwrap(),
            Decimal::from_i128_with_scale(cents, 2)
        );
        assert!(Exact::dec(d("0.1")) < v && v > Exact::zero());
    }
}
