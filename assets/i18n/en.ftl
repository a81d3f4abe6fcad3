# Waymark's words in English.
#
# This is a Fluent file (https://projectfluent.org/): `id = text`. Text in { $braces } is filled in by
# Waymark; keep those names as they are. To translate Waymark, copy this file to a new language code
# (e.g. de.ftl) and translate the text after each `=`. The README explains how to add the language.
#
# Plurals choose a form by number:
#     { $count ->
#         [one] { $count } card
#        *[other] { $count } cards
#     }

## Dates and ages (the recovery dialog)

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# "November 27, 2026, 3:57 PM". $hour is 0-23, $hour12 is 1-12, $pm is "am" or "pm".
date-time = { $month } { $day }, { $year }, { $hour12 }:{ $minute } { $pm ->
        [pm] PM
       *[am] AM
    }
date-with-age = { $date } ({ $age })
age-just-now = just now
age-minutes = { $count ->
        [one] { $count } minute ago
       *[other] { $count } minutes ago
    }
age-hours = { $count ->
        [one] { $count } hour ago
       *[other] { $count } hours ago
    }
age-days = { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }

## Names of things in a map, as menus and panels show them

lane-actions = Actions
lane-thoughts = Thoughts
lane-emotions = Emotions
lane-barriers = Barriers
lane-touchpoints = Touchpoints
lane-goals = Goals
lane-solutions = Solutions
lane-metrics = Metrics
lane-backstage = Backstage
lane-notes = Notes
color-yellow = Yellow
color-orange = Orange
color-pink = Pink
color-purple = Purple
color-blue = Blue
color-green = Green
color-gray = Grey
color-white = White
channel-online = Online
channel-offline = Offline
template-blank = Blank (3 stages)
template-marketing5 = 5 stages, marketing
template-consumer6 = 6 stages, consumer
template-b2b7 = 7 stages, B2B
template-stages9 = 9 stages
template-russian12 = 12 stages (Russian model)

## Problems in a map file

valid-newer-version = the file is version { $version }, made by a newer Waymark (this one reads up to version { $current }); please update Waymark
valid-duplicate-id = the id { $id } is used by two items
valid-id-too-large = the id { $id } is larger than the largest id, { $max }
valid-id-counter-too-large = the next id to hand out ({ $next }) is larger than the largest id, { $max }
valid-card-in-missing-stage = card { $card } is in stage { $stage }, which does not exist
valid-card-in-missing-lane = card { $card } is in lane { $lane }, which does not exist
valid-card-in-emotions-lane = card { $card } is in an Emotions lane, which holds scores, not cards
valid-score-out-of-range = lane { $lane } has the emotion score { $score }; scores go from { $min } to { $max }
valid-emotion-at-missing-stage = lane { $lane } has a score for stage { $stage }, which does not exist
valid-duplicate-emotion = lane { $lane } has two scores for stage { $stage }
valid-bad-stage-width = stage { $stage } has a width outside { $min }..{ $max }
valid-too-many-personas = the map has { $count } personas; a map has at most { $max }
valid-bad-persona-id = a persona has the id { $id }, which belongs to another persona (the first persona has no id, the others need one)
valid-no-such-persona = item { $item } names persona { $persona }, which does not exist (or names it twice)
valid-too-many-measures = lane { $lane } has more than { $max } measures
valid-measures-outside-metrics = lane { $lane } has measures but is not a Metrics lane
valid-bad-measure-range = measure { $measure } has a range that is not a pair of numbers with the minimum below the maximum
valid-metric-out-of-range = measure { $measure } has the value { $value }, outside its range
valid-metric-at-missing-stage = measure { $measure } has a value for stage { $stage }, which does not exist
valid-duplicate-metric = measure { $measure } has two values for stage { $stage }

## Persona photos

photo-store-failed = the photo could not be stored: { $error }
photo-unreadable = the picture could not be read: { $error }
photo-not-an-image = the picture is not a PNG, JPEG or WebP image
photo-too-large = the picture is too large (at most { $side }×{ $side } pixels)
photo-undecodable = the picture could not be decoded: { $error }
photo-bad-base64 = the persona photo is not valid base64: { $error }
photo-in-file = the persona photo: { $error }
photo-file-too-large = the picture file is too large (over { $limit } MB)

## Reading and writing files

io-permission-denied = permission denied
io-not-found = the file does not exist
io-folder-missing = the folder does not exist
io-disk-full = the disk is full
io-read-only = the disk is read-only
io-is-folder = it is a folder
io-file-too-large = the file is larger than this disk or system allows
load-no-path = the map
load-io = { $path } could not be read: { $error }
load-is-folder = it is a folder, not a map file
load-too-large = { $path } is { $size } MB, too large to be a map (the limit is { $limit } MB)
load-not-utf8 = { $path } is not a text file (it is not UTF-8), so it is not a Waymark map
load-empty = { $path } is empty: it holds no map (it may have been cut off while it was written)
load-syntax = { $path }: line { $line }, column { $column }: { $message }
load-newer = { $path } was made by a newer Waymark (file version { $version }; this Waymark reads up to { $current }). Please update Waymark to open it
load-unknown-version = { $path } has the file version { $version }, which no Waymark ever wrote (versions start at 1); it is not a Waymark map or it is damaged
load-invalid = { $path } is damaged: { $problems }
load-more-problems = { $count ->
        [one] and { $count } more problem
       *[other] and { $count } more problems
    }
