//! The printed submission: valid, deterministic, every promised text present, and long plans
//! laid out without lost lines, split rows or overlapping text.

use crate::common;

use common::{analysed, cli, sample, tool, SAMPLE};
use mutual_plan::checks::verdict_words::ELIGIBILITY_HEADING;
use mutual_plan::model::plan::Plan;
use mutual_plan::model::sections::SECTIONS;
use mutual_plan::pdf::flow::{BOTTOM, TOP};
use mutual_plan::pdf::fonts::Fonts;
use mutual_plan::pdf::layout::Item;
use mutual_plan::pdf::{layout, render, render_with, PrintOptions};
use mutual_plan::words::money::pounds;
use mutual_plan::{model::plan_file::fingerprint, model::samples};
use std::path::Path;

/// Amounts written with pence (`£1,234.56`) in a text.
fn regex_like_pence(text: &str) -> Vec<String> {
    text.match_indices('£')
        .filter_map(|(i, _)| {
            let tail: String = text[i + '£'.len_utf8()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .collect();
            let tail = tail.trim_end_matches(['.', ',']);
            tail.contains('.').then(|| format!("£{tail}"))
        })
        .collect()
}

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
    // The lowest cash the CLI computes, in the whole pounds the PDF prints.
    let json: serde_json::Value =
        serde_json::from_slice(&cli(&["forecast", SAMPLE, "--format", "json"]).stdout).unwrap();
    let lowest: rust_decimal::Decimal = json["summary"]["lowest_cash"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(pounds(lowest), "−£76,664");
    let lowest = format!("{} in April 2027", pounds(lowest));
    assert!(text.contains(&lowest), "the PDF does not show {lowest}");
    // No pence anywhere: every amount in whole pounds.
    let pence = regex_like_pence(&text);
    assert!(pence.is_empty(), "amounts with pence: {pence:?}");
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
            !l.starts_with("Fingerprint ")
                && !l.starts_with("Page ")
                && l.trim() != plan.title
                && l.trim() != format!("Draft — {}", plan.title)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_long_plan_loses_no_line_splits_no_row_and_overlaps_no_text() {
    let plan = samples::stress_plan().unwrap();
    let analysis = analysed(&plan);
    let laid = layout(&plan, &analysis, &PrintOptions::default()).unwrap();
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

/// Tokens that belong to the file format or the code, not to a business plan: item anchors,
/// field paths and coded values.
fn raw_tokens(text: &str) -> Vec<String> {
    let prefixes = [
        "contract:",
        "staff:",
        "section:",
        "rule:",
        "readiness:",
        "cost:",
        "income:",
        "grant:",
        "equity:",
        "loan:",
        "risk:",
        "forecast.",
        "narrative.",
        "ownership.",
        "organisation.",
        "review.",
        "board[",
        "settings.",
    ];
    text.split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
            prefixes.iter().any(|p| w.contains(p))
                || (w.contains('_')
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_raw_ids_field_paths_or_coded_values_reach_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut stress = samples::stress_plan().unwrap();
    // A mentor's comment anchored to a contract, printed on request: named in words.
    stress.review = sample().review;
    for (name, plan) in [("sample", sample()), ("stress", stress)] {
        let path = dir.path().join(format!("{name}.pdf"));
        let options = PrintOptions {
            with_review: true,
            unsaved: false,
        };
        std::fs::write(
            &path,
            render_with(&plan, &analysed(&plan), &options).unwrap(),
        )
        .unwrap();
        let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("Contract: Adult community therapy"),
            "{name}"
        );
        let raw = raw_tokens(&text);
        assert!(raw.is_empty(), "{name}: {raw:?}");
    }
    // The scan finds what it is meant to find.
    assert_eq!(
        raw_tokens(
            "About contract:community-therapy and forecast.staff[physio] (cic_limited_by_shares)."
        ),
        [
            "contract:community-therapy",
            "forecast.staff[physio]",
            "(cic_limited_by_shares)."
        ]
    );
}

#[test]
fn the_sample_prints_as_a_submission_with_its_funding_story_and_every_stress() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample();
    let pdf = write_pdf(dir.path(), "sample.pdf", &plan);
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    assert!(!text.contains("Draft"), "a complete plan is not a draft");
    assert!(text.contains("Submission to the Enterprise Incubator Unit"));
    assert!(text.contains("We confirm that this business plan"));
    for heading in [
        "Funding",
        "Sources and uses of funds to the lowest point of year 1",
        "Income and expenditure by year",
        "Cost lines",
        "Stress scenarios",
    ] {
        assert!(text.contains(heading), "missing {heading}");
    }
    // The funding table: each grant, share issue and loan, with the loan's terms.
    assert!(text.contains("Social lender"));
    assert!(text.contains("6.5% a year over 60 months"));
    // Sources and uses add up to the lowest point.
    for line in [
        "Opening cash",
        "Add loans drawn",
        "Less one-off costs",
        "Lowest cash of year 1, April 2027",
    ] {
        assert!(text.contains(line), "missing {line}");
    }
    assert!(text.contains("−£150,000") && text.contains("−£351,750"));
    // The I&E by kind with tax after the surplus.
    for row in [
        "Employer National Insurance",
        "Apprenticeship Levy",
        "Surplus before tax",
        "Corporation tax",
        "Surplus after tax",
    ] {
        assert!(text.contains(row), "missing {row}");
    }
    // Every scenario's closing cash and its change; a price cut, a higher pay award and a
    // results shortfall leave the low point alone but not the closing cash.
    let (_, results) = mutual_plan::forecast::scenarios::run_all(&plan).unwrap();
    let stress = text.split("Stress scenarios").nth(1).unwrap();
    for r in &results {
        let line = stress
            .lines()
            .find(|l| l.trim_start().starts_with(&r.scenario.title[..16]))
            .unwrap_or_else(|| panic!("no row for {}", r.scenario.id));
        assert!(
            line.contains(&pounds(r.forecast.summary.closing_cash)),
            "{line}"
        );
        assert!(line.contains(&pounds(r.delta.closing_cash)), "{line}");
        if [
            "S2-price-cut-5",
            "S4-pay-award-plus-2",
            "S6-results-shortfall-20",
        ]
        .contains(&r.scenario.id)
        {
            assert!(!r.delta.closing_cash.is_zero(), "{}", r.scenario.id);
        }
    }
    assert!(text.contains("counts the lost income only"));
    // Reserves to one decimal, renewal as an assumption.
    assert!(text.contains("0.4 months") && text.contains("1.6 months"));
    let raw = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Assumed renewed"));
    // The marginal relief fraction as HMRC writes it, and the pay award month by name.
    assert!(
        words.contains("marginal relief between them (fraction 3/200)"),
        "{words}"
    );
    assert!(words.contains("a year, each April"), "{words}");
    // Comments are working notes: not printed unless asked; the sign-off always is.
    assert!(!text.contains("Is the 5% results-based payment confirmed"));
    assert!(text.contains("Jan Morris (Mentor)"));
    assert!(text.contains("This version"));
}

#[test]
fn an_incomplete_plan_prints_as_a_draft_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = mutual_plan::model::new_plan::new_plan(
        "Riverside Therapies",
        "0123456789abcdef0123456789abcdef".parse().unwrap(),
        "2026-11-27T10:15:00Z".parse().unwrap(),
    );
    plan.addressee = "the board of Riverside Community Health NHS Trust".into();
    let pdf = write_pdf(dir.path(), "draft.pdf", &plan);
    let n = pages(&pdf);
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Draft — not for submission"));
    assert!(words.contains("Submission to the board of Riverside Community Health NHS Trust"));
    assert!(words.contains("13 of 13 sections not yet written."));
    assert!(words.contains("No risks in the risk register (at least 3 needed)."));
    // Every page after the cover says so in its header.
    assert_eq!(
        text.matches("Draft — Riverside Therapies: business plan for spin-out")
            .count(),
        n - 1
    );
    // No declaration to sign: the list of what is missing stands in its place.
    assert!(!text.contains("We confirm that this business plan"));
    assert!(words.contains("Not yet ready to sign"));
}

#[test]
fn the_outline_nests_each_sections_tables_beneath_it() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "sample.pdf", &sample());
    let json: serde_json::Value = serde_json::from_str(&tool(
        "qpdf",
        &["--json", "--json-key=outlines", pdf.to_str().unwrap()],
    ))
    .unwrap();
    let top = json["outlines"].as_array().unwrap();
    let titles: Vec<&str> = top.iter().map(|o| o["title"].as_str().unwrap()).collect();
    assert_eq!(titles[..3], ["Cover", "Contents", "1. Executive summary"]);
    let section = |t: &str| top.iter().find(|o| o["title"] == t).unwrap();
    let kids = |o: &serde_json::Value| -> Vec<String> {
        o["kids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        kids(section("5. Legal form, ownership and governance")),
        ["Legal form and ownership", "Board"]
    );
    assert_eq!(kids(section("9. Financial plan")), ["Financial summary"]);
    assert!(kids(section("Checks")).contains(&"Investment readiness".to_string()));
    assert!(kids(section("1. Executive summary")).is_empty());
}

#[test]
fn a_printout_of_unsaved_changes_says_so_on_every_page_and_a_saved_one_on_none() {
    let plan = sample();
    let marks = |unsaved: bool| {
        let options = PrintOptions {
            with_review: false,
            unsaved,
        };
        let laid = layout(&plan, &analysed(&plan), &options).unwrap();
        laid.document
            .pages
            .iter()
            .map(|page| {
                page.items.iter().any(|item| {
                    matches!(item, Item::Text { text, .. } if text == mutual_plan::pdf::UNSAVED_MARK)
                })
            })
            .collect::<Vec<bool>>()
    };
    let unsaved = marks(true);
    assert!(unsaved.len() > 10, "{}", unsaved.len());
    assert!(unsaved.iter().all(|&m| m), "{unsaved:?}");
    assert!(marks(false).iter().all(|&m| !m));
    // The words a reader sees, in the PDF's text.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unsaved.pdf");
    let options = PrintOptions {
        with_review: false,
        unsaved: true,
    };
    std::fs::write(
        &path,
        render_with(&plan, &analysed(&plan), &options).unwrap(),
    )
    .unwrap();
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert_eq!(
        text.matches("Unsaved changes \u{2014} matches no saved file")
            .count(),
        pages(&path)
    );
}
