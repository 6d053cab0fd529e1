//! `inkleaf render`: PNG pages and a contact sheet.

use std::fmt::Write;
use std::path::Path;

use anyhow::{anyhow, bail, Context};
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics_simulator::{OutputImage, OutputSettings, OutputSettingsBuilder};
use inkleaf::Layout;
use inkleaf_cli::output::replace_with;

use super::load;

/// Which pages to render.
#[derive(Copy, Clone, Debug)]
pub(super) enum Pick {
    /// Every page, and a contact sheet of them.
    All,
    /// Page `n` (1-based).
    Page(u32),
    /// The pages of chapter `n` (1-based), and a contact sheet of them.
    Chapter(u32),
}

pub(super) fn run(
    file: &Path,
    dir: &Path,
    pick: Pick,
    scale: u32,
    choice: load::Choice<'_>,
    out: &mut String,
) -> anyhow::Result<()> {
    let bytes = load::read_blob(file)?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create directory", dir.display()))?;
    render_blob(file, &bytes, dir, pick, scale, choice, out)
}

/// Renders the pages of a blob already in memory into `dir`.
pub(super) fn render_blob(
    file: &Path,
    bytes: &[u8],
    dir: &Path,
    pick: Pick,
    scale: u32,
    choice: load::Choice<'_>,
    out: &mut String,
) -> anyhow::Result<()> {
    let mut tables = Vec::new();
    let book = load::open(file, bytes, &mut tables)?;
    let (profile, font) = load::layout_choice(file, &book, choice)?;
    // A font packed at 2 or 4 bits is for a grayscale panel: preview it in gray.
    let gray = font.bits_per_pixel() > 1;
    let layout =
        Layout::new(&book, profile, font).map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let pages: Vec<_> = layout.pages().collect();
    let total = u32::try_from(pages.len())?;
    let wanted = match pick {
        Pick::All => 0..total,
        Pick::Page(n) if n == 0 || n > total => bail!(
            "{}: no page {n}, the blob has {total} pages on this display",
            file.display()
        ),
        Pick::Page(n) => n - 1..n,
        Pick::Chapter(n) => load::chapter_pages(file, &layout, n)?,
    };
    let mut drawn = Vec::with_capacity(pages.len());
    for page in &pages {
        let number = page.index + 1;
        if !wanted.contains(&page.index) {
            continue;
        }
        let display = inkleaf_sim::preview(&page.with_total(total), gray);
        let path = dir.join(format!("page-{number:03}.png"));
        save(
            &display.to_rgb_output_image(&OutputSettingsBuilder::new().scale(scale.max(1)).build()),
            &path,
        )?;
        writeln!(out, "wrote {}", path.display())?;
        drawn.push(display);
    }
    if !matches!(pick, Pick::Page(_)) {
        let columns = if profile.width > profile.height * 2 {
            3
        } else {
            5
        };
        let sheet = inkleaf_sim::contact_sheet(&drawn, columns);
        let path = dir.join("contact-sheet.png");
        save(
            &sheet.to_rgb_output_image(&OutputSettings::default()),
            &path,
        )?;
        writeln!(out, "wrote {} ({} pages)", path.display(), drawn.len())?;
    }
    Ok(())
}

/// Saves a PNG through a temporary file, so a failure leaves no partial image.
fn save(image: &OutputImage<Rgb888>, path: &Path) -> anyhow::Result<()> {
    replace_with(path, |temp| {
        image.save_png(temp).map_err(std::io::Error::other)
    })
    .with_context(|| format!("{}: cannot write", path.display()))
}