ron-eof = the file ends in the middle of the map (it may have been cut off)
ron-too-deep = the data is nested more than { $limit } levels deep, which no map is
ron-integer-out-of-bounds = a number is too large or too small here
ron-trailing = there is more text after the end of the map
ron-missing-field = the field “{ $field }” is missing
ron-unknown-field = there is no field called “{ $field }” here
ron-duplicate-field = the field “{ $field }” is given twice
ron-unknown-variant = “{ $found }” is not one of { $expected }
ron-expected = { $what } was expected here
ron-what-comma = a comma
ron-what-string = text in quotes
ron-what-integer = a whole number
ron-what-number = a number
ron-what-boolean = true or false
ron-what-name = a name
ron-what-close-paren = a closing “)”
ron-what-close-bracket = a closing “]”
ron-what-list = a list in “[ ]”
ron-what-struct = a value in “( )”
ron-what-named-struct = a { $name } in “( )”
ron-unclosed-comment = a block comment is not closed
ron-unclosed-string = a string is not closed (a quote mark is missing)
to-text-failed = the map could not be written as text: { $error }
save-is-folder = { $path } could not be saved: it is a folder
save-failed = { $path } could not be saved: { $step }: { $error }
save-step-temp = no temporary file could be made in its folder
save-step-write = writing failed
save-step-flush = flushing to disk failed
save-step-replace = replacing the old file failed
recent-folder-failed = the folder for the recent-files list, { $folder }, could not be made: { $error }
recent-write-failed = the recent-files list could not be written: { $error }
recovery-folder-failed = the recovery folder { $folder } could not be made: { $error }
recovery-info-failed = the recovery information could not be written: { $error }
recovery-remove-failed = the recovery file { $path } could not be removed: { $error }
recovery-unnamed = Recovered map { $id }
preferences-write-failed = the preferences could not be written: { $error }

## CSV import

csv-row = row { $row }: { $message }
csv-maybe-more = and maybe more
# $missing lists the missing column names (stage, lane, text), $count how many there are.
csv-missing-columns = the first row must name the columns stage, lane and text (score and color are optional); { $count ->
        [one] the column { $missing } is missing
       *[other] the columns { $missing } are missing
    } (the first row has { $found })
csv-nothing = nothing
csv-bad-score = the score "{ $cell }" is not a whole number from { $min } to { $max }
csv-bad-color = the colour "{ $cell }" is not one of { $names }
csv-no-stage = the stage is empty; every card needs a stage
csv-no-lane = the lane is empty; every card needs a lane
csv-empty = the CSV file is empty; it needs a first row naming the columns stage, lane and text
csv-header-unreadable = the first row cannot be read: { $error }
csv-no-rows = the CSV file has no rows
csv-row-unreadable = it cannot be read: { $error }
csv-score-outside-emotions = a score is given in the lane "{ $lane }", but only an Emotions lane has scores
csv-duplicate-score = this stage already has a score in the lane "{ $lane }" (row { $first })
csv-needs-score = the lane "{ $lane }" is an Emotions lane, so its rows need a score from { $min } to { $max }
csv-file-unreadable = it cannot be read: { $error }
csv-is-folder = it is a folder, not a CSV file
csv-too-large = it is { $size } MB, too large to import (the limit is { $limit } MB)
csv-not-utf8 = it is not UTF-8 text; in the spreadsheet, save it as "CSV UTF-8"
csv-bad-number = “{ $cell }” is not a number
csv-too-many-personas = the file names more than { $max } personas
csv-measure-needs-range = the measure “{ $measure }” needs a min and a max (the min below the max) on its first row
csv-metric-out-of-range = { $value } is outside the range of { $measure }
csv-duplicate-metric = a second value of “{ $measure }” for the same stage and lane

## Exports

export-cancelled = The export was cancelled; no file was written.
export-too-large = The picture would be { $width } × { $height } pixels, more than the { $megapixels } megapixels (or { $side } pixels on a side) Waymark writes to one PNG
export-too-large-scale = ; the largest scale that fits is { $scale }×. Export at that scale, or as SVG or PDF.
export-too-large-other-format = ; export it as SVG or PDF instead.
export-write-failed = { $path } could not be written: { $error }
export-render-failed = The map could not be drawn: { $error }
export-no-folder = the folder { $folder } does not exist
export-bad-scale = The scale must be a number above 0 and at most { $max }, not { $scale }.
export-bad-width = The width must be at least 1 pixel.
render-font-unreadable = a bundled font could not be read
render-font-subset = a font could not be subset: { $error }
render-photo-unreadable = the persona photo could not be read: { $error }
render-photo-empty = the persona photo is empty
render-no-bitmap = no { $width } × { $height } bitmap could be made
render-thread-stopped = a drawing thread stopped
render-compression-failed = compression failed: { $error }
render-bad-stream = the PNG compressor wrote an unexpected stream

## The command line

