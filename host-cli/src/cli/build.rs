//! `inkleaf build`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use inkleaf_cli::build::{BuildError, Built, Face, Settings};
use inkleaf_cli::input::Document;
use inkleaf_cli::output::write_atomic;

use super::{load, Look, MetaArgs};

pub(super) fn run(
    inputs: &[PathBuf],
    file: &Path,
    look: &Look,
    meta: &MetaArgs,
    out: &mut String,
) -> anyhow::Result<()> {
    let settings = look.resolve()?;
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
    let built = blob(&doc, &settings, file)?;
    write_atomic(file, &built.blob).with_context(|| format!("{}: cannot write", file.display()))?;
    let ratio = built.blob.len() as f64 / input_bytes.max(1) as f64;
    writeln!(
        out,
        "wrote {}: {} pages on {} ({}x{}, {}), {} bytes, {:.2}x the {} input bytes",
        file.display(),
        built.pages,
        settings.display,
        settings.profile.width,
        settings.profile.height,
        font_summary(&settings.face, &built),
        built.blob.len(),
        ratio,
        input_bytes
    )?;
    Ok(())
}

/// Builds `doc` as `settings` say, naming `blob` in errors about the blob itself, and
/// prints the build's warnings on stderr.
pub(super) fn blob(doc: &Document, settings: &Settings, blob: &Path) -> anyhow::Result<Built> {
    let built = settings.build(doc).map_err(|e| match e {
        BuildError::Blob(e) => anyhow!("{}: {e}", blob.display()),
        // Names the font already.
        other => anyhow!("{other}"),
    })?;
    for warning in &built.warnings {
        eprintln!("inkleaf: warning: {warning}");
    }
    Ok(built)
}

/// The font a blob was built with: "font 6x10" or "dejavu-sans 14 px, 1 bit, 1769 bytes".
pub(super) fn font_summary(face: &Face, built: &Built) -> String {
    match face {
        Face::TrueType { family, .. } => format!(
            "{} {} px, {} bit, {} bytes",
            family.name, family.px, family.bits, built.font_bytes
        ),
        Face::Builtin(id) => format!("font {}", id.name()),
    }
}
