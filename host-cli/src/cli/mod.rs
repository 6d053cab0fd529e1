//! Command-line arguments and their dispatch.

mod build;
mod demo;
mod inspect;
mod load;
mod pages;
mod render;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use inkleaf::layout::Align;
use inkleaf_cli::build::TextStorage;

/// Build, inspect and preview inkleaf blobs for small e-paper readers.
#[derive(Debug, Parser)]
#[command(name = "inkleaf", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the bundled article and render every page plus a contact sheet.
    Demo {
        /// Directory for the blob and the images.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        #[command(flatten)]
        look: Look,
    },
    /// Build a blob from text (.txt) or Markdown (.md); no input means the bundled article.
    Build {
        /// Input files, packed in order into one blob.
        inputs: Vec<PathBuf>,
        /// The blob to write (.inkleaf).
        #[arg(short, long)]
        out: PathBuf,
        #[command(flatten)]
        look: Look,
        #[command(flatten)]
        meta: MetaArgs,
    },
    /// Show a blob's header, metadata, blocks, part sizes and integrity.
    Inspect {
        /// The blob to inspect.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Render a blob's pages as PNG, plus a contact sheet.
    Render {
        /// The blob to render.
        file: PathBuf,
        /// Directory for the images.
        #[arg(short, long)]
        out: PathBuf,
        /// Only this page (1-based).
        #[arg(long)]
        page: Option<u32>,
        /// Image pixels per display pixel.
        #[arg(long, default_value_t = 2)]
        scale: u32,
        /// Lay out for this display instead of the one the blob was built for.
        #[arg(long)]
        display: Option<String>,
    },
    /// Print the laid-out text page by page and line by line.
    Pages {
        /// The blob to lay out.
        file: PathBuf,
        /// Print JSON with every line's text and widths.
        #[arg(long)]
        json: bool,
        /// Lay out for this display instead of the one the blob was built for.
        #[arg(long)]
        display: Option<String>,
    },
    /// List the display presets.
    Displays,
}

/// How pages look: display, font, margins, alignment.
#[derive(Debug, Args)]
struct Look {
    /// Display preset name (see `inkleaf displays`) or a size such as 640x384. Give it more
    /// than once to bake page indexes for several displays; the first sets the font.
    #[arg(long, default_value = crate::cli::load::DEFAULT_DISPLAY)]
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

impl Look {
    /// The build choices these options make.
    fn how<'p>(&self, also_for: &'p [inkleaf::Profile]) -> load::How<'p> {
        load::How {
            hyphenate: self.hyphenate == HyphenateArg::Auto,
            text: match self.text {
                TextArg::Coded => TextStorage::Coded,
                TextArg::Trained => TextStorage::Trained,
                TextArg::Plain => TextStorage::Plain,
            },
            also_for,
        }
    }
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

impl From<AlignArg> for Align {
    fn from(arg: AlignArg) -> Align {
        match arg {
            AlignArg::Left => Align::Left,
            AlignArg::Justify => Align::Justify,
        }
    }
}

/// Metadata that overrides what the input says.
#[derive(Debug, Args)]
struct MetaArgs {
    /// Title (default: the first level-1 heading, else the file name).
    #[arg(long)]
    title: Option<String>,
    /// Author or byline.
    #[arg(long)]
    byline: Option<String>,
    /// Publication date.
    #[arg(long)]
    date: Option<String>,
    /// Language tag such as en or en-GB.
    #[arg(long)]
    lang: Option<String>,
}

/// Runs a parsed command line, appending what it prints to `out`.
pub fn run(cli: Cli, out: &mut String) -> anyhow::Result<()> {
    match cli.command {
        Command::Demo { out: dir, look } => demo::run(&dir, &look, out),
        Command::Build {
            inputs,
            out: file,
            look,
            meta,
        } => build::run(&inputs, &file, &look, &meta, out),
        Command::Inspect { file, json } => inspect::run(&file, json, out),
        Command::Render {
            file,
            out: dir,
            page,
            scale,
            display,
        } => render::run(&file, &dir, page, scale, display.as_deref(), out),
        Command::Pages {
            file,
            json,
            display,
        } => pages::run(&file, json, display.as_deref(), out),
        Command::Displays => {
            pages::list_displays(out);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
