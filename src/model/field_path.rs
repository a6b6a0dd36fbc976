//! The one way the core names a field of a plan: `forecast.contracts[falls-prevention].end`.
//!
//! Load errors and rule findings both carry a [`FieldPath`], so the window can put any message
//! beside the field it is about. A list item is named by its `id`, which is stable while items are
//! added, removed and reordered; only an item without a usable id is named by its position, written
//! `[#3]` so that it can never be mistaken for an id.

use serde::{Serialize, Serializer};
use serde_json::Value;
use std::fmt;
use ts_rs::TS;

/// One step of a path: an object key, a list item by id, or a list item by position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    Key(String),
    Id(String),
    Index(usize),
}

/// A field or item of a plan, named with stable item ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, TS)]
#[ts(type = "string")]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// The whole plan.
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    /// Whether the path names the whole plan rather than one field.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The steps of the path.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// This path followed by an object key.
    #[must_use]
    pub fn key(mut self, key: &str) -> Self {
        self.0.push(Segment::Key(key.to_owned()));
        self
    }

    /// This path followed by the list item with this id.
    #[must_use]
    pub fn id(mut self, id: &str) -> Self {
        self.0.push(Segment::Id(id.to_owned()));
        self
    }

    /// Reads the written form: keys joined by `.`, `[id]` for an item by id, `[#3]` by position.
    /// Text that is not a path becomes a single key, so no message is ever lost.
    pub fn parse(text: &str) -> Self {
        let mut out = Vec::new();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !key.is_empty() {
                out.push(Segment::Key(key.to_owned()));
            }
            while let Some(body) = rest.strip_prefix('[') {
                let Some(end) = body.find(']') else {
                    return FieldPath(vec![Segment::Key(text.to_owned())]);
                };
                let inner = &body[..end];
                out.push(match inner.strip_prefix('#').map(str::parse::<usize>) {
                    Some(Ok(i)) => Segment::Index(i),
                    _ => Segment::Id(inner.to_owned()),
                });
                rest = &body[end + 1..];
            }
        }
        FieldPath(out)
    }

    /// Converts a path whose list items are named by position (as a JSON reader reports them,
    /// `forecast.staff[3].fte`) into one that names them by id, looking each item up in `doc`.
    /// An item without a usable id keeps its position, written `[#3]`.
    pub fn from_index_path(text: &str, doc: &Value) -> Self {
        let mut out = Vec::new();
        let mut node = Some(doc);
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !key.is_empty() {
                out.push(Segment::Key(key.to_owned()));
                node = node.and_then(|n| n.get(key));
            }
            while let Some(body) = rest.strip_prefix('[') {
                let end = body.find(']').unwrap_or(body.len());
                let index: Option<usize> = body[..end].parse().ok();
                rest = body.get(end + 1..).unwrap_or("");
                let Some(index) = index else {
                    out.push(Segment::Key(body[..end].to_owned()));
                    node = None;
                    continue;
                };
                let item = node.and_then(|n| n.get(index));
                out.push(
                    match item.and_then(|i| i.get("id")).and_then(Value::as_str) {
                        Some(id) if usable_id(id) => Segment::Id(id.to_owned()),
                        _ => Segment::Index(index),
                    },
                );
                node = item;
            }
        }
        FieldPath(out)
    }

    /// The path in written form; the whole plan is written "(top level)" in messages.
    pub fn describe(&self) -> String {
        if self.is_root() {
            "(top level)".into()
        } else {
            self.to_string()
        }
    }
}

/// An id that names its item unambiguously in a path: the characters of item ids and of the fixed
/// section ids, and never empty.
fn usable_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Key(k) if i == 0 => f.write_str(k)?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Id(id) => write!(f, "[{id}]")?,
                Segment::Index(n) => write!(f, "[#{n}]")?,
            }
        }
        Ok(())
    }
}

impl From<&str> for FieldPath {
    fn from(text: &str) -> Self {
        FieldPath::parse(text)
    }
}

impl From<String> for FieldPath {
    fn from(text: String) -> Self {
        FieldPath::parse(&text)
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        *self == FieldPath::parse(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn written_form_round_trips() {
        for text in [
            "title",
            "forecast.contracts[falls-prevention].end",
            "forecast.staff[#3].fte",
            "narrative.sections[executive_summary].text",
            "ownership.groups",
        ] {
            assert_eq!(FieldPath::parse(text).to_string(), text);
        }
        assert_eq!(FieldPath::root().describe(), "(top level)");
    }

    #[test]
    fn positions_become_ids_where_items_have_them() {
        let doc = json!({"forecast": {"staff": [
            {"id": "physio", "fte": "1"},
            {"fte": "2"},
            {"id": "Not An Id", "fte": "3"},
            {"id": "7", "pension": {"scheme": "x"}}
        ]}});
        let p = |s| FieldPath::from_index_path(s, &doc).to_string();
        assert_eq!(p("forecast.staff[0].fte"), "forecast.staff[physio].fte");
        assert_eq!(p("forecast.staff[1].fte"), "forecast.staff[#1].fte");
        assert_eq!(p("forecast.staff[2].fte"), "forecast.staff[#2].fte");
        assert_eq!(
            p("forecast.staff[3].pension.scheme"),
            "forecast.staff[7].pension.scheme"
        );
        assert_eq!(p("forecast.staff[9].fte"), "forecast.staff[#9].fte");
        assert_eq!(p("organisation.name"), "organisation.name");
    }

    #[test]
    fn an_id_made_of_digits_is_not_a_position() {
        let by_id = FieldPath::root().key("forecast").key("staff").id("7");
        assert_eq!(by_id.to_string(), "forecast.staff[7]");
        assert_eq!(FieldPath::parse("forecast.staff[7]"), by_id);
        assert_ne!(FieldPath::parse("forecast.staff[#7]"), by_id);
    }
}
