//! The report's styles: the palette and spacing of [`crate::design`] as CSS custom properties
//! (light, a dark variant for `prefers-color-scheme: dark`, light for print), the fixed rules,
//! the generated classes (tints, heat levels, bar widths), and the Content-Security-Policy that
//! lets only this exact style block apply.

use std::fmt::Write;

use base64::Engine as _;
use base64::prelude::BASE64_STANDARD;
use sha2::{Digest, Sha256};

use crate::article::Role;
use crate::compare::{SentenceInfo, Status};
use crate::design::{DARK, LIGHT, Palette, spacing};

/// Steps of the overlap heat scale (cells below half a step are not tinted).
const HEAT_LEVELS: usize = 10;

/// The page's fixed CSS; the palette, spacing and generated classes are added around it.
const BASE_CSS: &str = r#"*{box-sizing:border-box}
html{color-scheme:light dark}
body{margin:0;padding:var(--pad) calc(2*var(--pad));background:var(--background);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
h1{font-size:1.6em;margin:.3em 0 .1em}
h2{font-size:1.3em;margin:1.4em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--border)}
h3{font-size:1.08em;margin:0}
h4{font-size:1em;margin:.9em 0 .3em}
header h2{font-size:1.05em;margin:0 0 .4em;border:0}
a{color:var(--focus)}
.meta,.muted{color:var(--muted)}
nav a{margin-right:1em}
.intro{display:flex;flex-wrap:wrap;gap:var(--pad);margin-top:var(--pad)}
.intro>section{flex:1 1 24em}
.panel{background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:var(--pad)}
ol.articles{margin:0;padding-left:1.6em}
ol.articles li{margin:.2em 0;break-inside:avoid}
ol.articles.many{columns:16em auto;column-gap:2em}
.legend{list-style:none;margin:0;padding:0}
.legend li{margin:.3em 0}
.sw{display:inline-block;min-width:1.7em;padding:0 .35em;margin-right:2px;border-radius:var(--round);text-align:center;font-size:.85em;border:1px solid var(--border)}
del{color:var(--deleted);text-decoration:line-through;text-decoration-thickness:1.5px}
ins{color:var(--inserted);text-decoration:underline;text-decoration-thickness:1.5px;text-underline-offset:2px}
.rw{background:var(--tint-rw)}
.un{background:var(--tint-un)}
details{margin:.8em 0}
summary{cursor:pointer}
summary h3,summary h4{display:inline}
table.findings{border-collapse:collapse;margin:.4em 0}
.findings th,.findings td{padding:.25em .6em;border-bottom:1px solid var(--border);text-align:left;vertical-align:top}
.findings thead th{color:var(--muted);font-weight:600;font-size:.9em}
.findings td.n{text-align:right;white-space:nowrap}
.scroll{overflow-x:auto}
.bar{display:flex;width:clamp(8em,30vw,22em);height:1.1em;border-radius:var(--round);overflow:hidden;background:var(--panel);border:1px solid var(--border)}
.bar span{display:block;height:100%}
.bi{background:var(--bar-identical)}
.br{background:var(--bar-reworded)}
.bu{background:var(--bar-unique)}
.key{display:inline-block;width:.8em;height:.8em;border-radius:2px;vertical-align:-.05em}
.matrix td{text-align:right;min-width:3.4em}
.matrix td.self{color:var(--muted);text-align:center}
.quotes td{width:50%}
blockquote{margin:.2em 0;padding-left:.6em;border-left:3px solid var(--border)}
.aligned-wrap{overflow:auto;max-height:88vh;border:1px solid var(--border);border-radius:6px}
table.aligned{table-layout:fixed;width:100%;border-collapse:separate;border-spacing:0}
col.num{width:3.2em}
.aligned thead th{position:sticky;top:0;z-index:2;background:var(--panel);text-align:left;vertical-align:bottom;padding:.5em var(--pad);border-bottom:1px solid var(--border);overflow-wrap:break-word}
.aligned thead th small{display:block;font-weight:400;color:var(--muted)}
.aligned td{vertical-align:top;padding:calc(var(--para-gap)/2) var(--pad);border-top:1px solid var(--border);overflow-wrap:break-word}
.aligned td.cont,.aligned td.empty{border-top-color:transparent}
.aligned td+td,.aligned th+th{border-left:1px solid var(--border)}
.aligned .num{position:sticky;left:0;z-index:1;background:var(--background);color:var(--muted);font-size:.8em;text-align:right;padding:.45em .5em 0 0}
.aligned thead .num{z-index:3;background:var(--panel)}
.aligned p{margin:0 0 var(--para-gap)}
.aligned p:last-of-type{margin-bottom:0}
.s{border-radius:var(--round);padding:1px 2px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.s:target{outline:2px solid var(--focus);outline-offset:1px}
.headline{font-weight:700;font-size:1.12em}
.heading{font-weight:700}
.byline,.dateline,.caption{color:var(--muted);font-size:.9em}
.caption{font-style:italic}
.listitem::before{content:"\2022\00a0"}
.also{display:block;margin-top:.25em;font-size:.8em;color:var(--muted)}
mark.d{background:none;color:inherit;text-decoration:underline dotted;text-decoration-thickness:1.5px;text-underline-offset:2px}
.tree,.tree ul{list-style:none;padding-left:1.2em;margin:.2em 0}
.tree{padding-left:0}
.key-findings li{margin:.35em 0}
s.o{color:var(--muted);text-decoration:line-through dotted}
.versions>section{margin:1.4em 0;max-width:46em}
.versions p{margin:0 0 .5em;overflow-wrap:break-word}
.versions p.skip{color:var(--muted);font-style:italic;font-size:.85em}
@media print{
@page{margin:14mm}
body{font-size:9pt;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav{display:none}
a{color:inherit;text-decoration:none}
.aligned-wrap{overflow:visible;max-height:none;border:0}
table.aligned{min-width:0}
.aligned thead th,.aligned .num{position:static}
.aligned thead{display:table-header-group}
tr{break-inside:avoid}
details{display:block}
summary{list-style:none}
h2,h3,h4{break-after:avoid}
.s:target{outline:0}
}
"#;

/// The whole stylesheet for `n` articles: palette properties (light, dark), spacing, the fixed
/// rules and the generated tint, heat and width classes.
pub fn stylesheet(n: usize) -> String {
    let mut css = String::with_capacity(BASE_CSS.len() + 4096);
    let _ = writeln!(
        css,
        ":root{{{}{}}}",
        palette_properties(&LIGHT, n),
        spacing_properties()
    );
    let _ = writeln!(
        css,
        "@media screen and (prefers-color-scheme:dark){{:root{{{}}}}}",
        palette_properties(&DARK, n)
    );
    css.push_str(BASE_CSS);
    for k in 2..=n {
        let _ = writeln!(css, ".k{k}{{background:var(--tint-k{k})}}");
    }
    for level in 1..=HEAT_LEVELS {
        let _ = writeln!(css, ".h{level}{{background:var(--heat-{level})}}");
    }
    for width in 0..=100 {
        let _ = write!(css, ".w{width}{{width:{width}%}}");
    }
    let _ = writeln!(
        css,
        "\ntable.aligned{{min-width:calc({n}*var(--min-col) + 3.2em)}}"
    );
    let _ = writeln!(css, "@media print{{table.aligned{{min-width:0}}}}");
    css
}

/// The palette as CSS custom properties, with the sentence tints for `n` articles and the heat
/// scale of the overlap matrix.
fn palette_properties(p: &Palette, n: usize) -> String {
    let named = [
        ("background", p.background),
        ("panel", p.panel),
        ("text", p.text),
        ("muted", p.muted),
        ("border", p.border),
        ("deleted", p.deleted),
        ("inserted", p.inserted),
        ("focus", p.focus),
        ("bar-identical", p.bar_identical),
        ("bar-reworded", p.bar_reworded),
        ("bar-unique", p.bar_unique),
        ("tint-rw", p.sentence_tint(Status::Reworded, 1, n)),
        ("tint-un", p.sentence_tint(Status::Unique, 1, n)),
    ];
    let mut out = String::new();
    for (name, colour) in named {
        let _ = write!(out, "--{name}:{};", colour.hex());
    }
    for k in 2..=n {
        let _ = write!(
            out,
            "--tint-k{k}:{};",
            p.sentence_tint(Status::Identical, k, n).hex()
        );
    }
    for level in 1..=HEAT_LEVELS {
        let t = (level - 1) as f32 / (HEAT_LEVELS - 1) as f32;
        let _ = write!(
            out,
            "--heat-{level}:{};",
            p.shared_few.mix(p.shared_all, t).hex()
        );
    }
    out
}

fn spacing_properties() -> String {
    format!(
        "--pad:{}px;--gap:{}px;--para-gap:{}px;--round:{}px;--min-col:18em;",
        spacing::COLUMN_PADDING,
        spacing::COLUMN_GAP,
        spacing::PARAGRAPH_GAP,
        spacing::TINT_ROUNDING
    )
}

/// The policy: nothing may load or run; only the style block with this exact content applies.
pub fn content_security_policy(css: &str) -> String {
    format!(
        "default-src 'none'; style-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        BASE64_STANDARD.encode(Sha256::digest(css.as_bytes()))
    )
}

/// Integer percentages of `shares` that add up to 100 (largest remainders round up), or all
/// zero when there is nothing to share.
pub fn percent_widths(shares: [f32; 3]) -> [usize; 3] {
    let total: f32 = shares.iter().map(|s| s.max(0.0)).sum();
    if total <= 0.0 {
        return [0; 3];
    }
    let exact = shares.map(|s| s.max(0.0) / total * 100.0);
    let mut widths = exact.map(|x| x.floor() as usize);
    let mut by_remainder = [0, 1, 2];
    by_remainder
        .sort_by(|&i, &j| (exact[j] - exact[j].floor()).total_cmp(&(exact[i] - exact[i].floor())));
    let missing = 100usize.saturating_sub(widths.iter().sum());
    for &i in by_remainder.iter().cycle().take(missing) {
        widths[i] += 1;
    }
    widths
}

/// The heat class of an overlap share (`h0`: untinted).
pub fn heat_class(share: f32) -> String {
    format!(
        "h{}",
        (share.clamp(0.0, 1.0) * HEAT_LEVELS as f32).round() as usize
    )
}

/// The tint class of a sentence.
pub fn tint_class(info: &SentenceInfo) -> String {
    match info.status {
        Status::Identical => format!("k{}", info.shared_by.max(2)),
        Status::Reworded => "rw".to_owned(),
        Status::Unique => "un".to_owned(),
    }
}

pub fn role_class(role: Role) -> &'static str {
    match role {
        Role::Headline => " headline",
        Role::Heading => " heading",
        Role::Byline => " byline",
        Role::Dateline => " dateline",
        Role::Caption => " caption",
        Role::ListItem => " listitem",
        Role::Body => "",
    }
}

pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Identical => "Identical",
        Status::Reworded => "Reworded",
        Status::Unique => "Unique",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_hashes_the_style_block() {
        // The digest of the empty string, as browsers compute it for a CSP source.
        assert!(
            content_security_policy("")
                .contains("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
        );
    }

    #[test]
    fn widths_add_up_to_a_hundred() {
        assert_eq!(percent_widths([1.0 / 3.0; 3]).iter().sum::<usize>(), 100);
        assert_eq!(percent_widths([0.0; 3]), [0; 3]);
        assert_eq!(percent_widths([0.5, 0.25, 0.25]), [50, 25, 25]);
    }

    #[test]
    fn words_are_never_broken_to_fit_a_column() {
        let css = stylesheet(10);
        assert!(
            !css.contains("anywhere"),
            "overflow-wrap:anywhere splits words"
        );
        assert!(!css.contains("word-break"), "{css}");
    }
}
