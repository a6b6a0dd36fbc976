//! End-to-end tests of the app's desktop habits: a damaged plan given on the command line, the
//! recent files, the unsaved-changes prompt, printing with the mentors' comments, exporting to
//! Excel, importing a staff list, and the shell refusing a file the user never chose.
//!
//! Needs what `app.rs` needs (Xvfb, tauri-driver, WebKitWebDriver, xdotool, a built app).

mod common;

use common::*;
use mutual_plan::storage::{backup, RealFs};

/// The user's settings file in the test's config folder (see `start_driver`).
fn settings(data: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(data.join("config/settings.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

fn write_settings(data: &Path, value: serde_json::Value) {
    std::fs::create_dir_all(data.join("config")).unwrap();
    std::fs::write(data.join("config/settings.json"), value.to_string()).unwrap();
}

/// Calls a command of the shell straight from the page, as a page that went wrong could:
/// the command's answer, or its error as `{ kind, message }`.
async fn invoke(c: &Client, cmd: &str, args: serde_json::Value) -> serde_json::Value {
    c.execute_async(
        "const [cmd, args, done] = arguments;\
         window.__TAURI_INTERNALS__.invoke(cmd, args).then(\
           (ok) => done({ ok }), (err) => done({ err }));",
        vec![serde_json::json!(cmd), args],
    )
    .await
    .unwrap()
}

async fn sample_shown(c: &Client) {
    go(c, "organisation").await;
    let name = field(c, "organisation.name").await;
    eventually("the plan to load", || async {
        (value(&name).await == "Riverside Community Therapies CIC").then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_damaged_plan_on_the_command_line_shows_why_and_its_backup_restores() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let sample = mutual_plan::model::samples::riverside().unwrap();
    // An earlier save kept a backup; then the file was cut short (a full disk, a bad copy).
    backup::keep(
        &RealFs,
        &data,
        sample.id.as_str(),
        sample.revision,
        "2026-11-20T16:42:05Z".parse().unwrap(),
        mutual_plan::model::samples::RIVERSIDE.as_bytes(),
    )
    .unwrap();
    let text = mutual_plan::model::samples::RIVERSIDE;
    std::fs::write(&file, &text[..text.len() / 3]).unwrap();
    let core_says = mutual_plan::storage::load(&file).unwrap_err().to_string();

    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    by_testid(&c, "start-screen").await;
    let problem = by_testid(&c, "start-problem").await.text().await.unwrap();
    assert_eq!(problem, core_says);
    // Nobody's plan is shown as if it were this one: no part of any plan is on screen.
    assert!(c.find(Locator::Css("[data-testid='view']")).await.is_err());
    assert!(serious_accessibility_violations(&c).await.is_empty());
    screenshot(&c, "e2e-start-screen.png").await;

    let restore = by_testid(&c, "start-restore").await;
    assert_eq!(
        restore.text().await.unwrap(),
        "Restore the backup of 20 November 2026 at 16:42 UTC (revision 3)"
    );
    restore.click().await.unwrap();
    sample_shown(&c).await;
    let restored = read_plan(&std::fs::read(&file).unwrap()).unwrap().plan;
    assert_eq!(fingerprint(&restored), fingerprint(&sample));
    assert_eq!(restored.revision, sample.revision + 1);
    // The damaged file was kept too, as the newest backup.
    let backups = backup::list(&RealFs, &data, sample.id.as_str());
    assert_eq!(backups.len(), 2);
    assert_eq!(
        std::fs::read(&backups[0]).unwrap(),
        &text.as_bytes()[..text.len() / 3]
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn opened_plans_become_recent_and_a_vanished_one_is_taken_off() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let gone = dir.path().join("moved-away.mutualplan");
    write_settings(
        &data,
        serde_json::json!({ "recent": [gone.to_str().unwrap()] }),
    );

    // Opening a plan puts it first among the recent files (File → Open Recent shows this list).
    let (driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    sample_shown(&c).await;
    assert_eq!(
        settings(&data)["recent"],
        serde_json::json!([file.to_str().unwrap(), gone.to_str().unwrap()])
    );
    let listed = invoke(&c, "user_config", serde_json::json!({})).await;
    assert_eq!(listed["ok"]["recent"][0], file.to_str().unwrap());
    c.close().await.unwrap();
    drop(driver);

    // Started on a file that is missing, the start screen offers the recent plans.
    let missing = dir.path().join("missing.mutualplan");
    let (_driver, c) = launch(&data, &[missing.to_str().unwrap()]).await;
    by_testid(&c, "start-screen").await;
    let problem = by_testid(&c, "start-problem").await.text().await.unwrap();
    assert_eq!(
        problem,
        mutual_plan::storage::load(&missing)
            .unwrap_err()
            .to_string()
    );
    let recent = c
        .find_all(Locator::Css("[data-testid='start-recent']"))
        .await
        .unwrap();
    assert_eq!(recent.len(), 2);
    // The vanished one: a clear message, and it is off the list.
    c.find(Locator::Css(&format!(
        "[data-testid='start-recent'][data-path='{}']",
        gone.display()
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let notice = by_testid(&c, "notice").await.text().await.unwrap();
    assert!(notice.contains("moved or deleted"), "{notice}");
    assert_eq!(
        settings(&data)["recent"],
        serde_json::json!([file.to_str().unwrap()])
    );
    // The one still there opens (the first window was stopped without closing it, so its lock
    // is left behind: taking it over is offered, or reading it while that window is still going).
    c.find(Locator::Css(&format!(
        "[data-testid='start-recent'][data-path='{}']",
        file.display()
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let take_over = eventually("the plan or the lock question", || async {
        for answer in ["take_over", "read_only"] {
            let css = format!("[data-testid='choice-{answer}']");
            if let Ok(b) = c.find(Locator::Css(&css)).await {
                return Some(Some(b));
            }
        }
        c.find(Locator::Css("[data-testid='view']"))
            .await
            .ok()
            .map(|_| None)
    })
    .await;
    if let Some(b) = take_over {
        b.click().await.unwrap();
    }
    sample_shown(&c).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn unsaved_changes_offer_save_discard_and_cancel_and_save_stamps_who_saved() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    write_settings(
        &data,
        serde_json::json!({ "name": "Asha Patel", "role": "staff" }),
    );
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    sample_shown(&c).await;
    type_into(
        &field(&c, "organisation.name").await,
        "Riverside Therapy CIC",
    )
    .await;
    settled(&c).await;

    by_testid(&c, "new").await.click().await.unwrap();
    let dialog = by_testid(&c, "choice-dialog").await;
    let mut answers = Vec::new();
    for b in dialog.find_all(Locator::Css("button")).await.unwrap() {
        answers.push(b.text().await.unwrap());
    }
    assert_eq!(answers, ["Save", "Discard changes", "Cancel"]);
    assert!(serious_accessibility_violations(&c).await.is_empty());
    screenshot(&c, "e2e-unsaved-prompt.png").await;

    // Cancel keeps editing, with the change still there.
    by_testid(&c, "choice-cancel").await.click().await.unwrap();
    assert_eq!(
        value(&field(&c, "organisation.name").await).await,
        "Riverside Therapy CIC"
    );
    // Save saves, then the new plan opens.
    by_testid(&c, "new").await.click().await.unwrap();
    by_testid(&c, "choice-save").await.click().await.unwrap();
    let saved = eventually("the file to be saved", || async {
        let plan = read_plan(&std::fs::read(&file).ok()?).ok()?.plan;
        (plan.revision == 4).then_some(plan)
    })
    .await;
    assert_eq!(saved.organisation.name, "Riverside Therapy CIC");
    assert_eq!(saved.saved_by, "Asha Patel");
    let name = field(&c, "organisation.name").await;
    eventually("the new plan", || async {
        value(&name).await.is_empty().then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_file_the_user_never_chose_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let other = dir.path().join("other.mutualplan");
    std::fs::write(&other, mutual_plan::model::samples::RIVERSIDE).unwrap();
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    sample_shown(&c).await;
    let plan = serde_json::to_value(mutual_plan::model::samples::riverside().unwrap()).unwrap();

    let read = invoke(
        &c,
        "open_plan",
        serde_json::json!({ "file": other.to_str().unwrap(), "mode": "edit" }),
    )
    .await;
    assert_eq!(read["err"]["kind"], "not_chosen", "{}", read["err"]);
    let target = dir.path().join("elsewhere.pdf");
    let print = invoke(
        &c,
        "print_pdf",
        serde_json::json!({ "plan": plan, "file": target.to_str().unwrap(), "withReview": false, "unsaved": false }),
    )
    .await;
    assert_eq!(print["err"]["kind"], "not_chosen", "{}", print["err"]);
    let overwrite = invoke(
        &c,
        "save_plan_as",
        serde_json::json!({ "plan": plan, "file": other.to_str().unwrap() }),
    )
    .await;
    assert_eq!(
        overwrite["err"]["kind"], "not_chosen",
        "{}",
        overwrite["err"]
    );
    assert!(!target.exists());
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        mutual_plan::model::samples::RIVERSIDE
    );
    // The file it was started with is still its to open.
    let again = invoke(
        &c,
        "open_plan",
        serde_json::json!({ "file": file.to_str().unwrap(), "mode": "read_only" }),
    )
    .await;
    assert!(again["ok"]["plan"].is_object(), "{again}");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver, xdotool, pdftotext and the built app"]
async fn printing_with_mentor_comments_writes_them_into_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    sample_shown(&c).await;
    settled(&c).await;

    by_testid(&c, "print").await.click().await.unwrap();
    by_testid(&c, "choice-dialog").await;
    assert!(serious_accessibility_violations(&c).await.is_empty());
    by_testid(&c, "choice-option").await.click().await.unwrap();
    screenshot(&c, "e2e-print-dialog.png").await;
    by_testid(&c, "choice-print").await.click().await.unwrap();
    let pdf = dir.path().join("printed.pdf");
    answer_save_dialog(&pdf).await;
    let text = eventually("the PDF to be written", || async {
        let out = Command::new("pdftotext")
            .args([pdf.to_str()?, "-"])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    })
    .await;
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Is the 5% results-based payment confirmed in the draft contract?"),
        "the comment is not in the PDF"
    );
    assert!(!words.contains("Unsaved changes"));
    // The notice offers to open it in the system's viewer.
    assert_eq!(
        by_testid(&c, "notice-action").await.text().await.unwrap(),
        "Open it"
    );
}

/// The toolbar's Excel… asks where to save, writes the core's workbook of the plan as open, byte
/// for byte, and says so.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver, xdotool and the built app"]
async fn exporting_to_excel_writes_the_cores_workbook_of_the_open_plan() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    sample_shown(&c).await;
    settled(&c).await;

    by_testid(&c, "export-xlsx").await.click().await.unwrap();
    let xlsx = dir.path().join("figures.xlsx");
    answer_save_dialog(&xlsx).await;
    let notice = eventually("the export's notice", || async {
        let text = by_testid(&c, "notice").await.text().await.ok()?;
        text.contains("Exported to").then_some(text)
    })
    .await;
    assert!(notice.contains("Exported to figures.xlsx."), "{notice}");
    let plan = mutual_plan::storage::load(&file).unwrap().plan;
    let analysis = mutual_plan::checks::analysis::analyse(
        &plan,
        &mutual_plan::checks::criteria::Criteria::bundled(),
    );
    let want = mutual_plan::workbook::workbook(&plan, &analysis).unwrap();
    assert_eq!(std::fs::read(&xlsx).unwrap(), want);
}

/// Staff's Import from a spreadsheet… previews HR's list as the core reads it, shows a refused
/// cell with the typed field's message and imports nothing while it is refused; with that column
/// left out, Import adds every row, and one Undo takes them all away again.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver, xdotool and the built app"]
async fn a_staff_list_is_previewed_with_its_refused_cell_and_imported_as_one_undo_step() {
    use mutual_plan::import::{read_table, view, Target};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let list = dir.path().join("staff list.csv");
    let csv = "Riverside staff list\n\nJob title,WTE,Salary,Start date\nPhysiotherapist,1,\"£24,500\",01/04/2027\nAdministrator,0.8,abc,April 2027\n";
    std::fs::write(&list, csv).unwrap();
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    sample_shown(&c).await;
    settled(&c).await;
    go(&c, "staff").await;
    let scope = "[data-list='forecast.staff']";
    testid_in(&c, scope, "import").await.click().await.unwrap();
    answer_open_dialog("Import from a Spreadsheet", &list).await;
    by_testid(&c, "import-dialog").await;
    by_testid(&c, "import-refused").await;

    // Every cell as the core previews it, the refused one with the typed field's message.
    let plan = mutual_plan::storage::load(&file).unwrap().plan;
    let table = read_table(csv.as_bytes(), "staff list.csv", None).unwrap();
    let core = view(&plan, Target::Staff, &table, None);
    let cells = c
        .find_all(Locator::Css("[data-testid='import-cell']"))
        .await
        .unwrap();
    let mut shown = Vec::new();
    // Words as read, whatever spacing the page puts between a refused cell's text and message.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for cell in &cells {
        shown.push(words(&cell.text().await.unwrap()));
    }
    let want: Vec<String> = core
        .preview
        .rows
        .iter()
        .flat_map(|r| {
            r.cells.iter().map(|c| match &c.error {
                Some(e) => words(&format!("{} {e}", c.text)),
                None => words(&c.shown.clone().unwrap_or_default()),
            })
        })
        .collect();
    assert_eq!(shown, want);
    assert_eq!(
        by_testid(&c, "import-cell-error")
            .await
            .text()
            .await
            .unwrap(),
        mutual_plan::words::input::read_typed(mutual_plan::words::input::InputKind::Money, "abc")
            .unwrap_err()
    );
    assert!(!by_testid(&c, "import-confirm")
        .await
        .is_enabled()
        .await
        .unwrap());
    assert!(serious_accessibility_violations(&c).await.is_empty());
    screenshot(&c, "import-preview-refused.png").await;

    // Leave the salary out: nothing is refused, and Import adds both rows.
    let columns = c
        .find_all(Locator::Css("[data-testid='import-column']"))
        .await
        .unwrap();
    columns[2].select_by_value("").await.unwrap();
    eventually("the refusal to go", || async {
        c.find(Locator::Css("[data-testid='import-refused']"))
            .await
            .is_err()
            .then_some(())
    })
    .await;
    let confirm = by_testid(&c, "import-confirm").await;
    assert_eq!(confirm.text().await.unwrap(), "Import 2 staff lines");
    confirm.click().await.unwrap();
    for id in ["physiotherapist", "administrator"] {
        testid_in(&c, &format!("{scope} [data-id='{id}']"), "remove").await;
    }
    // One undo takes the whole import away.
    by_testid(&c, "undo").await.click().await.unwrap();
    eventually("the imported rows to go", || async {
        c.find(Locator::Css(&format!(
            "{scope} [data-id='physiotherapist']"
        )))
        .await
        .is_err()
        .then_some(())
    })
    .await;
    assert!(c
        .find(Locator::Css(&format!("{scope} [data-id='administrator']")))
        .await
        .is_err());
}
