//! What the window and the printouts show of a plan: the Overview, the ownership figures, the
//! forecast's table and report, findings and readiness as text, review anchors and the review in
//! words.

pub mod analysis_view;
pub mod anchors;
pub mod edited;
pub mod forecast_report;
pub mod forecast_view;
pub mod headroom;
pub mod live_text;
pub mod overview;
pub mod ownership;
pub mod review;
pub mod text_report;
