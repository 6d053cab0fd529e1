//! Command-line arguments and their dispatch.

mod build;
mod demo;
mod displays;
mod inspect;
mod load;
mod look;
mod pages;
mod preview;
mod progress;
mod render;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use look::Look;

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
    /// Build a blob from text (.txt), Markdown (.md) or a saved web page (.html, .htm,
    /// .xhtml: its article); no input means the bundled article.
    Build {
        #[command(flatten)]
        source: BuildArgs,
        /// The blob to write (.inkleaf).
        #[arg(short, long)]
        out: PathBuf,
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
        #[arg(long, conflicts_with = "chapter")]
        page: Option<u32>,
        /// Only the pages of this chapter (1-based, as `inspect` lists them), its sections
        /// included.
        #[arg(long)]
        chapter: Option<u32>,
        /// Image pixels per display pixel.
        #[arg(long, default_value_t = 2)]
        scale: u32,
        /// Lay out for this display instead of the one the blob was built for.
        #[arg(long)]
        display: Option<String>,
        /// Lay out at this text size (pixels, as `inspect` lists them) instead of the first.
        #[arg(long, value_name = "PX")]
        size: Option<u32>,
    },
    /// Print the laid-out text page by page and line by line.
    Pages {
        /// The blob to lay out.
        file: PathBuf,
        /// Print JSON with every line's text and widths.
        #[arg(long)]
        json: bool,
        /// Only the pages of this chapter (1-based, as `inspect` lists them), its sections
        /// included.
        #[arg(long)]
        chapter: Option<u32>,
        /// Lay out for this display instead of the one the blob was built for.
        #[arg(long)]
        display: Option<String>,
        /// Lay out at this text size (pixels, as `inspect` lists them) instead of the first.
        #[arg(long, value_name = "PX")]
        size: Option<u32>,
    },
    /// Read a blob, or inputs built in memory as `build` builds them, as the device shows
    /// it: in a window (Right/Space next page, Left previous, Home/End, t contents and a
    /// number, +/- text size, b bookmark, d display, q quit), or frame by frame as PNG.
    Preview(preview::PreviewArgs),
    /// List the display presets.
    Displays,
}

/// What a blob is built from and how it looks: the arguments `build` and `preview` share.
#[derive(Debug, Args)]
struct BuildArgs {
    /// Input files: one text, or several that become the chapters of one book, in order
    /// (`preview` also opens a built blob).
    inputs: Vec<PathBuf>,
    /// Keep a web page whole (menus, sidebars and all) instead of its article.
    #[arg(long)]
    whole_page: bool,
    #[command(flatten)]
    look: Look,
    #[command(flatten)]
    meta: MetaArgs,
}

impl BuildArgs {
    /// The build options given (`--title`, `--display`, ...): what only a build honours.
    fn given(&self) -> Vec<&'static str> {
        let meta = [
            ("--whole-page", self.whole_page),
            ("--title", self.meta.title.is_some()),
            ("--byline", self.meta.byline.is_some()),
            ("--date", self.meta.date.is_some()),
            ("--lang", self.meta.lang.is_some()),
        ];
        let mut given = self.look.given();
        given.extend(meta.into_iter().filter_map(|(name, on)| on.then_some(name)));
        given
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
        Command::Build { source, out: file } => build::run(&source, &file, out),
        Command::Inspect { file, json } => inspect::run(&file, json, out),
        Command::Render {
            file,
            out: dir,
            page,
            chapter,
            scale,
            display,
            size,
        } => {
            let pick = match (page, chapter) {
                (Some(n), _) => render::Pick::Page(n),
                (None, Some(n)) => render::Pick::Chapter(n),
                (None, None) => render::Pick::All,
            };
            let choice = load::Choice {
                display: display.as_deref(),
                size,
            };
            render::run(&file, &dir, pick, scale, choice, out)
        }
        Command::Pages {
            file,
            json,
            chapter,
            display,
            size,
        } => {
            let choice = load::Choice {
                display: display.as_deref(),
                size,
            };
            pages::run(&file, json, chapter, choice, out)
        }
        Command::Preview(args) => preview::run(&args, out),
        Command::Displays => displays::run(out),
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
