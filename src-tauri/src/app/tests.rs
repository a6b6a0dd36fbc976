//! The app started on Tauri's mock runtime, its commands called through IPC by name with the
//! arguments the window sends, as the page's `backend.ts` does.

use super::build_app;
use crate::commands::state::{AppState, StartupFile};
use crate::user_config::UserConfig;
use mutual_plan::model::{plan_file, samples};
use mutual_plan::storage::Storage;
use serde_json::{json, Value};
use std::path::Path;
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// The app with its data and settings under `dir`, started as `startup` says, and its window.
fn start(dir: &Path, startup: StartupFile) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let state = AppState::new(
        Storage::new(dir.join("data")),
        startup,
        dir.join("config"),
        UserConfig::default(),
    );
    let app = build_app(mock_builder(), mock_context(noop_assets()), state).unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

/// Calls the command `cmd` with `args` (named as the page names them): its answer, or its error.
fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let url = if cfg!(windows) {
        "http://tauri.localhost"
    } else {
        "tauri://localhost"
    };
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: url.parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: tauri::test::INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn a_new_plan_is_checked_and_a_mistyped_value_comes_back_beside_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = start(dir.path(), StartupFile::Sample);

    let opened = invoke(
        &w,
        "new_plan",
        json!({ "name": "  Northfield Reablement " }),
    )
    .unwrap();
    assert_eq!(
        opened["plan"]["organisation"]["name"],
        "Northfield Reablement"
    );
    assert_eq!(opened["file"], Value::Null);
    let plan = opened["plan"].clone();

    let check = invoke(
        &w,
        "check_plan",
        json!({ "plan": plan.to_string(), "forecast": false, "offsetMinutes": 0 }),
    )
    .unwrap();
    assert_eq!(check["fingerprint"], opened["fingerprint"]);
    assert_eq!(check["error"], Value::Null);
    let analysis = &check["analysis"];
    assert!(!analysis["findings"].as_array().unwrap().is_empty());
    assert!(analysis["headline"].as_str().is_some_and(|h| !h.is_empty()));
    assert!(analysis["overview"].is_object() && analysis["ownership"].is_object());
    assert_eq!(check["forecast"], Value::Null);
    // The review in words comes in the same answer: a new plan has no comments yet.
    assert_eq!(check["review"]["summary"], "No comments yet");
    // With the Forecast view showing, the same answer brings its table from the same forecast.
    let with_view = invoke(
        &w,
        "check_plan",
        json!({ "plan": plan.to_string(), "forecast": true, "offsetMinutes": 0 }),
    )
    .unwrap();
    assert_eq!(with_view["analysis"], check["analysis"]);
    let rows = with_view["forecast"]["rows"].as_array().unwrap();
    assert!(
        rows.iter().any(|r| r["label"] == "Closing cash"),
        "{rows:?}"
    );

    let mut mistyped = plan.clone();
    mistyped["forecast"]["opening_cash"] = json!("four thousand");
    let check = invoke(
        &w,
        "check_plan",
        json!({ "plan": mistyped.to_string(), "forecast": true, "offsetMinutes": 0 }),
    )
    .unwrap();
    assert_eq!(check["forecast"], Value::Null);
    assert_eq!(check["fingerprint"], Value::Null);
    assert_eq!(check["analysis"], Value::Null);
    assert_eq!(check["error"]["kind"], "bad_value");
    assert_eq!(check["error"]["path"], "forecast.opening_cash");

    // A value typed as people type it is read by the core; a refusal is a `bad_value`.
    let typed = invoke(
        &w,
        "read_input",
        json!({ "kind": "money", "text": "£1,234.50" }),
    )
    .unwrap();
    assert_eq!(typed["value"], "1234.50");
    let refused = invoke(&w, "read_input", json!({ "kind": "money", "text": "lots" })).unwrap_err();
    assert_eq!(refused["kind"], "bad_value");
    // The stored values of a view's fields are worded in one call, each as its field shows it.
    let words = invoke(
        &w,
        "word_values",
        json!({ "values": [["money", "1234.50"], ["month", "2027-04"], ["percent", "lots"]] }),
    )
    .unwrap();
    assert_eq!(words, json!(["£1,234.50", "April 2027", null]));

    // A scheme and a cost frequency bring the core's suggestions for the fields that follow them.
    let dc = json!({ "scheme": "defined_contribution" });
    assert_eq!(invoke(&w, "suggested_employee_percent", dc).unwrap(), "5");
    let nhs = json!({ "scheme": "nhs" });
    assert_eq!(
        invoke(&w, "suggested_employee_percent", nhs).unwrap(),
        Value::Null
    );
    let capital = json!({ "frequency": "capital" });
    assert_eq!(invoke(&w, "suggested_useful_life", capital).unwrap(), 36);
    let monthly = json!({ "frequency": "monthly" });
    assert_eq!(
        invoke(&w, "suggested_useful_life", monthly).unwrap(),
        Value::Null
    );
}

