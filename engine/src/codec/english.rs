//! The built-in English model.
//!
//! A short text cannot pay for a model of its own: the bundled article's trained model is
//! 483 bytes, 14% of its coded size. So the engine carries one model trained once on general
//! English prose (`docs/CODEC.md`, "The built-in model"), and a blob whose text it codes
//! better stores one byte, [`BUILTIN_ENGLISH`], instead of a model. It costs about 11.6 KB
//! of flash (feature `english`); without it such blobs fail with
//! [`Error::BuiltinModelMissing`](crate::Error::BuiltinModelMissing).

/// The model's bytes, in a static: one address, so [`Model::is_builtin`] can tell it from a
/// copy (a constant may be duplicated).
///
/// [`Model::is_builtin`]: super::Model::is_builtin
#[cfg(feature = "english")]
static ENGLISH: &[u8] = include_bytes!("english.model");

/// The built-in model's bytes, if this build carries it.
pub fn builtin_model() -> Option<&'static [u8]> {
    #[cfg(feature = "english")]
    return Some(ENGLISH);
    #[cfg(not(feature = "english"))]
    return None;
}

/// The model bytes that stand for the built-in English model. A first byte past the codec
/// versions, so that an engine that knows no built-in model turns it down as an unsupported
/// version.
pub const BUILTIN_ENGLISH: u8 = 0x81;

#[cfg(test)]
mod tests {
    use super::BUILTIN_ENGLISH;
    use crate::codec::Model;

    #[cfg(feature = "english")]
    #[test]
    fn the_byte_opens_the_built_in_model() {
        let model = Model::from_bytes(&[BUILTIN_ENGLISH]).unwrap();
        assert!(model.is_builtin());
        assert!(model.entries() > 1000);
    }

    #[cfg(not(feature = "english"))]
    #[test]
    fn a_build_without_it_says_so() {
        assert_eq!(
            Model::from_bytes(&[BUILTIN_ENGLISH]).err(),
            Some(crate::Error::BuiltinModelMissing)
        );
    }
}
