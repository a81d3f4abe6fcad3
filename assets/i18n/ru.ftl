# Слова Waymark по-русски.
#
# Это файл Fluent (https://projectfluent.org/): `id = текст`. Текст в { $скобках } подставляет Waymark;
# имена в скобках не переводятся. Формы множественного числа выбираются по числу:
#     { $count ->
#         [one] { $count } карточка
#         [few] { $count } карточки
#         [many] { $count } карточек
#        *[other] { $count } карточки
#     }
# (one: 1, 21, 31…; few: 2–4, 22–24…; many: 0, 5–20, 25–30…; other: дробные числа.)

## Даты и давность (окно восстановления)

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
# «27 ноября 2026 г., 15:57». $hour — 0–23, $hour12 — 1–12, $pm — "am" или "pm".
date-time = { $day } { $month } { $year } г., { $hour }:{ $minute }
date-with-age = { $date } ({ $age })
age-just-now = только что
age-minutes = { $count ->
        [one] { $count } минуту назад
        [few] { $count } минуты назад
        [many] { $count } минут назад
       *[other] { $count } минуты назад
    }
age-hours = { $count ->
        [one] { $count } час назад
        [few] { $count } часа назад
        [many] { $count } часов назад
       *[other] { $count } часа назад
    }
age-days = { $count ->
        [one] { $count } день назад
        [few] { $count } дня назад
        [many] { $count } дней назад
       *[other] { $count } дня назад
    }

## Названия частей карты в меню и на панели

lane-actions = Действия
lane-thoughts = Мысли
lane-emotions = Эмоции
lane-barriers = Барьеры
lane-touchpoints = Точки контакта
lane-goals = Цели
lane-solutions = Решения
lane-metrics = Метрики
lane-backstage = Бэкстейдж
lane-notes = Заметки
color-yellow = Жёлтый
color-orange = Оранжевый
color-pink = Розовый
color-purple = Фиолетовый
color-blue = Синий
color-green = Зелёный
color-gray = Серый
color-white = Белый
channel-online = Онлайн
channel-offline = Офлайн
template-blank = Пустая (3 этапа)
template-marketing5 = 5 этапов, маркетинг
template-consumer6 = 6 этапов, потребитель
template-b2b7 = 7 этапов, B2B
template-stages9 = 9 этапов
template-russian12 = 12 этапов (российская модель)

## Ошибки в файле карты

valid-newer-version = файл версии { $version } создан более новым Waymark (этот читает версии до { $current }); обновите Waymark
valid-duplicate-id = идентификатор { $id } есть у двух элементов
valid-id-too-large = идентификатор { $id } больше наибольшего допустимого ({ $max })
valid-id-counter-too-large = следующий идентификатор ({ $next }) больше наибольшего допустимого ({ $max })
valid-card-in-missing-stage = карточка { $card } стоит на этапе { $stage }, которого нет
valid-card-in-missing-lane = карточка { $card } стоит на дорожке { $lane }, которой нет
valid-card-in-emotions-lane = карточка { $card } стоит на дорожке эмоций, где бывают только оценки
valid-score-out-of-range = на дорожке { $lane } оценка эмоции { $score }, а оценки бывают от { $min } до { $max }
valid-emotion-at-missing-stage = на дорожке { $lane } есть оценка для этапа { $stage }, которого нет
valid-duplicate-emotion = на дорожке { $lane } две оценки для этапа { $stage }
valid-bad-stage-width = ширина этапа { $stage } вне пределов { $min }..{ $max }
valid-too-many-personas = в карте { $count } { $count ->
    [one] персона
    [few] персоны
   *[other] персон
}, а можно не больше { $max }
valid-bad-persona-id = у персоны идентификатор { $id }, который принадлежит другой персоне (у первой персоны идентификатора нет, у остальных он обязателен)
valid-no-such-persona = элемент { $item } ссылается на персону { $persona }, которой нет (или ссылается на неё дважды)
valid-too-many-measures = на дорожке { $lane } больше { $max } показателей
valid-measures-outside-metrics = на дорожке { $lane } есть показатели, но это не дорожка метрик
valid-bad-measure-range = у показателя { $measure } диапазон — не пара чисел, где минимум меньше максимума
valid-metric-out-of-range = у показателя { $measure } значение { $value } вне его диапазона
valid-metric-at-missing-stage = у показателя { $measure } есть значение для этапа { $stage }, которого нет
valid-duplicate-metric = у показателя { $measure } два значения для этапа { $stage }

## Фото персоны

photo-store-failed = фото не удалось сохранить: { $error }
photo-unreadable = картинку не удалось прочитать: { $error }
photo-not-an-image = картинка не в формате PNG, JPEG или WebP
photo-too-large = картинка слишком большая (не больше { $side }×{ $side } точек)
photo-undecodable = картинку не удалось раскодировать: { $error }
photo-bad-base64 = фото персоны записано не в base64: { $error }
photo-in-file = фото персоны: { $error }
photo-file-too-large = файл картинки слишком большой (больше { $limit } МБ)

## Чтение и запись файлов

io-permission-denied = нет доступа
io-not-found = файла нет
io-folder-missing = папки нет
io-disk-full = диск заполнен
io-read-only = диск только для чтения
io-is-folder = это папка
io-file-too-large = файл больше, чем позволяет этот диск или система
load-no-path = Карта
load-io = { $path }: файл не удалось прочитать: { $error }
load-is-folder = это папка, а не файл карты
load-too-large = { $path }: файл занимает { $size } МБ — слишком много для карты (предел — { $limit } МБ)
load-not-utf8 = { $path }: это не текстовый файл (не UTF-8), значит, не карта Waymark
load-empty = { $path }: файл пуст, карты в нём нет (возможно, запись прервалась)
load-syntax = { $path }: строка { $line }, столбец { $column }: { $message }
load-newer = { $path }: файл создан более новым Waymark (версия файла { $version }, этот Waymark читает версии до { $current }). Чтобы открыть его, обновите Waymark
load-unknown-version = { $path }: версия файла { $version } — такой Waymark никогда не записывал (версии начинаются с 1); это не карта Waymark, или файл повреждён
load-invalid = { $path }: файл повреждён: { $problems }
load-more-problems = { $count ->
        [one] и ещё { $count } ошибка
        [few] и ещё { $count } ошибки
        [many] и ещё { $count } ошибок
       *[other] и ещё { $count } ошибки
    }
