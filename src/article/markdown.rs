//! Markdown read as a reader sees it.
//!
//! This module owns turning a Markdown file into the text of its article: the file is parsed
//! with `pulldown-cmark` (CommonMark) and its inline syntax rendered away, so links, emphasis,
//! code spans and images compare by their text ("[the report](https://…)" reads "the report",
//! an image its description), and raw HTML, link targets and reference definitions are left out.
//! Blocks keep a plain mark the segmenter knows ("## " for a heading of level 2, "- " or "3. "
//! for a list item, "> " for a quotation), one block per line with blank lines between them;
//! those marks stay outside every sentence, so only the rendered words are compared.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The rendered text of the Markdown `source` (see the module documentation).
pub fn render(source: &str) -> String {
    let mut renderer = Renderer::default();
    for event in Parser::new(source) {
        renderer.event(event);
    }
    renderer.flush();
    let end = renderer.out.trim_end().len();
    renderer.out.truncate(end);
    renderer.out
}

/// The renderer's state between events.
#[derive(Default)]
struct Renderer {
    /// The text rendered so far.
    out: String,
    /// The inline text of the block being read.
    block: String,
    /// The mark the block starts with (heading level, list item marker).
    mark: String,
    /// How many quotations the block is inside.
    quote_depth: usize,
    /// Per list the block is inside: the number of its next item (`None`: a bullet list).
    lists: Vec<Option<u64>>,
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(&tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.push_inline(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_inline(&text),
            Event::SoftBreak | Event::HardBreak => self.push_inline(" "),
            Event::Rule => self.flush(),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::CodeBlock(_) => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.mark = format!("{} ", "#".repeat(*level as usize));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(*start);
            }
            Tag::Item => {
                self.flush();
                self.mark = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        let mark = format!("{number}. ");
                        *number += 1;
                        mark
                    }
                    _ => "- ".to_owned(),
                };
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item => {
                self.flush();
                self.mark.clear();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            _ => {}
        }
    }

    /// Adds inline text to the block, its line breaks as spaces.
    fn push_inline(&mut self, text: &str) {
        for c in text.chars() {
            self.block
                .push(if matches!(c, '\n' | '\r') { ' ' } else { c });
        }
    }

    /// Writes the block read so far as a line of its own, with its marks, and starts the next.
    /// A mark not used yet (a list item whose text is in a paragraph to come) is kept for it.
    fn flush(&mut self) {
        let text = self.block.trim();
        if !text.is_empty() {
            for _ in 0..self.quote_depth {
                self.out.push_str("> ");
            }
            self.out.push_str(&self.mark);
            self.out.push_str(text);
            self.out.push_str("\n\n");
            self.mark.clear();
        }
        self.block.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_syntax_is_rendered_to_its_text() {
        assert_eq!(
            render(
                "The *council* voted **7 to 2** for [the plan](https://example.org/plan \"Plan\") \
                 and `ferry.sched`.\nA second line ![the new quay](quay.jpg) joins it."
            ),
            "The council voted 7 to 2 for the plan and ferry.sched. A second line the new quay \
             joins it."
        );
    }

    #[test]
    fn blocks_keep_their_marks_one_per_line() {
        let source = "# Quay reopens\n\nBy the harbour desk\n\n## What changes\n\n\
                      * Boats dock *earlier*\n* Fares stay\n\n3. third\n4. fourth\n\n\
                      > The quay is *ours* again.\n> She said.\n";
        assert_eq!(
            render(source),
            "# Quay reopens\n\nBy the harbour desk\n\n## What changes\n\n- Boats dock earlier\n\n\
             - Fares stay\n\n3. third\n\n4. fourth\n\n> The quay is ours again. She said."
        );
    }

    #[test]
    fn html_reference_definitions_and_rules_leave_nothing() {
        let source = "Before <span class=\"x\">the</span> vote.\n\n<div>\nraw block\n</div>\n\n\
                      ***\n\nSee [the minutes][m].\n\n[m]: https://example.org/minutes\n";
        assert_eq!(render(source), "Before the vote.\n\nSee the minutes.");
    }

    #[test]
    fn loose_list_items_and_their_paragraphs() {
        let source = "- First item.\n\n  Its second paragraph.\n\n- Second item.\n";
        assert_eq!(
            render(source),
            "- First item.\n\nIts second paragraph.\n\n- Second item."
        );
    }
}
