//! The page's activation, class and application sections.

use maud::{Markup, html};
use rust_decimal::Decimal;

use super::chart_svg::activation_chart;
use super::status_class;
use crate::activation::BandStatus;
use crate::rollout::RolloutReport;
use crate::rollout::report_text::{
    band_gap_ru, band_ru, checkpoint_ru, date_ru, decimal_ru, policy_ru, share_text,
};
use crate::rollout::{ClassLag, TargetLine};

/// The CSS class of a band status.
fn band_class(status: Option<BandStatus>) -> &'static str {
    status.map_or("none", BandStatus::as_str)
}

/// A share with its bar, 0–100% wide.
fn share_bar(share: Option<Decimal>) -> Markup {
    html! {
        span class="share" {
            span class="bar" aria-hidden="true" {
                @if let Some(s) = share {
                    span class="fill" style=(format!("width:{s}%")) {}
                }
            }
            span class="value" { (share_text(share)) }
        }
    }
}

/// One step of the applications' pipeline: its name, count and what waits
/// for it.
struct Step {
    key: &'static str,
    name: &'static str,
    count: u32,
    waiting: Option<(&'static str, u32)>,
}

impl RolloutReport {
    pub(super) fn activation_section(&self) -> Markup {
        let c = &self.activation;
        html! {
            section id="activation" aria-labelledby="activation-h" {
                h2 id="activation-h" { "Активация родителей" }
                p {
                    "По школе: " strong { (c.count.activated()) " из " (c.count.eligible()) " — "
                    (share_text(c.share)) } " (в знаменателе: " (policy_ru(self.policy)) ")."
                }
                ul class="targets-now" {
                    @if let Some(cp) = &self.current_checkpoint {
                        li { "Текущая цель " (checkpoint_ru(cp)) ": "
                            span class=(band_class(c.current_status)) { (band_gap_ru(c.current_status, self.current_gap)) } }
                    }
                    @if let Some(cp) = &self.next_checkpoint {
                        li { "Следующая цель " (checkpoint_ru(cp)) ": сейчас "
                            span class=(band_class(c.next_status)) { (band_gap_ru(c.next_status, self.next_gap)) } }
                    }
                    @if let Some(p) = &self.projection {
                        li { "Линейный прогноз (темп " (date_ru(p.basis_from)) "–" (date_ru(p.basis_to)) ": "
                            (decimal_ru(p.per_day)) " в день) на " (checkpoint_ru(&p.checkpoint)) ": "
                            (decimal_ru(p.projected_share)) "% — " (band_ru(Some(p.status))) }
                    }
                }
                figure {
                    (activation_chart(self))
                    figcaption {
                        "Доля активированных родителей по дням (линия), цели плана "
                        "(закрашенные полосы до дня каждой цели), доля на день цели "
                        "(точки) и линейный прогноз (пунктир). Те же числа — в таблице ниже."
                    }
                }
                table class="targets" id="targets" {
                    caption { "Цели активации по плану (доля на день цели)" }
                    thead { tr {
                        th scope="col" { "Срок" } th scope="col" { "Цель" }
                        th scope="col" { "Доля на день цели" } th scope="col" { "Активировано" }
                        th scope="col" { "Статус задачи" }
                    } }
                    tbody { @for t in &self.targets { (self.target_row(t)) } }
                }
            }
        }
    }

    fn target_row(&self, t: &TargetLine) -> Markup {
        html! {
            tr class=(status_class(t.status)) {
                th scope="row" { (date_ru(t.checkpoint.date)) }
                td { (t.checkpoint.band) }
                @match &t.outcome {
                    Some(o) => {
                        td { (share_text(o.share)) ", " (band_gap_ru(o.status, t.gap)) }
                        td { (o.count.activated()) " из " (o.count.eligible()) }
                    }
                    None => {
                        td colspan="2" {
                            @if t.checkpoint.date > self.date { "срок не наступил" } @else { "не измерено" }
                        }
                    }
                }
                td { (t.status.label_ru()) }
            }
        }
    }

