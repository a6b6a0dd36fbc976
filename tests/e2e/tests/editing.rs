//! End-to-end tests of editing as people do it: clicking into a filled field and typing at its
//! end, tabbing through a view without typing, starting a new plan, and reading every figure of
//! the Forecast view's table against the core's forecast.
//!
//! Needs an X server in `$DISPLAY`, `tauri-driver` and `WebKitWebDriver` on PATH, and the app
//! built first; `scripts/test.sh` does all of that. `MUTUAL_PLAN_APP` overrides the binary.

mod common;

use common::*;
use std::collections::BTreeMap;

const END: &str = "\u{E010}";
const BACKSPACE: &str = "\u{E003}";
const TAB: &str = "\u{E004}";

/// Clicks into the field at `path`, presses End and types `keys`, as a person edits a value.
async fn edit_at_end(c: &Client, path: &str, keys: &str) {
    let f = field(c, path).await;
    f.click().await.unwrap();
    f.send_keys(&format!("{END}{keys}")).await.unwrap();
}

/// The id and value of the element that has the focus.
async fn focused(c: &Client) -> (String, String) {
    let v = c
        .execute(
            "const e = document.activeElement; return [e.id || '', e.value ?? ''];",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// The chart's money scale as drawn, bottom to top.
async fn scale_shown(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll(\"[data-testid='chart-tick']\")]\
               .map(t => t.textContent.trim());",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// Every text input of the view, by id, with the value it shows.
async fn inputs_shown(c: &Client) -> BTreeMap<String, String> {
    let v = c
        .execute(
            "return Object.fromEntries([...document.querySelectorAll(\"main input[type='text']\")]\
               .map(e => [e.id, e.value]));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn tabbing_through_filled_fields_keeps_every_value_shown_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    // Money, percentages, months, dates, the marginal relief fraction and plain text.
    for (view, first) in [
        ("costs", ("forecast.costs[premises].amount", "£30,000.00")),
        (
            "settings",
            ("forecast.settings.ct_marginal_relief_percent", "3/200"),
        ),
        ("organisation", ("organisation.spin_out_date", "01/04/2027")),
    ] {
        tab_through(&c, view, first).await;
    }
    assert_eq!(
        by_testid(&c, "save-state").await.text().await.unwrap(),
        "All changes saved"
    );
    assert!(!c.title().await.unwrap().starts_with("• "));
    c.close().await.unwrap();
}

/// Opens `view`, waits for `first` to show its words, and Tabs through every text field from the
/// first without typing: each shows its value while it has the focus, and nothing changes.
async fn tab_through(c: &Client, view: &str, (path, words): (&str, &str)) {
    go(c, view).await;
    let f = field(c, path).await;
    eventually(&format!("{path} worded"), || async {
        (value(&f).await == words).then_some(())
    })
    .await;
    settled(c).await;
    // Every field worded by the core (each asks for its words on its own): the same twice running.
    let mut before = inputs_shown(c).await;
    loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let again = inputs_shown(c).await;
        if again == before {
            break;
        }
        before = again;
    }
    assert!(before.len() > 3, "{view} has its fields: {before:?}");

    // From the first field, Tab through every one without typing: each shows its value while
    // it has the focus, as it did before.
    c.execute(
        "document.querySelector(\"main input[type='text']\").focus();",
        vec![],
    )
    .await
    .unwrap();
    // Every field, drop-down and button of the view is a Tab stop: Tab past them all.
    let stops: usize = serde_json::from_value(
        c.execute(
            "return document.querySelectorAll('main input, main select, main textarea, main button').length;",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    let mut visited = 0;
    for _ in 0..stops + 10 {
        let (id, shown) = focused(c).await;
        if let Some(was) = before.get(&id) {
            assert_eq!(&shown, was, "{id} changed when it took the focus");
            visited += 1;
        }
        c.active_element()
            .await
            .unwrap()
            .send_keys(TAB)
            .await
            .unwrap();
    }
    assert!(
        visited >= before.len(),
        "tabbed through {visited} of {}",
        before.len()
    );
    settled(c).await;
    assert_eq!(inputs_shown(c).await, before, "{view} changed");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn typing_at_the_end_of_a_filled_field_edits_its_value() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    let mut expected = mutual_plan::model::samples::riverside().unwrap();

    // Money: £30,000.00 → £30,000.05 (the last 0 taken back, a 5 typed).
    go(&c, "costs").await;
    let amount = "forecast.costs[premises].amount";
    eventually("the amount worded", || async {
        (value(&field(&c, amount).await).await == "£30,000.00").then_some(())
    })
    .await;
    edit_at_end(&c, amount, &format!("{BACKSPACE}5")).await;
    assert_eq!(value(&field(&c, amount).await).await, "£30,000.05");
    expected.forecast.costs[0].amount = "30000.05".parse().unwrap();

    // A month: April 2027 → April 2028.
    let start = "forecast.costs[premises].start";
    edit_at_end(&c, start, &format!("{BACKSPACE}8")).await;
    assert_eq!(value(&field(&c, start).await).await, "April 2028");
    expected.forecast.costs[0].start = "2028-04".parse().unwrap();

    // An FTE: 40 → 40.5.
    go(&c, "staff").await;
    let fte = "forecast.staff[physio].fte";
    eventually("the FTE shown", || async {
        (value(&field(&c, fte).await).await == "40").then_some(())
    })
    .await;
    edit_at_end(&c, fte, ".5").await;
    assert_eq!(value(&field(&c, fte).await).await, "40.5");
    expected.forecast.staff[0].fte = "40.5".parse().unwrap();

    // The marginal relief fraction: 3/200 → 3/2000 (0.15 %).
    go(&c, "settings").await;
    let relief = "forecast.settings.ct_marginal_relief_percent";
    eventually("the fraction shown", || async {
        (value(&field(&c, relief).await).await == "3/200").then_some(())
    })
    .await;
    edit_at_end(&c, relief, "0").await;
    assert_eq!(value(&field(&c, relief).await).await, "3/2000");
    expected.forecast.settings.ct_marginal_relief_percent = "0.15".parse().unwrap();

    // A date: 01/04/2027 → 01/04/2028; the forecast, which starts in the spin-out month, follows.
    go(&c, "organisation").await;
    let spin_out = "organisation.spin_out_date";
    eventually("the date shown", || async {
        (value(&field(&c, spin_out).await).await == "01/04/2027").then_some(())
    })
    .await;
    edit_at_end(&c, spin_out, &format!("{BACKSPACE}8")).await;
    assert_eq!(value(&field(&c, spin_out).await).await, "01/04/2028");
    let start = field(&c, "forecast.start").await;
    eventually("the forecast's start to follow", || async {
        (value(&start).await == "April 2028").then_some(())
    })
    .await;
    expected.organisation.spin_out_date = "2028-04-01".parse().unwrap();
    expected.forecast.start = "2028-04".parse().unwrap();

    let saved = save_and_read(&c, &file, 4).await;
    expected.revision = saved.revision;
    expected.saved_at = saved.saved_at;
    expected.saved_by = saved.saved_by.clone();
    assert_eq!(
        saved, expected,
        "the file holds each old value with what was typed"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_new_plan_has_no_errors_and_its_forecast_follows_the_spin_out_date() {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    go(&c, "organisation").await;
    field(&c, "organisation.name").await;
    by_testid(&c, "new").await.click().await.unwrap();
    let name = field(&c, "organisation.name").await;
    eventually("the new plan", || async {
        value(&name).await.is_empty().then_some(())
    })
    .await;
    settled(&c).await;

    // No part is started and none has errors, though Funding and Settings would pass as they are.
    let template = mutual_plan::model::new_plan::new_plan(
        "",
        "00000000000000000000000000000000".parse().unwrap(),
        mutual_plan::model::values::Timestamp::now(),
    );
    let parts: Vec<String> = mutual_plan::model::catalogue::PARTS
        .iter()
        .map(|p| p.id.as_str().to_string())
        .collect();
    for id in &parts {
        let state = eventually(&format!("{id}'s state"), || async {
            by_testid(&c, &format!("nav-{id}"))
                .await
                .attr("data-state")
                .await
                .ok()?
        })
        .await;
        assert_eq!(state, "empty", "{id}");
    }
    let months = |m: mutual_plan::model::values::Month| mutual_plan::words::format::month_long(m);
    let start = field(&c, "forecast.start").await;
    assert_eq!(value(&start).await, months(template.forecast.start));

    // The spin-out date moves the forecast's start with it, in one undo step.
    type_into(&field(&c, "organisation.spin_out_date").await, "13/01/2028").await;
    eventually("the forecast's start to follow", || async {
        (value(&start).await == "January 2028").then_some(())
    })
    .await;
    settled(&c).await;
    by_testid(&c, "undo").await.click().await.unwrap();
    eventually("undo to take both back", || async {
        (value(&start).await == months(template.forecast.start)).then_some(())
    })
    .await;
    let d = template.organisation.spin_out_date;
    assert_eq!(
        value(&field(&c, "organisation.spin_out_date").await).await,
        format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
    );
    c.close().await.unwrap();
}

/// Every figure of the Forecast view's monthly table, each line, net cash flow, opening and
/// closing cash, the overdraft drawn and the headroom in every month, and every year's total, is
/// the core's forecast worded: read from the window by scrolling the table through, and worked
/// out here from the forecast's months, not from the view.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn every_cell_of_the_forecast_table_is_the_cores_forecast() {
    use mutual_plan::forecast::forecast;
    use mutual_plan::words::money::pence;
    use rust_decimal::Decimal;
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
    by_testid(&c, "view").await;
    settled(&c).await;
    go(&c, "forecast").await;
    by_testid(&c, "forecast-table").await;

    let plan = mutual_plan::model::samples::riverside().unwrap();
    let f = forecast(&plan).unwrap();
    let mut want: BTreeMap<String, String> = BTreeMap::new();
    let mut keys: Vec<String> = f
        .months
        .iter()
        .flat_map(|m| m.lines.iter().map(|(k, _)| k.to_string()))
        .collect();
    keys.sort();
    keys.dedup();
    let line = |i: usize, key: &str| {
        f.months[i]
            .lines
            .iter()
            .find(|(k, _)| k.to_string() == key)
            .map_or(Decimal::ZERO, |(_, v)| *v)
    };
    let net = |i: usize| f.months[i].receipts - f.months[i].payments;
    // Cash below zero is marked as such; no flow is.
    let cash = |d: Decimal| {
        if d < Decimal::ZERO {
            format!("{} [below zero]", pence(d))
        } else {
            pence(d)
        }
    };
    for (i, m) in f.months.iter().enumerate() {
        for k in &keys {
            want.insert(format!("cell-{k}-{}", m.month), pence(line(i, k)));
        }
        want.insert(format!("cell-Net cash flow-{}", m.month), pence(net(i)));
        want.insert(format!("cell-Opening cash-{}", m.month), cash(m.opening));
        want.insert(format!("cell-Closing cash-{}", m.month), cash(m.closing));
    }
    // A plan with an overdraft (the sample has one) ends with what is drawn at each month's end,
    // a balance and never marked, and the headroom it leaves, cash and the undrawn limit, marked
    // below zero as cash is; a year shows its last month's.
    let drawn = "Overdraft drawn";
    let headroom = "Headroom";
    assert!(!plan.forecast.facilities.is_empty());
    for m in &f.months {
        want.insert(format!("cell-{drawn}-{}", m.month), pence(m.facility_drawn));
        want.insert(format!("cell-{headroom}-{}", m.month), cash(m.headroom));
    }
    for (y, first) in (0..f.months.len()).step_by(12).enumerate() {
        let end = (first + 12).min(f.months.len());
        for k in &keys {
            let total: Decimal = (first..end).map(|i| line(i, k)).sum();
            want.insert(format!("total-{k}-{y}"), pence(total));
        }
        let total: Decimal = (first..end).map(net).sum();
        want.insert(format!("total-Net cash flow-{y}"), pence(total));
        want.insert(
            format!("total-Opening cash-{y}"),
            cash(f.months[first].opening),
        );
        want.insert(
            format!("total-Closing cash-{y}"),
            cash(f.months[end - 1].closing),
        );
        want.insert(
            format!("total-{drawn}-{y}"),
            pence(f.months[end - 1].facility_drawn),
        );
        want.insert(
            format!("total-{headroom}-{y}"),
            cash(f.months[end - 1].headroom),
        );
    }

    // The table draws only what is in sight: scroll it through, every month, then fold each
    // year and read its totals.
    let read = "const done = arguments[arguments.length - 1];\n\
        const t = document.querySelector(\"[data-testid='forecast-table']\").parentElement;\n\
        const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));\n\
        const out = {};\n\
        const collect = () => document.querySelectorAll(\"[data-testid^='cell-'], [data-testid^='total-']\")\n\
          .forEach(e => { out[e.dataset.testid] = e.textContent.replace(/\\s*\\(below zero\\)/, '').trim()\n\
            + (e.classList.contains('negative') ? ' [below zero]' : ''); });\n\
        const sweep = async () => {\n\
          for (let y = 0; y <= t.scrollHeight; y += Math.max(1, t.clientHeight / 2)) {\n\
            for (let x = 0; x <= t.scrollWidth; x += Math.max(1, t.clientWidth / 2)) {\n\
              t.scrollTo(x, y); t.dispatchEvent(new Event('scroll')); await frame(); collect();\n\
            }\n\
          }\n\
        };\n\
        (async () => {\n\
          await sweep();\n\
          for (let n = 0; n < 50; n++) {\n\
            let folded = false;\n\
            for (let x = 0; x <= t.scrollWidth && !folded; x += Math.max(1, t.clientWidth / 2)) {\n\
              t.scrollTo(x, 0); t.dispatchEvent(new Event('scroll')); await frame();\n\
              const b = document.querySelector(\"[data-testid^='year-'][aria-expanded='true']\");\n\
              if (b) { b.click(); await frame(); folded = true; }\n\
            }\n\
            if (!folded) break;\n\
          }\n\
          await sweep();\n\
          done(out);\n\
        })();";
    let got: BTreeMap<String, String> =
        serde_json::from_value(c.execute_async(read, vec![]).await.unwrap()).unwrap();
    let mut wrong = Vec::new();
    for (id, text) in &want {
        match got.get(id) {
            Some(shown) if shown == text => {}
            other => wrong.push(format!("{id}: shows {other:?}, the core's is {text}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} figures differ from the core's:\n{}",
        wrong.len(),
        want.len(),
        wrong.join("\n")
    );
    // And the window shows no line the core does not have.
    let extra: Vec<&String> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    assert!(extra.is_empty(), "figures the core has not: {extra:?}");

    // The chart has the core's money scale, drawn in order from the bottom up.
    let view = mutual_plan::show::forecast_view::forecast_view(&plan).unwrap();
    let ticks = scale_shown(&c).await;
    let core: Vec<String> = view.scale.iter().map(|t| t.label.clone()).collect();
    assert!(core.len() >= 3, "{core:?}");
    assert_eq!(ticks, core);
    // With a scenario drawn beside the plan, the scale spans both: the core's for that scenario.
    let s1 = &view.scenarios[0];
    c.find(Locator::Css(&format!(
        "input[type='radio'][value='{}']",
        s1.id
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let want: Vec<String> = s1.scale.iter().map(|t| t.label.clone()).collect();
    assert_ne!(
        want, core,
        "the lost contract's scenario reaches further down"
    );
    eventually("the scenario's scale", || async {
        (scale_shown(&c).await == want).then_some(())
    })
    .await;

    // For the docs: the first year's months with the totals at the foot, net cash flow among them.
    c.execute_async(
        "const done = arguments[arguments.length - 1];\n\
         const t = document.querySelector(\"[data-testid='forecast-table']\").parentElement;\n\
         t.scrollTo(0, 0);\n\
         requestAnimationFrame(() => requestAnimationFrame(() => {\n\
           document.querySelector(\"[data-testid='year-0']\").click();\n\
           t.scrollIntoView({ block: 'end' });\n\
           t.scrollTo(0, t.scrollHeight);\n\
           requestAnimationFrame(() => requestAnimationFrame(() => done(null)));\n\
         }));",
        vec![],
    )
    .await
    .unwrap();
    screenshot(&c, "view-forecast-net-cash-flow.png").await;
    c.close().await.unwrap();
}
