//! The real `vigil report`: in a pseudo-terminal (read through to its end within a deadline, never with fixed
//! sleeps) it shows hostile names harmlessly; through a pipe it writes the CSV exactly as `--out` does.

use std::path::PathBuf;

use super::*;

/// What the real `vigil report` with `args` shows in a pseudo-terminal, read to its end within a deadline.
#[cfg(unix)]
fn report_in_a_pty(results: &Path, args: &[&str]) -> Vec<u8> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    use std::sync::mpsc;
    use std::time::Duration;

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_vigil"));
    command.arg("report");
    command.args(args);
    command.args(["--results", results.to_str().unwrap()]);
    command.cwd(results);
    command.env("LANG", "C.UTF-8");
    command.env_remove("LC_ALL");
    command.env_remove("LC_MESSAGES");
    command.env_remove("VIGIL_RESULTS");
    let mut child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
        let mut output = Vec::new();
        let mut buffer = [0u8; 8192];
        // The read ends with 0 or, on Linux, an error once the program has exited.
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            output.extend_from_slice(&buffer[..n]);
        }
        let _ = sender.send(output);
    });
    let status = child.wait().unwrap();
    drop(pty.master);
    let output = received
        .recv_timeout(Duration::from_secs(30))
        .expect("the report's output did not end within 30 s");
    assert!(status.success(), "{}", String::from_utf8_lossy(&output));
    output
}

#[cfg(unix)]
#[test]
fn the_real_program_shows_a_csv_report_with_hostile_names_harmlessly_on_a_terminal() {
    let dir = results();
    let output = report_in_a_pty(dir.path(), &["--format", "csv"]);
    // The terminal's line discipline turns each line feed into CR LF.
    let output: Vec<u8> = String::from_utf8(output)
        .unwrap()
        .replace("\r\n", "\n")
        .into_bytes();
    assert_harmless("vigil report --format csv in a terminal", &output);
    let text = String::from_utf8(output).unwrap();
    assert!(text.contains("Aigerim\u{FFFD}]0;owned"), "{text}");
}

#[test]
fn the_real_program_pipes_the_csv_report_unchanged() {
    let dir = results();
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["report", "--format", "csv", "--results"])
        .arg(dir.path())
        .current_dir(dir.path())
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap();
    assert!(piped.status.success());
    let elsewhere = tempfile::tempdir().unwrap();
    let saved: PathBuf = elsewhere.path().join("r.csv");
    let written = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["report", "--format", "csv", "--results"])
        .arg(dir.path())
        .arg("--out")
        .arg(&saved)
        .current_dir(dir.path())
        .env_remove("VIGIL_RESULTS")
        .output()
        .unwrap();
    assert!(written.status.success());
    assert_eq!(piped.stdout, std::fs::read(&saved).unwrap());
    assert!(String::from_utf8(piped.stdout).unwrap().contains(PAYLOAD));
}
