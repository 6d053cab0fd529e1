//! Real books nobody here wrote: pandoc's EPUB 2 and EPUB 3 (and calibre's, where it is
//! installed) made at test time from chapters of the Rust book's HTML. What each archive
//! says is read here independently, by scanning its XML as text, and compared with what the
//! reader found.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::super::read_epub;
use super::books::{spine_paths, toc_of, Entry};

/// The Rust book pages the test books are made of.
const PAGES: [&str; 3] = [
    "ch03-01-variables-and-mutability",
    "ch03-02-data-types",
    "ch03-03-how-functions-work",
];

fn rust_book() -> PathBuf {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .expect("rustc runs");
    let root = PathBuf::from(String::from_utf8(sysroot.stdout).unwrap().trim());
    root.join("share/doc/rust/html/book")
}

/// `format` ("epub2" or "epub3") made by pandoc from [`PAGES`], each page's `<main>` only
/// (mdBook's menus around it are no chapter), split into a file per chapter.
fn pandoc_book(format: &str, dir: &Path) -> Vec<u8> {
    let mut inputs = Vec::new();
    for page in PAGES {
        let html = std::fs::read_to_string(rust_book().join(format!("{page}.html")))
            .expect("the Rust book's HTML (rustup component add rust-docs)");
        let main = html
            .split_once("<main>")
            .and_then(|(_, rest)| rest.split_once("</main>"))
            .expect("mdBook pages have a <main>")
            .0;
        let input = dir.join(format!("{page}.html"));
        std::fs::write(&input, format!("<html><body>{main}</body></html>")).unwrap();
        inputs.push(input);
    }
    let out = dir.join(format!("{format}.epub"));
    let run = Command::new("pandoc")
        .args(["-f", "html", "-t", format, "--epub-chapter-level=2"])
        .args(["--metadata", "title=Common Programming Concepts"])
        .args(["--metadata", "author=Steve Klabnik and Carol Nichols"])
        .args(["--metadata", "lang=en-US", "--metadata", "date=2024-01-02"])
        .arg("-o")
        .arg(&out)
        .args(&inputs)
        .output()
        .expect("pandoc is needed for these tests: apt-get install -y pandoc");
    assert!(
        run.status.success(),
        "pandoc: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read(out).unwrap()
}

/// The entry `name` of the archive, read with the zip crate's own reader.
fn entry(book: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the archive"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The value of attribute `name` in a tag's text (`a href="x" id="y"`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].replace("&amp;", "&"))
}

/// Joins `href` to the folder of `from`, splitting off its fragment. Pandoc's and
/// calibre's links are plain relative paths, without `..` or escapes.
fn join(from: &str, href: &str) -> (String, String) {
    let folder = from.rfind('/').map_or("", |i| &from[..=i]);
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    (format!("{folder}{path}"), fragment.to_owned())
}

/// The package document's path, and its spine as paths, scanned as text.
fn spine_as_written(book: &[u8]) -> (String, Vec<String>) {
    let container = entry(book, "META-INF/container.xml");
    let opf_path = attribute(&container, "full-path").unwrap();
    let opf = entry(book, &opf_path);
    let tags: Vec<&str> = opf.split('<').collect();
    let href_of = |id: &str| {
        tags.iter()
            .filter(|t| t.starts_with("item "))
            .find(|t| attribute(t, "id").as_deref() == Some(id))
            .and_then(|t| attribute(t, "href"))
            .unwrap()
    };
    let spine = tags
        .iter()
        .filter(|t| t.starts_with("itemref "))
        .map(|t| join(&opf_path, &href_of(&attribute(t, "idref").unwrap())).0)
        .collect();
    (opf_path, spine)
}

/// The `toc` nav of a navigation document, scanned as text: depth by open `<ol>`s, titles
/// the text between `<a>` and `</a>`.
fn nav_as_written(nav: &str, nav_path: &str) -> Vec<Entry> {
    let start = nav.find("<nav epub:type=\"toc\"").unwrap();
    let end = start + nav[start..].find("</nav>").unwrap();
    let (mut depth, mut entries) = (0, Vec::new());
    let mut open: Option<(String, String)> = None;
    for piece in nav[start..end].split('<') {
        let (tag, text) = piece.split_once('>').unwrap_or((piece, ""));
        match tag.split_whitespace().next().unwrap_or_default() {
            "ol" => depth += 1,
            "/ol" => depth -= 1,
            "a" => open = Some((attribute(tag, "href").unwrap(), String::new())),
            "/a" => {
                let (href, title) = open.take().unwrap();
                let (path, fragment) = join(nav_path, &href);
                entries.push((title.trim().to_owned(), depth, path, fragment));
            }
            _ => {}
        }
        if let Some((_, title)) = &mut open {
            title.push_str(text);
        }
    }
    entries
}

/// The NCX's navMap scanned as text: depth by open `<navPoint>`s.
fn ncx_as_written(ncx: &str, ncx_path: &str) -> Vec<Entry> {
    let (mut depth, mut entries) = (0, Vec::new());
    let mut pending: Option<String> = None;
    for piece in ncx.split('<') {
        let (tag, text) = piece.split_once('>').unwrap_or((piece, ""));
        match tag.split_whitespace().next().unwrap_or_default() {
            "navPoint" => depth += 1,
            "/navPoint" => depth -= 1,
            "text" if depth > 0 && pending.is_none() => pending = Some(text.trim().to_owned()),
            "content" if depth > 0 => {
                let (path, fragment) = join(ncx_path, &attribute(tag, "src").unwrap());
                entries.push((pending.take().unwrap(), depth, path, fragment));
            }
            _ => {}
        }
    }
    entries
}

#[test]
fn pandoc_epub3_spine_metadata_and_nav() {
    let dir = tempfile::tempdir().unwrap();
    let book = pandoc_book("epub3", dir.path());
    let (opf_path, spine) = spine_as_written(&book);
    assert_eq!(opf_path, "EPUB/content.opf");
    assert_eq!(spine_paths(&book), spine);
    assert_eq!(
        spine.len(),
        5,
        "title page, a part page, three chapters: {spine:?}"
    );

    let expected = nav_as_written(&entry(&book, "EPUB/nav.xhtml"), "EPUB/nav.xhtml");
    let (toc, unset) = toc_of(&book);
    assert_eq!(toc, expected);
    assert_eq!(toc.len(), 11, "{toc:#?}");
    assert_eq!(toc[1].0, "Variables and Mutability");
    assert_eq!((toc[2].1, toc[2].3.as_str()), (3, "declaring-constants"));
    assert!(unset.is_empty(), "{unset:?}");

    let doc = read_epub(&book).unwrap();
    assert_eq!(doc.title, "Common Programming Concepts");
    assert_eq!(doc.byline, "Steve Klabnik and Carol Nichols");
    assert_eq!(doc.language, "en-US");
    assert!(doc.date.starts_with("2024-01-02"), "{}", doc.date);
    assert!(doc.source.starts_with("urn:uuid:"), "{}", doc.source);
}

#[test]
fn pandoc_epub2_spine_and_ncx() {
    let dir = tempfile::tempdir().unwrap();
    let book = pandoc_book("epub2", dir.path());
    let (opf_path, spine) = spine_as_written(&book);
    assert!(entry(&book, &opf_path).contains("version=\"2.0\""));
    assert_eq!(spine_paths(&book), spine);

    let expected = ncx_as_written(&entry(&book, "EPUB/toc.ncx"), "EPUB/toc.ncx");
    let (toc, unset) = toc_of(&book);
    assert_eq!(toc, expected);
    assert!(toc.iter().any(|e| e.1 == 3), "three levels: {toc:#?}");
    assert!(unset.is_empty(), "{unset:?}");
    assert_eq!(read_epub(&book).unwrap().language, "en-US");
}

/// Calibre rewrites a book its own way: the OPF at the archive's root (version 2), an NCX
/// whose chapters link to file starts, a generated title page.
#[test]
fn calibre_epub_from_pandoc() {
    assert!(
        Command::new("ebook-convert")
            .arg("--version")
            .output()
            .is_ok(),
        "calibre's ebook-convert is missing: `apt-get install calibre` (as .ci/run does)"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.epub"), pandoc_book("epub3", dir.path())).unwrap();
    let out = dir.path().join("calibre.epub");
    let run = Command::new("ebook-convert")
        .arg(dir.path().join("in.epub"))
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let book = std::fs::read(out).unwrap();
    let (opf_path, spine) = spine_as_written(&book);
    assert_eq!(opf_path, "content.opf");
    assert_eq!(spine_paths(&book), spine);
    let expected = ncx_as_written(&entry(&book, "toc.ncx"), "toc.ncx");
    let (toc, _) = toc_of(&book);
    assert_eq!(toc, expected);
    assert_eq!(toc.len(), 11, "{toc:#?}");
    assert_eq!(
        read_epub(&book).unwrap().title,
        "Common Programming Concepts"
    );
}

/// Each table of contents entry becomes a chapter that starts at its heading; chapters
/// opening a file (pandoc splits at level 2) open a page, sections inside one run on.
#[test]
fn pandoc_chapters_start_at_their_headings() {
    for format in ["epub2", "epub3"] {
        let dir = tempfile::tempdir().unwrap();
        let book = pandoc_book(format, dir.path());
        let (toc, _) = toc_of(&book);
        let doc = read_epub(&book).unwrap();
        assert_eq!(doc.chapters.len(), toc.len(), "{format}: {:?}", doc.unset);
        for (chapter, (title, level, ..)) in doc.chapters.iter().zip(&toc) {
            assert_eq!(
                (&chapter.title, usize::from(chapter.level)),
                (title, *level)
            );
            let block = &doc.blocks[chapter.block];
            assert!(
                matches!(block.kind, inkleaf::text::BlockKind::Heading(_)),
                "{format}: '{title}' starts at {block:?}"
            );
            assert_eq!(&block.text, title, "{format}");
            assert_eq!(chapter.new_page, *level <= 2, "{format}: '{title}'");
            assert_eq!(chapter.language, "", "the book's language throughout");
        }
    }
}
