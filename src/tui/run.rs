//! The main loop, generic over the terminal backend: draw, wait for an event or a tick, update, carry out the
//! effects. Events, clocks and the outside world (config, results folder) are injected, so tests can drive the
//! real loop on a test backend.

use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::app::{App, Delivery, Effect, Found, Msg, Now, Offer, Room, Screen};
use super::blocker::Blocker;
use super::screens::render;
use super::theme::Theme;
use crate::quiz::Taxonomy;
use crate::record::presence::{HEARTBEAT_MS, Here, Sighting};
use crate::record::{AttemptId, AttemptRecord, Participant};

/// Where terminal events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `None` when the time passed without one.
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>>;
}

/// The real terminal's events.
#[derive(Debug, Default)]
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>> {
        if ratatui::crossterm::event::poll(timeout)? {
            ratatui::crossterm::event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The clocks.
pub trait Clock {
    /// The current reading.
    fn now(&self) -> Now;
}

/// The system clocks.
#[derive(Debug)]
pub struct SystemClock {
    start: Instant,
}

impl Default for SystemClock {
    fn default() -> Self {
        Self {
            start: Instant::now(),
        }
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Now {
        Now {
            wall: Timestamp::now(),
            mono_ms: u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX),
        }
    }
}

/// The trainer's config the app started without, as the loop asks after it.
#[derive(Debug)]
pub enum Finding {
    /// None is being read: the app started with its config, or took it in already.
    Nothing,
    /// Still being read.
    Reading,
    /// Read, or unreadable (why, in words).
    Read(Result<Found, Blocker>),
}

/// The outside world the app needs: the trainer's config and the results folder.
pub trait Services {
    /// The config being read behind the first frame, once it is read; asked after every frame until there is
    /// `Nothing` more to ask. The services open the session's store here, after the first frame.
    fn found(&mut self) -> Finding {
        Finding::Nothing
    }
    /// Reads the config again (at every sign-in).
    fn load_room(&mut self) -> Result<Room, Blocker>;
    /// Checks that results can be written, and finds an unfinished attempt of `participant` on quiz `quiz`.
    fn prepare(
        &mut self,
        quiz: &str,
        participant: &Participant,
    ) -> (Result<(), Blocker>, Option<AttemptRecord>);
    /// Saves a record atomically, on this computer first, then in the results folder; says where it is.
    fn save(&mut self, record: &AttemptRecord) -> Delivery;
    /// The attempts `participant` has in this session, whatever their status (none when nothing is recorded).
    fn attempts(&mut self, participant: &Participant) -> Vec<AttemptRecord> {
        let _ = participant;
        Vec::new()
    }
    /// Renews this workstation's presence file with what is on screen (`None`: nobody signed in, the file is
    /// removed); `changed` when who is signed in or the quiz or attempt changed, not only a heartbeat; `now_ms` by
    /// the loop's clock.
    fn announce(&mut self, here: Option<&Here>, changed: bool, now_ms: u64) {
        let _ = (here, changed, now_ms);
    }
    /// Another workstation's app that has `attempt` open, as far as this app can tell at `now_ms`.
    fn elsewhere(&mut self, attempt: &AttemptId, now_ms: u64) -> Option<Sighting> {
        let _ = (attempt, now_ms);
        None
    }
}

/// The quiz bank, delivered once it is parsed. The first frame never waits for it, and parsing starts at the
/// trainee's first key (typing a name takes seconds; parsing, milliseconds), so the sign-in screen holds only what
/// it needs.
pub struct BankDelivery {
    /// Where the parsed bank arrives.
    pub receiver: Receiver<(Vec<Offer>, Taxonomy)>,
    /// Tells the parser to start; `None` once told, or when it was started already.
    pub start: Option<Sender<()>>,
}

impl BankDelivery {
    /// Tells the parser to start, once.
    fn start(&mut self) {
        if let Some(start) = self.start.take() {
            let _ = start.send(());
        }
    }

    /// Whether the parser is at work (and the loop must look for its result).
    fn started(&self) -> bool {
        self.start.is_none()
    }
}

/// How long the loop sleeps when nothing is timed: it wakes for input, resizes and ticks only.
const IDLE: Duration = Duration::from_secs(3600);
/// The tick of timed attempts and of save retries.
const TICK: Duration = Duration::from_secs(1);
/// How long after a save that was not delivered it is tried again, in milliseconds, whatever keys arrive.
const RETRY_MS: u64 = 1000;
/// How often the loop looks for the bank while it is being parsed.
const BANK_POLL: Duration = Duration::from_millis(10);
/// How often the loop looks for a config still being read from a slow shared folder (which may take long, or
/// forever if the folder hangs: the loop wakes ten times a second meanwhile, not more).
const CONFIG_POLL: Duration = Duration::from_millis(100);

fn wants_ticks(app: &App, retrying: bool) -> bool {
    let timed = matches!(&app.screen, Screen::Attempt(s) if s.attempt.remaining_ms().is_some());
    timed || retrying
}

/// What the presence file last said, and when it was renewed.
#[derive(Default)]
struct Heartbeat {
    here: Option<Here>,
    at_ms: u64,
}

impl Heartbeat {
    /// Renews the presence when someone signs in or out or opens another quiz or attempt, or when a heartbeat is
    /// due while someone is signed in. Moving between questions waits for the heartbeat: the presence file lives
    /// on the shared folder, and a write on every keypress would slow each frame by a network round trip.
    fn beat(&mut self, app: &App, services: &mut dyn Services, now: Now) {
        let here = app.here();
        let place = |here: &Option<Here>| {
            here.as_ref()
                .map(|h| (h.participant.clone(), h.quiz.clone(), h.attempt.clone()))
        };
        let changed = place(&here) != place(&self.here);
        let due = here.is_some() && now.mono_ms.saturating_sub(self.at_ms) >= HEARTBEAT_MS;
        if changed || due {
            services.announce(here.as_ref(), changed, now.mono_ms);
            self.here = here;
            self.at_ms = now.mono_ms;
        }
    }

    /// How long the loop may sleep before the next heartbeat is due.
    fn wait(&self, now: Now) -> Option<Duration> {
        self.here.as_ref()?;
        let next = self.at_ms.saturating_add(HEARTBEAT_MS);
        Some(Duration::from_millis(next.saturating_sub(now.mono_ms)))
    }
}

/// Runs the app until it quits.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    events: &mut dyn EventSource,
    services: &mut dyn Services,
    clock: &dyn Clock,
    mut bank: Option<BankDelivery>,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    let mut retry = Retry::default();
    let mut heartbeat = Heartbeat::default();
    let mut finding = true;
    loop {
        heartbeat.beat(app, services, clock.now());
        terminal.draw(|frame| render(app, theme, frame))?;
        if finding {
            match services.found() {
                Finding::Reading => {}
                Finding::Nothing => finding = false,
                Finding::Read(found) => {
                    finding = false;
                    if dispatch(app, services, &mut retry, clock.now(), Msg::Found(found)) {
                        return Ok(());
                    }
                    continue;
                }
            }
        }
        app.loading_bank = bank.is_some();
        if let Some(delivery) = &bank
            && let Ok((offers, taxonomy)) = delivery.receiver.try_recv()
        {
            app.offers = offers;
            app.taxonomy = taxonomy;
            app.loading_bank = false;
            bank = None;
            continue;
        }
        let timeout = if bank.as_ref().is_some_and(BankDelivery::started) {
            BANK_POLL
        } else if finding {
            CONFIG_POLL
        } else if wants_ticks(app, !retry.records.is_empty()) {
            TICK
        } else {
            IDLE
        };
        let timeout = heartbeat
            .wait(clock.now())
            .map_or(timeout, |wait| wait.min(timeout));
        let event = events.next(timeout);
        if let (Some(delivery), Ok(Some(Event::Key(_)))) = (&mut bank, &event) {
            delivery.start();
        }
        let now = clock.now();
        let message = match event {
            Ok(Some(Event::Key(key))) if key.is_press() => Some(Msg::Key(key)),
            Ok(Some(Event::Mouse(mouse))) => Some(Msg::Mouse(mouse)),
            Ok(Some(Event::Resize(width, height))) => Some(Msg::Resize(width, height)),
            Ok(Some(_)) => None,
            Ok(None) => Some(Msg::Tick),
            Err(_) => {
                services.announce(None, true, now.mono_ms);
                break;
            }
        };
        if retry.due(now, matches!(message, Some(Msg::Tick))) {
            for record in std::mem::take(&mut retry.records) {
                save(services, app, record, &mut retry, now);
            }
        }
        if let Some(message) = message
            && dispatch(app, services, &mut retry, now, message)
        {
            return Ok(());
        }
    }
    Ok(())
}

/// Hands `message` to the app and carries out the effects, feeding their results back as messages; `true` when
/// the app quits.
fn dispatch(
    app: &mut App,
    services: &mut dyn Services,
    retry: &mut Retry,
    now: Now,
    message: Msg,
) -> bool {
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        for effect in app.update(message, now) {
            match effect {
                Effect::Quit => {
                    services.announce(None, true, now.mono_ms);
                    return true;
                }
                Effect::LoadRoom => {
                    queue.push(Msg::RoomLoaded(services.load_room()));
                    if let Some(participant) = &app.participant {
                        queue.push(Msg::History(services.attempts(participant)));
                    }
                }
                Effect::Prepare { offer, participant } => {
                    let (probe, unfinished) = services.prepare(&offer.quiz.id, &participant);
                    let elsewhere = unfinished
                        .as_ref()
                        .and_then(|record| services.elsewhere(&record.attempt, now.mono_ms));
                    queue.push(Msg::Prepared {
                        offer,
                        probe,
                        unfinished: unfinished.map(Box::new),
                        elsewhere,
                    });
                }
                Effect::Save(record) => save(services, app, *record, retry, now),
            }
        }
    }
    false
}

