//! The bundled fonts and their metrics: what the layout measures is exactly what is drawn.

/// DejaVu Sans (Bitstream Vera licence, in `assets/fonts/`): full Latin coverage, £, – and ŵ ŷ.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A face of the bundled font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    /// The TrueType bytes of the face.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
        }
    }
}

/// Parsed metrics of both faces, with the advances of the first 512 characters (Latin, £, –
/// aside) looked up once: measuring text is most of laying out a printout.
pub struct Fonts {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
    advances: [Vec<u16>; 2],
}

/// Characters below this have their advance kept in [`Fonts::advances`].
const CACHED: u32 = 512;

impl Fonts {
    /// Parses the bundled fonts (they are part of the binary, so this cannot meet user data).
    pub fn load() -> Result<Self, String> {
        let parse = |b| {
            ttf_parser::Face::parse(b, 0).map_err(|e| format!("the bundled font is damaged: {e}"))
        };
        let (regular, bold) = (parse(REGULAR_TTF)?, parse(BOLD_TTF)?);
        let advances = [&regular, &bold].map(|f| {
            (0..CACHED)
                .map(|c| char::from_u32(c).map_or(0, |c| advance(f, c)))
                .collect()
        });
        Ok(Fonts {
            regular,
            bold,
            advances,
        })
    }

    fn face(&self, face: Face) -> &ttf_parser::Face<'static> {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// The width of `text` set in `face` at `size` points, without kerning (as it is drawn).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let f = self.face(face);
        let cached = &self.advances[face as usize];
        let upem = f32::from(f.units_per_em());
        let units: u32 = text
            .chars()
            .map(|c| match cached.get(c as usize) {
                Some(&a) => u32::from(a),
                None => u32::from(advance(f, c)),
            })
            .sum();
        units as f32 * size / upem
    }

    /// Whether the font can draw `c`; anything else would print as an empty box.
    pub fn covers(&self, face: Face, c: char) -> bool {
        c.is_control() || self.face(face).glyph_index(c).is_some()
    }
}

/// The advance of `c` in font units (that of the missing glyph when the font lacks it).
fn advance(f: &ttf_parser::Face<'_>, c: char) -> u16 {
    let gid = f.glyph_index(c).unwrap_or_default();
    f.glyph_hor_advance(gid).unwrap_or_default()
}