ron-eof = файл обрывается посреди карты (возможно, он обрезан)
ron-too-deep = вложенность данных больше { $limit } уровней, такой карты не бывает
ron-integer-out-of-bounds = число здесь слишком большое или слишком маленькое
ron-trailing = после конца карты есть ещё текст
ron-missing-field = нет поля «{ $field }»
ron-unknown-field = поля «{ $field }» здесь не бывает
ron-duplicate-field = поле «{ $field }» указано дважды
ron-unknown-variant = «{ $found }» — не одно из значений { $expected }
ron-expected = здесь ожидается { $what }
ron-what-comma = запятая
ron-what-string = текст в кавычках
ron-what-integer = целое число
ron-what-number = число
ron-what-boolean = true или false
ron-what-name = имя
ron-what-close-paren = закрывающая «)»
ron-what-close-bracket = закрывающая «]»
ron-what-list = список в «[ ]»
ron-what-struct = значение в «( )»
ron-what-named-struct = { $name } в «( )»
ron-unclosed-comment = блочный комментарий не закрыт
ron-unclosed-string = строка не закрыта (не хватает кавычки)
to-text-failed = карту не удалось записать в виде текста: { $error }
save-is-folder = { $path }: сохранить не удалось: это папка
save-failed = { $path }: сохранить не удалось: { $step }: { $error }
save-step-temp = в папке не удалось создать временный файл
save-step-write = ошибка записи
save-step-flush = не удалось сбросить данные на диск
save-step-replace = не удалось заменить старый файл
recent-folder-failed = не удалось создать папку для списка недавних файлов { $folder }: { $error }
recent-write-failed = не удалось записать список недавних файлов: { $error }
recovery-folder-failed = не удалось создать папку восстановления { $folder }: { $error }
recovery-info-failed = не удалось записать сведения для восстановления: { $error }
recovery-remove-failed = не удалось удалить файл восстановления { $path }: { $error }
recovery-unnamed = Восстановленная карта { $id }
preferences-write-failed = не удалось записать настройки: { $error }

## Импорт CSV

csv-row = строка { $row }: { $message }
csv-maybe-more = и, возможно, другие
# $missing — названия недостающих столбцов (stage, lane, text), $count — сколько их.
csv-missing-columns = в первой строке должны быть названия столбцов stage, lane и text (или этап, дорожка, текст; score и color — по желанию); { $count ->
        [one] нет столбца { $missing }
       *[other] нет столбцов { $missing }
    } (в первой строке: { $found })
csv-nothing = пусто
csv-bad-score = оценка «{ $cell }» — не целое число от { $min } до { $max }
csv-bad-color = цвет «{ $cell }» не из списка: { $names }
csv-no-stage = этап не указан, а у каждой карточки должен быть этап
csv-no-lane = дорожка не указана, а у каждой карточки должна быть дорожка
csv-empty = файл CSV пуст; в первой строке должны быть названия столбцов stage, lane и text
csv-header-unreadable = первую строку не удалось прочитать: { $error }
csv-no-rows = в файле CSV нет строк
csv-row-unreadable = строку не удалось прочитать: { $error }
csv-score-outside-emotions = оценка указана на дорожке «{ $lane }», но оценки бывают только на дорожке эмоций
csv-duplicate-score = у этого этапа уже есть оценка на дорожке «{ $lane }» (строка { $first })
csv-needs-score = дорожка «{ $lane }» — дорожка эмоций, поэтому в её строках нужна оценка от { $min } до { $max }
csv-file-unreadable = файл не удалось прочитать: { $error }
csv-is-folder = это папка, а не файл CSV
csv-too-large = файл занимает { $size } МБ — слишком много для импорта (предел — { $limit } МБ)
csv-not-utf8 = файл не в кодировке UTF-8; в редакторе таблиц сохраните его как «CSV UTF-8»
csv-bad-number = «{ $cell }» — не число
csv-too-many-personas = в файле больше { $max } персон
csv-measure-needs-range = у показателя «{ $measure }» в первой строке нужны минимум и максимум (минимум меньше максимума)
csv-metric-out-of-range = { $value } вне диапазона показателя { $measure }
csv-duplicate-metric = второе значение показателя «{ $measure }» для того же этапа и дорожки

## Экспорт

export-cancelled = Экспорт отменён, файл не записан.
export-too-large = Картинка вышла бы размером { $width } × { $height } точек — больше { $megapixels } мегапикселей (или { $side } точек по стороне), которые Waymark записывает в один PNG
export-too-large-scale = ; наибольший подходящий масштаб — { $scale }×. Экспортируйте в этом масштабе или в SVG либо PDF.
export-too-large-other-format = ; экспортируйте карту в SVG или PDF.
export-write-failed = { $path }: записать не удалось: { $error }
export-render-failed = Карту не удалось нарисовать: { $error }
export-no-folder = папки { $folder } нет
export-bad-scale = Масштаб должен быть числом больше 0 и не больше { $max }, а не { $scale }.
export-bad-width = Ширина должна быть не меньше 1 точки.
render-font-unreadable = не удалось прочитать встроенный шрифт
render-font-subset = не удалось выделить нужные знаки шрифта: { $error }
render-photo-unreadable = фото персоны не удалось прочитать: { $error }
render-photo-empty = фото персоны пустое
render-no-bitmap = не удалось создать картинку { $width } × { $height }
render-thread-stopped = поток рисования остановился
render-compression-failed = ошибка сжатия: { $error }
render-bad-stream = сжатие PNG выдало неожиданные данные

## Командная строка

cli-about = Waymark — редактор карт пути клиента (Customer Journey Map).
cli-usage = Использование:
cli-err-unknown-argument = параметра «{ $arg }» нет.
cli-err-unknown-command = команды «{ $command }» нет.
cli-err-missing = не хватает: { $args }
cli-err-invalid-value = «{ $value }» не подходит для { $arg }; можно: { $valid }.
cli-err-bad-value = «{ $value }» не подходит для { $arg }.
cli-err-conflict = { $arg } нельзя указывать вместе с { $other }.
cli-err-other = командная строка составлена неверно.
cli-err-hint = «waymark --help» перечисляет команды и параметры.
cli-arguments = Аргументы
cli-options = Параметры
cli-commands = Команды
cli-help = Показать справку
cli-version = Показать версию
cli-map = Файл карты (.ron), который нужно открыть; без него откроется пример карты.
cli-window-failed = не удалось открыть окно: { $error }
cli-export-about = Экспорт карт в PNG, SVG, PDF или CSV без открытия окна.
cli-export-long-about =
    Экспорт карт в PNG, SVG, PDF или CSV без открытия окна.

    Одна карта: формат определяется расширением выходного файла (-o map.png, map.svg, map.pdf, map.csv). Несколько карт или выход — папка (имя кончается на / или такая папка есть): каждая карта записывается в эту папку под своим именем в формате, указанном в --format.
