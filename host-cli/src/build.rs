//! From a document and a display to a blob.
//!
//! [`Settings`] is everything `inkleaf build` decides about a blob, resolved once from its
//! arguments; [`Settings::build`] rasterizes the font family it names and packs the blob
//! through [`build_with`], returning what the user should hear about as [`Warning`]s.

use std::fmt;

use inkleaf::font::AnyFamily;
use inkleaf::{
    build::{CodedBlock, Contents, FaceSection, StoredText},
    font::FontId,
    format::Meta,
    format::{BuiltFor, ChapterRecord, FontCheck},
    layout::LineEnd,
    text::{Block, Hyphens, Runs, Style},
    Book, Layout, Position, Profile,
};

use crate::fonts::{chars_to_pack, Family, FamilyError, FontError, Synthesized};
use crate::hyphenate::{hyphen_points, language};
use crate::input::{DocBlock, Document};
use crate::pack::{
    bake_line_breaks, bake_page_index, encode_hyphens, encode_runs, pack_to_vec, BakedBreaks,
    BakedLine,
};
use crate::progress::{Progress, Quiet};

/// A packed blob with what it was built for.
#[derive(Clone, Debug)]
pub struct Built {
    /// The blob bytes.
    pub blob: Vec<u8>,
    /// Pages for the profile it was built for.
    pub pages: u32,
    /// Bytes of the packed font section; 0 when the text is set in a built-in font.
    pub font_bytes: usize,
    /// The font section of each face of the family the blob carries, regular first; empty
    /// when the text is set in a built-in font.
    pub family: Vec<(inkleaf::font::Face, Vec<u8>)>,
    /// What went less well than asked, for the user to hear about.
    pub warnings: Vec<Warning>,
    /// Each text size the blob holds, in order: the first is the one `pages` and `family`
    /// speak of.
    pub sizes: Vec<BuiltSize>,
}

/// One text size of a built blob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltSize {
    /// Its pixel size: the packed family's, or the built-in font's height.
    pub px: u16,
    /// Bytes of its packed font sections; 0 in a built-in font.
    pub font_bytes: usize,
    /// Its page count on each display the blob was built for, in order.
    pub pages: Vec<u32>,
}

/// Everything a blob is built with besides the document.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Name of the display the blob is built for, for messages.
    pub display: &'static str,
    /// The profile the blob is built for, with any margin and alignment asked for.
    pub profile: Profile,
    /// More profiles to bake page indexes for, after the main one.
    pub also_for: Vec<Profile>,
    /// The face the text is set in.
    pub face: Face,
    /// The faces of more text sizes to pack and bake page indexes for, after `face`'s, all
    /// of one kind with it (built-in or TrueType).
    pub also_sizes: Vec<Face>,
    /// Add hyphenation points for the document's language.
    pub hyphenate: bool,
    /// How the text is stored.
    pub text: TextStorage,
    /// Bake every display's and size's line breaks, even past [`LINE_BREAK_BUDGET`].
    pub bake_all_lines: bool,
}

/// The face a blob's text is set in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Face {
    /// A built-in mono font, nothing packed into the blob.
    Builtin(FontId),
    /// A family of TrueType/OpenType faces, rasterized and packed into the blob.
    TrueType {
        /// Its fonts, size and depth.
        family: Box<Family>,
        /// The built-in font recorded for the profile, for readers without the packed font.
        fallback: FontId,
    },
}