cli-about = Waymark: a desktop editor for Customer Journey Maps.
cli-usage = Usage:
cli-err-unknown-argument = there is no option “{ $arg }”.
cli-err-unknown-command = there is no command “{ $command }”.
cli-err-missing = this is missing: { $args }
cli-err-invalid-value = “{ $value }” is not a value { $arg } takes; it takes: { $valid }.
cli-err-bad-value = “{ $value }” is not a value { $arg } takes.
cli-err-conflict = { $arg } cannot be used together with { $other }.
cli-err-other = the command line is not right.
cli-err-hint = “waymark --help” lists the commands and options.
cli-arguments = Arguments
cli-options = Options
cli-commands = Commands
cli-help = Print help
cli-version = Print version
cli-map = A map file (.ron) to open; without one, the sample map opens.
cli-window-failed = the window could not be opened: { $error }
cli-export-about = Export maps to PNG, SVG, PDF or CSV, without opening a window.
cli-export-long-about =
    Export maps to PNG, SVG, PDF or CSV, without opening a window.

    One map: the format follows the output's extension (-o map.png, map.svg, map.pdf, map.csv). Several maps, or an output that is a folder (ends with / or exists as a folder): each map is written into that folder under its own name, in the format --format names.
cli-export-maps = The map files (.ron) to export.
cli-export-output = The file to write, or the folder to write into.
cli-export-format = png, svg, pdf or csv: needed when writing into a folder; otherwise it must agree with the extension.
cli-export-scale = PNG: pixels per map unit (1 = the canvas at 100%; 2 or 4 for print and slides).
cli-export-width = PNG: the width in pixels (the height follows).
cli-export-transparent = PNG and SVG: leave the background transparent instead of white.
cli-export-page = PDF: one page sized to the map (fit), or the map fitted on A4 or A3 landscape.
cli-export-embed-fonts = SVG: put the bundled fonts into the file, so browsers show the same fonts on every machine.
cli-import-about = Import a CSV file of cards (columns stage, lane, text, score, color) as a map file.
cli-import-csv = The CSV file to read (comma, semicolon or tab separated, UTF-8).
cli-import-output = The map file (.ron) to write; it is replaced if it exists.
cli-check-about = Load each map (or CSV) file and print a one-line summary or its errors; fails if any file is bad.
cli-check-files = The files to check: maps (.ron) or CSV files (.csv).
cli-report-about = Print what the map says is missing (its gap-analysis findings), without opening a window.
cli-report-map = The map file (.ron) to analyse.
cli-report-format = text for a terminal, json for scripts, md (Markdown) for a wiki.
# "7 stages, 6 lanes, 42 cards (“Title”)"
cli-summary = { $stages ->
        [one] { $stages } stage
       *[other] { $stages } stages
    }, { $lanes ->
        [one] { $lanes } lane
       *[other] { $lanes } lanes
    }, { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    } (“{ $title }”)
cli-imported = { $path }: imported { $summary }
cli-checked = { $path }: { $summary }
cli-import-same-file = { $path } is the CSV file being imported; write the map to another file
cli-need-format = say which format to write into the folder { $folder } with --format png, svg, pdf or csv
cli-unknown-format = unknown format “{ $name }”: use png, svg, pdf or csv
cli-format-mismatch = --format { $name } does not match the file name's extension .{ $extension }
cli-cannot-export = Waymark cannot export .{ $extension } files: end the output's name with .png, .svg, .pdf or .csv
cli-no-extension = { $path } has no extension: end it with .png, .svg, .pdf or .csv, or give --format
cli-two-maps-one-file = two maps would both be written to { $path }: export them separately
cli-folder-failed = the folder { $folder } could not be made: { $error }
cli-only-for = { $flag } applies to { $formats } only
cli-formats-png-svg = PNG and SVG

## Menus and commands

menu-file = File
menu-edit = Edit
menu-view = View
menu-open-recent = Open Recent
menu-no-recent = No recent maps
menu-recent-missing = { $name } (missing)
menu-add-lane = Add lane
menu-card-colour = Card colour
menu-language = Language
menu-language-system = As the system ({ $language })
cmd-new = New…
cmd-open = Open…
cmd-open-recent-map = Open recent map
cmd-save = Save
cmd-save-as = Save As…
cmd-export = Export…
cmd-import-csv = Import CSV…
cmd-export-csv = Export CSV…
cmd-copy-image = Copy map as image
cmd-quit = Quit
cmd-undo = Undo
cmd-redo = Redo
cmd-add-card = Add card
cmd-edit-selected = Edit selected
cmd-delete-selected = Delete selected
cmd-add-stage = Add stage
cmd-zoom-in = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-fit = Fit map to window
cmd-zoom-actual = Zoom to 100%
cmd-findings = Findings
cmd-present = Present
cmd-projector-colours = Projector colours
cmd-timer-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
cmd-timer-custom = Custom time…
cmd-timer-start-pause = Start or pause
cmd-timer-add-minute = +1 minute
cmd-timer-reset = Reset

## The timer and presentation mode

menu-timer = Timer
timer-start = Start
timer-continue = Continue
timer-pause = Pause
timer-quiet = Stop flashing
timer-status-running = Timer { $time }
timer-status-paused = Timer paused at { $time }
timer-status-ready = Timer set to { $time }
timer-status-up = Time is up!
timer-up = Time is up
timer-custom-title = Timer
timer-custom-prompt = How long? Minutes (7, 2.5) or minutes and seconds (2:30).
timer-custom-field = Time box
timer-custom-start = Start
timer-not-a-time = Type minutes (7 or 2.5) or minutes and seconds (2:30).
timer-out-of-range = The time box must be at least a second and at most { $hours } hours.
present-stage = Stage { $number } of { $count }
present-whole-map = The whole map
present-keys = ← → stages · Home whole map · Esc leaves

## The canvas

