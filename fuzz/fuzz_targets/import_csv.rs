//! Any text as a CSV file: import gives a valid map or an error, never a panic; an imported map exports to
//! CSV that imports to the same cards.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(map) = waymark::io::csv::import_csv(text) {
        assert!(map.validate().is_empty());
        let again = waymark::io::csv::import_csv(&waymark::io::csv::export_csv(&map))
            .expect("exported CSV imports");
        assert_eq!(again.stages.len(), map.stages.len());
        assert_eq!(again.lanes.len(), map.lanes.len());
        assert_eq!(again.cards.len(), map.cards.len());
    }
});
