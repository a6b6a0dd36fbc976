//! The printed submission: valid, deterministic, every promised text present, and long plans
//! laid out without lost lines, split rows or overlapping text.

use crate::common;

use common::{analysed, cli, id, money, month, pct, sample, tool, SAMPLE};
use mutual_plan::checks::verdict_words::ELIGIBILITY_HEADING;
use mutual_plan::forecast::BalanceSheet;
use mutual_plan::model::plan::{CostCategory, CostFrequency, CostLine, Plan};
use mutual_plan::model::sections::SECTIONS;
use mutual_plan::model::values::Month;
use mutual_plan::pdf::flow::{BOTTOM, TOP};
use mutual_plan::pdf::fonts::Fonts;
use mutual_plan::pdf::layout::Item;
use mutual_plan::pdf::{check_balance_sheets, layout, render, render_with, PdfError, PrintOptions};
use mutual_plan::words::format::{month_long, months as months_words};
use mutual_plan::words::money::pounds;
use mutual_plan::{model::plan_file::fingerprint, model::samples};
use rust_decimal::Decimal;
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

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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
    // The lowest cash and, since the sample has an overdraft, the lowest headroom the CLI
    // computes, in the whole pounds the PDF prints.
    let json: serde_json::Value =
        serde_json::from_slice(&cli(&["forecast", SAMPLE, "--format", "json"]).stdout).unwrap();
    for (figure, month) in [
        ("lowest_cash", "lowest_cash_month"),
        ("lowest_headroom", "lowest_headroom_month"),
    ] {
        let amount: rust_decimal::Decimal =
            json["summary"][figure].as_str().unwrap().parse().unwrap();
        let month: Month = json["summary"][month].as_str().unwrap().parse().unwrap();
        let shown = format!("{} in {}", pounds(amount), month_long(month));
        assert!(
            text.contains(&shown),
            "the PDF does not show {figure} {shown}"
        );
    }
    // No pence anywhere: every amount in whole pounds.
    let pence = regex_like_pence(&text);
    assert!(pence.is_empty(), "amounts with pence: {pence:?}");
    assert!(!text.contains("Not yet written."), "the sample is complete");
    assert!(text.contains("Mutual Plan readiness criteria 3.0.0"));
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

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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
        // NAR-01's advice shows the live-figure syntax, "[[lowest_cash]]", on purpose.
        .filter(|w| !w.starts_with("[["))
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

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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
        "Add overdraft drawn (less repaid)",
        "Less one-off costs, with their VAT",
        "Cash at the end of April 2027",
    ] {
        assert!(text.contains(line), "missing {line}");
    }
    let (forecast, results) = mutual_plan::forecast::scenarios::run_all(&plan).unwrap();
    let s = mutual_plan::forecast::funding::sources_and_uses(&plan, &forecast);
    assert!(text.contains("−£180,000") && text.contains(&pounds(s.operating)));
    assert!(text.contains(&pounds(s.facility)));
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
    // With an overdraft the figures take two tables: the closing cash is in the second.
    let stress = text.split("Stress scenarios").nth(1).unwrap();
    for r in &results {
        let lines: Vec<&str> = stress
            .lines()
            .filter(|l| l.trim_start().starts_with(&r.scenario.title[..16]))
            .collect();
        assert!(!lines.is_empty(), "no row for {}", r.scenario.id);
        let closing = (
            pounds(r.forecast.summary.closing_cash),
            pounds(r.delta.closing_cash),
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&closing.0) && l.contains(&closing.1)),
            "{lines:?}"
        );
        let headroom = (
            pounds(r.forecast.summary.lowest_headroom),
            pounds(r.delta.lowest_headroom),
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&headroom.0) && l.contains(&headroom.1)),
            "{lines:?}"
        );
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
    let raw = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(S1_WORDS),
        "what the lost-contract scenario leaves out"
    );
    // Free reserves to one decimal in the year-end table, renewal as an assumption.
    let year_ends = text
        .split("Cash, free reserves and debt service cover at each year end")
        .nth(1)
        .unwrap();
    for y in &forecast.years {
        let months = y.free_reserves_months.unwrap();
        assert!(year_ends.contains(&months_words(months)), "year {}", y.year);
    }
    assert!(words.contains("Assumed renewed"));
    // The marginal relief fraction as HMRC writes it, and the pay award month by name.
    assert!(
        words.contains("marginal relief between them (fraction 3/200)"),
        "{words}"
    );
    assert!(words.contains("a year, each April"), "{words}");
    // Each staff line names the contract it works on; each contract its VAT treatment.
    assert!(
        words.contains("Physiotherapists (on Adult community therapy)"),
        "{words}"
    );
    assert!(!words.contains("Administration (on"), "{words}");
    assert!(
        words.contains("30 days Exempt Provider Selection Regime"),
        "{words}"
    );
    assert!(
        words.contains(
            "(loan interest in the month it is for, depreciation instead of capital spending)"
        ),
        "{words}"
    );
    // Comments are working notes: not printed unless asked; the sign-off always is.
    assert!(!text.contains("Is the 5% results-based payment confirmed"));
    assert!(text.contains("Jan Morris (Mentor)"));
    assert!(text.contains("This version"));
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
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

