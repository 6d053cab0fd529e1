//! How pages look, as typed on the command line, and its one resolution into the settings a
//! blob is built with.

use std::borrow::Cow;
use std::path::Path;

use anyhow::{anyhow, bail, Context};
use clap::{Args, ValueEnum};
use inkleaf::{
    layout::{Align, Margins},
    Profile,
};
use inkleaf_cli::build::{Face, Settings, TextStorage};
use inkleaf_cli::displays::{self, Display, Typeface, DEFAULT_DISPLAY};
use inkleaf_cli::fonts;

use super::load;

/// How pages look: display, font, margins, alignment.
#[derive(Debug, Args)]
pub(super) struct Look {
    /// Display preset name (see `inkleaf displays`) or a size such as 640x384. Give it more
    /// than once to bake page indexes for several displays; the first sets the font.
    #[arg(long, default_value = DEFAULT_DISPLAY)]
    display: Vec<String>,
    /// How the text is stored: coded in the fewest bytes (with the engine's built-in English
    /// model or a model trained for it), coded with a trained model in the blob (for firmware
    /// built without the built-in model), or plain UTF-8.
    #[arg(long, value_enum, default_value_t = TextArg::Coded)]
    text: TextArg,
    /// Font: a TrueType/OpenType file, a bundled face (dejavu-sans, dejavu-serif,
    /// dejavu-sans-condensed) or a built-in mono font (builtin:6x10, builtin:8x13,
    /// builtin:10x20). Default: the display's (DejaVu Sans on e-paper).
    #[arg(long)]
    font: Option<String>,
    /// Pixel size to rasterize a TrueType font at (default: the display's).
    #[arg(long)]
    size: Option<u32>,
    /// Bits per pixel of a packed font: 1 for black-and-white panels, 2 or 4 for grayscale.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=4))]
    bits: u8,
    /// Hyphenation: by the document's language, or none.
    #[arg(long, value_enum, default_value_t = HyphenateArg::Auto)]
    hyphenate: HyphenateArg,
    /// Margin on every side, in pixels (default: the display's).
    #[arg(long)]
    margin: Option<u16>,
    /// Text alignment.
    #[arg(long, value_enum)]
    align: Option<AlignArg>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TextArg {
    Coded,
    Trained,
    Plain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum HyphenateArg {
    Auto,
    None,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum AlignArg {
    Left,
    Justify,
}

/// Pixel size of a TrueType font asked for on a display whose own face is built in.
const TRUETYPE_PX_ON_BUILTIN: u32 = 14;

impl Look {
    /// The settings these arguments ask for. Every display is looked up and the font file
    /// read here, so a mistake in them is reported before any input is read.
    pub(super) fn resolve(&self) -> anyhow::Result<Settings> {
        let first = self.display.first().map_or(DEFAULT_DISPLAY, String::as_str);
        let display = load::display(first)?;
        let face = self.face(&display)?;
        let also_for = self
            .display
            .iter()
            .skip(1)
            .map(|name| Ok(self.adjusted(load::display(name)?.profile)))
            .collect::<anyhow::Result<_>>()?;
        Ok(Settings {
            display: display.name,
            profile: self.adjusted(display.profile),
            also_for,
            face,
            hyphenate: self.hyphenate == HyphenateArg::Auto,
            text: match self.text {
                TextArg::Coded => TextStorage::Coded,
                TextArg::Trained => TextStorage::Trained,
                TextArg::Plain => TextStorage::Plain,
            },
        })
    }

    /// `profile` with the margin and alignment asked for.
    fn adjusted(&self, mut profile: Profile) -> Profile {
        if let Some(margin) = self.margin {
            profile.margins = Margins::all(margin);
        }
        if let Some(align) = self.align {
            profile.align = match align {
                AlignArg::Left => Align::Left,
                AlignArg::Justify => Align::Justify,
            };
        }
        profile
    }

    /// The face asked for on `display`: `--font`, else the display's own.
    fn face(&self, display: &Display) -> anyhow::Result<Face> {
        let (name, default_px) = match (&self.font, display.typeface) {
            (Some(name), Typeface::Bundled { px, .. }) => (name.clone(), px),
            (Some(name), Typeface::Builtin) => (name.clone(), TRUETYPE_PX_ON_BUILTIN),
            (None, Typeface::Bundled { name, px }) => (name.to_owned(), px),
            (None, Typeface::Builtin) => return Ok(Face::Builtin(display.font)),
        };
        if name.starts_with("builtin:") {
            let id = displays::font_by_name(&name).ok_or_else(|| {
                anyhow!("unknown font '{name}': the built-in fonts are builtin:6x10, builtin:8x13 and builtin:10x20")
            })?;
            return Ok(Face::Builtin(id));
        }
        Ok(Face::TrueType {
            bytes: font_file(&name)?,
            label: name,
            px: self.size.unwrap_or(default_px),
            bits: self.bits,
            fallback: display.font,
        })
    }
}

/// A bundled face by name, else the font file at that path.
fn font_file(name: &str) -> anyhow::Result<Cow<'static, [u8]>> {
    if let Some(bytes) = fonts::bundled_font(name) {
        return Ok(Cow::Borrowed(bytes));
    }
    let path = Path::new(name);
    if path.is_dir() {
        bail!("{name}: is a directory, not a font file");
    }
    let bytes = std::fs::read(path).with_context(|| {
        format!(
            "{name}: cannot read (not a bundled font either: {})",
            fonts::BUNDLED_FONTS.join(", ")
        )
    })?;
    Ok(Cow::Owned(bytes))
}
