//! The map `cargo run` opens: a young mother buying a stroller, from the first source article.

use super::{
    CURRENT_VERSION, Card, CardColor, CardId, Channel, EmotionPoint, Lane, LaneId, LaneKind, Map,
    Persona, Stage, StageId,
};

struct StageSpec {
    name: &'static str,
    time_frame: &'static str,
    actions: &'static [&'static str],
    thoughts: &'static [&'static str],
    score: i8,
    feeling: &'static str,
    barriers: &'static [&'static str],
    touchpoints: &'static [(&'static str, Channel)],
    solutions: &'static [&'static str],
}

const STAGES: &[StageSpec] = &[
    StageSpec {
        name: "Рекомендация",
        time_frame: "1 день",
        actions: &[
            "Гуляет в парке с подругой",
            "Слышит совет: «Бери эту модель, не пожалеешь»",
        ],
        thoughts: &["Какая удобная коляска! Интересно, сколько стоит?"],
        score: 1,
        feeling: "Любопытство",
        barriers: &[],
        touchpoints: &[("Другая мама в парке (сарафанное радио)", Channel::Offline)],
        solutions: &["Программа «Приведи подругу» для владельцев"],
    },
    StageSpec {
        name: "Поиск в Google",
        time_frame: "1 вечер",
        actions: &["Гуглит марку и модель", "Смотрит фото и видео коляски"],
        thoughts: &["Подойдёт ли в наш лифт?", "Какие есть расцветки?"],
        score: 1,
        feeling: "Интерес",
        barriers: &["Нет размеров в сложенном виде"],
        touchpoints: &[
            ("Поисковая выдача", Channel::Online),
            ("Сайт бренда", Channel::Online),
        ],
        solutions: &["Таблица габаритов на сайте бренда"],
    },
    StageSpec {
        name: "Форум мам",
        time_frame: "2–3 дня",
        actions: &["Спрашивает совета на женском форуме"],
        thoughts: &["Мнения разделились… кому верить?"],
        score: 0,
        feeling: "Сомнения",
        barriers: &["Противоречивые отзывы"],
        touchpoints: &[("Женский форум", Channel::Online)],
        solutions: &["Представитель бренда отвечает на форуме"],
    },
    StageSpec {
        name: "Сайт отзывов",
        time_frame: "1 день",
        actions: &["Читает обзоры на сайте рекомендаций"],
        thoughts: &["Рейтинг 4,8 — значит, можно брать"],
        score: 1,
        feeling: "Уверенность",
        barriers: &[],
        touchpoints: &[("Сайт отзывов", Channel::Online)],
        solutions: &[],
    },
    StageSpec {
        name: "Поиск цены",
        time_frame: "2 дня",
        actions: &[
            "Сравнивает цены в интернет-магазинах",
            "Находит самую низкую: 24 990 ₽",
        ],
        thoughts: &["Разница в цене до 6 000 ₽ — надо искать"],
        score: 0,
        feeling: "Азарт",
        barriers: &["Доставка стоит почти как скидка"],
        touchpoints: &[("Агрегатор цен", Channel::Online)],
        solutions: &[],
    },
    StageSpec {
        name: "Сайт магазина",
        time_frame: "30 минут",
        actions: &[
            "Заходит на сайт интернет-магазина",
            "Ищет условия оплаты и доставки",
        ],
        thoughts: &["Где тут доставка? Можно ли оплатить при получении?"],
        score: -2,
        feeling: "Раздражение",
        barriers: &[
            "Условия оплаты и доставки не найти",
            "Продажа чуть не сорвалась",
        ],
        touchpoints: &[("Сайт магазина → карточка товара", Channel::Online)],
        solutions: &["Блок «Оплата и доставка» рядом с ценой"],
    },
    StageSpec {
        name: "Звонок",
        time_frame: "10 минут",
        actions: &[
            "Звонит по номеру с сайта",
            "Ждёт ответа, почти кладёт трубку",
        ],
        thoughts: &["Неужели никто не ответит?"],
        score: -1,
        feeling: "Тревога, потом облегчение",
        barriers: &["Оператор долго не отвечает"],
        touchpoints: &[("Колл-центр", Channel::Offline)],
        solutions: &["Обратный звонок за 5 минут", "Онлайн-чат на сайте"],
    },
    StageSpec {
        name: "Покупка и после",
        time_frame: "1–2 недели",
        actions: &[
            "Получает коляску",
            "Получает скидку на вторую покупку",
            "Советует коляску другим мамам",
        ],
        thoughts: &["Все счастливы! 😊"],
        score: 2,
        feeling: "Радость",
        barriers: &[],
        touchpoints: &[
            ("Курьер", Channel::Offline),
            ("Купон на скидку", Channel::Online),
        ],
        solutions: &[],
    },
];

