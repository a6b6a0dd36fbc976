//! Live figures: each placeholder's value is the forecast's figure of that name, worded as the
//! PDF words it; the PDF prints values, never the brackets; an unknown name prints as an error;
//! the comparison treats a placeholder as text and shows its value beside it; the window's
//! "replace with a live figure" finds the figure a typed amount was copied from.

use crate::common;

use common::{analysed, cli, money, sample, text, tool};
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::forecast::forecast;
use mutual_plan::forecast::live_figures::{every_figure, forecast_years, FigureKind};
use mutual_plan::model::plan::Plan;
use mutual_plan::model::plan_file::write_plan;
use mutual_plan::pdf::render;
use mutual_plan::show::live_text::{
    amounts_to_replace, choices, pieces, printed, Piece, NOT_AVAILABLE,
};
use mutual_plan::words::format::{month_long, months, share};
use mutual_plan::words::money::pounds;
use rust_decimal::Decimal;
use serde_json::Value;

/// The value of a JSON key path ("balance_sheet.cash") in an object of the forecast's JSON.
fn at<'a>(object: &'a Value, name: &str) -> &'a Value {
    name.split('.').fold(object, |v, key| &v[key])
}

/// A figure worded from its JSON value, as the PDF words each kind.
fn worded_from_json(kind: FigureKind, v: &Value) -> String {
    let dec = |v: &Value| v.as_str().unwrap().parse::<Decimal>().unwrap();
    match (kind, v) {
        (_, Value::Null) => "\u{2014}".into(),
        (FigureKind::Money, v) => pounds(dec(v)),
        (FigureKind::Month, v) => month_long(v.as_str().unwrap().parse().unwrap()),
        (FigureKind::Count, v) => v.as_u64().unwrap().to_string(),
        (FigureKind::Share, v) => share(dec(v)),
        (FigureKind::Months, v) => months(dec(v)),
        (FigureKind::Cover, v) => format!("{}\u{d7}", v.as_str().unwrap()),
    }
}

