//! How pages look, as typed on the command line, and its one resolution into the settings a
//! blob is built with.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};
use clap::{Args, ValueEnum};
use inkleaf::{
    font::FontId,
    layout::{Align, Margins},
    Profile,
};
use inkleaf_cli::build::{Face, Settings, TextStorage};
use inkleaf_cli::displays::{self, Display, Typeface, DEFAULT_DISPLAY};
use inkleaf_cli::fonts::{self, Family, FontSource, Role};

use super::load;

/// How pages look: display, font, margins, alignment.
#[derive(Debug, Args)]
pub(super) struct Look {
    /// Display preset name (see `inkleaf displays`) or a size such as 640x384. Give it more
    /// than once to bake page indexes for several displays; the first sets the font.
    /// Default: 2.9in.
    #[arg(long)]
    display: Vec<String>,
    /// How the text is stored: coded in the fewest bytes (with the engine's built-in English
    /// model or a model trained for it), coded with a trained model in the blob (for firmware
    /// built without the built-in model), or plain UTF-8. Default: coded.
    #[arg(long, value_enum)]
    text: Option<TextArg>,
    /// Font: a bundled family (dejavu-sans, dejavu-serif, dejavu-sans-condensed), a
    /// TrueType/OpenType file for regular text (bold and italic are then synthesized from it
    /// unless given, and code is set in DejaVu Sans Mono) or a built-in mono font
    /// (builtin:6x10, builtin:8x13, builtin:10x20). Default: the display's (DejaVu Sans on
    /// e-paper).
    #[arg(long)]
    font: Option<String>,
    /// A TrueType/OpenType file for bold text and headings, in place of the family's.
    #[arg(long, value_name = "PATH")]
    font_bold: Option<PathBuf>,
    /// A TrueType/OpenType file for italic text, in place of the family's.
    #[arg(long, value_name = "PATH")]
    font_italic: Option<PathBuf>,
    /// A TrueType/OpenType file for bold italic text, in place of the family's.
    #[arg(long, value_name = "PATH")]
    font_bold_italic: Option<PathBuf>,
    /// A TrueType/OpenType file for code, in place of the family's.
    #[arg(long, value_name = "PATH")]
    font_mono: Option<PathBuf>,
    /// A TrueType/OpenType file to take the characters the family lacks from (such as a CJK
    /// font). Give it more than once to try several, in order.
    #[arg(long, value_name = "PATH")]
    fallback_font: Vec<PathBuf>,
    /// Pixel size of the text (default: the display's): the size a TrueType font is
    /// rasterized at, or which built-in font (10 for 6x10, 13 for 8x13, 20 for 10x20). Give
    /// it more than once to pack several sizes a reader switches between; the first is the
    /// one it opens at.
    #[arg(long, value_name = "PX")]
    size: Vec<String>,
    /// Bits per pixel of a packed font: 1 for black-and-white panels (the default), 2 or 4
    /// for grayscale.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    bits: Option<u8>,
    /// Hyphenation: by the document's language (the default), or none.
    #[arg(long, value_enum)]
    hyphenate: Option<HyphenateArg>,
    /// Margin on every side, in pixels (default: the display's).
    #[arg(long)]
    margin: Option<u16>,
    /// Text alignment.
    #[arg(long, value_enum)]
    align: Option<AlignArg>,
    /// Indent the first line of a paragraph that follows a paragraph, as books set prose, and
    /// set such paragraphs without a blank between them: by PX pixels, or one em of the font.
    #[arg(long, value_name = "PX", num_args = 0..=1)]
    indent: Option<Option<u16>>,
    /// Bake the line breaks of every display and size, even past 3% of the blob. By default
    /// the displays and sizes given last lose theirs first, and their pages are broken as
    /// they open: firmware built without line breaking cannot show those.
    #[arg(long)]
    bake_all_lines: bool,
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

/// One em of `face` in pixels: its size, or two cells of a built-in mono font (one cell
/// reads as a stray space).
fn em(face: &Face) -> u16 {
    let px = match face {
        Face::Builtin(id) => 2 * id.font().width,
        Face::TrueType { family, .. } => family.px,
    };
    u16::try_from(px).unwrap_or(u16::MAX)
}

/// Pixel size of a TrueType font asked for on a display whose own face is built in.
const TRUETYPE_PX_ON_BUILTIN: u32 = 14;

impl Look {
    /// Bits per pixel of a packed font.
    fn bits(&self) -> u8 {
        self.bits.unwrap_or(1)
    }

