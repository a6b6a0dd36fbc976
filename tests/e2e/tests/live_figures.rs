//! End-to-end tests of live figures in the narrative: a figure put in a section with Insert
//! figure shows as its value, follows the plan as it changes, and is saved as its placeholder; a
//! typed amount that matches nothing is flagged beside its section and in the Checks view, and
//! the finding leads to it and replaces it with a live figure. Every value expected is the
//! core's. The built app under Xvfb, as in app.rs.

mod common;

use common::*;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::forecast::forecast;
use mutual_plan::model::plan::Plan;
use mutual_plan::show::live_text::{amounts_to_replace, choices, figures_worth};

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const UP: &str = "\u{E013}";
const LEFT: &str = "\u{E012}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";
/// Control+End: the end of the text.
const TO_END: &str = "\u{E009}\u{E010}\u{E000}";

const SECTION: &str = "finance";
/// Two amounts that match nothing, typed at the end of the section.
const TYPED: &str = " We also expect £123,456 from other work and £654,321 from grants.";
const CONTRACT: &str = "forecast.contracts[community-therapy].annual_value";

fn text_path(section: &str) -> String {
    format!("narrative.sections[{section}].text")
}

/// The core's value of the live figure `placeholder` in `plan`, worded as the window shows it.
fn value_of(plan: &Plan, placeholder: &str) -> String {
    let f = forecast(plan).unwrap();
    choices(plan.forecast.months, Some(&f))
        .into_iter()
        .find(|c| c.placeholder == placeholder)
        .unwrap_or_else(|| panic!("no figure {placeholder}"))
        .value
}

/// The chip of `placeholder` in the section's editor, once it shows `want`.
async fn chip_shows(c: &Client, section: &str, placeholder: &str, want: &str) -> Element {
    let css = format!(
        "[id='{}'] [data-testid='live-figure'][data-placeholder='{placeholder}']",
        text_path(section)
    );
    eventually(&format!("{placeholder} to show {want}"), || async {
        for e in c.find_all(Locator::Css(&css)).await.ok()? {
            if e.text().await.ok()?.trim() == want {
                return Some(e);
            }
        }
        None
    })
    .await
}

/// Keys for whatever has the focus, as a person types them (the caret stays where it is).
async fn keys(c: &Client, keys: &str) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

