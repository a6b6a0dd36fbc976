//! End-to-end: the Forecast view's Headroom section shows, line by line, what the core words for
//! the plan, draws a case on the chart from the core's numbers when one is chosen, and follows an
//! edit.

mod common;

use common::*;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::forecast::forecast;
use mutual_plan::model::plan::Plan;
use mutual_plan::show::headroom::{report, HeadroomView};

fn core_headroom(plan: &Plan) -> HeadroomView {
    report(plan, &forecast(plan).unwrap(), &Criteria::bundled())
        .unwrap()
        .view()
}

async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = vec![];
    for e in c.find_all(Locator::Css(css)).await.unwrap() {
        out.push(e.text().await.unwrap().trim().to_string());
    }
    out
}

/// Every line of the section as the window shows it: each test's base sentence and lines, then
/// the break-even lines.
async fn shown(c: &Client) -> Vec<String> {
    let mut out = vec![];
    for t in ["cash", "debt_service_cover", "free_reserves"] {
        out.extend(texts(c, &format!("[data-testid='headroom-base-{t}']")).await);
        out.extend(
            texts(
                c,
                &format!("[data-testid='headroom-line'][data-test='{t}']"),
            )
            .await,
        );
    }
    out.extend(texts(c, "[data-testid='break-even'] li").await);
    out
}

fn wanted(v: &HeadroomView) -> Vec<String> {
    let mut out = vec![];
    for t in &v.tests {
        out.push(t.base.clone());
        out.extend(t.lines.iter().map(|l| l.words.clone()));
    }
    out.extend(v.break_even.iter().cloned());
    out
}

async fn section_becomes(c: &Client, want: &[String]) {
    eventually("the Headroom section to show the core's lines", || async {
        let got = shown(c).await;
        (got == want).then_some(())
    })
    .await;
    assert_eq!(shown(c).await, want);
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn headroom_shows_the_cores_lines_draws_a_case_and_follows_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    c.set_window_size(1366, 768).await.unwrap();
    by_testid(&c, "overview").await;
    settled(&c).await;
    let mut plan = mutual_plan::model::samples::riverside().unwrap();
    let want = core_headroom(&plan);

    go(&c, "forecast").await;
    by_testid(&c, "headroom").await;
    section_becomes(&c, &wanted(&want)).await;
    // The sample fails the free-reserves test as it stands, and says so once, with no lines.
    assert!(want.tests[2].lines.is_empty());
    assert!(want.tests[2]
        .base
        .starts_with("The plan already fails this test"));
    let section = by_testid(&c, "headroom").await;
    c.execute(
        "arguments[0].scrollIntoView({ block: 'start' }); window.scrollBy(0, -60);",
        vec![serde_json::to_value(&section).unwrap()],
    )
    .await
    .unwrap();
    screenshot(&c, "view-forecast-headroom-section.png").await;

    // Choosing the price cut under cash draws its case beside the plan, on the case's scale.
    let case = want.tests[0].lines[0].case.clone().unwrap();
    let button = c
        .find(Locator::Css(
            "[data-testid='headroom-line'][data-test='cash'][data-lever='price_cut'] button",
        ))
        .await
        .unwrap();
    button.click().await.unwrap();
    let legend = eventually("the case's legend", || async {
        c.find(Locator::Css("[data-testid='chart-legend']"))
            .await
            .ok()?
            .text()
            .await
            .ok()
    })
    .await;
    assert!(legend.contains(&case.title), "{legend}");
    assert_eq!(
        button.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    let path = by_testid(&c, "chart-scenario")
        .await
        .attr("d")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        path.matches(['M', 'L']).count(),
        case.points.len(),
        "one point a month"
    );
    let mut ticks = vec![];
    for t in c
        .find_all(Locator::Css("[data-testid='chart-tick']"))
        .await
        .unwrap()
    {
        ticks.push(t.attr("data-value").await.unwrap().unwrap_or_default());
    }
    assert_eq!(
        ticks,
        case.scale
            .iter()
            .map(|t| t.value.clone())
            .collect::<Vec<_>>()
    );
    screenshot(&c, "view-forecast-headroom.png").await;
    // Chosen again, it is taken off the chart.
    button.click().await.unwrap();
    eventually("the case to go", || async {
        c.find(Locator::Css("[data-testid='chart-scenario']"))
            .await
            .is_err()
            .then_some(())
    })
    .await;

    // Paid in 35 days rather than 30 (in the field, End, Backspace, 5): the section becomes the
    // core's for the edited plan.
    plan.forecast.contracts[0].payment_terms_days = 35;
    let after = core_headroom(&plan);
    assert_ne!(wanted(&after), wanted(&want));
    go(&c, "contracts").await;
    let terms = field(
        &c,
        "forecast.contracts[community-therapy].payment_terms_days",
    )
    .await;
    terms.click().await.unwrap();
    terms.send_keys("\u{E010}\u{E003}5").await.unwrap();
    settled(&c).await;
    go(&c, "forecast").await;
    section_becomes(&c, &wanted(&after)).await;
    assert!(serious_accessibility_violations(&c).await.is_empty());
    c.close().await.unwrap();
}
