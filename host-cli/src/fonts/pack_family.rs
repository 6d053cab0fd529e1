//! Packing a family: one font section per face a text uses, glyphs the faces' own fonts lack
//! taken from fallback fonts, the body faces on one shared line box.

use std::collections::BTreeSet;

use inkleaf::font::Face;

use super::family::{Family, Role};
use super::kerning;
use super::line_box::LineBox;
use super::plan::{plan, FacePlan, Synthesized};
use super::raster::{Raster, RasterGlyph};
use super::section::Pair;
use super::subset::{choose_among, ENGINE_CHARS};
use super::{pack_section, FontError};

/// What the engine draws in a face other than regular whatever the text says: the gap measure,
/// a split word's hyphen and the last-resort `?`. The footer is set in the regular face.
const FACE_CHARS: &str = " -?";

/// A family packed for one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackedFamily {
    /// One font section per face the text uses, regular always first, in [`Face`] order;
    /// each in the format [`inkleaf::font::PackedFont::from_bytes`] reads.
    pub sections: Vec<(Face, Vec<u8>)>,
    /// Characters of the text no font has, neither the face's own nor a fallback, sorted:
    /// the engine draws their ASCII stand-ins, or `?`.
    pub missing: Vec<char>,
    /// Faces the family lacks that were made from another, sorted.
    pub synthesized: Vec<Synthesized>,
}

/// A font of a family that could not be read or packed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{font}: {error}")]
pub struct FamilyError {
    /// The font's label.
    pub font: String,
    /// What is wrong with it.
    pub error: FontError,
}

/// A family with every font parsed, ready to pack for any text; parsing a large fallback
/// font takes a good part of a second, so pack more than once from one of these.
pub struct ParsedFamily<'f> {
    family: &'f Family,
    /// Parsed at body size, by [`Role`] order; `None` where the family has no font.
    fonts: [Option<Raster>; 5],
    fallbacks: Vec<Raster>,
}

impl Family {
    /// Parses every font of the family, so that a broken one is reported whether or not the
    /// text needs it.
    pub fn parse(&self) -> Result<ParsedFamily<'_>, FamilyError> {
        let fail = |font: &str, error| FamilyError {
            font: font.to_owned(),
            error,
        };
        if !matches!(self.bits, 1 | 2 | 4) {
            return Err(fail(
                &self.name,
                FontError::UnsupportedBitsPerPixel(self.bits),
            ));
        }
        let parse = |source: &super::FontSource| {
            Raster::new(&source.bytes, self.px).map_err(|e| fail(&source.label, e))
        };
        let mut fonts: [Option<Raster>; 5] = Default::default();
        for (slot, role) in fonts.iter_mut().zip(Role::ALL) {
            *slot = self.source(role).map(parse).transpose()?;
        }
        let fallbacks = self.fallbacks.iter().map(parse).collect::<Result<_, _>>()?;
        Ok(ParsedFamily {
            family: self,
            fonts,
            fallbacks,
        })
    }
}

/// Packs `family` for a text whose faces set `chars` (see [`super::chars_by_face`]): the
/// faces that set nothing are left out, except regular, which the engine always needs.
///
/// ```
/// use inkleaf::font::{Face, PackedFont};
/// use inkleaf_cli::fonts::{pack_family, Family};
///
/// let family = Family::bundled("dejavu-sans", 14, 1).unwrap();
/// let mut chars: [std::collections::BTreeSet<char>; Face::COUNT] = Default::default();
/// chars[Face::Regular as usize].extend("plain".chars());
/// chars[Face::Bold as usize].extend("bold".chars());
/// let packed = pack_family(&family, &chars)?;
/// let faces: Vec<Face> = packed.sections.iter().map(|(face, _)| *face).collect();
/// assert_eq!(faces, [Face::Regular, Face::Bold]);
/// let bold = PackedFont::from_bytes(&packed.sections[1].1)?;
/// assert!(bold.chars().any(|c| c == 'b'));
/// assert!(packed.missing.is_empty() && packed.synthesized.is_empty());
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn pack_family(
    family: &Family,
    chars: &[BTreeSet<char>; Face::COUNT],
) -> Result<PackedFamily, FamilyError> {
    family.parse()?.pack(chars)
}

