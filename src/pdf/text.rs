//! Measuring and wrapping text with the bundled font's metrics.

use super::fonts::{Face, Fonts};

/// Splits `text` into lines no wider than `width` points. Words longer than a line are broken
/// between characters, so no text is ever lost or runs off the page.
pub fn wrap(fonts: &Fonts, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if fonts.width(face, size, &candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fonts.width(face, size, word) <= width {
            line = word.to_owned();
        } else {
            for c in word.chars() {
                line.push(c);
                if fonts.width(face, size, &line) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` with any character the font cannot draw replaced by `?`, so nothing prints as a blank box.
pub fn printable(fonts: &Fonts, face: Face, text: &str) -> String {
    text.chars()
        .map(|c| if fonts.covers(face, c) { c } else { '?' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_within_width_and_keeps_every_word_in_order() {
        let fonts = Fonts::load().unwrap();
        let text = "Eighty-six therapists and support staff will leave the trust on 1 April 2027 \
                    to run adult community therapy as an employee-owned company. Supercalifragilisticexpialidocious-and-then-some-more-words";
        let lines = wrap(&fonts, Face::Regular, 10.0, text, 120.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(fonts.width(Face::Regular, 10.0, l) <= 120.0, "{l}");
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn welsh_and_money_characters_are_covered() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(
            printable(&fonts, Face::Bold, "£ – ‘’ “” ŵŷâ é ö"),
            "£ – ‘’ “” ŵŷâ é ö"
        );
        assert_eq!(printable(&fonts, Face::Regular, "\u{10FFFD}"), "?");
    }
}
