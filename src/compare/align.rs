//! placeholder
pub const DEFAULT_THRESHOLD: f32 = 0.5;
