//! Helpers shared by the integration tests: the sample plan, values parsed from the strings a
//! plan file holds, the CLI binary, the PDF tools, and a file system that fails on purpose.
//!
//! Each test file compiles this module on its own and uses only some of it.
#![allow(dead_code)]

pub mod faulty_fs;

use mutual_plan::checks::analysis::{analyse, Analysis};
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::model::plan::Plan;
use mutual_plan::model::samples;
use mutual_plan::model::values::{Date, ItemId, Money, Month, Percent, Timestamp};
use rust_decimal::Decimal;
use std::process::{Command, Output};
use std::str::FromStr;

/// The bundled sample plan's file, as a user would pass it to the CLI.
pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/samples/riverside.mutualplan"
);

/// The bundled sample plan.
pub fn sample() -> Plan {
    samples::riverside().unwrap()
}

/// The bundled sample plan as a JSON document, to edit field by field.
pub fn sample_value() -> serde_json::Value {
    serde_json::from_str(samples::RIVERSIDE).unwrap()
}

/// Everything computed from a plan, against the bundled criteria.
pub fn analysed(p: &Plan) -> Analysis {
    analyse(p, &Criteria::bundled())
}

fn parsed<T: FromStr>(s: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} does not parse: {e:?}"))
}

/// An amount of money written as the file writes it: `money("1234.50")`.
pub fn money(s: &str) -> Money {
    parsed(s)
}

/// A percentage: `pct("23.78")`.
pub fn pct(s: &str) -> Percent {
    parsed(s)
}

/// A plain decimal: `dec("0.5")`.
pub fn dec(s: &str) -> Decimal {
    parsed(s)
}

/// A month: `month("2027-04")`.
pub fn month(s: &str) -> Month {
    parsed(s)
}

/// A date: `date("2027-04-01")`.
pub fn date(s: &str) -> Date {
    parsed(s)
}

/// A list item's id: `id("falls-prevention")`.
pub fn id(s: &str) -> ItemId {
    parsed(s)
}

/// A moment written as the file writes it: `timestamp("2026-11-27T10:15:00Z")`.
pub fn timestamp(s: &str) -> Timestamp {
    parsed(s)
}

/// Makes `link` a symbolic link to `target` (a folder or a file). On Windows, making one needs
/// the "Create symbolic links" right (an administrator, or Developer Mode); Wine grants it.
pub fn symlink(target: &std::path::Path, link: &std::path::Path) -> std::io::Result<()> {
    #[cfg(unix)]
    return std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    return if target.is_dir() {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    };
}

/// A process that runs until it is killed (or for 30 seconds), to stand for another program
/// holding a plan: `sleep` on Unix, `ping` on Windows (it waits a second between its 31 echoes).
pub fn long_running_process() -> std::process::Child {
    #[cfg(unix)]
    let mut command = Command::new("sleep");
    #[cfg(unix)]
    command.arg("30");
    #[cfg(windows)]
    let mut command = Command::new("ping");
    #[cfg(windows)]
    command.args(["-n", "31", "127.0.0.1"]);
    command
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("a process to stand for another program")
}

/// A moment in seconds since 1970.
pub fn at(unix: i64) -> Timestamp {
    Timestamp::from_unix(unix).unwrap()
}

/// Bytes a process wrote, as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs the `mutual-plan` CLI with these arguments.
pub fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mutual-plan"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs a PDF tool (poppler-utils, qpdf) and returns what it printed; it must succeed.
pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|_| {
        panic!("{cmd} is needed (poppler-utils, qpdf): run the README test command")
    });
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}
