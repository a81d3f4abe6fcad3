//! The workshop timer: a countdown for time boxes (no egui). It is session state, never part of the map.
//!
//! Every method takes the time from a [`Clock`], so the editor uses the system's clock and tests move a
//! [`FakeClock`] by hand. The timer never needs to be ticked: what it shows is worked out from the time it is
//! asked at, and [`Timer::next_change`] says when that will look different, so the editor repaints only then
//! (and not at all while no timer runs or flashes).

mod clock;

use std::time::Duration;

pub use clock::{Clock, FakeClock, SystemClock};

/// The time boxes offered in the Timer menu, in minutes.
pub const PRESET_MINUTES: [u32; 5] = [1, 3, 5, 10, 15];
/// The length of a timer started before any was chosen.
pub const DEFAULT_LENGTH: Duration = Duration::from_secs(5 * 60);
/// The longest time box: a custom time or +1 minute stops here.
pub const MAX_LENGTH: Duration = Duration::from_secs(5 * 60 * 60);
/// How long a timer that ran out flashes before it stays lit.
pub const FLASH_FOR: Duration = Duration::from_secs(15);
/// Half of one flash: lit for this long, then dark for as long. Once a second, well below the three flashes a
/// second that can trigger photosensitive seizures.
pub const FLASH_HALF: Duration = Duration::from_millis(500);

const MINUTE: Duration = Duration::from_secs(60);

/// Where a timer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// No timer was set in this session: nothing is shown.
    Off,
    /// Set to its length, not started (after a reset).
    Ready,
    Running {
        ends_at: Duration,
    },
    Paused {
        left: Duration,
    },
    /// Ran out at `at`; flashes for [`FLASH_FOR`] unless `quiet` (acknowledged by start/pause).
    RunOut {
        at: Duration,
        quiet: bool,
    },
}

/// What the timer shows at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Off,
    Ready,
    Running,
    Paused,
    /// Ran out a moment ago: alternately `lit` and not, twice a second.
    Flashing {
        lit: bool,
    },
    /// Ran out, and has stopped flashing.
    RunOut,
}

/// The timer as shown at one moment: its phase and the time left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub phase: Phase,
    pub left: Duration,
}

impl Reading {
    /// The time left as a clock shows it: `4:59`, `0:00`, `1:05:00`. Seconds are rounded up, so a timer shows
    /// its whole length when started and `0:00` only once it has run out.
    pub fn clock_text(&self) -> String {
        clock_text(self.left)
    }

    /// Whether it ran out (flashing or not).
    pub fn ran_out(&self) -> bool {
        matches!(self.phase, Phase::Flashing { .. } | Phase::RunOut)
    }
}

/// A time as a clock shows it, seconds rounded up.
pub fn clock_text(left: Duration) -> String {
    let seconds = left.as_millis().div_ceil(1000);
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// A countdown. Its length is the time box last chosen; start, pause, +1 minute and reset act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    length: Duration,
    state: State,
}

impl Default for Timer {
    fn default() -> Self {
        Timer {
            length: DEFAULT_LENGTH,
            state: State::Off,
        }
    }
}

impl Timer {
    /// The time box it counts down from.
    pub fn length(&self) -> Duration {
        self.length
    }

    /// Chooses a time box and starts counting down at once (a preset or a custom time from the menu).
    pub fn start_new(&mut self, length: Duration, now: Duration) {
        self.length = length.clamp(Duration::from_secs(1), MAX_LENGTH);
        self.state = State::Running {
            ends_at: now + self.length,
        };
    }

    /// Starts, or goes on after a pause. After running out, starts the time box again.
    pub fn start(&mut self, now: Duration) {
        self.settle(now);
        self.state = match self.state {
            State::Running { .. } => self.state,
            State::Paused { left } => State::Running {
                ends_at: now + left,
            },
            State::Off | State::Ready | State::RunOut { .. } => State::Running {
                ends_at: now + self.length,
            },
        };
    }

    /// Stops the countdown where it is. A timer that ran out stops flashing.
    pub fn pause(&mut self, now: Duration) {
        self.settle(now);
        self.state = match self.state {
            State::Running { ends_at } => State::Paused {
                left: ends_at.saturating_sub(now),
            },
            State::RunOut { at, .. } => State::RunOut { at, quiet: true },
            other => other,
        };
    }

    /// One key for both: pauses a running timer, silences a flashing one, starts any other.
    pub fn start_or_pause(&mut self, now: Duration) {
        match self.read(now).phase {
            Phase::Running | Phase::Flashing { .. } => self.pause(now),
            Phase::Off | Phase::Ready | Phase::Paused | Phase::RunOut => self.start(now),
        }
    }

