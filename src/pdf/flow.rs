//! Flowing content onto pages: headings kept with what follows, paragraphs and bullets broken
//! across pages without widows or orphans, tables split between rows with their header repeated,
//! and a cursor that knows how much room is left.

use super::fonts::{Face, Fonts};
use super::layout::{Item, Page, Rgb, A4_HEIGHT, A4_WIDTH, BLUE, GREY, INK};
use super::text::{printable, wrap};

/// Page margins in points: wide on the left for hole-punching.
pub const LEFT: f32 = 70.0;
pub const RIGHT: f32 = 56.0;
pub const TOP: f32 = 68.0;
pub const BOTTOM: f32 = 72.0;

/// Body text size and line height.
pub const BODY: f32 = 10.0;
pub const LEADING: f32 = 1.38;

/// A page's orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: its title, its share of the width, and its alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn left(title: &str, weight: f32) -> Self {
        Column {
            title: title.into(),
            weight,
            align: Align::Left,
        }
    }
    pub fn right(title: &str, weight: f32) -> Self {
        Column {
            title: title.into(),
            weight,
            align: Align::Right,
        }
    }
}

/// Where a table row was placed, for checking that no row is split across pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowPlacement {
    pub page: usize,
    pub top: f32,
    pub bottom: f32,
}