cli-export-maps = Файлы карт (.ron) для экспорта.
cli-export-output = Файл, который нужно записать, или папка, в которую писать.
cli-export-format = png, svg, pdf или csv: нужен при записи в папку; иначе должен совпадать с расширением.
cli-export-scale = PNG: точек на единицу карты (1 — как на холсте при 100%; 2 или 4 — для печати и слайдов).
cli-export-width = PNG: ширина в точках (высота — по пропорциям).
cli-export-transparent = PNG и SVG: прозрачный фон вместо белого.
cli-export-page = PDF: одна страница по размеру карты (fit) или карта, вписанная в альбомный лист A4 или A3.
cli-export-embed-fonts = SVG: встроить шрифты в файл, чтобы браузеры везде показывали одни и те же шрифты.
cli-import-about = Импорт файла CSV с карточками (столбцы stage, lane, text, score, color) в файл карты.
cli-import-csv = Файл CSV (разделители — запятая, точка с запятой или табуляция, кодировка UTF-8).
cli-import-output = Файл карты (.ron), который нужно записать; если он есть, он будет заменён.
cli-check-about = Прочитать каждый файл карты (или CSV) и вывести строку-сводку или ошибки; завершается с ошибкой, если хоть один файл плох.
cli-check-files = Файлы для проверки: карты (.ron) или файлы CSV (.csv).
cli-report-about = Вывести, чего не хватает на карте (находки анализа пробелов), без открытия окна.
cli-report-map = Файл карты (.ron) для анализа.
cli-report-format = text — для терминала, json — для скриптов, md (Markdown) — для вики.
# «7 этапов, 6 дорожек, 42 карточки («Название»)»
cli-summary = { $stages ->
        [one] { $stages } этап
        [few] { $stages } этапа
        [many] { $stages } этапов
       *[other] { $stages } этапа
    }, { $lanes ->
        [one] { $lanes } дорожка
        [few] { $lanes } дорожки
        [many] { $lanes } дорожек
       *[other] { $lanes } дорожки
    }, { $cards ->
        [one] { $cards } карточка
        [few] { $cards } карточки
        [many] { $cards } карточек
       *[other] { $cards } карточки
    } («{ $title }»)
cli-imported = { $path }: импортировано: { $summary }
cli-checked = { $path }: { $summary }
cli-import-same-file = { $path } — это импортируемый файл CSV; запишите карту в другой файл
cli-need-format = укажите формат для записи в папку { $folder }: --format png, svg, pdf или csv
cli-unknown-format = неизвестный формат «{ $name }»: используйте png, svg, pdf или csv
cli-format-mismatch = --format { $name } не совпадает с расширением файла .{ $extension }
cli-cannot-export = Waymark не умеет экспортировать в файлы .{ $extension }: имя выходного файла должно кончаться на .png, .svg, .pdf или .csv
cli-no-extension = у { $path } нет расширения: добавьте .png, .svg, .pdf или .csv либо укажите --format
cli-two-maps-one-file = две карты записались бы в один файл { $path }: экспортируйте их по отдельности
cli-folder-failed = не удалось создать папку { $folder }: { $error }
cli-only-for = { $flag } действует только для { $formats }
cli-formats-png-svg = PNG и SVG

## Меню и команды

menu-file = Файл
menu-edit = Правка
menu-view = Вид
menu-open-recent = Недавние
menu-no-recent = Недавних карт нет
menu-recent-missing = { $name } (нет на диске)
menu-add-lane = Добавить дорожку
menu-card-colour = Цвет карточки
menu-language = Язык
menu-language-system = Как в системе ({ $language })
cmd-new = Создать…
cmd-open = Открыть…
cmd-open-recent-map = Открыть недавнюю карту
cmd-save = Сохранить
cmd-save-as = Сохранить как…
cmd-export = Экспорт…
cmd-import-csv = Импорт CSV…
cmd-export-csv = Экспорт CSV…
cmd-copy-image = Копировать карту как картинку
cmd-quit = Выход
cmd-undo = Отменить
cmd-redo = Повторить
cmd-add-card = Добавить карточку
cmd-edit-selected = Изменить выбранное
cmd-delete-selected = Удалить выбранное
cmd-add-stage = Добавить этап
cmd-zoom-in = Крупнее
cmd-zoom-out = Мельче
cmd-zoom-fit = Вся карта в окне
cmd-zoom-actual = Масштаб 100%
cmd-findings = Находки
cmd-present = Презентация
cmd-projector-colours = Цвета для проектора
cmd-timer-minutes = { $count ->
        [one] { $count } минута
        [few] { $count } минуты
        [many] { $count } минут
       *[other] { $count } минуты
    }
cmd-timer-custom = Своё время…
cmd-timer-start-pause = Запустить или приостановить
cmd-timer-add-minute = +1 минута
cmd-timer-reset = Сбросить

## Таймер и презентация

menu-timer = Таймер
timer-start = Запустить
timer-continue = Продолжить
timer-pause = Пауза
timer-quiet = Остановить мигание
timer-status-running = Таймер { $time }
timer-status-paused = Таймер на паузе: { $time }
timer-status-ready = Таймер на { $time }
timer-status-up = Время вышло!
timer-up = Время вышло
timer-custom-title = Таймер
timer-custom-prompt = Сколько времени? Минуты (7 или 2,5) или минуты и секунды (2:30).
timer-custom-field = Время
timer-custom-start = Запустить
timer-not-a-time = Введите минуты (7 или 2,5) или минуты и секунды (2:30).
timer-out-of-range = Время — от секунды до { $hours } часов.
present-stage = Этап { $number } из { $count }
present-whole-map = Вся карта
present-keys = ← → этапы · Home вся карта · Esc выход

## Холст

canvas-edit-text = Изменить текст
canvas-colour = Цвет
canvas-delete-card = Удалить карточку
canvas-clear-score = Убрать оценку
canvas-rename-stage = Переименовать этап
canvas-add-stage-before = Добавить этап перед
canvas-add-stage-after = Добавить этап после
canvas-delete-stage = Удалить этап
canvas-rename-lane = Переименовать дорожку
canvas-add-lane-below = Добавить дорожку ниже
canvas-delete-lane = Удалить дорожку
canvas-type-here = Пишите здесь…
canvas-name-hint = Название

## Что читает экранный диктор на холсте

a11y-map = Карта: { $title }
a11y-card = Карточка: { $text } — этап { $stage }, дорожка { $lane }
a11y-empty-card = (пустая)
a11y-stage = Этап { $number } из { $count }: { $name }
a11y-lane = Дорожка: { $name } ({ $kind })
a11y-emotion = Оценка эмоции { $score } — этап { $stage }, дорожка { $lane }
a11y-emotion-note = Оценка эмоции { $score } — этап { $stage }, дорожка { $lane }: { $note }
a11y-add-card = Добавить карточку — этап { $stage }, дорожка { $lane }
a11y-cell = Ячейка: этап { $stage }, дорожка { $lane }, { $count ->
        [0] карточек нет
        [one] { $count } карточка
        [few] { $count } карточки
        [many] { $count } карточек
       *[other] { $count } карточки
    }