canvas-edit-text = Edit text
canvas-colour = Colour
canvas-delete-card = Delete card
canvas-clear-score = Clear score
canvas-rename-stage = Rename stage
canvas-add-stage-before = Add stage before
canvas-add-stage-after = Add stage after
canvas-delete-stage = Delete stage
canvas-rename-lane = Rename lane
canvas-add-lane-below = Add lane below
canvas-delete-lane = Delete lane
canvas-type-here = Type here…
canvas-name-hint = Name

## What a screen reader says about the canvas

a11y-map = Map: { $title }
a11y-card = Card: { $text } — stage { $stage }, lane { $lane }
a11y-empty-card = (empty)
a11y-stage = Stage { $number } of { $count }: { $name }
a11y-lane = Lane: { $name } ({ $kind })
a11y-emotion = Emotion score { $score } — stage { $stage }, lane { $lane }
a11y-emotion-note = Emotion score { $score } — stage { $stage }, lane { $lane }: { $note }
a11y-add-card = Add a card — stage { $stage }, lane { $lane }
a11y-cell = Cell: stage { $stage }, lane { $lane }, { $count ->
        [0] no cards
        [one] { $count } card
       *[other] { $count } cards
    }
a11y-unnamed = (no name)

## The status bar

status-not-saved-yet = Not saved yet
status-untitled = Untitled
status-nothing-to-undo = Nothing to undo
status-nothing-to-redo = Nothing to redo
status-new-map = New map
status-imported = Imported { $path }: save it as a map file to keep it
status-opened = Opened { $path }
status-saved = Saved { $path }
status-restored = Restored “{ $title }”: save it to keep it
status-exported = Exported { $path }
status-copied = Map copied as a { $width }×{ $height } image
status-export-cancelled = Export cancelled; nothing was written
status-language = Language: { $language }
job-copying = Copying the map as an image…
job-exporting-to = Exporting { $path }…
job-exporting-as = Exporting the map as { $format }…

## Dialogs

ok = OK
cancel = Cancel
error-title = Something went wrong
error-save-failed =
    { $error }

    The map is still open and nothing was lost. Try File → Save As… to save it somewhere else.
error-photo = The photo could not be used: { $error }
error-recovered-unreadable = The recovered map could not be read: { $error }
unsaved-title = Save changes?
unsaved-body = { $name } has changes that are not saved.
unsaved-save = Save
unsaved-dont-save = Don't save
new-map-title = New map
new-map-stages = Stages:
new-map-language = Language of the map:
new-map-create = Create
export-title = Export map
export-format = Format:
export-size = Size:
export-width = Width:
export-pixels = { " " }px
export-transparent = Transparent background
export-page = Page:
export-page-fit = Sized to the map
export-page-a4 = A4 landscape
export-page-a3 = A3 landscape
export-start = Export…
recover-title = Recover unsaved maps
recover-body = Waymark was closed before these maps were saved. Restore them to keep working:
recover-never-saved = never saved
recover-entry = { $title } — { $place }, { $when }
recover-restore = Restore
recover-discard = Discard
recover-later = Decide later
changed-title = The file changed on disk
changed-body = { $path } was changed by another program since you opened it.
changed-loses-changes = Reloading it throws away your unsaved changes here.
changed-reload = Reload
changed-keep = Keep my version
overwrite-title = Overwrite changes on disk?
overwrite-body = { $path } was changed by another program since you opened it. Saving replaces those changes.
overwrite-confirm = Overwrite
path-open = Open map
path-save-as = Save map as
path-photo = Choose a persona photo
path-export = Export map
path-import-csv = Import CSV
path-export-csv = Export CSV
path-body = No file dialog could be shown on this system (install zenity or an xdg-desktop-portal to get one). Type the file's full path instead:
path-field = File path
filter-map = Waymark map
filter-all = All files
filter-pictures = Pictures

## The side panel

panel-map-title = Map title
panel-persona = Persona
panel-name = Name
panel-description = Description (segment, age, situation)
panel-goals = Goals
panel-quote = Quote
panel-choose-photo = Choose photo…
panel-remove-photo = Remove photo
panel-photo-size = Photo: { $width }×{ $height } px
panel-select-hint = Select a card, stage, lane or cell to see its properties.
panel-card = Card
panel-text = Text
panel-colour = Colour
panel-channel = Channel
panel-no-channel = —
panel-delete-card = Delete card
panel-stage = Stage
panel-time-frame = Time frame (e.g. 2-3 weeks)
panel-width = Width
panel-delete-stage = Delete stage and its cards
panel-lane = Lane
panel-kind = Kind
panel-kind-emotions = Kind: Emotions (a score per stage)
panel-delete-lane = Delete lane and its cards
panel-cell-hint = Double-click the cell, press N or Enter to add a card.
panel-no-score = No score yet.
panel-set-score = Set score
panel-emotion-score = Emotion score
panel-note = Note
panel-score-keys = Shift+↑ / Shift+↓ on the canvas change the score.
panel-clear-score = Clear score
cli-export-persona = PNG, SVG, PDF: draw one persona (its name, or its number from 1) as the canvas’s persona filter does: only its emotion curve, the cards not tagged with it dimmed. Every persona by default.
cli-no-such-persona = { $path }: the map has no persona “{ $persona }” (give its name or its number from 1)
panel-persona-show = Show
panel-all-personas = All personas
panel-add-persona = Add persona
panel-remove-persona = Remove this persona
panel-persona-filter-hint = Showing one persona: its emotion curve only, other cards dimmed. The fields above and the canvas's scores are this persona's.
panel-card-personas = Belongs to
panel-score-of = Score of { $name }
panel-measures = Measures
panel-add-measure = Add measure
panel-remove-measure = Remove measure
panel-unit = Unit
panel-min = Minimum
panel-max = Maximum
panel-not-a-number = “{ $text }” is not a number in the measure’s range.
panel-metric-hint = Type a number for each measure (empty clears it). Double-click a chart row on the canvas to type here.
panel-no-measures = This Metrics lane has no measures yet: select the lane’s header to add them.
persona-new-name = Persona { $number }
measure-csat = CSAT
measure-nps = NPS
measure-conversion = Conversion
measure-time = Time
measure-time-unit = min
measure-custom = Measure