    /// The options given that differ from their defaults, as typed (`--display`, ...): for
    /// a command that cannot honour them to say so.
    pub(super) fn given(&self) -> Vec<&'static str> {
        let set = [
            ("--display", !self.display.is_empty()),
            ("--text", self.text.is_some()),
            ("--font", self.font.is_some()),
            ("--font-bold", self.font_bold.is_some()),
            ("--font-italic", self.font_italic.is_some()),
            ("--font-bold-italic", self.font_bold_italic.is_some()),
            ("--font-mono", self.font_mono.is_some()),
            ("--fallback-font", !self.fallback_font.is_empty()),
            ("--size", !self.size.is_empty()),
            ("--bits", self.bits.is_some()),
            ("--hyphenate", self.hyphenate.is_some()),
            ("--margin", self.margin.is_some()),
            ("--align", self.align.is_some()),
            ("--indent", self.indent.is_some()),
            ("--bake-all-lines", self.bake_all_lines),
        ];
        set.into_iter()
            .filter_map(|(name, given)| given.then_some(name))
            .collect()
    }

    /// The settings these arguments ask for. Every display is looked up and the font file
    /// read here, so a mistake in them is reported before any input is read.
    pub(super) fn resolve(&self) -> anyhow::Result<Settings> {
        let first = self.display.first().map_or(DEFAULT_DISPLAY, String::as_str);
        let display = load::display(first)?;
        let mut faces = self.faces(&display)?.into_iter();
        let face = faces.next().context("no text size")?;
        let also_sizes = faces.collect();
        let indent = self.indent.map(|px| px.unwrap_or_else(|| em(&face)));
        let also_for = self
            .display
            .iter()
            .skip(1)
            .map(|name| Ok(self.adjusted(load::display(name)?.profile, indent)))
            .collect::<anyhow::Result<_>>()?;
        Ok(Settings {
            display: display.name,
            profile: self.adjusted(display.profile, indent),
            also_for,
            face,
            also_sizes,
            hyphenate: self.hyphenate != Some(HyphenateArg::None),
            text: match self.text.unwrap_or(TextArg::Coded) {
                TextArg::Coded => TextStorage::Coded,
                TextArg::Trained => TextStorage::Trained,
                TextArg::Plain => TextStorage::Plain,
            },
            bake_all_lines: self.bake_all_lines,
        })
    }

    /// `profile` with the margin, alignment and indent asked for.
    fn adjusted(&self, mut profile: Profile, indent: Option<u16>) -> Profile {
        if let Some(margin) = self.margin {
            profile.margins = Margins::all(margin);
        }
        if let Some(indent) = indent {
            profile.indent = indent;
        }
        if let Some(align) = self.align {
            profile.align = match align {
                AlignArg::Left => Align::Left,
                AlignArg::Justify => Align::Justify,
            };
        }
        profile
    }

    /// The face of each text size asked for on `display`, the first first: `--font`, else
    /// the display's own, with the faces and fallback fonts given beside it.
    fn faces(&self, display: &Display) -> anyhow::Result<Vec<Face>> {
        let sizes = text_sizes(&self.size)?;
        let (name, default_px) = match (&self.font, display.typeface) {
            (Some(name), Typeface::Bundled { px, .. }) => (name.clone(), px),
            (Some(name), Typeface::Builtin) => (name.clone(), TRUETYPE_PX_ON_BUILTIN),
            (None, Typeface::Bundled { name, px }) => (name.to_owned(), px),
            (None, Typeface::Builtin) => {
                self.no_faces_beside(display.font.name())?;
                return builtin_sizes(display.font, &sizes);
            }
        };
        if name.starts_with("builtin:") {
            let id = displays::font_by_name(&name).ok_or_else(|| {
                anyhow!("unknown font '{name}': the built-in fonts are builtin:6x10, builtin:8x13 and builtin:10x20")
            })?;
            self.no_faces_beside(id.name())?;
            return builtin_sizes(id, &sizes);
        }
        let face = self.truetype(&name, sizes.first().copied().unwrap_or(default_px), display)?;
        let Face::TrueType { family, fallback } = &face else {
            return Ok(vec![face]);
        };
        let more = sizes.iter().skip(1).map(|&px| Face::TrueType {
            family: Box::new(Family {
                px,
                ..(**family).clone()
            }),
            fallback: *fallback,
        });
        let more: Vec<Face> = more.collect();
        Ok(core::iter::once(face).chain(more).collect())
    }

