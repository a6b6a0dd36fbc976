//! What the end-to-end tests share: starting the app under tauri-driver, finding elements,
//! waiting for the core, and small helpers over plans and dialogs.
#![allow(dead_code, unused_imports)]

pub use fantoccini::elements::Element;
pub use fantoccini::{Client, ClientBuilder, Locator};
pub use mutual_plan::{
    model::plan_file::fingerprint, model::plan_file::read_plan, model::plan_file::write_plan,
};
pub use std::net::TcpStream;
pub use std::path::{Path, PathBuf};
pub use std::process::{Child, Command, Stdio};
pub use std::time::{Duration, Instant};

/// The port tauri-driver listens on (and the next one for WebKitWebDriver): 4444 unless
/// `E2E_PORT` says otherwise, so that two checkouts can run their tests side by side.
pub fn port() -> u16 {
    std::env::var("E2E_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(4444)
}

/// tauri-driver, stopped with SIGTERM so that it also stops its WebKitWebDriver child.
pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(self.0.id().to_string()).status();
        for _ in 0..50 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("MUTUAL_PLAN_APP") {
        return PathBuf::from(p);
    }
    // Where cargo put it: CARGO_TARGET_DIR when set, else the workspace's target folder.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let p = target.join("debug/mutual-plan-app");
    p.canonicalize().unwrap_or_else(|_| {
        panic!(
            "build the app first: cargo build -p mutual-plan-app ({})",
            p.display()
        )
    })
}

pub fn start_driver(data_dir: &Path) -> Driver {
    let port = port();
    let mut driver = Command::new("tauri-driver");
    if std::env::var_os("E2E_SCREENSHOT_DIR").is_some() {
        // WebDriver's screenshots need WebKit's compositing, which the app turns off by default
        // to save memory; "0" keeps it on.
        driver.env("WEBKIT_DISABLE_COMPOSITING_MODE", "0");
    }
    let child = driver
        // The app keeps backups and recovery files here instead of the user's data folder.
        .env("MUTUAL_PLAN_DATA_DIR", data_dir)
        // …and the user's own settings (who they are, recent files) here.
        .env("MUTUAL_PLAN_CONFIG_DIR", data_dir.join("config"))
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &(port + 1).to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tauri-driver not on PATH (cargo install tauri-driver --version ^2 --locked)");
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "tauri-driver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver(child)
}

pub async fn launch(data_dir: &Path, args: &[&str]) -> (Driver, Client) {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "DISPLAY is not set: run under Xvfb (scripts/test.sh does)"
    );
    let driver = start_driver(data_dir);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": app_binary(), "args": args }),
    );
    let client = ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", port()))
        .await
        .expect("a WebDriver session with the app");
    (driver, client)
}

pub async fn by_testid(c: &Client, id: &str) -> Element {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(&format!("[data-testid='{id}']")))
        .await
        .unwrap_or_else(|e| panic!("no element {id}: {e}"))
}

/// Polls `f` until it gives `Some`, for up to ten seconds.
pub async fn eventually<T, F, Fut>(what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The input of the field at `path` (its id is the field's path).
pub async fn field(c: &Client, path: &str) -> Element {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(&format!("[id='{path}']")))
        .await
        .unwrap_or_else(|e| panic!("no field {path}: {e}"))
}

/// Opens a view from the navigation.
pub async fn go(c: &Client, view: &str) {
    by_testid(c, &format!("nav-{view}"))
        .await
        .click()
        .await
        .unwrap();
    eventually("the view to open", || async {
        let v = by_testid(c, "view").await.attr("data-view").await.ok()??;
        (v == view).then_some(())
    })
    .await;
}

/// Replaces a field's text with `text`, as a person would: in the field, select all (Ctrl+A),
/// delete, type. (WebDriver's own clear empties the box without the input a person's keys make.)
pub async fn type_into(e: &Element, text: &str) {
    // Sending keys puts the focus in the field, as a click would, with no sticky bar in the way.
    e.send_keys("\u{E009}a\u{E000}\u{E003}").await.unwrap();
    e.send_keys(text).await.unwrap();
}

/// Waits until the core has checked the plan as typed (the figures are current).
pub async fn settled(c: &Client) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    eventually("the check to finish", || async {
        let stale = c
            .find(Locator::Css("[data-testid='cash']"))
            .await
            .ok()?
            .attr("data-stale")
            .await
            .ok()??;
        (stale == "false").then_some(())
    })
    .await;
}

pub async fn value(e: &Element) -> String {
    e.prop("value").await.unwrap().unwrap_or_default()
}

pub async fn screenshot(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("E2E_SCREENSHOT_DIR") {
        if let Ok(png) = c.screenshot().await {
            let _ = std::fs::write(PathBuf::from(dir).join(name), png);
        }
    }
}

pub fn copy_sample(dir: &Path) -> PathBuf {
    let p = dir.join("riverside.mutualplan");
    std::fs::write(&p, mutual_plan::model::samples::RIVERSIDE).unwrap();
    p
}

/// A new plan saved to a file, as File → New and Save as… make it (the save dialog is the
/// desktop's own and cannot be driven).
pub fn new_plan_file(dir: &Path) -> (PathBuf, mutual_plan::model::plan::Plan) {
    let plan = mutual_plan::model::new_plan::new_plan(
        "New organisation",
        mutual_plan::model::values::PlanId::random().unwrap(),
        mutual_plan::model::values::Timestamp::now(),
    );
    let p = dir.join("new.mutualplan");
    std::fs::write(&p, write_plan(&plan)).unwrap();
    (p, plan)
}

