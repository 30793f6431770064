//! `vigil check`: report every finding in every file, then a summary.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Format;
use crate::config::{check_config, looks_like_config};
use crate::quiz::bank::{built_in_inputs, built_in_taxonomy};
use crate::quiz::check::{Summary, check, gather, read_file};
use crate::quiz::{Diagnostic, Input};

/// What `vigil check` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Files and folders; none means `quizzes/` here, else the built-in bank.
    pub paths: Vec<PathBuf>,
    /// Whether warnings fail the check.
    pub deny_warnings: bool,
    /// Text or JSON.
    pub format: Format,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(flatten)]
    summary: Summary,
    passed: bool,
    diagnostics: &'a [Diagnostic],
}

/// Runs the check and prints its report to `out`; returns the exit code (0 passed, 1 problems).
pub fn run(options: &CheckOptions, out: &mut dyn Write) -> io::Result<i32> {
    let inputs = inputs_for(&options.paths, &read_file);
    run_on(inputs, options, out)
}

/// Whether `input` is a trainer's config rather than a quiz: named like one (`vigil.ron`, `vigil.example.ron`)
/// or, whatever its name, written like one.
pub fn is_config(input: &Input) -> bool {
    let named_like_one = Path::new(&input.name)
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("vigil.") && n.ends_with(".ron"));
    named_like_one
        || input
            .content
            .as_ref()
            .is_ok_and(|bytes| looks_like_config(bytes))
}

/// The files a check of `paths` looks at, read with `read`.
pub fn inputs_for(paths: &[PathBuf], read: &dyn Fn(&Path) -> io::Result<Vec<u8>>) -> Vec<Input> {
    if !paths.is_empty() {
        return gather(paths, read);
    }
    let here = PathBuf::from("quizzes");
    if here.is_dir() {
        gather(&[here], read)
    } else {
        built_in_inputs()
    }
}

/// Checks `inputs` (quizzes, tag files and trainer configs) and prints the report; returns the exit code.
pub fn run_on(inputs: Vec<Input>, options: &CheckOptions, out: &mut dyn Write) -> io::Result<i32> {
    let (configs, quizzes): (Vec<Input>, Vec<Input>) = inputs.into_iter().partition(is_config);
    let mut report = check(&quizzes, &built_in_taxonomy());
    report.files += configs.len();
    for config in configs {
        match config.content {
            Err(finding) => report.diagnostics.push(finding),
            Ok(bytes) => report
                .diagnostics
                .extend(check_config(&config.name, &bytes)),
        }
    }
    let summary = report.summary();
    let passed = summary.errors == 0 && !(options.deny_warnings && summary.warnings > 0);
    match options.format {
        Format::Json => {
            let json = JsonReport {
                summary,
                passed,
                diagnostics: &report.diagnostics,
            };
            crate::json::write_pretty(out, &json)?;
        }
        Format::Text => {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{diagnostic}\n")?;
            }
            writeln!(
                out,
                "{}",
                summary_line(&summary, passed, options.deny_warnings)
            )?;
        }
    }
    Ok(if passed { 0 } else { 1 })
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary_line(summary: &Summary, passed: bool, deny_warnings: bool) -> String {
    let checked = format!(
        "checked {} ({})",
        count(summary.files, "file", "files"),
        count(summary.quizzes, "quiz", "quizzes")
    );
    if summary.errors == 0 && summary.warnings == 0 {
        return format!("{checked}: no problems found");
    }
    let found = format!(
        "{}, {}",
        count(summary.errors, "error", "errors"),
        count(summary.warnings, "warning", "warnings")
    );
    let verdict = match (passed, deny_warnings) {
        (true, _) => "passed with warnings",
        (false, true) if summary.errors == 0 => "failed: warnings are denied",
        (false, _) => "failed",
    };
    format!("{checked}: {found}; {verdict}")
}
