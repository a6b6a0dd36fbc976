//! Mentor review as pure functions of the plan: comments anchored to a part of the plan, replies,
//! resolving and reopening, and sign-offs bound to the fingerprint of the content signed; and the
//! window's view of them in words (what each comment is about, who wrote it and when, whether a
//! sign-off is of this version). Only `review` ever changes here, never the plan's content.

use crate::model::catalogue;
use crate::model::field_path::FieldPath;
use crate::model::plan::{Comment, Plan, Reply, Review, ReviewerRole, Signoff};
use crate::model::plan_file::fingerprint;
use crate::model::values::{ItemId, Timestamp};
use crate::words::format::month_name;
use crate::words::labels::reviewer_role;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who is commenting or signing, as set once in the user's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer {
    pub name: String,
    pub role: ReviewerRole,
}

/// Why a review action was refused, in words a reviewer can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("say who you are first (Review → Who You Are…): your name is written on every comment and sign-off")]
    NoName,
    #[error("write something first: an empty comment or reply is not kept")]
    Empty,
    #[error("that comment is no longer in the plan")]
    NoSuchComment,
    #[error("\"{0}\" does not name a part of the plan that can be commented on")]
    BadAnchor(String),
}

/// One thing a reviewer does; each returns the plan's new `review`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ReviewAction {
    /// A new comment on what `anchor` names (`contract:community-therapy`, `section:market`).
    Comment { anchor: String, text: String },
    /// A reply to the comment with id `comment`.
    Reply { comment: String, text: String },
    /// Marks a comment resolved, or reopens it.
    Resolve { comment: String, resolved: bool },
    /// Signs off the plan as it is now.
    SignOff,
}

/// What the reviewer signs, naming whom the plan is submitted to.
pub fn statement(plan: &Plan) -> String {
    let to = plan.addressee.trim();
    let to = if to.is_empty() {
        "the Enterprise Incubator Unit"
    } else {
        to
    };
    format!("I have reviewed this plan with the team and support its submission to {to}.")
}

fn stamp(who: &Reviewer) -> Result<String, ReviewError> {
    let name = who.name.trim();
    if name.is_empty() {
        Err(ReviewError::NoName)
    } else {
        Ok(name.to_owned())
    }
}

fn said(text: &str) -> Result<String, ReviewError> {
    let t = text.trim();
    if t.is_empty() {
        Err(ReviewError::Empty)
    } else {
        Ok(t.to_owned())
    }
}

/// The first `c-N` not yet taken by a comment.
fn next_id(review: &Review) -> ItemId {
    (1..)
        .map(|n| format!("c-{n}"))
        .find(|id| review.comments.iter().all(|c| c.id.as_str() != id))
        .and_then(|id| id.parse().ok())
        .expect("c-N is always a valid id")
}

fn comment_mut<'a>(review: &'a mut Review, id: &str) -> Result<&'a mut Comment, ReviewError> {
    review
        .comments
        .iter_mut()
        .find(|c| c.id.as_str() == id)
        .ok_or(ReviewError::NoSuchComment)
}

/// Whether `anchor` has the form of an anchor (`kind:id` of a known kind).
fn well_formed(anchor: &str) -> bool {
    anchor
        .split_once(':')
        .is_some_and(|(kind, id)| !id.is_empty() && catalogue::is_anchor_kind(kind))
}

/// Adds a comment on what `anchor` names, stamped with who and when; returns its id.
pub fn add_comment(
    review: &mut Review,
    anchor: &str,
    text: &str,
    who: &Reviewer,
    now: Timestamp,
) -> Result<ItemId, ReviewError> {
    let author = stamp(who)?;
    let text = said(text)?;
    if !well_formed(anchor) {
        return Err(ReviewError::BadAnchor(anchor.to_owned()));
    }
    let id = next_id(review);
    review.comments.push(Comment {
        id: id.clone(),
        author,
        role: who.role,
        at: now,
        anchor: anchor.to_owned(),
        text,
        resolved: false,
        replies: Vec::new(),
    });
    Ok(id)
}

/// Adds a reply to the comment `comment`, stamped with who and when.
pub fn reply(
    review: &mut Review,
    comment: &str,
    text: &str,
    who: &Reviewer,
    now: Timestamp,
) -> Result<(), ReviewError> {
    let author = stamp(who)?;
    let text = said(text)?;
    comment_mut(review, comment)?.replies.push(Reply {
        author,
        role: who.role,
        at: now,
        text,
    });
    Ok(())
}

/// Marks the comment `comment` resolved, or reopens it.
pub fn set_resolved(review: &mut Review, comment: &str, resolved: bool) -> Result<(), ReviewError> {
    comment_mut(review, comment)?.resolved = resolved;
    Ok(())
}

