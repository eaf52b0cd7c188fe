//! Word (`.docx`) and OpenDocument (`.odt`) files: their paragraphs, headings and list items.
//!
//! Both are ZIP archives of XML parts. This module owns reading those parts (each decompressed
//! part is capped at [`MAX_PART_BYTES`], so a small "zip bomb" cannot fill the memory), walking
//! their XML for the body text, and finding the title in the document properties.
//! Deleted tracked changes, field codes, comments and notes are left out; tables give one block
//! per cell paragraph.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::document::{Block, DocumentText};

/// The most bytes one XML part of a document may decompress to (64 MiB).
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// Why a Word or OpenDocument file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    /// The file is not a ZIP archive, or a damaged one.
    #[error("not a valid {kind} file (damaged ZIP archive: {source})")]
    Archive {
        /// "Word" or "OpenDocument".
        kind: &'static str,
        /// What the ZIP reader said.
        #[source]
        source: zip::result::ZipError,
    },
    /// The archive lacks the part that holds the text.
    #[error("not a text document (the archive has no {part})")]
    MissingPart {
        /// The part's name in the archive.
        part: &'static str,
    },
    /// A part decompresses to more than the limit ([`MAX_PART_BYTES`]).
    #[error("{part} unpacks to more than {} MiB, too much for a document", limit >> 20)]
    TooLarge {
        /// The part's name in the archive.
        part: &'static str,
        /// The limit in bytes.
        limit: u64,
    },
    /// A part could not be decompressed.
    #[error("{part} could not be unpacked ({source})")]
    Unpack {
        /// The part's name in the archive.
        part: &'static str,
        /// What went wrong.
        #[source]
        source: std::io::Error,
    },
    /// A part is not well-formed XML.
    #[error("{part} is damaged (XML error: {source})")]
    Xml {
        /// The part's name in the archive.
        part: &'static str,
        /// What the XML reader said.
        #[source]
        source: quick_xml::Error,
    },
}

/// The XML vocabulary of one of the two formats.
struct Dialect {
    /// The format's name in messages.
    kind: &'static str,
    /// The part holding the body.
    body_part: &'static str,
    /// The part holding the document properties (with `dc:title`).
    properties_part: &'static str,
    /// Reads the body part.
    read_body: fn(&str) -> Result<DocumentText, quick_xml::Error>,
}

const DOCX: Dialect = Dialect {
    kind: "Word",
    body_part: "word/document.xml",
    properties_part: "docProps/core.xml",
    read_body: read_docx_xml,
};

const ODT: Dialect = Dialect {
    kind: "OpenDocument",
    body_part: "content.xml",
    properties_part: "meta.xml",
    read_body: read_odt_xml,
};

/// The text and title of the Word file `bytes`.
///
/// # Errors
/// An [`OfficeError`] saying what is wrong with the file.
pub fn read_docx(bytes: &[u8]) -> Result<DocumentText, OfficeError> {
    read(bytes, &DOCX)
}

/// The text and title of the OpenDocument text file `bytes`.
///
/// # Errors
/// An [`OfficeError`] saying what is wrong with the file.
pub fn read_odt(bytes: &[u8]) -> Result<DocumentText, OfficeError> {
    read(bytes, &ODT)
}

fn read(bytes: &[u8], dialect: &Dialect) -> Result<DocumentText, OfficeError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|source| OfficeError::Archive {
            kind: dialect.kind,
            source,
        })?;
    let body = part(&mut archive, dialect, dialect.body_part, MAX_PART_BYTES)?.ok_or(
        OfficeError::MissingPart {
            part: dialect.body_part,
        },
    )?;
    let mut document = (dialect.read_body)(&body).map_err(|source| OfficeError::Xml {
        part: dialect.body_part,
        source,
    })?;
    // The properties only name the title: a damaged or missing one is passed over.
    if let Ok(Some(properties)) = part(
        &mut archive,
        dialect,
        dialect.properties_part,
        MAX_PART_BYTES,
    ) {
        document.set_title(element_text(&properties, b"title"));
    }
    Ok(document)
}

/// The part `name` of `archive` as text, or `None` if the archive has no such part; a part that
/// unpacks to more than `limit` bytes is refused.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    dialect: &Dialect,
    name: &'static str,
    limit: u64,
) -> Result<Option<String>, OfficeError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(source) => {
            return Err(OfficeError::Archive {
                kind: dialect.kind,
                source,
            });
        }
    };
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| OfficeError::Unpack { part: name, source })?;
    if bytes.len() as u64 > limit {
        return Err(OfficeError::TooLarge { part: name, limit });
    }
    // The parts are UTF-8 by the standards; a stray invalid byte should not lose the document.
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// The text of the first element named `local` (any namespace) in `xml`.
fn element_text(xml: &str, local: &[u8]) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == local => inside = true,
            Event::End(e) if inside && e.local_name().as_ref() == local => return Some(text),
            Event::Text(t) if inside => text.push_str(&t.xml10_content().ok()?),
            Event::GeneralRef(r) if inside => push_reference(&mut text, &r),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Appends the character an entity or character reference (`&amp;`, `&#233;`) stands for.
