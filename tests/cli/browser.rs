//! A headless Chromium driven through chromedriver's WebDriver protocol (plain HTTP and JSON on
//! the loopback address), for the tests that fill pages the way a person does: clicks, keys,
//! reloads, downloads.
//!
//! Chromium and chromedriver come from the system packages (`.ci/run` installs `chromium` and
//! `chromium-driver`); $RUNGS_CHROMIUM and $RUNGS_CHROMEDRIVER name others. Without them a test
//! fails when CI is set, and otherwise prints a loud SKIPPED message.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The Chromium binary: $RUNGS_CHROMIUM when set (and a file), else the first of the usual
/// names on PATH.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("RUNGS_CHROMIUM") {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// chromedriver: $RUNGS_CHROMEDRIVER when set (and a file), else `chromedriver` on PATH.
pub fn find_chromedriver() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("RUNGS_CHROMEDRIVER") {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromedriver"))
        .find(|candidate| candidate.is_file())
}

/// Chromium and chromedriver, or `None` after a loud skip message; either one missing fails the
/// test under CI.
pub fn browser_or_skip(test: &str) -> Option<(PathBuf, PathBuf)> {
    let chromium = find_chromium();
    let driver = find_chromedriver();
    if let (Some(chromium), Some(driver)) = (&chromium, &driver) {
        return Some((chromium.clone(), driver.clone()));
    }
    let missing = match (chromium, driver) {
        (None, None) => "Chromium and chromedriver are",
        (None, Some(_)) => "Chromium is",
        _ => "chromedriver is",
    };
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    assert!(
        !ci,
        "{test}: {missing} not installed and CI is set; install the system packages `chromium` and `chromium-driver`"
    );
    let _ = writeln!(
        std::io::stderr(),
        "\n\
         ************************************************************************\n\
         SKIPPED {test}: {missing} not installed, so the rater form was NOT\n\
         checked in a browser. Install the system packages `chromium` and\n\
         `chromium-driver` (or set RUNGS_CHROMIUM and RUNGS_CHROMEDRIVER) to run\n\
         it; under CI this is a failure.\n\
         ************************************************************************\n"
    );
    None
}

/// A running chromedriver with one browser session; both end when it is dropped.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
    /// Where downloads land.
    pub downloads: tempfile::TempDir,
}

