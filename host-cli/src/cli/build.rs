//! `inkleaf build`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use inkleaf_cli::output::write_atomic;

use super::{load, Look, MetaArgs};

pub(super) fn run(
    inputs: &[PathBuf],
    file: &Path,
    look: &Look,
    meta: &MetaArgs,
    out: &mut String,
) -> anyhow::Result<()> {
    let (display, profile, font) = load::profile(look)?;
    let (mut doc, input_bytes) = load::documents(inputs)?;
    let overrides = [
        (&meta.title, &mut doc.title),
        (&meta.byline, &mut doc.byline),
        (&meta.date, &mut doc.date),
        (&meta.lang, &mut doc.language),
    ];
    for (given, field) in overrides {
        if let Some(value) = given {
            field.clone_from(value);
        }
    }
    let load::CliBuilt { built, font } =
        load::build(&doc, look, profile, &font, display.font, file)?;
    write_atomic(file, &built.blob).with_context(|| format!("{}: cannot write", file.display()))?;
    let ratio = built.blob.len() as f64 / input_bytes.max(1) as f64;
    writeln!(
        out,
        "wrote {}: {} pages on {} ({}x{}, {}), {} bytes, {:.2}x the {} input bytes",
        file.display(),
        built.pages,
        display.name,
        profile.width,
        profile.height,
        font,
        built.blob.len(),
        ratio,
        input_bytes
    )?;
    Ok(())
}