    /// The TrueType family `name` (bundled, else a file) at `px`, with the faces and fallback
    /// fonts given beside it.
    fn truetype(&self, name: &str, px: u32, display: &Display) -> anyhow::Result<Face> {
        let mut family = match Family::bundled(name, px, self.bits()) {
            Some(family) => family,
            None => {
                let bundled = fonts::BUNDLED_FONTS.join(", ");
                let also = format!(" (not a bundled font either: {bundled})");
                Family::from_regular(font_file(Path::new(name), &also)?, px, self.bits())
            }
        };
        for (role, path) in self.faces_beside() {
            family.set(role, font_file(path, "")?);
        }
        family.fallbacks = self
            .fallback_font
            .iter()
            .map(|path| font_file(path, ""))
            .collect::<anyhow::Result<_>>()?;
        Ok(Face::TrueType {
            family: Box::new(family),
            fallback: display.font,
        })
    }

    /// The faces given by `--font-bold` and its kin, with their roles.
    fn faces_beside(&self) -> impl Iterator<Item = (Role, &PathBuf)> {
        [
            (Role::Bold, &self.font_bold),
            (Role::Italic, &self.font_italic),
            (Role::BoldItalic, &self.font_bold_italic),
            (Role::Mono, &self.font_mono),
        ]
        .into_iter()
        .filter_map(|(role, path)| Some((role, path.as_ref()?)))
    }

    /// Refuses faces and fallback fonts given beside the built-in font `name`, which is set
    /// as it is.
    fn no_faces_beside(&self, name: &str) -> anyhow::Result<()> {
        let given = self.faces_beside().next().map(|(_, p)| p);
        if let Some(path) = given.or(self.fallback_font.first()) {
            bail!(
                "{}: a face or fallback font needs a TrueType --font; the text is set in the built-in {name}",
                path.display()
            );
        }
        Ok(())
    }
}

/// Text sizes run from 4 pixels to 180: headings are set at up to 1.4 times the size, and a
/// packed font holds at most 255.
const TEXT_PX: std::ops::RangeInclusive<u32> = 4..=180;

/// The pixel sizes given with `--size`, in order: each a whole number in [`TEXT_PX`], none
/// twice.
fn text_sizes(given: &[String]) -> anyhow::Result<Vec<u32>> {
    let mut sizes = Vec::new();
    for arg in given {
        let px = arg
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|px| TEXT_PX.contains(px));
        let Some(px) = px else {
            bail!(
                "--size {arg}: not a pixel size; give a whole number from {} to {}",
                TEXT_PX.start(),
                TEXT_PX.end()
            );
        };
        if sizes.contains(&px) {
            bail!("--size {px} is given twice; give each text size once");
        }
        sizes.push(px);
    }
    Ok(sizes)
}

/// The built-in fonts `sizes` pick by their pixel height, or `default` alone when none is
/// given.
fn builtin_sizes(default: FontId, sizes: &[u32]) -> anyhow::Result<Vec<Face>> {
    if sizes.is_empty() {
        return Ok(vec![Face::Builtin(default)]);
    }
    sizes
        .iter()
        .map(|&px| {
            let id = FontId::ALL
                .into_iter()
                .find(|id| id.font().height == px)
                .ok_or_else(|| {
                    let have: Vec<String> = FontId::ALL
                        .iter()
                        .map(|id| format!("{} ({})", id.font().height, id.name()))
                        .collect();
                    anyhow!(
                        "--size {px}: no built-in font has that size; the built-in sizes are {}",
                        have.join(", ")
                    )
                })?;
            Ok(Face::Builtin(id))
        })
        .collect()
}

/// The font file at `path`, read whole, with `also` said when it cannot be read; whether it
/// is a usable font is checked when the family is parsed.
fn font_file(path: &Path, also: &str) -> anyhow::Result<FontSource> {
    let name = path.display().to_string();
    if path.is_dir() {
        bail!("{name}: is a directory, not a font file");
    }
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read{also}"))?;
    Ok(FontSource::new(name, bytes))
}
