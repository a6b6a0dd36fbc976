//! End-to-end tests of what keeps a plan's unsaved work and gives it back: the page loaded again
//! after its process crashed, a never-saved plan's autosave offered at start, a recovery that
//! goes once its changes are undone, one offered with what it changes before it is restored, and
//! the name typed in Settings being the one a save records.
//!
//! Needs what `app.rs` needs (Xvfb, tauri-driver, WebKitWebDriver, a built app).

mod common;

use common::*;
use mutual_plan::model::values::Timestamp;
use mutual_plan::storage::{recovery, RealFs};

/// Calls a command of the shell from the page, as the page's own code does.
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

fn recovery_files(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data.join("recovery"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

async fn save_state(c: &Client) -> String {
    by_testid(c, "save-state").await.text().await.unwrap()
}

async fn name_is(c: &Client, want: &str) {
    go(c, "organisation").await;
    eventually(
        &format!("the organisation's name to read {want}"),
        || async {
            let name = c
                .find(Locator::Css("[id='organisation.name']"))
                .await
                .ok()?;
            (value(&name).await == want).then_some(())
        },
    )
    .await;
}

/// The app's own process, started by WebKitWebDriver with the test's data folder.
fn app_process(data: &Path) -> u32 {
    let want = format!("MUTUAL_PLAN_DATA_DIR={}", data.display());
    let app = app_binary();
    let app = app.canonicalize().unwrap_or(app);
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let exe = std::fs::read_link(entry.path().join("exe")).ok();
        if exe.as_deref() != Some(app.as_path()) {
            continue;
        }
        let env = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if env.split(|b| *b == 0).any(|v| v == want.as_bytes()) {
            return pid;
        }
    }
    panic!("the app's process was not found")
}

/// The WebKit web process the app started: the page's own process.
fn web_process_of(app: u32) -> Option<u32> {
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|entry| {
            let pid = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // pid (comm) state ppid …: the name may hold spaces, so read after its closing bracket.
            let (head, tail) = stat.rsplit_once(") ")?;
            let comm = head.split_once(" (")?.1;
            let ppid: u32 = tail.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == app && comm.starts_with("WebKitWebProces")).then_some(pid)
        })
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_crashed_page_comes_back_with_the_plans_unsaved_edit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    name_is(&c, "Riverside Community Therapies CIC").await;
    type_into(
        &field(&c, "organisation.name").await,
        "Riverside Therapy CIC",
    )
    .await;
    settled(&c).await;

    let app = app_process(&data);
    let page = web_process_of(app).expect("the page's web process");
    let status = Command::new("kill")
        .args(["-KILL", &page.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // The shell kept the unsaved edit on disk at once…
    eventually("the recovery file", || async {
        let files = recovery_files(&data);
        let text = std::fs::read_to_string(files.first()?).ok()?;
        text.contains("Riverside Therapy CIC").then_some(())
    })
    .await;
    // …and the page is loaded again in a new process. WebKitWebDriver ends its session when the
    // page crashes, so the window is reached as a person would: File → Save with its keys.
    eventually("a new web process", || async {
        web_process_of(app).filter(|p| *p != page)
    })
    .await;
    drop(c);
    if let Some(dir) = std::env::var_os("E2E_SCREENSHOT_DIR") {
        // WebDriver's session is gone, so the screen is taken from X.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let _ = Command::new("import")
            .args(["-window", "root"])
            .arg(PathBuf::from(dir).join("e2e-page-crashed.png"))
            .status();
    }
    let script = format!(
        "w=$(xdotool search --onlyvisible --pid {app} | head -1); \
         xdotool windowfocus --sync $w; sleep 0.5; xdotool key --clearmodifiers ctrl+s"
    );
    // The page takes a moment to ask the shell for its plan back: press until it has saved.
    let saved = eventually(
        "the plan, with its edit, to be saved from the page loaded again",
        || async {
            let ok = Command::new("sh")
                .arg("-c")
                .arg(&script)
                .status()
                .ok()?
                .success();
            assert!(ok, "xdotool could not press Ctrl+S");
            tokio::time::sleep(Duration::from_millis(700)).await;
            let plan = read_plan(&std::fs::read(&file).ok()?).ok()?.plan;
            (plan.revision >= 4).then_some(plan)
        },
    )
    .await;
    // It is still the file's plan, with the edit made before the crash.
    assert_eq!(saved.organisation.name, "Riverside Therapy CIC");
    assert!(recovery_files(&data).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_never_saved_plan_left_behind_is_offered_by_its_name_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut plan = mutual_plan::model::new_plan::new_plan(
        "Northfield Reablement",
        mutual_plan::model::values::PlanId::random().unwrap(),
        Timestamp::now(),
    );
    plan.forecast.opening_cash = "12500".parse().unwrap();
    recovery::write(&RealFs, &data, None, &plan, Timestamp::now()).unwrap();

    let (_driver, c) = launch(&data, &[]).await;
    let dialog = by_testid(&c, "choice-dialog").await;
    let text = dialog.text().await.unwrap();
    assert!(
        text.contains("An unsaved plan, Northfield Reablement, from "),
        "{text}"
    );
    by_testid(&c, "choice-restore").await.click().await.unwrap();
    name_is(&c, "Northfield Reablement").await;
    assert_eq!(save_state(&c).await, "Unsaved changes");
    assert_eq!(
        by_testid(&c, "file-name").await.text().await.unwrap(),
        "not saved yet"
    );
    // Until it is saved, its recovery is still there.
    assert_eq!(recovery_files(&data).len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn undoing_back_to_the_saved_plan_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    name_is(&c, "Riverside Community Therapies CIC").await;
    type_into(
        &field(&c, "organisation.name").await,
        "Riverside Therapy CIC",
    )
    .await;
    settled(&c).await;
    // The minute's autosave, now rather than in a minute.
    let r = invoke(&c, "autosave", serde_json::json!({})).await;
    assert!(r.get("ok").is_some(), "{r}");
    assert_eq!(recovery_files(&data).len(), 1);

    let undo = by_testid(&c, "undo").await;
    for _ in 0..20 {
        if save_state(&c).await == "All changes saved" {
            break;
        }
        undo.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(save_state(&c).await, "All changes saved");
    eventually("the recovery file to go", || async {
        recovery_files(&data).is_empty().then_some(())
    })
    .await;
    // An autosave now has nothing to keep.
    invoke(&c, "autosave", serde_json::json!({})).await;
    assert!(recovery_files(&data).is_empty());

    // An edit kept by the autosave, then discarded when another plan is started: gone too.
    type_into(&field(&c, "organisation.name").await, "Another name").await;
    settled(&c).await;
    invoke(&c, "autosave", serde_json::json!({})).await;
    assert_eq!(recovery_files(&data).len(), 1);
    by_testid(&c, "new").await.click().await.unwrap();
    by_testid(&c, "choice-discard").await.click().await.unwrap();
    text_becomes(&c, "file-name", "not saved yet").await;
    assert!(recovery_files(&data).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_recovery_is_offered_with_what_it_changes_and_nothing_is_restored_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let saved = read_plan(&std::fs::read(&file).unwrap()).unwrap().plan;
    let mut mistyped = saved.clone();
    mistyped.forecast.opening_cash = "4000".parse().unwrap();
    recovery::write(&RealFs, &data, Some(&file), &mistyped, Timestamp::now()).unwrap();

    let (driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    by_testid(&c, "recovery-offer").await;
    let compare = by_testid(&c, "compare").await.text().await.unwrap();
    assert!(
        compare.contains("Unsaved changes to riverside.mutualplan"),
        "{compare}"
    );
    let change = eventually("the opening cash among the changes", || async {
        for row in c
            .find_all(Locator::Css("[data-testid='change']"))
            .await
            .ok()?
        {
            if row.attr("data-path").await.ok()??.as_str() == "forecast.opening_cash" {
                return row.text().await.ok();
            }
        }
        None
    })
    .await;
    assert!(change.contains("£4,000.00"), "{change}");
    // Nothing was restored yet, and neither answer is the one Enter would pick.
    assert!(c
        .find(Locator::Css("[data-testid='recovery-offer'] .primary"))
        .await
        .is_err());
    assert_eq!(save_state(&c).await, "All changes saved");
    assert!(serious_accessibility_violations(&c).await.is_empty());
    screenshot(&c, "e2e-recovery-offer.png").await;

    // Discarded: the plan is as saved and the recovery is gone.
    by_testid(&c, "recovery-discard")
        .await
        .click()
        .await
        .unwrap();
    go(&c, "funding").await;
    let cash = field(&c, "forecast.opening_cash").await;
    assert_eq!(pence_of(&value(&cash).await), pence_of("£150,000.00"));
    assert!(recovery_files(&data).is_empty());
    c.close().await.unwrap();
    drop(driver);

    // Offered for another file, restored: the change is there, unsaved.
    let second = dir.path().join("second");
    std::fs::create_dir_all(&second).unwrap();
    let file = copy_sample(&second);
    recovery::write(&RealFs, &data, Some(&file), &mistyped, Timestamp::now()).unwrap();
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    by_testid(&c, "recovery-restore")
        .await
        .click()
        .await
        .unwrap();
    go(&c, "funding").await;
    let cash = field(&c, "forecast.opening_cash").await;
    eventually("the restored opening cash", || async {
        (pence_of(&value(&cash).await) == 400_000).then_some(())
    })
    .await;
    assert_eq!(save_state(&c).await, "Unsaved changes");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn the_name_typed_in_settings_is_the_name_a_save_records() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = copy_sample(dir.path());
    let (_driver, c) = launch(&data, &[file.to_str().unwrap()]).await;
    name_is(&c, "Riverside Community Therapies CIC").await;
    go(&c, "settings").await;
    // The field "Your name" (its id names the plan's `saved_by`, which it shows beside).
    let name = field(&c, "saved_by").await;
    type_into(&name, "Asha Patel").await;
    // Saved straight away, before the field has lost the focus.
    let saved = save_and_read(&c, &file, 4).await;
    assert_eq!(saved.saved_by, "Asha Patel");
    // One name: the user's settings hold it, and the review's "who you are" shows it.
    let settings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("config/settings.json")).unwrap())
            .unwrap();
    assert_eq!(settings["name"], "Asha Patel");
    let who = by_testid(&c, "identity").await;
    assert_eq!(
        who.prop("textContent").await.unwrap().as_deref(),
        Some("Asha Patel")
    );
    // And it is shown again in Settings, with who saved the plan last.
    go(&c, "organisation").await;
    go(&c, "settings").await;
    assert_eq!(value(&field(&c, "saved_by").await).await, "Asha Patel");
}
