//! The printed submission: valid, deterministic, every promised text present, and long plans
//! laid out without lost lines, split rows or overlapping text.

mod common;

use common::{analysed, cli, sample, tool, SAMPLE};
use mutual_plan::labels::ELIGIBILITY_HEADING;
use mutual_plan::pdf::flow::{BOTTOM, TOP};
use mutual_plan::pdf::fonts::Fonts;
use mutual_plan::pdf::layout::Item;
use mutual_plan::pdf::{layout, render};
use mutual_plan::plan::Plan;
use mutual_plan::sections::SECTIONS;
use mutual_plan::{fingerprint, samples};
use std::path::Path;

fn write_pdf(dir: &Path, name: &str, plan: &Plan) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, render(plan, &analysed(plan)).unwrap()).unwrap();
    path
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn the_sample_pdf_is_valid_complete_and_says_what_the_forecast_says() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample();
    let pdf = write_pdf(dir.path(), "sample.pdf", &plan);
    let p = pdf.to_str().unwrap();
    assert!(tool("qpdf", &["--check", p]).contains("No syntax or stream encoding errors"));
    let n = pages(&pdf);
    assert!((20..=40).contains(&n), "{n} pages");
    let text = tool("pdftotext", &["-layout", p, "-"]);
    for s in SECTIONS {
        assert!(text.contains(s.title), "missing section {}", s.title);
    }
    for title in [
        "Contents",
        "Checks",
        "Review",
        "Declaration",
        "Appendix A. Monthly cash flow",
        "Financial summary",
        "Stress scenarios",
    ] {
        assert!(text.contains(title), "missing {title}");
    }
    assert!(text.contains("Riverside Community Therapies CIC"));
    let fp = fingerprint(&plan);
    assert_eq!(
        text.matches(&format!("Fingerprint {fp}")).count(),
        n + 1,
        "fingerprint on the cover and in every footer"
    );
    assert!(text.contains(&format!("Page {n} of {n}")));
    // The lowest cash exactly as `mutual-plan forecast` words it.
    let table = String::from_utf8(cli(&["forecast", SAMPLE]).stdout).unwrap();
    let lowest = table
        .lines()
        .find_map(|l| l.strip_prefix("Lowest cash:"))
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(lowest, "−£76,664.00 in April 2027");
    assert!(text.contains(&lowest), "the PDF does not show {lowest}");
    assert!(!text.contains("Not yet written."), "the sample is complete");
    assert!(text.contains("Mutual Plan readiness criteria 2.0.0"));
    // The heading may wrap onto a second line.
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(ELIGIBILITY_HEADING), "{ELIGIBILITY_HEADING}");

    let fonts = tool("pdffonts", &[p]);
    let lines: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let cols: Vec<&str> = l.split_whitespace().collect();
        assert!(
            cols[0].as_bytes()[6] == b'+' && cols[0][..6].chars().all(|c| c.is_ascii_uppercase()),
            "{l}"
        );
        assert_eq!(
            &cols[cols.len() - 5..cols.len() - 2],
            ["yes", "yes", "yes"],
            "{l}"
        );
    }
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.contains("Title:           Riverside Community Therapies: business plan for spin-out")
    );
    assert!(info.contains("Author:          Riverside Community Therapies CIC"));
}

#[test]
fn accented_names_survive_into_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample();
    plan.organisation.name = "Gwasanaethau Therapi Glan-yr-Afon – Siân’s “Ŵyn” CIC".into();
    plan.board[1].name = "Siân Prŷs-Öztürk".into();
    plan.narrative.sections[1].text =
        "Caffi’r Ŵyn: crème brûlée, Käsekuchen, £1,250 – ŵ ŷ é ö".into();
    let pdf = write_pdf(dir.path(), "accents.pdf", &plan);
    // Long names wrap: compare with every run of white space as one space.
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        "Gwasanaethau Therapi Glan-yr-Afon – Siân’s “Ŵyn” CIC",
        "Siân Prŷs-Öztürk",
        "Caffi’r Ŵyn: crème brûlée, Käsekuchen, £1,250 – ŵ ŷ é ö",
    ] {
        assert!(text.contains(s), "missing {s}");
    }
}

#[test]
fn two_renders_give_identical_bytes() {
    let plan = sample();
    let a = render(&plan, &analysed(&plan)).unwrap();
    let b = render(&plan, &analysed(&plan)).unwrap();
    assert_eq!(a, b);
    let mut other = plan.clone();
    other.title.push('!');
    assert_ne!(render(&other, &analysed(&other)).unwrap(), a);
}

/// The text of a PDF in content order, without the running header and footer.
fn body_text(pdf: &Path, plan: &Plan) -> String {
    let raw = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    raw.lines()
        .filter(|l| {
            !l.starts_with("Fingerprint ") && !l.starts_with("Page ") && l.trim() != plan.title
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_long_plan_loses_no_line_splits_no_row_and_overlaps_no_text() {
    let plan = samples::stress_plan().unwrap();
    let analysis = analysed(&plan);
    let laid = layout(&plan, &analysis).unwrap();
    let doc = &laid.document;
    assert!(doc.pages.len() > 60, "{} pages", doc.pages.len());
    eprintln!(
        "stress plan: {} pages, {} table rows",
        doc.pages.len(),
        laid.rows.len()
    );

    // No table row is split across pages: each lies wholly inside its page's content area.
    assert!(laid.rows.len() > 400);
    for r in &laid.rows {
        let page = &doc.pages[r.page];
        assert!(
            r.top >= TOP - 0.01 && r.bottom <= page.height - BOTTOM + 0.01,
            "row runs off page {}: {r:?}",
            r.page + 1
        );
    }

    // No text runs off the page or overlaps other text.
    let fonts = Fonts::load().unwrap();
    for (n, page) in doc.pages.iter().enumerate() {
        let boxes: Vec<(f32, f32, f32, f32, &str)> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    x,
                    baseline,
                    face,
                    size,
                    text,
                    ..
                } => Some((
                    *x,
                    baseline - size * 0.75,
                    x + fonts.width(*face, *size, text),
                    baseline + size * 0.2,
                    text.as_str(),
                )),
                _ => None,
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.0 >= 0.0 && a.2 <= page.width - 20.0,
                "page {}: {:?} runs off the page",
                n + 1,
                a.4
            );
            for b in &boxes[i + 1..] {
                let overlap =
                    a.0 < b.2 - 0.5 && b.0 < a.2 - 0.5 && a.1 < b.3 - 0.5 && b.1 < a.3 - 0.5;
                assert!(!overlap, "page {}: {:?} overlaps {:?}", n + 1, a.4, b.4);
            }
        }
    }

    // Every paragraph's words appear, in order.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("stress.pdf");
    let bytes = mutual_plan::pdf::render(&plan, &analysis).unwrap();
    eprintln!("stress plan: {} bytes", bytes.len());
    std::fs::write(&pdf, bytes).unwrap();
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squash(&body_text(&pdf, &plan));
    let mut paragraphs = 0;
    for s in &plan.narrative.sections {
        for block in s.text.split("\n\n") {
            for line in block.lines() {
                let words = line.trim().trim_start_matches("- ");
                assert!(text.contains(&squash(words)), "lost or reordered: {words}");
                paragraphs += 1;
            }
        }
    }
    assert!(paragraphs > 150);
    for r in &plan.narrative.risks {
        assert!(
            text.contains(&squash(&r.description)),
            "lost risk {}",
            r.description
        );
    }
    for s in &plan.forecast.staff {
        assert!(
            text.contains(&squash(&s.role)),
            "lost staff line {}",
            s.role
        );
    }
}
