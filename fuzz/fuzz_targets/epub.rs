//! Any bytes as an EPUB: the reader returns a document or an error, never panics.
//!
//! Input: a first byte, then the rest. An even first byte gives the rest to the reader as
//! the archive, so mutations reach the zip reader and the limits. An odd one splits the
//! rest at each `\n--\n` into a package document (`OEBPS/content.opf`), a navigation
//! document (`OEBPS/nav.xhtml`), an NCX (`OEBPS/toc.ncx`), a chapter (`OEBPS/ch1.xhtml`)
//! and `META-INF/encryption.xml`, and zips them with a container naming the package, so
//! mutations reach the XML and the table of contents.
#![no_main]

use std::io::{Cursor, Write};

use inkleaf_cli::input::epub::read_epub;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CONTAINER: &[u8] = br#"<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;

const FILES: [&str; 5] = [
    "OEBPS/content.opf",
    "OEBPS/nav.xhtml",
    "OEBPS/toc.ncx",
    "OEBPS/ch1.xhtml",
    "META-INF/encryption.xml",
];

fn book(parts: &[u8]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut add = |name: &str, content: &[u8]| {
        zip.start_file(name, stored).unwrap();
        zip.write_all(content).unwrap();
    };
    add("META-INF/container.xml", CONTAINER);
    let mut rest = parts;
    for name in FILES {
        let (part, after) = match rest.windows(4).position(|w| w == b"\n--\n") {
            Some(at) => (&rest[..at], &rest[at + 4..]),
            None => (rest, &[][..]),
        };
        if !part.is_empty() {
            add(name, part);
        }
        rest = after;
    }
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        let _ = read_epub(rest);
    } else {
        let _ = read_epub(&book(rest));
    }
});