## Selecting many cards, copy and paste

cmd-select-all = Select all cards
cmd-copy = Copy cards
cmd-cut = Cut cards
cmd-paste = Paste cards
cmd-duplicate = Duplicate cards
cmd-move-left = Move cards to the previous stage
cmd-move-right = Move cards to the next stage
cmd-move-up = Move cards to the lane above
cmd-move-down = Move cards to the lane below
cards-nothing-to-copy = Select cards to copy (click a card; Shift+click or Ctrl+click adds more)
cards-copied = Copied { $count ->
        [one] { $count } card
       *[other] { $count } cards
    }
cards-cut = Cut { $count ->
        [one] { $count } card
       *[other] { $count } cards
    }
cards-pasted = Pasted { $count ->
        [one] { $count } card
       *[other] { $count } cards
    }
cards-duplicated = Duplicated { $count ->
        [one] { $count } card
       *[other] { $count } cards
    }
cards-deleted = Deleted { $count ->
        [one] { $count } card
       *[other] { $count } cards
    }
cards-no-card-lane = Cards cannot go into an Emotions lane: select a cell of another lane, then paste
cards-cannot-move = The cards are at the edge of the map: they cannot move further that way
cards-confirm-title = Paste many cards?
cards-confirm-text = The clipboard text would make { $count } cards, one for each line. Make them all?
cards-confirm-yes = Make { $count } cards
cards-selected = { $count ->
        [one] { $count } card selected
       *[other] { $count } cards selected
    }
cards-all-in-cell = { $selected }: all in the cell (Ctrl+A again: the whole lane)
cards-all-in-stage = { $selected }: all in the stage (Ctrl+A again: the whole map)
cards-all-in-lane = { $selected }: all in the lane (Ctrl+A again: the whole map)
cards-all-in-map = { $selected }: all in the map
paste-too-large = The clipboard holds { $size } MB of text, too much to paste as cards (at most { $limit } MB). Paste a shorter list.
paste-empty = The clipboard has no text to make cards from.
paste-too-many = The clipboard text would make { $count } cards; at most { $max } can be pasted at once. Paste a shorter list.
menu-move-cards = Move cards

## Find

cmd-find = Find…
cmd-find-next = Find next
cmd-find-previous = Find previous
find-label = Find
find-hint = cards, stages, lanes, notes, persona
find-position = { $current } of { $count ->
        [one] { $count } match
       *[other] { $count } matches
    }
find-count = { $count ->
        [one] { $count } match
       *[other] { $count } matches
    }
find-none = No matches
find-previous = Previous
find-next = Next
find-close = Close the find bar (Escape)

## Findings (gap analysis)

finding-no-touchpoint = “{ $stage }” has no touchpoint: where does the customer meet the company here?
finding-barrier-without-solution = “{ $stage }” has { $count ->
        [one] { $count } barrier
       *[other] { $count } barriers
    } and no solution.
finding-dip-without-barrier = The emotion drops to { $score } at “{ $stage }”, but no barrier says why.
finding-empty-stage = “{ $stage }” has no cards at all.
findings-no-touchpoint = Stages without a touchpoint
findings-barrier-without-solution = Barriers without a solution
findings-dip-without-barrier = Emotional dips without a barrier
findings-empty-stage = Empty stages
findings-none = No findings: the map shows no gaps of the kinds that are switched on.
findings-title = Findings
findings-switched-off = switched off
findings-close = Close the findings
findings-reveal = Select and show the cells involved
report-summary = { $stages ->
        [one] { $stages } stage
       *[other] { $stages } stages
    }, { $lanes ->
        [one] { $lanes } lane
       *[other] { $lanes } lanes
    }, { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }, { $links ->
        [one] { $links } link
       *[other] { $links } links
    }: { $findings ->
        [one] { $findings } finding
       *[other] { $findings } findings
    }

## Added with the other helpers' work: posters, refused edits, autosave notices, recovery locks