a11y-unnamed = (без названия)

## Строка состояния

status-not-saved-yet = Ещё не сохранена
status-untitled = Без имени
status-nothing-to-undo = Отменять нечего
status-nothing-to-redo = Повторять нечего
status-new-map = Новая карта
status-imported = Импортирован { $path }: сохраните его как файл карты, чтобы не потерять
status-opened = Открыт { $path }
status-saved = Сохранено: { $path }
status-restored = Восстановлена «{ $title }»: сохраните её, чтобы не потерять
status-exported = Экспортировано: { $path }
status-copied = Карта скопирована как картинка { $width }×{ $height }
status-export-cancelled = Экспорт отменён, ничего не записано
status-language = Язык: { $language }
job-copying = Карта копируется как картинка…
job-exporting-to = Экспорт в { $path }…
job-exporting-as = Экспорт карты в { $format }…

## Диалоги

ok = ОК
cancel = Отмена
error-title = Что-то пошло не так
error-save-failed =
    { $error }

    Карта по-прежнему открыта, ничего не потеряно. Попробуйте сохранить её в другое место: Файл → Сохранить как…
error-photo = Фото не подошло: { $error }
error-recovered-unreadable = Восстановленную карту не удалось прочитать: { $error }
unsaved-title = Сохранить изменения?
unsaved-body = В «{ $name }» есть несохранённые изменения.
unsaved-save = Сохранить
unsaved-dont-save = Не сохранять
new-map-title = Новая карта
new-map-stages = Этапы:
new-map-language = Язык карты:
new-map-create = Создать
export-title = Экспорт карты
export-format = Формат:
export-size = Размер:
export-width = Ширина:
export-pixels = { " " }пикс.
export-transparent = Прозрачный фон
export-page = Страница:
export-page-fit = По размеру карты
export-page-a4 = A4, альбомная
export-page-a3 = A3, альбомная
export-start = Экспортировать…
recover-title = Восстановление несохранённых карт
recover-body = Waymark закрылся раньше, чем эти карты были сохранены. Восстановите их, чтобы продолжить работу:
recover-never-saved = ни разу не сохранялась
recover-entry = { $title } — { $place }, { $when }
recover-restore = Восстановить
recover-discard = Удалить
recover-later = Решить потом
changed-title = Файл изменился на диске
changed-body = После того как вы открыли { $path }, его изменила другая программа.
changed-loses-changes = Если загрузить его заново, несохранённые изменения здесь пропадут.
changed-reload = Загрузить заново
changed-keep = Оставить мою версию
overwrite-title = Записать поверх изменений на диске?
overwrite-body = После того как вы открыли { $path }, его изменила другая программа. Сохранение заменит эти изменения.
overwrite-confirm = Записать поверх
path-open = Открыть карту
path-save-as = Сохранить карту как
path-photo = Выбрать фото персоны
path-export = Экспорт карты
path-import-csv = Импорт CSV
path-export-csv = Экспорт CSV
path-body = В этой системе не удалось показать окно выбора файла (установите zenity или xdg-desktop-portal). Введите полный путь к файлу:
path-field = Путь к файлу
filter-map = Карта Waymark
filter-all = Все файлы
filter-pictures = Картинки

## Боковая панель

panel-map-title = Название карты
panel-persona = Персона
panel-name = Имя
panel-description = Описание (сегмент, возраст, ситуация)
panel-goals = Цели
panel-quote = Цитата
panel-choose-photo = Выбрать фото…
panel-remove-photo = Убрать фото
panel-photo-size = Фото: { $width }×{ $height } пикс.
panel-select-hint = Выберите карточку, этап, дорожку или ячейку, чтобы увидеть их свойства.
panel-card = Карточка
panel-text = Текст
panel-colour = Цвет
panel-channel = Канал
panel-no-channel = —
panel-delete-card = Удалить карточку
panel-stage = Этап
panel-time-frame = Длительность (например, 2–3 недели)
panel-width = Ширина
panel-delete-stage = Удалить этап с карточками
panel-lane = Дорожка
panel-kind = Вид
panel-kind-emotions = Вид: Эмоции (оценка на каждом этапе)
panel-delete-lane = Удалить дорожку с карточками
panel-cell-hint = Чтобы добавить карточку, дважды щёлкните ячейку или нажмите N либо Enter.
panel-no-score = Оценки пока нет.
panel-set-score = Поставить оценку
panel-emotion-score = Оценка эмоции
panel-note = Заметка
panel-score-keys = Shift+↑ / Shift+↓ на холсте меняют оценку.
panel-clear-score = Убрать оценку
cli-export-persona = PNG, SVG, PDF: нарисовать одну персону (её имя или номер с 1), как фильтр персон на холсте: только её кривую эмоций, прочие карточки приглушены. По умолчанию — все персоны.
cli-no-such-persona = { $path }: в карте нет персоны «{ $persona }» (укажите её имя или номер с 1)
panel-persona-show = Показать
panel-all-personas = Все персоны
panel-add-persona = Добавить персону
panel-remove-persona = Удалить эту персону
panel-persona-filter-hint = Показана одна персона: только её кривая эмоций, остальные карточки приглушены. Поля выше и оценки на холсте — этой персоны.
panel-card-personas = Относится к
panel-score-of = Оценка: { $name }
panel-measures = Показатели
panel-add-measure = Добавить показатель
panel-remove-measure = Удалить показатель
panel-unit = Единица
panel-min = Минимум
panel-max = Максимум
panel-not-a-number = «{ $text }» — не число из диапазона показателя.
panel-metric-hint = Введите число для каждого показателя (пустое поле стирает значение). Двойной щелчок по строке графика на холсте переводит сюда.
panel-no-measures = На этой дорожке метрик ещё нет показателей: выберите заголовок дорожки, чтобы их добавить.
persona-new-name = Персона { $number }
measure-csat = CSAT
measure-nps = NPS
measure-conversion = Конверсия
measure-time = Время
measure-time-unit = мин
measure-custom = Показатель

## Выбор нескольких карточек, копирование и вставка

cmd-select-all = Выбрать все карточки
cmd-copy = Копировать карточки
cmd-cut = Вырезать карточки
cmd-paste = Вставить карточки
cmd-duplicate = Дублировать карточки
cmd-move-left = Перенести карточки на предыдущий этап
cmd-move-right = Перенести карточки на следующий этап
cmd-move-up = Перенести карточки на дорожку выше
cmd-move-down = Перенести карточки на дорожку ниже
cards-nothing-to-copy = Выберите карточки для копирования (щелчок по карточке; Shift+щелчок или Ctrl+щелчок добавляет ещё)
cards-copied = { $count ->
        [one] Скопирована { $count } карточка
        [few] Скопированы { $count } карточки
        [many] Скопировано { $count } карточек
       *[other] Скопировано { $count } карточки
    }