pub async fn testid_in(c: &Client, scope: &str, id: &str) -> Element {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(&format!("{scope} [data-testid='{id}']")))
        .await
        .unwrap_or_else(|e| panic!("no {id} in {scope}: {e}"))
}

/// Adds an item named `name` to the list at `list` with the list's own Add.
pub async fn add_item(c: &Client, list: &str, name: &str, id: &str) {
    let scope = format!("[data-list='{list}']");
    let input = testid_in(c, &scope, "add-name").await;
    // Enter in the name adds it, as the Add button does.
    type_into(&input, &format!("{name}\u{E007}")).await;
    testid_in(c, &format!("{scope} [data-id='{id}']"), "remove").await;
}

pub async fn item_button(c: &Client, list: &str, id: &str, button: &str) {
    let b = testid_in(c, &format!("[data-list='{list}'] [data-id='{id}']"), button).await;
    // Through the keyboard, as the buttons' focus order allows, so that no sticky bar is in the way.
    b.send_keys("\u{E007}").await.unwrap();
}

/// Answers the desktop's Save dialog with `path`, typed as a person would (with xdotool: the
/// dialog is not part of the page, so WebDriver cannot reach it).
pub async fn answer_save_dialog(path: &Path) {
    eventually("the Save dialog", || async {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "^Save File$"])
            .output()
            .expect("xdotool is not installed (scripts/setup.sh installs it)");
        (!out.stdout.is_empty()).then_some(())
    })
    .await;
    let script = format!(
        "w=$(xdotool search --onlyvisible --name '^Save File$' | head -1); \
         xdotool windowfocus --sync $w; sleep 0.3; xdotool key --clearmodifiers ctrl+a; \
         xdotool type --delay 20 '{}'; sleep 0.3; xdotool key Return",
        path.display()
    );
    let status = Command::new("sh").arg("-c").arg(&script).status().unwrap();
    assert!(status.success(), "xdotool could not answer the dialog");
}

/// Answers the desktop's Open dialog titled `title` with `path`: the location typed after
/// Ctrl+L, as a person who knows where the file is would.
pub async fn answer_open_dialog(title: &str, path: &Path) {
    let find = format!("xdotool search --onlyvisible --name '^{title}$'");
    eventually("the Open dialog", || async {
        let out = Command::new("sh").arg("-c").arg(&find).output().unwrap();
        (!out.stdout.is_empty()).then_some(())
    })
    .await;
    let script = format!(
        "w=$({find} | head -1); \
         xdotool windowfocus --sync $w; sleep 0.3; xdotool key --clearmodifiers ctrl+l; sleep 0.3; \
         xdotool type --delay 20 '{}'; sleep 0.3; xdotool key Return",
        path.display()
    );
    let status = Command::new("sh").arg("-c").arg(&script).status().unwrap();
    assert!(status.success(), "xdotool could not answer the dialog");
}

/// Saves over the open file and waits until it holds revision `revision`.
pub async fn save_and_read(
    c: &Client,
    file: &Path,
    revision: u32,
) -> mutual_plan::model::plan::Plan {
    settled(c).await;
    by_testid(c, "save").await.click().await.unwrap();
    eventually("the file to be saved", || async {
        let plan = read_plan(&std::fs::read(file).ok()?).ok()?.plan;
        (plan.revision == revision).then_some(plan)
    })
    .await
}

/// The accessibility rules that axe-core judges serious or critical, broken on the page now.
pub async fn serious_accessibility_violations(c: &Client) -> Vec<String> {
    let axe = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../ui/node_modules/axe-core/axe.min.js"
    ))
    .expect("axe-core is installed with the UI's packages (npm ci in ui/)");
    let script = format!(
        "{axe}\nconst done = arguments[arguments.length - 1];\n\
         axe.run(document, {{ resultTypes: ['violations'] }}).then(r => done(\
           r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')\
             .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join('; ') + ')')\
         ), e => done(['axe failed: ' + e]));"
    );
    let found = c.execute_async(&script, vec![]).await.unwrap();
    serde_json::from_value(found).unwrap()
}

/// The plan files of the portfolio on screen, top to bottom.
pub async fn portfolio_order(c: &Client) -> Vec<String> {
    let mut paths = Vec::new();
    for row in c
        .find_all(Locator::Css("[data-testid='portfolio-row']"))
        .await
        .unwrap()
    {
        paths.push(row.attr("data-path").await.unwrap().unwrap_or_default());
    }
    paths
}

/// Pence from an amount as the core words it (`−£1,234.50`).
pub fn pence_of(text: &str) -> i64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let n: i64 = digits
        .parse()
        .unwrap_or_else(|_| panic!("not an amount: {text}"));
    if text.starts_with('\u{2212}') {
        -n
    } else {
        n
    }
}

/// The text of the element with `id`, once it is `want`.
pub async fn text_becomes(c: &Client, id: &str, want: &str) {
    eventually(&format!("{id} to read {want}"), || async {
        let t = c
            .find(Locator::Css(&format!("[data-testid='{id}']")))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (t.trim() == want).then_some(())
    })
    .await;
}

/// A stress plan for the window: the core's (120 months, 300 staff lines) with 100 contracts.
pub fn stress_plan_with_contracts() -> mutual_plan::model::plan::Plan {
    let mut p = mutual_plan::model::samples::stress_plan().unwrap();
    let first = p.forecast.contracts[0].clone();
    let extra = 100usize.saturating_sub(p.forecast.contracts.len());
    for i in 0..extra {
        let mut c = first.clone();
        c.id = format!("contract-{i}").parse().unwrap();
        c.service = format!("{} {i}", first.service);
        p.forecast.contracts.push(c);
    }
    p
}
