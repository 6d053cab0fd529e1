//! Paths inside the archive: checking entry names, and resolving the percent-encoded
//! relative links of the package, the tables of contents and the chapters.

/// Whether an entry name stays inside the archive: no absolute path, drive letter,
/// backslash or `..` segment. Names are meant to be plain `a/b/c` (zip and OCF both say so);
/// anything else is how a malicious archive reaches outside the folder it is unpacked to.
pub(super) fn is_safe_entry_name(name: &str) -> bool {
    let drive = name.as_bytes().get(1) == Some(&b':');
    !(name.starts_with('/')
        || name.contains('\\')
        || name.contains('\0')
        || drive
        || name.split('/').any(|segment| segment == ".."))
}

/// The folder of an entry, with its trailing slash, or "" at the root.
pub(super) fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |slash| &path[..=slash])
}

/// A link resolved against the folder of the file it is written in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Link {
    /// An entry of the archive, and the fragment after `#` (percent-decoded, may be empty).
    Inside { path: String, fragment: String },
    /// A link with a scheme (`https:`, `mailto:`): not a file of the book.
    External,
}

/// Resolves `href` (percent-encoded, relative, possibly with `#fragment` or `?query`)
/// against the folder of `from`, the entry it is written in, normalising `.` and `..`; a
/// bare `#fragment` is `from` itself. `None` when `..` climbs above the archive's root.
pub(super) fn resolve(from: &str, href: &str) -> Option<Link> {
    resolve_with(from, href, percent_decode)
}

/// [`resolve`] without percent-decoding the path: some books name their entries with the
/// escapes their links should have decoded (`Chapter%201.xhtml`), and readers find them.
pub(super) fn resolve_as_written(from: &str, href: &str) -> Option<Link> {
    resolve_with(from, href, str::to_owned)
}

fn resolve_with(from: &str, href: &str, decode: fn(&str) -> String) -> Option<Link> {
    let href = href.trim();
    if has_scheme(href) {
        return Some(Link::External);
    }
    let (rest, fragment) = href.split_once('#').unwrap_or((href, ""));
    let rest = rest.split_once('?').map_or(rest, |(path, _)| path);
    let decoded = decode(rest);
    // A root-relative link starts at the archive's root instead of the file's folder.
    let (base, relative) = match decoded.strip_prefix('/') {
        Some(relative) => ("", relative),
        None if decoded.is_empty() => {
            return Some(Link::Inside {
                path: from.to_owned(),
                fragment: percent_decode(fragment),
            })
        }
        None => (folder_of(from), decoded.as_str()),
    };
    let mut segments: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            name => segments.push(name),
        }
    }
    Some(Link::Inside {
        path: segments.join("/"),
        fragment: percent_decode(fragment),
    })
}

/// `https:`, `mailto:`, `data:`: a scheme is letters, digits, `+`, `-` or `.` before the
/// first `:`, and comes before any `/`.
fn has_scheme(href: &str) -> bool {
    let Some((scheme, _)) = href.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        // A one-letter "scheme" is a drive letter, which is no link either.
        && scheme.len() > 1
}

/// `%20` → space, `%C3%A9` → é. An escape that is not two hex digits, or bytes that are not
/// UTF-8 once decoded, leave the text as written.
pub(super) fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(decoded) => {
                out.push(decoded);
                i += 3;
            }
            None => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(path: &str, fragment: &str) -> Option<Link> {
        Some(Link::Inside {
            path: path.into(),
            fragment: fragment.into(),
        })
    }

    #[test]
    fn links_resolve_against_the_folder_of_their_file() {
        let opf = "OEBPS/content.opf";
        assert_eq!(
            resolve(opf, "text/ch1.xhtml"),
            inside("OEBPS/text/ch1.xhtml", "")
        );
        assert_eq!(
            resolve("OEBPS/text/ch1.xhtml", "../styles/a.css"),
            inside("OEBPS/styles/a.css", "")
        );
        assert_eq!(resolve("", "./a/./b.xhtml#p3"), inside("a/b.xhtml", "p3"));
        assert_eq!(resolve(opf, "/other/x.xhtml"), inside("other/x.xhtml", ""));
        assert_eq!(
            resolve("OEBPS/nav.xhtml", "#toc"),
            inside("OEBPS/nav.xhtml", "toc")
        );
    }

    #[test]
    fn links_are_percent_decoded_in_path_and_fragment() {
        assert_eq!(
            resolve("OEBPS/content.opf", "Chapter%20One%C3%A9.xhtml#s%C3%A9c"),
            inside("OEBPS/Chapter Oneé.xhtml", "séc")
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "%FF", "not UTF-8 once decoded");
    }

    #[test]
    fn climbing_above_the_root_is_no_link() {
        assert_eq!(resolve("OEBPS/content.opf", "../../etc/passwd"), None);
        assert_eq!(
            resolve("OEBPS/content.opf", "../META-INF/x"),
            inside("META-INF/x", "")
        );
    }

    #[test]
    fn schemes_are_external_and_drive_letters_are_not_schemes() {
        assert_eq!(resolve("", "https://example.com/a"), Some(Link::External));
        assert_eq!(resolve("", "mailto:a@b"), Some(Link::External));
        assert_ne!(resolve("", "c:x"), Some(Link::External));
    }

    #[test]
    fn unsafe_entry_names() {
        for name in ["../evil", "a/../../b", "/etc/x", "a\\b", "C:/x", "a/.."] {
            assert!(!is_safe_entry_name(name), "{name}");
        }
        for name in ["mimetype", "OEBPS/a b.xhtml", "a/..b/c", "META-INF/"] {
            assert!(is_safe_entry_name(name), "{name}");
        }
    }
}
