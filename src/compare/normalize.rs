//! placeholder
use serde::{Deserialize, Serialize};
/// What counts as the same words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normalization { pub case: bool, pub punctuation: bool, pub spelling: bool }
impl Default for Normalization { fn default() -> Self { Normalization { case: true, punctuation: true, spelling: true } } }