/// Something the user should know about a blob that was built all the same.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// Neither the family nor its fallback fonts have a glyph for these characters (sorted);
    /// they are drawn as their ASCII stand-ins, or `?`.
    MissingGlyphs {
        /// The family's name, and its fallback fonts'.
        font: String,
        /// The characters no font has.
        chars: Vec<char>,
    },
    /// Displays and sizes whose line breaks were not baked: with the ones baked before them,
    /// they would pass [`LINE_BREAK_BUDGET`]. Their pages are broken as they open, which
    /// firmware without line breaking cannot do.
    LinesNotBaked {
        /// Each one's display (width and height in pixels) and text size in pixels, in the
        /// order they were built.
        unbaked: Vec<((u16, u16), u16)>,
        /// Bytes their line breaks would have taken.
        bytes: usize,
        /// Bytes of the blob as built, without them.
        blob: usize,
    },
    /// The family has no font for a face the text uses, so it was made from another.
    SynthesizedFace {
        /// The family's name.
        family: String,
        /// Which face, made from which, how.
        synthesized: Synthesized,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MissingGlyphs { font, chars } => {
                write!(f, "{font} has no glyph for {} character(s):", chars.len())?;
                for c in chars.iter().take(20) {
                    write!(f, " {c} (U+{:04X})", u32::from(*c))?;
                }
                write!(f, "; they are drawn as their ASCII stand-ins, or '?'")
            }
            Warning::SynthesizedFace {
                family,
                synthesized,
            } => write!(f, "{family}: {synthesized}"),
            Warning::LinesNotBaked {
                unbaked,
                bytes,
                blob,
            } => {
                let which: Vec<String> = unbaked
                    .iter()
                    .map(|((width, height), px)| format!("{width}x{height} at {px} px"))
                    .collect();
                write!(
                    f,
                    "line breaks not baked for {}: their {bytes} bytes would take baked lines \
                     past {LINE_BREAK_BUDGET}% of the blob ({blob} bytes without them); pages \
                     there are broken as they open, which needs firmware with line breaking \
                     (--bake-all-lines bakes them)",
                    which.join(", ")
                )
            }
        }
    }
}

/// Why a blob could not be built.
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// The face could not be rasterized or packed.
    Font {
        /// The face's label.
        font: String,
        /// What is wrong with it.
        error: FontError,
    },
    /// The document could not be packed into a blob.
    Blob(inkleaf::Error),
    /// No block of the document sets a line (it holds, say, nothing but an empty code
    /// block or empty headings): a blob of it would show no page.
    NothingToShow,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Font { font, error } => write!(f, "{font}: {error}"),
            BuildError::Blob(error) => error.fmt(f),
            BuildError::NothingToShow => {
                f.write_str("has nothing to show: no block of it sets a line of text")
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl From<FamilyError> for BuildError {
    fn from(e: FamilyError) -> Self {
        BuildError::Font {
            font: e.font,
            error: e.error,
        }
    }
}

impl Settings {
    /// Packs `doc` as these settings say, rasterizing and subsetting a TrueType family for
    /// the characters each face sets.
    pub fn build(&self, doc: &Document) -> Result<Built, BuildError> {
        self.build_reporting(doc, &Quiet)
    }

    /// [`Settings::build`], telling `progress` each step as it begins.
    pub fn build_reporting(
        &self,
        doc: &Document,
        progress: &dyn Progress,
    ) -> Result<Built, BuildError> {
        let mut packed = Vec::new();
        let mut warnings = Vec::new();
        for face in core::iter::once(&self.face).chain(&self.also_sizes) {
            let (font, sections, said) = pack_face(face, doc, progress)?;
            for warning in said {
                if !warnings.contains(&warning) {
                    warnings.push(warning);
                }
            }
            packed.push((font, sections));
        }
        let faces: Vec<Vec<FaceSection<'_>>> = packed
            .iter()
            .map(|(_, sections)| face_sections(sections))
            .collect();
        let sizes: Vec<SizeFont<'_>> = packed
            .iter()
            .zip(&faces)
            .map(|((font, _), faces)| SizeFont { font: *font, faces })
            .collect();
        let Some((first, more)) = sizes.split_first() else {
            return Err(BuildError::NothingToShow); // never: `face` is the first size
        };
        let options = Options {
            font: first.font,
            faces: first.faces,
            hyphenate: self.hyphenate,
            text: self.text,
            also_for: &self.also_for,
            also_sizes: more,
            bake_all_lines: self.bake_all_lines,
        };
        let mut built = build_reporting_with(doc, self.profile, &options, progress)
            .map_err(BuildError::Blob)?;
        if built
            .sizes
            .iter()
            .any(|size| size.pages.first() == Some(&0))
        {
            return Err(BuildError::NothingToShow);
        }
        drop(sizes);
        drop(faces);
        built.family = packed.swap_remove(0).1;
        warnings.append(&mut built.warnings);
        built.warnings = warnings;
        Ok(built)
    }
}

/// The built-in font recorded for `face`, its packed sections for `doc` (none for a built-in
/// font) and what the user should hear about them.
fn pack_face(
    face: &Face,
    doc: &Document,
    progress: &dyn Progress,
) -> Result<(FontId, Sections, Vec<Warning>), BuildError> {
    Ok(match face {
        Face::Builtin(id) => (*id, Vec::new(), Vec::new()),
        Face::TrueType { family, fallback } => {
            let what = format!("rasterizing the font at {} px", family.px);
            progress.step(&what, None);
            let (sections, warnings) = pack(family, doc)?;
            (*fallback, sections, warnings)
        }
    })
}

/// `sections` as the engine's builder takes them.
fn face_sections(sections: &Sections) -> Vec<FaceSection<'_>> {
    sections
        .iter()
        .map(|(face, section)| FaceSection {
            face: *face,
            section,
        })
        .collect()
}

