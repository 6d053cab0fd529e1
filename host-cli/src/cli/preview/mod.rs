//! `inkleaf preview`: a book read as the device reads it, in a window or frame by frame.

mod keypad;
mod session;
mod shots;
mod source;
#[cfg(feature = "window")]
mod window;

use std::fmt::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics_simulator::SimulatorDisplay;
use inkleaf_sim::keys::{self, Key};

use super::BuildArgs;
use session::Screen;
use shots::Shots;
use source::Source;

/// What `inkleaf preview` takes: a blob or the inputs of a build, keys, and where frames go.
#[derive(Debug, Args)]
pub(super) struct PreviewArgs {
    #[command(flatten)]
    source: BuildArgs,
    /// Keys to press first, separated by spaces: n, p, space, home, end, t, 0-9, enter, +,
    /// -, b, d, q ("t 3" opens the table of contents and goes to its third entry).
    #[arg(long, value_name = "SCRIPT")]
    keys: Option<String>,
    /// Write the frames as DIR/frame-000.png (the first page), frame-001.png (after the
    /// first key), ... instead of opening a window.
    #[arg(long, value_name = "DIR")]
    shots: Option<PathBuf>,
    /// Screen (or image) pixels per display pixel.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=8))]
    scale: u32,
    /// Rebuild when an input changes, and show the new build at the same reading position.
    #[arg(long, conflicts_with = "shots")]
    watch: bool,
}

pub(super) fn run(args: &PreviewArgs, out: &mut String) -> anyhow::Result<()> {
    let script = keys::parse_script(args.keys.as_deref().unwrap_or_default())?;
    let source = Source::new(&args.source);
    // A blob is shown as it was built: say so rather than drop what the user asked for.
    if let Some(blob) = source.blob() {
        let ignored = args.source.given();
        if !ignored.is_empty() {
            eprintln!(
                "inkleaf: warning: {}: a built blob is shown as it was built; {} only apply to \
                 inputs that are built, and are ignored",
                blob.display(),
                ignored.join(", ")
            );
        }
    }
    let Some(dir) = &args.shots else {
        return in_window(&source, script, args);
    };
    let mut shots = Shots::new(dir, args.scale)?;
    session::run(&source, &mut shots, script, false)?;
    writeln!(out, "wrote {} frames to {}", shots.written(), dir.display())?;
    Ok(())
}

#[cfg(feature = "window")]
fn in_window(source: &Source<'_>, script: Vec<Key>, args: &PreviewArgs) -> anyhow::Result<()> {
    let title = format!("inkleaf preview: {}", source.name());
    let mut screen = window::WindowScreen::new(&title, args.scale);
    session::run(source, &mut screen, script, args.watch)
}

#[cfg(not(feature = "window"))]
fn in_window(_: &Source<'_>, _: Vec<Key>, _: &PreviewArgs) -> anyhow::Result<()> {
    anyhow::bail!(
        "this inkleaf has no window: build it with `cargo install --path host-cli --features window` (needs SDL2), or write frames with --shots DIR"
    )
}

impl Screen for Shots {
    fn show(&mut self, frame: &SimulatorDisplay<Rgb888>) -> anyhow::Result<()> {
        self.write(frame).map(drop)
    }

    fn every_key(&self) -> bool {
        true
    }

    /// No keys but the script's: the run ends when it does.
    fn keys(&mut self, _: Duration) -> Vec<Key> {
        vec![Key::Quit]
    }
}