poster-sheet-label = Row { $row } of { $rows }, column { $column } of { $columns }. Cut at the corner marks; lay each sheet over the one before it up to the dashed marks (10 mm overlap).
card-channel-online = ● online
card-channel-offline = ● offline
export-poster = Poster on A4 / A3 pages
export-sheets = Sheets:
export-pages-across = Pages across:
export-poster-summary = { $across } sheets across × { $down } down ({ $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }), a poster of { $width } × { $height } cm with the map printed at { $percent }%. Neighbouring sheets overlap by 10 mm and have marks to cut and glue them.
status-refused-edit = The map was not changed: { $error }
status-saved-earlier = Saved the earlier map to { $path }
status-earlier-not-saved = The earlier map was not saved: { $error }
status-stale-photo = The photo was chosen for the map that was open before; it was not used
status-autosave-failing = Autosave is failing; save the map to keep your changes safe. ({ $error })
status-autosave-works = Autosave works again: unsaved changes are safe from a crash.
recovery-lock-failed = the recovery entry { $path } could not be locked: { $error }
recovery-held = another Waymark holds it
edit-no-such-persona = There is no persona { $id } in the map.
edit-too-many-personas = A map has at most { $max } personas.
edit-first-persona-stays = The first persona cannot be removed; change it instead.
edit-no-such-measure = There is no measure { $id } in the map.
edit-not-a-metrics-lane = Lane { $id } is not a Metrics lane; only Metrics lanes hold measures.
edit-too-many-measures = A Metrics lane has at most { $max } measures.
edit-bad-measure-range = A measure needs a minimum below its maximum (numbers within ±1,000,000,000).
edit-metric-out-of-range = { $value } is outside the measure's range.
edit-lane-has-measures = Lane { $id } has measures; remove them before changing its kind.
edit-no-such-card = there is no card { $id }
edit-no-such-stage = there is no stage { $id }
edit-no-such-lane = there is no lane { $id }
edit-outside-map = the position is outside the map
edit-duplicate-id = the id { $id } is already used
edit-not-a-card-lane = lane { $id } holds emotion scores, not cards
edit-not-an-emotions-lane = lane { $id } is not an Emotions lane
edit-score-out-of-range = the score { $score } is outside { $min }..{ $max }
edit-bad-width = the stage width is outside { $min }..{ $max }
cli-pages-across = --pages-across must be from 1 to { $max }, not { $across }
cli-export-poster = PDF: a poster on A4 or A3 sheets, to cut and glue: the map enlarged across --pages-across sheets and as many rows as it needs, 10 mm overlap, crop marks and each sheet's row and column in its margin.
cli-export-pages-across = PDF poster: how many sheets wide (1 to 20; default 2). The rows follow from the map's shape.
export-file-not-folder = { $folder } is a file, not a folder

## Merging two versions of a map, and what changed between two versions.
cli-merge-about = Merge two edited versions of a map by their ids (a git merge driver: waymark merge %O %A %B). Exit status 0: merged; 1: conflicts, marked in the map; 2: a file could not be read.
cli-merge-base = The common ancestor of the two versions.
cli-merge-ours = Our version; the merged map is written over it unless -o is given.
cli-merge-theirs = Their version.
cli-merge-output = Write the merged map to this file instead of over OURS.
cli-diff-about = Print what changed between two versions of a map: stages, lanes, cards by stage and lane, emotions, persona.
cli-diff-old = The older version.
cli-diff-new = The newer version.
merge-place-map = the map
merge-place-persona = the persona
merge-place-stage = stage “{ $name }”
merge-place-lane = lane “{ $name }”
merge-place-card = card { $id } “{ $text }”
merge-place-emotion = the emotion score of lane “{ $lane }” at stage “{ $stage }”
merge-place-item = item { $id } of { $list }
merge-both-kept = conflict: { $place } changed on both sides; both versions are kept in it between <<<<<<< and >>>>>>>
merge-ours-kept = conflict: { $place } changed on both sides (ours: { $ours }, theirs: { $theirs }); ours is kept
merge-edit-kept = conflict: { $place } was deleted in { $side ->
        [ours] ours and changed in theirs
       *[theirs] theirs and changed in ours
    }; it is kept, with the changes
merge-moved-stage = conflict: { $place } is in stage “{ $missing }”, which was deleted on the other side; the card moved to stage “{ $to }”
merge-moved-lane = conflict: { $place } is in lane “{ $missing }”, which was deleted on the other side; the card moved to lane “{ $to }”
merge-dropped = conflict: { $place } was changed, but what it belongs to was deleted on the other side; it is dropped
merge-renumbered = new item { $old } was added on both sides; theirs is now { $new }
merge-clean = { $path }: merged without conflicts ({ $summary })
merge-conflicts = { $path }: merged with { $count ->
        [one] { $count } conflict
       *[other] { $count } conflicts
    }; check the lines above and search the map for <<<<<<<
merge-failed = { $path }: the two versions could not be merged automatically ({ $error }); ours is kept as it was, make their changes again by hand
merge-no-base = { $path } is empty: the two versions have no common ancestor (the map was added on both branches), so they cannot be merged by id; keep one of them, or copy one's cards into the other in Waymark
diff-none = No changes.
diff-title = Title: “{ $old }” → “{ $new }”
diff-persona-name = Persona: “{ $old }” → “{ $new }”
diff-persona-changed = Persona: { $fields } changed
diff-stage-added = Stage added: “{ $name }”
diff-stage-removed = Stage removed: “{ $name }”, with { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }
diff-stage-renamed = Stage renamed: “{ $old }” → “{ $new }”
diff-stage-changed = Stage “{ $name }”: { $fields } changed
diff-stages-reordered = Stages reordered: { $order }
diff-lane-added = Lane added: “{ $name }”
diff-lane-removed = Lane removed: “{ $name }”, with { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }
diff-lane-renamed = Lane renamed: “{ $old }” → “{ $new }”
diff-lane-changed = Lane “{ $name }”: { $fields } changed
diff-lanes-reordered = Lanes reordered: { $order }
diff-emotion-added = Emotion in “{ $lane }” at “{ $stage }”: { $score } (new)
diff-emotion-removed = Emotion in “{ $lane }” at “{ $stage }”: removed
diff-emotion-changed = Emotion in “{ $lane }” at “{ $stage }”: { $old } → { $new }
diff-emotion-note = Emotion in “{ $lane }” at “{ $stage }”: the note changed
diff-cell = { $stage } / { $lane }
diff-card-added = + “{ $text }”
diff-card-removed = − “{ $text }”
diff-card-moved = → “{ $text }” moved here from { $from }
diff-card-edited = ~ “{ $old }” → “{ $new }”
diff-card-changed = ~ “{ $text }”: { $fields } changed
diff-cards-reordered = ↕ the cards' order changed
diff-other = Also changed: { $fields }
diff-cards-summary = Cards: { $added } added, { $removed } removed, { $moved } moved, { $edited } edited
diff-field-color = colour
diff-field-channel = channel
diff-field-time-frame = time frame
diff-field-width = width
diff-field-kind = kind
diff-field-description = description
diff-field-goals = goals
diff-field-quote = quote
diff-field-photo = photo
diff-field-findings-off = switched-off findings
## Journey paths (links between cards)