fn push_reference(text: &mut String, reference: &quick_xml::events::BytesRef<'_>) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        text.push(c);
    } else if let Ok(name) = reference.decode()
        && let Some(value) = quick_xml::escape::resolve_predefined_entity(&name)
    {
        text.push_str(value);
    }
}

/// The value of the attribute `local` (any prefix) of `element`.
fn attribute(element: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The block being read and where text goes.
#[derive(Default)]
struct BodyWalk {
    document: DocumentText,
    /// The text of the paragraph being read.
    paragraph: String,
    /// What the paragraph is, once its properties say.
    block: Option<Block>,
    /// Depth inside elements whose text is not part of the body (deleted text, notes, fields).
    skipped_depth: usize,
}

impl BodyWalk {
    fn finish_paragraph(&mut self) {
        let block = self.block.take().unwrap_or(Block::Paragraph);
        self.document.push(block, &self.paragraph);
        self.paragraph.clear();
    }
}

/// Reads the XML of `word/document.xml`: `w:p` paragraphs of `w:t` runs; a paragraph style "Title" or
/// "Heading…" (or an outline level) makes a heading, numbering properties a list item.
pub fn read_docx_xml(xml: &str) -> Result<DocumentText, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut walk = BodyWalk::default();
    let mut in_text = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"delText" | b"instrText" | b"footnoteReference" | b"commentReference" => {
                    walk.skipped_depth += 1;
                }
                b"t" if walk.skipped_depth == 0 => in_text = true,
                b"p" => walk.block = None,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"pStyle" => {
                    let style = attribute(&e, b"val").unwrap_or_default().to_lowercase();
                    if style.starts_with("heading") || style == "title" {
                        walk.block = Some(Block::Heading);
                    } else if style.starts_with("list") && walk.block.is_none() {
                        walk.block = Some(Block::ListItem);
                    }
                }
                b"outlineLvl" if walk.block.is_none() => walk.block = Some(Block::Heading),
                // numId 0 means "no numbering".
                b"numId"
                    if walk.block != Some(Block::Heading)
                        && attribute(&e, b"val").is_some_and(|v| v != "0") =>
                {
                    walk.block = Some(Block::ListItem);
                }
                b"tab" | b"br" | b"cr" if walk.skipped_depth == 0 => walk.paragraph.push(' '),
                _ => {}
            },
            Event::Text(t) if in_text => walk.paragraph.push_str(&t.xml10_content()?),
            Event::GeneralRef(r) if in_text => push_reference(&mut walk.paragraph, &r),
            Event::End(e) => match e.local_name().as_ref() {
                b"delText" | b"instrText" | b"footnoteReference" | b"commentReference" => {
                    walk.skipped_depth = walk.skipped_depth.saturating_sub(1);
                }
                b"t" => in_text = false,
                b"p" => walk.finish_paragraph(),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(walk.document)
}