/// Font sections by face, as [`Built::family`] holds them.
type Sections = Vec<(inkleaf::font::Face, Vec<u8>)>;

/// `family` packed for `doc`: a section for every face the text uses, and the regular face
/// always (a blob's faces start with it, and its footer is drawn in it); with what the user
/// should hear about them.
fn pack(family: &Family, doc: &Document) -> Result<(Sections, Vec<Warning>), BuildError> {
    let parsed = family.parse()?;
    let packed = parsed.pack(&chars_to_pack(doc))?;
    let mut warnings: Vec<Warning> = packed
        .synthesized
        .iter()
        .map(|&synthesized| Warning::SynthesizedFace {
            family: family.name.clone(),
            synthesized,
        })
        .collect();
    if !packed.missing.is_empty() {
        warnings.push(Warning::MissingGlyphs {
            font: with_fallbacks(family),
            chars: packed.missing,
        });
    }
    Ok((packed.sections, warnings))
}

/// "dejavu-sans", or "dejavu-sans (and fallback wqy-microhei.ttc)".
fn with_fallbacks(family: &Family) -> String {
    if family.fallbacks.is_empty() {
        return family.name.clone();
    }
    let labels: Vec<&str> = family.fallbacks.iter().map(|s| s.label.as_str()).collect();
    format!("{} (and fallback {})", family.name, labels.join(", "))
}

/// How to build a blob beyond the document and the display, with the font already packed.
#[derive(Clone, Copy, Debug)]
pub struct Options<'f> {
    /// The built-in font recorded for the profile; also what a reader without the packed
    /// font falls back to.
    pub font: FontId,
    /// Packed font sections (see [`crate::fonts::pack_family`]), one per face in face
    /// order, the regular one first, to carry and set the text in; empty to set it in the
    /// built-in font.
    pub faces: &'f [FaceSection<'f>],
    /// Add hyphenation points for the document's language.
    pub hyphenate: bool,
    /// How the text is stored.
    pub text: TextStorage,
    /// More profiles to bake page indexes for, after the main one.
    pub also_for: &'f [Profile],
    /// More text sizes to pack and bake page indexes for, after `font` and `faces`: all
    /// packed, or all in built-in fonts, as the first.
    pub also_sizes: &'f [SizeFont<'f>],
    /// Bake every display's and size's line breaks, even past [`LINE_BREAK_BUDGET`]: for
    /// firmware without line breaking, which shows baked displays only.
    pub bake_all_lines: bool,
}

/// The most a blob's baked line breaks may take, in hundredths of the blob. Past it, the
/// displays and sizes last in the build lose theirs: their pages are broken as they open.
pub const LINE_BREAK_BUDGET: usize = 3;

