//! The loader under hostile input: the sample mutated and truncated many times over. No input
//! may panic or hang, and every rejection must name a path or a position.
//!
//! The default run checks 20,000 inputs; `scripts/fuzz-loader.sh` runs 200,000 in release
//! (`MUTUAL_PLAN_FUZZ_CASES` sets the number).

use mutual_plan::{model::error::LoadError, model::plan_file::read_plan, model::samples};
use std::collections::BTreeMap;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&[u8]; 16] = [
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"null",
    b"true",
    b"-1",
    b"1e999",
    b"\"\\u0000\"",
    b"\xff\xfe",
    b"\"9999999999999999999\"",
    b"\"2027-13\"",
    b"\"x\": 1",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut b = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len());
        match rng.below(7) {
            0 => b.truncate(at),
            1 => {
                let i = at.min(b.len().saturating_sub(1));
                b[i] ^= 1 << rng.below(8);
            }
            2 => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at..end);
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                b.splice(at..at, t.iter().copied());
            }
            4 => {
                let end = (at + rng.below(200)).min(b.len());
                let chunk = b[at..end].to_vec();
                let to = rng.below(b.len());
                b.splice(to..to, chunk);
            }
            5 => {
                // change a digit, to make values out of range or malformed
                if let Some(i) = (at..b.len()).find(|&i| b[i].is_ascii_digit()) {
                    b[i] = b"0123456789.-e"[rng.below(13)];
                }
            }
            _ => {
                // rename a key
                if let Some(i) = (at..b.len()).find(|&i| b[i] == b'"') {
                    b.insert(i + 1, b'z');
                }
            }
        }
        if b.is_empty() {
            break;
        }
    }
    b
}

fn names_where(e: &LoadError) -> bool {
    match e {
        LoadError::Syntax { line, column, .. } | LoadError::NotText { line, column } => {
            *line >= 1 && *column >= 1
        }
        LoadError::TooLarge { .. } => true,
        // A field missing from the top level is named in the message, at a position.
        LoadError::BadValue { line, .. } if *line >= 1 => true,
        other => other.path().is_some_and(|p| !p.is_root()),
    }
}

#[test]
fn mutated_and_truncated_plans_are_rejected_with_a_place_never_a_panic() {
    let cases: usize = std::env::var("MUTUAL_PLAN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let base = samples::RIVERSIDE.as_bytes();
    let mut rng = Rng(0x0dd_ba11_c0ff_ee42);
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut accepted = 0;
    let started = std::time::Instant::now();
    for i in 0..cases {
        let input = mutate(&mut rng, base);
        let t = std::time::Instant::now();
        match read_plan(&input) {
            Ok(_) => accepted += 1,
            Err(e) => {
                assert!(names_where(&e), "case {i}: {e} names no path or position");
                *kinds.entry(e.kind()).or_default() += 1;
            }
        }
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "case {i} took {:?}",
            t.elapsed()
        );
    }
    eprintln!(
        "{cases} inputs in {:?}: {accepted} still valid plans; rejected by kind: {kinds:?}",
        started.elapsed()
    );
    assert!(
        kinds.len() >= 5,
        "the mutations reached too few kinds of error: {kinds:?}"
    );
}
