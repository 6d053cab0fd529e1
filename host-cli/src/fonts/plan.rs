//! How each face of a family is made from the fonts it was given.

use std::fmt;

use inkleaf::font::Face;

use super::family::{heading_px, Family, Role};
use super::synth::Synthesis;

/// Where one face's glyphs come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacePlan {
    /// The font whose glyphs it takes.
    pub source: Role,
    /// How those glyphs are changed.
    pub synthesis: Synthesis,
    /// How glyphs from fallback fonts are changed: emboldened for a bold face, slanted for an
    /// italic one, so that a borrowed character keeps the face's look.
    pub fallback_synthesis: Synthesis,
    /// Pixels per em.
    pub px: u32,
    /// The role whose font the family lacks and this face stands in for, if any.
    pub missing: Option<Role>,
}

/// Whether `face` sets emphasis.
fn is_italic(face: Face) -> bool {
    matches!(face, Face::Italic | Face::BoldItalic)
}

/// How `face` is made from `family`'s fonts. A bold or italic face the family lacks is
/// synthesized: bold italic from bold (slanted), else from italic (emboldened), else from
/// regular (both); headings take the bold font at their own size; code without a mono font
/// is set in the regular one.
pub fn plan(family: &Family, face: Face) -> FacePlan {
    let given = |role| family.source(role).is_some();
    let role = match face {
        Face::Regular => Role::Regular,
        Face::Bold | Face::Heading1 | Face::Heading2 => Role::Bold,
        Face::Italic => Role::Italic,
        Face::BoldItalic => Role::BoldItalic,
        Face::Mono => Role::Mono,
    };
    let (source, synthesis) = if given(role) {
        (role, Synthesis::None)
    } else {
        match role {
            Role::BoldItalic if given(Role::Bold) => (Role::Bold, Synthesis::Slant),
            Role::BoldItalic if given(Role::Italic) => (Role::Italic, Synthesis::Embolden),
            Role::Mono => (Role::Regular, Synthesis::None),
            _ => (
                Role::Regular,
                Synthesis::of(face.is_bold(), is_italic(face)),
            ),
        }
    };
    let px = match face {
        Face::Heading1 => heading_px(family.px, 1),
        Face::Heading2 => heading_px(family.px, 2),
        _ => family.px,
    };
    FacePlan {
        source,
        synthesis,
        fallback_synthesis: Synthesis::of(face.is_bold(), is_italic(face)),
        px,
        missing: (source != role).then_some(role),
    }
}

/// A face the family lacks, made from another: what the user should hear about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Synthesized {
    /// The role no font was given for.
    pub missing: Role,
    /// The font it was made from.
    pub from: Role,
    /// How.
    pub how: Synthesis,
}

impl fmt::Display for Synthesized {
    /// "no bold face given: emboldened from regular".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (missing, from) = (self.missing.name(), self.from.name());
        write!(f, "no {missing} face given: ")?;
        match self.how {
            Synthesis::None => write!(f, "set in the {from} face"),
            Synthesis::Embolden => write!(f, "emboldened from {from}"),
            Synthesis::Slant => write!(f, "slanted from {from}"),
            Synthesis::EmboldenAndSlant => write!(f, "emboldened and slanted from {from}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{plan, Face, Role, Synthesis, Synthesized};
    use crate::fonts::family::{Family, FontSource};

    fn regular_only() -> Family {
        let mut family = Family::from_regular(FontSource::new("r.ttf", &b""[..]), 14, 1);
        family.mono = None;
        family
    }

    #[test]
    fn a_lone_regular_font_makes_every_face() {
        let family = regular_only();
        let made = |face| {
            let p = plan(&family, face);
            (p.source, p.synthesis, p.px, p.missing)
        };
        use Synthesis::*;
        assert_eq!(made(Face::Regular), (Role::Regular, None, 14, Option::None));
        assert_eq!(
            made(Face::Bold),
            (Role::Regular, Embolden, 14, Some(Role::Bold))
        );
        assert_eq!(
            made(Face::BoldItalic),
            (Role::Regular, EmboldenAndSlant, 14, Some(Role::BoldItalic))
        );
        assert_eq!(
            made(Face::Heading1),
            (Role::Regular, Embolden, 20, Some(Role::Bold))
        );
        assert_eq!(
            made(Face::Mono),
            (Role::Regular, None, 14, Some(Role::Mono))
        );
    }

    #[test]
    fn bold_italic_is_made_from_the_nearest_face_given() {
        let mut family = regular_only();
        family.italic = Some(FontSource::new("i.ttf", &b""[..]));
        let p = plan(&family, Face::BoldItalic);
        assert_eq!((p.source, p.synthesis), (Role::Italic, Synthesis::Embolden));
        family.bold = Some(FontSource::new("b.ttf", &b""[..]));
        let p = plan(&family, Face::BoldItalic);
        assert_eq!((p.source, p.synthesis), (Role::Bold, Synthesis::Slant));
        assert_eq!(p.fallback_synthesis, Synthesis::EmboldenAndSlant);
        let heading = plan(&family, Face::Heading2);
        assert_eq!(
            (heading.source, heading.px, heading.missing),
            (Role::Bold, 17, None)
        );
    }

    #[test]
    fn synthesized_faces_say_what_was_done() {
        let note = Synthesized {
            missing: Role::Bold,
            from: Role::Regular,
            how: Synthesis::Embolden,
        };
        assert_eq!(
            note.to_string(),
            "no bold face given: emboldened from regular"
        );
    }
}