/// The font of one text size: its built-in font and its packed faces, if any.
#[derive(Clone, Copy, Debug)]
pub struct SizeFont<'f> {
    /// The built-in font recorded for it; the one it is set in when `faces` is empty.
    pub font: FontId,
    /// Its packed font sections, in face order, the regular one first; empty to set it in
    /// `font`.
    pub faces: &'f [FaceSection<'f>],
}

/// How a blob stores its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStorage {
    /// Coded in the fewest bytes: with the engine's built-in English model, or with a model
    /// trained for the text and stored in the blob.
    Coded,
    /// Coded with a model trained for the text, always: for firmware built without the
    /// built-in model (the engine's `english` feature).
    Trained,
    /// UTF-8 as it is.
    Plain,
}

/// Packs `doc` in a built-in font, hyphenated for its language when there are patterns for
/// it, and records the page count it has on `profile`.
pub fn build(doc: &Document, profile: Profile, font: FontId) -> Result<Built, inkleaf::Error> {
    let options = Options {
        font,
        faces: &[],
        hyphenate: true,
        text: TextStorage::Coded,
        also_for: &[],
        also_sizes: &[],
        bake_all_lines: false,
    };
    build_with(doc, profile, &options)
}

/// Packs `doc` as `options` say and records the page count it has on `profile`.
///
/// A profile the document sets no line on (nothing but empty blocks) gets no page index, as
/// a reader refuses an index of no pages: such a blob opens, and has no page
/// ([`Built::pages`] is 0). [`Settings::build`] refuses to make one.
pub fn build_with(
    doc: &Document,
    profile: Profile,
    options: &Options<'_>,
) -> Result<Built, inkleaf::Error> {
    build_reporting_with(doc, profile, options, &Quiet)
}

