//! Any bytes as a map file: loading gives a map or an error, never a panic, a hang or a huge allocation;
//! and a map that loads survives saving and loading again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // load_file turns bytes that are not UTF-8 into an error before parsing; the rest is parse_map.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(map) = waymark::io::parse_map(text) {
        assert!(map.validate().is_empty());
        let saved = waymark::io::to_ron_string(&map).expect("a loaded map can be written");
        let again = waymark::io::parse_map(&saved).expect("a saved map loads");
        assert_eq!(again, map);
    }
});
