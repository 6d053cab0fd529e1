//! The built-in English model.
//!
//! A short text cannot pay for a model of its own: the bundled article's trained model is
//! 483 bytes, 14% of its coded size. So the engine carries one model trained once on general
//! English prose (`docs/CODEC.md`, "The built-in model"), and a blob whose text it codes
//! better stores one byte, [`BUILTIN_ENGLISH`], instead of a model. It costs about 11.6 KB
//! of flash (feature `english`), and 10.4 KB more for its dictionary spelled out
//! (`codec::spelled`), which makes decoding half of an English text a byte copy. Without it
//! such blobs fail with [`Error::BuiltinModelMissing`](crate::Error::BuiltinModelMissing).

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

    /// Opening the built-in model skips decoding its dictionary entries (`Entries::Proven`):
    /// this is the proof. A copy lives at another address, so it is opened with every check.
    #[cfg(feature = "english")]
    #[test]
    fn every_check_passes_on_a_copy_of_it() {
        let copy = super::builtin_model().unwrap().to_vec();
        let checked = Model::from_bytes(&copy).expect("the built-in model passes every check");
        assert!(!checked.is_builtin());
        let trusted = Model::from_bytes(&[BUILTIN_ENGLISH]).unwrap();
        assert_eq!(
            (checked.entries(), checked.literals(), checked.contexts()),
            (trusted.entries(), trusted.literals(), trusted.contexts())
        );
    }

    /// The full check is not vacuous: the same bytes with one bit of an entry's spelling
    /// flipped are refused.
    #[cfg(feature = "english")]
    #[test]
    fn a_copy_with_a_damaged_entry_is_refused() {
        let english = super::builtin_model().unwrap();
        let mut refused = 0;
        // The spellings fill the model's last bytes: flip bits there, one at a time.
        for back in 2..34 {
            let mut copy = english.to_vec();
            let at = copy.len() - back;
            copy[at] ^= 0x10;
            refused += usize::from(Model::from_bytes(&copy).is_err());
        }
        assert!(refused > 0, "no damaged spelling was noticed");
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
