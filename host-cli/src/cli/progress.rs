//! A progress bar on stderr for work that takes more than about a second, and nothing when
//! stderr is not a terminal (a pipe, a log, a test).

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use inkleaf_cli::progress::Progress;

/// Work shorter than this shows nothing: a bar that flashes by is noise.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Shows the steps of a build as a spinner, or a bar when a step knows its length.
pub(crate) struct Bar {
    bar: ProgressBar,
}

impl Bar {
    /// A bar that appears after [`SHOW_AFTER`] if stderr is a terminal, and never otherwise.
    pub(crate) fn on_stderr() -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if std::io::stderr().is_terminal() {
            let later = bar.clone();
            // The steps a build reports can each take seconds without a word in between
            // (training a model is one call), so the bar is shown and ticked from here.
            std::thread::spawn(move || {
                std::thread::sleep(SHOW_AFTER);
                if !later.is_finished() {
                    later.set_draw_target(ProgressDrawTarget::stderr());
                    later.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        Bar { bar }
    }

    /// Clears the bar for good, so what is printed next is not drawn over.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn step(&self, what: &str, units: Option<u64>) {
        let template = match units {
            Some(_) => "{spinner} {elapsed:>3} {msg} [{bar:30}] {percent:>3}%",
            None => "{spinner} {elapsed:>3} {msg}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_length(units.unwrap_or(0));
        self.bar.set_position(0);
        self.bar.set_message(what.to_owned());
    }

    fn advance(&self, units: u64) {
        self.bar.inc(units);
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        // An error ends a build early: the bar must not stay on the terminal.
        self.finish();
    }
}
