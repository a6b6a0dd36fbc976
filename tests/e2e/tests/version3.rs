//! End-to-end test of the fields schema version 3 added, edited in the views that own them as
//! people edit: choosing from the drop-downs, clicking into a filled field and typing at its
//! end, adding a working-capital facility and a row of a band list; the saved file holds each
//! value, and the Forecast view shows the core's figures for the plan as saved.
//!
//! Needs an X server in `$DISPLAY`, `tauri-driver` and `WebKitWebDriver` on PATH, and the app
//! built first; `scripts/test.sh` does all of that. `MUTUAL_PLAN_APP` overrides the binary.

mod common;

use common::*;
use mutual_plan::model::catalogue::ListKind;
use mutual_plan::model::new_plan::{
    new_item, suggested_employee_percent, suggested_pension_percent,
};
use mutual_plan::model::plan::{
    Band, CostFrequency, Facility, PensionScheme, PsrProcess, VatTreatment,
};

const END: &str = "\u{E010}";
const BACKSPACE: &str = "\u{E003}";

/// The field at `path`, scrolled to the middle of the window, clear of the sticky bars.
async fn in_view(c: &Client, path: &str) -> Element {
    let f = field(c, path).await;
    c.execute(
        "arguments[0].scrollIntoView({ block: 'center' });",
        vec![serde_json::to_value(&f).unwrap()],
    )
    .await
    .unwrap();
    f
}

/// Clicks into the field at `path`, presses End and types `keys`, as a person edits a value.
async fn edit_at_end(c: &Client, path: &str, keys: &str) {
    let f = in_view(c, path).await;
    f.click().await.unwrap();
    f.send_keys(&format!("{END}{keys}")).await.unwrap();
}

/// Chooses `choice` (its value) in the drop-down at `path`.
async fn choose(c: &Client, path: &str, choice: &str) {
    in_view(c, path)
        .await
        .select_by_value(choice)
        .await
        .unwrap();
}

/// Waits until the field at `path` shows `words`.
async fn shows(c: &Client, path: &str, words: &str) {
    eventually(&format!("{path} to show {words}"), || async {
        (value(&field(c, path).await).await == words).then_some(())
    })
    .await;
}