link-next = Next step
link-skip = Skips stages
link-return = Goes back
link-exit = Leaves
link-nowhere = out of the map
link-pick-hint = Link from “{ $card }”: choose the card with the arrow keys (or click it), Enter links, E: the person leaves here, Esc cancels
cmd-link-to = Link to…
panel-links = Links
panel-link = Link
panel-link-to = to “{ $card }”
panel-link-from = from “{ $card }”
panel-no-links = No links yet: drag the dot on the card's right edge to another card, or press L.
panel-delete-link = Delete link
panel-link-kind = Kind
a11y-link = Link ({ $kind }): { $from } → { $to }
valid-too-many-links = the map has { $count } links, more than { $max }
valid-link-from-missing-card = link { $link } starts at card { $card }, which does not exist
valid-link-to-missing-card = link { $link } points to card { $card }, which does not exist
valid-self-link = link { $link } goes from a card to itself
valid-link-without-target = link { $link } points to no card, and only an exit may
valid-duplicate-link = link { $link } repeats another link between the same cards
edit-no-such-link = there is no link { $id }
edit-self-link = a card cannot link to itself
edit-link-without-target = only an exit may point to no card
edit-duplicate-link = these cards are already linked
edit-too-many-links = the map already has { $max } links
finding-orphan-card = “{ $card }” at “{ $stage }” has no link: no arrow reaches or leaves it.
findings-orphan-card = Cards without links

## Dot voting

valid-vote-bad-lane = the vote is on lane { $lane }, which does not exist or holds no cards
valid-vote-bad-budget = the vote gives each participant { $count } votes; from 1 to { $max } are allowed
valid-vote-participants = the vote has { $count } participants; from 1 to { $max } are allowed
valid-duplicate-participant = two participants of the vote have the id { $participant }
valid-dots-missing-participant = the vote has dots of participant { $participant }, who does not exist
valid-dots-missing-card = the vote has dots on card { $card }, which does not exist
valid-dots-repeated = the vote lists the dots of participant { $participant } on card { $card } twice
valid-dots-bad-count = participant { $participant } has { $count } dots on card { $card }, which this vote does not allow
valid-participant-over-budget = participant { $participant } has put { $used } dots but has only { $max } votes
edit-no-vote = no vote is running
edit-no-such-participant = participant { $participant } is not in the vote
edit-no-votes-left = participant { $participant } has no votes left
edit-one-dot-per-card = in this vote a card takes one dot per participant
edit-no-such-dot = that participant has no dot on that card
edit-bad-vote = the vote does not fit the map: { $problem }
edit-participant-taken = participant { $participant } is in the vote already
edit-too-many-participants = the vote has { $count } participants already, as many as it may have
edit-participant-stays = participant { $participant } has dots or is the only one, and stays in the vote
vote-dialog-people-live = People without a computer
vote-dialog-live-hint = Everyone in the live session votes from their own Waymark. Add here only the people who have no computer of their own: anyone in the room may vote for them.
vote-you = { $name } (you)
vote-own-computer = { $name } votes from their own Waymark
status-vote-joined = You vote as { $name }: { $count ->
        [one] { $count } vote left
       *[other] { $count } votes left
    }
status-vote-join-failed = Could not join the vote: { $reason }
csv-votes-on-score = an emotion score cannot have votes
csv-bad-votes = the votes "{ $cell }" are not a whole number from 0 to { $max }
csv-too-many-votes = the votes add up to { $count }; at most { $max } can be imported
cli-export-show-votes = PNG, SVG and PDF: draw the dots of the map's vote on the cards.
export-show-votes = Show votes
export-show-votes-hint = Draw the dots of the dot vote on the cards, as the canvas shows them
cmd-voting-panel = Dot voting
cmd-start-vote = Start a vote…
cmd-clear-votes = Clear votes
vote-panel-title = Dot voting
vote-close = Close the voting panel
vote-none = No vote is running. Start one to let everyone put dots on the cards that matter most.
vote-start = Start a vote…
vote-new = New vote…
vote-clear = Clear votes
vote-scope-all = All cards
vote-scope-lane = Cards in “{ $lane }”
vote-each = { $count ->
        [one] { $count } vote each
       *[other] { $count } votes each
    }
