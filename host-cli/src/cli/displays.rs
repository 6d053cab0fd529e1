//! `inkleaf displays`: the preset table, as `inkleaf build` reads it.

use std::fmt::Write;

use inkleaf::layout::Align;
use inkleaf_cli::displays::{self, Display, CUSTOM_FOOTER_FROM, PRESETS};

/// An example of a `WIDTHxHEIGHT` display, tall enough for a footer.
const CUSTOM_EXAMPLE: &str = "640x384";

pub(super) fn run(out: &mut String) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<16} {:>9}  {:<20} {:<7} {:<9} {:<7} panel",
        "name", "size", "typeface", "margin", "align", "footer"
    )?;
    for d in &PRESETS {
        let size = format!("{}x{}", d.profile.width, d.profile.height);
        writeln!(
            out,
            "{:<16} {:>9}  {:<20} {:<7} {:<9} {:<7} {}",
            d.name,
            size,
            d.typeface_name(),
            margin(d),
            align(d),
            if d.profile.footer { "yes" } else { "no" },
            panel(d)
        )?;
    }
    if let Some(custom) = displays::find(CUSTOM_EXAMPLE) {
        writeln!(
            out,
            "Any WIDTHxHEIGHT such as {CUSTOM_EXAMPLE} works too: {}, {} margins, a footer from {CUSTOM_FOOTER_FROM} px high.",
            custom.typeface_name(),
            margin(&custom)
        )?;
    }
    Ok(())
}

/// What the panel is, how it is held, and the other names `--display` knows it by.
fn panel(display: &Display) -> String {
    let mut panel = format!("{}, {}", display.description, display.held());
    if !display.also.is_empty() {
        write!(panel, "; also {}", display.also.join(", ")).expect("a String takes any text");
    }
    panel
}

/// How the preset sets its lines.
fn align(display: &Display) -> &'static str {
    match display.profile.align {
        Align::Left => "left",
        Align::Justify => "justify",
        _ => "other",
    }
}

/// The margin on every side, or each side's when they differ.
fn margin(display: &Display) -> String {
    let m = display.profile.margins;
    if m.top == m.right && m.top == m.bottom && m.top == m.left {
        format!("{} px", m.top)
    } else {
        format!("{}/{}/{}/{}", m.top, m.right, m.bottom, m.left)
    }
}