cards-cut = { $count ->
        [one] Вырезана { $count } карточка
        [few] Вырезаны { $count } карточки
        [many] Вырезано { $count } карточек
       *[other] Вырезано { $count } карточки
    }
cards-pasted = { $count ->
        [one] Вставлена { $count } карточка
        [few] Вставлены { $count } карточки
        [many] Вставлено { $count } карточек
       *[other] Вставлено { $count } карточки
    }
cards-duplicated = { $count ->
        [one] Продублирована { $count } карточка
        [few] Продублированы { $count } карточки
        [many] Продублировано { $count } карточек
       *[other] Продублировано { $count } карточки
    }
cards-deleted = { $count ->
        [one] Удалена { $count } карточка
        [few] Удалены { $count } карточки
        [many] Удалено { $count } карточек
       *[other] Удалено { $count } карточки
    }
cards-no-card-lane = На дорожку эмоций карточки не ставятся: выберите ячейку другой дорожки и вставьте снова
cards-cannot-move = Карточки у края карты: дальше в эту сторону их не сдвинуть
cards-confirm-title = Вставить много карточек?
cards-confirm-text = { $count ->
        [one] Из текста в буфере обмена получится { $count } карточка, по одной на строку. Создать их все?
        [few] Из текста в буфере обмена получится { $count } карточки, по одной на строку. Создать их все?
       *[other] Из текста в буфере обмена получится { $count } карточек, по одной на строку. Создать их все?
    }
cards-confirm-yes = { $count ->
        [one] Создать { $count } карточку
        [few] Создать { $count } карточки
       *[other] Создать { $count } карточек
    }
cards-selected = { $count ->
        [one] Выбрана { $count } карточка
        [few] Выбраны { $count } карточки
        [many] Выбрано { $count } карточек
       *[other] Выбрано { $count } карточки
    }
cards-all-in-cell = { $selected }: все в ячейке (ещё раз Ctrl+A — вся дорожка)
cards-all-in-stage = { $selected }: все на этапе (ещё раз Ctrl+A — вся карта)
cards-all-in-lane = { $selected }: все на дорожке (ещё раз Ctrl+A — вся карта)
cards-all-in-map = { $selected }: все на карте
paste-too-large = В буфере обмена { $size } МБ текста — слишком много для карточек (не больше { $limit } МБ). Вставьте список покороче.
paste-empty = В буфере обмена нет текста, из которого можно сделать карточки.
paste-too-many = { $count ->
        [one] Из текста получилась бы { $count } карточка
        [few] Из текста получились бы { $count } карточки
       *[other] Из текста получилось бы { $count } карточек
    }; за раз можно вставить не больше { $max }. Вставьте список покороче.
menu-move-cards = Перенести карточки

## Поиск

cmd-find = Найти…
cmd-find-next = Найти далее
cmd-find-previous = Найти предыдущее
find-label = Найти
find-hint = карточки, этапы, дорожки, заметки, персона
find-position = { $current } из { $count ->
        [one] { $count } совпадения
        [few] { $count } совпадений
        [many] { $count } совпадений
       *[other] { $count } совпадения
    }
find-count = { $count ->
        [one] { $count } совпадение
        [few] { $count } совпадения
        [many] { $count } совпадений
       *[other] { $count } совпадения
    }
find-none = Нет совпадений
find-previous = Назад
find-next = Далее
find-close = Закрыть поиск (Escape)

## Находки (анализ пробелов)

finding-no-touchpoint = У этапа «{ $stage }» нет точки контакта: где клиент встречается с компанией?
finding-barrier-without-solution = У этапа «{ $stage }» { $count ->
        [one] { $count } барьер
        [few] { $count } барьера
        [many] { $count } барьеров
       *[other] { $count } барьера
    } и ни одного решения.
finding-dip-without-barrier = Эмоция падает до { $score } на этапе «{ $stage }», но ни один барьер не объясняет почему.
finding-empty-stage = На этапе «{ $stage }» нет ни одной карточки.
findings-no-touchpoint = Этапы без точки контакта
findings-barrier-without-solution = Барьеры без решения
findings-dip-without-barrier = Спады эмоций без барьера
findings-empty-stage = Пустые этапы
findings-none = Находок нет: на карте нет пробелов включённых видов.
findings-title = Находки
findings-switched-off = выключено
findings-close = Закрыть находки
findings-reveal = Выбрать и показать эти ячейки
report-summary = { $stages ->
        [one] { $stages } этап
        [few] { $stages } этапа
        [many] { $stages } этапов
       *[other] { $stages } этапа
    }, { $lanes ->
        [one] { $lanes } дорожка
        [few] { $lanes } дорожки
        [many] { $lanes } дорожек
       *[other] { $lanes } дорожки
    }, { $cards ->
        [one] { $cards } карточка
        [few] { $cards } карточки
        [many] { $cards } карточек
       *[other] { $cards } карточки
    }, { $links ->
        [one] { $links } связь
        [few] { $links } связи
        [many] { $links } связей
       *[other] { $links } связи
    }: { $findings ->
        [one] { $findings } находка
        [few] { $findings } находки
        [many] { $findings } находок
       *[other] { $findings } находки
    }

## Постеры, отклонённые правки, автосохранение, блокировки восстановления

export-poster = Постер на листах A4 / A3
export-sheets = Листы:
export-pages-across = Листов в ширину:
poster-sheet-label = Ряд { $row } из { $rows }, столбец { $column } из { $columns }. Обрежьте по угловым меткам; кладите каждый лист на предыдущий до пунктирных меток (нахлёст 10 мм).
card-channel-online = ● онлайн
card-channel-offline = ● офлайн
export-poster-summary = { $across } × { $down } листов ({ $pages ->
        [one] { $pages } страница
        [few] { $pages } страницы
        [many] { $pages } страниц
       *[other] { $pages } страницы
    }): постер { $width } × { $height } см, карта напечатана в масштабе { $percent }%. Соседние листы перекрываются на 10 мм, на них есть метки для резки и склейки.