/// One face's glyphs, rasterized and synthesized, not yet placed on a line.
struct FaceGlyphs<'r> {
    face: Face,
    plan: FacePlan,
    /// The face's own font at its size.
    main: &'r Raster,
    /// Sorted by character.
    glyphs: Vec<RasterGlyph>,
    /// Kerning among the glyphs the face's own font supplies, by index into `glyphs`.
    pairs: Vec<Pair>,
}

impl ParsedFamily<'_> {
    /// Packs the family for a text whose faces set `chars`, as [`pack_family`] does.
    pub fn pack(&self, chars: &[BTreeSet<char>; Face::COUNT]) -> Result<PackedFamily, FamilyError> {
        let used = Face::ALL
            .into_iter()
            .filter(|&face| face == Face::Regular || !chars[face as usize].is_empty());
        let plans: Vec<(Face, FacePlan)> =
            used.map(|face| (face, plan(self.family, face))).collect();
        // Mains and fallbacks at each face's size, kept alive for the borrows below.
        let sized: Vec<Vec<Raster>> = plans.iter().map(|(_, p)| self.sized(p)).collect();
        let mut missing = BTreeSet::new();
        let mut faces = Vec::new();
        for ((face, plan), fonts) in plans.iter().zip(&sized) {
            faces.push(self.face_glyphs(*face, *plan, fonts, &chars[*face as usize], &mut missing));
        }
        let is_body = |f: &FaceGlyphs<'_>| !matches!(f.face, Face::Heading1 | Face::Heading2);
        let body_mains: Vec<&Raster> = faces
            .iter()
            .filter(|f| is_body(f))
            .map(|f| f.main)
            .collect();
        let body = LineBox::fitting(
            &body_mains,
            faces.iter().filter(|f| is_body(f)).flat_map(|f| &f.glyphs),
        );
        let mut sections = Vec::with_capacity(faces.len());
        for f in &faces {
            let line = if is_body(f) {
                body
            } else {
                LineBox::fitting(&[f.main], &f.glyphs)
            };
            let section = pack_section(&f.glyphs, line, &f.pairs, self.family.bits, f.plan.px)
                .map_err(|error| FamilyError {
                    font: self.label(f.plan.source).to_owned(),
                    error,
                })?;
            sections.push((f.face, section));
        }
        let synthesized: BTreeSet<Synthesized> = plans
            .iter()
            .filter_map(|(_, p)| {
                Some(Synthesized {
                    missing: p.missing?,
                    from: p.source,
                    how: p.synthesis,
                })
            })
            .collect();
        Ok(PackedFamily {
            sections,
            missing: missing.into_iter().collect(),
            synthesized: synthesized.into_iter().collect(),
        })
    }

    /// The face's own font, then the fallbacks, at the face's size.
    fn sized(&self, plan: &FacePlan) -> Vec<Raster> {
        let main = self.fonts[plan.source as usize]
            .as_ref()
            // `plan` only picks roles the family has, and it always has regular.
            .or(self.fonts[Role::Regular as usize].as_ref());
        main.into_iter()
            .chain(&self.fallbacks)
            .map(|r| r.at(plan.px))
            .collect()
    }

    /// Rasterizes what `face` sets of `chars` from `fonts` (its own, then the fallbacks),
    /// adding what none of them has to `missing`.
    fn face_glyphs<'r>(
        &self,
        face: Face,
        plan: FacePlan,
        fonts: &'r [Raster],
        chars: &BTreeSet<char>,
        missing: &mut BTreeSet<char>,
    ) -> FaceGlyphs<'r> {
        let chain: Vec<&Raster> = fonts.iter().collect();
        let always = if face == Face::Regular {
            ENGINE_CHARS
        } else {
            FACE_CHARS
        };
        let (picks, lacking) = choose_among(&chain, chars.iter().copied(), always);
        missing.extend(lacking);
        let glyphs = picks
            .iter()
            .map(|&(c, font)| {
                let synthesis = if font == 0 {
                    plan.synthesis
                } else {
                    plan.fallback_synthesis
                };
                synthesis.apply(chain[font].glyph(c), plan.px)
            })
            .collect();
        let main = &fonts[0];
        let chars: Vec<char> = picks.iter().map(|&(c, _)| c).collect();
        let pairs = kerning::pairs(main, &chars, |i| picks[i].1 == 0);
        FaceGlyphs {
            face,
            plan,
            main,
            glyphs,
            pairs,
        }
    }

    /// The label of the font playing `role`.
    fn label(&self, role: Role) -> &str {
        self.family
            .source(role)
            .map_or(self.family.name.as_str(), |s| s.label.as_str())
    }
}
