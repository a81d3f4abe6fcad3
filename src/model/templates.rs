//! The stage models from the source articles, offered when a new map is started.

use super::Map;

/// A starting point for a new map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Blank,
    Marketing5,
    Consumer6,
    B2b7,
    Stages9,
    Russian12,
}

/// The language of the stage and lane names a template fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Russian,
    English,
}

impl Template {
    pub const ALL: [Template; 6] = [
        Template::Blank,
        Template::Marketing5,
        Template::Consumer6,
        Template::B2b7,
        Template::Stages9,
        Template::Russian12,
    ];

    /// The template's name in the interface language.
    pub fn label(self) -> String {
        use crate::i18n::k;
        crate::t!(match self {
            Template::Blank => k::TEMPLATE_BLANK,
            Template::Marketing5 => k::TEMPLATE_MARKETING5,
            Template::Consumer6 => k::TEMPLATE_CONSUMER6,
            Template::B2b7 => k::TEMPLATE_B2B7,
            Template::Stages9 => k::TEMPLATE_STAGES9,
            Template::Russian12 => k::TEMPLATE_RUSSIAN12,
        })
    }

    pub fn stage_names(self, language: Language) -> &'static [&'static str] {
        use Language::*;
        match (self, language) {
            (Template::Blank, English) => &["Stage 1", "Stage 2", "Stage 3"],
            (Template::Blank, Russian) => &["Этап 1", "Этап 2", "Этап 3"],
            (Template::Marketing5, English) => &[
                "Awareness",
                "Consideration",
                "Conversion",
                "Retention",
                "Advocacy",
            ],
            (Template::Marketing5, Russian) => &[
                "Осведомлённость",
                "Рассмотрение",
                "Конверсия",
                "Удержание",
                "Рекомендация",
            ],
            (Template::Consumer6, English) => &[
                "Need awareness",
                "Information search",
                "Evaluating alternatives",
                "Purchase",
                "Consumption",
                "Disposal",
            ],
            (Template::Consumer6, Russian) => &[
                "Осознание потребности",
                "Поиск информации",
                "Поиск альтернатив",
                "Покупка",
                "Потребление",
                "Освобождение",
            ],
            (Template::B2b7, English) => &[
                "Out of market",
                "Trigger",
                "Initial consideration",
                "Active evaluation",
                "Purchase decision",
                "Experience",
                "Loyalty",
            ],
            (Template::B2b7, Russian) => &[
                "Вне рынка",
                "Триггер",
                "Первичный выбор",
                "Активная оценка",
                "Решение о покупке",
                "Опыт",
                "Лояльность",
            ],
            (Template::Stages9, English) => &[
                "Awareness",
                "Consideration",
                "Interest",
                "Intent",
                "Purchase",
                "Post-purchase",
                "Retention",
                "Advocacy",
                "Loyalty",
            ],
            (Template::Stages9, Russian) => &[
                "Осведомлённость",
                "Рассмотрение",
                "Интерес",
                "Намерение",
                "Покупка",
                "После покупки",
                "Удержание",
                "Рекомендация",
                "Лояльность",
            ],
            // The 12-stage model comes from a Russian article; its English names are our translation.
            (Template::Russian12, English) => &[
                "Awareness",
                "Interest",
                "Desire",
                "Research",
                "Comparison",
                "Action",
                "Engagement",
                "Satisfaction",
                "Repeat purchase",
                "Curiosity",
                "Loyalty",
                "Recommendation",
            ],
            (Template::Russian12, Russian) => &[
                "Осознание",
                "Интерес",
                "Желание",
                "Изучение",
                "Сравнение",
                "Действие",
                "Вовлечение",
                "Удовлетворение",
                "Повторная сделка",
                "Любопытство",
                "Лояльность",
                "Рекомендации",
            ],
        }
    }

    /// A new, empty map with this template's stages and the default lanes.
    pub fn build(self, language: Language) -> Map {
        let title = match language {
            Language::Russian => "Новая карта пути клиента",
            Language::English => "New customer journey map",
        };
        Map::with_stages(
            title,
            self.stage_names(language),
            language == Language::Russian,
        )
    }
}
