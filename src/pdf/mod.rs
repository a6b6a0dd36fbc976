//! The printed submission, generated from the plan alone: same file, same bytes.

mod backend;
pub mod fonts;
pub mod layout;
pub mod text;

use crate::plan::Plan;
use crate::plan_file::fingerprint;
use crate::values::Date;
use fonts::{Face, Fonts};
use layout::{Document, Item, Page, BLUE, GREY, INK};
use thiserror::Error;

/// Why the PDF could not be made.
#[derive(Debug, Error)]
pub enum PdfError {
    /// The bundled font could not be used (a broken build, never the user's data).
    #[error("the PDF could not be made: {0}")]
    Font(String),
}

const MARGIN_LEFT: f32 = 70.0; // wide enough for hole-punching
const MARGIN_RIGHT: f32 = 56.0;

/// "20 November 2026".
pub fn long_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
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
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[usize::from(d.month() - 1)],
        d.year()
    )
}

struct Writer<'a> {
    fonts: &'a Fonts,
    page: Page,
    y: f32,
}

impl Writer<'_> {
    fn width(&self) -> f32 {
        self.page.width - MARGIN_LEFT - MARGIN_RIGHT
    }

    fn text(&mut self, face: Face, size: f32, color: layout::Rgb, text: &str, gap_after: f32) {
        let text = text::printable(self.fonts, face, text);
        for line in text::wrap(self.fonts, face, size, &text, self.width()) {
            self.y += size * 1.3;
            self.page.items.push(Item::Text {
                x: MARGIN_LEFT,
                baseline: self.y,
                face,
                size,
                color,
                text: line,
            });
        }
        self.y += gap_after;
    }
}

/// Renders the plan as PDF bytes. Deterministic: dates come from `saved_at`, the document id
/// from the fingerprint.
pub fn render(plan: &Plan) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load().map_err(PdfError::Font)?;
    let fp = fingerprint(plan);
    let org = &plan.organisation;
    let mut w = Writer {
        fonts: &fonts,
        page: Page::a4(),
        y: 90.0,
    };
    w.text(
        Face::Regular,
        11.0,
        GREY,
        "Submission to the Enterprise Incubator Unit",
        18.0,
    );
    w.text(Face::Bold, 22.0, BLUE, &plan.title, 14.0);
    w.text(Face::Bold, 14.0, INK, &org.name, 4.0);
    w.text(Face::Regular, 11.0, INK, org.legal_form.label(), 30.0);
    let saved = if plan.saved_by.is_empty() {
        format!(
            "Revision {}, saved {}",
            plan.revision,
            long_date(plan.saved_at.date())
        )
    } else {
        format!(
            "Revision {}, saved {} by {}",
            plan.revision,
            long_date(plan.saved_at.date()),
            plan.saved_by
        )
    };
    w.text(Face::Regular, 11.0, INK, &saved, 6.0);
    w.text(Face::Bold, 11.0, INK, &format!("Fingerprint {fp}"), 6.0);
    w.text(
        Face::Regular,
        9.0,
        GREY,
        "The fingerprint identifies the content of the plan file this document was printed from: \
         Mutual Plan shows the same fingerprint for the same file.",
        0.0,
    );

    let mut pages = vec![w.page];
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        stamp_footer(&fonts, page, i + 1, total, &fp);
    }

    let doc = Document {
        title: plan.title.clone(),
        author: org.name.clone(),
        subject: "Business plan for a public service mutual".into(),
        date_unix: plan.saved_at.unix(),
        id: document_id(&fp, plan),
        pages,
        bookmarks: vec![("Cover".into(), 0)],
    };
    backend::save(&doc).map_err(PdfError::Font)
}

fn stamp_footer(fonts: &Fonts, page: &mut Page, n: usize, total: usize, fp: &str) {
    let y = page.height - 36.0;
    let right = format!("Page {n} of {total}");
    let x_right = page.width - MARGIN_RIGHT - fonts.width(Face::Regular, 8.0, &right);
    page.items.push(Item::Line {
        from: (MARGIN_LEFT, y - 12.0),
        to: (page.width - MARGIN_RIGHT, y - 12.0),
        width: 0.5,
        color: GREY,
    });
    page.items.push(Item::Text {
        x: MARGIN_LEFT,
        baseline: y,
        face: Face::Regular,
        size: 8.0,
        color: GREY,
        text: format!("Fingerprint {fp}"),
    });
    page.items.push(Item::Text {
        x: x_right,
        baseline: y,
        face: Face::Regular,
        size: 8.0,
        color: GREY,
        text: right,
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
