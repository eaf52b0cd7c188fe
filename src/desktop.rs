//! Desktop integration on Linux and other XDG desktops: `parallax install-desktop` puts a desktop
//! entry and the icon in the user's data folder, so launchers list Parallax, open articles with it
//! and group its windows under its icon; `parallax uninstall-desktop` removes exactly those files.
//!
//! The data folder is `$XDG_DATA_HOME`, or `~/.local/share` when that is unset, empty or relative
//! (XDG Base Directory spec). The entry is `assets/parallax.desktop` (the one the Debian package
//! installs) with `Exec` pointing at the running program; its file name and `StartupWMClass` are
//! the window's app id, [`APP_ID`]. The icon goes into the hicolor theme in every bundled size.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use crate::app::{APP_ID, ICON_PNG};

/// The desktop entry the Debian package installs, with `Exec=parallax %F`.
pub const SYSTEM_ENTRY: &str = include_str!("../assets/parallax.desktop");

/// The bundled PNG icons, by size in pixels.
const PNG_ICONS: [(u32, &[u8]); 7] = [
    (16, include_bytes!("../assets/icon/parallax-16.png")),
    (32, include_bytes!("../assets/icon/parallax-32.png")),
    (48, include_bytes!("../assets/icon/parallax-48.png")),
    (64, include_bytes!("../assets/icon/parallax-64.png")),
    (128, include_bytes!("../assets/icon/parallax-128.png")),
    (256, ICON_PNG),
    (512, include_bytes!("../assets/icon/parallax-512.png")),
];

/// The scalable icon.
const SVG_ICON: &[u8] = include_bytes!("../assets/icon/parallax.svg");

/// Characters that the Desktop Entry spec reserves in `Exec` arguments: an argument holding any
/// of them must be quoted.
const RESERVED: [char; 19] = [
    ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')',
    '`',
];

/// Whether this platform's desktops read XDG desktop entries (Linux, the BSDs; not macOS).
const XDG_PLATFORM: bool = cfg!(all(unix, not(target_os = "macos")));

/// Why the desktop entry could not be installed or removed.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    /// The platform's desktop does not use desktop entries.
    #[error("desktop entries are for Linux and BSD desktops, not this system")]
    Unsupported,
    /// Neither `XDG_DATA_HOME` nor `HOME` names an absolute folder.
    #[error("cannot find your data folder: set HOME or XDG_DATA_HOME to an absolute path")]
    NoDataHome,
    /// The path of the running program is unknown.
    #[error("cannot find the path of the running program: {0}")]
    CurrentExe(io::Error),
    /// The program's path cannot be written in an `Exec` line.
    #[error(
        "{0}: a desktop entry cannot launch a program at this path (it is not UTF-8 or has control characters)"
    )]
    UnsupportedPath(PathBuf),
    /// A folder could not be created.
    #[error("{path}: could not create the folder: {source}")]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// A file could not be written.
    #[error("{path}: could not write the file: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// An installed file could not be removed.
    #[error("{path}: could not remove the file: {source}")]
    Remove {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The list of written or removed files could not be printed.
    #[error("could not write to standard output: {0}")]
    Output(io::Error),
}

/// The files Parallax installs under one XDG data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesktopFiles {
    data_home: PathBuf,
}

impl DesktopFiles {
    /// The files under `data_home` (an XDG data folder such as `~/.local/share`).
    pub fn new(data_home: impl Into<PathBuf>) -> Self {
        Self {
            data_home: data_home.into(),
        }
    }

    /// The files under the user's data folder, from `XDG_DATA_HOME` or `HOME`; an error on
    /// platforms whose desktops do not read desktop entries.
    pub fn from_env() -> Result<Self, DesktopError> {
        if !XDG_PLATFORM {
            return Err(DesktopError::Unsupported);
        }
        data_home_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
            .map(Self::new)
            .ok_or(DesktopError::NoDataHome)
    }