/// What the lost-contract scenario leaves out, in the words printed beside the stress table.
const S1_WORDS: &str = "This scenario stops the lost contract's income and moves the staff linked to it to the next provider, as TUPE would. It does not include the costs of losing a contract: redundancy pay for staff who would not transfer, a pension cessation debt if the organisation's last active member of the Local Government Pension Scheme leaves, payments to end leases early, or savings on other costs of the contract that would stop.";

/// The plain-words definitions printed under the year-end table.
const FREE_RESERVES_WORDS: &str = "Free reserves are what the organisation would have left if it collected everything owed to it and paid everything it owes, loans included, without selling its equipment or other fixed assets: its funds less its fixed assets (the Charity Commission's measure). In months, they are divided by that year's average monthly running costs: staff and recurring costs, not one-off or capital spending, depreciation, interest or tax.";
const DEBT_SERVICE_COVER_WORDS: &str = "Debt service cover is how many times the year's surplus from running the service (before interest, depreciation and one-off costs, less corporation tax paid) covers what is paid to lenders that year: that surplus divided by the interest and loan capital paid in the year. It is counted when income is earned and costs are incurred, not when cash moves, so late payment by commissioners does not change it. Lenders commonly look for at least 1.25 times; '—' means nothing was due to lenders that year.";

/// A balance-sheet row's figure, as the PDF prints it (creditors negative).
type SheetFigure = fn(&BalanceSheet) -> Decimal;

