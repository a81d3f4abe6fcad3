use super::*;

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn ms(m: u64) -> Duration {
    Duration::from_millis(m)
}

#[test]
fn a_new_timer_is_off_and_never_asks_for_a_repaint() {
    let timer = Timer::default();
    assert_eq!(timer.read(secs(100)).phase, Phase::Off);
    assert_eq!(timer.next_change(secs(100)), None);
}

#[test]
fn a_preset_counts_down_by_the_fake_clock_and_runs_out_flashing_then_lit() {
    let clock = FakeClock::new();
    let mut timer = Timer::default();
    timer.start_new(secs(60), clock.now());
    let reading = timer.read(clock.now());
    assert_eq!(
        (reading.phase, reading.clock_text()),
        (Phase::Running, "1:00".to_owned())
    );
    assert_eq!(timer.next_change(clock.now()), Some(ms(1000)));

    clock.advance(ms(400));
    assert_eq!(timer.read(clock.now()).clock_text(), "1:00", "rounded up");
    assert_eq!(timer.next_change(clock.now()), Some(ms(600)));
    clock.advance(ms(600));
    assert_eq!(timer.read(clock.now()).clock_text(), "0:59");

    clock.advance(secs(59));
    let reading = timer.read(clock.now());
    assert_eq!(reading.phase, Phase::Flashing { lit: true });
    assert_eq!(reading.clock_text(), "0:00");
    assert!(reading.ran_out());
    assert_eq!(timer.next_change(clock.now()), Some(FLASH_HALF));
    clock.advance(FLASH_HALF);
    assert_eq!(
        timer.read(clock.now()).phase,
        Phase::Flashing { lit: false }
    );
    clock.advance(FLASH_HALF);
    assert_eq!(timer.read(clock.now()).phase, Phase::Flashing { lit: true });

    clock.advance(FLASH_FOR);
    assert_eq!(timer.read(clock.now()).phase, Phase::RunOut);
    assert_eq!(
        timer.next_change(clock.now()),
        None,
        "no repaints once it stays lit"
    );
}

#[test]
fn pause_keeps_the_time_left_and_start_goes_on_from_there() {
    let clock = FakeClock::new();
    let mut timer = Timer::default();
    timer.start_new(secs(180), clock.now());
    clock.advance(secs(30));
    timer.pause(clock.now());
    assert_eq!(timer.read(clock.now()).phase, Phase::Paused);
    assert_eq!(timer.next_change(clock.now()), None);
    clock.advance(secs(600));
    assert_eq!(timer.read(clock.now()).clock_text(), "2:30");
    timer.start_or_pause(clock.now());
    clock.advance(secs(10));
    let reading = timer.read(clock.now());
    assert_eq!(
        (reading.phase, reading.clock_text()),
        (Phase::Running, "2:20".to_owned())
    );
    timer.start_or_pause(clock.now());
    assert_eq!(timer.read(clock.now()).phase, Phase::Paused);
}

#[test]
fn plus_one_minute_extends_a_running_a_paused_and_a_finished_timer() {
    let clock = FakeClock::new();
    let mut timer = Timer::default();
    timer.start_new(secs(60), clock.now());
    timer.add_minute(clock.now());
    assert_eq!(timer.read(clock.now()).clock_text(), "2:00");
    timer.pause(clock.now());
    timer.add_minute(clock.now());
    assert_eq!(timer.read(clock.now()).clock_text(), "3:00");
    timer.start(clock.now());
    clock.advance(secs(200));
    assert!(timer.read(clock.now()).ran_out());
    timer.add_minute(clock.now());
    let reading = timer.read(clock.now());
    assert_eq!(
        (reading.phase, reading.clock_text()),
        (Phase::Running, "1:00".to_owned())
    );
}

#[test]
fn reset_goes_back_to_the_full_time_box_and_start_after_running_out_restarts_it() {
    let clock = FakeClock::new();
    let mut timer = Timer::default();
    timer.start_new(secs(300), clock.now());
    clock.advance(secs(100));
    timer.reset();
    let reading = timer.read(clock.now());
    assert_eq!(
        (reading.phase, reading.clock_text()),
        (Phase::Ready, "5:00".to_owned())
    );
    timer.start(clock.now());
    clock.advance(secs(301));
    timer.start_or_pause(clock.now());
    assert_eq!(
        timer.read(clock.now()).phase,
        Phase::RunOut,
        "the key silences a flashing timer"
    );
    timer.start_or_pause(clock.now());
    assert_eq!(timer.read(clock.now()).clock_text(), "5:00");
}

#[test]
fn the_default_timer_starts_at_five_minutes_and_grows_by_a_minute_before_it_starts() {
    let mut timer = Timer::default();
    timer.add_minute(secs(0));
    assert_eq!(timer.read(secs(0)).phase, Phase::Ready);
    assert_eq!(timer.read(secs(0)).clock_text(), "6:00");
    timer.start(secs(0));
    assert_eq!(timer.read(secs(1)).clock_text(), "5:59");
}

#[test]
fn times_are_capped() {
    let mut timer = Timer::default();
    timer.start_new(MAX_LENGTH, secs(0));
    timer.add_minute(secs(0));
    assert_eq!(timer.read(secs(0)).clock_text(), "5:00:00");
}

#[test]
fn custom_times_are_minutes_or_minutes_and_seconds() {
    assert_eq!(parse_time("7"), Ok(secs(420)));
    assert_eq!(parse_time(" 2,5 "), Ok(secs(150)));
    assert_eq!(parse_time("2.5"), Ok(secs(150)));
    assert_eq!(parse_time("2:30"), Ok(secs(150)));
    assert_eq!(parse_time("0:45"), Ok(secs(45)));
    assert_eq!(parse_time("2:75"), Err(TimeError::NotATime));
    assert_eq!(parse_time("пять"), Err(TimeError::NotATime));
    assert_eq!(parse_time(""), Err(TimeError::NotATime));
    assert_eq!(parse_time("NaN"), Err(TimeError::NotATime));
    assert_eq!(parse_time("inf"), Err(TimeError::NotATime));
    assert_eq!(parse_time("0"), Err(TimeError::OutOfRange));
    assert_eq!(parse_time("-3"), Err(TimeError::OutOfRange));
    assert_eq!(parse_time("301"), Err(TimeError::OutOfRange));
    assert_eq!(
        parse_time("99999999999999999999:00"),
        Err(TimeError::NotATime)
    );
}
