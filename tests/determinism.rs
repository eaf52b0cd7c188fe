//! Determinism of the JSON report, end to end through the binary: the same inputs give a
//! byte-identical report on every run, and giving the same files in another order gives the
//! same report once article indices are remapped.
//!
//! The remapping ([`normalise`]) identifies each article by its `source`, puts the articles in
//! source order, rewrites every `[article, sentence]` reference and every article index
//! (`a`/`b`, `original`/`copy`, `article`, `present_in`, `derived`/`source`, the overlap matrix),
//! renumbers groups (they are listed in the order of their first member), and where a link's
//! order flips swaps its two ends and their edits (`delete` ⇄ `insert`). Findings are never
//! swapped: they are oriented along the version tree (original → copy, or, undetermined, in
//! content order), so their sides must not depend on the order the files were given in. Lists
//! whose order follows article indices are then sorted.
//!
//! Inputs: the invented harbour-fire story (`tests/fixtures/harbor-fire/*.txt`) and the bundled
//! sample (`assets/samples/*.txt`).

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// The `.txt` files of `folder` (relative to the crate), sorted by name.
fn texts_in(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{}: {files:?}", dir.display());
    files
}

/// The input sets compared.
fn input_sets() -> [Vec<PathBuf>; 2] {
    [
        texts_in("tests/fixtures/harbor-fire"),
        texts_in("assets/samples"),
    ]
}

/// The report `parallax compare --format FORMAT` writes for `files`, as bytes.
fn report_bytes(format: &str, files: &[PathBuf]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["compare", "--format", format])
        .args(files)
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// The JSON report for `files`, parsed.
fn report(files: &[PathBuf]) -> Value {
    serde_json::from_slice(&report_bytes("json", files)).expect("a JSON report")
}

/// `files` reordered: `order[new] = old`.
fn reorder(files: &[PathBuf], order: &[usize]) -> Vec<PathBuf> {
    order.iter().map(|&i| files[i].clone()).collect()
}

/// A few orders of `n` items other than the identity: reversed, rotated, and interleaved.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    let reversed: Vec<usize> = (0..n).rev().collect();
    let rotated: Vec<usize> = (0..n).map(|i| (i + 2) % n).collect();
    let interleaved: Vec<usize> = (0..n).step_by(2).chain((1..n).step_by(2).rev()).collect();
    vec![reversed, rotated, interleaved]
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/// How the articles of a report map to their source order.
struct Remap {
    /// `new_of_old[i]`: the position of article `i` once articles are sorted by source.
    new_of_old: Vec<usize>,
    /// `old_of_new[j]`: the article that moves to position `j`.
    old_of_new: Vec<usize>,
}

impl Remap {
    fn by_source(report: &Value) -> Self {
        let articles = report["articles"].as_array().expect("articles");
        let source = |i: usize| articles[i]["source"].as_str().expect("source").to_owned();
        let mut old_of_new: Vec<usize> = (0..articles.len()).collect();
        old_of_new.sort_by_key(|&i| source(i));
        let mut new_of_old = vec![0; old_of_new.len()];
        for (new, &old) in old_of_new.iter().enumerate() {
            new_of_old[old] = new;
        }
        Remap {
            new_of_old,
            old_of_new,
        }
    }

    /// The new index of article index `v`.
    fn article(&self, v: &Value) -> Value {
        json!(self.new_of_old[index(v)])
    }

    /// The reference `[article, sentence]` `v` with its article renumbered.
    fn sentence(&self, v: &Value) -> Value {
        json!([self.new_of_old[index(&v[0])], index(&v[1])])
    }
}

fn index(v: &Value) -> usize {
    let n = v.as_u64().unwrap_or_else(|| panic!("not an index: {v}"));
    usize::try_from(n).expect("index fits")
}

/// Orders two JSON values by their compact serialisation (for sorting lists of records).
fn by_text(x: &Value, y: &Value) -> Ordering {
    x.to_string().cmp(&y.to_string())
}

/// Swaps fields `x` and `y` of the object `v`.
fn swap(v: &mut Value, x: &str, y: &str) {
    let first = v[x].take();
    let second = std::mem::replace(&mut v[y], first);
    v[x] = second;
}