vote-one-per-card = one dot per card
vote-several-per-card = several dots per card
vote-casting = Cast votes
vote-casting-hint = Click a card to put a dot for the chosen participant; click it again or right-click to take the dot back. Dragging pans; nothing is moved or edited. Esc pauses.
vote-participants-keys = Participants (keys 1–9, ↑ ↓)
vote-participant-n = Participant { $number }
vote-left = { $count } left
vote-results = { $count ->
        [one] Results: { $count } dot
       *[other] Results: { $count } dots
    }
vote-no-dots = No dots yet.
vote-highlight = Highlight top
vote-highlight-count = cards:
vote-reveal = Show this card on the map
vote-dialog-title = Start a dot vote
vote-dialog-cards = Cards that take part
vote-dialog-votes = Votes per participant
vote-dialog-people = Participants
vote-dialog-several = One card may take several of a person's votes
vote-dialog-names-hint = Names are optional; empty ones show as “Participant 1…n”. Each participant's dots have their colour.
vote-dialog-replaces = { $count ->
        [one] This ends the current vote and takes its { $count } dot off; Undo brings it back.
       *[other] This ends the current vote and takes its { $count } dots off; Undo brings them back.
    }
vote-dialog-start = Start vote
status-vote-started = { $count ->
        [one] Vote started: { $count } participant
       *[other] Vote started: { $count } participants
    }, { $votes ->
        [one] { $votes } vote each
       *[other] { $votes } votes each
    }. Click cards to put dots.
status-vote-turn = { $name }'s turn: { $left } left
status-vote-put = { $name } put a dot: { $left } left
status-vote-taken = { $name } took a dot back: { $left } left
status-vote-no-votes-left = { $name } has used all { $count } votes; right-click one of their dots to take it back
status-vote-not-in-vote = Only the cards in “{ $lane }” take part in this vote
status-vote-no-dot-here = { $name } has no dot on this card
status-vote-paused = Voting paused: clicks select and edit again (tick “Cast votes” to go on)
status-vote-blocked = Votes are being cast: pause voting (Esc) to change cards
status-votes-cleared = Votes cleared; Ctrl+Z brings them back
a11y-card-votes = { $card }, { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
# Live sessions
sync-bad-address = { $address } is not a server address; write it as ws://host:port
sync-bad-room = “{ $room }” is not a room name: use 1 to 128 letters, digits, - and _
sync-unreachable = cannot reach the live-session server { $server }: { $reason }
sync-refused = the live-session server refused the connection: { $reason }
sync-unauthorized = the live-session server refused the connection ({ $status }): it needs a token, or the token given is wrong
sync-bad-token = the token is longer than { $max } characters
live-token = Token
live-token-placeholder = only if the server needs one
live-token-hint = Sent to the server with each connection, as the address’s token parameter; never saved and never shown.
cli-token = A token for servers that require one, sent as the token parameter of the address (or set WAYMARK_SYNC_TOKEN, which keeps it out of the process list).
sync-empty-room = the room { $room } holds no map (it does not exist or nobody has shared into it)
sync-room-taken = the room { $room } already holds a map; share into a new room
sync-bad-content = the room’s content is not a map Waymark can use: { $reason }
sync-too-large = the server sent more than { $megabytes } MB at once; refused
sync-timeout = the live-session server did not answer in time
sync-random = no random numbers for a room name: { $reason }
cli-join = Opens a live-session room (ws://host:port/ROOM) instead of a file.
cli-share-about = Put a map into a live-session room and print the room’s address for others to join.
cli-share-map = The map file (.ron) to share.
cli-share-server = The y-websocket server, e.g. ws://127.0.0.1:1234.
cli-share-room = The room’s name; a new unguessable one when not given. The room must be empty.
cli-snapshot-about = Write the map currently in a live-session room as a map file.
cli-snapshot-room = The room’s name.
cli-snapshot-output = The map file (.ron) to write; it is replaced if it exists.
cli-snapshot-written = { $path }: written from the room: { $summary }
cmd-share-live = Share live…
cmd-join-live = Join live…
cmd-leave-live = Leave live session
live-share-title = Share live
live-join-title = Join live
live-server = Server
live-address = Room address
live-name = Your name
live-share-hint = The map goes into a new room on the server; send the room’s address to the others.
live-join-hint = Paste the room address someone sent you. The room’s map replaces the open one.
live-share-button = Share
live-join-button = Join
live-copy-address = Copy address
live-connecting = Live: { $room } — connecting…
live-online = Live: { $room } — online, { $count ->
        [one] { $count } other person
       *[other] { $count } other people
    }
live-offline = Live: { $room } — offline, working locally and reconnecting ({ $reason })
live-failed = Live session stopped: { $reason }
live-shared = Shared live; the room’s address (copied): { $address }
live-joined = Joined the live room { $room }
live-left = Left the live session
live-typing = { $name } is typing
menu-live = Live
follow-nobody = Nobody else is here yet
follow-peer = Follow { $name }
follow-stop-menu = Stop following
follow-ask-everyone = Ask everyone to follow me
follow-ask-everyone-hint = Everyone else’s view follows yours (pan, zoom, the presented stage) until you turn this off; anyone can stop following with Esc.
follow-everyone-follows = Everyone follows you
follow-banner = Following { $name } — Esc to stop
follow-stop = Stop
follow-click-to-follow = Click to follow { $name }’s view
follow-click-to-stop = Click to stop following
a11y-card-peer-selected = { $card }, selected by { $name }
a11y-card-peer-typing = { $card }, { $name } is typing in it
