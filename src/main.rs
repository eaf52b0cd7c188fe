//! The `parallax` binary (placeholder).
fn main() {}
