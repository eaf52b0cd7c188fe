//! Report renderers (HTML, Markdown, JSON) on small invented stories: the HTML page is
//! self-contained and safe with hostile text, every sentence is anchored and kept in its
//! article's order, swapped words are marked; Markdown escapes article text; JSON offsets hold.

use std::collections::HashSet;

use parallax::article::{Article, Format};
use parallax::compare::{Comparison, Options, SentenceRef, compare};
use parallax::report::{ReportFormat, ReportOptions, render, render_with};

const HEADLINE: &str = "Storm floods the old mill district of Brenna overnight";
const RAIN: &str = "Heavy rain pushed the Lune river over its banks late on Tuesday, flooding dozens of streets \
                    in the old mill district.";
const EVACUATED: &str = "Emergency crews evacuated about 300 residents to the town sports hall shortly before \
                         midnight.";
const EVACUATED_SWAPPED: &str = "Emergency crews evacuated about 300 tenants to the town sports hall shortly \
                                 before midnight.";
const WALL: &str =
    "The mayor said the *new* flood_wall had held | along most of the quay on Wednesday.";
const BRIDGE: &str =
    "Engineers will inspect the damaged footbridge near the weir on Thursday morning.";
const HOSTILE: &str = "A sign on the bakery read <script>alert(1)</script> and \"><img src=x onerror=alert(2)> \
                       in red paint.";

/// One sentence per paragraph, so the story segments the same whatever the segmenter does
/// inside paragraphs.
fn article(label: &str, sentences: &[&str]) -> Article {
    Article::from_text(
        label,
        format!("{label}.txt"),
        sentences.join("\n\n"),
        Format::Text,
    )
}

/// Two versions of a five-sentence story: one word swapped, and one sentence each of its own
/// (the second version's, with hostile markup, comes early, so rows must really be aligned).
fn two_versions() -> Comparison {
    let gazette = article(
        "Harbour Gazette",
        &[HEADLINE, RAIN, EVACUATED, WALL, BRIDGE],
    );
    let courier = article(
        "Valley Courier",
        &[HEADLINE, HOSTILE, RAIN, EVACUATED_SWAPPED, WALL],
    );
    compare(vec![gazette, courier], &Options::default())
}

/// The sentence of article `article` whose text contains `needle`.
fn find_sentence(c: &Comparison, article: usize, needle: &str) -> SentenceRef {
    let index = (0..c.articles[article].sentences.len())
        .find(|&s| c.articles[article].sentence_text(s).contains(needle))
        .unwrap_or_else(|| panic!("no sentence of article {article} contains {needle:?}"));
    SentenceRef::new(article, index)
}

/// Every tag of an HTML page whose text is escaped: what sits between `<` and `>`.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .collect()
}

/// The names of a tag's attributes (values are escaped, so `="` only starts a value).
fn attribute_names(tag: &str) -> Vec<&str> {
    tag.match_indices("=\"")
        .map(|(i, _)| {
            let before = &tag[..i];
            &before[before.rfind(char::is_whitespace).map_or(0, |p| p + 1)..]
        })
        .collect()
}

/// The values of attribute `name` in every tag.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    let mut values = Vec::new();
    for tag in tags(html) {
        for (i, _) in tag.match_indices(&needle) {
            if let Some((value, _)) = tag[i + needle.len()..].split_once('"') {
                values.push(value);
            }
        }
    }
    values
}

fn anchor(r: SentenceRef) -> String {
    format!("s-{}-{}", r.article, r.sentence)
}

/// The table row (`<tr>…</tr>`) of the aligned view holding sentence `r`.
fn row_holding(html: &str, r: SentenceRef) -> &str {
    let id = format!("id=\"{}\"", anchor(r));
    let at = html.find(&id).unwrap_or_else(|| panic!("no anchor {id}"));
    let start = html[..at].rfind("<tr>").expect("sentence inside a row");
    let end = at + html[at..].find("</tr>").expect("row closes");
    &html[start..end]
}

