//! Valid books: what the package, the spine and the table of contents say reaches the
//! document.

use super::super::archive::{Archive, Limits};
use super::super::paths::Link;
use super::super::{container, drm, read_epub, spine, toc, EpubError, Package};
use super::{epub2, epub3, opf, xhtml, Book};
use crate::input::html::HtmlError;

/// The paths of the spine's files in reading order, as read.
pub(in super::super) fn spine_paths(bytes: &[u8]) -> Vec<String> {
    let archive = Archive::open(bytes, Limits::REAL).unwrap();
    let package = Package::read(&archive, &container::package_path(&archive).unwrap()).unwrap();
    let obfuscated = drm::obfuscated_files(&archive).unwrap();
    let text = spine::read(&archive, &package, &obfuscated).unwrap();
    text.files.into_iter().map(|f| f.path).collect()
}

/// A table of contents entry as (title, level, path, fragment).
pub(in super::super) type Entry = (String, usize, String, String);

/// The table of contents, and its unset lines.
pub(in super::super) fn toc_of(bytes: &[u8]) -> (Vec<Entry>, Vec<String>) {
    let archive = Archive::open(bytes, Limits::REAL).unwrap();
    let package = Package::read(&archive, &container::package_path(&archive).unwrap()).unwrap();
    let (entries, unset) = toc::read(&archive, &package).unwrap();
    let entries = entries
        .into_iter()
        .map(|e| match e.target {
            Some(Link::Inside { path, fragment }) => (e.title, e.level, path, fragment),
            _ => (e.title, e.level, "<outside>".into(), String::new()),
        })
        .collect();
    (entries, unset)
}

fn entry(title: &str, level: usize, path: &str, fragment: &str) -> Entry {
    (title.into(), level, path.into(), fragment.into())
}

#[test]
fn epub2_metadata_reaches_the_document() {
    let doc = read_epub(&epub2().zip()).unwrap();
    assert_eq!(doc.title, "The Test Book");
    assert_eq!(doc.byline, "Ada Writer, Bo Second");
    assert_eq!(doc.date, "2024-05-01");
    assert_eq!(doc.language, "en-GB");
    assert_eq!(
        doc.source, "urn:uuid:1b0d7c3e-test",
        "the unique identifier, not the first"
    );
}

#[test]
fn epub2_spine_is_read_in_order_with_the_non_linear_file_where_the_spine_puts_it() {
    assert_eq!(
        spine_paths(&epub2().zip()),
        [
            "OEBPS/text/ch1.xhtml",
            "OEBPS/text/ch2.xhtml",
            "OEBPS/text/notes.xhtml",
            "OEBPS/text/ch3.xhtml"
        ]
    );
}

#[test]
fn epub2_ncx_nesting_gives_levels_and_fragments() {
    let (entries, unset) = toc_of(&epub2().zip());
    assert_eq!(
        entries,
        [
            entry("Chapter One", 1, "OEBPS/text/ch1.xhtml", ""),
            entry("Chapter Two", 1, "OEBPS/text/ch2.xhtml", ""),
            entry("Section 2.1", 2, "OEBPS/text/ch2.xhtml", "s1"),
            entry("Section 2.2", 2, "OEBPS/text/ch2.xhtml", "s2"),
            entry("Chapter Three", 1, "OEBPS/text/ch3.xhtml", ""),
        ]
    );
    assert!(unset.is_empty(), "{unset:?}");
}

#[test]
fn epub3_nav_nesting_headings_fragments_and_percent_encoded_names() {
    let (entries, unset) = toc_of(&epub3().zip());
    assert_eq!(
        entries,
        [
            // A heading without a link starts where its first entry does.
            entry("Part One", 1, "OEBPS/Chapter One.xhtml", ""),
            entry("Chapter One", 2, "OEBPS/Chapter One.xhtml", ""),
            entry("A Section", 3, "OEBPS/Chapter One.xhtml", "sec-1"),
            entry("Deeper", 4, "OEBPS/Chapter One.xhtml", "deep"),
            entry("Chapter Two", 2, "OEBPS/chapter\u{2013}2.xhtml", "start"),
            entry("Elsewhere", 1, "<outside>", ""),
        ],
        "the landmarks nav is not the table of contents"
    );
    assert!(unset.is_empty(), "{unset:?}");
    assert_eq!(
        spine_paths(&epub3().zip()),
        [
            "OEBPS/cover.xhtml",
            "OEBPS/Chapter One.xhtml",
            "OEBPS/chapter\u{2013}2.xhtml"
        ]
    );
}

#[test]
fn epub3_prefers_the_nav_and_falls_back_to_the_ncx_when_the_nav_is_broken() {
    let ncx_book = epub2();
    let ncx = ncx_book
        .files
        .iter()
        .find(|(n, _)| n == "OEBPS/toc.ncx")
        .unwrap()
        .1
        .clone();
    let manifest = r#"
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>"#;
    let nav = r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
      <nav epub:type="toc"><ol><li><a href="text/ch1.xhtml">From the nav</a></li></ol></nav></body></html>"#;
    let book = Book::with_opf(&opf(
        "3.0",
        manifest,
        r#"<spine toc="ncx"><itemref idref="c1"/></spine>"#,
    ))
    .file("OEBPS/nav.xhtml", nav)
    .file("OEBPS/toc.ncx", ncx)
    .file("OEBPS/text/ch1.xhtml", xhtml("en", "<p>x</p>"));
    let (entries, _) = toc_of(&book.zip());
    assert_eq!(
        entries,
        [entry("From the nav", 1, "OEBPS/text/ch1.xhtml", "")]
    );

    let broken = book.file("OEBPS/nav.xhtml", "<html><body><nav>&nbsp;</body>");
    let (entries, unset) = toc_of(&broken.zip());
    assert_eq!(entries.len(), 5, "the NCX's entries");
    assert_eq!(entries[0].0, "Chapter One");
    assert_eq!(unset.len(), 1, "{unset:?}");
    assert!(unset[0].contains("OEBPS/nav.xhtml"), "{unset:?}");
}