async fn active_id(c: &Client) -> String {
    c.active_element()
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// The text selected in the page.
async fn selected(c: &Client) -> String {
    c.execute("return String(getSelection());", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Clicks into the section's filled text, as a person does, and puts the caret at its end.
async fn click_to_end(c: &Client, section: &str) -> Element {
    let editor = field(c, &text_path(section)).await;
    editor.click().await.unwrap();
    eventually("the editor to have the focus", || async {
        (active_id(c).await == text_path(section)).then_some(())
    })
    .await;
    keys(c, TO_END).await;
    editor
}

/// Types `filter` in the open Insert figure list, moves down and back up with the arrow keys,
/// and checks the active option is `placeholder`'s before pressing Enter.
async fn choose_in_list(c: &Client, filter: &str, placeholder: &str) {
    let input = by_testid(c, "figure-filter").await;
    eventually("the list's filter to have the focus", || async {
        (active_id(c).await == input.attr("id").await.ok()??).then_some(())
    })
    .await;
    keys(c, filter).await;
    keys(c, DOWN).await;
    keys(c, UP).await;
    let active = eventually("an active option", || async {
        let id = input.attr("aria-activedescendant").await.ok()??;
        c.find(Locator::Css(&format!("[id='{id}']")))
            .await
            .ok()?
            .attr("data-placeholder")
            .await
            .ok()?
    })
    .await;
    assert_eq!(active, placeholder, "the first figure for {filter:?}");
    keys(c, ENTER).await;
}

/// The file's section text once the window has saved revision `revision`.
async fn saved_text(c: &Client, file: &Path, revision: u32, section: &str) -> String {
    let plan = save_and_read(c, file, revision).await;
    plan.narrative
        .sections
        .iter()
        .find(|s| s.id == section)
        .unwrap()
        .text
        .clone()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_live_figure_shows_its_value_follows_the_plan_and_a_typed_amount_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    c.set_window_size(1366, 768).await.unwrap();
    let sample = mutual_plan::model::samples::riverside().unwrap();
    let before = sample
        .narrative
        .sections
        .iter()
        .find(|s| s.id == SECTION)
        .unwrap()
        .text
        .clone();
    let path = text_path(SECTION);

    // Typed at the end of the finance section, then Insert figure with the keyboard: Tab to the
    // button, Enter, filter, the arrow keys, Enter.
    go(&c, "narrative").await;
    settled(&c).await;
    click_to_end(&c, SECTION).await;
    keys(&c, " We expect to end the forecast with ").await;
    keys(&c, TAB).await;
    let insert = c
        .find(Locator::Css(&format!(
            "[data-path='{path}'] [data-testid='insert-figure']"
        )))
        .await
        .unwrap();
    assert_eq!(
        c.active_element().await.unwrap().element_id(),
        insert.element_id(),
        "Tab goes from the text to its Insert figure"
    );
    assert_eq!(
        insert.attr("aria-label").await.unwrap().as_deref(),
        Some("Insert figure in Financial plan")
    );
    keys(&c, ENTER).await;
    by_testid(&c, "figure-menu").await;
    choose_in_list(&c, "cash at the end", "[[closing_cash]]").await;

    let closing = value_of(&sample, "[[closing_cash]]");
    let chip = chip_shows(&c, SECTION, "[[closing_cash]]", &closing).await;
    assert_eq!(
        chip.attr("aria-label").await.unwrap().unwrap_or_default(),
        format!("live figure: cash at the end of the forecast, {closing}")
    );
    assert_eq!(
        chip.attr("contenteditable").await.unwrap().as_deref(),
        Some("false")
    );
    // The focus is back in the text, after the figure: the caret is drawn there, and typing goes
    // on there.
    assert_eq!(active_id(&c).await, path);
    let (x, y, right, top) = caret_and_last_chip(&c, &path).await;
    assert!(
        (x - right).abs() < 2.0 && (y - top).abs() < 4.0,
        "caret at ({x}, {y}), the figure ends at ({right}, {top})"
    );
    keys(&c, " in the bank.").await;
    settled(&c).await;
    screenshot(&c, "live-figures-section.png").await;

    // The list open, for the picture: the whole forecast's figures, then each year's.
    keys(&c, TAB).await;
    keys(&c, ENTER).await;
    by_testid(&c, "figure-menu").await;
    keys(&c, "cash").await;
    screenshot(&c, "live-figures-insert-menu.png").await;
    // The list and its filter are named, and pass the accessibility check the views do.
    let violations = serious_accessibility_violations(&c).await;
    assert!(violations.is_empty(), "{violations:#?}");
    keys(&c, ESCAPE).await;
    eventually("Escape to go back to the editor", || async {
        (active_id(&c).await == path).then_some(())
    })
    .await;
    assert!(c
        .find(Locator::Css("[data-testid='figure-menu']"))
        .await
        .is_err());

    // A contract worth less: the figure shows the core's new closing cash.
    go(&c, "contracts").await;
    type_into(&field(&c, CONTRACT).await, "£5,500,000").await;
    settled(&c).await;
    let mut changed = sample.clone();
    changed.forecast.contracts[0].annual_value = "5500000".parse().unwrap();
    let lower = value_of(&changed, "[[closing_cash]]");
    assert_ne!(lower, closing, "the contract changes the closing cash");
    go(&c, "narrative").await;
    chip_shows(&c, SECTION, "[[closing_cash]]", &lower).await;

    // A typed amount that matches nothing: NAR-01 beside the section and in the Checks view.
    click_to_end(&c, SECTION).await;
    keys(&c, TYPED).await;
    settled(&c).await;
    let note = format!("[data-path='{path}'] [data-testid='field-note'][data-rule='NAR-01']");
    eventually("NAR-01 beside the section", || async {
        let t = c.find(Locator::Css(&note)).await.ok()?.text().await.ok()?;
        t.contains("£123,456").then_some(())
    })
    .await;
    go(&c, "checks").await;
    let check = format!("[data-testid='check'][data-rule='NAR-01'][data-path='{path}']");
    let check = c.find(Locator::Css(&check)).await.unwrap();
    assert!(check.text().await.unwrap().contains("£123,456"));

    // Chosen (through the keyboard, as in app.rs: no sticky bar is in the way), it opens the
    // section with the amount selected, after any other amount typed there that the new contract
    // value left unmatched.
    check
        .find(Locator::Css("button"))
        .await
        .unwrap()
        .send_keys(ENTER)
        .await
        .unwrap();
    eventually(
        "the Narrative view with the section's text focused",
        || async {
            let view = by_testid(&c, "view").await.attr("data-view").await.ok()??;
            (view == "narrative" && active_id(&c).await == path).then_some(())
        },
    )
    .await;
    let bar = format!("[data-path='{path}'] [data-testid='amount-bar']");
    let mut previous = String::new();
    for _ in 0..20 {
        let shown = eventually("an amount selected", || async {
            let t = c
                .find(Locator::Css(&format!("{bar} [data-testid='amount-text']")))
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            (t != previous && selected(&c).await == t).then_some(t)
        })
        .await;
        if shown == "£123,456" {
            break;
        }
        c.find(Locator::Css(&format!("{bar} [data-testid='amount-next']")))
            .await
            .unwrap()
            .send_keys(ENTER)
            .await
            .unwrap();
        previous = shown;
    }
    assert_eq!(selected(&c).await, "£123,456");
    screenshot(&c, "live-figures-amount.png").await;
    let violations = serious_accessibility_violations(&c).await;
    assert!(violations.is_empty(), "{violations:#?}");
    // It matched nothing when the plan was saved: a chooser, the Insert figure list.
    c.find(Locator::Css(&format!(
        "{bar} [data-testid='amount-choose']"
    )))
    .await
    .unwrap()
    .send_keys(ENTER)
    .await
    .unwrap();
    choose_in_list(
        &c,
        "surplus after tax year 1",
        "[[surplus_after_tax year=1]]",
    )
    .await;
    let surplus = value_of(&changed, "[[surplus_after_tax year=1]]");
    chip_shows(&c, SECTION, "[[surplus_after_tax year=1]]", &surplus).await;
    // Then the next amount is selected, and offered the same.
    eventually("the next amount selected", || async {
        let t = c
            .find(Locator::Css(&format!("{bar} [data-testid='amount-text']")))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (t == "£654,321" && selected(&c).await == t).then_some(())
    })
    .await;
    c.find(Locator::Css(&format!("{bar} [data-testid='amount-done']")))
        .await
        .unwrap()
        .send_keys(ENTER)
        .await
        .unwrap();
    assert!(c.find(Locator::Css(&bar)).await.is_err());
    assert_eq!(active_id(&c).await, path);
    settled(&c).await;
    eventually("NAR-01 for £123,456 to go", || async {
        let t = c.find(Locator::Css(&note)).await.ok()?.text().await.ok()?;
        (!t.contains("£123,456") && t.contains("£654,321")).then_some(())
    })
    .await;

    // Beside the section, the finding leads to the first amount the core finds unmatched.
    let want = format!(
        "{before} We expect to end the forecast with [[closing_cash]] in the bank. We also expect [[surplus_after_tax year=1]] from other work and £654,321 from grants."
    );
    let mut now = changed.clone();
    now.narrative
        .sections
        .iter_mut()
        .find(|s| s.id == SECTION)
        .unwrap()
        .text
        .clone_from(&want);
    let first = amounts_to_replace(&now, &Criteria::bundled(), None, SECTION)[0]
        .text
        .clone();
    c.find(Locator::Css(&format!(
        "{note} [data-testid='field-note-act']"
    )))
    .await
    .unwrap()
    .send_keys(ENTER)
    .await
    .unwrap();
    eventually("the first amount selected", || async {
        let t = c
            .find(Locator::Css(&format!("{bar} [data-testid='amount-text']")))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (t == first && selected(&c).await == t).then_some(())
    })
    .await;

    // The file holds the placeholders, not the values.
    let saved = saved_text(&c, &file, sample.revision + 1, SECTION).await;
    assert_eq!(saved, want);
    assert!(!saved.contains(&lower) && !saved.contains("£123,456"));
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn an_amount_typed_from_a_figure_is_replaced_by_that_figure_once_it_no_longer_matches() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let sample = mutual_plan::model::samples::riverside().unwrap();
    let mut changed = sample.clone();
    changed.forecast.contracts[0].annual_value = "5500000".parse().unwrap();
    // A figure whose value, typed as a number, the core matches to that figure alone in the plan
    // as saved, and to nothing once the contract is worth less.
    let saved_forecast = forecast(&sample).unwrap();
    let saved_choices = choices(sample.forecast.months, Some(&saved_forecast));
    let section = "growth";
    let (figure, typed) = saved_choices
        .iter()
        .filter(|f| {
            f.value.starts_with('£')
                && figures_worth(
                    pence_of(&f.value).into(),
                    sample.forecast.months,
                    &saved_forecast,
                )
                .len()
                    == 1
        })
        .find_map(|f| {
            let mut typed_plan = sample.clone();
            let s = typed_plan
                .narrative
                .sections
                .iter_mut()
                .find(|s| s.id == section)
                .unwrap();
            s.text.push_str(&format!(" We expect {}.", f.value));
            let mut after = typed_plan.clone();
            after.forecast.contracts[0].annual_value = "5500000".parse().unwrap();
            let now = amounts_to_replace(&typed_plan, &Criteria::bundled(), None, section);
            let then = amounts_to_replace(&after, &Criteria::bundled(), Some(&typed_plan), section);
            (now.is_empty()
                && then.len() == 1
                && then[0].suggestions.len() == 1
                && then[0].suggestions[0].placeholder == f.placeholder)
                .then(|| (f.clone(), f.value.clone()))
        })
        .expect("a figure the sample's amounts match alone");
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    let path = text_path(section);

    // Typed as a number, it matches the figure: no finding. Saved.
    go(&c, "narrative").await;
    settled(&c).await;
    click_to_end(&c, section).await;
    keys(&c, &format!(" We expect {typed}.")).await;
    settled(&c).await;
    let note = format!("[data-path='{path}'] [data-testid='field-note'][data-rule='NAR-01']");
    assert!(c.find(Locator::Css(&note)).await.is_err());
    save_and_read(&c, &file, sample.revision + 1).await;

    // The contract is worth less: the amount no longer matches. Its finding, chosen in the side
    // panel, selects it and offers the one figure it was.
    go(&c, "contracts").await;
    type_into(&field(&c, CONTRACT).await, "£5,500,000").await;
    settled(&c).await;
    let finding = format!("[data-testid='finding'][data-rule='NAR-01'][data-path='{path}'] button");
    let finding = eventually("NAR-01 in the side panel", || async {
        c.find(Locator::Css(&finding)).await.ok()
    })
    .await;
    finding.click().await.unwrap();
    let bar = format!("[data-path='{path}'] [data-testid='amount-bar']");
    let replace = eventually("the offer to replace it", || async {
        c.find(Locator::Css(&format!(
            "{bar} [data-testid='amount-replace']"
        )))
        .await
        .ok()
    })
    .await;
    assert_eq!(selected(&c).await, typed);
    let words = c
        .find(Locator::Css(&bar))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let now = value_of(&changed, &figure.placeholder);
    assert!(
        words.contains(&figure.label) && words.contains(&now),
        "{words}"
    );
    assert_eq!(replace.text().await.unwrap(), "Replace with a live figure");
    replace.click().await.unwrap();
    chip_shows(&c, section, &figure.placeholder, &now).await;
    // None is left to replace.
    eventually("the last amount put right", || async {
        let t = c.find(Locator::Css(&bar)).await.ok()?.text().await.ok()?;
        t.contains("No more typed amounts").then_some(())
    })
    .await;
    let saved = saved_text(&c, &file, sample.revision + 2, section).await;
    assert!(
        saved.ends_with(&format!(" We expect {}.", figure.placeholder)),
        "{saved}"
    );
    c.close().await.unwrap();
}

/// Where the caret is drawn (left, top) and where the section's last live figure ends (right, top).
async fn caret_and_last_chip(c: &Client, path: &str) -> (f64, f64, f64, f64) {
    let got = c
        .execute(
            "const [p] = arguments; const e = document.getElementById(p); \
             const r = getSelection().getRangeAt(0).getClientRects()[0]; \
             const f = [...e.querySelectorAll('[data-testid=live-figure]')].pop().getBoundingClientRect(); \
             return r ? [r.left, r.top, f.right, f.top] : [-1, -1, f.right, f.top];",
            vec![serde_json::json!(path)],
        )
        .await
        .unwrap();
    let n = |i: usize| got[i].as_f64().unwrap();
    (n(0), n(1), n(2), n(3))
}

/// The chips of `kind` (`live-figure` or `live-figure-fault`) in the section's editor.
async fn chips(c: &Client, section: &str, kind: &str) -> Vec<(String, String)> {
    let css = format!("[id='{}'] [data-testid='{kind}']", text_path(section));
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(&css)).await.unwrap() {
        let p = e
            .attr("data-placeholder")
            .await
            .unwrap()
            .unwrap_or_default();
        out.push((p, e.text().await.unwrap()));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_placeholder_typed_by_hand_becomes_a_figure_and_the_text_edits_as_text() {
    use mutual_plan::show::live_text::printed;
    const BACKSPACE: &str = "\u{E003}";
    const UNDO: &str = "\u{E009}z\u{E000}";
    const REDO: &str = "\u{E009}\u{E008}z\u{E000}";
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    let sample = mutual_plan::model::samples::riverside().unwrap();
    let section = "vision";
    let before = sample
        .narrative
        .sections
        .iter()
        .find(|s| s.id == section)
        .unwrap()
        .text
        .clone();
    let path = text_path(section);
    let closing = value_of(&sample, "[[closing_cash]]");
    go(&c, "narrative").await;
    settled(&c).await;

    // Typed by hand, a placeholder becomes a chip once the core has read it, and the caret stays
    // after it: what is typed next follows the figure.
    click_to_end(&c, section).await;
    keys(&c, " Cash at the end: [[closing_cash]]").await;
    chip_shows(&c, section, "[[closing_cash]]", &closing).await;
    assert_eq!(active_id(&c).await, path);
    // The caret is drawn after the figure, at the end of its line, not at the line's start.
    let (x, y, right, top) = caret_and_last_chip(&c, &path).await;
    assert!(
        (x - right).abs() < 2.0 && (y - top).abs() < 4.0,
        "caret at ({x}, {y}), the figure ends at ({right}, {top})"
    );
    // One Backspace takes the figure away whole; undo brings it back, redo takes it again.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    // The arrow keys step over the figure as over one character.
    let figures_after_caret = "const [p] = arguments; const e = document.getElementById(p); \
        const s = getSelection(); const r = document.createRange(); \
        r.setStart(s.focusNode, s.focusOffset); r.setEnd(e, e.childNodes.length); \
        return r.cloneContents().querySelectorAll('[data-testid=live-figure]').length;";
    let after_caret = || async {
        c.execute(figures_after_caret, vec![serde_json::json!(path)])
            .await
            .unwrap()
            .as_u64()
            .unwrap()
    };
    assert_eq!(after_caret().await, 0);
    keys(&c, LEFT).await;
    assert_eq!(after_caret().await, 1, "Left goes before the figure");
    keys(&c, LEFT).await;
    keys(&c, RIGHT).await;
    assert_eq!(after_caret().await, 1);
    keys(&c, RIGHT).await;
    assert_eq!(after_caret().await, 0, "Right goes after the figure");
    keys(&c, BACKSPACE).await;
    eventually("Backspace to take the figure whole", || async {
        chips(&c, section, "live-figure")
            .await
            .is_empty()
            .then_some(())
    })
    .await;
    settled(&c).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    keys(&c, UNDO).await;
    chip_shows(&c, section, "[[closing_cash]]", &closing).await;
    keys(&c, REDO).await;
    eventually("redo to take it again", || async {
        chips(&c, section, "live-figure")
            .await
            .is_empty()
            .then_some(())
    })
    .await;
    keys(&c, UNDO).await;
    chip_shows(&c, section, "[[closing_cash]]", &closing).await;

    // Enter is a new line in the text; a name that is no figure shows the core's words for it,
    // as an error, with NAR-02 beside the section.
    keys(&c, TO_END).await;
    keys(
        &c,
        &format!(" in the bank.{ENTER}- A point of our own [[closing_cahs]]"),
    )
    .await;
    eventually("the fault shown", || async {
        let f = chips(&c, section, "live-figure-fault").await;
        (f == [(
            "[[closing_cahs]]".to_string(),
            "[no such figure: closing_cahs]".to_string(),
        )])
        .then_some(())
    })
    .await;
    let nar_02 = format!("[data-path='{path}'] [data-testid='field-note'][data-rule='NAR-02']");
    eventually("NAR-02 beside the section", || async {
        c.find(Locator::Css(&nar_02)).await.ok().map(|_| ())
    })
    .await;
    screenshot(&c, "live-figures-fault.png").await;
    keys(&c, &format!("{BACKSPACE}{BACKSPACE}")).await;
    eventually("the fault deleted", || async {
        chips(&c, section, "live-figure-fault")
            .await
            .is_empty()
            .then_some(())
    })
    .await;

    // Pasted text comes in as plain text, its placeholder a figure once the core has read it.
    c.execute(
        "const [p] = arguments; const e = document.getElementById(p); \
         const d = new DataTransfer(); d.setData('text/plain', '.\\r\\nPasted: [[surplus year=2]]'); \
         e.dispatchEvent(new ClipboardEvent('paste', { clipboardData: d, bubbles: true, cancelable: true }));",
        vec![serde_json::json!(path)],
    )
    .await
    .unwrap();
    let surplus = value_of(&sample, "[[surplus year=2]]");
    chip_shows(&c, section, "[[surplus year=2]]", &surplus).await;
    settled(&c).await;

    let want = format!(
        "{before} Cash at the end: [[closing_cash]] in the bank.\n- A point of our own.\nPasted: [[surplus year=2]]"
    );
    // The word count is of the words as printed.
    let shown = printed(
        &want,
        sample.forecast.months,
        Some(&forecast(&sample).unwrap()),
    );
    let count = format!("{} words", shown.split_whitespace().count());
    let counted = c
        .find(Locator::Css(&format!(
            "[data-path='{path}'] [data-testid='word-count']"
        )))
        .await
        .unwrap();
    assert_eq!(counted.text().await.unwrap(), count);
    assert_eq!(
        saved_text(&c, &file, sample.revision + 1, section).await,
        want
    );

    // In review mode the text cannot change and nothing can be inserted.
    by_testid(&c, "review-mode").await.click().await.unwrap();
    let editor = field(&c, &path).await;
    eventually("the text read-only", || async {
        (editor.attr("contenteditable").await.ok()?.as_deref() == Some("false")).then_some(())
    })
    .await;
    assert_eq!(
        editor.attr("aria-readonly").await.unwrap().as_deref(),
        Some("true")
    );
    assert!(c
        .find(Locator::Css(&format!(
            "[data-path='{path}'] [data-testid='insert-figure']"
        )))
        .await
        .is_err());
    c.close().await.unwrap();
}