/// The rows of a `pdftotext -layout` table section whose label starts with `label` (the first
/// line of a label that wraps) and that have figures.
fn rows_labelled<'t>(section: &'t str, label: &str) -> Vec<&'t str> {
    section
        .lines()
        .filter(|l| l.trim_start().starts_with(label) && l.contains('£'))
        .collect()
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
#[test]
fn the_balance_sheet_prints_each_year_end_as_the_forecast_computes_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample();
    let pdf = write_pdf(dir.path(), "sample.pdf", &plan);
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let (forecast, _) = mutual_plan::forecast::scenarios::run_all(&plan).unwrap();
    let sheet = text
        .split("Balance sheet at each year end")
        .nth(1)
        .expect("no balance sheet")
        .split("Cash, free reserves and debt service cover")
        .next()
        .unwrap();
    for y in &forecast.years {
        assert!(
            sheet.contains(&format!("End of year {}", y.year)),
            "year {}",
            y.year
        );
        assert!(sheet.contains(&format!("({})", month_long(y.last_month))));
    }
    // Every row the sample has, each year's figure in whole pounds, creditors negative.
    let rows: [(&str, SheetFigure); 14] = [
        ("Fixed assets", |b| b.fixed_assets),
        ("Debtors and accrued", |b| b.trade_debtors),
        ("Cash at bank", |b| b.cash),
        ("Total current assets", |b| b.current_assets()),
        ("Corporation tax", |b| -b.corporation_tax_payable),
        ("Loan interest accrued", |b| -b.interest_accrued),
        ("Loans due within one year", |b| -b.loans_within_one_year),
        ("Net current assets", |b| b.net_current_assets()),
        ("Net assets", |b| b.net_assets),
        ("Share capital", |b| b.share_capital),
        ("Opening funds", |b| b.opening_funds),
        ("Retained surplus", |b| b.retained_surplus),
        ("Total funds", |b| b.funds),
        ("Payroll — tax, National", |b| -b.payroll_creditors),
    ];
    for (label, value) in rows {
        let lines = rows_labelled(sheet, label);
        assert_eq!(lines.len(), 1, "{label}: {lines:?}");
        let figures: Vec<&str> = lines[0]
            .split_whitespace()
            .filter(|w| w.contains('£'))
            .collect();
        let expected: Vec<String> = forecast
            .years
            .iter()
            .map(|y| pounds(value(&y.balance_sheet)))
            .collect();
        assert_eq!(figures, expected, "{label}");
    }
    // The two subtotals whose labels wrap, and the long-term loans, by their figures.
    for value in [
        |b: &BalanceSheet| -b.creditors_within_one_year(),
        |b: &BalanceSheet| -b.loans_after_one_year,
    ] {
        let expected: Vec<String> = forecast
            .years
            .iter()
            .map(|y| pounds(value(&y.balance_sheet)))
            .collect();
        assert!(
            sheet.lines().any(|l| {
                l.split_whitespace()
                    .filter(|w| w.contains('£'))
                    .eq(expected.iter().map(String::as_str))
            }),
            "{expected:?}"
        );
    }
    // Labels that wrap, and the sentences, read in order in the text as drawn.
    let raw = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let words = raw
        .split("Balance sheet at each year end")
        .nth(1)
        .unwrap()
        .split("Cash, free reserves and debt service cover")
        .next()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        "Debtors and accrued income",
        "Payroll — tax, National Insurance and pensions not yet paid over",
        "Total creditors due within one year",
        "Loans due after more than one year",
        "Current assets",
        "Creditors due within one year",
        "Funds",
    ] {
        assert!(words.contains(s), "missing {s}");
    }
    // Rows that are nil at every year end are left out.
    for nil in [
        "VAT to be repaid",
        "VAT to pay",
        "Overdraft",
        "Cash shortfall not yet funded",
    ] {
        assert!(!words.contains(nil), "{nil} is nil in every year");
    }
    for s in [
        "On the accruals basis: income is counted when it is earned and costs when they are incurred.",
        "Net assets equal total funds at every year end: the balance sheet, the cash flow and the income and expenditure account are drawn from the same figures.",
        "Each figure is rounded to the nearest pound, so a total may differ by a few pounds from the sum of the figures above it.",
    ] {
        assert!(words.contains(s), "missing {s}");
    }
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
#[test]
fn free_reserves_and_debt_service_cover_print_with_their_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample();
    let pdf = write_pdf(dir.path(), "sample.pdf", &plan);
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let (forecast, _) = mutual_plan::forecast::scenarios::run_all(&plan).unwrap();
    let table = text
        .split("Cash, free reserves and debt service cover at each year end")
        .nth(1)
        .unwrap()
        .split("Cost lines")
        .next()
        .unwrap();
    for y in &forecast.years {
        let line = rows_labelled(table, &format!("Year {}", y.year));
        assert_eq!(line.len(), 1, "year {}", y.year);
        let cover = y.debt_service_cover.map_or("—".to_string(), |d| {
            format!("{}×", mutual_plan::show::forecast_report::fixed(d, 2))
        });
        for figure in [
            pounds(y.closing_cash),
            pounds(y.lowest_headroom),
            pounds(y.free_reserves),
            months_words(y.free_reserves_months.unwrap()),
            cover,
        ] {
            assert!(line[0].contains(&figure), "{figure} in {}", line[0]);
        }
    }
    let words = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(FREE_RESERVES_WORDS), "{words}");
    assert!(words.contains(DEBT_SERVICE_COVER_WORDS), "{words}");
}

