//! Timings of the real window, printed and never asserted: run by `scripts/bench-window.sh`
//! (which sets `BENCH_WINDOW=1`); without it these return at once, so the test suite skips them.
//!
//! - a keystroke (Ctrl+Z / Ctrl+Y, undoing and redoing an edit) in the Forecast view to its
//!   monthly table AND its chart updated and painted, over 100 keystrokes, for the sample and for
//!   a stress plan (120 months, 100 contracts, 300 staff lines);
//! - frame times while the stress plan's monthly table scrolls;
//! - app start to the Overview painted with the sample, and the memory of the app and its
//!   WebKit processes.

// Timings are milliseconds in floating point, and a benchmark prints its figures.
#![allow(clippy::float_arithmetic, clippy::print_stdout)]

mod common;

use common::*;

fn enabled() -> bool {
    std::env::var_os("BENCH_WINDOW").is_some()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn summary(what: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "BENCH {what}: n={} median {:.1} ms, p95 {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        ms[0],
        ms[ms.len() - 1]
    );
}

/// One keystroke dispatched to the window, as the keyboard makes it, timed until both the
/// monthly table and the chart's line have changed and the next frame is painted.
const KEYSTROKE: &str = r#"
    const [key, done] = arguments;
    const table = document.querySelector("[data-testid='forecast-table']");
    const line = document.querySelector('path.base');
    let t = false, c = false, over = false;
    const t0 = performance.now();
    const finish = () => {
      if (!t || !c || over) return;
      over = true;
      a.disconnect(); b.disconnect();
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
    };
    const a = new MutationObserver(() => { t = true; finish(); });
    const b = new MutationObserver(() => { c = true; finish(); });
    a.observe(table, { subtree: true, characterData: true, childList: true });
    b.observe(line, { attributes: true, attributeFilter: ['d'] });
    window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true }));
"#;

/// Frame intervals while the monthly table scrolls down and across, a step a frame.
const SCROLL: &str = r#"
    const [done] = arguments;
    const region = document.querySelector("[aria-label='The monthly cash flow']");
    const frames = [];
    let last = null, n = 0;
    function step(now) {
      if (last !== null) frames.push(now - last);
      last = now;
      region.scrollTop += 40;
      region.scrollLeft += 25;
      if (++n < 150) requestAnimationFrame(step); else done(frames);
    }
    requestAnimationFrame(step);
"#;

/// The one command an edit costs, called straight from the page with the plan as the window
/// sends it: the check without the Forecast view (any other view) and with it (the Forecast
/// view), each round trip timed, to tell the core and IPC from drawing.
const COMMANDS: &str = r#"
    const [plan, done] = arguments;
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const out = { check_plan: [], check_plan_with_forecast: [] };
    (async () => {
      for (let i = 0; i < 20; i++) {
        for (const [name, forecast] of [['check_plan', false], ['check_plan_with_forecast', true]]) {
          const t0 = performance.now();
          await invoke('check_plan', { plan: JSON.stringify(plan), forecast, offsetMinutes: 0 });
          out[name].push(performance.now() - t0);
        }
      }
      done(out);
    })();
"#;

