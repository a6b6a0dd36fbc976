//! The only file that talks to printpdf: draws a [`Document`] and saves it deterministically,
//! with the bundled fonts embedded as subsets.

use super::fonts::Face;
use super::layout::{Document, Item, Rgb};
use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};
use std::collections::{BTreeMap, BTreeSet};

fn font_id(face: Face) -> FontId {
    FontId(match face {
        Face::Regular => "MPREGU".into(),
        Face::Bold => "MPBOLD".into(),
    })
}

fn postscript_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "DejaVuSans",
        Face::Bold => "DejaVuSans-Bold",
    }
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// Draws and saves the document. Errors only if a bundled font cannot be subset.
pub fn save(doc: &Document) -> Result<Vec<u8>, String> {
    let mut pdf = PdfDocument::new(&doc.title);
    let info = &mut pdf.metadata.info;
    info.author = doc.author.clone();
    info.subject = doc.subject.clone();
    info.creator = "Mutual Plan".into();
    info.producer = "Mutual Plan".into();
    let date = printpdf::OffsetDateTime::from_unix_timestamp(doc.date_unix)
        .map_err(|_| "the plan's saved date cannot be written in a PDF".to_string())?;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    // Characters each face shows, for subsetting.
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Text { face, text, .. } = item {
                used.entry(*face).or_default().extend(text.chars());
            }
        }
    }
    for (face, chars) in &used {
        let font = subset(*face, chars)?;
        pdf.resources
            .fonts
            .map
            .insert(font_id(*face), PdfFont::new(font));
    }

    let pages = doc
        .pages
        .iter()
        .map(|p| {
            let ops = p.items.iter().flat_map(|i| ops_for(i, p.height)).collect();
            PdfPage::new(
                printpdf::Mm::from(Pt(p.width)),
                printpdf::Mm::from(Pt(p.height)),
                ops,
            )
        })
        .collect();
    pdf.with_pages(pages);
    for (title, page) in &doc.bookmarks {
        pdf.add_bookmark(title, page + 1);
    }

    let opts = PdfSaveOptions {
        subset_fonts: false,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    let id = lopdf::Object::String(doc.id.to_vec(), lopdf::StringFormat::Hexadecimal);
    lo.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| format!("writing the PDF failed: {e}"))?;
    Ok(out)
}

fn ops_for(item: &Item, page_height: f32) -> Vec<Op> {
    match item {
        Item::Text {
            x,
            baseline,
            face,
            size,
            color: c,
            text,
        } => vec![
            Op::StartTextSection,
            Op::SetFillColor { col: color(*c) },
            Op::SetFont {
                font: PdfFontHandle::External(font_id(*face)),
                size: Pt(*size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(*x), Pt(page_height - baseline)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            },
            Op::EndTextSection,
        ],
        Item::Line {
            from,
            to,
            width,
            color: c,
        } => vec![
            Op::SetOutlineColor { col: color(*c) },
            Op::SetOutlineThickness { pt: Pt(*width) },
            Op::DrawLine {
                line: Line {
                    points: [from, to]
                        .iter()
                        .map(|(x, y)| LinePoint {
                            p: Point {
                                x: Pt(*x),
                                y: Pt(page_height - y),
                            },
                            bezier: false,
                        })
                        .collect(),
                    is_closed: false,
                },
            },
        ],
        Item::Rect {
            x,
            y,
            w,
            h,
            color: c,
        } => vec![
            Op::SetFillColor { col: color(*c) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(page_height - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ],
    }
}

/// A subset of `face` holding just `chars`, named with a six-capital tag as PDF readers expect.
/// printpdf's lean build does not subset by itself.
fn subset(face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset as allsorts_subset, CmapTarget, SubsetProfile};

    let mut warnings = Vec::new();
    let full = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
        .ok_or("the bundled font cannot be read")?;
    let mut gids: Vec<u16> = chars
        .iter()
        .filter_map(|&c| full.lookup_glyph_index(c as u32))
        .collect();
    gids.push(0);
    gids.sort_unstable();
    gids.dedup();
    let data = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    let provider = data.table_provider(0).map_err(|e| e.to_string())?;
    let bytes = allsorts_subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| format!("subsetting the font failed: {e}"))?;
    let mut font =
        ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or("the font subset cannot be read")?;
    // The tag must differ between subsets of different content; derive it from the glyphs kept.
    font.font_name = Some(format!(
        "{}+{}",
        subset_tag(face, &gids),
        postscript_name(face)
    ));
    Ok(font)
}

fn subset_tag(face: Face, gids: &[u16]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update([face as u8]);
    for g in gids {
        h.update(g.to_be_bytes());
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}