/// [`build_with`], telling `progress` each step as it begins.
pub fn build_reporting_with(
    doc: &Document,
    profile: Profile,
    options: &Options<'_>,
    progress: &dyn Progress,
) -> Result<Built, inkleaf::Error> {
    progress.step("hyphenating", None);
    let (font, hyphenate) = (options.font, options.hyphenate);
    let meta = Meta {
        title: &doc.title,
        byline: &doc.byline,
        source: &doc.source,
        date: &doc.date,
        language: &doc.language,
    };
    let chapters = chapter_records(doc)?;
    let languages = block_languages(doc);
    let points: Vec<Vec<u8>> = doc
        .blocks
        .iter()
        .zip(&languages)
        .map(|(b, tag)| {
            let lang = hyphenate.then(|| language(tag)).flatten();
            lang.map(|l| encode_hyphens(&prose_hyphen_points(b, l)))
                .unwrap_or_default()
        })
        .collect();
    let runs: Vec<Vec<u8>> = doc.blocks.iter().map(|b| encode_runs(&b.runs)).collect();
    let blocks: Vec<Block<'_>> = doc
        .blocks
        .iter()
        .zip(points.iter().zip(&runs))
        .map(|(b, (hyphens, runs))| Block {
            kind: b.kind,
            nesting: b.nesting,
            label: &b.label,
            text: inkleaf::text::Text::plain(&b.text),
            hyphens: Hyphens::from_encoded(hyphens),
            runs: Runs::from_encoded(runs),
        })
        .collect();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    if options.text != TextStorage::Plain {
        progress.step("training the text model", None);
    }
    let encoded = match options.text {
        TextStorage::Coded => Some(crate::codec::encode(&texts)?),
        TextStorage::Trained => Some(crate::codec::train(&texts)?),
        TextStorage::Plain => None,
    };
    let coded: Vec<CodedBlock<'_>> = encoded.as_ref().map_or_else(Vec::new, |e| {
        e.blocks
            .iter()
            .zip(&blocks)
            .map(|(b, block)| CodedBlock {
                kind: block.kind,
                nesting: block.nesting,
                label: block.label,
                text_len: b.text_len,
                bits: &b.bits,
                hyphens: block.hyphens,
                runs: block.runs,
            })
            .collect()
    });
    let text = match &encoded {
        Some(e) => StoredText::Coded {
            model: &e.model,
            blocks: &coded,
        },
        None => StoredText::Plain(&blocks),
    };
    let sizes: Vec<SizeFont<'_>> = core::iter::once(SizeFont {
        font,
        faces: options.faces,
    })
    .chain(options.also_sizes.iter().copied())
    .collect();
    if sizes.iter().any(|s| s.faces.is_empty()) && sizes.iter().any(|s| !s.faces.is_empty()) {
        // A blob's sizes are its packed families, or else all built-in fonts.
        return Err(inkleaf::Error::Malformed(inkleaf::format::Part::Font));
    }
    // One family per size, back to back, each opening with its regular face.
    let fonts: Vec<FaceSection<'_>> = sizes.iter().flat_map(|s| s.faces.iter().copied()).collect();
    let contents = Contents {
        meta,
        chapters: &chapters,
        page_indexes: &[],
        fonts: &fonts,
        text,
    };
    // Pagination does not depend on the indexes, so lay out a blob without them first.
    let unindexed = pack_to_vec(&contents)?;
    let book = Book::from_bytes(&unindexed)?;
    let layout_fonts = sizes
        .iter()
        .zip(0u8..)
        .map(|(size, at)| layout_font(&book, size, at))
        .collect::<Result<Vec<_>, _>>()?;
    let mut built_sizes: Vec<BuiltSize> = sizes
        .iter()
        .zip(&layout_fonts)
        .map(|(size, fonts)| BuiltSize {
            px: px_of(fonts),
            font_bytes: size.faces.iter().map(|f| f.section.len()).sum(),
            pages: Vec::new(),
        })
        .collect();
    // Display by display, each at every size: the first record is the first display at the
    // first size, which a reader opens by default.
    let mut baked = Vec::new();
    for profile in core::iter::once(&profile).chain(options.also_for) {
        for ((size, fonts), built) in sizes.iter().zip(&layout_fonts).zip(&mut built_sizes) {
            let what = format!(
                "laying out pages at {}x{}, {} px",
                profile.width, profile.height, built.px
            );
            progress.step(&what, Some(doc.blocks.len() as u64));
            let pages = page_index(book, fonts, *profile, size.font, progress)?;
            built.pages.push(pages.built_for.pages);
            baked.push(pages);
        }
    }
    let records = index_records(&baked);
    let blob = pack_to_vec(&Contents {
        page_indexes: &records,
        ..contents
    })?;
    // Baked lines are read back from the text: should a profile's not read back as laid out,
    // it keeps its page starts and its lines are broken on the device instead.
    let disagree = lines_disagree(&blob, book, &baked)?;
    let blob = if disagree.is_empty() {
        blob
    } else {
        for i in disagree {
            if let Some(b) = baked.get_mut(i) {
                b.lines = None;
            }
        }
        let records = index_records(&baked);
        pack_to_vec(&Contents {
            page_indexes: &records,
            ..contents
        })?
    };
    let (blob, warning) = if options.bake_all_lines {
        (blob, None)
    } else {
        within_budget(blob, &mut baked, contents, &built_sizes)?
    };
    let first = built_sizes.first();
    Ok(Built {
        blob,
        pages: first
            .and_then(|size| size.pages.first())
            .copied()
            .unwrap_or(0),
        font_bytes: first.map_or(0, |size| size.font_bytes),
        family: Vec::new(),
        warnings: warning.into_iter().collect(),
        sizes: built_sizes,
    })
}

/// The fonts size number `at` of `book` is laid out in: its packed family, else its built-in
/// font (which a blob without page indexes cannot name yet).
fn layout_font<'a>(
    book: &Book<'a>,
    size: &SizeFont<'_>,
    at: u8,
) -> Result<AnyFamily<'a>, inkleaf::Error> {
    if size.faces.is_empty() {
        return Ok(AnyFamily::Mono(size.font.font()));
    }
    let family = book.family_at(at)?;
    Ok(family.map_or(AnyFamily::Mono(size.font.font()), AnyFamily::Packed))
}

