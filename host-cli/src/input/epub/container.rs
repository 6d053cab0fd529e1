//! `META-INF/container.xml`: where the package document (OPF) is.

use super::archive::Archive;
use super::paths::{resolve, Link};
use super::text::{decode, is, parse_xml};
use super::EpubError;

/// Where every EPUB says where its package document is.
pub(super) const CONTAINER: &str = "META-INF/container.xml";

/// The media type of a package document, which a container may list beside other renditions.
const PACKAGE_TYPE: &str = "application/oebps-package+xml";

/// The path in the archive of the book's package document: the container's first
/// `rootfile` of the package media type (the default rendition), else its first `rootfile`.
pub(super) fn package_path(archive: &Archive<'_>) -> Result<String, EpubError> {
    let bytes = archive
        .read(CONTAINER)?
        .ok_or(EpubError::MissingContainer)?;
    let (text, _) = decode(&bytes);
    let xml = parse_xml(CONTAINER, &text)?;
    let rootfiles: Vec<_> = xml.descendants().filter(|n| is(*n, "rootfile")).collect();
    let chosen = rootfiles
        .iter()
        .find(|n| n.attribute("media-type") == Some(PACKAGE_TYPE))
        .or(rootfiles.first())
        .and_then(|n| n.attribute("full-path"))
        .ok_or_else(|| EpubError::BadPackage {
            path: CONTAINER.into(),
            reason: "names no package document (no rootfile with a full-path)".into(),
        })?;
    match resolve("", chosen) {
        Some(Link::Inside { path, .. }) if !path.is_empty() => Ok(path),
        Some(_) => Err(EpubError::MissingPackage(chosen.to_owned())),
        None => Err(EpubError::EscapingPath(chosen.to_owned())),
    }
}
