//! End-to-end tests of mentor review and version comparison in the real app: review mode,
//! comments beside a contract, replies, resolving, sign-off, a save that writes only the review,
//! the sign-off seen by staff and marked earlier after a change, and two files compared.

mod common;

use common::*;
use serde_json::Value;

/// Clicks the element matching `css`, once it is there.
async fn click(c: &Client, css: &str) {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{css} could not be clicked: {e}"));
}

async fn type_in(c: &Client, css: &str, text: &str) {
    let e = c
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"));
    type_into(&e, text).await;
}

/// The value of `attr` on the element matching `css`, once it is `want`.
async fn attr_becomes(c: &Client, css: &str, attr: &str, want: &str) {
    eventually(&format!("{css} {attr} = {want}"), || async {
        let a = c
            .find(Locator::Css(css))
            .await
            .ok()?
            .attr(attr)
            .await
            .ok()??;
        (a == want).then_some(())
    })
    .await;
}

/// The plan file as JSON without its `review`.
fn without_review(bytes: &[u8]) -> Value {
    let mut v: Value = serde_json::from_slice(bytes).unwrap();
    v.as_object_mut().unwrap().shift_remove("review");
    v
}

/// Answers the desktop's Open dialog titled `title` with `path` (xdotool: the dialog is not part
/// of the page).
async fn answer_open_dialog(title: &str, path: &Path) {
    eventually("the Open dialog", || async {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
            .output()
            .expect("xdotool is not installed (scripts/setup.sh installs it)");
        (!out.stdout.is_empty()).then_some(())
    })
    .await;
    let script = format!(
        "w=$(xdotool search --onlyvisible --name '^{title}$' | head -1); \
         xdotool windowfocus --sync $w; sleep 0.3; xdotool key --clearmodifiers ctrl+l; sleep 0.3; \
         xdotool type --delay 20 '{}'; sleep 0.3; xdotool key Return",
        path.display()
    );
    let status = Command::new("sh").arg("-c").arg(&script).status().unwrap();
    assert!(status.success(), "xdotool could not answer the dialog");
}

/// Whether the last sign-off shown is of this version, once it reads `want`.
async fn last_signoff_current(c: &Client, want: &str) {
    eventually(
        &format!("the last sign-off to be current = {want}"),
        || async {
            let all = c
                .find_all(Locator::Css("[data-testid='signoff']"))
                .await
                .ok()?;
            let a = all.last()?.attr("data-current").await.ok()??;
            (a == want).then_some(())
        },
    )
    .await;
}