    /// The data folder.
    pub fn data_home(&self) -> &Path {
        &self.data_home
    }

    /// The desktop entry: `applications/<app id>.desktop`.
    pub fn entry_path(&self) -> PathBuf {
        self.applications_dir().join(format!("{APP_ID}.desktop"))
    }

    /// Every file [`Self::install`] writes: the entry, then the icons.
    pub fn paths(&self) -> Vec<PathBuf> {
        std::iter::once(self.entry_path())
            .chain(self.icons().into_iter().map(|(path, _)| path))
            .collect()
    }

    /// Writes the entry (launching `program`) and the icons, refreshes the desktop's caches where
    /// it has them, and returns the files written.
    pub fn install(&self, program: &Path) -> Result<Vec<PathBuf>, DesktopError> {
        let entry = desktop_entry(program)?;
        let files = std::iter::once((self.entry_path(), entry.as_bytes())).chain(self.icons());
        let mut written = Vec::new();
        for (path, contents) in files {
            write_file(&path, contents)?;
            written.push(path);
        }
        self.refresh_caches();
        Ok(written)
    }

    /// Removes the files [`Self::install`] writes and returns those that were there.
    pub fn uninstall(&self) -> Result<Vec<PathBuf>, DesktopError> {
        let mut removed = Vec::new();
        for path in self.paths() {
            match std::fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(DesktopError::Remove { path, source }),
            }
        }
        if !removed.is_empty() {
            self.refresh_caches();
        }
        Ok(removed)
    }

    fn applications_dir(&self) -> PathBuf {
        self.data_home.join("applications")
    }

    fn hicolor_dir(&self) -> PathBuf {
        self.data_home.join("icons").join("hicolor")
    }

    fn icons(&self) -> Vec<(PathBuf, &'static [u8])> {
        let hicolor = self.hicolor_dir();
        let pngs = PNG_ICONS.iter().map(|&(size, bytes)| {
            let path = hicolor.join(format!("{size}x{size}/apps/{APP_ID}.png"));
            (path, bytes)
        });
        let svg = (
            hicolor.join(format!("scalable/apps/{APP_ID}.svg")),
            SVG_ICON,
        );
        pngs.chain([svg]).collect()
    }

    /// Best effort: tells menus about the new entry and icon themes about the new icon.
    ///
    /// The icon cache is only updated where one exists: a cache created in the user's folder
    /// would hide icons that other programs install there later without updating it. Without a
    /// cache, touching the theme folder is what makes running desktops look again.
    fn refresh_caches(&self) {
        let applications = self.applications_dir();
        if applications.is_dir() {
            run_tool("update-desktop-database", &[applications.as_os_str()]);
        }
        let hicolor = self.hicolor_dir();
        if let Err(e) = File::open(&hicolor).and_then(|dir| dir.set_modified(SystemTime::now())) {
            log::debug!("could not touch {}: {e}", hicolor.display());
        }
        if hicolor.join("icon-theme.cache").is_file() {
            let options = ["--force", "--ignore-theme-index", "--quiet"].map(OsStr::new);
            let args = [&options[..], &[hicolor.as_os_str()]].concat();
            run_tool("gtk-update-icon-cache", &args);
        }
    }
}

/// The desktop entry launching `program` with the files to open: [`SYSTEM_ENTRY`] with `Exec`
/// set to the program's absolute path, quoted as the Desktop Entry spec asks.
pub fn desktop_entry(program: &Path) -> Result<String, DesktopError> {
    let unsupported = || DesktopError::UnsupportedPath(program.to_path_buf());
    let path = program.to_str().ok_or_else(unsupported)?;
    if path.chars().any(char::is_control) {
        return Err(unsupported());
    }
    let exec = format!("Exec={} %F", quote_exec_argument(path));
    let lines: Vec<&str> = SYSTEM_ENTRY
        .lines()
        .map(|line| {
            if line.starts_with("Exec=") {
                exec.as_str()
            } else {
                line
            }
        })
        .collect();
    Ok(lines.join("\n") + "\n")
}