impl Browser {
    /// Start chromedriver and a fresh headless Chromium that saves downloads without asking.
    pub fn start(chromium: &Path, chromedriver: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().expect("profile dir");
        let downloads = tempfile::tempdir().expect("downloads dir");
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            _profile: profile,
            downloads,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while browser.try_request("GET", "/status", None).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not answer within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": chromium,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--window-size=1000,900",
                        format!("--user-data-dir={}", browser._profile.path().display()),
                    ],
                    "prefs": {
                        "download.default_directory": browser.downloads.path(),
                        "download.prompt_for_download": false,
                    },
                },
            }},
        });
        let created = browser.request("POST", "/session", Some(capabilities));
        browser.session = created["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        browser.cdp(
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": browser.downloads.path() }),
        );
        browser
    }

    fn try_request(&self, method: &str, path: &str, body: Option<Value>) -> std::io::Result<Value> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(300)))?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        // chromedriver keeps the connection open: read the head, then Content-Length bytes.
        let mut response = Vec::new();
        let mut buffer = [0u8; 65536];
        let split = loop {
            if let Some(at) = response.windows(4).position(|w| w == b"\r\n\r\n") {
                break at;
            }
            let n = read_some(&mut stream, &mut buffer)?;
            if n == 0 {
                return Err(std::io::Error::other(
                    "the connection closed before the HTTP head ended",
                ));
            }
            response.extend_from_slice(&buffer[..n]);
        };
        let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
        let mut payload = response[split + 4..].to_vec();
        let length = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .and_then(|n| n.trim().parse::<usize>().ok());
        match length {
            Some(length) => {
                while payload.len() < length {
                    let n = read_some(&mut stream, &mut buffer)?;
                    if n == 0 {
                        break;
                    }
                    payload.extend_from_slice(&buffer[..n]);
                }
            }
            None => {
                stream.read_to_end(&mut payload)?;
                if head.contains("transfer-encoding: chunked") {
                    payload = dechunk(&payload);
                }
            }
        }
        serde_json::from_slice(&payload).map_err(std::io::Error::other)
    }

    /// A WebDriver request; its `value`, after asserting it is no error.
    fn request(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let answer = self
            .try_request(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let value = answer["value"].clone();
        assert!(value.get("error").is_none(), "{method} {path}: {value}");
        value
    }

    fn session_post(&self, path: &str, body: Value) -> Value {
        self.request(
            "POST",
            &format!("/session/{}{path}", self.session),
            Some(body),
        )
    }

    /// A Chrome DevTools command in the current page.
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        self.session_post(
            "/goog/cdp/execute",
            json!({ "cmd": command, "params": params }),
        )
    }

    /// Open a file and wait for it to load.
    pub fn open(&self, page: &Path) {
        self.session_post(
            "/url",
            json!({ "url": format!("file://{}", page.display()) }),
        );
    }

    /// What the page wrote to the browser's log since the last call (script errors, refused
    /// loads), one entry each with its `level` and `message`.
    pub fn log(&self) -> Vec<Value> {
        self.session_post("/se/log", json!({ "type": "browser" }))
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Reload the page.
    pub fn reload(&self) {
        self.session_post("/refresh", json!({}));
    }

    /// Run a script (a function body; `arguments` holds `args`) and return its result.
    pub fn eval(&self, script: &str, args: Value) -> Value {
        self.session_post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// The first element that matches a CSS selector.
    pub fn find(&self, css: &str) -> String {
        let found = self.session_post("/element", json!({ "using": "css selector", "value": css }));
        // The reference is the object's one value (its key differs between drivers).
        found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{css}: no element in {found}"))
            .to_string()
    }

    /// Click an element.
    pub fn click(&self, css: &str) {
        let element = self.find(css);
        self.session_post(&format!("/element/{element}/click"), json!({}));
    }

    /// Type keys into whatever has the focus.
    pub fn keys(&self, text: &str) {
        let mut actions = Vec::new();
        for c in text.chars() {
            actions.push(json!({ "type": "keyDown", "value": c.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": c.to_string() }));
        }
        self.session_post(
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        );
    }

    /// Type text into an element (focusing it first).
    pub fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.session_post(
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        );
    }

    /// The text of the page's title.
    pub fn title(&self) -> String {
        self.request("GET", &format!("/session/{}/title", self.session), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Wait until one file is downloaded, whatever its name, and return its path.
    pub fn only_download(&self) -> PathBuf {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let names: Vec<PathBuf> = std::fs::read_dir(self.downloads.path())
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            if let [one] = names.as_slice() {
                if !one.to_string_lossy().ends_with(".crdownload") {
                    return one.clone();
                }
            }
            assert!(
                Instant::now() < deadline,
                "no single download within 30 s: {names:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Wait until a file with this name is downloaded (and no partial download is left), then
    /// return its path.
    pub fn downloaded(&self, name: &str) -> PathBuf {
        let path = self.downloads.path().join(name);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let partial = std::fs::read_dir(self.downloads.path())
                .map(|d| {
                    d.flatten()
                        .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
                })
                .unwrap_or(false);
            if path.is_file() && !partial {
                return path;
            }
            assert!(
                Instant::now() < deadline,
                "{name} was not downloaded within 30 s; the folder holds {:?}",
                std::fs::read_dir(self.downloads.path())
                    .map(|d| d.flatten().map(|e| e.file_name()).collect::<Vec<_>>())
                    .unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.try_request("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The body of a chunked HTTP response.
fn dechunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = bytes.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&bytes[..end])
                .split(';')
                .next()
                .unwrap_or("0")
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&bytes[start..(start + size).min(bytes.len())]);
        bytes = &bytes[(start + size + 2).min(bytes.len())..];
    }
    out
}

/// One read from the driver's connection, tried again when a signal to the test process
/// interrupts it (a plain `read` does not retry, and a busy machine makes it happen).
fn read_some(stream: &mut TcpStream, buffer: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match stream.read(buffer) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}
