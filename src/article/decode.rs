//! Decoding bytes to text (placeholder).
