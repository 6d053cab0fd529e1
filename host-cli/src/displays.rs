//! Display presets: the panels people put inkleaf on.
//!
//! [`PRESETS`] is the one table of them: `inkleaf build` sets text as a preset says, and
//! `inkleaf displays` prints the same rows.

use inkleaf::{
    font::FontId,
    layout::{Align, Margins},
    Profile,
};

/// A named display with the profile and font that suit it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Display {
    /// Name used with `--display`.
    pub name: &'static str,
    /// Other names it goes by with `--display`: the modules and boards that carry this panel.
    pub also: &'static [&'static str],
    /// What the panel is.
    pub description: &'static str,
    /// The panel's pixels as its controller scans them (and as `epd-waveshare` names its
    /// `WIDTH` and `HEIGHT`): a profile with width and height swapped is the panel turned a
    /// quarter, as firmware sets its driver's rotation.
    pub panel: (u16, u16),
    /// Geometry and text settings, the way a reader holds the panel.
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
    /// Whether pages are the panel turned a quarter: its controller's rows run down the page.
    pub fn turned(&self) -> bool {
        (self.profile.width, self.profile.height) != self.panel
    }

    /// How the panel is held, as `inkleaf displays` says it: `128x296 panel, turned`.
    pub fn held(&self) -> String {
        let (w, h) = self.panel;
        let turned = if self.turned() { ", turned" } else { "" };
        format!("{w}x{h} panel{turned}")
    }

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
///
/// Sizes and margins follow the panels' pixel densities: about 8 pt body text and 2–3 mm
/// margins on each, a footer where the page has room for it.
// One row per panel reads as a table; rustfmt would give each seven lines.
#[rustfmt::skip]
pub const PRESETS: [Display; 18] = [
    flush_left(preset("oled-128x64", &[], "0.96\" SSD1306 OLED", (128, 64), (128, 64), 2, Typeface::Builtin)),
    preset("waveshare-1.54c", &[], "1.54\" e-paper (C)", (152, 152), (152, 152), 4, dejavu(13)),
    preset("waveshare-1.54", &[], "1.54\" e-paper", (200, 200), (200, 200), 4, dejavu(13)),
    preset("waveshare-2.13bc", &[], "2.13\" e-paper (B/C)", (104, 212), (212, 104), 4, dejavu(13)),
    preset("2.13in", &["waveshare-2.13"], "2.13\" e-paper", (122, 250), (250, 122), 4, dejavu(13)),
    preset("2.9in", &["waveshare-2.9", "pico-epaper-2.9"], "2.9\" e-paper", (128, 296), (296, 128), 4, dejavu(14)),
    preset("waveshare-2.66", &[], "2.66\" e-paper", (152, 296), (296, 152), 4, dejavu(14)),
    preset("waveshare-2.7", &[], "2.7\" e-paper", (176, 264), (264, 176), 4, dejavu(14)),
    preset("waveshare-3.7", &[], "3.7\" e-paper", (280, 480), (280, 480), 10, dejavu(18)),
    preset("4.2in", &["waveshare-4.2"], "4.2\" e-paper", (400, 300), (400, 300), 10, dejavu(18)),
    preset("xteink-x4", &[], "Xteink X4, 4.26\" e-paper", (800, 480), (480, 800), 20, dejavu(26)),
    preset("waveshare-5.65f", &[], "5.65\" 7-colour e-paper", (600, 448), (600, 448), 16, dejavu(20)),
    preset("waveshare-5.83", &[], "5.83\" e-paper", (648, 480), (648, 480), 16, dejavu(20)),
    preset("inkplate-6", &[], "Inkplate 6, 6\" e-paper", (800, 600), (800, 600), 24, dejavu(22)),
    preset("waveshare-7.5-v1", &[], "7.5\" e-paper, first version", (640, 384), (640, 384), 16, dejavu(18)),
    preset("7.5in", &["waveshare-7.5"], "7.5\" e-paper", (800, 480), (800, 480), 24, dejavu(24)),
    preset("waveshare-7.5-hd", &[], "7.5\" HD e-paper", (880, 528), (880, 528), 24, dejavu(24)),
    preset("lilygo-t5-4.7", &[], "LilyGO T5 4.7\" e-paper", (960, 540), (960, 540), 24, dejavu(28)),
];