/// The flow of content onto pages.
pub struct Flow<'f> {
    fonts: &'f Fonts,
    pub pages: Vec<Page>,
    y: f32,
    /// Outline entries: the headings of levels 1 and 2, with their pages.
    pub bookmarks: Vec<super::layout::Bookmark>,
    /// Every table row placed, in order.
    pub rows: Vec<RowPlacement>,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Flow {
            fonts,
            pages: Vec::new(),
            y: TOP,
            bookmarks: Vec::new(),
            rows: Vec::new(),
        }
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// Starts a new page.
    pub fn new_page(&mut self, orientation: Orientation) {
        let page = match orientation {
            Orientation::Portrait => Page::a4(),
            Orientation::Landscape => Page {
                width: A4_HEIGHT,
                height: A4_WIDTH,
                items: Vec::new(),
            },
        };
        self.pages.push(page);
        self.y = TOP;
    }

    fn orientation(&self) -> Orientation {
        match self.pages.last() {
            Some(p) if p.width > p.height => Orientation::Landscape,
            _ => Orientation::Portrait,
        }
    }

    /// The index of the current page.
    pub fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// The width available for content.
    pub fn width(&self) -> f32 {
        self.pages.last().map_or(A4_WIDTH, |p| p.width) - LEFT - RIGHT
    }

    fn bottom(&self) -> f32 {
        self.pages.last().map_or(A4_HEIGHT, |p| p.height) - BOTTOM
    }

    /// Room left on the current page, in points.
    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }

    /// The cursor, in points from the top of the page.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Starts a new page (of the same orientation) unless `height` still fits.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.remaining() < height {
            let o = self.orientation();
            self.new_page(o);
        }
    }

    pub fn space(&mut self, h: f32) {
        if self.y > TOP {
            self.y += h;
        }
    }

    /// Draws an item on the current page.
    pub fn draw(&mut self, item: Item) {
        if self.pages.is_empty() {
            self.new_page(Orientation::Portrait);
        }
        if let Some(p) = self.pages.last_mut() {
            p.items.push(item);
        }
    }

    /// One line of text at the cursor's baseline, advancing the cursor.
    fn line(&mut self, x: f32, face: Face, size: f32, color: Rgb, text: String) {
        self.y += size * LEADING;
        let baseline = self.y - size * 0.3;
        self.draw(Item::Text {
            x,
            baseline,
            face,
            size,
            color,
            text,
        });
    }

    /// Text placed at an exact position (the cursor does not move).
    pub fn text_at(
        &mut self,
        x: f32,
        baseline: f32,
        face: Face,
        size: f32,
        color: Rgb,
        text: &str,
    ) {
        let text = printable(self.fonts, face, text);
        self.draw(Item::Text {
            x,
            baseline,
            face,
            size,
            color,
            text,
        });
    }

    /// A heading, kept on the same page as at least three lines of what follows. Level 1 starts
    /// a bookmark.
    pub fn heading(&mut self, level: u8, text: &str) -> usize {
        self.heading_with(level, text, 3.0 * BODY * LEADING)
    }

    /// A heading kept on the same page as the next `keep` points (a chart, say).
    pub fn heading_with(&mut self, level: u8, text: &str, keep: f32) -> usize {
        let (size, before) = match level {
            1 => (16.0, 10.0),
            2 => (12.5, 8.0),
            _ => (10.5, 6.0),
        };
        let lines = wrap(
            self.fonts,
            Face::Bold,
            size,
            &printable(self.fonts, Face::Bold, text),
            self.width(),
        );
        let height = before + lines.len() as f32 * size * LEADING + keep + 6.0;
        self.ensure(height);
        self.space(before);
        for l in lines {
            self.line(
                LEFT,
                Face::Bold,
                size,
                if level <= 2 { BLUE } else { INK },
                l,
            );
        }
        self.y += 4.0;
        if level <= 2 {
            self.bookmarks.push(super::layout::Bookmark {
                title: text.to_owned(),
                page: self.page_index(),
                level,
            });
        }
        self.page_index()
    }

    /// A paragraph, broken across pages with at least two lines on each side of a break.
    pub fn paragraph(&mut self, text: &str, face: Face, size: f32, color: Rgb) {
        self.indented(text, face, size, color, 0.0, None);
    }

    /// A bullet point: a dash hanging in the margin, the text indented.
    pub fn bullet(&mut self, text: &str) {
        self.indented(text, Face::Regular, BODY, INK, 14.0, Some("–"));
    }

    fn indented(
        &mut self,
        text: &str,
        face: Face,
        size: f32,
        color: Rgb,
        indent: f32,
        marker: Option<&str>,
    ) {
        if self.pages.is_empty() {
            self.new_page(Orientation::Portrait);
        }
        let text = printable(self.fonts, face, text);
        let lines = wrap(self.fonts, face, size, &text, self.width() - indent);
        let lh = size * LEADING;
        let mut i = 0;
        let mut first = true;
        while i < lines.len() {
            let fit = (self.remaining() / lh).floor().max(0.0) as usize;
            let left = lines.len() - i;
            let take = if fit >= left {
                left
            } else {
                // At least two lines on each side of a page break (no orphans, no widows); on an
                // empty page, whatever fits.
                let take = fit.min(left.saturating_sub(2));
                if take >= 2 {
                    take
                } else if self.y <= TOP {
                    fit.max(1)
                } else {
                    0
                }
            };
            if take == 0 {
                let o = self.orientation();
                self.new_page(o);
                continue;
            }
            for line in &lines[i..i + take] {
                if first {
                    if let Some(m) = marker {
                        let y = self.y + size * LEADING - size * 0.3;
                        self.draw(Item::Text {
                            x: LEFT + 3.0,
                            baseline: y,
                            face,
                            size,
                            color: GREY,
                            text: m.into(),
                        });
                    }
                    first = false;
                }
                self.line(LEFT + indent, face, size, color, line.clone());
            }
            i += take;
            if i < lines.len() {
                let o = self.orientation();
                self.new_page(o);
            }
        }
        self.y += size * 0.5;
    }

    /// Narrative text: paragraphs separated by blank lines; lines starting `- ` are bullets.
    pub fn narrative(&mut self, text: &str) {
        for block in text.split("\n\n") {
            let block = block.trim();
            if block.is_empty() {
                continue;
            }
            let mut plain = Vec::new();
            for line in block.lines() {
                if let Some(item) = line.trim_start().strip_prefix("- ") {
                    if !plain.is_empty() {
                        self.paragraph(&plain.join(" "), Face::Regular, BODY, INK);
                        plain.clear();
                    }
                    self.bullet(item);
                } else {
                    plain.push(line.trim());
                }
            }
            if !plain.is_empty() {
                self.paragraph(&plain.join(" "), Face::Regular, BODY, INK);
            }
        }
    }

    /// A table: rows never split across pages, the header repeated on every page it spans,
    /// figures right-aligned, cells wrapped within their columns.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>], size: f32) {
        if self.pages.is_empty() {
            self.new_page(Orientation::Portrait);
        }
        let pad = 3.5;
        let widths = self.column_widths(columns, rows, size, pad);
        let lh = size * LEADING;
        let wrap_cells = |face: Face, cells: &[String]| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| {
                    wrap(
                        self.fonts,
                        face,
                        size,
                        &printable(self.fonts, face, c),
                        w - 2.0 * pad,
                    )
                })
                .collect()
        };
        let titles: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
        let header = wrap_cells(Face::Bold, &titles);
        let height = |cells: &[Vec<String>]| {
            cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad
        };
        let header_h = height(&header);
        let wrapped: Vec<Vec<Vec<String>>> =
            rows.iter().map(|r| wrap_cells(Face::Regular, r)).collect();
        let header_fill = Some(Rgb(0.87, 0.92, 0.96));
        self.ensure(header_h + wrapped.first().map_or(0.0, |r| height(r)));
        self.draw_row(
            columns,
            &widths,
            &header,
            Face::Bold,
            size,
            header_h,
            header_fill,
        );
        for (n, cells) in wrapped.iter().enumerate() {
            let h = height(cells);
            if self.remaining() < h {
                let o = self.orientation();
                self.new_page(o);
                self.draw_row(
                    columns,
                    &widths,
                    &header,
                    Face::Bold,
                    size,
                    header_h,
                    header_fill,
                );
            }
            let stripe = (n % 2 == 1).then_some(Rgb(0.965, 0.972, 0.98));
            let top = self.y;
            self.draw_row(columns, &widths, cells, Face::Regular, size, h, stripe);
            self.rows.push(RowPlacement {
                page: self.page_index(),
                top,
                bottom: self.y,
            });
        }
        self.y += 8.0;
    }

    /// Column widths: each at least its longest word (and, for right-aligned figures, its longest
    /// cell, so a number is never split), the rest shared by weight. Only when even that cannot
    /// fit are columns squeezed, and then long words break between letters.
    fn column_widths(
        &self,
        columns: &[Column],
        rows: &[Vec<String>],
        size: f32,
        pad: f32,
    ) -> Vec<f32> {
        let width = self.width();
        let longest = |face: Face, text: &str, whole: bool| -> f32 {
            if whole {
                self.fonts.width(face, size, text)
            } else {
                text.split_whitespace()
                    .map(|w| self.fonts.width(face, size, w))
                    .fold(0.0, f32::max)
            }
        };
        let mins: Vec<f32> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let header = longest(Face::Bold, &c.title, false);
                let cells = rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|t| longest(Face::Regular, t, c.align == Align::Right))
                    .fold(0.0, f32::max);
                // Words longer than a third of the page may break rather than starve the others.
                header.max(cells).min(width / 3.0) + 2.0 * pad + 0.5
            })
            .collect();
        let min_total: f32 = mins.iter().sum();
        if min_total >= width {
            return mins.iter().map(|m| m * width / min_total).collect();
        }
        // Share the width by weight, but never below a column's minimum: columns pinned at their
        // minimum leave the rest to the others.
        let mut pinned = vec![false; columns.len()];
        loop {
            let free_width = width
                - mins
                    .iter()
                    .zip(&pinned)
                    .filter(|(_, p)| **p)
                    .map(|(m, _)| m)
                    .sum::<f32>();
            let free_weight: f32 = columns
                .iter()
                .zip(&pinned)
                .filter(|(_, p)| !**p)
                .map(|(c, _)| c.weight)
                .sum::<f32>()
                .max(f32::EPSILON);
            let widths: Vec<f32> = columns
                .iter()
                .zip(&mins)
                .zip(&pinned)
                .map(|((c, m), p)| {
                    if *p {
                        *m
                    } else {
                        free_width * c.weight / free_weight
                    }
                })
                .collect();
            let newly: Vec<usize> = widths
                .iter()
                .zip(&mins)
                .enumerate()
                .filter(|(i, (w, m))| !pinned[*i] && w < m)
                .map(|(i, _)| i)
                .collect();
            if newly.is_empty() {
                return widths;
            }
            for i in newly {
                pinned[i] = true;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_row(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        cells: &[Vec<String>],
        face: Face,
        size: f32,
        h: f32,
        fill: Option<Rgb>,
    ) {
        let top = self.y;
        let width: f32 = widths.iter().sum();
        if let Some(color) = fill {
            self.draw(Item::Rect {
                x: LEFT,
                y: top,
                w: width,
                h,
                color,
            });
        }
        let pad = 3.5;
        let lh = size * LEADING;
        let mut x = LEFT;
        for ((col, w), lines) in columns.iter().zip(widths).zip(cells) {
            for (k, line) in lines.iter().enumerate() {
                let baseline = top + pad + (k as f32 + 1.0) * lh - size * 0.3;
                let tx = match col.align {
                    Align::Left => x + pad,
                    Align::Right => x + w - pad - self.fonts.width(face, size, line),
                };
                self.draw(Item::Text {
                    x: tx,
                    baseline,
                    face,
                    size,
                    color: INK,
                    text: line.clone(),
                });
            }
            x += w;
        }
        self.draw(Item::Line {
            from: (LEFT, top + h),
            to: (LEFT + width, top + h),
            width: 0.4,
            color: Rgb(0.8, 0.84, 0.88),
        });
        self.y = top + h;
    }

    /// A label and a value on one line, the value right-aligned: for headline figures.
    pub fn figure(&mut self, label: &str, value: &str) {
        self.ensure(BODY * LEADING * 1.3);
        self.y += BODY * LEADING * 1.2;
        let baseline = self.y - BODY * 0.3;
        let label = printable(self.fonts, Face::Regular, label);
        let value = printable(self.fonts, Face::Bold, value);
        let x = LEFT + self.width() - self.fonts.width(Face::Bold, BODY, &value);
        self.draw(Item::Text {
            x: LEFT,
            baseline,
            face: Face::Regular,
            size: BODY,
            color: INK,
            text: label,
        });
        self.draw(Item::Text {
            x,
            baseline,
            face: Face::Bold,
            size: BODY,
            color: INK,
            text: value,
        });
        let y = self.y + 2.0;
        self.draw(Item::Line {
            from: (LEFT, y),
            to: (LEFT + self.width(), y),
            width: 0.3,
            color: Rgb(0.85, 0.88, 0.91),
        });
    }

    /// Reserves `h` points at the cursor (starting a page if needed) and returns their top.
    pub fn reserve(&mut self, h: f32) -> f32 {
        self.ensure(h);
        let top = self.y;
        self.y += h;
        top
    }
}
