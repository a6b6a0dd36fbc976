//! `mutual-plan`: the command line for mentors and scripts.
//!
//! Exit codes: 0 success; 1 the plan has errors (or `fmt --check` found a file not in canonical
//! form); 2 a file could not be read or written.
//!
//! Everything a command prints goes through [`out`], so that a reader that stops early
//! (`mutual-plan readiness | head -1`) ends the output quietly, in one place.

use clap::{Parser, Subcommand};
use mutual_plan::checks::analysis::analyse;
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::checks::verdict::Severity;
use mutual_plan::forecast::scenarios;
use mutual_plan::model::values::{PlanId, Timestamp};
use mutual_plan::show::forecast_report;
use mutual_plan::show::headroom;
use mutual_plan::show::text_report;
use mutual_plan::storage::error::FileError;
use mutual_plan::storage::lock;
use mutual_plan::{
    model::new_plan, model::plan_file::fingerprint, model::plan_file::write_plan, pdf, portfolio,
    storage,
};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mutual-plan",
    version,
    about = "Business plans for public service mutuals"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show a plan's title, organisation, revision and fingerprint.
    Show { file: PathBuf },
    /// Rewrite a plan file in canonical form (safely: the old file stays whole until the new one is complete).
    Fmt {
        file: PathBuf,
        /// Change nothing; exit 1 if the file is not in canonical form.
        #[arg(long)]
        check: bool,
    },
    /// Create a new plan with every narrative section empty and sensible defaults.
    New {
        /// The new organisation's name.
        #[arg(long)]
        name: String,
        /// Where to write the plan.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The monthly cash-flow forecast, its yearly view and summary, and the stress scenarios.
    Forecast {
        file: PathBuf,
        /// Show the forecast under one scenario (e.g. S1-largest-contract-ends) instead of the base.
        #[arg(long)]
        scenario: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Check ownership, governance, legal form, procurement, employment and the forecast.
    /// Exits 1 when any check finds an error.
    Check {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// A criteria file with other policy thresholds (default: the bundled set).
        #[arg(long)]
        criteria: Option<PathBuf>,
    },
    /// Support eligibility and investment readiness.
    Readiness {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// A criteria file to judge against (default: the bundled set).
        #[arg(long)]
        criteria: Option<PathBuf>,
    },
    /// How far each thing that can go wrong (prices, pay, pensions, late payment, results, the
    /// largest contract, one-off costs) can go before the plan fails a test, and each year's
    /// break-even contract income.
    Headroom {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// A criteria file with other thresholds (default: the bundled set).
        #[arg(long)]
        criteria: Option<PathBuf>,
    },
    /// Compare two versions of a plan: what changed, and how the figures moved (exit 0 when the
    /// content is the same, 1 when it differs).
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// Print the plan to PDF.
    Pdf {
        file: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
        /// Also print the mentors' comments (working notes, not part of a submission).
        #[arg(long)]
        with_review: bool,
    },
    /// Export the plan to an Excel workbook (.xlsx): its inputs, every forecast line by month,
    /// the accounts by year and the scenarios, with totals and balances as formulas.
    Export {
        file: PathBuf,
        /// Where to write the workbook.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Import staff lines or cost lines from a spreadsheet (.xlsx or .csv) into a plan: each
    /// column's field is guessed from its heading; every row is read as typed fields read it, and
    /// nothing is imported if any cell is refused. Exits 1 when a cell is refused.
    Import {
        /// What the rows are.
        #[arg(value_enum)]
        what: ImportWhat,
        /// The plan to add them to (rewritten safely, its revision counted up).
        plan: PathBuf,
        /// The spreadsheet: .xlsx or .csv, at most 10 MB.
        file: PathBuf,
        /// The workbook's sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// A column's field, over the guess: `--map "Job title=role"`; `--map "Notes="` leaves a
        /// column out. Staff fields: role, fte, headcount, annual_salary, start, end,
        /// pension.scheme. Cost fields: name, category, amount, frequency, start, end.
        #[arg(long = "map", value_parser = column_field)]
        map: Vec<(String, String)>,
        /// Show what would be imported and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Every plan under some folders, one row each: figures, readiness, checks, sign-off,
    /// versions and locks, to see which plans need help. Reads only; never locks or writes.
    /// Exits 2 when any file could not be read (its row says why).
    Portfolio {
        /// Folders to search for .mutualplan files (recursively; symbolic links are not followed).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// The order of the rows; unreadable files always come first.
        #[arg(long, value_enum, default_value_t = SortBy::Readiness)]
        sort: SortBy,
    },
}

/// Output formats.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

/// What a spreadsheet's rows are imported as.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ImportWhat {
    Staff,
    Costs,
}

/// `column=field`.
fn column_field(s: &str) -> Result<(String, String), String> {
    s.rsplit_once('=')
        .map(|(c, f)| (c.trim().to_owned(), f.trim().to_owned()))
        .ok_or_else(|| format!("`{s}` is not column=field"))
}

/// Orders of the portfolio.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SortBy {
    /// Lowest readiness score first, then lowest cash.
    Readiness,
    /// Lowest cash first.
    LowestCash,
    /// By title, A to Z.
    Name,
    /// Most recently saved first.
    Saved,
}

/// Output formats of the checks.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TextOrJson {
    Text,
    Json,
}