#[test]
fn html_is_self_contained_with_a_strict_policy() {
    let html = render(&two_versions(), ReportFormat::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "no script element may appear"
    );
    let csp = tags(&html)
        .into_iter()
        .find(|t| t.contains("http-equiv=\"Content-Security-Policy\""))
        .expect("a Content-Security-Policy meta tag");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("style-src 'sha256-"), "{csp}");
    assert!(!csp.contains("unsafe"), "{csp}");
    let csp_at = html.find("Content-Security-Policy").expect("policy");
    assert!(
        csp_at < html.find("<style>").expect("style block"),
        "the policy precedes the styles"
    );
    assert_eq!(
        html.matches("<style>").count(),
        1,
        "exactly one style block (the hashed one)"
    );
    for tag in tags(&html) {
        let lower = tag.to_ascii_lowercase();
        assert!(
            !lower.contains("http:") && !lower.contains("https:"),
            "remote reference in <{tag}>"
        );
        let name = lower.split_whitespace().next().unwrap_or("");
        assert!(
            ![
                "img", "link", "iframe", "object", "embed", "script", "base", "form"
            ]
            .contains(&name),
            "<{tag}>"
        );
        for attribute in attribute_names(&lower) {
            assert!(
                !["src", "style", "srcset", "action"].contains(&attribute),
                "<{tag}>"
            );
            assert!(!attribute.starts_with("on"), "event handler in <{tag}>");
        }
    }
    for href in attribute_values(&html, "href") {
        assert!(href.starts_with('#'), "only links inside the page: {href}");
    }
    assert!(
        !html.contains("url(") && !html.contains("@import"),
        "the CSS loads nothing"
    );
}

