//! `inkleaf demo`: the bundled article, built and previewed.

use std::fmt::Write;
use std::path::Path;

use anyhow::Context;
use inkleaf_cli::input::ReadOptions;
use inkleaf_cli::output::write_atomic;

use super::build::{blob, font_summary};
use super::progress::Bar;
use super::{load, render, Look};

pub(super) fn run(dir: &Path, look: &Look, out: &mut String) -> anyhow::Result<()> {
    let settings = look.resolve()?;
    let (doc, input_bytes) = load::documents(&[] as &[&Path], ReadOptions::default())?;
    let built = blob(
        &doc,
        &settings,
        Path::new("bundled article"),
        &Bar::on_stderr(),
    )?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create directory", dir.display()))?;
    let blob_path = dir.join("article.inkleaf");
    write_atomic(&blob_path, &built.blob)
        .with_context(|| format!("{}: cannot write", blob_path.display()))?;
    writeln!(
        out,
        "built the bundled article for {} ({}x{}, {}): {} pages, {} bytes from {} bytes of text",
        settings.display,
        settings.profile.width,
        settings.profile.height,
        font_summary(&settings.face, &built),
        built.pages,
        built.blob.len(),
        input_bytes
    )?;
    writeln!(out, "wrote {}", blob_path.display())?;
    render::render_blob(
        &blob_path,
        &built.blob,
        dir,
        render::Pick::All,
        2,
        super::load::Choice::default(),
        out,
    )
}