fn json_forecast(p: &Plan) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.mutualplan");
    std::fs::write(&path, write_plan(p)).unwrap();
    let out = cli(&["forecast", path.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every figure a placeholder can name shows the value `mutual-plan forecast --format json`
/// gives under that key, worded as the PDF words it: for the sample (with its overdraft, no
/// debt service in a year, VAT months null) and without its overdraft.
#[test]
fn every_live_figure_is_the_forecasts_figure_of_that_name() {
    let mut without = sample();
    without.forecast.facilities.clear();
    for p in [sample(), without] {
        let json = json_forecast(&p);
        let f = forecast(&p).unwrap();
        let shown = choices(p.forecast.months, Some(&f));
        let figures = every_figure(forecast_years(p.forecast.months));
        assert_eq!(shown.len(), figures.len());
        assert_eq!(figures.len(), 24 + 5 * 31);
        for (fig, c) in figures.iter().zip(&shown) {
            let v = match c.year {
                None => at(&json["summary"], fig.name()),
                Some(y) => at(&json["years"][y as usize - 1], fig.name()),
            };
            assert!(
                !(v.is_object() || v.is_null() && fig.kind() == FigureKind::Money),
                "{}: {v}",
                c.placeholder
            );
            assert_eq!(
                c.value,
                worded_from_json(fig.kind(), v),
                "{}",
                c.placeholder
            );
            assert_eq!(c.placeholder, fig.placeholder());
        }
    }
}

#[test]
fn a_section_prints_each_figure_as_its_value_and_a_wrong_name_as_an_error() {
    let p = sample();
    let f = forecast(&p).unwrap();
    let text = "Cash is [[lowest_cash]] at worst; [[surplus year=1]] in year one; \
                [[lowest_csh year=9]], [[surplus]] and [[months_negative year=1]] name nothing; \
                [[Lowest cash]] is ordinary text.";
    let printed_text = printed(text, p.forecast.months, Some(&f));
    assert_eq!(
        printed_text,
        format!(
            "Cash is {} at worst; {} in year one; [no such figure: lowest_csh year=9], \
             [no such figure: surplus] and [no such figure: months_negative year=1] name nothing; \
             [[Lowest cash]] is ordinary text.",
            pounds(f.summary.lowest_cash),
            pounds(f.years[0].surplus)
        )
    );
    // The runs join back to the text as written.
    let runs = pieces(text, p.forecast.months, Some(&f));
    let written: String = runs.iter().map(Piece::written).collect();
    assert_eq!(written, text);
    assert!(matches!(
        &runs[1],
        Piece::Figure { label, .. } if label == "lowest cash"
    ));
    // Without a forecast every figure is "not available"; a wrong name still names nothing.
    assert_eq!(
        printed("[[lowest_cash]] / [[nothing]]", p.forecast.months, None),
        format!("{NOT_AVAILABLE} / [no such figure: nothing]")
    );
}

/// The sample's narrative quotes its own figures through live figures: the printed plan shows
/// their values, never a bracket, and a change of contract value changes the printed figure.
#[test]
#[cfg_attr(
    windows,
    ignore = "reads the PDF with Linux tools (poppler-utils, qpdf): see docs/windows.md"
)]
fn the_samples_printed_narrative_follows_its_forecast() {
    let p = sample();
    let used: Vec<String> = p
        .narrative
        .sections
        .iter()
        .flat_map(|s| {
            pieces(&s.text, p.forecast.months, None)
                .into_iter()
                .filter_map(|r| match r {
                    Piece::Fault { placeholder, shown } if shown == NOT_AVAILABLE => {
                        Some(placeholder)
                    }
                    _ => None,
                })
        })
        .collect();
    for placeholder in [
        "[[surplus year=1]]",
        "[[tax year=1]]",
        "[[closing_cash]]",
        "[[peak_facility_drawn]]",
        "[[peak_facility_drawn_month]]",
        "[[free_reserves year=1]]",
        "[[free_reserves_months year=2]]",
        "[[largest_commissioner_share]]",
    ] {
        assert!(used.iter().any(|u| u == placeholder), "{placeholder}");
    }
    let pdf_text = |p: &Plan| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.pdf");
        std::fs::write(&path, render(p, &analysed(p)).unwrap()).unwrap();
        tool("pdftotext", &[path.to_str().unwrap(), "-"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let before = pdf_text(&p);
    assert!(!before.contains("[["), "a placeholder reached the page");
    let f = forecast(&p).unwrap();
    let surplus = pounds(f.years[0].surplus);
    assert!(
        before.contains(&format!(
            "Our forecast shows a surplus of {surplus} in the first year"
        )),
        "{surplus}"
    );
    // The ICB pays £100,000 a year more: the narrative's surplus is the new one.
    let mut richer = p.clone();
    let c = &mut richer.forecast.contracts[0];
    c.annual_value = money(&(c.annual_value.get() + Decimal::from(100_000)).to_string());
    let g = forecast(&richer).unwrap();
    let new_surplus = pounds(g.years[0].surplus);
    assert_ne!(new_surplus, surplus);
    let after = pdf_text(&richer);
    assert!(
        after.contains(&format!(
            "Our forecast shows a surplus of {new_surplus} in the first year"
        )),
        "{new_surplus}"
    );
    // What the narrative still types is flagged, not printed as if true: the contract's old
    // value, and the stress figures it quoted.
    let a = analysed(&richer);
    let flagged: Vec<&str> = a
        .findings
        .iter()
        .filter(|f| f.rule == "NAR-01")
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        flagged.iter().any(|m| m.contains("£6,000,000")),
        "{flagged:?}"
    );
    assert!(after.contains("match nothing in the forecast"));
}

/// A typed figure the forecast no longer has makes the printed plan a draft, saying why.
#[test]
fn typed_figures_that_match_nothing_make_the_printed_plan_a_draft() {
    let mut p = sample();
    let s = p
        .narrative
        .sections
        .iter_mut()
        .find(|s| s.id == "finance")
        .unwrap();
    s.text = s.text.replace("[[surplus year=1]]", "£531,622");
    let a = analysed(&p);
    assert!(a.findings.iter().any(|f| f.rule == "NAR-01"
        && f.path == "narrative.sections[finance].text"
        && f.message.contains("£531,622")));
    let draft = mutual_plan::checks::submission::draft_reasons(&p, &a.findings);
    assert_eq!(
        draft,
        ["figures typed in 1 section that match nothing in the forecast"]
    );
}

/// The window's offer: an amount typed from the forecast as it was saved, which no longer
/// matches, is found where it is (in UTF-16 code units) with the figure it was copied from.
#[test]
fn an_amount_copied_from_the_saved_plan_is_offered_its_live_figure() {
    let mut saved = sample();
    let surplus = pounds(forecast(&saved).unwrap().years[0].surplus);
    let s = saved
        .narrative
        .sections
        .iter_mut()
        .find(|s| s.id == "finance")
        .unwrap();
    // Text before it that counts differently in UTF-16 and in bytes: "−" and an emoji.
    s.text = format!(
        "Cash falls by −£5 in a month 🙂. We make {surplus} in year one, and £123,456 besides."
    );
    let mut now = saved.clone();
    now.forecast.contracts[0].annual_value = money("6100000.00");
    let criteria = Criteria::bundled();
    let found = amounts_to_replace(&now, &criteria, Some(&saved), "finance");
    assert_eq!(found.len(), 2, "{found:?}");
    let text = &now
        .narrative
        .sections
        .iter()
        .find(|s| s.id == "finance")
        .unwrap()
        .text;
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for a in &found {
        let slice = String::from_utf16(&utf16[a.start as usize..a.end as usize]).unwrap();
        assert_eq!(slice, a.text);
    }
    assert_eq!(found[0].text, surplus);
    let offered: Vec<&str> = found[0]
        .suggestions
        .iter()
        .map(|c| c.placeholder.as_str())
        .collect();
    assert_eq!(offered, ["[[surplus year=1]]"]);
    // With today's value, so the writer sees what it will print.
    assert_eq!(
        found[0].suggestions[0].value,
        pounds(forecast(&now).unwrap().years[0].surplus)
    );
    // An amount that matched nothing when saved either has nothing to offer: a chooser instead.
    assert_eq!(found[1].text, "£123,456");
    assert!(found[1].suggestions.is_empty());
    // Without a saved plan there is nothing to compare with.
    let unsaved = amounts_to_replace(&now, &criteria, None, "finance");
    assert!(unsaved.iter().all(|a| a.suggestions.is_empty()));
}

/// `mutual-plan diff` compares a placeholder as text, and shows beside it the value each version
/// prints.
#[test]
fn the_comparison_shows_each_live_figure_with_its_value() {
    let dir = tempfile::tempdir().unwrap();
    let old = sample();
    let mut new = old.clone();
    let s = new
        .narrative
        .sections
        .iter_mut()
        .find(|s| s.id == "growth")
        .unwrap();
    s.text
        .push_str("\n\nOur cash at the end of year two is [[closing_cash year=2]].");
    new.forecast.contracts[0].annual_value = money("6100000.00");
    let (a, b) = (
        dir.path().join("old.mutualplan"),
        dir.path().join("new.mutualplan"),
    );
    std::fs::write(&a, write_plan(&old)).unwrap();
    std::fs::write(&b, write_plan(&new)).unwrap();
    let out = cli(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    let shown = text(&out.stdout);
    let cash = pounds(forecast(&new).unwrap().years[1].closing_cash);
    assert!(
        shown.contains(&format!(
            "Our cash at the end of year two is [[closing_cash year=2]] ({cash})."
        )),
        "{shown}"
    );
    // The sample's own paragraphs with live figures did not change as text, though their
    // values did: they are not listed as changed.
    assert!(!shown.contains("paragraph 1 changed"), "{shown}");
}