#[test]
fn html_escapes_hostile_article_text() {
    let mut c = two_versions();
    c.articles[1].label = "Courier <b>\"&'</b>".to_owned();
    let html = render(&c, ReportFormat::Html);
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("\"><img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(!html.contains("Courier <b>"));
    assert!(html.contains("Courier &lt;b&gt;&quot;&amp;'&lt;/b&gt;"));
}

#[test]
fn html_shows_every_label_and_anchors_every_sentence_once() {
    let c = two_versions();
    let html = render(&c, ReportFormat::Html);
    assert!(
        html.contains(&format!("<h1>{HEADLINE}</h1>")),
        "titled by the headline"
    );
    assert!(html.contains(&format!("<title>{HEADLINE}</title>")));
    for article in &c.articles {
        assert!(html.contains(&article.label), "label {}", article.label);
    }
    let ids: Vec<&str> = attribute_values(&html, "id");
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    for (a, article) in c.articles.iter().enumerate() {
        for s in 0..article.sentences.len() {
            let id = anchor(SentenceRef::new(a, s));
            assert!(unique.contains(id.as_str()), "anchor {id}");
        }
    }
    for href in attribute_values(&html, "href") {
        assert!(unique.contains(&href[1..]), "link {href} leads nowhere");
    }
}

#[test]
fn html_marks_the_swapped_word_against_the_counterpart() {
    let c = two_versions();
    let html = render(&c, ReportFormat::Html);
    let gazette = find_sentence(&c, 0, "residents");
    let courier = find_sentence(&c, 1, "tenants");
    let row = row_holding(&html, courier);
    assert!(
        row.contains(&format!("id=\"{}\"", anchor(gazette))),
        "the two versions share a row: {row}"
    );
    assert!(
        row.contains("<mark class=\"d\">residents</mark>")
            && row.contains("<mark class=\"d\">tenants</mark>"),
        "neither version is known to be the original: both marked neutrally: {row}"
    );
    assert!(!row.contains("<del>") && !row.contains("<ins>"), "{row}");
    let rain_row = row_holding(&html, find_sentence(&c, 0, "Lune river"));
    assert!(rain_row.contains(&format!(
        "id=\"{}\"",
        anchor(find_sentence(&c, 1, "Lune river"))
    )));
    assert!(
        !rain_row.contains("<del>") && !rain_row.contains("<ins>"),
        "identical sentences carry no marks"
    );
    // Which came first is undetermined: the substitutions table joins the two without an arrow.
    let swap_row = html
        .split("<tr>")
        .find(|r| r.contains("“tenants”") && r.contains("“residents”"))
        .expect("the swap's row in the substitutions table");
    assert!(
        swap_row.contains(" / ") && swap_row.contains("(differs)") && !swap_row.contains(" → "),
        "{swap_row}"
    );
    let hostile_row = row_holding(&html, find_sentence(&c, 1, "bakery"));
    assert!(
        !hostile_row.contains("id=\"s-0-"),
        "unique text added by one version gets a row of its own"
    );
}

#[test]
fn html_marks_a_copy_against_its_original_and_leaves_the_original_as_it_is() {
    // The same two files in either order: the direction model, not the order, decides which
    // side is marked.
    let original = || {
        article(
            "Harbour Gazette",
            &[HEADLINE, RAIN, EVACUATED, WALL, BRIDGE, HOSTILE],
        )
    };
    let copy = || article("Valley Courier", &[HEADLINE, RAIN, EVACUATED_SWAPPED]);
    for original_first in [true, false] {
        let (articles, original_at, copy_at) = if original_first {
            (vec![original(), copy()], 0, 1)
        } else {
            (vec![copy(), original()], 1, 0)
        };
        let c = compare(articles, &Options::default());
        assert!(
            c.lineage
                .iter()
                .any(|d| d.known && d.original == original_at && d.copy == copy_at),
            "the short version is taken from the long one: {:?}",
            c.lineage
        );
        let html = render(&c, ReportFormat::Html);
        let row = row_holding(&html, find_sentence(&c, copy_at, "tenants"));
        // The row's last two cells are the articles' columns, in input order.
        let cells: Vec<&str> = row.split("<td").collect();
        let [.., first, second] = cells.as_slice() else {
            panic!("two cells: {row}");
        };
        let (original_cell, copy_cell) = if original_first {
            (first, second)
        } else {
            (second, first)
        };
        assert!(
            copy_cell.contains("<del>residents</del> <ins>tenants</ins>"),
            "{copy_cell}"
        );
        assert!(
            original_cell.contains("300 residents to")
                && !original_cell.contains("<del>")
                && !original_cell.contains("<ins>")
                && !original_cell.contains("<mark"),
            "the original's own words are not marked as changed: {original_cell}"
        );
        let arrow =
            "<a href=\"#a-{o}\">Harbour Gazette</a> → <a href=\"#a-{k}\">Valley Courier</a>"
                .replace("{o}", &original_at.to_string())
                .replace("{k}", &copy_at.to_string());
        let key = &html[..html.find("id=\"summary\"").expect("a summary")];
        assert!(
            key.contains(&arrow),
            "key findings and tree read original → copy: {key}"
        );
    }
}

#[test]
fn html_keeps_each_article_in_its_own_order_when_paragraphs_move() {
    let original = article(
        "Harbour Gazette",
        &[HEADLINE, RAIN, EVACUATED, WALL, BRIDGE],
    );
    let moved = article("Valley Courier", &[HEADLINE, BRIDGE, RAIN, EVACUATED, WALL]);
    let c = compare(vec![original, moved], &Options::default());
    let html = render(&c, ReportFormat::Html);
    for (a, article) in c.articles.iter().enumerate() {
        let positions: Vec<usize> = (0..article.sentences.len())
            .map(|s| {
                html.find(&format!("id=\"{}\"", anchor(SentenceRef::new(a, s))))
                    .expect("anchor")
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "article {a} is shown in its own order"
        );
    }
    let bridge = find_sentence(&c, 1, "footbridge");
    let elsewhere = find_sentence(&c, 0, "footbridge");
    let row = row_holding(&html, bridge);
    assert!(
        row.contains("↗ also in"),
        "the moved sentence points to its counterpart: {row}"
    );
    assert!(
        row.contains(&format!("href=\"#{}\"", anchor(elsewhere))),
        "{row}"
    );
}

#[test]
fn html_puts_each_versions_own_sentences_at_one_place_side_by_side() {
    let gazette = article(
        "Harbour Gazette",
        &[HEADLINE, RAIN, EVACUATED, WALL, BRIDGE],
    );
    let courier = article(
        "Valley Courier",
        &[HEADLINE, RAIN, EVACUATED_SWAPPED, WALL, HOSTILE],
    );
    let c = compare(vec![gazette, courier], &Options::default());
    let html = render(&c, ReportFormat::Html);
    let row = row_holding(&html, find_sentence(&c, 0, "footbridge"));
    assert!(
        row.contains(&format!(
            "id=\"{}\"",
            anchor(find_sentence(&c, 1, "bakery"))
        )),
        "{row}"
    );
}

/// Four versions of the story: the full one, a copy with one word swapped, a shortened copy
/// and a copy with a sentence of its own.
fn four_versions() -> Comparison {
    let full = [HEADLINE, RAIN, EVACUATED, WALL, BRIDGE];
    compare(
        vec![
            article("Harbour Gazette", &full),
            article(
                "Valley Courier",
                &[HEADLINE, RAIN, EVACUATED_SWAPPED, WALL, BRIDGE],
            ),
            article("Lune Post", &[HEADLINE, RAIN, EVACUATED]),
            article(
                "Quay Weekly",
                &[HEADLINE, RAIN, EVACUATED, WALL, BRIDGE, HOSTILE],
            ),
        ],
        &Options::default(),
    )
}

#[test]
fn html_of_many_versions_prints_one_column_with_every_sentence_anchored_once() {
    let c = four_versions();
    for changes_only in [false, true] {
        let options = ReportOptions { changes_only };
        let html = render_with(&c, ReportFormat::Html, &options);
        assert!(
            !html.contains("<table class=\"aligned\""),
            "no side-by-side columns"
        );
        let ids: Vec<&str> = attribute_values(&html, "id");
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "ids are unique");
        for (a, article) in c.articles.iter().enumerate() {
            assert!(unique.contains(format!("a-{a}").as_str()));
            for s in 0..article.sentences.len() {
                let id = anchor(SentenceRef::new(a, s));
                assert!(unique.contains(id.as_str()), "anchor {id}");
            }
        }
        for href in attribute_values(&html, "href") {
            assert!(unique.contains(&href[1..]), "link {href} leads nowhere");
        }
        assert_eq!(
            html.contains("the same in both"),
            changes_only,
            "only \"changes only\" leaves shared text out"
        );
    }
    let full = render(&c, ReportFormat::Html);
    let short = render_with(
        &c,
        ReportFormat::Html,
        &ReportOptions { changes_only: true },
    );
    let shown = |html: &str| html.matches(RAIN).count();
    assert!(
        shown(&short) < shown(&full),
        "shared sentences are left out"
    );
}

#[test]
fn html_changes_only_of_two_versions_leaves_their_shared_text_out() {
    let c = two_versions();
    let full = render(&c, ReportFormat::Html);
    let short = render_with(
        &c,
        ReportFormat::Html,
        &ReportOptions { changes_only: true },
    );
    assert!(
        full.contains("<table class=\"aligned\""),
        "side by side in full"
    );
    assert!(!short.contains("<table class=\"aligned\""), "in pairs");
    assert!(short.contains("the same in both"), "shared text left out");
    // The sentence both carry word for word: in both columns in full, once with changes only
    // (in the version shown whole).
    let text = |html: &str| html[html.find("id=\"text\"").expect("the text section")..].to_owned();
    assert_eq!(text(&full).matches(RAIN).count(), 2);
    assert_eq!(text(&short).matches(RAIN).count(), 1);
}

#[test]
fn html_lists_an_omitted_passage_once_with_every_article_that_lacks_it() {
    let full = [HEADLINE, RAIN, EVACUATED, WALL, BRIDGE];
    let short = [HEADLINE, RAIN, EVACUATED, WALL];
    let c = compare(
        vec![
            article("Harbour Gazette", &full),
            article("Valley Courier", &full),
            article("Quay Weekly", &full),
            article("Lune Post", &short),
            article("Mill Times", &short),
        ],
        &Options::default(),
    );
    let lacking = c
        .omissions
        .iter()
        .filter(|o| o.text.contains("footbridge"))
        .count();
    assert_eq!(lacking, 2, "{:?}", c.omissions);
    let html = render(&c, ReportFormat::Html);
    let omissions = &html[html.find("Missing from").expect("the omissions table")
        ..html.find("id=\"text\"").expect("the text section")];
    let rows: Vec<&str> = omissions
        .split("<tr>")
        .filter(|row| row.contains("footbridge"))
        .collect();
    assert_eq!(rows.len(), 1, "one row for the passage: {omissions}");
    for label in [
        "Lune Post",
        "Mill Times",
        "Harbour Gazette",
        "Valley Courier",
        "Quay Weekly",
    ] {
        assert!(rows[0].contains(label), "{label} in {}", rows[0]);
    }
}

#[test]
fn html_of_many_versions_shows_each_copy_against_its_original() {
    let c = four_versions();
    let html = render(&c, ReportFormat::Html);
    let text = &html[html.find("id=\"text\"").expect("the text section")..];
    let section = |a: usize| text.find(&format!("id=\"a-{a}\"")).expect("a section");
    let copies: HashSet<usize> = c
        .lineage
        .iter()
        .filter(|d| d.known)
        .map(|d| d.copy)
        .collect();
    assert!(!copies.is_empty(), "{:?}", c.lineage);
    for copy in copies {
        let label = &c.articles[copy].label;
        // A copy of two versions is shown against one of them, after it.
        let shown_against = c
            .lineage
            .iter()
            .filter(|d| d.known && d.copy == copy)
            .find(|d| {
                let original = &c.articles[d.original].label;
                text.contains(&format!("{label} against its original, {original}"))
            })
            .unwrap_or_else(|| panic!("{label} against an original"));
        assert!(
            section(shown_against.original) < section(copy),
            "original first"
        );
    }
}

#[test]
fn html_report_opens_with_key_findings_and_the_version_tree() {
    let c = four_versions();
    let html = render(&c, ReportFormat::Html);
    let key = html.find("id=\"key\"").expect("a key findings section");
    let tree = html.find("Version tree").expect("the version tree");
    let summary = html.find("id=\"summary\"").expect("the summary");
    assert!(
        key < tree && tree < summary,
        "key findings and tree come first"
    );
    let (changes, tree) = (&html[key..tree], &html[tree..summary]);
    assert!(!c.key_changes.is_empty() && !c.lineage.is_empty());
    let link = |a: usize| format!("<a href=\"#a-{a}\">{}</a>", c.articles[a].label);
    for copy in &c.key_changes {
        let between = if copy.directed { " → " } else { " / " };
        let heading = format!("<h3>{}{between}{}", link(copy.original), link(copy.copy));
        assert!(changes.contains(&heading), "{heading} in {changes}");
        for change in &copy.changes {
            let mut kind = change.kind.label().to_owned();
            kind[..1].make_ascii_uppercase();
            assert!(changes.contains(&kind), "{kind} listed in {changes}");
        }
    }
    for d in &c.lineage {
        let edge = if d.known {
            format!("{} → {}", link(d.original), link(d.copy))
        } else {
            format!("{} / {}", link(d.original), link(d.copy))
        };
        assert!(tree.contains(&edge), "{edge} in {tree}");
        let note = if d.known { "% sure: " } else { "differs" };
        assert!(tree.contains(note), "{note} in {tree}");
    }
}

#[test]
fn markdown_has_the_summary_and_the_marked_change() {
    let c = two_versions();
    let md = render(&c, ReportFormat::Markdown);
    for section in [
        "# Storm floods the old mill district of Brenna overnight",
        "## Articles",
        "## Overlap",
        "## Key changes",
        "## Version tree",
        "## Substitutions",
        "## Quote changes",
        "## Conflicting figures",
        "## Omissions",
        "## Shared passages",
    ] {
        assert!(md.lines().any(|l| l == section), "missing {section}");
    }
    assert!(md.contains("| Harbour Gazette |") && md.contains("| Valley Courier |"));
    let swapped = md
        .lines()
        .find(|l| l.starts_with("- **Valley Courier**") && l.contains("sports hall"))
        .expect("the courier's version of the evacuation");
    assert!(swapped.contains("~~residents~~ **tenants**"), "{swapped}");
    assert!(
        // Which of the two came first is undetermined: the wordings only differ, listed in the
        // versions' content order.
        md.contains(
            "| “tenants” | “residents” | content | Valley Courier / Harbour Gazette (differs) |"
        ),
        "{}",
        md.lines()
            .filter(|l| l.contains("residents"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Three independent reports of one flood (no sentence linked) that give the number of people
/// sheltering in Port Halden as "more than one million", "over 1 million" and "more than 1.3
/// million".
fn separate_reports() -> Comparison {
    let reports = [
        (
            "Coast Courier",
            [
                "Floodwater covered the lower town by dawn on the third day.",
                "More than one million people are sheltering in Port Halden, the regional \
                 authority said.",
            ],
        ),
        (
            "Valley Ledger",
            [
                "The storm moved north overnight and the rain eased.",
                "Port Halden has taken in over 1 million displaced residents from across Varland.",
            ],
        ),
        (
            "Evening Gazette",
            [
                "Relief convoys finally reached the coast road on Sunday.",
                "In Port Halden, more than 1.3 million civilians have sought shelter in schools.",
            ],
        ),
    ];
    let articles = reports
        .iter()
        .map(|(label, sentences)| article(label, sentences))
        .collect();
    compare(articles, &Options::default())
}

#[test]
fn figures_of_separate_reports_are_listed_as_such_without_direction() {
    let c = separate_reports();
    assert!(c.links.is_empty(), "independent reports share no sentence");
    let note = "separate reports agree, with different precision";
    let md = render(&c, ReportFormat::Markdown);
    let heading = md
        .lines()
        .find(|l| l.starts_with("### ") && l.contains("Port Halden"))
        .expect("a figure heading about Port Halden");
    assert!(heading.ends_with(&format!("({note})")), "{heading}");
    for wording in [
        "More than one million people",
        "over 1 million displaced residents",
        "more than 1.3 million civilians",
    ] {
        assert!(md.contains(wording), "{wording} in the Markdown report");
    }
    let html = render(&c, ReportFormat::Html);
    assert!(html.contains(note), "the note in the HTML report");
    let text = render(&c, ReportFormat::Text);
    let section = text
        .split("Figures given with different precision")
        .nth(1)
        .expect("the precision section");
    assert!(section.contains("(separate reports"), "{section}");
    assert!(
        !section.contains('→'),
        "no direction between separate reports"
    );
    let json: serde_json::Value = serde_json::from_str(&render(&c, ReportFormat::Json)).unwrap();
    let fact = &json["numbers"][0];
    assert_eq!(fact["basis"], "unlinked");
    assert_eq!(fact["kind"], "precision");
    assert_eq!(fact["mentions"].as_array().map(Vec::len), Some(3));
    assert!(c.key_changes.iter().all(|k| k.changes.is_empty()));
}

#[test]
fn markdown_marks_a_shared_passage_against_its_original_whatever_the_order() {
    let original = || {
        article(
            "Harbour Gazette",
            &[HEADLINE, RAIN, EVACUATED, WALL, BRIDGE, HOSTILE],
        )
    };
    let copy = || article("Valley Courier", &[HEADLINE, RAIN, EVACUATED_SWAPPED]);
    for articles in [vec![original(), copy()], vec![copy(), original()]] {
        let c = compare(articles, &Options::default());
        assert!(c.lineage.iter().any(|d| d.known), "{:?}", c.lineage);
        let md = render(&c, ReportFormat::Markdown);
        let passage: Vec<&str> = md
            .lines()
            .filter(|l| l.starts_with("- **") && l.contains("sports hall"))
            .collect();
        let [first, second] = passage.as_slice() else {
            panic!("two versions of the evacuation: {passage:?}");
        };
        assert!(
            first.starts_with("- **Harbour Gazette**") && first.contains("300 residents to"),
            "the original first, as it is: {first}"
        );
        assert!(
            second.starts_with("- **Valley Courier**")
                && second.contains("~~residents~~ **tenants**"),
            "the copy marked against it: {second}"
        );
    }
}

#[test]
fn markdown_escapes_article_text() {
    let mut c = two_versions();
    c.articles[1].label = "Courier <script>alert(1)</script>".to_owned();
    let md = render(&c, ReportFormat::Markdown);
    let wall = md
        .lines()
        .find(|l| l.starts_with("- **Harbour Gazette**") && l.contains("mayor"))
        .expect("the shared sentence");
    assert!(
        wall.contains(r"the \*new\* flood\_wall had held \| along"),
        "{wall}"
    );
    assert!(!md.contains(" *new* ") && !md.contains("flood_wall") && !md.contains("held | along"));
    assert!(!md.contains("<script>"));
    assert!(md.contains(r"Courier \<script\>alert(1)\</script\>"));
}

#[test]
fn reports_name_files_without_the_folders_they_were_read_from() {
    let mut c = two_versions();
    c.articles[0].source = "/home/ana/private-notes/gazette.txt".to_owned();
    c.articles[1].source = "C:\\Users\\ana\\Desktop\\courier.html".to_owned();
    for format in [
        ReportFormat::Html,
        ReportFormat::Markdown,
        ReportFormat::Text,
    ] {
        let report = render(&c, format);
        for folder in ["/home/ana", "private-notes", "Users", "Desktop"] {
            assert!(!report.contains(folder), "{format:?} names {folder}");
        }
        if format != ReportFormat::Text {
            assert!(report.contains("gazette.txt") && report.contains("courier.html"));
        }
    }
}

#[test]
fn json_parses_and_offsets_give_the_text_back() {
    let c = two_versions();
    let json: serde_json::Value =
        serde_json::from_str(&render(&c, ReportFormat::Json)).expect("valid JSON");
    assert_eq!(json["schema"], "parallax-report/2");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2);
    for (a, article) in articles.iter().enumerate() {
        let text = article["text"].as_str().expect("text");
        assert_eq!(text, c.articles[a].text);
        for sentence in article["sentences"].as_array().expect("sentences") {
            let (start, end) = (
                sentence["start"].as_u64().expect("start"),
                sentence["end"].as_u64().expect("end"),
            );
            let slice =
                &text[usize::try_from(start).expect("fits")..usize::try_from(end).expect("fits")];
            assert_eq!(slice, sentence["text"].as_str().expect("sentence text"));
        }
    }
    let links = json["links"].as_array().expect("links");
    assert!(!links.is_empty());
    for link in links {
        let (a, b) = (
            link["a"][0].as_u64().expect("a"),
            link["b"][0].as_u64().expect("b"),
        );
        assert!(a < b, "a is the lower article index");
        for edit in link["edits"].as_array().expect("edits") {
            for (side, article) in [("a", a), ("b", b)] {
                let range = &edit[side];
                let text = articles[usize::try_from(article).expect("fits")]["text"]
                    .as_str()
                    .expect("text");
                let (start, end) = (
                    range[0].as_u64().expect("start"),
                    range[1].as_u64().expect("end"),
                );
                let slice = &text
                    [usize::try_from(start).expect("fits")..usize::try_from(end).expect("fits")];
                assert_eq!(
                    slice,
                    edit[format!("{side}_text")].as_str().expect("edit text")
                );
            }
        }
    }
}

#[test]
fn json_lists_one_record_per_line_and_parses_as_fully_indented_json_does() {
    let c = two_versions();
    let report = render(&c, ReportFormat::Json);
    let json: serde_json::Value = serde_json::from_str(&report).expect("valid JSON");
    let indented = serde_json::to_string_pretty(&json).expect("serialises");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&indented).expect("valid JSON"),
        json
    );
    let edits = json["links"][0]["edits"].as_array().expect("edits");
    assert!(!edits.is_empty());
    let one_line_records: Vec<serde_json::Value> = report
        .lines()
        .filter_map(|l| serde_json::from_str(l.trim().trim_end_matches(',')).ok())
        .collect();
    for edit in edits {
        assert!(
            one_line_records.contains(edit),
            "each edit on a line of its own: {edit}"
        );
    }
    assert!(report.starts_with("{\n  \"schema\": \"parallax-report/2\",\n"));
    assert!(report.ends_with("}\n"));
}