/// The pixel size text is set at in `fonts`: the regular face's size, or the built-in
/// font's height.
fn px_of(fonts: &AnyFamily<'_>) -> u16 {
    let px = match fonts {
        AnyFamily::Packed(family) => family
            .packed(inkleaf::font::Face::Regular)
            .map_or(0, |f| u32::from(f.px())),
        AnyFamily::Mono(mono) => mono.height,
    };
    u16::try_from(px).unwrap_or(u16::MAX)
}

/// The table of contents as the blob stores it.
fn chapter_records(doc: &Document) -> Result<Vec<ChapterRecord<'_>>, inkleaf::Error> {
    doc.chapters
        .iter()
        .map(|c| {
            Ok(ChapterRecord {
                block: u32::try_from(c.block).map_err(|_| inkleaf::Error::TooLarge)?,
                level: c.level,
                new_page: c.new_page,
                title: &c.title,
                language: &c.language,
            })
        })
        .collect()
}

/// Each block's language: that of the innermost chapter it is in that names one, else the
/// document's.
fn block_languages(doc: &Document) -> Vec<&str> {
    let mut languages = vec![doc.language.as_str(); doc.blocks.len()];
    for (i, chapter) in doc.chapters.iter().enumerate() {
        // Up to the next chapter of the same or a higher level (a section's own language
        // holds only within it, its chapter's resumes after it).
        let end = doc.chapters[i + 1..]
            .iter()
            .find(|next| next.level <= chapter.level)
            .map_or(doc.blocks.len(), |next| next.block);
        if chapter.language.is_empty() {
            continue;
        }
        for tag in languages.iter_mut().take(end).skip(chapter.block) {
            *tag = &chapter.language;
        }
    }
    languages
}

/// Where `block`'s words may be broken with a hyphen: none in code, blocks or spans, where a
/// hyphen would read as part of the code (a word of code too long for a line is still cut).
fn prose_hyphen_points(block: &DocBlock, lang: hypher::Lang) -> Vec<u32> {
    if block.kind.is_preformatted() {
        return Vec::new();
    }
    let mut code = Vec::new();
    let mut at = 0u32;
    for run in &block.runs {
        if run.style.has(Style::MONO) {
            code.push(at..at + run.len);
        }
        at += run.len;
    }
    // A break at `p` splits the characters either side of it: neither may be code.
    let in_code = |p: u32| {
        code.iter()
            .any(|r| (r.start < p && p <= r.end) || r.contains(&p))
    };
    hyphen_points(&block.text, lang)
        .into_iter()
        .filter(|&p| !in_code(p))
        .collect()
}

/// One profile's pages as laid out on the host, ready to bake.
struct BakedPages<'f> {
    built_for: BuiltFor,
    /// The fonts they were laid out in.
    fonts: AnyFamily<'f>,
    font_check: FontCheck,
    starts: Vec<Position>,
    lines: Option<BakedBreaks>,
}

/// Lays `book` out for `profile` in `layout_font`: its page starts and every line's break;
/// `font` is the built-in font recorded with them.
fn page_index<'f>(
    book: Book<'_>,
    layout_font: &AnyFamily<'f>,
    profile: Profile,
    font: FontId,
    progress: &dyn Progress,
) -> Result<BakedPages<'f>, inkleaf::Error> {
    let layout = Layout::new(&book, profile, *layout_font)?;
    let mut block = 0;
    let mut starts = Vec::new();
    let mut lines = Vec::new();
    for page in layout.pages() {
        progress.advance(u64::from(page.start.block - block));
        block = page.start.block;
        starts.push(page.start);
        let baked: Vec<BakedLine> = page
            .lines()?
            // A line that ends at a newline or its block's end is coded by that alone.
            .map(|line| {
                let at_break = matches!(line.end_kind, LineEnd::BlockEnd | LineEnd::HardBreak);
                (!at_break).then(|| line.end - line.start)
            })
            .collect();
        lines.push(baked);
    }
    let pages = u32::try_from(starts.len()).map_err(|_| inkleaf::Error::TooLarge)?;
    Ok(BakedPages {
        built_for: BuiltFor {
            profile,
            font,
            pages,
        },
        fonts: *layout_font,
        font_check: FontCheck::of(layout_font),
        starts,
        lines: (pages > 0).then(|| bake_line_breaks(&lines)),
    })
}

