//! The display list: what is on each page, in points from the top-left corner, independent of the
//! PDF library that draws it.

use super::fonts::Face;

/// A4 width in points.
pub const A4_WIDTH: f32 = 595.276;
/// A4 height in points.
pub const A4_HEIGHT: f32 = 841.89;

/// A colour as red, green, blue from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

/// Near-black for body text.
pub const INK: Rgb = Rgb(0.10, 0.12, 0.15);
/// The house blue for headings and rules.
pub const BLUE: Rgb = Rgb(0.14, 0.32, 0.48);
/// Grey for footers and secondary text.
pub const GREY: Rgb = Rgb(0.40, 0.42, 0.45);
/// The draft marking: a dark red that still prints legibly in grey.
pub const RED: Rgb = Rgb(0.66, 0.12, 0.10);

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text whose baseline starts at (`x`, `baseline`).
    Text {
        x: f32,
        baseline: f32,
        face: Face,
        size: f32,
        color: Rgb,
        text: String,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle with its top-left corner at (`x`, `y`).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
}

/// A page and what is on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Page {
    /// An empty A4 portrait page.
    pub fn a4() -> Self {
        Page {
            width: A4_WIDTH,
            height: A4_HEIGHT,
            items: Vec::new(),
        }
    }
}

/// A laid-out document, ready for a backend to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Seconds since 1970 for the document dates: the plan's `saved_at`, never the clock.
    pub date_unix: i64,
    /// 16 bytes for the PDF's `/ID`, derived from the content so equal plans give equal files.
    pub id: [u8; 16],
    pub pages: Vec<Page>,
    /// Outline entries, in document order.
    pub bookmarks: Vec<Bookmark>,
}

/// An entry of the PDF's outline: a heading, its 0-based page index, and its depth (1 for a
/// section; deeper entries nest under the nearest shallower one before them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    pub title: String,
    pub page: usize,
    pub level: u8,
}