/// The report with articles in source order and every index and pair rewritten accordingly.
fn normalise(report: &Value) -> Value {
    let remap = Remap::by_source(report);
    let mut out = report.clone();

    let groups = normalise_groups(report, &remap);
    let group = |v: &Value| match v {
        Value::Null => Value::Null,
        v => json!(groups.new_of_old[index(v)]),
    };

    let articles = report["articles"].as_array().unwrap();
    out["articles"] = remap
        .old_of_new
        .iter()
        .map(|&old| {
            let mut article = articles[old].clone();
            for sentence in article["sentences"].as_array_mut().unwrap() {
                sentence["group"] = group(&sentence["group"]);
            }
            article
        })
        .collect();
    out["groups"] = Value::Array(groups.list);
    out["versions"] = normalise_versions(report, &remap);
    out["links"] = normalise_links(report, &remap);
    out["substitutions"] = normalise_substitutions(report, &remap);
    out["quote_changes"] = normalise_findings(&report["quote_changes"], &remap);
    out["attribution_changes"] = normalise_findings(&report["attribution_changes"], &remap);
    out["lineage"] = normalise_findings(&report["lineage"], &remap);
    out["cuts"] = normalise_findings(&report["cuts"], &remap);
    out["additions"] = normalise_findings(&report["additions"], &remap);
    out["key_changes"] = normalise_key_changes(report, &remap);
    out["numbers"] = normalise_numbers(report, &remap);

    let mut omissions: Vec<Value> = report["omissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let mut present: Vec<Value> = o["present_in"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| remap.article(p))
                .collect();
            present.sort_by_key(index);
            json!({
                "article": remap.article(&o["article"]),
                "group": group(&o["group"]),
                "present_in": present,
                "text": o["text"],
            })
        })
        .collect();
    omissions.sort_by(by_text);
    out["omissions"] = Value::Array(omissions);

    out["stats"] = normalise_stats(report, &remap);
    out
}

/// The version tree in the new article order: `closest` remapped, stories numbered again in
/// order of their first article.
fn normalise_versions(report: &Value, remap: &Remap) -> Value {
    let versions = report["versions"].as_array().unwrap();
    let mut story_of_old: Vec<Option<usize>> = vec![None; versions.len()];
    let mut stories = 0;
    let list: Vec<Value> = remap
        .old_of_new
        .iter()
        .map(|&old| {
            let v = &versions[old];
            let story = index(&v["story"]);
            let renumbered = *story_of_old[story].get_or_insert_with(|| {
                stories += 1;
                stories - 1
            });
            let closest = match &v["closest"] {
                Value::Null => Value::Null,
                c => remap.article(c),
            };
            json!({ "closest": closest, "shared": v["shared"], "story": renumbered })
        })
        .collect();
    Value::Array(list)
}

/// Groups renumbered: members remapped and sorted, groups in the order of their first member.
struct Groups {
    list: Vec<Value>,
    new_of_old: Vec<usize>,
}

fn normalise_groups(report: &Value, remap: &Remap) -> Groups {
    let mut groups: Vec<(usize, Value)> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(old, g)| {
            let mut group = g.clone();
            let mut members: Vec<Value> = g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| remap.sentence(m))
                .collect();
            members.sort_by_key(|m| (index(&m[0]), index(&m[1])));
            group["members"] = Value::Array(members);
            (old, group)
        })
        .collect();
    let first = |g: &Value| {
        let m = &g["members"][0];
        (index(&m[0]), index(&m[1]))
    };
    groups.sort_by_key(|(_, g)| first(g));
    let mut new_of_old = vec![0; groups.len()];
    for (new, (old, _)) in groups.iter().enumerate() {
        new_of_old[*old] = new;
    }
    Groups {
        list: groups.into_iter().map(|(_, g)| g).collect(),
        new_of_old,
    }
}

fn normalise_links(report: &Value, remap: &Remap) -> Value {
    let mut links: Vec<Value> = report["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let mut link = l.clone();
            link["a"] = remap.sentence(&l["a"]);
            link["b"] = remap.sentence(&l["b"]);
            if index(&link["a"][0]) > index(&link["b"][0]) {
                swap(&mut link, "a", "b");
                for edit in link["edits"].as_array_mut().unwrap() {
                    swap(edit, "a", "b");
                    swap(edit, "a_text", "b_text");
                    edit["op"] = match edit["op"].as_str().unwrap() {
                        "delete" => json!("insert"),
                        "insert" => json!("delete"),
                        other => json!(other),
                    };
                }
            }
            link
        })
        .collect();
    links.sort_by_key(|l| {
        (
            index(&l["a"][0]),
            index(&l["a"][1]),
            index(&l["b"][0]),
            index(&l["b"][1]),
        )
    });
    Value::Array(links)
}

/// A finding's sides renumbered: article indices (`original`, `copy`) and sentence references
/// (`a`, `b`, `original`, `copy`, `kept_in`), whichever it has; never swapped.
fn remap_sides(v: &Value, remap: &Remap) -> Value {
    let mut out = v.clone();
    for key in ["a", "b", "original", "copy", "kept_in", "added_to"] {
        out[key] = match &v[key] {
            Value::Null => continue,
            Value::Array(_) => remap.sentence(&v[key]),
            other => remap.article(other),
        };
    }
    out
}

