//! Telling a person what a long build is doing. The library reports its steps; the binary
//! decides whether and how to show them (a bar on a terminal, nothing in a pipe).

/// Receives the steps of a build as they happen.
pub trait Progress {
    /// A step begins: what it does, and how many units of work it has when that is known.
    fn step(&self, what: &str, units: Option<u64>);
    /// `units` more of the current step's work are done.
    fn advance(&self, units: u64);
}

/// Reports nothing: for tests, and for callers with no one to tell.
#[derive(Copy, Clone, Debug, Default)]
pub struct Quiet;

impl Progress for Quiet {
    fn step(&self, _what: &str, _units: Option<u64>) {}
    fn advance(&self, _units: u64) {}
}
