//! Web addresses: fetching the one page the user named.
//!
//! This module owns recognising `http://` and `https://` addresses among the paths given, and
//! fetching a page with a bounded request ([`TIMEOUT`], [`MAX_PAGE_BYTES`], [`MAX_REDIRECTS`],
//! rustls for HTTPS). Only the address given is fetched; nothing the page refers to ever is. The
//! page's charset comes from the HTTP header when it names one, else from the page itself.

use std::path::Path;
use std::time::Duration;

/// How long a whole fetch may take, redirects included.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// The largest page fetched, in bytes (20 MiB).
pub const MAX_PAGE_BYTES: u64 = 20 << 20;
/// The most redirects followed.
pub const MAX_REDIRECTS: u32 = 5;

/// Why a page could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The server answered with an error status.
    #[error("the server answered {status}{}", status_meaning(*status))]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// The host name did not resolve: offline, or a mistyped address.
    #[error("the host was not found (offline, or a mistyped address?)")]
    HostNotFound,
    /// No connection could be made.
    #[error("could not connect (offline, or the server is down?)")]
    ConnectionFailed,
    /// The fetch took longer than [`TIMEOUT`].
    #[error("no complete answer within {} seconds", TIMEOUT.as_secs())]
    Timeout,
    /// The page is larger than [`MAX_PAGE_BYTES`].
    #[error("the page is larger than {} MiB", MAX_PAGE_BYTES >> 20)]
    TooLarge,
    /// More than [`MAX_REDIRECTS`] redirects.
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    /// The answer is not a web page or text.
    #[error("not a web page (the server sent {content_type})")]
    NotHtml {
        /// The Content-Type the server sent.
        content_type: String,
    },
    /// The address is not one that can be fetched.
    #[error("not a valid web address ({reason})")]
    BadAddress {
        /// What is wrong with it.
        reason: String,
    },
    /// Anything else the HTTP client reported.
    #[error("the request failed ({source})")]
    Other {
        /// What the client said.
        #[source]
        source: ureq::Error,
    },
}

/// A few words on the common error statuses.
fn status_meaning(status: u16) -> &'static str {
    match status {
        401 | 403 => " (access denied)",
        404 | 410 => " (page not found)",
        429 => " (too many requests; try again later)",
        500..=599 => " (a server error)",
        _ => "",
    }
}

impl From<ureq::Error> for FetchError {
    fn from(error: ureq::Error) -> Self {
        match error {
            ureq::Error::StatusCode(status) => FetchError::Status { status },
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::ConnectionFailed => FetchError::ConnectionFailed,
            ureq::Error::Timeout(_) => FetchError::Timeout,
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge,
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
            ureq::Error::BadUri(reason) => FetchError::BadAddress { reason },
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                FetchError::ConnectionFailed
            }
            source => FetchError::Other { source },
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The body as received.
    pub bytes: Vec<u8>,
    /// The charset the Content-Type header names, if any.
    pub charset: Option<String>,
    /// Whether the server said it is plain text rather than HTML.
    pub is_plain_text: bool,
}

/// Whether `path` is an `http://` or `https://` address rather than a file.
pub fn is_web_address(path: &Path) -> bool {
    path.to_str().is_some_and(|s| {
        let scheme_end = s.find("://").unwrap_or(0);
        let scheme = &s[..scheme_end];
        scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
    })
}

/// The host of the address `url` ("www.example.org"), for a label.
pub fn host(url: &str) -> Option<&str> {
    let after_scheme = url.split_once("://")?.1;
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    let host_and_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_and_port.starts_with('[') {
        host_and_port.split_inclusive(']').next()?
    } else {
        host_and_port.split(':').next()?
    };
    (!host.is_empty()).then_some(host)
}

/// Fetches the page at `url` (following at most [`MAX_REDIRECTS`] redirects, within
/// [`TIMEOUT`]); refuses what is not HTML or text and what is larger than [`MAX_PAGE_BYTES`].
///
/// # Errors
/// A [`FetchError`] saying what went wrong.
pub fn fetch(url: &str) -> Result<Page, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(concat!("Parallax/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8")
        .call()?;
    let body = response.body_mut();
    let mime_type = body.mime_type().map(str::to_ascii_lowercase);
    if let Some(other) = mime_type.as_deref().filter(|m| !is_page_type(m)) {
        return Err(FetchError::NotHtml {
            content_type: other.to_owned(),
        });
    }
    let is_plain_text = mime_type.as_deref() == Some("text/plain");
    let charset = body.charset().map(str::to_owned);
    let bytes = body.with_config().limit(MAX_PAGE_BYTES).read_to_vec()?;
    Ok(Page {
        bytes,
        charset,
        is_plain_text,
    })
}

/// Whether a Content-Type is one whose article can be read: HTML, XHTML or plain text.
fn is_page_type(mime_type: &str) -> bool {
    matches!(
        mime_type,
        "text/html" | "application/xhtml+xml" | "text/plain"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_paths() {
        for address in [
            "https://example.org/a",
            "HTTP://x.org",
            "http://127.0.0.1:8080/",
        ] {
            assert!(is_web_address(Path::new(address)), "{address}");
        }
        for path in [
            "story.txt",
            "ftp://x.org/a",
            "dir/https://x",
            "https:/x",
            "http",
        ] {
            assert!(!is_web_address(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn hosts_are_found() {
        assert_eq!(
            host("https://www.example.org/news/1"),
            Some("www.example.org")
        );
        assert_eq!(host("http://127.0.0.1:8080/x?y"), Some("127.0.0.1"));
        assert_eq!(host("http://user@host.net#top"), Some("host.net"));
        assert_eq!(host("http://[::1]:80/"), Some("[::1]"));
        assert_eq!(host("https:///path"), None);
    }

    #[test]
    fn statuses_read_well() {
        assert_eq!(
            FetchError::Status { status: 404 }.to_string(),
            "the server answered 404 (page not found)"
        );
        assert_eq!(
            FetchError::Status { status: 418 }.to_string(),
            "the server answered 418"
        );
    }
}