status-refused-edit = Карта не изменена: { $error }
status-saved-earlier = Прежняя карта сохранена в { $path }
status-earlier-not-saved = Прежняя карта не сохранена: { $error }
status-stale-photo = Фото выбрано для карты, которая была открыта раньше; оно не использовано
status-autosave-failing = Автосохранение не работает; сохраните карту, чтобы не потерять изменения. ({ $error })
status-autosave-works = Автосохранение снова работает: несохранённые изменения защищены от сбоя.
recovery-lock-failed = запись восстановления { $path } не удалось заблокировать: { $error }
recovery-held = её держит другой Waymark
edit-no-such-persona = В карте нет персоны { $id }.
edit-too-many-personas = В карте может быть не больше { $max } персон.
edit-first-persona-stays = Первую персону нельзя удалить, её можно только изменить.
edit-no-such-measure = В карте нет показателя { $id }.
edit-not-a-metrics-lane = Дорожка { $id } — не дорожка метрик; показатели бывают только там.
edit-too-many-measures = На дорожке метрик может быть не больше { $max } показателей.
edit-bad-measure-range = Минимум показателя должен быть меньше максимума (числа в пределах ±1 000 000 000).
edit-metric-out-of-range = { $value } вне диапазона показателя.
edit-lane-has-measures = На дорожке { $id } есть показатели; удалите их, прежде чем менять вид дорожки.
edit-no-such-card = карточки { $id } нет
edit-no-such-stage = этапа { $id } нет
edit-no-such-lane = дорожки { $id } нет
edit-outside-map = место вне карты
edit-duplicate-id = идентификатор { $id } уже занят
edit-not-a-card-lane = на дорожке { $id } бывают оценки эмоций, а не карточки
edit-not-an-emotions-lane = дорожка { $id } — не дорожка эмоций
edit-score-out-of-range = оценка { $score } вне пределов { $min }..{ $max }
edit-bad-width = ширина этапа вне пределов { $min }..{ $max }
cli-pages-across = --pages-across должно быть от 1 до { $max }, а не { $across }
cli-export-poster = PDF: постер на листах A4 или A3, чтобы разрезать и склеить: карта, увеличенная на --pages-across листов в ширину и сколько нужно рядов, с перекрытием 10 мм, метками для резки и номером ряда и столбца на полях каждого листа.
cli-export-pages-across = PDF-постер: сколько листов в ширину (от 1 до 20; по умолчанию 2). Число рядов следует из формы карты.
export-file-not-folder = { $folder } — это файл, а не папка

## Слияние двух версий карты и что изменилось между двумя версиями.
cli-merge-about = Слить две изменённые версии карты по их идентификаторам (драйвер слияния для git: waymark merge %O %A %B). Код выхода 0: слито; 1: есть конфликты, они отмечены в карте; 2: файл не удалось прочитать.
cli-merge-base = Общий предок двух версий.
cli-merge-ours = Наша версия; результат записывается поверх неё, если не указан -o.
cli-merge-theirs = Их версия.
cli-merge-output = Записать результат в этот файл, а не поверх OURS.
cli-diff-about = Вывести, что изменилось между двумя версиями карты: этапы, дорожки, карточки по этапам и дорожкам, эмоции, персона.
cli-diff-old = Более старая версия.
cli-diff-new = Более новая версия.
merge-place-map = карта
merge-place-persona = персона
merge-place-stage = этап «{ $name }»
merge-place-lane = дорожка «{ $name }»
merge-place-card = карточка { $id } «{ $text }»
merge-place-emotion = оценка эмоции дорожки «{ $lane }» на этапе «{ $stage }»
merge-place-item = элемент { $id } из { $list }
merge-both-kept = конфликт: { $place } — изменено с обеих сторон; обе версии сохранены между <<<<<<< и >>>>>>>
merge-ours-kept = конфликт: { $place } — изменено с обеих сторон (у нас: { $ours }, у них: { $theirs }); оставлена наша версия
merge-edit-kept = конфликт: { $place } — { $side ->
        [ours] удалено у нас и изменено у них
       *[theirs] удалено у них и изменено у нас
    }; сохранено вместе с изменениями
merge-moved-stage = конфликт: { $place } — на этапе «{ $missing }», который удалён другой стороной; карточка перенесена на этап «{ $to }»
merge-moved-lane = конфликт: { $place } — на дорожке «{ $missing }», которая удалена другой стороной; карточка перенесена на дорожку «{ $to }»
merge-dropped = конфликт: { $place } — изменено, но то, к чему оно относится, удалено другой стороной; убрано
merge-renumbered = новый элемент { $old } добавлен обеими сторонами; у них он теперь { $new }
merge-clean = { $path }: слито без конфликтов ({ $summary })
merge-conflicts = { $path }: слито, { $count ->
        [one] { $count } конфликт
        [few] { $count } конфликта
        [many] { $count } конфликтов
       *[other] { $count } конфликта
    }; смотрите строки выше и ищите в карте <<<<<<<
merge-failed = { $path }: две версии не удалось слить автоматически ({ $error }); наша версия оставлена как была, их изменения нужно внести вручную
merge-no-base = { $path } пуст: у двух версий нет общего предка (карта добавлена в обеих ветках), поэтому их нельзя слить по идентификаторам; оставьте одну из них или перенесите карточки одной в другую в Waymark
diff-none = Изменений нет.
diff-title = Название: «{ $old }» → «{ $new }»
diff-persona-name = Персона: «{ $old }» → «{ $new }»
diff-persona-changed = Персона: изменено: { $fields }
diff-stage-added = Добавлен этап «{ $name }»
diff-stage-removed = Удалён этап «{ $name }», с { $cards ->
        [one] { $cards } карточкой
        [few] { $cards } карточками
        [many] { $cards } карточками
       *[other] { $cards } карточки
    }
diff-stage-renamed = Этап переименован: «{ $old }» → «{ $new }»
diff-stage-changed = Этап «{ $name }»: изменено: { $fields }
diff-stages-reordered = Новый порядок этапов: { $order }
diff-lane-added = Добавлена дорожка «{ $name }»
diff-lane-removed = Удалена дорожка «{ $name }», с { $cards ->
        [one] { $cards } карточкой
        [few] { $cards } карточками
        [many] { $cards } карточками
       *[other] { $cards } карточки
    }
diff-lane-renamed = Дорожка переименована: «{ $old }» → «{ $new }»
diff-lane-changed = Дорожка «{ $name }»: изменено: { $fields }
diff-lanes-reordered = Новый порядок дорожек: { $order }
diff-emotion-added = Эмоция на дорожке «{ $lane }», этап «{ $stage }»: { $score } (новая)
diff-emotion-removed = Эмоция на дорожке «{ $lane }», этап «{ $stage }»: удалена
diff-emotion-changed = Эмоция на дорожке «{ $lane }», этап «{ $stage }»: { $old } → { $new }
diff-emotion-note = Эмоция на дорожке «{ $lane }», этап «{ $stage }»: изменено пояснение
diff-cell = { $stage } / { $lane }
diff-card-added = + «{ $text }»
diff-card-removed = − «{ $text }»
diff-card-moved = → «{ $text }» перенесена сюда из { $from }
diff-card-edited = ~ «{ $old }» → «{ $new }»
diff-card-changed = ~ «{ $text }»: изменено: { $fields }
diff-cards-reordered = ↕ изменён порядок карточек
diff-other = Также изменено: { $fields }
diff-cards-summary = Карточки: добавлено { $added }, удалено { $removed }, перенесено { $moved }, изменено { $edited }
diff-field-color = цвет
diff-field-channel = канал
diff-field-time-frame = срок
diff-field-width = ширина
diff-field-kind = вид
diff-field-description = описание
diff-field-goals = цели
diff-field-quote = цитата
diff-field-photo = фото
diff-field-findings-off = отключённые находки
## Пути (связи между карточками)