    /// One more minute. A timer that ran out counts down that minute; one not started gets a longer time box.
    pub fn add_minute(&mut self, now: Duration) {
        self.settle(now);
        self.state = match self.state {
            State::Running { ends_at } => State::Running {
                ends_at: (ends_at + MINUTE).min(now + MAX_LENGTH),
            },
            State::Paused { left } => State::Paused {
                left: (left + MINUTE).min(MAX_LENGTH),
            },
            State::RunOut { .. } => State::Running {
                ends_at: now + MINUTE,
            },
            State::Off | State::Ready => {
                self.length = (self.length + MINUTE).min(MAX_LENGTH);
                State::Ready
            }
        };
    }

    /// Back to the full time box, not running.
    pub fn reset(&mut self) {
        self.state = State::Ready;
    }

    /// What it shows at `now`.
    pub fn read(&self, now: Duration) -> Reading {
        let (phase, left) = match self.state {
            State::Off => (Phase::Off, self.length),
            State::Ready => (Phase::Ready, self.length),
            State::Paused { left } => (Phase::Paused, left),
            State::Running { ends_at } if now < ends_at => (Phase::Running, ends_at - now),
            State::Running { ends_at } => (ran_out(ends_at, false, now), Duration::ZERO),
            State::RunOut { at, quiet } => (ran_out(at, quiet, now), Duration::ZERO),
        };
        Reading { phase, left }
    }

    /// How long from `now` until what it shows changes: the next second while it runs, the next half flash
    /// while it flashes; `None` while nothing changes by itself (off, ready, paused, ran out and quiet).
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        let end = match self.state {
            State::Running { ends_at } => ends_at,
            State::RunOut { at, quiet: false } => at,
            _ => return None,
        };
        if now < end {
            // The shown second is rounded up, so it changes when the time left crosses a whole second.
            let into_second = (end - now).as_millis() % 1000;
            let wait = if into_second == 0 { 1000 } else { into_second };
            return Some(Duration::from_millis(wait as u64));
        }
        let since = now - end;
        if since >= FLASH_FOR {
            return None;
        }
        let half = FLASH_HALF.as_millis();
        let into_half = since.as_millis() % half;
        Some(Duration::from_millis((half - into_half) as u64))
    }

    /// Turns a countdown that has reached its end into a timer that ran out, so that what follows starts from
    /// there.
    fn settle(&mut self, now: Duration) {
        if let State::Running { ends_at } = self.state
            && now >= ends_at
        {
            self.state = State::RunOut {
                at: ends_at,
                quiet: false,
            };
        }
    }
}

fn ran_out(at: Duration, quiet: bool, now: Duration) -> Phase {
    let since = now.saturating_sub(at);
    if quiet || since >= FLASH_FOR {
        return Phase::RunOut;
    }
    let half = since.as_millis() / FLASH_HALF.as_millis();
    Phase::Flashing {
        lit: half.is_multiple_of(2),
    }
}

/// Why a custom time was not understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeError {
    /// Neither minutes (`7`, `2.5`) nor minutes and seconds (`2:30`).
    NotATime,
    /// Zero, or longer than [`MAX_LENGTH`].
    OutOfRange,
}

/// A custom time box as typed: minutes (`7`, `2.5` or `2,5`) or minutes and seconds (`2:30`).
pub fn parse_time(text: &str) -> Result<Duration, TimeError> {
    let text = text.trim();
    let seconds = match text.split_once(':') {
        Some((minutes, seconds)) => {
            let minutes: u64 = minutes.trim().parse().map_err(|_| TimeError::NotATime)?;
            let seconds: u64 = seconds.trim().parse().map_err(|_| TimeError::NotATime)?;
            if seconds >= 60 {
                return Err(TimeError::NotATime);
            }
            minutes.saturating_mul(60).saturating_add(seconds) as f64
        }
        None => {
            let minutes: f64 = text
                .replace(',', ".")
                .parse()
                .map_err(|_| TimeError::NotATime)?;
            if !minutes.is_finite() {
                return Err(TimeError::NotATime);
            }
            (minutes * 60.0).round()
        }
    };
    if seconds < 1.0 || seconds > MAX_LENGTH.as_secs_f64() {
        return Err(TimeError::OutOfRange);
    }
    Ok(Duration::from_secs(seconds as u64))
}

#[cfg(test)]
mod tests;