/// Builds the sample map. It is rebuilt rather than parsed, so it is always valid for this version.
pub fn stroller_map() -> Map {
    let mut map = Map {
        version: CURRENT_VERSION,
        title: "Покупка детской коляски".to_owned(),
        persona: Persona {
            name: "Анна, 29 лет".to_owned(),
            description:
                "Молодая мама, первый ребёнок, живёт в городе, в доме с маленьким лифтом. \
                          Покупает онлайн, но доверяет советам других мам."
                    .to_owned(),
            goals: "Купить удобную и надёжную коляску по лучшей цене, быстро и без лишних хлопот."
                .to_owned(),
            quote: "«Хочу, чтобы мне просто посоветовали хорошую коляску»".to_owned(),
            photo: None,
        },
        stages: Vec::new(),
        lanes: Vec::new(),
        cards: Vec::new(),
        next_id: 1,
        findings_off: Vec::new(),
    };
    for spec in STAGES {
        let id = StageId(map.allocate_id());
        let mut stage = Stage::new(id, spec.name);
        stage.time_frame = spec.time_frame.to_owned();
        map.stages.push(stage);
    }
    let lane_kinds = [
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Emotions,
        LaneKind::Barriers,
        LaneKind::Touchpoints,
        LaneKind::Solutions,
    ];
    for kind in lane_kinds {
        let id = LaneId(map.allocate_id());
        map.lanes.push(Lane::new(id, kind.name_ru(), kind));
    }
    let lane_id =
        |map: &Map, kind: LaneKind| map.lanes.iter().find(|l| l.kind == kind).map(|l| l.id);
    for (spec, stage) in STAGES.iter().zip(map.stages.clone()) {
        let plain: [(LaneKind, &[&str]); 4] = [
            (LaneKind::Actions, spec.actions),
            (LaneKind::Thoughts, spec.thoughts),
            (LaneKind::Barriers, spec.barriers),
            (LaneKind::Solutions, spec.solutions),
        ];
        for (kind, texts) in plain {
            let Some(lane) = lane_id(&map, kind) else {
                continue;
            };
            for text in texts {
                add_card(&mut map, stage.id, lane, text, kind.default_color(), None);
            }
        }
        if let Some(lane) = lane_id(&map, LaneKind::Touchpoints) {
            for (text, channel) in spec.touchpoints {
                let color = match channel {
                    Channel::Online => CardColor::Purple,
                    Channel::Offline => CardColor::Orange,
                };
                add_card(&mut map, stage.id, lane, text, color, Some(*channel));
            }
        }
        if let Some(lane) = map.lanes.iter_mut().find(|l| l.kind == LaneKind::Emotions) {
            lane.emotions.push(EmotionPoint {
                stage: stage.id,
                score: spec.score,
                note: spec.feeling.to_owned(),
            });
        }
    }
    map
}

fn add_card(
    map: &mut Map,
    stage: StageId,
    lane: LaneId,
    text: &str,
    color: CardColor,
    channel: Option<Channel>,
) {
    let id = CardId(map.allocate_id());
    map.cards.push(Card {
        id,
        stage,
        lane,
        text: text.to_owned(),
        color,
        channel,
    });
}

/// A large map for benchmarks and stress tests: `cards` cards spread over 20 stages and the card lanes, with
/// texts of varied length in Russian and English, and a full emotion curve. Deterministic.
pub fn generated_map(cards: usize) -> Map {
    const WORDS: &[&str] = &[
        "клиент",
        "ищет",
        "коляску",
        "на",
        "сайте",
        "магазина",
        "и",
        "звонит",
        "оператору",
        "→",
        "price",
        "checks",
        "delivery",
        "terms",
        "reads",
        "reviews",
        "доставка",
        "1 990 ₽",
        "отзывы",
        "форум",
        "asks",
        "friends",
    ];
    let names: Vec<String> = (1..=20).map(|i| format!("Этап {i} / Stage {i}")).collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut map = Map::with_stages(&format!("Generated map, {cards} cards"), &name_refs, true);
    for kind in [LaneKind::Touchpoints, LaneKind::Solutions] {
        let id = LaneId(map.allocate_id());
        map.lanes.push(Lane::new(id, kind.name_ru(), kind));
    }
    let card_lanes: Vec<(LaneId, LaneKind)> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| (l.id, l.kind))
        .collect();
    let stage_ids: Vec<StageId> = map.stages.iter().map(|s| s.id).collect();
    let mut seed: u64 = 0x5EED;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for i in 0..cards {
        let stage = stage_ids[i % stage_ids.len()];
        let (lane, kind) = card_lanes[(i / stage_ids.len()) % card_lanes.len()];
        let words = 2 + next() % 14;
        let text: Vec<&str> = (0..words).map(|_| WORDS[next() % WORDS.len()]).collect();
        let channel = (kind == LaneKind::Touchpoints).then_some(if i % 2 == 0 {
            Channel::Online
        } else {
            Channel::Offline
        });
        add_card(
            &mut map,
            stage,
            lane,
            &format!("{} {}", i + 1, text.join(" ")),
            kind.default_color(),
            channel,
        );
    }
    if let Some(lane) = map.lanes.iter_mut().find(|l| l.kind == LaneKind::Emotions) {
        for (i, stage) in stage_ids.iter().enumerate() {
            let score = [0, 1, 2, 1, -1, -2, -1, 0, 1, 2][i % 10];
            lane.emotions.push(EmotionPoint {
                stage: *stage,
                score,
                note: format!("Заметка {}", i + 1),
            });
        }
    }
    map
}
