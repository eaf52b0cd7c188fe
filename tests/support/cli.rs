//! Running the `parallax` binary from integration tests.

use std::ffi::OsStr;
use std::process::Command;

/// What a run of the binary produced.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `parallax compare` with `args` (warnings logged, nothing more).
pub fn compare_cli<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("compare")
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}
