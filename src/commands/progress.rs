//! The line a long `sulam build` shows on a terminal: the step it is in and how far
//! ("rendering pages 512/1030 in 3 languages"), redrawn in place and cleared at the end.
//!
//! Only where a person watches: standard error is a terminal, `TERM` is not `dumb` (a
//! terminal that cannot go back to the start of a line), `--quiet` was not given; and only once
//! the build has run a second, so that a quick build prints its summary and nothing else. In a
//! pipe or a CI log nothing is drawn: a line redrawn with `\r` is noise there. The wait is
//! `SULAM_PROGRESS_AFTER_MS` milliseconds when set, for tests.

use std::io::Write as _;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::build::Step;

/// How long a build runs before its progress is shown.
const AFTER: Duration = Duration::from_secs(1);
/// How often the line is redrawn while a step goes on.
const EVERY: Duration = Duration::from_millis(100);

/// The progress line of a build, drawn from the build's steps and by a thread of its own that
/// redraws it while a long step goes on.
pub struct Progress {
    shared: Option<Arc<Shared>>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

struct Shared {
    started: Instant,
    after: Duration,
    state: Mutex<State>,
    stop: Condvar,
}

#[derive(Default)]
struct State {
    step: Option<Step>,
    /// What is on the terminal now, if anything.
    drawn: Option<String>,
    stopped: bool,
}

/// Whether a progress line may be drawn: on a terminal, not `TERM=dumb`, not `--quiet`.
pub fn wanted(quiet: bool) -> bool {
    use std::io::IsTerminal;
    !quiet && std::io::stderr().is_terminal() && std::env::var("TERM").as_deref() != Ok("dumb")
}

impl Progress {
    /// A progress line that draws when `show`, or one that never does.
    pub fn start(show: bool) -> Progress {
        if !show {
            return Progress {
                shared: None,
                ticker: None,
            };
        }
        let after = std::env::var("SULAM_PROGRESS_AFTER_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(Duration::from_millis)
            .unwrap_or(AFTER);
        let shared = Arc::new(Shared {
            started: Instant::now(),
            after,
            state: Mutex::new(State::default()),
            stop: Condvar::new(),
        });
        let ticking = Arc::clone(&shared);
        let ticker = std::thread::Builder::new()
            .name("progress".into())
            .spawn(move || ticking.tick())
            .ok();
        Progress {
            shared: Some(shared),
            ticker,
        }
    }

    /// The build has reached `step`. A new kind of step is drawn at once; counts within a step
    /// are left to the ticker, so that a fast step does not flood the terminal.
    pub fn step(&self, step: Step) {
        let Some(shared) = &self.shared else { return };
        let Ok(mut state) = shared.state.lock() else {
            return;
        };
        let new_kind = state
            .step
            .as_ref()
            .is_none_or(|s| std::mem::discriminant(s) != std::mem::discriminant(&step));
        state.step = Some(step);
        if new_kind && shared.started.elapsed() >= shared.after {
            draw(&mut state);
        }
    }

    /// Stops redrawing and clears the line, so that what is printed next starts on a clean
    /// line.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let Some(shared) = self.shared.take() else {
            return;
        };
        if let Ok(mut state) = shared.state.lock() {
            state.stopped = true;
            if state.drawn.take().is_some() {
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[K");
                let _ = err.flush();
            }
        }
        shared.stop.notify_all();
        if let Some(t) = self.ticker.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Shared {
    /// Waits until the build has run `after`, then redraws the line every `EVERY` until
    /// stopped.
    fn tick(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        let mut wait = self.after;
        loop {
            state = match self.stop.wait_timeout(state, wait) {
                Ok((s, _)) => s,
                Err(_) => return,
            };
            if state.stopped {
                return;
            }
            if self.started.elapsed() >= self.after {
                draw(&mut state);
                wait = EVERY;
            } else {
                wait = self.after.saturating_sub(self.started.elapsed());
            }
        }
    }
}

/// Draws the current step over what is on the line, if it changed.
fn draw(state: &mut State) {
    let Some(step) = &state.step else { return };
    let text = line(step);
    if state.drawn.as_deref() == Some(text.as_str()) {
        return;
    }
    let mut err = std::io::stderr().lock();
    // Back to the start of the line, the text, then clear what a longer line left.
    let _ = write!(err, "\r{text}\x1b[K");
    let _ = err.flush();
    state.drawn = Some(text);
}

/// The words of the progress line for `step`.
pub fn line(step: &Step) -> String {
    match step {
        Step::Reading => "reading the site".into(),
        Step::Rendering {
            done,
            total,
            languages,
        } => format!(
            "rendering pages {done}/{total} in {languages} language{}",
            if *languages == 1 { "" } else { "s" }
        ),
        Step::Extras => "writing feeds, sitemap and search index".into(),
        Step::Compressing { done, total } => format!("compressing text files {done}/{total}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_in_words_with_its_counts() {
        assert_eq!(line(&Step::Reading), "reading the site");
        assert_eq!(
            line(&Step::Rendering {
                done: 1200,
                total: 11000,
                languages: 3
            }),
            "rendering pages 1200/11000 in 3 languages"
        );
        assert_eq!(
            line(&Step::Rendering {
                done: 0,
                total: 5,
                languages: 1
            }),
            "rendering pages 0/5 in 1 language"
        );
        assert_eq!(
            line(&Step::Extras),
            "writing feeds, sitemap and search index"
        );
        assert_eq!(
            line(&Step::Compressing {
                done: 17,
                total: 315
            }),
            "compressing text files 17/315"
        );
    }

    #[test]
    fn a_progress_that_does_not_show_draws_nothing_and_stops_at_once() {
        let p = Progress::start(false);
        p.step(Step::Reading);
        assert!(p.shared.is_none() && p.ticker.is_none());
        p.finish();
    }
}
