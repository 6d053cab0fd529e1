//! The headless screen: every frame written as a PNG.

use std::path::{Path, PathBuf};

use anyhow::Context;
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics_simulator::SimulatorDisplay;

/// Writes frames as `frame-000.png`, `frame-001.png`, ... in a directory.
#[derive(Debug)]
pub(super) struct Shots {
    dir: PathBuf,
    scale: u32,
    written: u32,
}

impl Shots {
    /// Frames into `dir` at `scale` image pixels per display pixel; the frames of an earlier
    /// run there are removed, so the directory holds this run's only.
    pub(super) fn new(dir: &Path, scale: u32) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create directory", dir.display()))?;
        let entries =
            std::fs::read_dir(dir).with_context(|| format!("{}: cannot read", dir.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with("frame-") && name.ends_with(".png") {
                std::fs::remove_file(entry.path())
                    .with_context(|| format!("{}: cannot remove", entry.path().display()))?;
            }
        }
        Ok(Shots {
            dir: dir.to_owned(),
            scale,
            written: 0,
        })
    }

    /// How many frames were written.
    pub(super) fn written(&self) -> u32 {
        self.written
    }

    /// Writes the next frame, returning its path.
    pub(super) fn write(&mut self, frame: &SimulatorDisplay<Rgb888>) -> anyhow::Result<PathBuf> {
        let path = self.dir.join(format!("frame-{:03}.png", self.written));
        // Written in place, not through a synced temporary file: a run writes many frames,
        // and a frame cut short by a failure is simply written again by the next run.
        inkleaf_sim::save_preview(frame, self.scale, &path)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        self.written += 1;
        Ok(path)
    }
}