/// Runs `parallax install-desktop` for the running program and prints the files written.
pub fn run_install(out: &mut dyn Write) -> Result<(), DesktopError> {
    let files = DesktopFiles::from_env()?;
    let program = std::env::current_exe().map_err(DesktopError::CurrentExe)?;
    let written = files.install(&program)?;
    let heading = format!(
        "Installed the desktop entry for {} and its icon:",
        program.display()
    );
    print_paths(out, &heading, &written).map_err(DesktopError::Output)
}

/// Runs `parallax uninstall-desktop` and prints the files removed.
pub fn run_uninstall(out: &mut dyn Write) -> Result<(), DesktopError> {
    let files = DesktopFiles::from_env()?;
    let removed = files.uninstall()?;
    let printed = if removed.is_empty() {
        writeln!(
            out,
            "Nothing to remove: Parallax is not installed in {}",
            files.data_home().display()
        )
    } else {
        print_paths(out, "Removed:", &removed)
    };
    printed.map_err(DesktopError::Output)
}

fn print_paths(out: &mut dyn Write, heading: &str, paths: &[PathBuf]) -> io::Result<()> {
    writeln!(out, "{heading}")?;
    for path in paths {
        writeln!(out, "  {}", path.display())?;
    }
    out.flush()
}

/// The XDG data folder: `XDG_DATA_HOME` if absolute, else `HOME/.local/share` if absolute.
fn data_home_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |value: OsString| Some(PathBuf::from(value)).filter(|p| p.is_absolute());
    xdg_data_home.and_then(absolute).or_else(|| {
        home.and_then(absolute)
            .map(|home| home.join(".local").join("share"))
    })
}

/// Quotes one `Exec` argument: `%` doubled; inside double quotes if it holds a reserved
/// character, with `"`, `` ` ``, `$` and `\` escaped; then backslashes escaped again, as the
/// string escapes of the file format are undone before the quoting is.
fn quote_exec_argument(argument: &str) -> String {
    let argument = argument.replace('%', "%%");
    let quoted = if argument.contains(RESERVED) {
        let mut quoted = String::from('"');
        for c in argument.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        argument
    };
    quoted.replace('\\', "\\\\")
}

