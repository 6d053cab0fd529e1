//! What a preview shows: a built blob, or inputs built in memory as `inkleaf build` would,
//! and whether they changed since.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use inkleaf::format::MAGIC;

use super::super::{build, load, BuildArgs};

/// A blob file, or the inputs of a build.
#[derive(Debug)]
pub(super) struct Source<'a> {
    args: &'a BuildArgs,
    /// The one input, when it is a built blob.
    blob: Option<PathBuf>,
}

impl<'a> Source<'a> {
    /// The source `args` name: a blob when its one input is one, else inputs to build.
    pub(super) fn new(args: &'a BuildArgs) -> Self {
        let blob = match args.inputs.as_slice() {
            [one] if is_blob(one) => Some(one.clone()),
            _ => None,
        };
        Source { args, blob }
    }

    /// The blob file shown, if the one input is a built blob.
    pub(super) fn blob(&self) -> Option<&Path> {
        self.blob.as_deref()
    }

    /// A name for the window title and errors.
    pub(super) fn name(&self) -> String {
        match self.args.inputs.as_slice() {
            [] => "the bundled article".into(),
            [one, ..] => one.display().to_string(),
        }
    }

    /// The blob's bytes: read, or built in memory.
    pub(super) fn bytes(&self) -> anyhow::Result<Vec<u8>> {
        match &self.blob {
            Some(path) => load::read_blob(path),
            None => {
                let name = PathBuf::from(format!("{} (in memory)", self.name()));
                Ok(build::in_memory(self.args, &name)?.1.blob)
            }
        }
    }

    /// When each input was last changed, to notice an edit.
    pub(super) fn stamp(&self) -> Vec<Option<SystemTime>> {
        self.args
            .inputs
            .iter()
            .map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
            .collect()
    }
}

/// Whether `path` holds a blob rather than a document: it starts with the blob's magic.
fn is_blob(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == MAGIC)
}
