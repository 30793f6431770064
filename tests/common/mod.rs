//! What the command-line tests share: running the `vigil` binary in a folder of its own.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `vigil` with `args` in `cwd`, with `cwd` as the home folder and `cwd/user-config` as the user config
/// folder, no results folder from the environment and no colours.
pub fn vigil(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .current_dir(cwd)
        .env_remove("VIGIL_RESULTS")
        .env("HOME", cwd)
        .env("XDG_CONFIG_HOME", cwd.join("user-config"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// What a run printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
