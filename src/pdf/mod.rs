//! The printed submission, generated from the plan alone: the same file gives the same bytes.
//!
//! Layout is ours and backend-neutral: [`flow`] places text, tables and charts as a display list
//! ([`layout`]); only `backend.rs` talks to the PDF library.

mod backend;
pub mod chart;
mod document;
pub mod flow;
pub mod fonts;
pub mod layout;
pub mod text;

use crate::checks::analysis::Analysis;
use crate::forecast::Year;
use crate::model::plan::Plan;
use crate::model::plan_file::fingerprint;
use flow::{Flow, LEFT, RIGHT};
use fonts::{Face, Fonts};
use layout::{Document, Item, Page, GREY};
use thiserror::Error;

pub use document::PrintOptions;

/// Why the PDF could not be made.
#[derive(Debug, Error)]
pub enum PdfError {
    /// The bundled font could not be used (a broken build, never the user's data).
    #[error("the PDF could not be made: {0}")]
    Font(String),
    /// A year's balance sheet does not balance: a fault in the forecast, never the user's data.
    /// No sheet that does not balance is ever printed.
    #[error(
        "internal error: the balance sheet at the end of year {year} does not balance (net assets {}, total funds {}), so the PDF was not made",
        crate::words::money::pence(*.net_assets),
        crate::words::money::pence(*.funds)
    )]
    Unbalanced {
        year: u32,
        net_assets: rust_decimal::Decimal,
        funds: rust_decimal::Decimal,
    },
}

/// Whether every year end's balance sheet balances to the penny (net assets equal total funds),
/// as the printed balance sheet must: the first year that does not is the error.
pub fn check_balance_sheets(years: &[Year]) -> Result<(), PdfError> {
    match years.iter().find(|y| !y.balance_sheet.balances()) {
        Some(y) => Err(PdfError::Unbalanced {
            year: y.year,
            net_assets: y.balance_sheet.net_assets,
            funds: y.balance_sheet.funds,
        }),
        None => Ok(()),
    }
}

/// The laid-out submission, before it becomes PDF bytes: pages, outline and where every table
/// row went.
pub struct Laid {
    pub document: Document,
    pub rows: Vec<flow::RowPlacement>,
}

/// The words on every page of a printout of unsaved changes.
pub const UNSAVED_MARK: &str = "Unsaved changes \u{2014} matches no saved file";

/// Lays out the submission for `plan`, with what the core computed for it. Refuses, with
/// [`PdfError::Unbalanced`], a forecast whose balance sheet does not balance at some year end.
pub fn layout(plan: &Plan, analysis: &Analysis, options: &PrintOptions) -> Result<Laid, PdfError> {
    if let Ok((forecast, _)) = &analysis.forecast {
        check_balance_sheets(&forecast.years)?;
    }
    let fonts = Fonts::load().map_err(PdfError::Font)?;
    let fp = fingerprint(plan);
    let draft = crate::checks::submission::draft_reasons(plan, &analysis.findings);
    let mut flow = Flow::new(&fonts);
    document::cover(&mut flow, plan, &fp, &draft);
    flow.new_page(flow::Orientation::Portrait); // the contents, filled in below
    let contents = document::body(&mut flow, plan, analysis, options, &draft);
    document::contents(&mut flow, &contents);
    let mut bookmarks = vec![
        layout::Bookmark {
            title: "Cover".into(),
            page: 0,
            level: 1,
        },
        layout::Bookmark {
            title: "Contents".into(),
            page: 1,
            level: 1,
        },
    ];
    bookmarks.append(&mut flow.bookmarks);
    let rows = std::mem::take(&mut flow.rows);
    let mut pages = flow.pages;
    let total = pages.len();
    let header = if draft.is_empty() {
        plan.title.clone()
    } else {
        format!("Draft \u{2014} {}", plan.title)
    };
    let mark = options.unsaved.then_some(UNSAVED_MARK);
    for (i, page) in pages.iter_mut().enumerate() {
        stamp(&fonts, page, i, total, &fp, &header, mark);
    }
    let document = Document {
        title: plan.title.clone(),
        author: plan.organisation.name.clone(),
        subject: "Business plan for a public service mutual".into(),
        date_unix: plan.saved_at.unix(),
        id: document_id(&fp, plan),
        pages,
        bookmarks,
    };
    Ok(Laid { document, rows })
}

/// Renders the submission as PDF bytes. Deterministic: dates come from `saved_at`, the document
/// id from the fingerprint, fonts and resources are named by us.
pub fn render(plan: &Plan, analysis: &Analysis) -> Result<Vec<u8>, PdfError> {
    render_with(plan, analysis, &PrintOptions::default())
}

/// Renders the submission with the given options.
pub fn render_with(
    plan: &Plan,
    analysis: &Analysis,
    options: &PrintOptions,
) -> Result<Vec<u8>, PdfError> {
    let laid = layout(plan, analysis, options)?;
    backend::save(&laid.document).map_err(PdfError::Font)
}

/// The running header (the plan's title, not on the cover) and the footer on every page: the
/// fingerprint, the unsaved-changes mark when there is one, and "Page N of M".
fn stamp(
    fonts: &Fonts,
    page: &mut Page,
    i: usize,
    total: usize,
    fp: &str,
    title: &str,
    mark: Option<&str>,
) {
    let right_edge = page.width - RIGHT;
    if i > 0 {
        let title = text::printable(fonts, Face::Regular, title);
        let title = text::wrap(fonts, Face::Regular, 7.5, &title, right_edge - LEFT)
            .into_iter()
            .next()
            .unwrap_or_default();
        page.items.push(Item::Text {
            x: LEFT,
            baseline: 40.0,
            face: Face::Regular,
            size: 7.5,
            color: GREY,
            text: title,
        });
        page.items.push(Item::Line {
            from: (LEFT, 46.0),
            to: (right_edge, 46.0),
            width: 0.4,
            color: GREY,
        });
    }
    let y = page.height - 36.0;
    let number = format!("Page {} of {total}", i + 1);
    let x_right = right_edge - fonts.width(Face::Regular, 8.0, &number);
    page.items.push(Item::Line {
        from: (LEFT, y - 12.0),
        to: (right_edge, y - 12.0),
        width: 0.4,
        color: GREY,
    });
    page.items.push(Item::Text {
        x: LEFT,
        baseline: y,
        face: Face::Regular,
        size: 8.0,
        color: GREY,
        text: format!("Fingerprint {fp}"),
    });
    if let Some(mark) = mark {
        // Bold and in the error red, after the fingerprint it qualifies.
        let x = LEFT + fonts.width(Face::Regular, 8.0, &format!("Fingerprint {fp}")) + 12.0;
        page.items.push(Item::Text {
            x,
            baseline: y,
            face: Face::Bold,
            size: 8.0,
            color: layout::RED,
            text: mark.to_owned(),
        });
    }
    page.items.push(Item::Text {
        x: x_right,
        baseline: y,
        face: Face::Regular,
        size: 8.0,
        color: GREY,
        text: number,
    });
}

/// The PDF `/ID`: from the fingerprint and revision, so the same file gives the same bytes.
fn document_id(fp: &str, plan: &Plan) -> [u8; 16] {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{fp}/{}/{}", plan.id, plan.revision).as_bytes());
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    id
}