/// Loads a plan and analyses it against the criteria (the bundled set unless a file is given).
fn analysed(
    file: &Path,
    criteria: Option<&Path>,
) -> Result<mutual_plan::checks::analysis::Analysis, Failure> {
    let criteria = load_criteria(criteria)?;
    let plan = storage::load(file)?.plan;
    Ok(analyse(&plan, &criteria))
}

fn load_criteria(path: Option<&Path>) -> Result<Criteria, Failure> {
    match path {
        None => Ok(Criteria::bundled()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| Failure::File(format!("{}: {e}", p.display())))?;
            Criteria::parse(&text).map_err(|e| Failure::File(format!("{}: {e}", p.display())))
        }
    }
}

/// How a command failed, which decides the exit code.
enum Failure {
    /// The plan has errors, or is not canonical (exit 1).
    Plan(String),
    /// A file could not be read or written (exit 2).
    File(String),
    /// The command was given something it cannot use (exit 2, like other usage errors).
    Usage(String),
}

impl From<FileError> for Failure {
    fn from(e: FileError) -> Self {
        Failure::File(e.to_string())
    }
}

/// Writes a command's output to standard output. When the reader has gone (a closed pipe) the
/// rest of the output is dropped and the command ends as it would have, with its own exit code
/// and no message: the reader chose to stop reading.
fn out(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Failure::File(format!(
            "the output could not be written: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Writes a message to standard error; if that is closed too there is no one left to tell.
fn tell(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Plan(msg)) => {
            if !msg.is_empty() {
                tell(&msg);
            }
            ExitCode::from(1)
        }
        Err(Failure::File(msg) | Failure::Usage(msg)) => {
            tell(&format!("error: {msg}"));
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Show { file } => {
            let plan = storage::load(&file)?.plan;
            out(&format!(
                "Title:        {}\nOrganisation: {}\nRevision:     {}\nFingerprint:  {}\n",
                plan.title,
                plan.organisation.name,
                plan.revision,
                fingerprint(&plan)
            ))
        }
        Command::Fmt { file, check } => {
            let original = storage::read_bytes(&storage::RealFs, &file)?;
            let plan = storage::load(&file)?.plan;
            let canonical = storage::canonical_checked(&plan, &file)?;
            if canonical.as_bytes() == original.as_slice() {
                return Ok(());
            }
            if check {
                return Err(Failure::Plan(format!(
                    "{}: not in canonical form (run `mutual-plan fmt` on it)",
                    file.display()
                )));
            }
            // Someone editing the plan would otherwise find it changed under them.
            if let Some(holder) =
                lock::read_lock(&storage::RealFs, &file, Timestamp::now()).filter(|h| !h.stale)
            {
                let locked = FileError::Locked {
                    path: file.clone(),
                    holder,
                };
                return Err(Failure::File(format!("{locked}; close it there first")));
            }
            storage::save_atomic(&file, canonical.as_bytes())?;
            Ok(())
        }
        Command::New {
            name,
            output,
            force,
        } => {
            if output.exists() && !force {
                return Err(Failure::File(format!(
                    "{}: already exists (use --force to replace it)",
                    output.display()
                )));
            }
            let id = PlanId::random()
                .map_err(|e| Failure::File(format!("no random source for the plan id: {e}")))?;
            let plan = new_plan::new_plan(name.trim(), id, Timestamp::now());
            storage::save_atomic(&output, write_plan(&plan).as_bytes())?;
            out(&format!("Created {}\n", output.display()))
        }
        Command::Forecast {
            file,
            scenario,
            format,
        } => {
            let plan = storage::load(&file)?.plan;
            let plan_error = |e: mutual_plan::forecast::ForecastError| {
                Failure::Plan(format!("{}: {e}", file.display()))
            };
            let (base, all) = scenarios::run_all(&plan).map_err(plan_error)?;
            let (shown, results) = match scenario {
                None => (base, all),
                Some(id) => {
                    let Some(r) = all
                        .into_iter()
                        .find(|r| r.scenario.id.eq_ignore_ascii_case(&id))
                    else {
                        let ids: Vec<_> = scenarios::default_scenarios()
                            .iter()
                            .map(|s| s.id)
                            .collect();
                        return Err(Failure::Usage(format!(
                            "no scenario `{id}`; the scenarios are {}",
                            ids.join(", ")
                        )));
                    };
                    (r.forecast.clone(), vec![r])
                }
            };
            out(&match format {
                Format::Table => forecast_report::to_table(&shown, &results),
                Format::Json => json_text(&forecast_report::to_json(&shown, &results)),
                Format::Csv => forecast_report::to_csv(&shown),
            })
        }
        Command::Check {
            file,
            format,
            criteria,
        } => {
            let analysis = analysed(&file, criteria.as_deref())?;
            out(&match format {
                TextOrJson::Json => {
                    json_text(&serde_json::json!({ "findings": analysis.findings }))
                }
                TextOrJson::Text => text_report::findings(&analysis.findings),
            })?;
            if analysis
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error)
            {
                return Err(Failure::Plan(String::new()));
            }
            Ok(())
        }
        Command::Readiness {
            file,
            format,
            criteria,
        } => {
            let r = analysed(&file, criteria.as_deref())?.readiness;
            out(&match format {
                TextOrJson::Json => json_text(&text_report::readiness_json(&r)),
                TextOrJson::Text => text_report::readiness(&r),
            })
        }
        Command::Headroom {
            file,
            format,
            criteria,
        } => {
            let criteria = load_criteria(criteria.as_deref())?;
            let plan = storage::load(&file)?.plan;
            let plan_error = |e: mutual_plan::forecast::ForecastError| {
                Failure::Plan(format!("{}: {e}", file.display()))
            };
            let base = mutual_plan::forecast::forecast(&plan).map_err(plan_error)?;
            let report = headroom::report(&plan, &base, &criteria).map_err(plan_error)?;
            out(&match format {
                TextOrJson::Json => json_text(&report.to_json()),
                TextOrJson::Text => report.to_text(),
            })
        }
        Command::Diff { old, new, format } => {
            let (a, b) = (storage::load(&old)?.plan, storage::load(&new)?.plan);
            let criteria = Criteria::bundled();
            let d = mutual_plan::compare::diff::diff(
                &a,
                &analyse(&a, &criteria),
                &b,
                &analyse(&b, &criteria),
            );
            out(&match format {
                TextOrJson::Json => json_text(&serde_json::to_value(&d).unwrap_or_default()),
                TextOrJson::Text => mutual_plan::compare::diff::to_text(
                    &d,
                    &format!("{} (revision {})", old.display(), a.revision),
                    &format!("{} (revision {})", new.display(), b.revision),
                ),
            })?;
            if d.is_empty() {
                Ok(())
            } else {
                Err(Failure::Plan(String::new()))
            }
        }
        Command::Pdf {
            file,
            output,
            with_review,
        } => {
            let plan = storage::load(&file)?.plan;
            let analysis = analyse(&plan, &Criteria::bundled());
            let options = pdf::PrintOptions {
                with_review,
                unsaved: false,
            };
            let bytes = pdf::render_with(&plan, &analysis, &options)
                .map_err(|e| Failure::File(e.to_string()))?;
            write_output(&output, &bytes)
        }
        Command::Export { file, output } => {
            let plan = storage::load(&file)?.plan;
            let analysis = analyse(&plan, &Criteria::bundled());
            let bytes = mutual_plan::workbook::workbook(&plan, &analysis).map_err(|e| match e {
                mutual_plan::workbook::ExportError::Forecast(_) => {
                    Failure::Plan(format!("{}: {e}", file.display()))
                }
                other => Failure::File(other.to_string()),
            })?;
            write_output(&output, &bytes)
        }
        Command::Import {
            what,
            plan: plan_path,
            file,
            sheet,
            map,
            dry_run,
        } => import(what, &plan_path, &file, sheet.as_deref(), &map, dry_run),
        Command::Portfolio { dirs, format, sort } => {
            let rows = portfolio::portfolio(&dirs, &Criteria::bundled(), Timestamp::now());
            let key = match sort {
                SortBy::Readiness => portfolio::SortKey::Readiness,
                SortBy::LowestCash => portfolio::SortKey::LowestCash,
                SortBy::Name => portfolio::SortKey::Name,
                SortBy::Saved => portfolio::SortKey::Saved,
            };
            let rows = portfolio::sort(rows, key);
            out(&match format {
                Format::Table => portfolio::report::to_table(&rows),
                Format::Json => json_text(&portfolio::report::to_json(&rows)),
                Format::Csv => portfolio::report::to_csv(&rows),
            })?;
            let unread = rows.iter().filter(|r| r.error.is_some()).count();
            if unread > 0 {
                let why = if unread == 1 {
                    "its row says why"
                } else {
                    "their rows say why"
                };
                return Err(Failure::File(format!(
                    "{unread} of {} could not be read; {why}",
                    mutual_plan::words::format::count(rows.len(), "file", "files")
                )));
            }
            Ok(())
        }
    }
}

/// Imports a spreadsheet's rows into a plan: the preview printed, then the plan rewritten with
/// them unless a cell was refused or it is a dry run.
fn import(
    what: ImportWhat,
    plan_path: &Path,
    file: &Path,
    sheet: Option<&str>,
    map: &[(String, String)],
    dry_run: bool,
) -> Result<(), Failure> {
    use mutual_plan::import::{self, Target};
    let target = match what {
        ImportWhat::Staff => Target::Staff,
        ImportWhat::Costs => Target::Costs,
    };
    let plan = storage::load(plan_path)?.plan;
    let size = std::fs::metadata(file)
        .map_err(|source| FileError::Io {
            path: file.to_path_buf(),
            action: "opening the file",
            source,
        })?
        .len();
    let not_read = |e: import::ImportError| Failure::File(format!("{}: {e}", file.display()));
    if size > import::MAX_BYTES {
        return Err(not_read(import::ImportError::TooLarge { size }));
    }
    let bytes = storage::read_bytes(&storage::RealFs, file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let table = import::read_table(&bytes, &name, sheet).map_err(not_read)?;
    let mapping = import::mapping_from(target, &table, map).map_err(not_read)?;
    let preview = import::preview(&plan, target, &table, &mapping);
    out(&import_text(file, &table, &mapping, target, &preview))?;
    if preview.refused > 0 {
        return Err(Failure::Plan(format!(
            "{}: {} refused; nothing was imported",
            file.display(),
            mutual_plan::words::format::count(preview.refused as usize, "cell", "cells")
        )));
    }
    if dry_run {
        return Ok(());
    }
    if let Some(holder) =
        lock::read_lock(&storage::RealFs, plan_path, Timestamp::now()).filter(|h| !h.stale)
    {
        let locked = FileError::Locked {
            path: plan_path.to_path_buf(),
            holder,
        };
        return Err(Failure::File(format!("{locked}; close it there first")));
    }
    let value = serde_json::to_value(&plan).unwrap_or_default();
    let with = import::apply(&value, &preview)
        .ok_or_else(|| Failure::Plan("nothing was imported".into()))?;
    let imported = mutual_plan::model::plan_file::plan_from_value(&with)
        .map_err(|e| Failure::Plan(format!("{}: {e}", plan_path.display())))?;
    let saved = mutual_plan::model::plan_file::stamp_for_save(&imported, Timestamp::now());
    storage::save_atomic(plan_path, write_plan(&saved).as_bytes())?;
    out(&format!(
        "Imported {} into {} (revision {}).\n",
        mutual_plan::words::format::count(
            preview.rows.len(),
            match target {
                Target::Staff => "staff line",
                Target::Costs => "cost line",
            },
            match target {
                Target::Staff => "staff lines",
                Target::Costs => "cost lines",
            }
        ),
        plan_path.display(),
        saved.revision
    ))
}

/// The preview as text: where the headings are, each column's field, and each row with its
/// cells as they will be, or why a cell is refused.
fn import_text(
    file: &Path,
    table: &mutual_plan::import::Table,
    mapping: &[Option<&'static str>],
    target: mutual_plan::import::Target,
    preview: &mutual_plan::import::Preview,
) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = write!(s, "{}", file.display());
    if let Some(sheet) = &table.sheet {
        let _ = write!(s, ", sheet \u{201c}{sheet}\u{201d}");
    }
    let _ = writeln!(s, ": headings on row {}", table.heading_row);
    let label = |key: &str| {
        target
            .fields()
            .iter()
            .find(|f| f.key == key)
            .map_or(key.to_owned(), |f| f.label.to_owned())
    };
    for (heading, field) in table.headings.iter().zip(mapping) {
        match field {
            Some(key) => {
                let _ = writeln!(
                    s,
                    "  \u{201c}{heading}\u{201d} \u{2192} {} ({key})",
                    label(key)
                );
            }
            None => {
                let _ = writeln!(s, "  \u{201c}{heading}\u{201d} \u{2192} not imported");
            }
        }
    }
    for row in &preview.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| match (&c.shown, &c.error) {
                (_, Some(e)) => format!(
                    "{}: REFUSED \u{201c}{}\u{201d}: {e}",
                    label(&c.field),
                    c.text
                ),
                (Some(v), None) => format!("{} {v}", label(&c.field)),
                (None, None) => label(&c.field),
            })
            .collect();
        let _ = writeln!(s, "row {} ({}): {}", row.row, row.id, cells.join("; "));
    }
    s
}

/// A JSON document as printed: indented, with a final newline.
fn json_text(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    storage::save_atomic(path, bytes)?;
    Ok(())
}
