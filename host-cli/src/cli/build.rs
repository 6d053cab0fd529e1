//! `inkleaf build`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use inkleaf_cli::build::{BuildError, Built, Face, Settings};
use inkleaf_cli::input::{Document, ReadOptions};
use inkleaf_cli::output::write_atomic;

use super::progress::Bar;
use super::{load, BuildArgs};
use inkleaf_cli::progress::Progress;

pub(super) fn run(args: &BuildArgs, file: &Path, out: &mut String) -> anyhow::Result<()> {
    let (settings, built, input_bytes) = in_memory(args, file)?;
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
    if built.sizes.len() > 1 {
        for size in &built.sizes {
            let pages: Vec<String> = size.pages.iter().map(u32::to_string).collect();
            writeln!(
                out,
                "  size {} px: {} bytes of fonts, {} pages on the displays in order",
                size.px,
                size.font_bytes,
                pages.join(" / ")
            )?;
        }
    }
    Ok(())
}

/// Reads the inputs and builds their blob in memory, naming `file` in errors about the blob;
/// also returns the settings it was built with and the inputs' size in bytes.
pub(super) fn in_memory(args: &BuildArgs, file: &Path) -> anyhow::Result<(Settings, Built, usize)> {
    let settings = args.look.resolve()?;
    let bar = Bar::on_stderr();
    bar.step("reading", None);
    let options = ReadOptions {
        whole_page: args.whole_page,
    };
    let (mut doc, input_bytes) = load::documents(&args.inputs, options)?;
    let meta = &args.meta;
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
    let built = blob(&doc, &settings, file, &bar).map_err(|e| name_inputs(e, &args.inputs))?;
    Ok((settings, built, input_bytes))
}

/// Builds `doc` as `settings` say, naming `blob` in errors about the blob itself, and
/// prints the build's warnings on stderr once `bar` is gone.
pub(super) fn blob(
    doc: &Document,
    settings: &Settings,
    blob: &Path,
    bar: &Bar,
) -> anyhow::Result<Built> {
    let built = settings.build_reporting(doc, bar);
    bar.finish();
    let built = built.map_err(|e| match e {
        BuildError::Blob(e) => anyhow!("{}: {e}", blob.display()),
        // About the input, which the caller names.
        BuildError::NothingToShow => anyhow!(NothingToShow),
        // Names the font already.
        other => anyhow!("{other}"),
    })?;
    for warning in &built.warnings {
        eprintln!("inkleaf: warning: {warning}");
    }
    Ok(built)
}

/// The input has nothing to show (see [`BuildError::NothingToShow`]).
#[derive(Debug)]
pub(super) struct NothingToShow;

impl std::fmt::Display for NothingToShow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        BuildError::NothingToShow.fmt(f)
    }
}

impl std::error::Error for NothingToShow {}

/// `error`, naming the inputs when it is about them.
fn name_inputs(error: anyhow::Error, inputs: &[PathBuf]) -> anyhow::Error {
    if !error.is::<NothingToShow>() {
        return error;
    }
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    anyhow!("{}: {error}", names.join(", "))
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
