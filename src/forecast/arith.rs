//! Checked decimal arithmetic that names the field at fault when it overflows.

use super::ForecastError;
use rust_decimal::{Decimal, RoundingStrategy};

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

pub(crate) fn mul(a: Decimal, b: Decimal, field: &impl Field) -> Result<Decimal, ForecastError> {
    a.checked_mul(b).ok_or_else(|| overflow(field))
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

/// The cash-flow rounding: to pennies, half away from zero.
pub(crate) fn pennies(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `percent / 100`.
pub(crate) fn frac(percent: Decimal) -> Decimal {
    percent / Decimal::ONE_HUNDRED
}

/// `(1 + percent/100)^k` for growing `k`, each power computed once.
pub(crate) struct Growth {
    base: Decimal,
    powers: Vec<Decimal>,
}

impl Growth {
    pub fn new(percent: Decimal, field: &impl Field) -> Result<Self, ForecastError> {
        Ok(Growth {
            base: add(Decimal::ONE, frac(percent), field)?,
            powers: vec![Decimal::ONE],
        })
    }

    pub fn at(&mut self, k: u32, field: &impl Field) -> Result<Decimal, ForecastError> {
        while self.powers.len() <= k as usize {
            let last = self.powers[self.powers.len() - 1];
            self.powers.push(mul(last, self.base, field)?);
        }
        Ok(self.powers[k as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_an_error_naming_the_field() {
        let field = || "forecast.contracts[big].annual_value".to_string();
        let e = mul(Decimal::MAX, Decimal::TWO, &field).unwrap_err();
        assert_eq!(e.path(), "forecast.contracts[big].annual_value");
        assert!(e.to_string().contains("too large"));
        assert!(add(Decimal::MAX, Decimal::ONE, &field).is_err());
        assert!(div(Decimal::ONE, Decimal::ZERO, &field).is_err());
        let mut g = Growth::new(Decimal::ONE_HUNDRED, &field).unwrap();
        assert_eq!(g.at(10, &field).unwrap(), Decimal::from(1024));
        assert!(g.at(200, &field).is_err());
    }

    #[test]
    fn pennies_round_half_away_from_zero() {
        assert_eq!(pennies(Decimal::new(8335, 3)), Decimal::new(834, 2));
        assert_eq!(pennies(Decimal::new(-8335, 3)), Decimal::new(-834, 2));
        assert_eq!(pennies(Decimal::new(8334, 3)), Decimal::new(833, 2));
    }
}
