//! The `mutual-plan` command line, run as a user runs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/samples/riverside.mutualplan"
);

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mutual-plan"))
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn copy_sample(dir: &Path) -> PathBuf {
    let p = dir.join("plan.mutualplan");
    fs::copy(SAMPLE, &p).unwrap();
    p
}

fn tool_available(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

#[test]
fn show_prints_title_organisation_revision_and_fingerprint() {
    let out = run(&["show", SAMPLE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("Riverside Community Therapies: business plan for spin-out"));
    assert!(s.contains("Riverside Community Therapies CIC"));
    assert!(s.contains("Revision:     3"));
    let fp = mutual_plan::fingerprint(&mutual_plan::samples::riverside().unwrap());
    assert!(s.contains(&format!("Fingerprint:  {fp}")), "{s}");
}

#[test]
fn show_of_a_misspelt_field_exits_2_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("typo.mutualplan");
    fs::write(
        &p,
        fs::read_to_string(SAMPLE)
            .unwrap()
            .replace("\"legal_form\"", "\"legal_fom\""),
    )
    .unwrap();
    let out = run(&["show", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("organisation.legal_fom"), "{err}");
    assert!(err.contains("typo.mutualplan"), "{err}");
    assert!(err.contains("line 11"), "{err}");
}

#[test]
fn show_of_a_missing_file_exits_2_naming_it() {
    let out = run(&["show", "no-such-plan.mutualplan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-plan.mutualplan"));
}

#[test]
fn fmt_check_passes_on_the_canonical_sample() {
    let out = run(&["fmt", "--check", SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn fmt_rewrites_a_hand_laid_out_file_and_check_then_passes() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("compact.mutualplan");
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(SAMPLE).unwrap()).unwrap();
    fs::write(&p, serde_json::to_string(&v).unwrap()).unwrap();
    let ps = p.to_str().unwrap();
    assert_eq!(run(&["fmt", "--check", ps]).status.code(), Some(1));
    assert_eq!(run(&["fmt", ps]).status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        fs::read_to_string(SAMPLE).unwrap()
    );
    assert_eq!(run(&["fmt", "--check", ps]).status.code(), Some(0));
    // no temporary file left beside it
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn fmt_leaves_a_broken_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("broken.mutualplan");
    let broken = &fs::read_to_string(SAMPLE).unwrap()[..300];
    fs::write(&p, broken).unwrap();
    let out = run(&["fmt", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line"), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&p).unwrap(), broken);
}

#[test]
fn new_creates_a_valid_canonical_plan_and_will_not_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("new.mutualplan");
    let ps = p.to_str().unwrap();
    let out = run(&["new", "--name", "Coed Cymru Therapies", "-o", ps]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(run(&["fmt", "--check", ps]).status.code(), Some(0));
    let plan = mutual_plan::storage::load(&p).unwrap().plan;
    assert_eq!(plan.organisation.name, "Coed Cymru Therapies");
    assert_eq!(plan.narrative.sections.len(), 13);
    let again = run(&["new", "--name", "Other", "-o", ps]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        mutual_plan::storage::load(&p)
            .unwrap()
            .plan
            .organisation
            .name,
        "Coed Cymru Therapies"
    );
}

#[test]
fn pdf_is_valid_and_its_text_has_the_organisation_and_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = copy_sample(dir.path());
    // an accented name must survive into the PDF's text
    let accented = fs::read_to_string(&plan_path).unwrap().replace(
        "Riverside Community Therapies CIC",
        "Gwasanaethau Therapi Glan-yr-Afon – Siân’s Ŵyn CIC",
    );
    fs::write(&plan_path, accented).unwrap();
    let pdf = dir.path().join("plan.pdf");
    let out = run(&[
        "pdf",
        plan_path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if !tool_available("pdftotext") || !tool_available("qpdf") {
        panic!("pdftotext and qpdf are needed (poppler-utils, qpdf): run the README test command");
    }
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", text(&check.stdout));
    let extracted = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let s = text(&extracted.stdout);
    assert!(
        s.contains("Gwasanaethau Therapi Glan-yr-Afon – Siân’s Ŵyn CIC"),
        "{s}"
    );
    let fp = mutual_plan::fingerprint(&mutual_plan::storage::load(&plan_path).unwrap().plan);
    assert!(s.contains(&format!("Fingerprint {fp}")), "{s}");
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let listing = text(&fonts.stdout);
    for line in listing.lines().skip(2) {
        assert!(
            line.contains(" yes yes yes "),
            "font not embedded as a subset: {line}"
        );
        assert!(line.as_bytes()[6] == b'+', "subset tag missing: {line}");
    }
}

#[test]
fn the_same_plan_gives_byte_identical_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    assert!(run(&["pdf", SAMPLE, "-o", a.to_str().unwrap()])
        .status
        .success());
    assert!(run(&["pdf", SAMPLE, "-o", b.to_str().unwrap()])
        .status
        .success());
    assert_eq!(fs::read(a).unwrap(), fs::read(b).unwrap());
}