fn write_file(path: &Path, contents: &[u8]) -> Result<(), DesktopError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|source| DesktopError::CreateFolder {
            path: folder.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, contents).map_err(|source| DesktopError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Runs a cache tool if it is installed; its absence or failure is only logged.
fn run_tool(program: &str, args: &[&OsStr]) {
    match Command::new(program).args(args).output() {
        Ok(output) if output.status.success() => log::debug!("ran {program}"),
        Ok(output) => log::debug!(
            "{program} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            log::debug!("{program} is not installed; skipped");
        }
        Err(e) => log::debug!("could not run {program}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exec_line(entry: &str) -> Vec<&str> {
        entry.lines().filter(|l| l.starts_with("Exec=")).collect()
    }

    #[test]
    fn the_system_entry_launches_parallax_from_the_path() {
        assert_eq!(exec_line(SYSTEM_ENTRY), ["Exec=parallax %F"]);
        assert!(SYSTEM_ENTRY.contains(&format!("\nStartupWMClass={APP_ID}\n")));
        assert!(SYSTEM_ENTRY.contains(&format!("\nIcon={APP_ID}\n")));
    }

    #[test]
    fn the_user_entry_differs_from_the_system_entry_only_in_exec() {
        let entry = desktop_entry(Path::new("/opt/parallax/bin/parallax")).unwrap();
        assert_eq!(exec_line(&entry), ["Exec=/opt/parallax/bin/parallax %F"]);
        let others = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| !l.starts_with("Exec="))
                .map(String::from)
                .collect()
        };
        assert_eq!(others(&entry), others(SYSTEM_ENTRY));
        assert!(entry.ends_with('\n'));
    }

    /// The registered MIME type of files with `extension` (as shared-mime-info names them).
    fn mime_type(extension: &str) -> &'static str {
        match extension {
            "txt" | "text" => "text/plain",
            "md" | "markdown" => "text/markdown",
            "html" | "htm" => "text/html",
            "xhtml" => "application/xhtml+xml",
            "pdf" => "application/pdf",
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "odt" => "application/vnd.oasis.opendocument.text",
            other => panic!("no MIME type known for .{other}: add it here and to the entry"),
        }
    }

    #[test]
    fn the_entry_offers_every_file_type_the_app_opens() {
        let listed: Vec<&str> = SYSTEM_ENTRY
            .lines()
            .find_map(|l| l.strip_prefix("MimeType="))
            .expect("a MimeType line")
            .split_terminator(';')
            .collect();
        for extension in crate::article::folder::SUPPORTED_EXTENSIONS {
            let mime = mime_type(extension);
            assert!(
                listed.contains(&mime),
                ".{extension} ({mime}) is not listed"
            );
        }
    }

    #[test]
    fn plain_paths_are_not_quoted() {
        assert_eq!(
            quote_exec_argument("/usr/local/bin/parallax-0.1_x=y"),
            "/usr/local/bin/parallax-0.1_x=y"
        );
    }

    #[test]
    fn paths_with_spaces_are_quoted() {
        assert_eq!(
            quote_exec_argument("/home/ana/My Apps/parallax"),
            r#""/home/ana/My Apps/parallax""#
        );
    }

    #[test]
    fn quoted_paths_escape_quotes_dollars_backticks_and_backslashes() {
        // Quote rule: \" \$ \` \\ inside the quotes; then the string rule doubles each backslash.
        assert_eq!(
            quote_exec_argument(r#"/a "b" $c `d` \e"#),
            r#""/a \\"b\\" \\$c \\`d\\` \\\\e""#
        );
    }

    #[test]
    fn percent_signs_are_doubled() {
        assert_eq!(
            quote_exec_argument("/opt/100%/parallax"),
            "/opt/100%%/parallax"
        );
        assert_eq!(
            quote_exec_argument("/opt/50% off/p"),
            r#""/opt/50%% off/p""#
        );
    }

    #[test]
    fn control_characters_are_refused() {
        let result = desktop_entry(Path::new("/tmp/new\nline/parallax"));
        assert!(matches!(result, Err(DesktopError::UnsupportedPath(_))));
    }

    #[test]
    fn the_data_home_is_xdg_data_home_when_absolute() {
        let home = Some(OsString::from("/home/ana"));
        assert_eq!(
            data_home_from(Some("/data".into()), home.clone()),
            Some(PathBuf::from("/data"))
        );
        let default = Some(PathBuf::from("/home/ana/.local/share"));
        assert_eq!(data_home_from(None, home.clone()), default);
        assert_eq!(data_home_from(Some("".into()), home.clone()), default);
        assert_eq!(data_home_from(Some("relative".into()), home), default);
        assert_eq!(data_home_from(None, Some("".into())), None);
        assert_eq!(data_home_from(None, None), None);
    }

    #[test]
    fn every_icon_lives_in_the_hicolor_theme() {
        let files = DesktopFiles::new("/d");
        let paths = files.paths();
        assert_eq!(paths[0], Path::new("/d/applications/parallax.desktop"));
        assert!(paths.contains(&PathBuf::from("/d/icons/hicolor/16x16/apps/parallax.png")));
        assert!(paths.contains(&PathBuf::from("/d/icons/hicolor/512x512/apps/parallax.png")));
        assert!(paths.contains(&PathBuf::from(
            "/d/icons/hicolor/scalable/apps/parallax.svg"
        )));
        assert_eq!(paths.len(), 1 + PNG_ICONS.len() + 1);
    }
}