/// Waits until the words beside the choice made in the drop-down at `path` hold `words`.
async fn hint_says(c: &Client, path: &str, words: &str) {
    eventually(
        &format!("the hint beside {path} to say {words}"),
        || async {
            let hint = c
                .find(Locator::Css(&format!("[id='{path}-hint']")))
                .await
                .ok()?;
            hint.text().await.ok()?.contains(words).then_some(())
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn the_fields_of_version_3_are_edited_in_their_views_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    let mut expected = mutual_plan::model::samples::riverside().unwrap();
    let f = &mut expected.forecast;

    // Contracts: the VAT treatment (with what it means beside it), whether the service is a
    // regulated activity, the Provider Selection Regime's process and the grounds for the award.
    go(&c, "contracts").await;
    let p = "forecast.contracts[community-therapy]";
    choose(&c, &format!("{p}.vat"), "standard").await;
    hint_says(&c, &format!("{p}.vat"), "standard rate").await;
    choose(&c, &format!("{p}.regulated_activity"), "false").await;
    choose(
        &c,
        &format!("{p}.procurement.psr_process"),
        "direct_award_c",
    )
    .await;
    let grounds = field(&c, &format!("{p}.procurement.justification")).await;
    grounds
        .send_keys("The existing provider, doing well")
        .await
        .unwrap();
    f.contracts[0].vat = VatTreatment::Standard;
    f.contracts[0].regulated_activity = Some(false);
    f.contracts[0].procurement.psr_process = Some(PsrProcess::DirectAwardC);
    f.contracts[0].procurement.justification = "The existing provider, doing well".into();
    // "Not known" empties it.
    choose(
        &c,
        "forecast.contracts[falls-prevention].regulated_activity",
        "",
    )
    .await;
    f.contracts[1].regulated_activity = None;

    // Costs: a line made capital spending takes the core's useful life, which is then typed
    // at its end (36 → 30); the VAT a supplier adds; the VAT on an income.
    go(&c, "costs").await;
    let it = "forecast.costs[it]";
    choose(&c, &format!("{it}.frequency"), "capital").await;
    shows(&c, &format!("{it}.useful_life_months"), "36").await;
    edit_at_end(
        &c,
        &format!("{it}.useful_life_months"),
        &format!("{BACKSPACE}0"),
    )
    .await;
    shows(&c, &format!("{it}.useful_life_months"), "30").await;
    f.costs[1].frequency = CostFrequency::Capital;
    f.costs[1].useful_life_months = Some(30);
    let vat = "forecast.costs[premises].vat_percent";
    shows(&c, vat, "0%").await;
    edit_at_end(&c, vat, &format!("{BACKSPACE}{BACKSPACE}20")).await;
    shows(&c, vat, "20").await;
    f.costs[0].vat_percent = "20".parse().unwrap();
    choose(&c, "forecast.income[training].vat", "zero").await;
    f.income[0].vat = VatTreatment::Zero;

    // Staff: a line linked to its contract (listed by its service); a member's rate typed at its
    // end; a scheme changed to defined contribution brings the core's member rate with it.
    go(&c, "staff").await;
    let contract = in_view(&c, "forecast.staff[admin].contract").await;
    let services: Vec<String> = serde_json::from_value(
        c.execute(
            "return [...arguments[0].options].map(o => o.text);",
            vec![serde_json::to_value(&contract).unwrap()],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        services,
        [
            "No particular contract",
            "Adult community therapy",
            "Falls prevention classes"
        ]
    );
    contract.select_by_value("community-therapy").await.unwrap();
    f.staff[2].contract = Some("community-therapy".parse().unwrap());
    let member = "forecast.staff[finance].pension.employee_percent";
    shows(&c, member, "5%").await;
    edit_at_end(&c, member, &format!("{BACKSPACE}{BACKSPACE}6.5")).await;
    shows(&c, member, "6.5").await;
    f.staff[4].pension.employee_percent = Some("6.5".parse().unwrap());
    let admin = "forecast.staff[admin].pension";
    choose(&c, &format!("{admin}.scheme"), "defined_contribution").await;
    shows(&c, &format!("{admin}.employee_percent"), "5%").await;
    let dc = PensionScheme::DefinedContribution;
    f.staff[2].pension.scheme = dc;
    f.staff[2].pension.employer_percent = suggested_pension_percent(dc);
    f.staff[2].pension.employee_percent = suggested_employee_percent(dc);

    // Funding: an overdraft added with the list's own Add, its limit and rate typed.
    go(&c, "funding").await;
    add_item(
        &c,
        "forecast.facilities",
        "Riverside Bank",
        "riverside-bank",
    )
    .await;
    let o = "forecast.facilities[riverside-bank]";
    type_into(&field(&c, &format!("{o}.limit")).await, "£250,000").await;
    type_into(&field(&c, &format!("{o}.annual_rate_percent")).await, "8").await;
    let mut overdraft: Facility =
        serde_json::from_value(new_item(&expected, ListKind::Facilities, "Riverside Bank"))
            .unwrap();
    overdraft.limit = "250000.00".parse().unwrap();
    overdraft.annual_rate_percent = "8".parse().unwrap();
    let f = &mut expected.forecast;
    f.facilities.push(overdraft);

    // Settings: registered for VAT, its quarters chosen by their months; a band's rate typed at
    // its end (20 → 21) and a row added to a band list, above its "and above" row.
    go(&c, "settings").await;
    let s = "forecast.settings";
    field(&c, &format!("{s}.vat_registered"))
        .await
        .send_keys(" ")
        .await
        .unwrap();
    choose(&c, &format!("{s}.vat_stagger"), "2").await;
    let stagger = c
        .find(Locator::Css(&format!(
            "[id='{s}.vat_stagger'] option:checked"
        )))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(stagger, "April, July, October, January");
    f.settings.vat_registered = true;
    f.settings.vat_stagger = 2;
    let basic = format!("{s}.income_tax_bands[#0].percent");
    shows(&c, &basic, "20%").await;
    edit_at_end(&c, &basic, &format!("{BACKSPACE}{BACKSPACE}1")).await;
    shows(&c, &basic, "21").await;
    f.settings.income_tax_bands[0].percent = "21".parse().unwrap();
    let ni = "[data-key='employee_ni_bands']";
    testid_in(&c, ni, "add-band")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    let row = format!("{s}.employee_ni_bands[#2]");
    type_into(&field(&c, &format!("{row}.up_to")).await, "£100,000").await;
    edit_at_end(
        &c,
        &format!("{row}.percent"),
        &format!("{BACKSPACE}{BACKSPACE}1"),
    )
    .await;
    f.settings.employee_ni_bands.insert(
        2,
        Band {
            up_to: Some("100000.00".parse().unwrap()),
            percent: "1".parse().unwrap(),
        },
    );
    screenshot(&c, "e2e-version3-settings.png").await;

    let saved = save_and_read(&c, &file, expected.revision + 1).await;
    expected.revision = saved.revision;
    expected.saved_at = saved.saved_at;
    expected.saved_by = saved.saved_by.clone();
    assert_eq!(
        saved, expected,
        "the file holds each value as chosen and typed"
    );

    // The Forecast view shows the core's figures for the plan as saved: its table, which draws
    // the rows in sight, scrolled to its last row, the closing cash.
    go(&c, "forecast").await;
    by_testid(&c, "forecast-table").await;
    c.execute(
        "const t = document.querySelector(\"[data-testid='forecast-table']\").parentElement;\
           t.scrollTo(0, t.scrollHeight); t.dispatchEvent(new Event('scroll'));",
        vec![],
    )
    .await
    .unwrap();
    let figures = mutual_plan::forecast::forecast(&saved).unwrap();
    let first = &figures.months[0];
    let cell = by_testid(&c, &format!("cell-Closing cash-{}", first.month)).await;
    let closing = eventually("the closing cash drawn", || async {
        let text = cell.prop("textContent").await.ok()??;
        (!text.trim().is_empty()).then_some(text)
    })
    .await;
    assert_eq!(
        closing.trim_end_matches("(below zero)").trim(),
        mutual_plan::words::money::pence(first.closing),
        "the first month's closing cash"
    );
    c.close().await.unwrap();
}
