//! What the browser asks `serve` for: the pages (with the live-reload script added), the
//! update events, the current mistakes, the translations page and the script itself.

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use super::AppState;
use crate::diagnostics::Diagnostic;
use crate::output::Made;

pub(super) async fn sse(
    State(state): State<AppState>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let stream = BroadcastStream::new(state.events.subscribe())
        .filter_map(|m| m.ok())
        .map(|data| Ok(Event::default().event("update").data(data)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

pub(super) async fn live_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
        .into_response()
}

pub(super) async fn problems(State(state): State<AppState>) -> Response {
    // The mistakes are known once every page has been rendered.
    while !state.starting.done() {
        tokio::time::sleep(WAIT).await;
    }
    let problems: Vec<serde_json::Value> = match state.served.read() {
        Ok(s) => s.problems.iter().map(Diagnostic::to_json).collect(),
        Err(_) => Vec::new(),
    };
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        serde_json::json!({ "problems": problems }).to_string(),
    )
        .into_response()
}

/// The translation status as a page for the people who plan the translators' work; served
/// only here, never published. Read from the files at each request, so it is always current.
pub(super) async fn translations(State(state): State<AppState>) -> Response {
    let root = state.root.clone();
    let html =
        tokio::task::spawn_blocking(move || crate::commands::translations::report_html(&root))
            .await
            .unwrap_or_else(|e| format!("<!doctype html><title>error</title><p>{e}</p>"));
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        String::from_utf8_lossy(&inject_live_reload(html.into_bytes())).into_owned(),
    )
        .into_response()
}

/// How often a request that waits for the first rendering looks again.
const WAIT: std::time::Duration = std::time::Duration::from_millis(10);

pub(super) enum Found {
    Bytes(Vec<u8>),
    File(PathBuf),
    /// A version of a picture, made on the first request (through the picture cache).
    Made(Made),
}

pub(super) async fn page(State(state): State<AppState>, uri: Uri) -> Response {
    let path = percent_decode(uri.path().trim_start_matches('/'));
    let lookup = |p: &str| -> Option<Found> {
        let served = state.served.read().ok()?;
        if let Some(b) = served.output.files.get(p) {
            return Some(Found::Bytes(b.clone()));
        }
        if let Some(m) = served.output.made.get(p) {
            return Some(Found::Made(m.clone()));
        }
        served.output.copies.get(p).cloned().map(Found::File)
    };
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    // While serve starts, a page not yet rendered is asked for and waited for.
    let folder = format!("{path}/index.html");
    let has = |p: &str| state.served.read().is_ok_and(|s| s.output.contains(p));
    if !state.starting.done() && !has(&file) && !has(&folder) {
        state.starting.want(&file);
        state.starting.want(&folder);
        while !state.starting.done() && !has(&file) && !has(&folder) {
            tokio::time::sleep(WAIT).await;
        }
    }
    let found = match lookup(&file) {
        Some(f) => Some(f),
        None if !path.ends_with('/') && lookup(&format!("{path}/index.html")).is_some() => {
            let to = format!("/{path}/");
            return (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, to.as_str())],
            )
                .into_response();
        }
        None => None,
    };
    let (status, file, found) = match found {
        Some(f) => (StatusCode::OK, file, f),
        None => match lookup("404.html") {
            Some(f) => (StatusCode::NOT_FOUND, "404.html".to_string(), f),
            None => return (StatusCode::NOT_FOUND, "not found").into_response(),
        },
    };
    let bytes = match found {
        Found::Bytes(b) => b,
        Found::File(source) => match tokio::fs::read(&source).await {
            Ok(b) => b,
            Err(e) => {
                let shown = source.strip_prefix(&state.root).unwrap_or(&source);
                return (
                    StatusCode::NOT_FOUND,
                    format!("cannot read {}: {e}", shown.display()),
                )
                    .into_response();
            }
        },
        Found::Made(made) => {
            let cache = state.cache.clone();
            let source = made.source.clone();
            let versions = [made.version];
            let result =
                tokio::task::spawn_blocking(move || cache.versions(&source, &versions)).await;
            match result {
                Ok(Ok(mut bytes)) => bytes.pop().unwrap_or_default(),
                Ok(Err(words)) => {
                    let shown = made
                        .source
                        .strip_prefix(&state.root)
                        .unwrap_or(&made.source);
                    return (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        format!("cannot make this picture from {}: {words}", shown.display()),
                    )
                        .into_response();
                }
                Err(e) => {
                    return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response();
                }
            }
        }
    };
    let kind = content_type(&file);
    let body = if kind.starts_with("text/html") {
        inject_live_reload(bytes)
    } else {
        bytes
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Adds the live-reload script before `</body>`.
pub(super) fn inject_live_reload(html: Vec<u8>) -> Vec<u8> {
    let tag = b"<script src=\"/_sulam/live.js\" defer></script>";
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag);
    out.extend_from_slice(&html[at..]);
    out
}

pub(super) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

pub(super) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(hex) = std::str::from_utf8(hex)
            && let Ok(v) = u8::from_str_radix(hex, 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The script `serve` adds to every page: reloads the page when its files change, shows the
/// build's mistakes over the page while there are any.
pub(super) const LIVE_JS: &str = include_str!("live.js");