#[test]
fn obfuscated_fonts_are_not_encryption() {
    let encryption = r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
        xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData>
        <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
        <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/a.otf"/></enc:CipherData>
      </enc:EncryptedData>
      <enc:EncryptedData>
        <enc:EncryptionMethod Algorithm="http://ns.adobe.com/pdf/enc#RC"/>
        <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/b.ttf"/></enc:CipherData>
      </enc:EncryptedData>
    </encryption>"#;
    let book = epub2()
        .file("META-INF/encryption.xml", encryption)
        .file("OEBPS/fonts/a.otf", vec![0xA5; 64])
        .file("OEBPS/fonts/b.ttf", vec![0x5A; 64]);
    let doc = read_epub(&book.zip()).unwrap();
    assert_eq!(doc.title, "The Test Book");
}

#[test]
fn a_chapter_that_is_not_utf8_is_read_lossily_with_a_warning() {
    let mut latin1 = xhtml("en", "<p>caf_</p>").into_bytes();
    let at = latin1.iter().position(|&b| b == b'_').unwrap();
    latin1[at] = 0xE9;
    let doc = read_epub(&epub2().file("OEBPS/text/ch3.xhtml", latin1).zip()).unwrap();
    assert!(
        doc.unset
            .iter()
            .any(|l| l.starts_with("OEBPS/text/ch3.xhtml: not UTF-8")),
        "{:?}",
        doc.unset
    );
}

#[test]
fn an_image_in_the_reading_order_keeps_a_stand_in() {
    let manifest = r#"
    <item id="img" href="cover.jpg" media-type="image/jpeg"/>
    <item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/>"#;
    let book = Book::with_opf(&opf(
        "2.0",
        manifest,
        r#"<spine><itemref idref="img"/><itemref idref="c1"/></spine>"#,
    ))
    .file("OEBPS/cover.jpg", vec![0xFF, 0xD8, 0xFF])
    .file("OEBPS/ch1.xhtml", xhtml("en", "<p>x</p>"));
    let doc = read_epub(&book.zip()).unwrap();
    assert_eq!(doc.blocks[0].text, "[image]");
    assert!(
        doc.unset[0].starts_with("OEBPS/cover.jpg: a page of image/jpeg"),
        "{:?}",
        doc.unset
    );
}

#[test]
fn a_toc_deeper_than_the_model_and_thousands_deep_is_read_without_recursion() {
    const DEPTH: usize = 50_000;
    let mut nav = String::from(
        r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc">"#,
    );
    for i in 0..DEPTH {
        nav.push_str(&format!(r##"<ol><li><a href="ch1.xhtml#a{i}">E{i}</a>"##));
    }
    nav.push_str(&"</li></ol>".repeat(DEPTH));
    nav.push_str("</nav></body></html>");
    let manifest = r#"
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/>"#;
    let book = Book::with_opf(&opf(
        "3.0",
        manifest,
        r#"<spine><itemref idref="c1"/></spine>"#,
    ))
    .file("OEBPS/nav.xhtml", nav)
    .file("OEBPS/ch1.xhtml", xhtml("en", "<p>x</p>"));
    let (entries, _) = toc_of(&book.zip());
    assert_eq!(entries.len(), DEPTH);
    assert_eq!(
        entries[DEPTH - 1].1,
        DEPTH,
        "depth as written; chapters clamp it"
    );
    assert!(read_epub(&book.zip()).is_ok());
}

/// A chapter whose `<body>` holds `<div>`s nested `depth` deep around a word.
fn nested_chapter(depth: usize) -> Book {
    let body = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
    epub2().file("OEBPS/text/ch2.xhtml", xhtml("en", &body))
}

#[test]
fn a_chapter_nested_thousands_deep_is_refused_by_its_name() {
    assert_eq!(
        read_epub(&nested_chapter(50_000).zip()),
        Err(EpubError::Markup {
            path: "OEBPS/text/ch2.xhtml".into(),
            source: HtmlError::TooDeep(2048),
        })
    );
}

#[test]
fn a_chapter_nested_two_thousand_deep_reads_on_a_normal_stack() {
    let book = nested_chapter(2_000).zip();
    let read = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || read_epub(&book).map(|doc| doc.blocks.len()))
        .unwrap()
        .join()
        .expect("reads on a 2 MiB stack");
    assert!(read.is_ok(), "{read:?}");
}

#[test]
fn an_entry_named_with_the_escapes_of_its_link_is_found() {
    let manifest = r#"<item id="c1" href="Chapter%201.xhtml" media-type="application/xhtml+xml"/>"#;
    let book = Book::with_opf(&opf(
        "2.0",
        manifest,
        r#"<spine><itemref idref="c1"/></spine>"#,
    ))
    .file("OEBPS/Chapter%201.xhtml", xhtml("en", "<p>x</p>"));
    assert_eq!(
        spine_paths(&book.zip()),
        ["OEBPS/Chapter 1.xhtml"],
        "named as links resolve, so the table of contents finds it"
    );
}