link-next = Следующий шаг
link-skip = Пропуск этапов
link-return = Возврат назад
link-exit = Уход
link-nowhere = за пределы карты
link-pick-hint = Связь от «{ $card }»: выберите карточку стрелками (или щелчком), Enter связывает, E: человек уходит здесь, Esc отменяет
cmd-link-to = Связать с…
panel-links = Связи
panel-link = Связь
panel-link-to = к «{ $card }»
panel-link-from = от «{ $card }»
panel-no-links = Связей пока нет: перетащите точку на правом краю карточки на другую карточку или нажмите L.
panel-delete-link = Удалить связь
panel-link-kind = Вид
a11y-link = Связь ({ $kind }): { $from } → { $to }
valid-too-many-links = на карте { $count ->
        [one] { $count } связь
        [few] { $count } связи
        [many] { $count } связей
       *[other] { $count } связи
    }, больше { $max }
valid-link-from-missing-card = связь { $link } начинается у карточки { $card }, которой нет
valid-link-to-missing-card = связь { $link } ведёт к карточке { $card }, которой нет
valid-self-link = связь { $link } ведёт от карточки к ней самой
valid-link-without-target = связь { $link } никуда не ведёт, а так может только уход
valid-duplicate-link = связь { $link } повторяет другую связь между теми же карточками
edit-no-such-link = нет связи { $id }
edit-self-link = карточку нельзя связать с ней самой
edit-link-without-target = никуда не может вести только уход
edit-duplicate-link = эти карточки уже связаны
edit-too-many-links = на карте уже { $max } связей
finding-orphan-card = «{ $card }» на этапе «{ $stage }» ни с чем не связана: к ней не ведёт и от неё не идёт ни одна стрелка.
findings-orphan-card = Карточки без связей

## Голосование точками

valid-vote-bad-lane = голосование идёт по дорожке { $lane }, которой нет или на которой не бывает карточек
valid-vote-bad-budget = в голосовании у каждого { $count } голосов; можно от 1 до { $max }
valid-vote-participants = в голосовании { $count } участников; можно от 1 до { $max }
valid-duplicate-participant = у двух участников голосования один идентификатор { $participant }
valid-dots-missing-participant = в голосовании есть точки участника { $participant }, которого нет
valid-dots-missing-card = в голосовании есть точки на карточке { $card }, которой нет
valid-dots-repeated = точки участника { $participant } на карточке { $card } записаны дважды
valid-dots-bad-count = у участника { $participant } на карточке { $card } { $count } точек, а это голосование так не разрешает
valid-participant-over-budget = участник { $participant } поставил { $used } точек, а голосов у него только { $max }
edit-no-vote = голосование не идёт
edit-no-such-participant = участника { $participant } нет в голосовании
edit-no-votes-left = у участника { $participant } не осталось голосов
edit-one-dot-per-card = в этом голосовании на карточку можно поставить одну точку от каждого
edit-no-such-dot = у этого участника нет точки на этой карточке
edit-bad-vote = голосование не подходит к карте: { $problem }
edit-participant-taken = участник { $participant } уже есть в голосовании
edit-too-many-participants = { $count ->
        [one] в голосовании уже { $count } участник — больше нельзя
        [few] в голосовании уже { $count } участника — больше нельзя
       *[other] в голосовании уже { $count } участников — больше нельзя
    }
edit-participant-stays = у участника { $participant } есть точки, или он единственный: он остаётся в голосовании
vote-dialog-people-live = Людей без компьютера
vote-dialog-live-hint = Все участники совместной работы голосуют из своего Waymark. Добавьте здесь только тех, у кого нет своего компьютера: за них может голосовать любой в комнате.
vote-you = { $name } (вы)
vote-own-computer = { $name } голосует из своего Waymark
status-vote-joined = Вы голосуете как { $name }: { $count ->
        [one] остался { $count } голос
        [few] осталось { $count } голоса
       *[other] осталось { $count } голосов
    }
status-vote-join-failed = Не удалось войти в голосование: { $reason }
csv-votes-on-score = у оценки эмоции не бывает голосов
csv-bad-votes = голоса «{ $cell }» — не целое число от 0 до { $max }
csv-too-many-votes = всего голосов { $count }; импортировать можно не больше { $max }
cli-export-show-votes = PNG, SVG и PDF: нарисовать на карточках точки голосования.
export-show-votes = Показать голоса
export-show-votes-hint = Нарисовать на карточках точки голосования, как на холсте
cmd-voting-panel = Голосование точками
cmd-start-vote = Начать голосование…
cmd-clear-votes = Убрать голоса
vote-panel-title = Голосование точками
vote-close = Закрыть панель голосования
vote-none = Голосование не идёт. Начните его, чтобы каждый поставил точки на самые важные карточки.
vote-start = Начать голосование…
vote-new = Новое голосование…
vote-clear = Убрать голоса
vote-scope-all = Все карточки
vote-scope-lane = Карточки дорожки «{ $lane }»
vote-each = { $count ->
        [one] у каждого { $count } голос
        [few] у каждого { $count } голоса
        [many] у каждого { $count } голосов
       *[other] у каждого { $count } голоса
    }
vote-one-per-card = одна точка на карточку
vote-several-per-card = несколько точек на карточку
vote-casting = Голосовать
vote-casting-hint = Щелчок по карточке ставит точку выбранного участника; повторный щелчок или правая кнопка снимает её. Перетаскивание двигает карту; карточки не перемещаются и не правятся. Esc — пауза.
vote-participants-keys = Участники (клавиши 1–9, ↑ ↓)
vote-participant-n = Участник { $number }
vote-left = { $count ->
        [one] остался { $count }
       *[other] осталось { $count }
    }
vote-results = { $count ->
        [one] Итоги: { $count } голос
        [few] Итоги: { $count } голоса
        [many] Итоги: { $count } голосов
       *[other] Итоги: { $count } голоса
    }