    pub(super) fn classes_section(&self) -> Markup {
        let targets: Vec<String> = [&self.current_checkpoint, &self.next_checkpoint]
            .into_iter()
            .flatten()
            .map(|cp| format!("Цель {}", checkpoint_ru(cp)))
            .collect();
        let a = &self.activation;
        html! {
            section id="classes" aria-labelledby="classes-h" {
                h2 id="classes-h" { "Активация по классам" }
                @if self.classes.is_empty() {
                    p class="none" id="class-table" { "На эту дату нет классов с учащимися." }
                } @else {
                table class="classes" id="class-table" {
                    caption { "Классы: сначала отстающие (ниже текущей цели, затем ниже следующей — от меньшей доли)" }
                    thead { tr {
                        th scope="col" { "Класс" } th scope="col" class="num" { "Родителей" }
                        th scope="col" class="num" { "Активировано" } th scope="col" { "Доля" }
                        @for t in &targets { th scope="col" { (t) } }
                    } }
                    tbody {
                        @for r in self.classes_lagging_first() {
                            tr class=(lag_class(r.lag())) data-class=(r.name) {
                                th scope="row" { (r.name) }
                                td class="num" { (r.count.eligible()) }
                                td class="num" { (r.count.activated()) }
                                td { (share_bar(r.share)) }
                                (self.status_cells(r.current_status, r.next_status))
                            }
                        }
                    }
                    tfoot {
                        tr {
                            th scope="row" { "Школа" }
                            td class="num" { (a.count.eligible()) }
                            td class="num" { (a.count.activated()) }
                            td { (share_bar(a.share)) }
                            (self.status_cells(a.current_status, a.next_status))
                        }
                    }
                }
                }
            }
        }
    }

    /// A status cell per checkpoint there is.
    fn status_cells(&self, current: Option<BandStatus>, next: Option<BandStatus>) -> Markup {
        html! {
            @if self.current_checkpoint.is_some() { td class=(band_class(current)) { (band_ru(current)) } }
            @if self.next_checkpoint.is_some() { td class=(band_class(next)) { (band_ru(next)) } }
        }
    }

    pub(super) fn pipeline_section(&self) -> Markup {
        let a = &self.applications;
        let flow = [
            Step {
                key: "submitted",
                name: "Подано заявлений",
                count: a.submitted,
                waiting: None,
            },
            Step {
                key: "registered",
                name: "Зарегистрировано",
                count: a.registered,
                waiting: Some(("ожидают регистрации", a.waiting_registration)),
            },
            Step {
                key: "approved",
                name: "Одобрено",
                count: a.approved,
                waiting: Some(("ожидают решения", a.waiting_decision)),
            },
            Step {
                key: "credentials_issued",
                name: "Выданы логины и пароли",
                count: a.credentials_issued,
                waiting: Some(("ожидают выдачи", a.waiting_credentials)),
            },
            Step {
                key: "activated",
                name: "Активировано",
                count: a.activated,
                waiting: Some(("ожидают первого входа", a.waiting_activation)),
            },
        ];
        let exits = [
            Step {
                key: "rejected",
                name: "Отклонено",
                count: a.rejected,
                waiting: None,
            },
            Step {
                key: "revoked",
                name: "Согласие отозвано",
                count: a.revoked,
                waiting: None,
            },
        ];
        let widest = Decimal::from(a.submitted.max(1));
        let step = |s: &Step| {
            html! {
                li class="step" data-step=(s.key) data-count=(s.count) {
                    span class="name" { (s.name) }
                    span class="count" { (s.count) }
                    span class="bar" aria-hidden="true" {
                        span class="fill" style=(format!("width:{}%",
                            (Decimal::from(s.count.min(a.submitted)) * Decimal::ONE_HUNDRED / widest).round_dp(2))) {}
                    }
                    @if let Some((what, n)) = s.waiting { span class="waiting" { (what) ": " (n) } }
                }
            }
        };
        html! {
            section id="pipeline" aria-labelledby="pipeline-h" {
                h2 id="pipeline-h" { "Заявления родителей" }
                p { "Путь заявления: подано → зарегистрировано → одобрено → выданы логин и пароль → активировано." }
                ol class="pipeline" aria-label="Этапы заявления" { @for s in &flow { (step(s)) } }
                ul class="exits" aria-label="Выбывшие заявления" { @for s in &exits { (step(s)) } }
            }
        }
    }
}

/// The CSS class of a class row by its lag.
fn lag_class(lag: ClassLag) -> &'static str {
    match lag {
        ClassLag::BelowCurrent => "lag-current",
        ClassLag::BelowNext => "lag-next",
        ClassLag::NotLagging => "not-lagging",
    }
}