/// Signs off the plan as it is: who, role, when, its revision and the fingerprint of its content.
pub fn sign_off(plan: &mut Plan, who: &Reviewer, now: Timestamp) -> Result<(), ReviewError> {
    let by = stamp(who)?;
    let signoff = Signoff {
        by,
        role: reviewer_role(who.role).to_owned(),
        at: now,
        revision: plan.revision,
        fingerprint: fingerprint(plan),
        statement: statement(plan),
    };
    plan.review.signoffs.push(signoff);
    Ok(())
}

/// Does `action` to the plan's review; the plan's content is left as it is.
pub fn apply(
    plan: &mut Plan,
    action: &ReviewAction,
    who: &Reviewer,
    now: Timestamp,
) -> Result<(), ReviewError> {
    match action {
        ReviewAction::Comment { anchor, text } => {
            add_comment(&mut plan.review, anchor, text, who, now).map(|_| ())
        }
        ReviewAction::Reply { comment, text } => reply(&mut plan.review, comment, text, who, now),
        ReviewAction::Resolve { comment, resolved } => {
            set_resolved(&mut plan.review, comment, *resolved)
        }
        ReviewAction::SignOff => sign_off(plan, who, now),
    }
}

/// The review as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewView {
    pub comments: Vec<CommentView>,
    pub signoffs: Vec<SignoffView>,
    /// "3 comments, 1 open" or "No comments yet".
    pub summary: String,
    /// The anchor kind of each list of items, so a list can name its items' anchors.
    pub lists: Vec<ListAnchor>,
    /// What a sign-off will say, for the reviewer to read before signing.
    pub statement: String,
}

/// A list of the plan and the anchor kind of its items (`forecast.contracts` → `contract`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ListAnchor {
    pub list: String,
    pub kind: String,
}

/// A comment in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommentView {
    pub id: String,
    pub anchor: String,
    /// What it is about: "Contract: Adult community therapy".
    pub subject: String,
    /// What it was about is no longer in the plan; the comment is kept and shown.
    pub orphaned: bool,
    /// The field to open for it in the editor, when it names one.
    pub path: Option<String>,
    pub author: String,
    /// "Mentor".
    pub role: String,
    /// "22 November 2026 at 09:30", in the window's local time.
    pub at: String,
    pub text: String,
    pub resolved: bool,
    /// "Open" or "Resolved".
    pub status: String,
    pub replies: Vec<ReplyView>,
    /// "1 reply", "3 replies", or empty when there are none.
    pub replies_words: String,
}

/// A reply in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReplyView {
    pub author: String,
    pub role: String,
    pub at: String,
    pub text: String,
}

/// A sign-off in words, and whether it is of the plan as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SignoffView {
    pub by: String,
    pub role: String,
    pub at: String,
    pub revision: u32,
    pub fingerprint: String,
    pub statement: String,
    /// The fingerprint signed is this content's.
    pub current: bool,
    /// "Signed this version" or "Signed revision 3, an earlier version — not this one".
    pub status: String,
}

/// "24 November 2026 at 15:10": a moment in the window's local time, `offset_minutes` east of UTC.
pub fn local_moment(t: Timestamp, offset_minutes: i32) -> String {
    let local = Timestamp::from_unix(t.unix() + i64::from(offset_minutes) * 60).unwrap_or(t);
    let d = local.date();
    let secs = local.unix().rem_euclid(86_400);
    format!(
        "{} {} {} at {:02}:{:02}",
        d.day(),
        month_name(d.month()),
        d.year(),
        secs / 3600,
        secs / 60 % 60
    )
}

/// The field the editor opens for `anchor`: a section's text, or a list item.
pub fn anchor_path(anchor: &str) -> Option<FieldPath> {
    let (kind, id) = anchor.split_once(':')?;
    if kind == "section" {
        return Some(FieldPath::parse("narrative.sections").id(id).key("text"));
    }
    let list = catalogue::list_of_anchor(kind)?;
    Some(FieldPath::parse(list.path).id(id))
}

