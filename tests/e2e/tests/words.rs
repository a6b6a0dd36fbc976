//! End-to-end tests of the words the window shows: messages a person can act on, choices that
//! say what they mean and show whole, settings in their own words, and the Overview's words for
//! one finding. The built app under Xvfb, as in app.rs.

mod common;

use common::*;
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::checks::verdict::Severity;
use mutual_plan::show::overview::overview;

/// A picture of the whole screen as a person sees it (ImageMagick's `import`), beside WebDriver's
/// own, when `E2E_SCREENSHOT_DIR` asks for pictures.
async fn look(c: &Client, name: &str) {
    screenshot(c, name).await;
    if let Some(dir) = std::env::var_os("E2E_SCREENSHOT_DIR") {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let _ = Command::new("import")
            .args(["-window", "root"])
            .arg(PathBuf::from(dir).join(format!("screen-{name}")))
            .status();
    }
}

/// The text of the first element matching `css`, once there is one.
async fn text_of(c: &Client, css: &str) -> String {
    let e = c
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"));
    e.text().await.unwrap()
}

/// The error shown beside the field at `path`, once it contains `part`.
async fn error_beside(c: &Client, path: &str, part: &str) -> String {
    let css = format!("[data-path='{path}'] [data-testid='field-error']");
    eventually(&format!("the message beside {path}"), || async {
        let t = c.find(Locator::Css(&css)).await.ok()?.text().await.ok()?;
        t.contains(part).then_some(t)
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_refused_date_or_amount_says_how_to_type_it_beside_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;

    go(&c, "contracts").await;
    // A date typed month first, as an American calendar writes it.
    let started = "forecast.contracts[community-therapy].procurement.started";
    type_into(&field(&c, started).await, "1/13/2028").await;
    let m = error_beside(&c, started, "1/13/2028").await;
    assert!(
        m.contains("dates are day/month/year") && m.contains("01/04/2027"),
        "{m}"
    );
    // An amount that is not one: the example is written as people type it.
    let value = "forecast.contracts[community-therapy].annual_value";
    type_into(&field(&c, value).await, "12x").await;
    let m = error_beside(&c, value, "12x").await;
    assert!(m.contains("£1,234.50"), "{m}");
    assert!(!m.contains("1234.50"), "{m}");
    look(&c, "words-refused-date.png").await;
    c.close().await.unwrap();
}

/// The choices of the drop-downs in the view on screen that do not show whole: `id: text`.
/// A select's text is cut when it is wider than the select less its padding and what WebKitGTK
/// keeps inside that for its arrow (26 pixels: a select sized to its longest choice has exactly
/// that to spare).
const CUT_CHOICES: &str = "
const cut = [];
const probe = document.createElement('span');
probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;';
document.body.appendChild(probe);
for (const s of document.querySelectorAll('main select')) {
  const cs = getComputedStyle(s);
  probe.style.font = cs.font;
  const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 26;
  for (const o of s.options) {
    probe.textContent = o.text;
    const w = probe.getBoundingClientRect().width;
    if (w > room + 0.5) cut.push(s.id + ': ' + o.text + ' (' + Math.round(w) + ' > ' + Math.round(room) + ')');
  }
}
probe.remove();
return cut;";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn every_drop_down_shows_its_choices_whole_on_a_laptop_screen() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    c.set_window_size(1366, 768).await.unwrap();
    let mut seen = 0;
    for view in [
        "organisation",
        "ownership",
        "contracts",
        "staff",
        "costs",
        "funding",
        "settings",
    ] {
        go(&c, view).await;
        settled(&c).await;
        seen += c.find_all(Locator::Css("main select")).await.unwrap().len();
        let cut: Vec<String> =
            serde_json::from_value(c.execute(CUT_CHOICES, vec![]).await.unwrap()).unwrap();
        look(&c, &format!("words-selects-{view}.png")).await;
        assert!(cut.is_empty(), "{view}: choices cut short: {cut:?}");
    }
    assert!(seen > 20, "only {seen} drop-downs were looked at");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn one_finding_on_the_overview_is_named_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    // The sample has one warning: its falls prevention classes may be standard-rated for VAT.
    // The Overview counts it in the singular, as the core words it.
    let sample = mutual_plan::model::samples::riverside().unwrap();
    let first = overview(&sample, &analyse(&sample, &Criteria::bundled()));
    go(&c, "overview").await;
    let summary = text_of(&c, "[data-testid='overview-findings-summary']").await;
    assert_eq!(summary, first.findings_summary);
    assert!(
        summary.starts_with("1 warning") && !summary.contains("warnings"),
        "{summary}"
    );
    // Without the overdraft the cash falls below zero: the core finds FIN-06, and NAR-01 in each
    // section whose typed figures quoted the overdraft, and still no error.
    let mut plan = sample;
    plan.forecast.facilities.clear();
    let a = analyse(&plan, &Criteria::bundled());
    let want = overview(&plan, &a);
    let warnings: Vec<&str> = a
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            f.rule.as_str()
        })
        .collect();
    assert_eq!(warnings, ["FIN-06", "VAT-02", "NAR-01", "NAR-01", "NAR-01"]);
    // Removed in the Funding view, as a person would.
    go(&c, "funding").await;
    item_button(&c, "forecast.facilities", "overdraft", "remove").await;
    settled(&c).await;
    go(&c, "overview").await;
    let sev = text_of(
        &c,
        "[data-testid='overview-finding'][data-rule='FIN-06'] [data-testid='overview-severity']",
    )
    .await;
    assert_eq!(sev, "Warning");
    // The count is in the plural now, as the core words it.
    let summary = text_of(&c, "[data-testid='overview-findings-summary']").await;
    assert_eq!(summary, want.findings_summary);
    assert!(summary.starts_with("5 warnings"), "{summary}");
    look(&c, "words-overview.png").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn choices_and_settings_say_what_they_mean_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;

    // An annual cost says beside its choice that it is spread over the months.
    go(&c, "costs").await;
    let hint = text_of(
        &c,
        "[data-path='forecast.costs[it].frequency'] [data-testid='choice-hint']",
    )
    .await;
    assert!(hint.contains("one twelfth each month"), "{hint}");

    go(&c, "settings").await;
    // The pay award month is chosen by name; the file keeps its number.
    let month = field(&c, "forecast.settings.pay_award_month").await;
    assert_eq!(
        month.prop("tagName").await.unwrap().as_deref(),
        Some("SELECT")
    );
    let chosen = text_of(
        &c,
        "[id='forecast.settings.pay_award_month'] option:checked",
    )
    .await;
    assert_eq!(chosen, "April");
    month.select_by_value("10").await.unwrap();
    // The marginal relief fraction reads as the fraction it is, and is typed as one.
    let relief = field(&c, "forecast.settings.ct_marginal_relief_percent").await;
    eventually("the fraction to show", || async {
        (value(&relief).await == "3/200").then_some(())
    })
    .await;
    type_into(&relief, "9/400").await;
    look(&c, "words-settings.png").await;
    let saved = save_and_read(&c, &file, 4).await;
    assert_eq!(saved.forecast.settings.pay_award_month, 10);
    assert_eq!(
        saved
            .forecast
            .settings
            .ct_marginal_relief_percent
            .to_string(),
        "2.25"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn lists_ask_for_a_new_item_in_words_and_show_ids_only_to_a_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;

    go(&c, "risks").await;
    let scope = "[data-list='narrative.milestones']";
    let label = text_of(&c, &format!("{scope} .add label")).await;
    assert!(!label.contains("What of"), "{label}");
    assert!(label.contains("milestone"), "{label}");
    for input in c
        .find_all(Locator::Css("[data-testid='add-name']"))
        .await
        .unwrap()
    {
        let hint = input.attr("placeholder").await.unwrap().unwrap_or_default();
        assert!(!hint.starts_with("e.g."), "{hint}");
    }
    // The ids made from names are for the file and its reviewers, not for the team writing it.
    assert!(c
        .find_all(Locator::Css("main [data-testid='item-id']"))
        .await
        .unwrap()
        .is_empty());
    look(&c, "words-risks.png").await;
    by_testid(&c, "review-mode").await.click().await.unwrap();
    let id = text_of(
        &c,
        "[data-list='narrative.milestones'] [data-id='staff-vote'] [data-testid='item-id']",
    )
    .await;
    assert_eq!(id, "staff-vote");
    c.close().await.unwrap();
}