#[test]
fn only_files_the_user_chose_are_opened_and_saved_and_the_shells_own_errors_keep_their_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("riverside.mutualplan");
    let other = dir.path().join("other.mutualplan");
    for f in [&file, &other] {
        std::fs::write(f, samples::RIVERSIDE).unwrap();
    }
    let (_app, w) = start(dir.path(), StartupFile::Path(file.clone()));
    let name = file.to_str().unwrap();
    assert_eq!(invoke(&w, "startup_file", json!({})).unwrap(), name);
    assert_eq!(
        invoke(&w, "startup_portfolio", json!({})).unwrap(),
        Value::Null
    );

    let refused = invoke(
        &w,
        "open_plan",
        json!({ "file": other.to_str().unwrap(), "mode": "edit" }),
    )
    .unwrap_err();
    assert_eq!(refused["kind"], "not_chosen");

    // The sample has no file to save over.
    let sample = invoke(&w, "open_sample", json!({})).unwrap();
    let no_file = invoke(
        &w,
        "save_plan",
        json!({ "plan": sample["plan"], "overwrite": false }),
    )
    .unwrap_err();
    assert_eq!(no_file["kind"], "no_file");
    assert_eq!(
        invoke(&w, "open_printed", json!({})).unwrap_err()["kind"],
        "no_file"
    );

    let opened = invoke(&w, "open_plan", json!({ "file": name, "mode": "edit" })).unwrap();
    assert_eq!(opened["file"], name);
    assert_eq!(opened["read_only"], Value::Null);
    let mut plan = opened["plan"].clone();
    plan["title"] = json!("Riverside, revised");
    let saved = invoke(&w, "save_plan", json!({ "plan": plan, "overwrite": false })).unwrap();
    assert_eq!(saved["plan"]["title"], "Riverside, revised");
    let on_disk = plan_file::read_plan(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(on_disk.plan.title, "Riverside, revised");
    // Opened, the file went to the top of the recent files.
    let user = invoke(&w, "user_config", json!({})).unwrap();
    assert_eq!(user["recent"][0], name);
    invoke(&w, "close_plan", json!({})).unwrap();
}

#[test]
fn a_review_action_asks_who_you_are_and_once_told_is_stamped_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = start(dir.path(), StartupFile::Sample);
    let plan = invoke(&w, "open_sample", json!({})).unwrap()["plan"].clone();
    let action = json!({ "action": "comment", "anchor": "contract:community-therapy", "text": "Confirmed?" });

    let e = invoke(
        &w,
        "review_action",
        json!({ "plan": plan, "action": action }),
    )
    .unwrap_err();
    assert_eq!(e["kind"], "no_identity");

    let user = invoke(
        &w,
        "set_identity",
        json!({ "name": " Jan Morris ", "role": "mentor" }),
    )
    .unwrap();
    assert_eq!(user["name"], "Jan Morris");
    let review = invoke(
        &w,
        "review_action",
        json!({ "plan": plan, "action": action }),
    )
    .unwrap();
    let comment = review["comments"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (&comment["author"], &comment["role"], &comment["text"]),
        (&json!("Jan Morris"), &json!("mentor"), &json!("Confirmed?"))
    );
    // Kept in the user's settings for the next session.
    let kept = UserConfig::load(&dir.path().join("config")).unwrap();
    assert_eq!(kept.name, "Jan Morris");
}

#[test]
fn the_portfolio_of_the_folder_started_with_is_worded_and_sorted_and_no_other_folder_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("cohort");
    std::fs::create_dir(&folder).unwrap();
    let mut poor = samples::riverside().unwrap();
    poor.title = "Poor".into();
    poor.forecast.opening_cash = "0".parse().unwrap();
    std::fs::write(folder.join("a.mutualplan"), plan_file::write_plan(&poor)).unwrap();
    std::fs::write(folder.join("b.mutualplan"), samples::RIVERSIDE).unwrap();
    std::fs::write(folder.join("c.mutualplan"), &samples::RIVERSIDE[..100]).unwrap();
    let (_app, w) = start(dir.path(), StartupFile::Portfolio(folder.clone()));
    let name = folder.to_str().unwrap();
    assert_eq!(invoke(&w, "startup_portfolio", json!({})).unwrap(), name);
    assert_eq!(invoke(&w, "startup_file", json!({})).unwrap(), Value::Null);

    let rows = invoke(
        &w,
        "portfolio",
        json!({ "folders": [name], "sort": "lowest_cash" }),
    )
    .unwrap();
    let rows = rows.as_array().unwrap();
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["c.mutualplan", "a.mutualplan", "b.mutualplan"]);
    assert!(rows[0]["error"]
        .as_str()
        .unwrap()
        .starts_with("Not read: the file is not valid JSON"));
    assert_eq!(rows[0]["lowest_cash"], "");
    assert!(rows[1]["lowest_cash"].as_str().unwrap().contains('£'));
    assert_eq!(
        rows[2]["title"],
        samples::riverside().unwrap().title.as_str()
    );

    let elsewhere = invoke(
        &w,
        "portfolio",
        json!({ "folders": [dir.path().to_str().unwrap()], "sort": "name" }),
    )
    .unwrap_err();
    assert_eq!(elsewhere["kind"], "not_chosen");
}