/// Reads the XML of an OpenDocument `content.xml`: `text:p` paragraphs and `text:h` headings, list items as paragraphs
/// inside `text:list-item`; a paragraph style named "Title" makes a heading.
pub fn read_odt_xml(xml: &str) -> Result<DocumentText, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut walk = BodyWalk::default();
    let mut in_body = false;
    let mut list_depth = 0usize;
    // Paragraphs nest (a note's text inside a paragraph): the outer one resumes afterwards.
    let mut paragraph_depth = 0usize;
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"text" if e.name().as_ref() == b"office:text" => in_body = true,
                b"note" | b"annotation" | b"tracked-changes" | b"deletion" => {
                    walk.skipped_depth += 1;
                }
                b"list-item" | b"list-header" => list_depth += 1,
                b"p" | b"h" if walk.skipped_depth == 0 && in_body => {
                    paragraph_depth += 1;
                    if paragraph_depth == 1 {
                        walk.block = Some(odt_block(&e, list_depth));
                    }
                }
                _ => {}
            },
            Event::Empty(e) if walk.skipped_depth == 0 && paragraph_depth > 0 => {
                match e.local_name().as_ref() {
                    b"s" => {
                        let count = attribute(&e, b"c")
                            .and_then(|c| c.parse::<usize>().ok())
                            .unwrap_or(1);
                        walk.paragraph.push_str(&" ".repeat(count.min(64)));
                    }
                    b"tab" | b"line-break" => walk.paragraph.push(' '),
                    _ => {}
                }
            }
            Event::Text(t) if walk.skipped_depth == 0 && paragraph_depth > 0 => {
                walk.paragraph.push_str(&t.xml10_content()?);
            }
            Event::GeneralRef(r) if walk.skipped_depth == 0 && paragraph_depth > 0 => {
                push_reference(&mut walk.paragraph, &r);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"text" if e.name().as_ref() == b"office:text" => in_body = false,
                b"note" | b"annotation" | b"tracked-changes" | b"deletion" => {
                    walk.skipped_depth = walk.skipped_depth.saturating_sub(1);
                }
                b"list-item" | b"list-header" => list_depth = list_depth.saturating_sub(1),
                b"p" | b"h" if walk.skipped_depth == 0 && paragraph_depth > 0 => {
                    paragraph_depth -= 1;
                    if paragraph_depth == 0 {
                        walk.finish_paragraph();
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(walk.document)
}

/// What an ODT `text:p` or `text:h` element is.
fn odt_block(element: &BytesStart<'_>, list_depth: usize) -> Block {
    let style = attribute(element, b"style-name")
        .unwrap_or_default()
        .to_lowercase();
    if element.local_name().as_ref() == b"h" || style == "title" || style.starts_with("heading") {
        Block::Heading
    } else if list_depth > 0 {
        Block::ListItem
    } else {
        Block::Paragraph
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A ZIP archive of `parts`, stored (uncompressed).
    fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, content) in parts {
            writer.start_file(*name, options).expect("entry");
            writer.write_all(content.as_bytes()).expect("in memory");
        }
        writer.finish().expect("in memory").into_inner()
    }

    const DOCX_BODY: &str = r#"<?xml version="1.0"?>
<w:document xmlns:w="x"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Ferry &amp; bridge</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The ferry </w:t></w:r><w:del><w:r><w:delText>never</w:delText></w:r></w:del><w:r><w:t>sails</w:t><w:tab/><w:t>at dawn.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Fares</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Adults pay &#8364;4.</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>Children ride free.</w:t></w:r></w:p>
</w:body></w:document>"#;

    #[test]
    fn docx_paragraphs_headings_and_lists() {
        let bytes = archive(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", DOCX_BODY),
        ]);
        let document = read_docx(&bytes).expect("reads");
        assert_eq!(
            document.text,
            "Ferry & bridge\n\nThe ferry sails at dawn.\n\nFares\n\n• Adults pay €4.\n\nChildren ride free."
        );
        assert_eq!(document.title.as_deref(), Some("Ferry & bridge"));
    }

    #[test]
    fn docx_title_comes_from_the_properties() {
        let core = r#"<cp:coreProperties xmlns:dc="d"><dc:title>Harbour report</dc:title></cp:coreProperties>"#;
        let bytes = archive(&[
            ("word/document.xml", DOCX_BODY),
            ("docProps/core.xml", core),
        ]);
        let document = read_docx(&bytes).expect("reads");
        assert_eq!(document.title.as_deref(), Some("Harbour report"));
    }

    #[test]
    fn odt_paragraphs_headings_lists_and_spaces() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
<text:sequence-decls/>
<text:h text:outline-level="1">Night ferry</text:h>
<text:p text:style-name="P1">Two<text:s text:c="2"/>boats<text:tab/>wait<text:note><text:note-body><text:p>A note.</text:p></text:note-body></text:note> by the pier.</text:p>
<text:list><text:list-item><text:p>First stop.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"#;
        let meta = r#"<office:document-meta xmlns:dc="d"><office:meta><dc:title>River log</dc:title></office:meta></office:document-meta>"#;
        let bytes = archive(&[("content.xml", content), ("meta.xml", meta)]);
        let document = read_odt(&bytes).expect("reads");
        assert_eq!(
            document.text,
            "Night ferry\n\nTwo boats wait by the pier.\n\n• First stop."
        );
        assert_eq!(document.title.as_deref(), Some("River log"));
    }

    #[test]
    fn a_part_that_unpacks_too_large_is_refused() {
        let bytes = archive(&[("word/document.xml", &"x".repeat(3 << 20))]);
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("archive");
        let error = part(&mut zip, &DOCX, "word/document.xml", 2 << 20).unwrap_err();
        assert_eq!(
            error.to_string(),
            "word/document.xml unpacks to more than 2 MiB, too much for a document"
        );
        assert!(part(&mut zip, &DOCX, "word/document.xml", 3 << 20).is_ok());
    }

    #[test]
    fn damage_is_named() {
        let not_zip = read_docx(b"PK\x03\x04 not really").unwrap_err();
        assert!(
            not_zip.to_string().starts_with("not a valid Word file"),
            "{not_zip}"
        );
        let no_body = read_odt(&archive(&[("mimetype", "x")])).unwrap_err();
        assert_eq!(
            no_body.to_string(),
            "not a text document (the archive has no content.xml)"
        );
        let broken =
            read_docx(&archive(&[("word/document.xml", "<w:p><w:t>x</w:q>")])).unwrap_err();
        assert!(
            broken
                .to_string()
                .starts_with("word/document.xml is damaged"),
            "{broken}"
        );
    }
}
