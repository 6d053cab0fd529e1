//! Books built here with the zip writer: valid EPUB 2 and 3, and one per way to fail.

mod books;
mod errors;
mod pandoc;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The files of a book, in archive order, to be zipped.
#[derive(Clone, Debug)]
pub(super) struct Book {
    files: Vec<(String, Vec<u8>)>,
}

impl Book {
    /// A `mimetype` entry and nothing else.
    pub fn empty() -> Self {
        Book {
            files: vec![("mimetype".into(), b"application/epub+zip".to_vec())],
        }
    }

    /// A book with a container naming `OEBPS/content.opf`, and that OPF.
    pub fn with_opf(opf: &str) -> Self {
        Book::empty()
            .file("META-INF/container.xml", container("OEBPS/content.opf"))
            .file("OEBPS/content.opf", opf)
    }

    pub fn file(mut self, name: &str, content: impl Into<Vec<u8>>) -> Self {
        self.files.retain(|(n, _)| n != name);
        self.files.push((name.into(), content.into()));
        self
    }

    pub fn without(mut self, name: &str) -> Self {
        self.files.retain(|(n, _)| n != name);
        self
    }

    /// The zip archive, `mimetype` stored and the rest deflated, as EPUB asks.
    pub fn zip(&self) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in &self.files {
            let method = if name == "mimetype" {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            let options = SimpleFileOptions::default()
                .compression_method(method)
                .large_file(content.len() > u32::MAX as usize / 2);
            zip.start_file(name.as_str(), options).unwrap();
            zip.write_all(content).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }
}

pub(super) fn container(opf: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="{opf}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"#
    )
}

/// A package document with `manifest` items and `spine` itemrefs written out as given.
pub(super) fn opf(version: &str, manifest: &str, spine: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="isbn">isbn:0000</dc:identifier>
    <dc:identifier id="uid">urn:uuid:1b0d7c3e-test</dc:identifier>
    <dc:title>The Test Book</dc:title>
    <dc:creator>Ada Writer</dc:creator>
    <dc:creator>Bo Second</dc:creator>
    <dc:language>en-GB</dc:language>
    <dc:date>2024-05-01</dc:date>
  </metadata>
  <manifest>
{manifest}
  </manifest>
  {spine}
</package>"#
    )
}

/// An XHTML chapter with `body` inside its `<body>`.
pub(super) fn xhtml(lang: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}" lang="{lang}">
<head><title>t</title><link rel="stylesheet" href="../styles/book.css"/></head>
<body>{body}</body>
</html>"#
    )
}

/// A valid EPUB 2 book: three chapters, the second with two sections, an NCX, and a
/// `linear="no"` notes file between chapters 2 and 3.
pub(super) fn epub2() -> Book {
    let manifest = r#"
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="styles/book.css" media-type="text/css"/>
    <item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="c3" href="text/ch3.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine toc="ncx">
    <itemref idref="c1"/><itemref idref="c2"/><itemref idref="notes" linear="no"/><itemref idref="c3"/>
  </spine>"#;
    let ncx = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="urn:uuid:1b0d7c3e-test"/></head>
  <docTitle><text>The Test Book</text></docTitle>
  <navMap>
    <navPoint id="n1" playOrder="1"><navLabel><text>Chapter One</text></navLabel><content src="text/ch1.xhtml"/></navPoint>
    <navPoint id="n2" playOrder="2"><navLabel><text>
        Chapter   Two </text></navLabel><content src="text/ch2.xhtml"/>
      <navPoint id="n3" playOrder="3"><navLabel><text>Section 2.1</text></navLabel><content src="text/ch2.xhtml#s1"/></navPoint>
      <navPoint id="n4" playOrder="4"><navLabel><text>Section 2.2</text></navLabel><content src="text/ch2.xhtml#s2"/></navPoint>
    </navPoint>
    <navPoint id="n5" playOrder="5"><navLabel><text>Chapter Three</text></navLabel><content src="text/ch3.xhtml"/></navPoint>
  </navMap>
</ncx>"#;
    Book::with_opf(&opf("2.0", manifest, spine))
        .file("OEBPS/toc.ncx", ncx)
        .file("OEBPS/styles/book.css", "p { text-indent: 1em }")
        .file("OEBPS/text/ch1.xhtml", xhtml("en-GB", "<h1>Chapter One</h1><p>First.</p>"))
        .file(
            "OEBPS/text/ch2.xhtml",
            xhtml(
                "en-GB",
                r#"<h1>Chapter Two</h1><p>Intro.</p><h2 id="s1">Section 2.1</h2><p>A.</p><h2 id="s2">Section 2.2</h2><p>B.</p>"#,
            ),
        )
        .file("OEBPS/text/notes.xhtml", xhtml("en-GB", "<p>A note.</p>"))
        .file("OEBPS/text/ch3.xhtml", xhtml("fr", "<h1>Chapter Three</h1><p>Fin.</p>"))
}

/// A valid EPUB 3 book: a navigation document with a part heading (`span`), nested
/// chapters with fragments, and percent-encoded file names.
pub(super) fn epub3() -> Book {
    let manifest = r#"
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="Chapter%20One.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="chapter%E2%80%932.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine>
    <itemref idref="cover" linear="no"/><itemref idref="c1"/><itemref idref="c2"/>
  </spine>"#;
    let nav = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Contents</title></head>
<body>
  <nav epub:type="landmarks"><ol><li><a href="cover.xhtml">Cover</a></li></ol></nav>
  <nav epub:type="toc" id="toc">
    <h1>Contents</h1>
    <ol>
      <li><span>Part <em>One</em></span>
        <ol>
          <li><a href="Chapter%20One.xhtml">Chapter One</a>
            <ol><li><a href="Chapter%20One.xhtml#sec-1">A Section</a>
              <ol><li><a href="Chapter%20One.xhtml#deep">Deeper</a></li></ol>
            </li></ol>
          </li>
          <li><a href="chapter%E2%80%932.xhtml#start">Chapter Two</a></li>
        </ol>
      </li>
      <li><a href="https://example.com/">Elsewhere</a></li>
    </ol>
  </nav>
</body>
</html>"#;
    Book::with_opf(&opf("3.0", manifest, spine))
        .file("OEBPS/nav.xhtml", nav)
        .file("OEBPS/cover.xhtml", xhtml("en", "<p>Cover</p>"))
        .file(
            "OEBPS/Chapter One.xhtml",
            xhtml(
                "en",
                r#"<h1>Chapter One</h1><h2 id="sec-1">A Section</h2><p id="deep">x</p>"#,
            ),
        )
        .file(
            "OEBPS/chapter\u{2013}2.xhtml",
            xhtml("en", r#"<h1 id="start">Chapter Two</h1><p>y</p>"#),
        )
}
