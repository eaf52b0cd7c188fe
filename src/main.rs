//! The `parallax` binary: parses the command line and hands over to the command line tool or the
//! desktop app. Errors are reported here, once, with the exit code: 0 on success, 2 on bad usage
//! or unreadable input, 1 on any other failure.

use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{Cli, Command, CompareError, run_compare};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Compare(args)) => match run_compare(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("parallax: {}", e.to_string().replace('\n', "\nparallax: "));
                exit_code(&e)
            }
        },
        None => run_app(cli),
    }
}

fn exit_code(e: &CompareError) -> ExitCode {
    match e {
        CompareError::Unreadable(_)
        | CompareError::TooFew(_)
        | CompareError::TooManyLabels { .. } => ExitCode::from(2),
        CompareError::Write(_) | CompareError::Stdout(_) => ExitCode::from(1),
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
