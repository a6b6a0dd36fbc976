//! The sample plans bundled with the app, for first runs, demos and tests.

use crate::model::error::LoadError;
use crate::model::plan::Plan;
use crate::model::plan_file::read_plan;

/// Riverside Community Therapies: an NHS community therapy spin-out, in canonical form.
pub const RIVERSIDE: &str = include_str!("../../assets/samples/riverside.mutualplan");

/// The Riverside sample plan, parsed.
pub fn riverside() -> Result<Plan, LoadError> {
    read_plan(RIVERSIDE.as_bytes()).map(|l| l.plan)
}

/// A deliberately large plan for layout tests and benchmarks: the sample stretched to 120
/// months, with long narrative sections (many paragraphs, bullets and very long words), 100 risks
/// and 300 staff lines.
pub fn stress_plan() -> Result<Plan, LoadError> {
    use crate::model::values::ItemId;
    let mut p = riverside()?;
    let id = |prefix: &str, i: usize| -> ItemId {
        format!("{prefix}-{i}")
            .parse()
            .unwrap_or_else(|_| unreachable!("a valid id"))
    };
    p.forecast.months = 120;
    p.organisation.name =
        "Gwasanaethau Therapi Cymunedol Glan-yr-Afon – Siân’s “Ŵyn” Cydweithredol".into();
    let words = [
        "community",
        "therapy",
        "rehabilitation",
        "independence",
        "reablement",
        "physiotherapy",
        "commissioners",
        "mutual",
        "employee-owned",
        "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
        "café",
        "Ŵyn",
        "£1,250",
        "outcomes",
    ];
    for (n, s) in p.narrative.sections.iter_mut().enumerate() {
        let mut text = String::new();
        for para in 0..12 {
            if para > 0 {
                text.push_str("\n\n");
            }
            let len = 20 + (n * 7 + para * 13) % 90;
            let sentence: Vec<&str> = (0..len)
                .map(|w| words[(n + para * 3 + w * 5) % words.len()])
                .collect();
            text.push_str(&format!(
                "Paragraph {para} of section {n}: {}.",
                sentence.join(" ")
            ));
            if para % 4 == 3 {
                text.push_str("\n- A bullet that runs on for a while to show how bullets wrap under their own indent in the printed plan.\n- Another bullet.");
            }
        }
        text.push_str("\n\nAnunbrokenwordthatislongerthananylinecanholdbecauseitgoesonandonwithoutanyspacesatalluntilitmustbebrokenbetweenletterssothatnothingislost.");
        s.text = text;
    }
    let risk = p.narrative.risks[0].clone();
    p.narrative.risks = (0..100)
        .map(|i| {
            let mut r = risk.clone();
            r.id = id("risk", i);
            r.likelihood = (i % 5 + 1) as u8;
            r.impact = ((i / 5) % 5 + 1) as u8;
            r.description = format!("Risk {i}: {}", r.description);
            r
        })
        .collect();
    let staff = p.forecast.staff.clone();
    p.forecast.staff = (0..300)
        .map(|i| {
            let mut s = staff[i % staff.len()].clone();
            s.id = id("staff", i);
            s.role = format!("{} team {i}", s.role);
            s
        })
        .collect();
    Ok(p)
}
