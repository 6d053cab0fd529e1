//! `inkleaf`: build, inspect and preview blobs for small e-paper readers.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let mut report = String::new();
    let result = cli::run(args, &mut report);
    let printed = std::io::stdout().lock().write_all(report.as_bytes());
    if let Err(err) = printed {
        // A reader that closed the pipe early (`inkleaf pages x | head`) is not a failure.
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("inkleaf: cannot write to stdout: {err}");
            return ExitCode::FAILURE;
        }
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("inkleaf: {err:#}");
            ExitCode::FAILURE
        }
    }
}
