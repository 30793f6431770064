//! Every text reaches standard output and standard error through `vigil::console::Console`, which makes
//! untrusted text harmless on a terminal. This test reads every source file under `src/` and fails, naming the
//! file and line, on anything else that prints: the `print!` family, `dbg!`, and any use of `io::stdout` or
//! `io::stderr` (so `write!`/`writeln!` on them too). Only the console itself and the TUI's terminal set-up may
//! touch standard output. Comments and string literals are ignored; code under `#[cfg(test)]` is scanned like
//! any other, since tests write into buffers, not to the terminal.

use std::path::{Path, PathBuf};

/// The files allowed to use standard output and standard error directly.
const ALLOWED: [&str; 2] = ["src/console.rs", "src/tui/terminal.rs"];

/// Macros that print on their own.
const PRINTING_MACROS: [&str; 5] = ["print!", "println!", "eprint!", "eprintln!", "dbg!"];

/// `source` with comments and the contents of string and character literals replaced by spaces, line breaks
/// kept, so what remains is code and line numbers still hold.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut code = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                code.push(' ');
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    code.push_str("  ");
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    code.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    code.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if let Some((prefix, hashes)) = raw_string_start(rest) {
            let opening = prefix + hashes + 1;
            code.extend(std::iter::repeat_n(' ', opening));
            i += opening;
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while i < chars.len() && !chars[i..].starts_with(&closing) {
                code.push(blank(chars[i]));
                i += 1;
            }
            code.extend(std::iter::repeat_n(' ', closing.len()));
            i += closing.len();
        } else if chars[i] == '"' {
            code.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let width = if chars[i] == '\\' { 2 } else { 1 };
                for c in chars.iter().skip(i).take(width) {
                    code.push(blank(*c));
                }
                i += width;
            }
            code.push(' ');
            i += 1;
        } else if let Some(length) = char_literal(rest) {
            code.extend(std::iter::repeat_n(' ', length));
            i += length;
        } else {
            code.push(chars[i]);
            i += 1;
        }
    }
    code
}

/// The length of the prefix (`r`, `br`, `cr`) and the number of `#` of a raw string starting at `rest`.
fn raw_string_start(rest: &[char]) -> Option<(usize, usize)> {
    let prefix = match rest {
        ['r', ..] => 1,
        ['b' | 'c', 'r', ..] => 2,
        _ => return None,
    };
    let hashes = rest[prefix..].iter().take_while(|c| **c == '#').count();
    (rest.get(prefix + hashes) == Some(&'"')).then_some((prefix, hashes))
}

/// The length of a character literal (`'"'`, `'\''`, `'\u{1b}'`) starting at `rest`; `None` for a lifetime.
fn char_literal(rest: &[char]) -> Option<usize> {
    match rest {
        ['\'', '\\', ..] => rest
            .iter()
            .skip(3)
            .position(|c| *c == '\'')
            .map(|end| end + 4),
        ['\'', _, '\'', ..] => Some(3),
        _ => None,
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// What on `line` (code only) writes to standard output or standard error, if anything.
fn stray_output(line: &str) -> Option<String> {
    let starts_word = |at: usize| !line[..at].chars().next_back().is_some_and(is_word);
    for name in PRINTING_MACROS {
        if line.match_indices(name).any(|(at, _)| starts_word(at)) {
            return Some(format!("`{name}`"));
        }
    }
    for stream in ["stdout", "stderr"] {
        for (at, _) in line.match_indices(stream) {
            let after = &line[at + stream.len()..];
            if !starts_word(at) || after.starts_with(is_word) {
                continue;
            }
            let before = line[..at].trim_end();
            let through_io = before
                .strip_suffix("io::")
                .is_some_and(|start| !start.ends_with(is_word));
            let called = after.trim_start().starts_with('(');
            if through_io || (called && !before.ends_with(':') && !before.ends_with('.')) {
                return Some(format!("`{stream}`"));
            }
        }
    }
    None
}

fn sources(folder: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every stray print in `source`, as `file:line: what`.
fn findings(file: &str, source: &str) -> Vec<String> {
    code_only(source)
        .lines()
        .enumerate()
        .filter_map(|(n, line)| stray_output(line).map(|what| format!("{file}:{}: {what}", n + 1)))
        .collect()
}

#[test]
fn nothing_prints_around_the_console() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    assert!(files.len() > 50, "the sources were not found");
    let mut stray = Vec::new();
    for path in files {
        let relative = path.strip_prefix(root).unwrap();
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if ALLOWED.contains(&name.as_str()) {
            continue;
        }
        stray.extend(findings(&name, &std::fs::read_to_string(&path).unwrap()));
    }
    assert!(
        stray.is_empty(),
        "text must reach the terminal through vigil::console::Console; found:\n{}",
        stray.join("\n")
    );
}

#[test]
fn the_scan_finds_every_way_of_printing_and_skips_comments_and_strings() {
    let source = r##"
fn a() { println!("x"); }
    eprint!("{}", 1);
let _ = writeln!(std::io::stderr(), "x");
let out = io::stdout().lock();
use std::io::stdout;
stdout().flush();
let f = io::stderr;
dbg!(x);
// println!("in a comment")
/* eprintln!("in a /* nested */ block") */
let s = "println!(\"in a string\") io::stdout()";
let r = r#"print!("raw") "#;
let c = '"'; let d = '\''; fn e<'a>(x: &'a str) {}
let g = Console::stdout(); command.stdout(piped); my_eprintln!(x); let stdout_is_tty = true;
let h = Radio::stdout(); let b = br"dbg!(x)"; let n = '\n'; let u = '\u{1b}'; let p = "'"; println!();
"##;
    let found = findings("f.rs", source);
    let lines: Vec<&str> = found
        .iter()
        .map(|f| f.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "f.rs:2", "f.rs:3", "f.rs:4", "f.rs:5", "f.rs:6", "f.rs:7", "f.rs:8", "f.rs:9",
            "f.rs:16"
        ],
        "{found:?}"
    );
}
