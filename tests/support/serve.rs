//! A `sulam serve` process on a free port, and a bare HTTP client for its pages and its reload
//! events: what the serve tests and the save-to-reload benchmarks both drive.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// `sulam serve --port 0` on a site, stopped when dropped.
pub struct Server {
    child: Child,
    /// `host:port`, as the server printed it.
    pub address: String,
    /// What it wrote to stderr before it printed its address: the first build's line among it.
    pub startup: Vec<String>,
    /// The lines it writes to stderr after that, as they come.
    pub stderr: mpsc::Receiver<String>,
}

impl Server {
    /// Starts the server on the site at `root` and waits, at most `wait` in all, for its first
    /// build and its address.
    pub fn start(root: &Path, wait: Duration) -> Result<Server, String> {
        Server::start_on(root, 0, wait)
    }

    /// As [`Server::start`], asking for `port` first (0: any free port).
    pub fn start_on(root: &Path, port: u16, wait: Duration) -> Result<Server, String> {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_sulam"))
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(root)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start sulam serve: {e}"))?;
        let stderr = child.stderr.take();
        let (tx, rx) = mpsc::channel();
        let mut server = Server {
            child,
            address: String::new(),
            startup: Vec::new(),
            stderr: rx,
        };
        let stderr = stderr.ok_or("sulam serve has no stderr")?;
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        while server.address.is_empty() {
            let left = wait.saturating_sub(started.elapsed());
            let Ok(line) = server.stderr.recv_timeout(left) else {
                return Err(format!(
                    "sulam serve printed no address within {wait:?}:\n{}",
                    server.startup.join("\n")
                ));
            };
            match line.strip_prefix("serving http://") {
                Some(rest) => server.address = rest.split('/').next().unwrap_or("").to_string(),
                None => server.startup.push(line),
            }
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `GET path` on a connection of its own: the status code (0 if there is none) and the whole
/// response, headers included.
pub fn get(address: &str, path: &str) -> io::Result<(u16, String)> {
    let mut s = TcpStream::connect(address)?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )?;
    let mut text = String::new();
    s.read_to_string(&mut text)?;
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((status, text))
}

/// Listens to the reload events; each `update` event's data arrives on the channel.
///
/// Returns once the server has answered with the headers of the stream: the server subscribes
/// before it answers, so no event of a save made after this returns is missed.
pub fn events(address: &str) -> io::Result<mpsc::Receiver<String>> {
    let mut s = TcpStream::connect(address)?;
    write!(
        s,
        "GET /_sulam/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )?;
    let mut reader = BufReader::new(s);
    let mut status = String::new();
    reader.read_line(&mut status)?;
    if !status.starts_with("HTTP/1.1 200") {
        return Err(io::Error::other(format!("the events answered {status}")));
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut next_is_update = false;
        for line in reader.lines().map_while(Result::ok) {
            if line == "event: update" {
                next_is_update = true;
            } else if let Some(data) = line.strip_prefix("data: ")
                && next_is_update
            {
                next_is_update = false;
                if tx.send(data.to_string()).is_err() {
                    break;
                }
            }
        }
    });
    Ok(rx)
}