#[test]
fn a_balance_sheet_that_does_not_balance_stops_the_pdf() {
    let plan = sample();
    let mut analysis = analysed(&plan);
    let (forecast, _) = analysis.forecast.as_mut().unwrap();
    assert!(check_balance_sheets(&forecast.years).is_ok());
    // A penny between net assets and funds at the end of year 2.
    let mut years = forecast.years.clone();
    years[1].balance_sheet.funds += Decimal::new(1, 2);
    let err = check_balance_sheets(&years).unwrap_err();
    assert!(
        matches!(err, PdfError::Unbalanced { year: 2, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message
            .starts_with("internal error: the balance sheet at the end of year 2 does not balance"),
        "{message}"
    );
    // The same fault in what the PDF is made from: an error, never a document.
    forecast.years = years;
    let err = render(&plan, &analysis).expect_err("a PDF with a sheet that does not balance");
    assert!(
        matches!(err, PdfError::Unbalanced { year: 2, .. }),
        "{err:?}"
    );
    // The sample's own forecast balances, and prints.
    assert!(render(&plan, &analysed(&plan)).is_ok());
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
#[test]
fn a_plan_without_an_overdraft_prints_no_headroom() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample();
    plan.forecast.facilities.clear();
    let pdf = write_pdf(dir.path(), "no-overdraft.pdf", &plan);
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        !words.contains("headroom"),
        "headroom only repeats the cash"
    );
    assert!(!words.contains("Overdraft drawn"));
    assert!(!words.contains("Overdraft facility"));
    // One stress table, with the closing cash beside the lowest cash.
    let (_, results) = mutual_plan::forecast::scenarios::run_all(&plan).unwrap();
    // The stress scenarios' tables, up to the headroom table after them.
    let stress = text.split("Stress scenarios").nth(1).unwrap();
    let stress = stress.split("Headroom: how far").next().unwrap();
    for r in &results {
        let lines = rows_labelled(stress, &r.scenario.title[..16]);
        assert_eq!(lines.len(), 1, "{}", r.scenario.id);
        assert!(lines[0].contains(&pounds(r.forecast.summary.lowest_cash)));
        assert!(lines[0].contains(&pounds(r.forecast.summary.closing_cash)));
    }
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
#[test]
fn the_overdraft_prints_in_the_funding_table_the_chart_and_the_assumptions() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample();
    let (forecast, _) = mutual_plan::forecast::scenarios::run_all(&plan).unwrap();
    let pdf = write_pdf(dir.path(), "sample.pdf", &plan);
    let text = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "Riverside Co-operative Bank Overdraft facility £100,000 April 2027",
        "Up to £100,000 at 8% a year from April 2027 to April 2029, arrangement fee £500; drawn only when cash would otherwise fall below zero, and repaid as soon as cash allows",
        "Overdraft facility: Riverside Co-operative Bank",
        "Overdraft drawn",
    ] {
        assert!(words.contains(s), "missing {s}");
    }
    let s = &forecast.summary;
    let peak = format!(
        "at most {} (in {})",
        pounds(s.peak_facility_drawn),
        month_long(s.peak_facility_drawn_month.unwrap())
    );
    assert!(words.contains(&peak), "missing {peak}");
    // Beside the lowest cash in the headline figures.
    let lines: Vec<&str> = text.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("Lowest cash "))
        .unwrap();
    assert!(
        lines[i + 1].starts_with("Lowest headroom"),
        "{}",
        lines[i + 1]
    );
}

#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
#[test]
fn capital_spending_vat_and_overdraft_get_their_own_lines_where_a_plan_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample();
    plan.forecast.settings.vat_registered = true;
    plan.forecast.costs.push(CostLine {
        id: id("vehicles"),
        name: "Pool cars for home visits".into(),
        category: CostCategory::Other,
        amount: money("60000.00"),
        frequency: CostFrequency::Capital,
        start: month("2027-06"),
        end: None,
        useful_life_months: Some(36),
        inflation_percent: pct("0"),
        vat_percent: pct("20"),
    });
    let (forecast, _) = mutual_plan::forecast::scenarios::run_all(&plan).unwrap();
    assert!(!forecast.years[0].balance_sheet.fixed_assets.is_zero());
    let pdf = write_pdf(dir.path(), "capital.pdf", &plan);
    let layout_text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let raw = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    // The I&E charges depreciation; the balance sheet carries what is left of the cost.
    let ie = layout_text
        .split("Income and expenditure by year")
        .nth(1)
        .unwrap();
    assert_eq!(rows_labelled(ie, "Depreciation").len(), 1);
    let sheet = layout_text
        .split("Balance sheet at each year end")
        .nth(1)
        .unwrap();
    let fixed = rows_labelled(sheet, "Fixed assets");
    assert!(
        fixed[0].contains(&pounds(forecast.years[0].balance_sheet.fixed_assets)),
        "{}",
        fixed[0]
    );
    // Appendix A: a column each for capital, VAT and the overdraft, all in use here.
    let appendix = layout_text
        .split("Appendix A. Monthly cash flow")
        .last()
        .unwrap();
    let header = appendix
        .lines()
        .find(|l| l.trim_start().starts_with("Month"))
        .unwrap();
    for column in ["Staff", "Costs", "Capital", "VAT", "Overdraft", "Tax"] {
        assert!(header.contains(column), "no {column} column: {header}");
    }
    // Appendix B: registration, recovery by VAT year, capital spending and the deductions.
    let v = &forecast.vat_years[0];
    for s in [
        "Registered, quarters ending March, June, September, December:".to_string(),
        format!(
            "input VAT is recovered by the standard method, {}% in the VAT year to {}",
            if v.de_minimis { v.standard_method_percent } else { v.recovery_percent }.normalize(),
            month_long(v.end)
        ),
        "Pool cars for home visits: £60,000 in June 2027, over 36 months".to_string(),
        "Depreciated in equal monthly amounts over each item's useful life".to_string(),
        "income tax on each person's pay under tax code 1257L with England, Wales and Northern Ireland rates, employee National Insurance at 8% and 2%".to_string(),
        "NHS Pension Scheme: the published 2025-26 rates".to_string(),
        "Training for care homes: standard-rated".to_string(),
    ] {
        assert!(
            words.to_lowercase().contains(&s.to_lowercase()),
            "missing {s}"
        );
    }
}
