//! One book per way to fail, each asserting the exact error.

use super::super::archive::Limits;
use super::super::{read_epub, read_with_limits, EpubError};
use super::{epub2, opf, xhtml, Book};

fn error_of(book: &Book) -> EpubError {
    read_epub(&book.zip()).unwrap_err()
}

#[test]
fn not_a_zip() {
    assert_eq!(
        read_epub(b"<html>not a book</html>"),
        Err(EpubError::NotZip)
    );
    assert_eq!(read_epub(b""), Err(EpubError::NotZip));
}

#[test]
fn cut_short() {
    let bytes = epub2().zip();
    for len in [bytes.len() / 2, bytes.len() - 30, 10] {
        assert_eq!(read_epub(&bytes[..len]), Err(EpubError::Truncated), "{len}");
    }
}

#[test]
fn damaged_entry_data() {
    let mut bytes = epub2().zip();
    // Flip the bytes of the first chapter's deflated data: the CRC or the inflater objects.
    let name = b"OEBPS/text/ch1.xhtml";
    let at = bytes.windows(name.len()).position(|w| w == name).unwrap() + name.len();
    for byte in &mut bytes[at + 4..at + 40] {
        *byte ^= 0x55;
    }
    assert!(matches!(
        read_epub(&bytes),
        Err(EpubError::Corrupt { path, .. }) if path == "OEBPS/text/ch1.xhtml"
    ));
}

#[test]
fn no_container() {
    let book = epub2().without("META-INF/container.xml");
    assert_eq!(error_of(&book), EpubError::MissingContainer);
}

#[test]
fn container_names_no_package() {
    let book = epub2().file(
        "META-INF/container.xml",
        "<container><rootfiles/></container>",
    );
    assert!(matches!(
        error_of(&book),
        EpubError::BadPackage { path, .. } if path == "META-INF/container.xml"
    ));
}

#[test]
fn no_package_document() {
    let book = epub2().without("OEBPS/content.opf");
    assert_eq!(
        error_of(&book),
        EpubError::MissingPackage("OEBPS/content.opf".into())
    );
}

#[test]
fn no_spine_file() {
    let book = epub2().without("OEBPS/text/ch2.xhtml");
    assert_eq!(
        error_of(&book),
        EpubError::MissingSpineItem("OEBPS/text/ch2.xhtml".into())
    );
}

#[test]
fn spine_names_an_item_the_manifest_lacks() {
    let book = Book::with_opf(&opf(
        "2.0",
        "",
        r#"<spine><itemref idref="ghost"/></spine>"#,
    ));
    assert!(matches!(
        error_of(&book),
        EpubError::BadPackage { reason, .. } if reason.contains("'ghost'")
    ));
}

#[test]
fn entry_names_that_leave_the_archive() {
    for name in [
        "../evil.xhtml",
        "OEBPS/../../evil",
        "/etc/passwd",
        "OEBPS\\x.xhtml",
    ] {
        let book = epub2().file(name, "x");
        assert_eq!(
            error_of(&book),
            EpubError::EscapingPath(name.into()),
            "{name}"
        );
    }
}

#[test]
fn a_spine_link_that_climbs_out_of_the_archive() {
    let manifest =
        r#"<item id="c1" href="../../outside.xhtml" media-type="application/xhtml+xml"/>"#;
    let book = Book::with_opf(&opf(
        "2.0",
        manifest,
        r#"<spine><itemref idref="c1"/></spine>"#,
    ));
    assert_eq!(
        error_of(&book),
        EpubError::EscapingPath("../../outside.xhtml".into())
    );
}

/// A chapter of `len` spaces: deflates to about a thousandth of that.
fn bomb(len: usize) -> Book {
    let mut chapter = xhtml("en", "<p>x</p>").into_bytes();
    chapter.resize(len, b' ');
    epub2().file("OEBPS/text/ch2.xhtml", chapter)
}

#[test]
fn an_entry_that_inflates_past_the_limit() {
    let limits = Limits {
        entry: 1 << 20,
        book: 8 << 20,
    };
    let book = bomb((1 << 20) + 1).zip();
    assert!(book.len() < 20_000, "{} bytes", book.len());
    assert_eq!(
        read_with_limits(&book, limits),
        Err(EpubError::TooLarge {
            path: "OEBPS/text/ch2.xhtml".into(),
            limit: 1 << 20
        })
    );
    assert!(
        read_with_limits(&bomb(1 << 20).zip(), limits).is_ok(),
        "at the limit"
    );
}

