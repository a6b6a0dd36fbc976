//! Crash safety: `mutual-plan fmt` rewriting a several-megabyte plan is killed with SIGKILL at
//! random moments, again and again. After every kill the file must parse and hold either the old
//! content or the new, complete; after a clean save no temporary file may be left.

use mutual_plan::model::plan::{Comment, ReviewerRole};
use mutual_plan::{model::plan_file::read_plan, model::plan_file::write_plan, model::samples};
use std::process::Command;
use std::time::Instant;

/// A small deterministic random source (xorshift), so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The sample grown to several megabytes with long sections and many long comments.
fn large_plan_compact() -> (Vec<u8>, Vec<u8>) {
    let mut p = samples::riverside().unwrap();
    let para = "Eighty-six therapists and support staff will run adult community therapy as an employee-owned company. ";
    for s in &mut p.narrative.sections {
        s.text = para.repeat(900);
    }
    let template: Comment = p.review.comments[0].clone();
    p.review.comments = (0..400)
        .map(|i| Comment {
            id: format!("c-{i}").parse().unwrap(),
            role: ReviewerRole::Mentor,
            text: para.repeat(90),
            ..template.clone()
        })
        .collect();
    let compact = serde_json::to_vec(&p).unwrap();
    let canonical = write_plan(&p).into_bytes();
    assert!(compact.len() > 4_000_000, "{} bytes", compact.len());
    assert_ne!(compact, canonical);
    (compact, canonical)
}

#[test]
fn killing_a_save_at_any_moment_leaves_the_old_or_the_new_file_whole() {
    let kills: u64 = std::env::var("MUTUAL_PLAN_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.mutualplan");
    let (old, new) = large_plan_compact();
    // Wine now and then refuses to start a program (ERROR_INTERNAL_ERROR, 1359) when many are
    // started and killed in quick succession; a refused start is tried again, since what this
    // tests is the file, not the start.
    let fmt = || {
        let mut tries = 0;
        loop {
            match Command::new(env!("CARGO_BIN_EXE_mutual-plan"))
                .arg("fmt")
                .arg(&path)
                .spawn()
            {
                Ok(child) => break child,
                Err(e) if cfg!(windows) && tries < 5 => {
                    tries += 1;
                    eprintln!("start refused ({e}); trying again");
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                Err(e) => panic!("cannot start the command line: {e}"),
            }
        }
    };

    // How long one whole rewrite takes, to spread the kills across it (and a little beyond).
    std::fs::write(&path, &old).unwrap();
    let t = Instant::now();
    assert!(fmt().wait().unwrap().success());
    let full = t.elapsed();
    assert_eq!(std::fs::read(&path).unwrap(), new);

    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let (mut saw_old, mut saw_new) = (0, 0);
    for i in 0..kills {
        std::fs::write(&path, &old).unwrap();
        let mut child = fmt();
        let wait = full.mul_f64((rng.next() % 1200) as f64 / 1000.0);
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            read_plan(&bytes).is_ok(),
            "kill {i} after {wait:?}: the file does not parse"
        );
        if bytes == old {
            saw_old += 1;
        } else if bytes == new {
            saw_new += 1;
        } else {
            panic!("kill {i} after {wait:?}: the file is neither the old nor the new content");
        }
    }
    eprintln!("{kills} kills over a {:?} save of {} bytes: {saw_old} left the old file, {saw_new} the new", full, new.len());
    assert!(
        saw_old > 0 && saw_new > 0,
        "the kills did not land on both sides of the rename"
    );

    // A clean save afterwards tidies the temporary files the killed saves left.
    std::fs::write(&path, &old).unwrap();
    assert!(fmt().wait().unwrap().success());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["large.mutualplan"], "left behind: {names:?}");
}