const CONTRACT: &str = "contract:community-therapy";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_mentor_comments_replies_resolves_and_signs_off_and_staff_see_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    let original = std::fs::read(&file).unwrap();
    let (driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    go(&c, "organisation").await;
    field(&c, "organisation.name").await;
    settled(&c).await;

    // Review mode: the content cannot change.
    by_testid(&c, "review-mode").await.click().await.unwrap();
    by_testid(&c, "review-banner").await;
    go(&c, "contracts").await;
    let value = field(&c, "forecast.contracts[community-therapy].annual_value").await;
    assert_eq!(
        value.attr("readonly").await.unwrap().as_deref(),
        Some("true")
    );
    assert!(
        c.find_all(Locator::Css(
            "[data-list='forecast.contracts'] [data-testid='remove']"
        ))
        .await
        .unwrap()
        .is_empty(),
        "no list buttons in review mode"
    );
    assert_eq!(
        by_testid(&c, "undo")
            .await
            .attr("disabled")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );

    // A comment beside the contract: the sample has one; the first of ours asks who we are.
    let toggle = format!("[data-testid='comments-toggle'][data-anchor='{CONTRACT}']");
    attr_becomes(&c, &toggle, "data-count", "1").await;
    click(&c, &toggle).await;
    let thread = format!("[data-testid='thread'][data-anchor='{CONTRACT}']");
    type_in(
        &c,
        &format!("{thread} [data-testid='comment-text-input']"),
        "Is the uplift agreed with the ICB?",
    )
    .await;
    click(&c, &format!("{thread} [data-testid='comment-add']")).await;
    type_in(&c, "[data-testid='identity-name']", "Jan Morris").await;
    let role = by_testid(&c, "identity-role").await;
    role.select_by_value("mentor").await.unwrap();
    by_testid(&c, "identity-save").await.click().await.unwrap();
    attr_becomes(&c, &toggle, "data-count", "2").await;
    let ours = format!("{thread} [data-testid='comment'][data-id='c-2']");
    let meta = c
        .find(Locator::Css(&format!("{ours} .meta")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(meta.starts_with("Jan Morris · Mentor · "), "{meta}");

    // Reply, then resolve.
    click(&c, &format!("{ours} [data-testid='reply']")).await;
    type_in(
        &c,
        &format!("{ours} [data-testid='reply-text']"),
        "Yes: 2% a year.",
    )
    .await;
    click(&c, &format!("{ours} [data-testid='reply-send']")).await;
    eventually("the reply", || async {
        c.find(Locator::Css(&format!("{ours} [data-testid='reply']")))
            .await
            .ok()
    })
    .await;
    click(&c, &format!("{ours} [data-testid='resolve']")).await;
    attr_becomes(&c, &ours, "data-resolved", "true").await;
    let violations = serious_accessibility_violations(&c).await;
    assert!(violations.is_empty(), "review mode: {violations:#?}");
    screenshot(&c, "view-review.png").await;
    // In a narrow window the comments stay beside their item and the list moves below.
    c.set_window_size(800, 700).await.unwrap();
    screenshot(&c, "view-review-800.png").await;
    c.set_window_size(1280, 800).await.unwrap();

    // Sign off in the Review list.
    go(&c, "review").await;
    by_testid(&c, "sign-off").await.click().await.unwrap();
    eventually("the new sign-off", || async {
        let all = c
            .find_all(Locator::Css("[data-testid='signoff']"))
            .await
            .ok()?;
        (all.len() == 2).then_some(())
    })
    .await;
    last_signoff_current(&c, "true").await;
    let violations = serious_accessibility_violations(&c).await;
    assert!(violations.is_empty(), "review list: {violations:#?}");
    screenshot(&c, "view-review-list.png").await;
    go(&c, "narrative").await;
    screenshot(&c, "view-review-narrative.png").await;

    // Save: only `review` changes on disk.
    by_testid(&c, "save").await.click().await.unwrap();
    let saved = eventually("the review to be saved", || async {
        let bytes = std::fs::read(&file).ok()?;
        let plan = read_plan(&bytes).ok()?.plan;
        (plan.review.signoffs.len() == 2).then_some((bytes, plan))
    })
    .await;
    let (bytes, plan) = saved;
    assert!(
        without_review(&bytes) == without_review(&original),
        "saving in review mode changed more than the review"
    );
    let c2 = plan
        .review
        .comments
        .iter()
        .find(|x| x.id.as_str() == "c-2")
        .unwrap();
    assert_eq!(c2.anchor, CONTRACT);
    assert_eq!(c2.author, "Jan Morris");
    assert_eq!(c2.replies[0].text, "Yes: 2% a year.");
    assert!(c2.resolved);
    let signed = &plan.review.signoffs[1];
    assert_eq!(
        (signed.by.as_str(), signed.role.as_str()),
        ("Jan Morris", "Mentor")
    );
    assert_eq!(signed.revision, 3);
    assert_eq!(signed.fingerprint, fingerprint(&plan));
    c.close().await.unwrap();
    drop(driver);
    // The driver ends the app without the window's own close, so its lock stays behind.
    let _ = std::fs::remove_file(dir.path().join(".~lock.riverside.mutualplan#"));

    // Staff open it to edit: the comment and the sign-off are there.
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    go(&c, "organisation").await;
    field(&c, "organisation.name").await;
    settled(&c).await;
    go(&c, "contracts").await;
    attr_becomes(&c, &toggle, "data-count", "2").await;
    go(&c, "review").await;
    last_signoff_current(&c, "true").await;

    // A figure changes and is saved: the sign-off is of an earlier version now.
    go(&c, "contracts").await;
    let value = field(&c, "forecast.contracts[community-therapy].annual_value").await;
    type_into(&value, "£3,950,000").await;
    let plan = save_and_read(&c, &file, 4).await;
    assert_ne!(plan.review.signoffs[1].fingerprint, fingerprint(&plan));
    go(&c, "review").await;
    last_signoff_current(&c, "false").await;
    let statuses = c
        .find_all(Locator::Css("[data-testid='signoff-status']"))
        .await
        .unwrap();
    let status = statuses.last().unwrap().text().await.unwrap();
    assert_eq!(
        status,
        "Signed revision 3, an earlier version — not this one"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn two_files_compared_side_by_side_and_a_change_opens_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let original = copy_sample(dir.path());
    let mut plan = mutual_plan::model::samples::riverside().unwrap();
    plan.forecast.contracts[0].annual_value = "4000000".parse().unwrap();
    let mut risk = plan.narrative.risks[0].clone();
    risk.id = "pensions".parse().unwrap();
    risk.description = "Employer pension contributions rise".into();
    plan.narrative.risks.push(risk);
    let draft = dir.path().join("draft-2.mutualplan");
    std::fs::write(&draft, write_plan(&plan)).unwrap();

    let (_driver, c) = launch(&dir.path().join("data"), &[draft.to_str().unwrap()]).await;
    go(&c, "organisation").await;
    field(&c, "organisation.name").await;
    settled(&c).await;
    by_testid(&c, "compare-with").await.click().await.unwrap();
    answer_open_dialog("Compare with", &original).await;
    by_testid(&c, "compare").await;
    text_becomes(&c, "compare-summary", "2 changes").await;
    let value_path = "forecast.contracts[community-therapy].annual_value";
    let row = c
        .find(Locator::Css(&format!(
            "[data-testid='change'][data-path='{value_path}']"
        )))
        .await
        .unwrap();
    let cells = row.text().await.unwrap();
    assert!(
        cells.contains("£6,000,000.00") && cells.contains("£4,000,000.00"),
        "{cells}"
    );
    let risk_row = c
        .find(Locator::Css(
            "[data-testid='change'][data-path='narrative.risks[pensions]']",
        ))
        .await
        .unwrap();
    assert!(risk_row.text().await.unwrap().contains("Added"));
    let violations = serious_accessibility_violations(&c).await;
    assert!(violations.is_empty(), "compare: {violations:#?}");
    screenshot(&c, "view-compare.png").await;

    // A change opens its field in the editor.
    row.find(Locator::Css("[data-testid='change-link']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("the field of the change to have the focus", || async {
        let view = by_testid(&c, "view").await.attr("data-view").await.ok()??;
        let active = c.active_element().await.ok()?.attr("id").await.ok()??;
        (view == "contracts" && active == value_path).then_some(())
    })
    .await;

    // The file changed on disk meanwhile: the save prompt compares theirs with ours.
    let mut theirs = plan.clone();
    theirs.title = "Their title".into();
    std::fs::write(&draft, write_plan(&theirs)).unwrap();
    let value = field(&c, value_path).await;
    type_into(&value, "£4,100,000").await;
    settled(&c).await;
    by_testid(&c, "save").await.click().await.unwrap();
    by_testid(&c, "choice-compare").await.click().await.unwrap();
    by_testid(&c, "compare").await;
    let title = c
        .find(Locator::Css("#compare-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(title, "Their version of draft-2.mutualplan against yours");
    assert!(c
        .find(Locator::Css(&format!(
            "[data-testid='change'][data-path='{value_path}']"
        )))
        .await
        .is_ok());
    assert!(c
        .find(Locator::Css("[data-testid='change'][data-path='title']"))
        .await
        .is_ok());
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver, WebKitWebDriver and the built app: run scripts/test.sh"]
async fn a_plan_being_edited_elsewhere_opens_for_review_and_its_save_names_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_sample(dir.path());
    // Someone else is editing it: a running process holds the lock.
    let mut holder = Command::new("sleep").arg("60").spawn().unwrap();
    let lock = serde_json::json!({
        "user": "tom", "machine": mutual_plan::storage::host::machine_name(), "pid": holder.id(),
        "since": mutual_plan::model::values::Timestamp::now().to_string(),
    });
    std::fs::write(
        mutual_plan::storage::lock::lock_path(&file),
        lock.to_string(),
    )
    .unwrap();
    // Who you are was set before, in the settings of this user.
    let config = dir.path().join("data").join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("settings.json"),
        r#"{ "name": "Jan Morris", "role": "mentor", "recent": [] }"#,
    )
    .unwrap();

    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    by_testid(&c, "choice-review").await.click().await.unwrap();
    by_testid(&c, "review-banner").await;
    by_testid(&c, "read-only-banner").await;
    settled(&c).await;
    go(&c, "narrative").await;
    let toggle = "[data-testid='comments-toggle'][data-anchor='section:market']";
    click(&c, toggle).await;
    type_in(
        &c,
        "[data-testid='thread'][data-anchor='section:market'] [data-testid='comment-text-input']",
        "Name the ICB's procurement lead.",
    )
    .await;
    click(
        &c,
        "[data-testid='thread'][data-anchor='section:market'] [data-testid='comment-add']",
    )
    .await;
    attr_becomes(&c, toggle, "data-count", "1").await;

    // A readiness area in the side panel takes a comment too, and the Review list leads back to it.
    let area = ".analysis [data-testid='comments-toggle'][data-anchor='readiness:R3']";
    click(&c, area).await;
    let thread = ".analysis [data-testid='thread'][data-anchor='readiness:R3']";
    type_in(
        &c,
        &format!("{thread} [data-testid='comment-text-input']"),
        "Three months of reserves by when?",
    )
    .await;
    click(&c, &format!("{thread} [data-testid='comment-add']")).await;
    attr_becomes(&c, area, "data-count", "1").await;
    go(&c, "review").await;
    let subject = c
        .find(Locator::Css("[data-testid='comment-link'][data-id='c-3']"))
        .await
        .unwrap();
    assert!(subject.text().await.unwrap().starts_with("Readiness area"));
    subject.click().await.unwrap();
    eventually("the area's comments to have the focus", || async {
        let active = c.active_element().await.ok()?;
        let anchor = active.attr("data-anchor").await.ok()??;
        (anchor == "readiness:R3").then_some(())
    })
    .await;

    by_testid(&c, "save").await.click().await.unwrap();
    let notice = eventually("the refusal", || async {
        let t = c
            .find(Locator::Css(".notice.error"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        t.contains("tom").then_some(t)
    })
    .await;
    assert!(notice.contains("open for editing by tom"), "{notice}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        mutual_plan::model::samples::RIVERSIDE,
        "the file is untouched"
    );
    c.close().await.unwrap();
    let _ = holder.kill();
    let _ = holder.wait();
}
