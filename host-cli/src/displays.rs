//! Display presets: the panels people put inkleaf on.
//!
//! [`PRESETS`] is the one table of them: `inkleaf build` sets text as a preset says, and
//! `inkleaf displays` prints the same rows.

use inkleaf::{font::FontId, layout::Margins, Profile};

/// A named display with the profile and font that suit it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Display {
    /// Name used with `--display`.
    pub name: &'static str,
    /// What the panel is.
    pub description: &'static str,
    /// Geometry and text settings.
    pub profile: Profile,
    /// Built-in font that reads well at this size; what the blob records for readers that
    /// set text in a built-in font.
    pub font: FontId,
    /// The typeface a blob for this display is set in by default.
    pub typeface: Typeface,
}

/// Which face a display's text is set in by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typeface {
    /// The built-in mono font, nothing packed into the blob.
    Builtin,
    /// A bundled TrueType face rasterized at `px` pixels and packed into the blob.
    Bundled {
        /// Name as `--font` takes it, such as `dejavu-sans`.
        name: &'static str,
        /// Pixel size.
        px: u32,
    },
}

impl Display {
    /// The face its text is set in by default, as people call it: `DejaVu Sans 14 px`,
    /// `built-in 6x10`.
    pub fn typeface_name(&self) -> String {
        match self.typeface {
            Typeface::Builtin => format!("built-in {}", self.font.name()),
            Typeface::Bundled { name, px } => format!("{} {px} px", face_title(name)),
        }
    }
}

/// A bundled face's name as its makers write it.
fn face_title(name: &str) -> &str {
    match name {
        "dejavu-sans" => "DejaVu Sans",
        "dejavu-serif" => "DejaVu Serif",
        "dejavu-sans-condensed" => "DejaVu Sans Condensed",
        other => other,
    }
}

const fn dejavu(px: u32) -> Typeface {
    Typeface::Bundled {
        name: "dejavu-sans",
        px,
    }
}

const fn profile(width: u16, height: u16, margin: u16, footer: bool) -> Profile {
    let mut profile = Profile::new(width, height);
    profile.margins = Margins::all(margin);
    profile.footer = footer;
    profile
}

/// The presets, smallest first. The first e-paper one, `2.9in`, is the default.
pub const PRESETS: [Display; 5] = [
    Display {
        name: "oled-128x64",
        description: "0.96\" SSD1306 OLED, 128x64",
        profile: profile(128, 64, 2, false),
        font: FontId::Mono6x10,
        typeface: Typeface::Builtin,
    },
    Display {
        name: "2.13in",
        description: "2.13\" e-paper, 250x122",
        profile: profile(250, 122, 4, false),
        font: FontId::Mono6x10,
        typeface: dejavu(13),
    },
    Display {
        name: "2.9in",
        description: "2.9\" e-paper, 296x128",
        profile: profile(296, 128, 4, false),
        font: FontId::Mono6x10,
        typeface: dejavu(14),
    },
    Display {
        name: "4.2in",
        description: "4.2\" e-paper, 400x300",
        profile: profile(400, 300, 10, true),
        font: FontId::Mono8x13,
        typeface: dejavu(18),
    },
    Display {
        name: "7.5in",
        description: "7.5\" e-paper, 800x480",
        profile: profile(800, 480, 24, true),
        font: FontId::Mono10x20,
        typeface: dejavu(24),
    },
];

/// The preset used when none is named.
pub const DEFAULT_DISPLAY: &str = "2.9in";

/// A `WIDTHxHEIGHT` display at least this many pixels high gets a page footer.
pub const CUSTOM_FOOTER_FROM: u16 = 200;

/// Looks up a preset by name, or makes a custom `WxH` display (DejaVu Sans 14 px, 4-pixel
/// margin, a footer from [`CUSTOM_FOOTER_FROM`] pixels high).
pub fn find(name: &str) -> Option<Display> {
    if let Some(preset) = PRESETS.iter().find(|d| d.name.eq_ignore_ascii_case(name)) {
        return Some(*preset);
    }
    let (w, h) = name.split_once(['x', 'X'])?;
    let (width, height) = (w.parse().ok()?, h.parse().ok()?);
    if width == 0 || height == 0 {
        return None;
    }
    Some(Display {
        name: "custom",
        description: "custom size",
        profile: profile(width, height, 4, height >= CUSTOM_FOOTER_FROM),
        font: FontId::Mono6x10,
        typeface: dejavu(14),
    })
}

/// A built-in font by its CLI name (`6x10`, `builtin:6x10`).
pub fn font_by_name(name: &str) -> Option<FontId> {
    let name = name.strip_prefix("builtin:").unwrap_or(name);
    FontId::ALL.into_iter().find(|f| f.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_and_custom_sizes_resolve() {
        assert_eq!(find("2.9in").map(|d| d.profile.width), Some(296));
        assert_eq!(find("640x384").map(|d| d.profile.height), Some(384));
        assert_eq!(find("0x10"), None);
        assert_eq!(find("banana"), None);
        assert_eq!(font_by_name("builtin:8x13"), Some(FontId::Mono8x13));
    }

    #[test]
    fn typefaces_are_named_as_people_call_them() {
        let named = |name| find(name).map(|d| d.typeface_name());
        assert_eq!(named("oled-128x64").as_deref(), Some("built-in 6x10"));
        assert_eq!(named("2.9in").as_deref(), Some("DejaVu Sans 14 px"));
        assert_eq!(named("7.5in").as_deref(), Some("DejaVu Sans 24 px"));
        assert_eq!(named("640x384").as_deref(), Some("DejaVu Sans 14 px"));
    }
}
