//! `parallax install-desktop` and `uninstall-desktop`, run as the real binary against a temporary
//! XDG data folder: the entry's fields, the icons, `desktop-file-validate`, and the removal.

#![cfg(feature = "app")]

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parallax::app::APP_ID;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_parallax");
const PNG_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

/// Runs `parallax <command>` with `XDG_DATA_HOME` (and `HOME`) set; nothing outside them is
/// touched.
fn parallax(command: &str, xdg_data_home: &Path, home: &Path) -> Output {
    Command::new(BIN)
        .arg(command)
        .env("XDG_DATA_HOME", xdg_data_home)
        .env("HOME", home)
        .output()
        .expect("the parallax binary runs")
}

/// A temporary data folder with Parallax installed in it.
fn installed() -> (TempDir, Output) {
    let dir = TempDir::new().unwrap();
    let output = parallax("install-desktop", dir.path(), dir.path());
    assert!(output.status.success(), "install failed: {output:?}");
    (dir, output)
}

fn entry_path(data_home: &Path) -> PathBuf {
    data_home
        .join("applications")
        .join(format!("{APP_ID}.desktop"))
}

fn png_path(data_home: &Path, size: u32) -> PathBuf {
    data_home
        .join(format!("icons/hicolor/{size}x{size}/apps"))
        .join(format!("{APP_ID}.png"))
}

fn svg_path(data_home: &Path) -> PathBuf {
    data_home
        .join("icons/hicolor/scalable/apps")
        .join(format!("{APP_ID}.svg"))
}

/// The keys of the `[Desktop Entry]` group.
fn desktop_entry_fields(text: &str) -> HashMap<String, String> {
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    let mut fields = HashMap::new();
    for line in lines.take_while(|l| !l.starts_with('[')) {
        let (key, value) = line.split_once('=').expect("key=value");
        let previous = fields.insert(key.to_owned(), value.to_owned());
        assert!(previous.is_none(), "{key} appears twice");
    }
    fields
}

/// The paths listed (indented) in the command's output.
fn listed_paths(output: &Output) -> Vec<PathBuf> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .map(PathBuf::from)
        .collect()
}

/// `desktop-file-validate`'s verdict on `path`, or `None` (with a visible notice) when the tool
/// is not installed.
fn desktop_file_validate(path: &Path) -> Option<Output> {
    match Command::new("desktop-file-validate").arg(path).output() {
        Ok(output) => Some(output),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Written past the test harness's capture, so the skip shows in `cargo test` output.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED desktop-file-validate on {}: the tool is not installed \
                 (apt-get install desktop-file-utils; .ci/run installs it)",
                path.display()
            );
            None
        }
        Err(e) => panic!("could not run desktop-file-validate: {e}"),
    }
}

fn assert_valid(path: &Path) {
    if let Some(output) = desktop_file_validate(path) {
        assert!(
            output.status.success() && output.stdout.is_empty(),
            "{} is not a valid desktop entry:\n{}{}",
            path.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn install_writes_an_entry_that_opens_files_with_this_binary() {
    let (dir, _) = installed();
    let text = std::fs::read_to_string(entry_path(dir.path())).unwrap();
    let fields = desktop_entry_fields(&text);
    let field = |key: &str| fields.get(key).map(String::as_str).unwrap_or_default();

    let program = if BIN.contains(' ') {
        format!("\"{BIN}\"")
    } else {
        BIN.to_owned()
    };
    assert_eq!(field("Exec"), format!("{program} %F"));
    assert!(Path::new(BIN).is_absolute());
    assert_eq!(field("Type"), "Application");
    assert_eq!(field("Name"), "Parallax");
    assert_eq!(field("GenericName"), "Comparative reader");
    assert!(!field("Comment").is_empty());
    assert_eq!(field("Icon"), APP_ID);
    assert_eq!(field("Terminal"), "false");
    assert_eq!(field("Categories"), "Office;Viewer;");
    assert_eq!(
        field("MimeType"),
        "text/plain;text/markdown;text/html;application/xhtml+xml;application/pdf;\
         application/vnd.openxmlformats-officedocument.wordprocessingml.document;\
         application/vnd.oasis.opendocument.text;"
    );
    assert_eq!(field("StartupWMClass"), APP_ID);
    assert!(field("Keywords").ends_with(';'));
    assert!(field("Keywords").split(';').any(|k| k == "news"));
}

#[test]
fn install_writes_every_icon_size_and_the_scalable_icon() {
    let (dir, _) = installed();
    for size in PNG_SIZES {
        let png = std::fs::read(png_path(dir.path(), size)).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{size}: not a PNG");
        assert_eq!(&png[12..16], b"IHDR");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (size, size), "icon in {size}x{size}");
    }
    let svg = std::fs::read_to_string(svg_path(dir.path())).unwrap();
    let start = svg.trim_start();
    assert!(start.starts_with("<?xml") || start.starts_with("<svg"));
    assert!(svg.contains("<svg") && svg.contains("http://www.w3.org/2000/svg"));
}

#[test]
fn install_prints_every_file_it_wrote() {
    let (dir, output) = installed();
    let mut expected = vec![entry_path(dir.path())];
    expected.extend(PNG_SIZES.map(|size| png_path(dir.path(), size)));
    expected.push(svg_path(dir.path()));
    assert_eq!(listed_paths(&output), expected);
    assert!(String::from_utf8_lossy(&output.stdout).contains(BIN));
}

#[test]
fn an_empty_xdg_data_home_means_local_share() {
    let home = TempDir::new().unwrap();
    let output = parallax("install-desktop", Path::new(""), home.path());
    assert!(output.status.success(), "{output:?}");
    assert!(entry_path(&home.path().join(".local/share")).is_file());
}

#[test]
fn uninstall_removes_everything_install_wrote() {
    let (dir, installation) = installed();
    let written = listed_paths(&installation);
    assert!(written.iter().all(|p| p.is_file()));

    let output = parallax("uninstall-desktop", dir.path(), dir.path());
    assert!(output.status.success(), "{output:?}");
    assert_eq!(listed_paths(&output), written);
    let left: Vec<_> = written.iter().filter(|p| p.exists()).collect();
    assert!(left.is_empty(), "still there: {left:?}");

    let again = parallax("uninstall-desktop", dir.path(), dir.path());
    assert!(again.status.success(), "{again:?}");
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("Nothing to remove"));
}

#[test]
fn install_into_an_unwritable_folder_fails_with_the_folder_named() {
    let dir = TempDir::new().unwrap();
    // A file where the data folder should be: unwritable even for root.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "").unwrap();
    let output = parallax("install-desktop", &blocked, dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("parallax: "), "{stderr}");
    assert!(stderr.contains(&*blocked.to_string_lossy()), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn installed_entry_passes_desktop_file_validate() {
    let (dir, _) = installed();
    assert_valid(&entry_path(dir.path()));
}

#[test]
fn packaged_entry_passes_desktop_file_validate() {
    assert_valid(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/parallax.desktop"));
}

#[test]
fn entry_for_a_program_path_with_spaces_passes_desktop_file_validate() {
    let dir = TempDir::new().unwrap();
    let entry =
        parallax::desktop::desktop_entry(Path::new("/home/ana/My Apps/$HOME/parallax")).unwrap();
    assert!(entry.contains(r#"Exec="/home/ana/My Apps/\\$HOME/parallax" %F"#));
    let path = dir.path().join(format!("{APP_ID}.desktop"));
    std::fs::write(&path, entry).unwrap();
    assert_valid(&path);
}
