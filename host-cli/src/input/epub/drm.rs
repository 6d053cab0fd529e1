//! Telling a DRM-protected book from an ordinary one, which may still obfuscate its fonts.

use super::archive::Archive;
use super::paths::{resolve, Link};
use super::text::{decode, is, parse_xml};
use super::EpubError;

/// Where OCF lists a book's encrypted files.
const ENCRYPTION: &str = "META-INF/encryption.xml";

/// Files whose presence means a DRM scheme holds the book's key, with the scheme's name.
const DRM_MARKERS: [(&str, &str); 3] = [
    ("META-INF/rights.xml", "Adobe ADEPT"),
    ("META-INF/sinf.xml", "Apple FairPlay"),
    ("META-INF/license.lcpl", "Readium LCP"),
];

/// Font obfuscation, not encryption: ordinary books mangle the first bytes of embedded fonts
/// with these so that the fonts cannot be lifted out whole. The text stays readable.
const FONT_OBFUSCATION: [&str; 2] = [
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
];

/// The files a book obfuscates (with [`FONT_OBFUSCATION`]): its fonts, which are not read.
/// Refuses the book when a DRM scheme's files are there, or when `encryption.xml` encrypts
/// anything with another algorithm.
pub(super) fn obfuscated_files(archive: &Archive<'_>) -> Result<Vec<String>, EpubError> {
    if let Some((path, scheme)) = DRM_MARKERS.iter().find(|(p, _)| archive.contains(p)) {
        return Err(EpubError::Encrypted(format!("{scheme}: {path}")));
    }
    let Some(bytes) = archive.read(ENCRYPTION)? else {
        return Ok(Vec::new());
    };
    let (text, _) = decode(&bytes);
    let xml = parse_xml(ENCRYPTION, &text)?;
    let mut obfuscated = Vec::new();
    for data in xml.descendants().filter(|n| is(*n, "EncryptedData")) {
        let algorithm = data
            .descendants()
            .find(|n| is(*n, "EncryptionMethod"))
            .and_then(|n| n.attribute("Algorithm"))
            .unwrap_or_default();
        // Relative to the archive's root, as OCF says of META-INF's files.
        let uri = data
            .descendants()
            .find(|n| is(*n, "CipherReference"))
            .and_then(|n| n.attribute("URI"))
            .unwrap_or_default();
        if !FONT_OBFUSCATION.contains(&algorithm.trim()) {
            return Err(EpubError::Encrypted(format!(
                "{ENCRYPTION} encrypts {uri} with {algorithm}"
            )));
        }
        if let Some(Link::Inside { path, .. }) = resolve("", uri) {
            obfuscated.push(path);
        }
    }
    Ok(obfuscated)
}
