//! HTML main-text extraction (placeholder).