/// `display` set flush left. A line of 20 cells, as the OLED's, justified opens gaps of
/// several spaces between its few words; set ragged, it keeps the font's own spacing.
const fn flush_left(mut display: Display) -> Display {
    display.profile.align = Align::Left;
    display
}

/// A preset row: names, panel as scanned, page as held, margin on every side, typeface.
/// Pages from 200 px high get a footer, as custom sizes do ([`CUSTOM_FOOTER_FROM`]).
const fn preset(
    name: &'static str,
    also: &'static [&'static str],
    description: &'static str,
    panel: (u16, u16),
    (width, height): (u16, u16),
    margin: u16,
    typeface: Typeface,
) -> Display {
    Display {
        name,
        also,
        description,
        panel,
        profile: profile(width, height, margin, height >= CUSTOM_FOOTER_FROM),
        font: builtin_for(height, typeface),
        typeface,
    }
}

/// The built-in font a display of this height and typeface reads best in: the one whose
/// line height is nearest the packed face's size.
const fn builtin_for(height: u16, typeface: Typeface) -> FontId {
    let px = match typeface {
        Typeface::Builtin => {
            return if height < 100 {
                FontId::Mono6x10
            } else {
                FontId::Mono8x13
            }
        }
        Typeface::Bundled { px, .. } => px,
    };
    if px < 16 {
        FontId::Mono6x10
    } else if px < 22 {
        FontId::Mono8x13
    } else {
        FontId::Mono10x20
    }
}

/// The preset used when none is named.
pub const DEFAULT_DISPLAY: &str = "2.9in";

/// A `WIDTHxHEIGHT` display at least this many pixels high gets a page footer.
pub const CUSTOM_FOOTER_FROM: u16 = 200;

/// Looks up a preset by name or another name it goes by, or makes a custom `WxH` display (DejaVu Sans 14 px, 4-pixel
/// margin, a footer from [`CUSTOM_FOOTER_FROM`] pixels high).
pub fn find(name: &str) -> Option<Display> {
    let named = |d: &&Display| {
        d.name.eq_ignore_ascii_case(name) || d.also.iter().any(|a| a.eq_ignore_ascii_case(name))
    };
    if let Some(preset) = PRESETS.iter().find(named) {
        return Some(*preset);
    }
    let (w, h) = name.split_once(['x', 'X'])?;
    let (width, height) = (w.parse().ok()?, h.parse().ok()?);
    if width == 0 || height == 0 {
        return None;
    }
    Some(Display {
        name: "custom",
        also: &[],
        description: "custom size",
        panel: (width, height),
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
    fn boards_and_modules_resolve_by_every_name_they_go_by() {
        let pico = find("Pico-ePaper-2.9").unwrap();
        assert_eq!(pico.name, "2.9in");
        assert_eq!(find("waveshare-2.9"), Some(pico));
        assert_eq!(find("waveshare-7.5").map(|d| d.name), Some("7.5in"));
        let names = PRESETS.iter().flat_map(|d| d.also.iter().chain([&d.name]));
        let mut names: Vec<_> = names.map(|n| n.to_ascii_lowercase()).collect();
        let all = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all, "no name is taken twice");
    }

    #[test]
    fn pages_are_panels_as_held() {
        for d in PRESETS {
            let page = (d.profile.width, d.profile.height);
            let swapped = (d.panel.1, d.panel.0);
            assert!(page == d.panel || page == swapped, "{}", d.name);
            assert_eq!(d.turned(), page != d.panel, "{}", d.name);
        }
        // The Xteink X4 reads upright: its 800x480 panel turned a quarter.
        let x4 = find("xteink-x4").unwrap();
        assert_eq!(
            (x4.profile.width, x4.profile.height, x4.turned()),
            (480, 800, true)
        );
        assert_eq!(find("2.9in").unwrap().held(), "128x296 panel, turned");
        assert_eq!(find("inkplate-6").unwrap().held(), "800x600 panel");
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
