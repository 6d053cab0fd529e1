//! Writing outputs so that a failed run never leaves a partial or clobbered file.

use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same directory, then renames it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_with(path, |temp| std::fs::write(temp, bytes))
}

/// Lets `fill` write a temporary file beside `path` (same extension, so tools that go by it
/// still work), then renames it over `path`. If `fill` fails, `path` is untouched and the
/// temporary file is removed.
pub fn replace_with(
    path: &Path,
    fill: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let suffix = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".inkleaf-").suffix(&suffix);
    #[cfg(unix)]
    {
        // Temporary files are private by default; outputs are ordinary files.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let temp = builder.tempfile_in(dir)?;
    fill(temp.path())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