/// `blob` with its baked line breaks inside [`LINE_BREAK_BUDGET`]: while they pass it, the
/// last profile still baked (the last display's last size first) loses its lines and the blob
/// is packed again from `contents`. Returns the blob and a warning that names those unbaked.
fn within_budget(
    mut blob: Vec<u8>,
    baked: &mut [BakedPages<'_>],
    contents: Contents<'_>,
    sizes: &[BuiltSize],
) -> Result<(Vec<u8>, Option<Warning>), inkleaf::Error> {
    let line_breaks =
        |blob: &[u8]| Ok::<_, inkleaf::Error>(Book::from_bytes(blob)?.part_sizes().line_breaks);
    let (mut unbaked, mut bytes) = (Vec::new(), 0);
    let mut lines = line_breaks(&blob)?;
    while lines * 100 > blob.len() * LINE_BREAK_BUDGET {
        let Some(last) = baked.iter().rposition(|b| b.lines.is_some()) else {
            break;
        };
        baked[last].lines = None;
        let records = index_records(baked);
        blob = pack_to_vec(&Contents {
            page_indexes: &records,
            ..contents
        })?;
        let left = line_breaks(&blob)?;
        bytes += lines - left;
        lines = left;
        let profile = baked[last].built_for.profile;
        // Display by display, each at every size.
        let px = sizes.get(last % sizes.len().max(1)).map_or(0, |s| s.px);
        unbaked.push(((profile.width, profile.height), px));
    }
    // Said in build order, first display first.
    unbaked.reverse();
    let warning = (!unbaked.is_empty()).then_some(Warning::LinesNotBaked {
        unbaked,
        bytes,
        blob: blob.len(),
    });
    Ok((blob, warning))
}

/// The page index records of `baked`, one after another; profiles with no pages have none.
fn index_records(baked: &[BakedPages<'_>]) -> Vec<u8> {
    baked
        .iter()
        .filter(|b| b.built_for.pages > 0)
        .flat_map(|b| bake_page_index(b.built_for, b.font_check, &b.starts, b.lines.as_ref()))
        .collect()
}

/// Which of `baked` (by position) have baked lines that `blob` does not read back as
/// `unindexed`, the same book without page indexes, lays them out.
fn lines_disagree(
    blob: &[u8],
    unindexed: Book<'_>,
    baked: &[BakedPages<'_>],
) -> Result<Vec<usize>, inkleaf::Error> {
    let book = Book::from_bytes(blob)?;
    let mut disagree = Vec::new();
    for (i, b) in baked.iter().enumerate() {
        if b.lines.is_none() {
            continue;
        }
        let profile = b.built_for.profile;
        let read = Layout::new(&book, profile, b.fonts)?;
        let laid = Layout::new(&unindexed, profile, b.fonts)?;
        let (mut pages, mut laid_pages) = (0u32, laid.pages());
        let mut same = true;
        for page in read.pages() {
            pages += 1;
            same = match laid_pages.next() {
                Some(other) => page == other && page.lines()?.eq(other.lines()?),
                None => false,
            };
            if !same {
                break;
            }
        }
        if !same || pages != b.built_for.pages || laid_pages.next().is_some() {
            disagree.push(i);
        }
    }
    Ok(disagree)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse_markdown, DocBlock};
    use inkleaf::text::BlockKind;

    /// The article built for the 2.9in and OLED presets, as `inkleaf build` would.
    fn two_displays(bake_all_lines: bool) -> Built {
        let doc = crate::input::parse_text(crate::BUNDLED_ARTICLE);
        let [first, oled] = ["2.9in", "oled-128x64"]
            .map(|name| crate::displays::find(name).expect("a preset").profile);
        let options = Options {
            font: FontId::Mono6x10,
            faces: &[],
            hyphenate: true,
            text: TextStorage::Coded,
            also_for: &[oled],
            also_sizes: &[],
            bake_all_lines,
        };
        build_with(&doc, first, &options).expect("the article builds")
    }

    #[test]
    fn baked_lines_stay_within_their_budget_unless_all_are_asked_for() {
        let built = two_displays(false);
        let book = Book::from_bytes(&built.blob).unwrap();
        let lines = book.part_sizes().line_breaks;
        assert!(lines * 100 <= built.blob.len() * LINE_BREAK_BUDGET);
        // The first display keeps its lines; the OLED's would pass the budget.
        let baked: Vec<bool> = book
            .page_indexes()
            .map(|index| index.line_breaks_len() > 0)
            .collect();
        assert_eq!(baked, [true, false]);
        let [Warning::LinesNotBaked {
            unbaked,
            bytes,
            blob,
        }] = &built.warnings[..]
        else {
            panic!("one warning for the OLED: {:?}", built.warnings);
        };
        assert_eq!(unbaked[..], [((128, 64), 10)]);
        assert_eq!(*blob, built.blob.len());
        let bytes = *bytes;
        // Asked for, every display's lines are baked, and take those bytes more
        let all = two_displays(true);
        assert!(all.warnings.is_empty());
        let all_book = Book::from_bytes(&all.blob).unwrap();
        assert!(all_book.page_indexes().all(|i| i.line_breaks_len() > 0));
        assert_eq!(all_book.part_sizes().line_breaks, lines + bytes);
        // (and a length that says so may take a byte more).
        assert!((bytes..=bytes + 2).contains(&(all.blob.len() - built.blob.len())));
    }

    #[test]
    fn code_is_never_hyphenated() {
        let doc =
            parse_markdown("Prose and `interpretation` in code.\n\n```\ninterpretation\n```\n");
        let [prose, code] = &doc.blocks[..] else {
            panic!("{:?}", doc.blocks);
        };
        let points = prose_hyphen_points(prose, hypher::Lang::English);
        let span = prose.text.find("interpretation").unwrap() as u32;
        let span = span..span + "interpretation".len() as u32;
        // "Prose" keeps no point (too short); the code span's word none either.
        assert!(points.iter().all(|p| !span.contains(p)), "{points:?}");
        let plain = hyphen_points(&prose.text, hypher::Lang::English);
        assert!(plain.iter().any(|p| span.contains(p)), "{plain:?}");
        assert!(prose_hyphen_points(code, hypher::Lang::English).is_empty());
        assert!(!hyphen_points(&code.text, hypher::Lang::English).is_empty());
    }

    #[test]
    fn a_document_that_sets_no_line_opens_with_no_page_and_is_refused_by_settings() {
        let doc = parse_markdown("```\n```\n\n#\n");
        assert_eq!(doc.blocks, [DocBlock::plain(BlockKind::Code, "")]);
        let profile = Profile::new(296, 128);
        let built = build(&doc, profile, FontId::Mono6x10).unwrap();
        assert_eq!(built.pages, 0);
        let book = Book::from_bytes(&built.blob).expect("the blob opens");
        assert_eq!(book.built_for(), None);
        let layout = Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
        assert_eq!(layout.page_count(), 0);
        let settings = Settings {
            display: "2.9in",
            profile,
            also_for: Vec::new(),
            face: Face::Builtin(FontId::Mono6x10),
            also_sizes: Vec::new(),
            bake_all_lines: false,
            hyphenate: true,
            text: TextStorage::Plain,
        };
        assert_eq!(settings.build(&doc).unwrap_err(), BuildError::NothingToShow);
    }
}
