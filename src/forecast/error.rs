//! Why a forecast could not be computed.

use thiserror::Error;

/// Why a forecast could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ForecastError {
    /// A value so large that the arithmetic would overflow (rule FIN-03).
    #[error("`{field}`: the figures here are too large to calculate with; check the value")]
    Overflow { field: String },
}

impl ForecastError {
    /// The path of the field at fault, with stable item ids.
    pub fn path(&self) -> &str {
        match self {
            ForecastError::Overflow { field } => field,
        }
    }
}