/// A list of findings with their sides renumbered, sorted.
fn normalise_findings(list: &Value, remap: &Remap) -> Value {
    let mut out: Vec<Value> = list
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|v| remap_sides(v, remap))
        .collect();
    out.sort_by(by_text);
    Value::Array(out)
}

fn normalise_substitutions(report: &Value, remap: &Remap) -> Value {
    let mut substitutions: Vec<Value> = report["substitutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let mut sub = remap_sides(s, remap);
            let mut occurrences: Vec<Value> = s["occurrences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|pair| json!([remap.sentence(&pair[0]), remap.sentence(&pair[1])]))
                .collect();
            occurrences.sort_by(by_text);
            sub["occurrences"] = Value::Array(occurrences);
            sub
        })
        .collect();
    substitutions.sort_by(by_text);
    Value::Array(substitutions)
}

fn normalise_key_changes(report: &Value, remap: &Remap) -> Value {
    let mut copies: Vec<Value> = report["key_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let mut copy = remap_sides(k, remap);
            for change in copy["changes"].as_array_mut().unwrap() {
                let at: Vec<Value> = change["at"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| remap.sentence(r))
                    .collect();
                change["at"] = Value::Array(at);
            }
            copy
        })
        .collect();
    copies.sort_by(by_text);
    Value::Array(copies)
}

fn normalise_numbers(report: &Value, remap: &Remap) -> Value {
    let mut facts: Vec<Value> = report["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut fact = f.clone();
            let mut mentions: Vec<Value> = f["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    let mut mention = m.clone();
                    mention["article"] = remap.article(&m["article"]);
                    mention
                })
                .collect();
            mentions.sort_by_key(|m| (index(&m["article"]), index(&m["sentence"])));
            fact["mentions"] = Value::Array(mentions);
            fact
        })
        .collect();
    facts.sort_by(by_text);
    Value::Array(facts)
}

fn normalise_stats(report: &Value, remap: &Remap) -> Value {
    let stats = &report["stats"];
    let per_article = stats["articles"].as_array().unwrap();
    let overlap = stats["overlap"].as_array().unwrap();
    let mut derivations: Vec<Value> = stats["derivations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut derivation = d.clone();
            derivation["derived"] = remap.article(&d["derived"]);
            derivation["source"] = remap.article(&d["source"]);
            derivation
        })
        .collect();
    derivations.sort_by(by_text);
    json!({
        "articles": remap.old_of_new.iter().map(|&i| per_article[i].clone()).collect::<Vec<_>>(),
        "overlap": remap
            .old_of_new
            .iter()
            .map(|&i| remap.old_of_new.iter().map(|&j| overlap[i][j].clone()).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        "derivations": derivations,
    })
}

/// The path and values of the first difference between `x` and `y`, if any.
fn first_difference(x: &Value, y: &Value, path: &str) -> Option<String> {
    match (x, y) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            keys.into_iter().find_map(|k| {
                first_difference(
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                    &format!("{path}.{k}"),
                )
            })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]"))),
        _ if x == y => None,
        _ => Some(format!("{path}: {x} vs {y}")),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn the_same_inputs_give_byte_identical_reports() {
    for files in input_sets() {
        let first = report_bytes("json", &files);
        let second = report_bytes("json", &files);
        assert!(first == second, "two runs on {files:?} differ");
        assert!(!first.is_empty());
    }
}

#[test]
fn html_and_markdown_reports_are_repeatable_too() {
    let files = &input_sets()[1];
    for format in ["html", "md"] {
        assert!(
            report_bytes(format, files) == report_bytes(format, files),
            "{format}"
        );
    }
}

#[test]
fn the_remapping_is_idempotent_and_leaves_source_ordered_input_alone() {
    // A self-check of the test's own normalisation: the files are given in source order, so
    // articles, groups and links must come out exactly as the binary wrote them.
    let files = &input_sets()[1];
    let sorted = report(files);
    let normal = normalise(&sorted);
    assert_eq!(normalise(&normal), normal);
    for field in ["articles", "groups", "links"] {
        assert_eq!(
            first_difference(&normal[field], &sorted[field], field),
            None
        );
    }
    assert!(!sorted["links"].as_array().unwrap().is_empty());
}

#[test]
fn a_permutation_of_the_inputs_gives_the_same_report_once_remapped() {
    for files in input_sets() {
        let expected = normalise(&report(&files));
        for order in permutations(files.len()) {
            let permuted = report(&reorder(&files, &order));
            let labels: Vec<&str> = permuted["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["label"].as_str().unwrap())
                .collect();
            let difference = first_difference(&expected, &normalise(&permuted), "report");
            assert!(
                difference.is_none(),
                "order {order:?} ({labels:?}) differs at {}",
                difference.unwrap_or_default()
            );
        }
    }
}