#[test]
fn an_entry_that_inflates_past_the_real_limit() {
    let book = bomb(Limits::ENTRY as usize + 1).zip();
    assert!(book.len() < 200_000, "{} bytes", book.len());
    assert_eq!(
        read_epub(&book),
        Err(EpubError::TooLarge {
            path: "OEBPS/text/ch2.xhtml".into(),
            limit: Limits::ENTRY
        })
    );
}

#[test]
fn entries_that_inflate_past_the_book_limit_together() {
    let limits = Limits {
        entry: 1 << 20,
        book: 2 << 20,
    };
    let mut book = epub2();
    for chapter in ["ch1", "ch2", "ch3"] {
        let mut text = xhtml("en", "<p>x</p>").into_bytes();
        text.resize(900 << 10, b' ');
        book = book.file(&format!("OEBPS/text/{chapter}.xhtml"), text);
    }
    assert_eq!(
        read_with_limits(&book.zip(), limits),
        Err(EpubError::BookTooLarge { limit: 2 << 20 })
    );
}

#[test]
fn content_encrypted_by_encryption_xml() {
    let encryption = r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
        xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData>
        <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
        <enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData>
      </enc:EncryptedData>
    </encryption>"#;
    let error = error_of(&epub2().file("META-INF/encryption.xml", encryption));
    assert!(
        matches!(&error, EpubError::Encrypted(what) if what.contains("OEBPS/text/ch1.xhtml")),
        "{error:?}"
    );
    assert!(error.to_string().contains("DRM-protected"), "{error}");
}

#[test]
fn a_chapter_obfuscated_like_a_font_cannot_be_read_either() {
    let encryption = r#"<encryption xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
        <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
        <enc:CipherData><enc:CipherReference URI="OEBPS/text/ch3.xhtml"/></enc:CipherData>
      </enc:EncryptedData></encryption>"#;
    assert!(matches!(
        error_of(&epub2().file("META-INF/encryption.xml", encryption)),
        EpubError::Encrypted(_)
    ));
}

#[test]
fn adobe_adept_rights() {
    let rights = r#"<adept:rights xmlns:adept="http://ns.adobe.com/adept"/>"#;
    let error = error_of(&epub2().file("META-INF/rights.xml", rights));
    assert_eq!(
        error,
        EpubError::Encrypted("Adobe ADEPT: META-INF/rights.xml".into())
    );
}

#[test]
fn a_password_protected_entry() {
    let mut bytes = epub2().zip();
    // Set the "encrypted" flag of the first chapter in its local and central headers.
    let name = b"OEBPS/text/ch1.xhtml";
    let mut from = 0;
    while let Some(found) = bytes[from..].windows(name.len()).position(|w| w == name) {
        let at = from + found;
        let flags = match &bytes[at - 30..at - 26] {
            b"PK\x03\x04" => at - 30 + 6,
            _ => at - 46 + 8,
        };
        bytes[flags] |= 1;
        from = at + name.len();
    }
    assert_eq!(
        read_epub(&bytes),
        Err(EpubError::Encrypted(
            "OEBPS/text/ch1.xhtml is a password-protected zip entry".into()
        ))
    );
}

#[test]
fn empty_spine() {
    let manifest = r#"<item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/>"#;
    let book = Book::with_opf(&opf("2.0", manifest, "<spine/>")).file("OEBPS/ch1.xhtml", "x");
    assert_eq!(error_of(&book), EpubError::EmptySpine);
}

#[test]
fn garbage_in_the_package_document() {
    let book = epub2().file("OEBPS/content.opf", "<package><manifest></package>\u{0}");
    assert!(matches!(
        error_of(&book),
        EpubError::BadXml { path, .. } if path == "OEBPS/content.opf"
    ));
    let binary = epub2().file("OEBPS/content.opf", vec![0x9F; 300]);
    assert!(matches!(error_of(&binary), EpubError::BadXml { .. }));
}

#[test]
fn every_message_is_one_line_naming_what_it_is_about() {
    let errors = [
        EpubError::NotZip,
        EpubError::Truncated,
        EpubError::MissingSpineItem("OEBPS/a b.xhtml".into()),
        EpubError::TooLarge {
            path: "x".into(),
            limit: Limits::ENTRY,
        },
        EpubError::Encrypted("Adobe ADEPT: META-INF/rights.xml".into()),
    ];
    for error in errors {
        let message = error.to_string();
        assert_eq!(message.lines().count(), 1, "{message}");
    }
    assert_eq!(
        EpubError::MissingSpineItem("OEBPS/a b.xhtml".into()).to_string(),
        "OEBPS/a b.xhtml: a file of the reading order is missing from the book"
    );
}