vote-no-dots = Точек пока нет.
vote-highlight = Выделить лучшие
vote-highlight-count = карточек:
vote-reveal = Показать карточку на карте
vote-dialog-title = Начать голосование точками
vote-dialog-cards = Какие карточки участвуют
vote-dialog-votes = Голосов у участника
vote-dialog-people = Участников
vote-dialog-several = Можно ставить на одну карточку несколько своих голосов
vote-dialog-names-hint = Имена можно не вводить: пустые показываются как «Участник 1…n». Точки каждого участника — своего цвета.
vote-dialog-replaces = { $count ->
        [one] Текущее голосование закончится, и его { $count } голос будет убран; «Отменить» вернёт его.
        [few] Текущее голосование закончится, и его { $count } голоса будут убраны; «Отменить» вернёт их.
        [many] Текущее голосование закончится, и его { $count } голосов будут убраны; «Отменить» вернёт их.
       *[other] Текущее голосование закончится, и его { $count } голоса будут убраны; «Отменить» вернёт их.
    }
vote-dialog-start = Начать
status-vote-started = Голосование началось: { $count ->
        [one] { $count } участник
        [few] { $count } участника
        [many] { $count } участников
       *[other] { $count } участника
    }, { $votes ->
        [one] у каждого { $votes } голос
        [few] у каждого { $votes } голоса
        [many] у каждого { $votes } голосов
       *[other] у каждого { $votes } голоса
    }. Щёлкайте по карточкам, чтобы ставить точки.
status-vote-turn = Голосует { $name }: { $left ->
        [one] остался { $left } голос
        [few] осталось { $left } голоса
        [many] осталось { $left } голосов
       *[other] осталось { $left } голоса
    }
status-vote-put = { $name }: точка поставлена, { $left ->
        [one] остался { $left } голос
        [few] осталось { $left } голоса
        [many] осталось { $left } голосов
       *[other] осталось { $left } голоса
    }
status-vote-taken = { $name }: точка снята, { $left ->
        [one] остался { $left } голос
        [few] осталось { $left } голоса
        [many] осталось { $left } голосов
       *[other] осталось { $left } голоса
    }
status-vote-no-votes-left = { $name }: все голоса ({ $count }) отданы; щелчок правой кнопкой по своей точке снимает её
status-vote-not-in-vote = В этом голосовании участвуют только карточки дорожки «{ $lane }»
status-vote-no-dot-here = { $name }: на этой карточке нет вашей точки
status-vote-paused = Голосование на паузе: щелчки снова выделяют и правят карточки (чтобы продолжить, отметьте «Голосовать»)
status-vote-blocked = Идёт голосование: чтобы менять карточки, поставьте его на паузу (Esc)
status-votes-cleared = Голоса убраны; Ctrl+Z вернёт их
a11y-card-votes = { $card }, { $count ->
        [one] { $count } голос
        [few] { $count } голоса
        [many] { $count } голосов
       *[other] { $count } голоса
    }
# Совместная работа
sync-bad-address = { $address } — не адрес сервера; пишите ws://узел:порт
sync-bad-room = «{ $room }» — не имя комнаты: от 1 до 128 латинских букв, цифр, - и _
sync-unreachable = нет связи с сервером совместной работы { $server }: { $reason }
sync-refused = сервер совместной работы отказал в подключении: { $reason }
sync-unauthorized = сервер совместной работы отказал в подключении ({ $status }): нужен токен, или указан неверный
sync-bad-token = токен длиннее { $max } символов
live-token = Токен
live-token-placeholder = только если сервер его требует
live-token-hint = Отправляется серверу при каждом подключении как параметр token адреса; нигде не сохраняется и не показывается.
cli-token = Токен для серверов, которые его требуют; отправляется как параметр token адреса (или задайте WAYMARK_SYNC_TOKEN — так его не видно в списке процессов).
sync-empty-room = в комнате { $room } нет карты (комнаты нет или в неё ещё ничего не выложили)
sync-room-taken = в комнате { $room } уже есть карта; выложите карту в новую комнату
sync-bad-content = содержимое комнаты — не карта, с которой может работать Waymark: { $reason }
sync-too-large = сервер прислал больше { $megabytes } МБ за раз; отказано
sync-timeout = сервер совместной работы не ответил вовремя
sync-random = нет случайных чисел для имени комнаты: { $reason }
cli-join = Открыть комнату совместной работы (ws://узел:порт/КОМНАТА) вместо файла.
cli-share-about = Выложить карту в комнату совместной работы и напечатать адрес комнаты, чтобы другие могли подключиться.
cli-share-map = Файл карты (.ron), который выложить.
cli-share-server = Сервер y-websocket, например ws://127.0.0.1:1234.
cli-share-room = Имя комнаты; если не указано — новое, которое невозможно угадать. Комната должна быть пустой.
cli-snapshot-about = Записать карту, которая сейчас в комнате совместной работы, в файл карты.
cli-snapshot-room = Имя комнаты.
cli-snapshot-output = Файл карты (.ron), который записать; существующий заменяется.
cli-snapshot-written = { $path }: записано из комнаты: { $summary }
cmd-share-live = Совместная работа: выложить…
cmd-join-live = Совместная работа: подключиться…
cmd-leave-live = Выйти из совместной работы
live-share-title = Выложить для совместной работы
live-join-title = Подключиться к совместной работе
live-server = Сервер
live-address = Адрес комнаты
live-name = Ваше имя
live-share-hint = Карта попадёт в новую комнату на сервере; отправьте адрес комнаты остальным.
live-join-hint = Вставьте адрес комнаты, который вам прислали. Карта комнаты заменит открытую.
live-share-button = Выложить
live-join-button = Подключиться
live-copy-address = Копировать адрес
live-connecting = Вместе: { $room } — подключение…
live-online = Вместе: { $room } — на связи, { $count ->
        [one] ещё { $count } человек
        [few] ещё { $count } человека
        [many] ещё { $count } человек
       *[other] ещё { $count } человека
    }
live-offline = Вместе: { $room } — нет связи, работа идёт локально, переподключение ({ $reason })
live-failed = Совместная работа остановлена: { $reason }
live-shared = Карта выложена; адрес комнаты (скопирован): { $address }
live-joined = Подключено к комнате { $room }
live-left = Совместная работа завершена
live-typing = { $name } печатает
menu-live = Вместе
follow-nobody = Пока больше никого нет
follow-peer = Следовать за: { $name }
follow-stop-menu = Перестать следовать
follow-ask-everyone = Попросить всех следовать за мной
follow-ask-everyone-hint = Вид у всех остальных следует за вашим (сдвиг, масштаб, показываемый этап), пока вы это не выключите; каждый может перестать следовать клавишей Esc.
follow-everyone-follows = Все следуют за вами
follow-banner = Вы следуете за: { $name } — Esc, чтобы перестать
follow-stop = Перестать
follow-click-to-follow = Щёлкните, чтобы следовать за видом: { $name }
follow-click-to-stop = Щёлкните, чтобы перестать следовать
a11y-card-peer-selected = { $card }, выделена: { $name }
a11y-card-peer-typing = { $card }, в ней печатает { $name }
