//! The `parallax` binary: parses the command line and hands over to the command line tool or the
//! desktop app. Errors are reported here, once, with the exit code: 0 on success, 2 on bad usage
//! or unreadable input, 1 on any other failure.
//!
//! Release builds for Windows use the GUI subsystem, so no console window opens behind the app;
//! a command-line run attaches to the console it was started from instead.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use parallax::article::pdf;
use parallax::cli::{Cli, Command, CompareError, run_compare};
use parallax::report::text::escape_controls;

fn main() -> ExitCode {
    keep_freed_memory_a_while();
    #[cfg(all(windows, not(debug_assertions)))]
    attach_parent_console();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    if std::env::args_os().nth(1).as_deref() == Some(pdf::WORKER_ARGUMENT.as_ref()) {
        return match pdf::run_worker() {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        };
    }
    if let Ok(executable) = std::env::current_exe() {
        pdf::use_worker_process(executable);
    }
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Compare(args)) => match on_a_worker_thread(|| run_compare(&args)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                for line in e.to_string().lines() {
                    eprintln!("parallax: {}", escape_controls(line));
                }
                exit_code(&e)
            }
        },
        #[cfg(feature = "app")]
        Some(Command::InstallDesktop) => run_desktop(parallax::desktop::run_install),
        #[cfg(feature = "app")]
        Some(Command::UninstallDesktop) => run_desktop(parallax::desktop::run_uninstall),
        None => run_app(cli),
    }
}

/// With arguments (a command, `--help`, files), shows output and errors in the console the
/// program was started from, if any: the GUI subsystem starts it without one.
#[cfg(all(windows, not(debug_assertions)))]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    if std::env::args_os().len() > 1 {
        // SAFETY: AttachConsole takes a process id by value and touches no memory of ours; when
        // the parent has no console it fails, and the program goes on without one.
        unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }
}

/// Runs `install-desktop` or `uninstall-desktop`; on failure, prints why and exits with 1.
#[cfg(feature = "app")]
fn run_desktop(
    command: fn(&mut dyn std::io::Write) -> Result<(), parallax::desktop::DesktopError>,
) -> ExitCode {
    match command(&mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: {e}");
            ExitCode::from(1)
        }
    }
}

fn exit_code(e: &CompareError) -> ExitCode {
    match e {
        CompareError::Unreadable(_)
        | CompareError::TooFew(_)
        | CompareError::TooManyLabels { .. } => ExitCode::from(2),
        CompareError::Write(_) | CompareError::Stdout(_) | CompareError::Pdf(_) => {
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "app"))]
fn run_app(_cli: Cli) -> ExitCode {
    eprintln!("parallax: this build has no desktop app; use `parallax compare FILE...`");
    ExitCode::from(2)
}

#[cfg(feature = "app")]
fn run_app(cli: Cli) -> ExitCode {
    match parallax::app::run(cli.files, cli.sample) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Runs `work` on a thread of rayon's pool, this one waiting. The stages of a comparison that
/// run alone then run on a thread that also takes a share of the parallel ones, so two threads'
/// memory serves it instead of three (each thread allocates from pages of its own): real-prose
/// pair 177 -> 167 ms, Bible pair 674 -> 545 ms, peak memory 164 -> 154 MB on the Bible pair.
fn on_a_worker_thread<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    // A scope entered from outside the pool runs its body on one of the pool's threads.
    rayon::scope(|_| work())
}

/// mimalloc: this engine allocates many small strings and vectors, and glibc's allocator made a
/// fifth of a large comparison's time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc 2's `mi_option_purge_delay` (its place in `mi_option_t`, which the bindings leave
/// out): how many milliseconds freed memory stays with the process before it goes back to the
/// system.
const MIMALLOC_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for a second instead of mimalloc's 10 ms. A comparison frees and
/// allocates again within its stages; memory handed back in between has to be faulted in and
/// zeroed again, which made a fifth of the wall time of the Bible pair. The app still returns
/// what it freed once it is idle.
fn keep_freed_memory_a_while() {
    // SAFETY: called first thing in `main`, before any other thread exists (mimalloc's options
    // are not synchronised); the call takes two integers and touches no memory of ours.
    unsafe { libmimalloc_sys::mi_option_set(MIMALLOC_PURGE_DELAY, 1_000) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_set() {
        // SAFETY: reads an option; the test sets none before this look.
        let default = unsafe { libmimalloc_sys::mi_option_get(MIMALLOC_PURGE_DELAY) };
        assert_eq!(default, 10, "mimalloc 2's purge delay is 10 ms unless set");
        keep_freed_memory_a_while();
        // SAFETY: as above.
        let set = unsafe { libmimalloc_sys::mi_option_get(MIMALLOC_PURGE_DELAY) };
        assert_eq!(set, 1_000);
    }
}
