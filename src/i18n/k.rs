//! Every message Waymark shows, by key: one list, so that a test can check each key in every language with
//! sample arguments, and code can only name keys that exist. A key declares the arguments its message takes.
//! The texts themselves are in `assets/i18n/*.ftl`.

/// A message id with the arguments its message takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub id: &'static str,
    pub args: &'static [&'static str],
}

macro_rules! keys {
    ($($name:ident = $id:literal $(($($arg:ident),*))?;)*) => {
        $(pub const $name: Key = Key { id: $id, args: &[$($(stringify!($arg)),*)?] };)*
        /// Every key, for the tests.
        pub const ALL: &[Key] = &[$($name),*];
    };
}

keys! {
    // Dates and ages.
    MONTH_1 = "month-1";
    MONTH_2 = "month-2";
    MONTH_3 = "month-3";
    MONTH_4 = "month-4";
    MONTH_5 = "month-5";
    MONTH_6 = "month-6";
    MONTH_7 = "month-7";
    MONTH_8 = "month-8";
    MONTH_9 = "month-9";
    MONTH_10 = "month-10";
    MONTH_11 = "month-11";
    MONTH_12 = "month-12";
    DATE_TIME = "date-time" (day, month, year, hour, hour12, minute, pm);
    DATE_WITH_AGE = "date-with-age" (date, age);
    AGE_JUST_NOW = "age-just-now";
    AGE_MINUTES = "age-minutes" (count);
    AGE_HOURS = "age-hours" (count);
    AGE_DAYS = "age-days" (count);

    // Names of things in the map, as the interface shows them (files keep their own names).
    LANE_ACTIONS = "lane-actions";
    LANE_THOUGHTS = "lane-thoughts";
    LANE_EMOTIONS = "lane-emotions";
    LANE_BARRIERS = "lane-barriers";
    LANE_TOUCHPOINTS = "lane-touchpoints";
    LANE_GOALS = "lane-goals";
    LANE_SOLUTIONS = "lane-solutions";
    LANE_METRICS = "lane-metrics";
    LANE_BACKSTAGE = "lane-backstage";
    LANE_NOTES = "lane-notes";
    COLOR_YELLOW = "color-yellow";
    COLOR_ORANGE = "color-orange";
    COLOR_PINK = "color-pink";
    COLOR_PURPLE = "color-purple";
    COLOR_BLUE = "color-blue";
    COLOR_GREEN = "color-green";
    COLOR_GRAY = "color-gray";
    COLOR_WHITE = "color-white";
    CHANNEL_ONLINE = "channel-online";
    CHANNEL_OFFLINE = "channel-offline";
    TEMPLATE_BLANK = "template-blank";
    TEMPLATE_MARKETING5 = "template-marketing5";
    TEMPLATE_CONSUMER6 = "template-consumer6";
    TEMPLATE_B2B7 = "template-b2b7";
    TEMPLATE_STAGES9 = "template-stages9";
    TEMPLATE_RUSSIAN12 = "template-russian12";

    // Map problems found when a file is read.
    VALID_NEWER_VERSION = "valid-newer-version" (version, current);
    VALID_DUPLICATE_ID = "valid-duplicate-id" (id);
    VALID_ID_TOO_LARGE = "valid-id-too-large" (id, max);
    VALID_ID_COUNTER_TOO_LARGE = "valid-id-counter-too-large" (next, max);
    VALID_CARD_IN_MISSING_STAGE = "valid-card-in-missing-stage" (card, stage);
    VALID_CARD_IN_MISSING_LANE = "valid-card-in-missing-lane" (card, lane);
    VALID_CARD_IN_EMOTIONS_LANE = "valid-card-in-emotions-lane" (card);
    VALID_SCORE_OUT_OF_RANGE = "valid-score-out-of-range" (lane, score, min, max);
    VALID_EMOTION_AT_MISSING_STAGE = "valid-emotion-at-missing-stage" (lane, stage);
    VALID_DUPLICATE_EMOTION = "valid-duplicate-emotion" (lane, stage);
    VALID_BAD_STAGE_WIDTH = "valid-bad-stage-width" (stage, min, max);

    // Persona photos.
    PHOTO_STORE_FAILED = "photo-store-failed" (error);
    PHOTO_UNREADABLE = "photo-unreadable" (error);
    PHOTO_NOT_AN_IMAGE = "photo-not-an-image";
    PHOTO_TOO_LARGE = "photo-too-large" (side);
    PHOTO_UNDECODABLE = "photo-undecodable" (error);
    PHOTO_BAD_BASE64 = "photo-bad-base64" (error);
    PHOTO_IN_FILE = "photo-in-file" (error);
    PHOTO_FILE_TOO_LARGE = "photo-file-too-large" (limit);

    // Reading and writing files.
    IO_PERMISSION_DENIED = "io-permission-denied";
    IO_NOT_FOUND = "io-not-found";
    IO_FOLDER_MISSING = "io-folder-missing";
    IO_DISK_FULL = "io-disk-full";
    IO_READ_ONLY = "io-read-only";
    IO_IS_FOLDER = "io-is-folder";
    IO_FILE_TOO_LARGE = "io-file-too-large";
    LOAD_NO_PATH = "load-no-path";
    LOAD_IO = "load-io" (path, error);
    LOAD_IS_FOLDER = "load-is-folder";
    LOAD_TOO_LARGE = "load-too-large" (path, size, limit);
    LOAD_NOT_UTF8 = "load-not-utf8" (path);
    LOAD_EMPTY = "load-empty" (path);
    LOAD_SYNTAX = "load-syntax" (path, line, column, message);
    LOAD_NEWER = "load-newer" (path, version, current);
    LOAD_UNKNOWN_VERSION = "load-unknown-version" (path, version);
    LOAD_INVALID = "load-invalid" (path, problems);
    LOAD_MORE_PROBLEMS = "load-more-problems" (count);
    RON_EOF = "ron-eof";
    RON_TOO_DEEP = "ron-too-deep" (limit);
    RON_INTEGER_OUT_OF_BOUNDS = "ron-integer-out-of-bounds";
    RON_TRAILING = "ron-trailing";
    RON_MISSING_FIELD = "ron-missing-field" (field);
    RON_UNKNOWN_FIELD = "ron-unknown-field" (field);
    RON_DUPLICATE_FIELD = "ron-duplicate-field" (field);
    RON_UNKNOWN_VARIANT = "ron-unknown-variant" (found, expected);
    RON_EXPECTED = "ron-expected" (what);
    RON_WHAT_COMMA = "ron-what-comma";
    RON_WHAT_STRING = "ron-what-string";
    RON_WHAT_INTEGER = "ron-what-integer";
    RON_WHAT_NUMBER = "ron-what-number";
    RON_WHAT_BOOLEAN = "ron-what-boolean";
    RON_WHAT_NAME = "ron-what-name";
    RON_WHAT_CLOSE_PAREN = "ron-what-close-paren";
    RON_WHAT_CLOSE_BRACKET = "ron-what-close-bracket";
    RON_WHAT_LIST = "ron-what-list";
    RON_WHAT_STRUCT = "ron-what-struct";
    RON_WHAT_NAMED_STRUCT = "ron-what-named-struct" (name);
    RON_UNCLOSED_COMMENT = "ron-unclosed-comment";
    RON_UNCLOSED_STRING = "ron-unclosed-string";
    TO_TEXT_FAILED = "to-text-failed" (error);
    SAVE_IS_FOLDER = "save-is-folder" (path);
    SAVE_FAILED = "save-failed" (path, step, error);
    SAVE_STEP_TEMP = "save-step-temp";
    SAVE_STEP_WRITE = "save-step-write";
    SAVE_STEP_FLUSH = "save-step-flush";
    SAVE_STEP_REPLACE = "save-step-replace";
    RECENT_FOLDER_FAILED = "recent-folder-failed" (folder, error);
    RECENT_WRITE_FAILED = "recent-write-failed" (error);
    RECOVERY_FOLDER_FAILED = "recovery-folder-failed" (folder, error);
    RECOVERY_INFO_FAILED = "recovery-info-failed" (error);
    RECOVERY_REMOVE_FAILED = "recovery-remove-failed" (path, error);
    RECOVERY_UNNAMED = "recovery-unnamed" (id);
    RECOVERY_LOCK_FAILED = "recovery-lock-failed" (path, error);
    RECOVERY_HELD = "recovery-held";
    PREFERENCES_WRITE_FAILED = "preferences-write-failed" (error);

    // Edits the map refuses.
    EDIT_NO_SUCH_CARD = "edit-no-such-card" (id);
    EDIT_NO_SUCH_STAGE = "edit-no-such-stage" (id);
    EDIT_NO_SUCH_LANE = "edit-no-such-lane" (id);
    EDIT_OUTSIDE_MAP = "edit-outside-map";
    EDIT_DUPLICATE_ID = "edit-duplicate-id" (id);
    EDIT_NOT_A_CARD_LANE = "edit-not-a-card-lane" (id);
    EDIT_NOT_AN_EMOTIONS_LANE = "edit-not-an-emotions-lane" (id);
    EDIT_SCORE_OUT_OF_RANGE = "edit-score-out-of-range" (score, min, max);
    EDIT_BAD_WIDTH = "edit-bad-width" (min, max);

    // CSV import.
    CSV_ROW = "csv-row" (row, message);
    CSV_MAYBE_MORE = "csv-maybe-more";
    CSV_MISSING_COLUMNS = "csv-missing-columns" (count, missing, found);
    CSV_NOTHING = "csv-nothing";
    CSV_BAD_SCORE = "csv-bad-score" (cell, min, max);
    CSV_BAD_COLOR = "csv-bad-color" (cell, names);
    CSV_NO_STAGE = "csv-no-stage";
    CSV_NO_LANE = "csv-no-lane";
    CSV_EMPTY = "csv-empty";
    CSV_HEADER_UNREADABLE = "csv-header-unreadable" (error);
    CSV_NO_ROWS = "csv-no-rows";
    CSV_ROW_UNREADABLE = "csv-row-unreadable" (error);
    CSV_SCORE_OUTSIDE_EMOTIONS = "csv-score-outside-emotions" (lane);
    CSV_DUPLICATE_SCORE = "csv-duplicate-score" (lane, first);
    CSV_NEEDS_SCORE = "csv-needs-score" (lane, min, max);
    CSV_FILE_UNREADABLE = "csv-file-unreadable" (error);
    CSV_IS_FOLDER = "csv-is-folder";
    CSV_TOO_LARGE = "csv-too-large" (size, limit);
    CSV_NOT_UTF8 = "csv-not-utf8";

    // Exports.
    EXPORT_CANCELLED = "export-cancelled";
    EXPORT_TOO_LARGE = "export-too-large" (width, height, megapixels, side);
    EXPORT_TOO_LARGE_SCALE = "export-too-large-scale" (scale);
    EXPORT_TOO_LARGE_OTHER_FORMAT = "export-too-large-other-format";
    EXPORT_WRITE_FAILED = "export-write-failed" (path, error);
    EXPORT_RENDER_FAILED = "export-render-failed" (error);
    EXPORT_NO_FOLDER = "export-no-folder" (folder);
    EXPORT_FILE_NOT_FOLDER = "export-file-not-folder" (folder);
    EXPORT_BAD_SCALE = "export-bad-scale" (max, scale);
    EXPORT_BAD_WIDTH = "export-bad-width";
    RENDER_FONT_UNREADABLE = "render-font-unreadable";
    RENDER_FONT_SUBSET = "render-font-subset" (error);
    RENDER_PHOTO_UNREADABLE = "render-photo-unreadable" (error);
    RENDER_PHOTO_EMPTY = "render-photo-empty";
    RENDER_NO_BITMAP = "render-no-bitmap" (width, height);
    RENDER_THREAD_STOPPED = "render-thread-stopped";
    RENDER_COMPRESSION_FAILED = "render-compression-failed" (error);
    RENDER_BAD_STREAM = "render-bad-stream";

    // The command line.
    CLI_ABOUT = "cli-about";
    CLI_USAGE = "cli-usage";
    CLI_ERR_UNKNOWN_ARGUMENT = "cli-err-unknown-argument" (arg);
    CLI_ERR_UNKNOWN_COMMAND = "cli-err-unknown-command" (command);
    CLI_ERR_MISSING = "cli-err-missing" (args);
    CLI_ERR_INVALID_VALUE = "cli-err-invalid-value" (value, arg, valid);
    CLI_ERR_BAD_VALUE = "cli-err-bad-value" (value, arg);
    CLI_ERR_CONFLICT = "cli-err-conflict" (arg, other);
    CLI_ERR_OTHER = "cli-err-other";
    CLI_ERR_HINT = "cli-err-hint";
    CLI_ARGUMENTS = "cli-arguments";
    CLI_OPTIONS = "cli-options";
    CLI_COMMANDS = "cli-commands";
    CLI_HELP = "cli-help";
    CLI_VERSION = "cli-version";
    CLI_MAP = "cli-map";
    CLI_WINDOW_FAILED = "cli-window-failed" (error);
    CLI_EXPORT_ABOUT = "cli-export-about";
    CLI_EXPORT_LONG_ABOUT = "cli-export-long-about";
    CLI_EXPORT_MAPS = "cli-export-maps";
    CLI_EXPORT_OUTPUT = "cli-export-output";
    CLI_EXPORT_FORMAT = "cli-export-format";
    CLI_EXPORT_SCALE = "cli-export-scale";
    CLI_EXPORT_WIDTH = "cli-export-width";
    CLI_EXPORT_TRANSPARENT = "cli-export-transparent";
    CLI_EXPORT_PAGE = "cli-export-page";
    CLI_EXPORT_EMBED_FONTS = "cli-export-embed-fonts";
    CLI_IMPORT_ABOUT = "cli-import-about";
    CLI_IMPORT_CSV = "cli-import-csv";
    CLI_IMPORT_OUTPUT = "cli-import-output";
    CLI_CHECK_ABOUT = "cli-check-about";
    CLI_CHECK_FILES = "cli-check-files";
    CLI_REPORT_ABOUT = "cli-report-about";
    CLI_REPORT_MAP = "cli-report-map";
    CLI_REPORT_FORMAT = "cli-report-format";
    CLI_SUMMARY = "cli-summary" (stages, lanes, cards, title);
    CLI_IMPORTED = "cli-imported" (path, summary);
    CLI_CHECKED = "cli-checked" (path, summary);
    CLI_IMPORT_SAME_FILE = "cli-import-same-file" (path);
    CLI_NEED_FORMAT = "cli-need-format" (folder);
    CLI_UNKNOWN_FORMAT = "cli-unknown-format" (name);
    CLI_FORMAT_MISMATCH = "cli-format-mismatch" (name, extension);
    CLI_CANNOT_EXPORT = "cli-cannot-export" (extension);
    CLI_NO_EXTENSION = "cli-no-extension" (path);
    CLI_TWO_MAPS_ONE_FILE = "cli-two-maps-one-file" (path);
    CLI_FOLDER_FAILED = "cli-folder-failed" (folder, error);
    CLI_ONLY_FOR = "cli-only-for" (flag, formats);
    CLI_FORMATS_PNG_SVG = "cli-formats-png-svg";
    CLI_PAGES_ACROSS = "cli-pages-across" (max, across);
    CLI_EXPORT_POSTER = "cli-export-poster";
    CLI_EXPORT_PAGES_ACROSS = "cli-export-pages-across";

    CLI_MERGE_ABOUT = "cli-merge-about";
    CLI_MERGE_BASE = "cli-merge-base";
    CLI_MERGE_OURS = "cli-merge-ours";
    CLI_MERGE_THEIRS = "cli-merge-theirs";
    CLI_MERGE_OUTPUT = "cli-merge-output";
    CLI_DIFF_ABOUT = "cli-diff-about";
    CLI_DIFF_OLD = "cli-diff-old";
    CLI_DIFF_NEW = "cli-diff-new";

    // Merging two versions of a map (`waymark merge`).
    MERGE_PLACE_MAP = "merge-place-map";
    MERGE_PLACE_PERSONA = "merge-place-persona";
    MERGE_PLACE_STAGE = "merge-place-stage" (name);
    MERGE_PLACE_LANE = "merge-place-lane" (name);
    MERGE_PLACE_CARD = "merge-place-card" (id, text);
    MERGE_PLACE_EMOTION = "merge-place-emotion" (lane, stage);
    MERGE_PLACE_ITEM = "merge-place-item" (list, id);
    MERGE_BOTH_KEPT = "merge-both-kept" (place);
    MERGE_OURS_KEPT = "merge-ours-kept" (place, ours, theirs);
    MERGE_EDIT_KEPT = "merge-edit-kept" (place, side);
    MERGE_MOVED_STAGE = "merge-moved-stage" (place, missing, to);
    MERGE_MOVED_LANE = "merge-moved-lane" (place, missing, to);
    MERGE_DROPPED = "merge-dropped" (place);
    MERGE_RENUMBERED = "merge-renumbered" (old, new);
    MERGE_CLEAN = "merge-clean" (path, summary);
    MERGE_CONFLICTS = "merge-conflicts" (path, count);
    MERGE_FAILED = "merge-failed" (path, error);
    MERGE_NO_BASE = "merge-no-base" (path);

    // What changed between two versions of a map (`waymark diff`).
    DIFF_NONE = "diff-none";
    DIFF_TITLE = "diff-title" (old, new);
    DIFF_PERSONA_NAME = "diff-persona-name" (old, new);
    DIFF_PERSONA_CHANGED = "diff-persona-changed" (fields);
    DIFF_STAGE_ADDED = "diff-stage-added" (name);
    DIFF_STAGE_REMOVED = "diff-stage-removed" (name, cards);
    DIFF_STAGE_RENAMED = "diff-stage-renamed" (old, new);
    DIFF_STAGE_CHANGED = "diff-stage-changed" (name, fields);
    DIFF_STAGES_REORDERED = "diff-stages-reordered" (order);
    DIFF_LANE_ADDED = "diff-lane-added" (name);
    DIFF_LANE_REMOVED = "diff-lane-removed" (name, cards);
    DIFF_LANE_RENAMED = "diff-lane-renamed" (old, new);
    DIFF_LANE_CHANGED = "diff-lane-changed" (name, fields);
    DIFF_LANES_REORDERED = "diff-lanes-reordered" (order);
    DIFF_EMOTION_ADDED = "diff-emotion-added" (lane, stage, score);
    DIFF_EMOTION_REMOVED = "diff-emotion-removed" (lane, stage);
    DIFF_EMOTION_CHANGED = "diff-emotion-changed" (lane, stage, old, new);
    DIFF_EMOTION_NOTE = "diff-emotion-note" (lane, stage);
    DIFF_CELL = "diff-cell" (stage, lane);
    DIFF_CARD_ADDED = "diff-card-added" (text);
    DIFF_CARD_REMOVED = "diff-card-removed" (text);
    DIFF_CARD_MOVED = "diff-card-moved" (text, from);
    DIFF_CARD_EDITED = "diff-card-edited" (old, new);
    DIFF_CARD_CHANGED = "diff-card-changed" (text, fields);
    DIFF_CARDS_REORDERED = "diff-cards-reordered";
    DIFF_OTHER = "diff-other" (fields);
    DIFF_CARDS_SUMMARY = "diff-cards-summary" (added, removed, moved, edited);
    DIFF_FIELD_COLOR = "diff-field-color";
    DIFF_FIELD_CHANNEL = "diff-field-channel";
    DIFF_FIELD_TIME_FRAME = "diff-field-time-frame";
    DIFF_FIELD_WIDTH = "diff-field-width";
    DIFF_FIELD_KIND = "diff-field-kind";
    DIFF_FIELD_DESCRIPTION = "diff-field-description";
    DIFF_FIELD_GOALS = "diff-field-goals";
    DIFF_FIELD_QUOTE = "diff-field-quote";
    DIFF_FIELD_PHOTO = "diff-field-photo";
    DIFF_FIELD_FINDINGS_OFF = "diff-field-findings-off";

    // Findings (gap analysis).
    FINDING_NO_TOUCHPOINT = "finding-no-touchpoint" (stage);
    FINDING_BARRIER_WITHOUT_SOLUTION = "finding-barrier-without-solution" (stage, count);
    FINDING_DIP_WITHOUT_BARRIER = "finding-dip-without-barrier" (stage, score);
    FINDING_EMPTY_STAGE = "finding-empty-stage" (stage);
    FINDINGS_NO_TOUCHPOINT = "findings-no-touchpoint";
    FINDINGS_BARRIER_WITHOUT_SOLUTION = "findings-barrier-without-solution";
    FINDINGS_DIP_WITHOUT_BARRIER = "findings-dip-without-barrier";
    FINDINGS_EMPTY_STAGE = "findings-empty-stage";
    FINDINGS_NONE = "findings-none";
    FINDINGS_TITLE = "findings-title";
    FINDINGS_SWITCHED_OFF = "findings-switched-off";
    FINDINGS_CLOSE = "findings-close";
    FINDINGS_REVEAL = "findings-reveal";
    REPORT_SUMMARY = "report-summary" (stages, lanes, cards, links, findings);

    // Many cards: selection, copy and paste.
    CARDS_NOTHING_TO_COPY = "cards-nothing-to-copy";
    CARDS_COPIED = "cards-copied" (count);
    CARDS_CUT = "cards-cut" (count);
    CARDS_PASTED = "cards-pasted" (count);
    CARDS_DUPLICATED = "cards-duplicated" (count);
    CARDS_DELETED = "cards-deleted" (count);
    CARDS_NO_CARD_LANE = "cards-no-card-lane";
    CARDS_CANNOT_MOVE = "cards-cannot-move";
    CARDS_CONFIRM_TITLE = "cards-confirm-title";
    CARDS_CONFIRM_TEXT = "cards-confirm-text" (count);
    CARDS_CONFIRM_YES = "cards-confirm-yes" (count);
    CARDS_SELECTED = "cards-selected" (count);
    CARDS_ALL_IN_CELL = "cards-all-in-cell" (selected);
    CARDS_ALL_IN_STAGE = "cards-all-in-stage" (selected);
    CARDS_ALL_IN_LANE = "cards-all-in-lane" (selected);
    CARDS_ALL_IN_MAP = "cards-all-in-map" (selected);
    PASTE_TOO_LARGE = "paste-too-large" (size, limit);
    PASTE_EMPTY = "paste-empty";
    PASTE_TOO_MANY = "paste-too-many" (count, max);

    // Menus and commands.
    MENU_FILE = "menu-file";
    MENU_EDIT = "menu-edit";
    MENU_VIEW = "menu-view";
    MENU_OPEN_RECENT = "menu-open-recent";
    MENU_NO_RECENT = "menu-no-recent";
    MENU_RECENT_MISSING = "menu-recent-missing" (name);
    MENU_ADD_LANE = "menu-add-lane";
    MENU_CARD_COLOUR = "menu-card-colour";
    MENU_MOVE_CARDS = "menu-move-cards";
    MENU_LANGUAGE = "menu-language";
    MENU_LANGUAGE_SYSTEM = "menu-language-system" (language);
    CMD_NEW = "cmd-new";
    CMD_OPEN = "cmd-open";
    CMD_OPEN_RECENT_MAP = "cmd-open-recent-map";
    CMD_SAVE = "cmd-save";
    CMD_SAVE_AS = "cmd-save-as";
    CMD_EXPORT = "cmd-export";
    CMD_IMPORT_CSV = "cmd-import-csv";
    CMD_EXPORT_CSV = "cmd-export-csv";
    CMD_COPY_IMAGE = "cmd-copy-image";
    CMD_QUIT = "cmd-quit";
    CMD_SELECT_ALL = "cmd-select-all";
    CMD_COPY = "cmd-copy";
    CMD_CUT = "cmd-cut";
    CMD_PASTE = "cmd-paste";
    CMD_DUPLICATE = "cmd-duplicate";
    CMD_MOVE_LEFT = "cmd-move-left";
    CMD_MOVE_RIGHT = "cmd-move-right";
    CMD_MOVE_UP = "cmd-move-up";
    CMD_MOVE_DOWN = "cmd-move-down";
    CMD_UNDO = "cmd-undo";
    CMD_REDO = "cmd-redo";
    CMD_ADD_CARD = "cmd-add-card";
    CMD_EDIT_SELECTED = "cmd-edit-selected";
    CMD_DELETE_SELECTED = "cmd-delete-selected";
    CMD_ADD_STAGE = "cmd-add-stage";
    CMD_ZOOM_IN = "cmd-zoom-in";
    CMD_ZOOM_OUT = "cmd-zoom-out";
    CMD_ZOOM_FIT = "cmd-zoom-fit";
    CMD_ZOOM_ACTUAL = "cmd-zoom-actual";
    CMD_FINDINGS = "cmd-findings";
    CMD_PRESENT = "cmd-present";
    CMD_PROJECTOR_COLOURS = "cmd-projector-colours";
    CMD_TIMER_MINUTES = "cmd-timer-minutes" (count);
    CMD_TIMER_CUSTOM = "cmd-timer-custom";
    CMD_TIMER_START_PAUSE = "cmd-timer-start-pause";
    CMD_TIMER_ADD_MINUTE = "cmd-timer-add-minute";
    CMD_TIMER_RESET = "cmd-timer-reset";
    // The timer and presentation mode.
    MENU_TIMER = "menu-timer";
    TIMER_START = "timer-start";
    TIMER_CONTINUE = "timer-continue";
    TIMER_PAUSE = "timer-pause";
    TIMER_QUIET = "timer-quiet";
    TIMER_STATUS_RUNNING = "timer-status-running" (time);
    TIMER_STATUS_PAUSED = "timer-status-paused" (time);
    TIMER_STATUS_READY = "timer-status-ready" (time);
    TIMER_STATUS_UP = "timer-status-up";
    TIMER_UP = "timer-up";
    TIMER_CUSTOM_TITLE = "timer-custom-title";
    TIMER_CUSTOM_PROMPT = "timer-custom-prompt";
    TIMER_CUSTOM_FIELD = "timer-custom-field";
    TIMER_CUSTOM_START = "timer-custom-start";
    TIMER_NOT_A_TIME = "timer-not-a-time";
    TIMER_OUT_OF_RANGE = "timer-out-of-range" (hours);
    PRESENT_STAGE = "present-stage" (number, count);
    PRESENT_WHOLE_MAP = "present-whole-map";
    PRESENT_KEYS = "present-keys";

    // The canvas's right-click menu and in-place editing.
    CANVAS_EDIT_TEXT = "canvas-edit-text";
    CANVAS_COLOUR = "canvas-colour";
    CANVAS_DELETE_CARD = "canvas-delete-card";
    CANVAS_CLEAR_SCORE = "canvas-clear-score";
    CANVAS_RENAME_STAGE = "canvas-rename-stage";
    CANVAS_ADD_STAGE_BEFORE = "canvas-add-stage-before";
    CANVAS_ADD_STAGE_AFTER = "canvas-add-stage-after";
    CANVAS_DELETE_STAGE = "canvas-delete-stage";
    CANVAS_RENAME_LANE = "canvas-rename-lane";
    CANVAS_ADD_LANE_BELOW = "canvas-add-lane-below";
    CANVAS_DELETE_LANE = "canvas-delete-lane";
    CANVAS_TYPE_HERE = "canvas-type-here";
    CANVAS_NAME_HINT = "canvas-name-hint";

    // What a screen reader says about the canvas.
    A11Y_MAP = "a11y-map" (title);
    A11Y_CARD = "a11y-card" (text, stage, lane);
    A11Y_EMPTY_CARD = "a11y-empty-card";
    A11Y_STAGE = "a11y-stage" (name, number, count);
    A11Y_LANE = "a11y-lane" (name, kind);
    A11Y_EMOTION = "a11y-emotion" (score, stage, lane);
    A11Y_EMOTION_NOTE = "a11y-emotion-note" (score, stage, lane, note);
    A11Y_ADD_CARD = "a11y-add-card" (stage, lane);
    A11Y_CELL = "a11y-cell" (stage, lane, count);
    A11Y_UNNAMED = "a11y-unnamed";

    // The status bar.
    STATUS_NOT_SAVED_YET = "status-not-saved-yet";
    STATUS_UNTITLED = "status-untitled";
    STATUS_NOTHING_TO_UNDO = "status-nothing-to-undo";
    STATUS_NOTHING_TO_REDO = "status-nothing-to-redo";
    STATUS_NEW_MAP = "status-new-map";
    STATUS_IMPORTED = "status-imported" (path);
    STATUS_OPENED = "status-opened" (path);
    STATUS_SAVED = "status-saved" (path);
    STATUS_RESTORED = "status-restored" (title);
    STATUS_EXPORTED = "status-exported" (path);
    STATUS_COPIED = "status-copied" (width, height);
    STATUS_EXPORT_CANCELLED = "status-export-cancelled";
    STATUS_LANGUAGE = "status-language" (language);
    STATUS_REFUSED_EDIT = "status-refused-edit" (error);
    STATUS_SAVED_EARLIER = "status-saved-earlier" (path);
    STATUS_EARLIER_NOT_SAVED = "status-earlier-not-saved" (error);
    STATUS_STALE_PHOTO = "status-stale-photo";
    STATUS_AUTOSAVE_FAILING = "status-autosave-failing" (error);
    STATUS_AUTOSAVE_WORKS = "status-autosave-works";
    JOB_COPYING = "job-copying";
    JOB_EXPORTING_TO = "job-exporting-to" (path);
    JOB_EXPORTING_AS = "job-exporting-as" (format);

    // Dialogs.
    OK = "ok";
    CANCEL = "cancel";
    ERROR_TITLE = "error-title";
    ERROR_SAVE_FAILED = "error-save-failed" (error);
    ERROR_PHOTO = "error-photo" (error);
    ERROR_RECOVERED_UNREADABLE = "error-recovered-unreadable" (error);
    UNSAVED_TITLE = "unsaved-title";
    UNSAVED_BODY = "unsaved-body" (name);
    UNSAVED_SAVE = "unsaved-save";
    UNSAVED_DONT_SAVE = "unsaved-dont-save";
    NEW_MAP_TITLE = "new-map-title";
    NEW_MAP_STAGES = "new-map-stages";
    NEW_MAP_LANGUAGE = "new-map-language";
    NEW_MAP_CREATE = "new-map-create";
    EXPORT_TITLE = "export-title";
    EXPORT_FORMAT = "export-format";
    EXPORT_SIZE = "export-size";
    EXPORT_WIDTH = "export-width";
    EXPORT_PIXELS = "export-pixels";
    EXPORT_TRANSPARENT = "export-transparent";
    EXPORT_PAGE = "export-page";
    EXPORT_PAGE_FIT = "export-page-fit";
    EXPORT_PAGE_A4 = "export-page-a4";
    EXPORT_PAGE_A3 = "export-page-a3";
    EXPORT_START = "export-start";
    EXPORT_POSTER = "export-poster";
    EXPORT_SHEETS = "export-sheets";
    EXPORT_PAGES_ACROSS = "export-pages-across";
    EXPORT_POSTER_SUMMARY = "export-poster-summary" (across, down, pages, width, height, percent);
    // Printed into exports, in the map's language (not the interface's), like the lane kinds.
    POSTER_SHEET_LABEL = "poster-sheet-label" (row, rows, column, columns);
    CARD_CHANNEL_ONLINE = "card-channel-online";
    CARD_CHANNEL_OFFLINE = "card-channel-offline";
    RECOVER_TITLE = "recover-title";
    RECOVER_BODY = "recover-body";
    RECOVER_NEVER_SAVED = "recover-never-saved";
    RECOVER_ENTRY = "recover-entry" (title, place, when);
    RECOVER_RESTORE = "recover-restore";
    RECOVER_DISCARD = "recover-discard";
    RECOVER_LATER = "recover-later";
    CHANGED_TITLE = "changed-title";
    CHANGED_BODY = "changed-body" (path);
    CHANGED_LOSES_CHANGES = "changed-loses-changes";
    CHANGED_RELOAD = "changed-reload";
    CHANGED_KEEP = "changed-keep";
    OVERWRITE_TITLE = "overwrite-title";
    OVERWRITE_BODY = "overwrite-body" (path);
    OVERWRITE_CONFIRM = "overwrite-confirm";
    PATH_OPEN = "path-open";
    PATH_SAVE_AS = "path-save-as";
    PATH_PHOTO = "path-photo";
    PATH_EXPORT = "path-export";
    PATH_IMPORT_CSV = "path-import-csv";
    PATH_EXPORT_CSV = "path-export-csv";
    PATH_BODY = "path-body";
    PATH_FIELD = "path-field";
    FILTER_MAP = "filter-map";
    FILTER_ALL = "filter-all";
    FILTER_PICTURES = "filter-pictures";

    // The side panel.
    PANEL_MAP_TITLE = "panel-map-title";
    PANEL_PERSONA = "panel-persona";
    PANEL_NAME = "panel-name";
    PANEL_DESCRIPTION = "panel-description";
    PANEL_GOALS = "panel-goals";
    PANEL_QUOTE = "panel-quote";
    PANEL_CHOOSE_PHOTO = "panel-choose-photo";
    PANEL_REMOVE_PHOTO = "panel-remove-photo";
    PANEL_PHOTO_SIZE = "panel-photo-size" (width, height);
    PANEL_SELECT_HINT = "panel-select-hint";
    PANEL_CARD = "panel-card";
    PANEL_TEXT = "panel-text";
    PANEL_COLOUR = "panel-colour";
    PANEL_CHANNEL = "panel-channel";
    PANEL_NO_CHANNEL = "panel-no-channel";
    PANEL_DELETE_CARD = "panel-delete-card";
    PANEL_STAGE = "panel-stage";
    PANEL_TIME_FRAME = "panel-time-frame";
    PANEL_WIDTH = "panel-width";
    PANEL_DELETE_STAGE = "panel-delete-stage";
    PANEL_LANE = "panel-lane";
    PANEL_KIND = "panel-kind";
    PANEL_KIND_EMOTIONS = "panel-kind-emotions";
    PANEL_DELETE_LANE = "panel-delete-lane";
    PANEL_CELL_HINT = "panel-cell-hint";
    PANEL_NO_SCORE = "panel-no-score";
    PANEL_SET_SCORE = "panel-set-score";
    PANEL_EMOTION_SCORE = "panel-emotion-score";
    PANEL_NOTE = "panel-note";
    PANEL_SCORE_KEYS = "panel-score-keys";
    PANEL_CLEAR_SCORE = "panel-clear-score";

    // Journey paths: links between cards, and the orphan-card finding.
    LINK_NEXT = "link-next";
    LINK_SKIP = "link-skip";
    LINK_RETURN = "link-return";
    LINK_EXIT = "link-exit";
    LINK_NOWHERE = "link-nowhere";
    LINK_PICK_HINT = "link-pick-hint" (card);
    CMD_LINK_TO = "cmd-link-to";
    PANEL_LINKS = "panel-links";
    PANEL_LINK = "panel-link";
    PANEL_LINK_TO = "panel-link-to" (card);
    PANEL_LINK_FROM = "panel-link-from" (card);
    PANEL_NO_LINKS = "panel-no-links";
    PANEL_DELETE_LINK = "panel-delete-link";
    PANEL_LINK_KIND = "panel-link-kind";
    A11Y_LINK = "a11y-link" (kind, from, to);
    VALID_TOO_MANY_LINKS = "valid-too-many-links" (count, max);
    VALID_LINK_FROM_MISSING_CARD = "valid-link-from-missing-card" (link, card);
    VALID_LINK_TO_MISSING_CARD = "valid-link-to-missing-card" (link, card);
    VALID_SELF_LINK = "valid-self-link" (link);
    VALID_LINK_WITHOUT_TARGET = "valid-link-without-target" (link);
    VALID_DUPLICATE_LINK = "valid-duplicate-link" (link);
    EDIT_NO_SUCH_LINK = "edit-no-such-link" (id);
    EDIT_SELF_LINK = "edit-self-link";
    EDIT_LINK_WITHOUT_TARGET = "edit-link-without-target";
    EDIT_DUPLICATE_LINK = "edit-duplicate-link";
    EDIT_TOO_MANY_LINKS = "edit-too-many-links" (max);
    FINDING_ORPHAN_CARD = "finding-orphan-card" (stage, card);
    FINDINGS_ORPHAN_CARD = "findings-orphan-card";
}