async fn keystrokes(file: &Path, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&dir.path().join("data"), &[file.to_str().unwrap()]).await;
    c.set_window_size(1366, 768).await.unwrap();
    by_testid(&c, "overview").await;
    settled(&c).await;
    // One edit to undo and redo: the first contract paid in 60 days rather than 30.
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
    go(&c, "forecast").await;
    by_testid(&c, "forecast-table").await;
    by_testid(&c, "chart").await;
    settled(&c).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut times = vec![];
    for i in 0..100 {
        let key = if i % 2 == 0 { "z" } else { "y" };
        let ms = c
            .execute_async(KEYSTROKE, vec![serde_json::json!(key)])
            .await
            .unwrap();
        times.push(ms.as_f64().unwrap());
        settled(&c).await;
    }
    summary(&format!("keystroke to table and chart, {what}"), times);
    let plan = read_plan(&std::fs::read(file).unwrap()).unwrap().plan;
    let calls = c
        .execute_async(COMMANDS, vec![serde_json::to_value(&plan).unwrap()])
        .await
        .unwrap();
    for cmd in ["check_plan", "check_plan_with_forecast"] {
        let ms: Vec<f64> = serde_json::from_value(calls[cmd].clone()).unwrap();
        summary(&format!("{cmd} round trip from the page, {what}"), ms);
    }
    if what.starts_with("stress") {
        let frames: Vec<f64> =
            serde_json::from_value(c.execute_async(SCROLL, vec![]).await.unwrap()).unwrap();
        let slow = frames.iter().filter(|f| **f > 50.0).count();
        summary(
            &format!("frame interval scrolling the monthly table, {what}"),
            frames,
        );
        println!("BENCH frames over 50 ms while scrolling, {what}: {slow}");
    }
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: scripts/bench-window.sh"]
async fn bench_keystroke_to_forecast() {
    if !enabled() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sample = copy_sample(dir.path());
    keystrokes(&sample, "sample").await;
    let stress = dir.path().join("stress.mutualplan");
    std::fs::write(&stress, write_plan(&stress_plan_with_contracts())).unwrap();
    keystrokes(
        &stress,
        "stress plan (120 months, 100 contracts, 300 staff)",
    )
    .await;
}

/// The processes whose executable is `exe`, newest first.
fn pids_of(exe: &Path) -> Vec<u32> {
    let mut out: Vec<(u64, u32)> = vec![];
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if std::fs::read_link(e.path().join("exe")).ok().as_deref() == Some(exe) {
            out.push((start_ticks(pid).unwrap_or(0), pid));
        }
    }
    out.sort();
    out.into_iter().rev().map(|(_, p)| p).collect()
}

/// Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.
fn start_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(19)?.parse().ok()
}

fn parent(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(1)?.parse().ok()
}

/// The resident memory of `pid` and every process below it, in KiB, with their names.
fn rss_tree(pid: u32) -> (u64, Vec<String>) {
    let mut total = 0;
    let mut names = vec![];
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(p) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let mut q = Some(p);
        let mut inside = false;
        while let Some(x) = q {
            if x == pid {
                inside = true;
                break;
            }
            if x <= 1 {
                break;
            }
            q = parent(x);
        }
        if !inside {
            continue;
        }
        let status = std::fs::read_to_string(format!("/proc/{p}/status")).unwrap_or_default();
        let kb = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let name = status
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("Name:")
            .trim()
            .to_string();
        names.push(format!("{name} {} MiB", kb / 1024));
        total += kb;
    }
    (total, names)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: scripts/bench-window.sh"]
async fn bench_start_and_memory() {
    if !enabled() {
        return;
    }
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let tick = 100.0; // USER_HZ on Linux
    let mut starts = vec![];
    for run in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let (_driver, c) = launch(&dir.path().join("data"), &["--sample"]).await;
        by_testid(&c, "overview-score").await;
        let painted = eventually("the Overview's paint mark", || async {
            c.execute(
                "const m = performance.getEntriesByName('overview-painted')[0]; \
                 return m ? performance.timeOrigin + m.startTime : null;",
                vec![],
            )
            .await
            .ok()?
            .as_f64()
        })
        .await;
        let pid = pids_of(&app_binary())[0];
        let started = (boot + start_ticks(pid).unwrap() as f64 / tick) * 1000.0;
        starts.push(painted - started);
        if run == 0 {
            settled(&c).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
            let (kb, names) = rss_tree(pid);
            println!(
                "BENCH memory with the sample open (VmRSS of the app and its WebKit processes): {} MiB ({})",
                kb / 1024,
                names.join(", ")
            );
            // As a team works: every part of the plan and every figures view opened once.
            let parts = mutual_plan::model::catalogue::PARTS
                .iter()
                .map(|p| p.id.as_str());
            let figures = ["forecast", "checks", "readiness", "review", "overview"];
            for view in parts.chain(figures) {
                go(&c, view).await;
                settled(&c).await;
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
            let (kb, names) = rss_tree(pid);
            println!(
                "BENCH memory with the sample open and every view visited (VmRSS): {} MiB ({})",
                kb / 1024,
                names.join(", ")
            );
        }
        c.close().await.unwrap();
    }
    summary(
        "app start (process created) to the Overview painted with the sample",
        starts,
    );
}