/// The review of `plan` as the window shows it, times in local time `offset_minutes` east of UTC.
pub fn view(plan: &Plan, offset_minutes: i32) -> ReviewView {
    let at = |t| local_moment(t, offset_minutes);
    let comments: Vec<CommentView> = plan
        .review
        .comments
        .iter()
        .map(|c| {
            let subject = crate::show::anchors::describe(plan, &c.anchor);
            CommentView {
                id: c.id.as_str().to_owned(),
                anchor: c.anchor.clone(),
                path: (!subject.orphaned)
                    .then(|| anchor_path(&c.anchor).map(|p| p.to_string()))
                    .flatten(),
                subject: subject.words,
                orphaned: subject.orphaned,
                author: c.author.clone(),
                role: reviewer_role(c.role).to_owned(),
                at: at(c.at),
                text: c.text.clone(),
                resolved: c.resolved,
                status: if c.resolved { "Resolved" } else { "Open" }.to_owned(),
                replies_words: match c.replies.len() {
                    0 => String::new(),
                    1 => "1 reply".to_owned(),
                    n => format!("{n} replies"),
                },
                replies: c
                    .replies
                    .iter()
                    .map(|r| ReplyView {
                        author: r.author.clone(),
                        role: reviewer_role(r.role).to_owned(),
                        at: at(r.at),
                        text: r.text.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let now = fingerprint(plan);
    let signoffs = plan
        .review
        .signoffs
        .iter()
        .map(|s| {
            let current = s.fingerprint == now;
            SignoffView {
                by: s.by.clone(),
                role: s.role.clone(),
                at: at(s.at),
                revision: s.revision,
                fingerprint: s.fingerprint.clone(),
                statement: s.statement.clone(),
                current,
                status: if current {
                    "Signed this version".to_owned()
                } else {
                    format!(
                        "Signed revision {}, an earlier version — not this one",
                        s.revision
                    )
                },
            }
        })
        .collect();
    let open = comments.iter().filter(|c| !c.resolved).count();
    let summary = match comments.len() {
        0 => "No comments yet".to_owned(),
        1 => format!("1 comment, {}", if open == 1 { "open" } else { "resolved" }),
        n => format!("{n} comments, {open} open"),
    };
    ReviewView {
        comments,
        signoffs,
        summary,
        lists: catalogue::LISTS
            .iter()
            .map(|l| ListAnchor {
                list: l.path.to_owned(),
                kind: l.anchor.to_owned(),
            })
            .collect(),
        statement: statement(plan),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::model::samples::riverside().unwrap()
    }

    fn jan() -> Reviewer {
        Reviewer {
            name: " Jan Morris ".into(),
            role: ReviewerRole::Mentor,
        }
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn a_comment_is_stamped_with_who_when_and_a_fresh_id() {
        let mut p = plan();
        let id = add_comment(
            &mut p.review,
            "staff:physio",
            "  Is the pay award right?  ",
            &jan(),
            at("2026-11-27T10:00:00Z"),
        )
        .unwrap();
        assert_eq!(id.as_str(), "c-2", "c-1 is taken by the sample's comment");
        let c = p.review.comments.last().unwrap();
        assert_eq!(c.author, "Jan Morris");
        assert_eq!(c.role, ReviewerRole::Mentor);
        assert_eq!(c.at, at("2026-11-27T10:00:00Z"));
        assert_eq!(c.text, "Is the pay award right?");
        assert!(!c.resolved && c.replies.is_empty());
    }

    #[test]
    fn no_name_no_text_or_no_anchor_is_refused() {
        let mut p = plan();
        let nobody = Reviewer {
            name: "  ".into(),
            role: ReviewerRole::Staff,
        };
        let now = at("2026-11-27T10:00:00Z");
        assert_eq!(
            add_comment(&mut p.review, "section:market", "Hi", &nobody, now),
            Err(ReviewError::NoName)
        );
        assert_eq!(
            add_comment(&mut p.review, "section:market", " ", &jan(), now),
            Err(ReviewError::Empty)
        );
        assert!(matches!(
            add_comment(&mut p.review, "nonsense", "Hi", &jan(), now),
            Err(ReviewError::BadAnchor(_))
        ));
        assert_eq!(
            sign_off(&mut p, &nobody, now),
            Err(ReviewError::NoName),
            "a sign-off names who signed"
        );
        assert_eq!(p.review.comments.len(), 1);
    }

    #[test]
    fn replies_and_resolving_change_only_their_comment() {
        let mut p = plan();
        let before = crate::model::plan_file::fingerprint(&p);
        let staff = Reviewer {
            name: "Priya Shah".into(),
            role: ReviewerRole::Staff,
        };
        reply(
            &mut p.review,
            "c-1",
            "Yes, clause 7.",
            &staff,
            at("2026-11-27T11:00:00Z"),
        )
        .unwrap();
        set_resolved(&mut p.review, "c-1", true).unwrap();
        let c = &p.review.comments[0];
        assert_eq!(c.replies[0].author, "Priya Shah");
        assert_eq!(c.replies[0].role, ReviewerRole::Staff);
        assert!(c.resolved);
        set_resolved(&mut p.review, "c-1", false).unwrap();
        assert!(!p.review.comments[0].resolved, "reopened");
        assert_eq!(
            reply(
                &mut p.review,
                "c-9",
                "x",
                &staff,
                at("2026-11-27T11:00:00Z")
            ),
            Err(ReviewError::NoSuchComment)
        );
        assert_eq!(
            crate::model::plan_file::fingerprint(&p),
            before,
            "the content is unchanged"
        );
    }

    #[test]
    fn a_sign_off_records_revision_and_fingerprint_and_is_marked_earlier_after_a_change() {
        let mut p = plan();
        p.review.signoffs.clear();
        sign_off(&mut p, &jan(), at("2026-11-27T12:00:00Z")).unwrap();
        let s = &p.review.signoffs[0];
        assert_eq!(s.by, "Jan Morris");
        assert_eq!(s.role, "Mentor");
        assert_eq!(s.revision, p.revision);
        assert_eq!(s.fingerprint, crate::model::plan_file::fingerprint(&p));
        assert_eq!(
            s.statement,
            "I have reviewed this plan with the team and support its submission to the Enterprise Incubator Unit."
        );
        let v = view(&p, 0);
        assert!(v.signoffs[0].current);
        assert_eq!(v.signoffs[0].status, "Signed this version");

        p.forecast.opening_cash = "1".parse().unwrap();
        let v = view(&p, 0);
        assert!(!v.signoffs[0].current);
        assert_eq!(
            v.signoffs[0].status,
            format!(
                "Signed revision {}, an earlier version — not this one",
                p.revision
            )
        );
    }

    #[test]
    fn the_view_words_each_comment_and_keeps_orphans() {
        let mut p = plan();
        let now = at("2026-11-27T23:30:00Z");
        add_comment(&mut p.review, "risk:renewal", "Good.", &jan(), now).unwrap();
        add_comment(&mut p.review, "rule:MUT-02", "Why?", &jan(), now).unwrap();
        add_comment(&mut p.review, "section:market", "Shorter?", &jan(), now).unwrap();
        add_comment(&mut p.review, "contract:gone", "Old.", &jan(), now).unwrap();
        let v = view(&p, 60);
        let c = |id: &str| v.comments.iter().find(|c| c.id == id).unwrap();
        assert_eq!(c("c-1").subject, "Contract: Adult community therapy");
        assert_eq!(
            c("c-1").path.as_deref(),
            Some("forecast.contracts[community-therapy]")
        );
        assert_eq!(c("c-1").role, "Mentor");
        assert_eq!(c("c-1").replies_words, "");
        assert_eq!(
            c("c-1").at,
            "22 November 2026 at 10:30",
            "local time, UTC+1"
        );
        assert_eq!(c("c-2").path.as_deref(), Some("narrative.risks[renewal]"));
        assert_eq!(c("c-2").at, "28 November 2026 at 00:30");
        assert_eq!(c("c-3").path, None, "a check has no field of its own");
        assert_eq!(
            c("c-4").path.as_deref(),
            Some("narrative.sections[market].text")
        );
        assert!(c("c-5").orphaned);
        assert_eq!(c("c-5").subject, "Contract since removed from the plan");
        assert_eq!(c("c-5").path, None);
        assert_eq!(v.summary, "5 comments, 5 open");
        assert!(v
            .lists
            .iter()
            .any(|l| l.list == "forecast.staff" && l.kind == "staff"));
    }

    #[test]
    fn every_list_anchor_names_an_item_of_the_sample_by_its_path() {
        let p = plan();
        let json = serde_json::to_value(&p).unwrap();
        for l in crate::model::catalogue::LISTS {
            let (kind, list) = (l.anchor, l.path);
            let mut v = &json;
            for k in list.split('.') {
                v = &v[k];
            }
            let Some(first) = v.as_array().and_then(|a| a.first()) else {
                continue;
            };
            let id = first["id"].as_str().unwrap();
            let anchor = format!("{kind}:{id}");
            assert!(
                !crate::show::anchors::describe(&p, &anchor).orphaned,
                "{anchor}"
            );
            assert_eq!(
                anchor_path(&anchor).unwrap().to_string(),
                format!("{list}[{id}]")
            );
        }
    }

    #[test]
    fn apply_does_each_action() {
        let mut p = plan();
        let now = at("2026-11-27T10:00:00Z");
        let who = jan();
        apply(
            &mut p,
            &ReviewAction::Comment {
                anchor: "readiness:R4".into(),
                text: "Ok".into(),
            },
            &who,
            now,
        )
        .unwrap();
        apply(
            &mut p,
            &ReviewAction::Reply {
                comment: "c-2".into(),
                text: "Thanks".into(),
            },
            &who,
            now,
        )
        .unwrap();
        apply(
            &mut p,
            &ReviewAction::Resolve {
                comment: "c-2".into(),
                resolved: true,
            },
            &who,
            now,
        )
        .unwrap();
        apply(&mut p, &ReviewAction::SignOff, &who, now).unwrap();
        assert_eq!(p.review.comments.len(), 2);
        assert!(p.review.comments[1].resolved);
        assert_eq!(p.review.signoffs.len(), 2);
    }
}
