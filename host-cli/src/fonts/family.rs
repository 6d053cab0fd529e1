//! A font family as the user names it: a font file for each role, the size and depth to
//! rasterize at, and fonts to take the glyphs it lacks from.

use std::borrow::Cow;
use std::fmt;

use super::bundled::bundled_sources;

/// One font file and what to call it in messages.
#[derive(Clone, PartialEq, Eq)]
pub struct FontSource {
    /// The bundled name or the path given.
    pub label: String,
    /// TrueType or OpenType bytes.
    pub bytes: Cow<'static, [u8]>,
}

impl FontSource {
    /// A font file's bytes under `label`.
    pub fn new(label: impl Into<String>, bytes: impl Into<Cow<'static, [u8]>>) -> Self {
        FontSource {
            label: label.into(),
            bytes: bytes.into(),
        }
    }
}

impl fmt::Debug for FontSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FontSource({}, {} bytes)", self.label, self.bytes.len())
    }
}

/// The roles a family's font files play; the faces the engine sets are made from them
/// (see [`super::pack_family`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Body text.
    Regular,
    /// Strong emphasis, and the headings.
    Bold,
    /// Emphasis.
    Italic,
    /// Emphasis inside strong emphasis.
    BoldItalic,
    /// Code.
    Mono,
}

impl Role {
    /// Every role, in the order of [`Family`]'s fields.
    pub const ALL: [Role; 5] = [
        Role::Regular,
        Role::Bold,
        Role::Italic,
        Role::BoldItalic,
        Role::Mono,
    ];

    /// The role as a message says it: "bold italic".
    pub fn name(self) -> &'static str {
        match self {
            Role::Regular => "regular",
            Role::Bold => "bold",
            Role::Italic => "italic",
            Role::BoldItalic => "bold italic",
            Role::Mono => "mono",
        }
    }
}

/// A font family to pack: a source for each role (only regular is required), pixel size and
/// depth, and fallback fonts for the characters its own fonts lack.
///
/// ```
/// use inkleaf_cli::fonts::{Family, Role};
///
/// let family = Family::bundled("dejavu-serif", 14, 1).unwrap();
/// assert!(Role::ALL.iter().all(|&role| family.source(role).is_some()));
/// assert_eq!(family.source(Role::Italic).unwrap().label, "DejaVu Serif Italic");
/// assert!(Family::bundled("comic-sans", 14, 1).is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Family {
    /// What to call the family in messages: the bundled name or the regular font's path.
    pub name: String,
    /// Body text.
    pub regular: FontSource,
    /// Bold; emboldened from regular when absent.
    pub bold: Option<FontSource>,
    /// Italic; slanted from regular when absent.
    pub italic: Option<FontSource>,
    /// Bold italic; made from bold, italic or regular when absent.
    pub bold_italic: Option<FontSource>,
    /// Monospaced, for code; code is set in the regular font when absent.
    pub mono: Option<FontSource>,
    /// Pixels per em of body text (headings are larger, see [`heading_px`]).
    pub px: u32,
    /// Bits per pixel: 1, 2 or 4.
    pub bits: u8,
    /// Fonts for the characters a face's own font lacks, tried in order.
    pub fallbacks: Vec<FontSource>,
}

impl Family {
    /// The bundled family called `name` (see [`super::BUNDLED_FONTS`]): five DejaVu 2.37
    /// faces, DejaVu Sans Mono for code.
    pub fn bundled(name: &str, px: u32, bits: u8) -> Option<Family> {
        let [regular, bold, italic, bold_italic, mono] = bundled_sources(name)?;
        Some(Family {
            name: name.to_owned(),
            regular,
            bold: Some(bold),
            italic: Some(italic),
            bold_italic: Some(bold_italic),
            mono: Some(mono),
            px,
            bits,
            fallbacks: Vec::new(),
        })
    }

    /// A family of one regular font, named by its label: bold and italic are synthesized
    /// from it until given, and code is set in the bundled DejaVu Sans Mono.
    pub fn from_regular(regular: FontSource, px: u32, bits: u8) -> Family {
        let mono = bundled_sources("dejavu-sans").map(|[.., mono]| mono);
        Family {
            name: regular.label.clone(),
            regular,
            bold: None,
            italic: None,
            bold_italic: None,
            mono,
            px,
            bits,
            fallbacks: Vec::new(),
        }
    }

    /// The font given for `role`, if any.
    pub fn source(&self, role: Role) -> Option<&FontSource> {
        match role {
            Role::Regular => Some(&self.regular),
            Role::Bold => self.bold.as_ref(),
            Role::Italic => self.italic.as_ref(),
            Role::BoldItalic => self.bold_italic.as_ref(),
            Role::Mono => self.mono.as_ref(),
        }
    }

    /// Sets the font for `role`, replacing what the family had.
    pub fn set(&mut self, role: Role, source: FontSource) {
        match role {
            Role::Regular => self.regular = source,
            Role::Bold => self.bold = Some(source),
            Role::Italic => self.italic = Some(source),
            Role::BoldItalic => self.bold_italic = Some(source),
            Role::Mono => self.mono = Some(source),
        }
    }
}

/// Pixels per em of a level-1 or level-2 heading over body text of `px`: 1.4 and 1.2 times,
/// rounded. Lower headings are set at body size (they are bold).
///
/// ```
/// use inkleaf_cli::fonts::heading_px;
///
/// assert_eq!((heading_px(14, 1), heading_px(14, 2), heading_px(14, 3)), (20, 17, 14));
/// ```
pub fn heading_px(px: u32, level: u8) -> u32 {
    let tenths = match level {
        1 => 14,
        2 => 12,
        _ => 10,
    };
    px.saturating_mul(tenths).saturating_add(5) / 10
}
