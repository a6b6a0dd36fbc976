//! End-to-end tests of the views of what the core computes: the Overview the app opens on, the
//! Checks, Readiness, the ownership figures and the Forecast view's income and expenditure,
//! each compared with the core's own output for the same plan.

mod common;

use common::*;
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::model::plan::Plan;
use mutual_plan::show::overview::overview;
use mutual_plan::show::ownership::ownership_view;

fn core_overview(plan: &Plan) -> mutual_plan::show::overview::Overview {
    overview(plan, &analyse(plan, &Criteria::bundled()))
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .text()
        .await
        .unwrap()
}

async fn attrs(c: &Client, css: &str, attr: &str) -> Vec<String> {
    let mut out = vec![];
    for e in c.find_all(Locator::Css(css)).await.unwrap() {
        out.push(e.attr(attr).await.unwrap().unwrap_or_default());
    }
    out
}

/// Waits until the element at `css` reads `want`.
async fn css_text_becomes(c: &Client, css: &str, want: &str) {
    eventually(&format!("{css} to read {want}"), || async {
        let t = c.find(Locator::Css(css)).await.ok()?.text().await.ok()?;
        (t.trim() == want).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn the_app_opens_on_the_overview_with_the_cores_figures_and_follows_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    c.set_window_size(1366, 768).await.unwrap();
    let mut plan = mutual_plan::model::samples::riverside().unwrap();
    let want = core_overview(&plan);

    // The app opens on the Overview.
    by_testid(&c, "overview").await;
    let view = by_testid(&c, "view").await.attr("data-view").await.unwrap();
    assert_eq!(view.as_deref(), Some("overview"));
    settled(&c).await;
    text_becomes(&c, "overview-score", &want.score).await;
    // As `mutual-plan readiness` scores the sample.
    assert_eq!(want.score, "14 of 20");
    assert_eq!(
        text_of(&c, "[data-testid='overview-headline']").await,
        want.headline
    );
    let lowest = "[data-testid='overview-figure'][data-label='Lowest cash']";
    let figure = |label: &str, o: &mutual_plan::show::overview::Overview| {
        o.figures
            .iter()
            .find(|f| f.label == label)
            .unwrap()
            .value
            .clone()
    };
    // As `mutual-plan forecast` words it: the sample's overdraft keeps its cash at nil.
    assert_eq!(figure("Lowest cash", &want), "£0.00 in April 2027");
    css_text_becomes(&c, lowest, &figure("Lowest cash", &want)).await;
    for f in &want.figures {
        let css = format!("[data-testid='overview-figure'][data-label='{}']", f.label);
        assert_eq!(text_of(&c, &css).await, f.value, "{}", f.label);
    }
    // The most serious findings, in the core's order, and every part of the plan.
    let rules = attrs(&c, "[data-testid='overview-finding']", "data-rule").await;
    let core_rules: Vec<String> = want.findings.iter().map(|f| f.rule.clone()).collect();
    assert_eq!(rules, core_rules);
    // The sample's one warning leads (its falls prevention classes may be standard-rated for
    // VAT), as `mutual-plan check` lists it.
    assert_eq!(rules[0], "VAT-02");
    let parts = attrs(&c, "[data-testid='overview-part']", "data-state").await;
    assert_eq!(parts.len(), want.parts.len());
    assert!(parts.iter().all(|s| s == "complete"), "{parts:?}");
    screenshot(&c, "view-overview.png").await;

    // Paid in 60 days rather than 30: the Overview's lowest cash becomes the core's new figure.
    plan.forecast.contracts[0].payment_terms_days = 60;
    let after = figure("Lowest cash", &core_overview(&plan));
    assert_ne!(after, figure("Lowest cash", &want));
    go(&c, "contracts").await;
    type_into(
        &field(
            &c,
            "forecast.contracts[community-therapy].payment_terms_days",
        )
        .await,
        "60",
    )
    .await;
    settled(&c).await;
    go(&c, "overview").await;
    css_text_becomes(&c, lowest, &after).await;

    // A part with something missing says what, and its item opens the field.
    go(&c, "organisation").await;
    type_into(&field(&c, "organisation.services").await, " ").await;
    settled(&c).await;
    go(&c, "overview").await;
    let missing = eventually("the Overview to say the services are missing", || async {
        c.find(Locator::Css(
            "[data-testid='overview-missing'][data-path='organisation.services']",
        ))
        .await
        .ok()
    })
    .await;
    missing.click().await.unwrap();
    eventually("the services field to take the focus", || async {
        let id = c
            .execute(
                "return document.activeElement && document.activeElement.id;",
                vec![],
            )
            .await
            .ok()?;
        (id == serde_json::json!("organisation.services")).then_some(())
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_finding_in_checks_opens_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    c.set_window_size(1366, 768).await.unwrap();
    by_testid(&c, "overview").await;
    settled(&c).await;
    let plan = mutual_plan::model::samples::riverside().unwrap();
    let a = analyse(&plan, &Criteria::bundled());

    go(&c, "checks").await;
    by_testid(&c, "checks-view").await;
    // Every finding, grouped by severity, with its rule and what it is based on.
    let rules = attrs(&c, "[data-testid='check']", "data-rule").await;
    let mut core_rules: Vec<_> = a.findings.clone();
    core_rules.sort_by_key(|f| f.severity);
    assert_eq!(
        rules,
        core_rules
            .iter()
            .map(|f| f.rule.clone())
            .collect::<Vec<_>>()
    );
    // The most serious leads its severity's group, in the core's words and with its source.
    let first = &core_rules[0];
    let severity = serde_json::to_value(first.severity).unwrap();
    let shown = c
        .find(Locator::Css(&format!(
            "[data-testid='checks-group'][data-severity={severity}] [data-testid='check']"
        )))
        .await
        .unwrap();
    assert_eq!(
        shown.attr("data-rule").await.unwrap().as_deref(),
        Some(first.rule.as_str())
    );
    let text = shown.text().await.unwrap();
    assert!(text.contains(&first.message), "{text}");
    assert!(text.contains(&first.source), "{text}");
    screenshot(&c, "view-checks.png").await;

    // Choosing one opens the view of its field, with the focus in that field.
    let gov04 = a.findings.iter().find(|f| f.rule == "GOV-04").unwrap();
    let path = gov04.path.to_string();
    c.find(Locator::Css(
        "[data-testid='check'][data-rule='GOV-04'] button",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    eventually("the ownership view to open", || async {
        let v = by_testid(&c, "view").await.attr("data-view").await.ok()??;
        (v == "ownership").then_some(())
    })
    .await;
    eventually(&format!("the focus to land in {path}"), || async {
        let inside = c
            .execute(
                "const [p] = arguments; const a = document.activeElement; \
                 return !!a && !!a.closest('main') && !!a.closest(`[data-path=\"${p}\"]`);",
                vec![serde_json::json!(path)],
            )
            .await
            .ok()?;
        (inside == serde_json::json!(true)).then_some(())
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn readiness_shows_the_ten_areas_and_the_criteria_version() {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    c.set_window_size(1366, 768).await.unwrap();
    by_testid(&c, "overview").await;
    settled(&c).await;
    let plan = mutual_plan::model::samples::riverside().unwrap();
    let r = analyse(&plan, &Criteria::bundled()).readiness;

    go(&c, "readiness").await;
    by_testid(&c, "readiness-view").await;
    let ratings = attrs(&c, "[data-testid='readiness-area']", "data-rating").await;
    assert_eq!(ratings.len(), 10);
    let core: Vec<String> = r
        .areas
        .iter()
        .map(|a| {
            serde_json::to_value(a.rating)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ratings, core);
    text_becomes(&c, "readiness-criteria-version", &r.criteria.version).await;
    text_becomes(
        &c,
        "readiness-view-score",
        &format!("{} of {}", r.score, r.max_score),
    )
    .await;
    // Each area's figure and, when not green, what would make it green.
    for a in &r.areas {
        let css = format!(
            "[data-testid='readiness-area'][data-id='{}']",
            serde_json::to_value(a.id).unwrap().as_str().unwrap()
        );
        let row = text_of(&c, &css).await;
        assert!(row.contains(&a.figure), "{row}");
        if let Some(advice) = &a.advice {
            assert!(row.contains(advice), "{row}");
        }
    }
    assert_eq!(
        c.find_all(Locator::Css("[data-testid='eligibility-row']"))
            .await
            .unwrap()
            .len(),
        r.eligibility.len()
    );
    screenshot(&c, "view-readiness.png").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn ownership_shows_the_tier_in_words_and_a_bar_per_group() {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    c.set_window_size(1366, 768).await.unwrap();
    by_testid(&c, "overview").await;
    settled(&c).await;
    let mut plan = mutual_plan::model::samples::riverside().unwrap();
    let criteria = Criteria::bundled();
    let core = |plan: &Plan| {
        let a = analyse(plan, &criteria);
        ownership_view(plan, &criteria.policy, &a.findings)
    };
    let want = core(&plan);

    go(&c, "ownership").await;
    let tier = by_testid(&c, "ownership-tier").await;
    assert!(tier.text().await.unwrap().contains(&want.tier_words));
    let bars = attrs(&c, "[data-testid='bar-votes']", "width").await;
    assert_eq!(
        bars,
        want.groups
            .iter()
            .map(|g| g.votes.clone())
            .collect::<Vec<_>>()
    );
    let equity = attrs(&c, "[data-testid='bar-equity']", "width").await;
    assert_eq!(
        equity,
        want.groups
            .iter()
            .map(|g| g.equity.clone())
            .collect::<Vec<_>>()
    );
    let seats = attrs(&c, "[data-testid='board-seat']", "data-constituency").await;
    assert_eq!(seats.len(), plan.board.len());
    text_becomes(&c, "board-words", &want.board_words).await;
    let rules = attrs(&c, "[data-testid='ownership-finding']", "data-rule").await;
    assert_eq!(
        rules,
        want.findings
            .iter()
            .map(|f| f.rule.clone())
            .collect::<Vec<_>>()
    );
    c.execute("window.scrollTo(0, 0);", vec![]).await.unwrap();
    screenshot(&c, "view-ownership.png").await;

    // Staff with 40% of the votes: a joint-venture mutual, and the bar follows.
    let path = "ownership.groups[staff].voting_percent";
    plan.ownership.groups[0].voting_percent = "40".parse().unwrap();
    let after = core(&plan);
    assert_ne!(after.tier, want.tier);
    type_into(&field(&c, path).await, "40").await;
    settled(&c).await;
    eventually("the tier to change", || async {
        let t = by_testid(&c, "ownership-tier").await.text().await.ok()?;
        t.contains(&after.tier_words).then_some(())
    })
    .await;
    let bars = attrs(&c, "[data-testid='bar-votes']", "width").await;
    assert_eq!(bars, vec!["40".to_string()]);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn the_forecast_view_shows_income_and_expenditure_by_year() {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    c.set_window_size(1366, 768).await.unwrap();
    by_testid(&c, "overview").await;
    settled(&c).await;
    let plan = mutual_plan::model::samples::riverside().unwrap();
    let ie = mutual_plan::show::forecast_view::forecast_view(&plan)
        .unwrap()
        .income_expenditure;

    go(&c, "forecast").await;
    let table = by_testid(&c, "income-expenditure").await;
    let labels = attrs(&c, "[data-testid='ie-row']", "data-label").await;
    assert_eq!(
        labels,
        ie.rows.iter().map(|r| r.label.clone()).collect::<Vec<_>>()
    );
    for r in ["Corporation tax", "Surplus after tax"] {
        let row = ie.rows.iter().find(|x| x.label == r).unwrap();
        let cells = c
            .find(Locator::Css(&format!(
                "[data-testid='ie-row'][data-label='{r}']"
            )))
            .await
            .unwrap()
            .find_all(Locator::Css("td"))
            .await
            .unwrap();
        let mut got = vec![];
        for cell in cells {
            got.push(cell.text().await.unwrap());
        }
        assert_eq!(
            got,
            row.cells.iter().map(|x| x.text.clone()).collect::<Vec<_>>()
        );
    }
    c.execute(
        "arguments[0].scrollIntoView({ block: 'start' }); window.scrollBy(0, -120);",
        vec![serde_json::to_value(&table).unwrap()],
    )
    .await
    .unwrap();
    screenshot(&c, "view-forecast-ie.png").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_long_plans_monthly_table_draws_what_is_in_sight_and_the_rest_when_scrolled() {
    use mutual_plan::forecast::forecast;
    let dir = tempfile::tempdir().unwrap();
    let plan = stress_plan_with_contracts();
    let file = dir.path().join("stress.mutualplan");
    std::fs::write(&file, write_plan(&plan)).unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    c.set_window_size(1366, 768).await.unwrap();
    by_testid(&c, "overview").await;
    settled(&c).await;
    let f = forecast(&plan).unwrap();
    let last = f.months.last().unwrap();
    let closing = format!("cell-Closing cash-{}", last.month);

    go(&c, "forecast").await;
    by_testid(&c, "forecast-table").await;
    let count = "const t = document.querySelector(\"[data-testid='forecast-table']\"); \
                 return [t.querySelectorAll('tbody tr:not(.spacer)').length, Number(t.getAttribute('aria-rowcount')) - 2];";
    let drawn: (u64, u64) =
        serde_json::from_value(c.execute(count, vec![]).await.unwrap()).unwrap();
    assert!(
        drawn.1 > 100,
        "the stress plan has over a hundred rows: {drawn:?}"
    );
    assert!(
        drawn.0 < drawn.1 / 2,
        "only the rows in sight are drawn: {drawn:?}"
    );
    let months: u64 = serde_json::from_value(
        c.execute(
            "return document.querySelectorAll(\"[data-testid='forecast-table'] thead tr:nth-child(2) th\").length;",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    assert!(
        months < 40,
        "only the months in sight are drawn: {months} of 120"
    );
    assert!(c
        .find(Locator::Css(&format!("[data-testid='{closing}']")))
        .await
        .is_err());
    // Scrolled to the bottom right, the closing cash of the last month is the core's.
    c.execute(
        "const r = document.querySelector(\"[aria-label='The monthly cash flow']\"); \
         r.scrollTop = r.scrollHeight; r.scrollLeft = r.scrollWidth;",
        vec![],
    )
    .await
    .unwrap();
    let want = mutual_plan::words::money::pence(last.closing);
    eventually(&format!("{closing} to read {want}"), || async {
        let t = c
            .execute(
                "const [id] = arguments; const e = document.querySelector(`[data-testid='${id}']`); \
                 return e && e.textContent.trim();",
                vec![serde_json::json!(closing)],
            )
            .await
            .ok()?;
        (t == serde_json::json!(want)).then_some(())
    })
    .await;
    c.close().await.unwrap();
}