/// The records not yet delivered, latest save of each attempt, and when they are tried again.
#[derive(Default)]
struct Retry {
    records: Vec<AttemptRecord>,
    at_ms: u64,
}

impl Retry {
    /// Whether there is something to try again at `now`: at the tick, or once its time came even while keys
    /// keep arriving.
    fn due(&self, now: Now, tick: bool) -> bool {
        !self.records.is_empty() && (tick || now.mono_ms >= self.at_ms)
    }

    /// Remembers `record` (replacing an earlier save of its attempt) to try again after [`RETRY_MS`].
    fn keep(&mut self, record: AttemptRecord, now: Now) {
        self.records.retain(|kept| kept.attempt != record.attempt);
        self.records.push(record);
        self.at_ms = now.mono_ms.saturating_add(RETRY_MS);
    }

    /// Forgets any earlier save of `record`'s attempt, now superseded by a delivered one.
    fn forget(&mut self, record: &AttemptRecord) {
        self.records.retain(|kept| kept.attempt != record.attempt);
    }
}

/// Saves `record`; when it is not delivered keeps it to try again, and tells the app where it is.
fn save(
    services: &mut dyn Services,
    app: &mut App,
    record: AttemptRecord,
    retry: &mut Retry,
    now: Now,
) {
    let delivery = services.save(&record);
    if delivery.retried() {
        retry.keep(record, now);
    } else {
        retry.forget(&record);
    }
    app.update(Msg::Saved(delivery), now);
}
