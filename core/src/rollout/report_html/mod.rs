//! The rollout status report as one self-contained HTML page in Russian:
//! inline CSS and SVG, no script and nothing fetched, printable on A4
//! (cargo feature `html`).
//!
//! Written from the report value alone, like the text and the JSON: every
//! number, status and order on the page is the report's.

mod chart;
mod chart_svg;
mod sections;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::rollout::report_text::{date_ru, shorten};
use crate::rollout::{ResponsibleRole, RolloutReport, TaskLine, TaskStatus};

/// The page's stylesheet: screen and print (A4).
const STYLE: &str = include_str!("style.css");

/// The CSS class of a task status.
fn status_class(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Done => "done",
        TaskStatus::InProgress => "in-progress",
        TaskStatus::DueSoon => "due-soon",
        TaskStatus::Overdue => "overdue",
        TaskStatus::NotStarted => "not-started",
    }
}

impl RolloutReport {
    /// The report as one self-contained HTML page in Russian: the stages
    /// and their tasks, the late and due-soon tasks, the activation curve
    /// with the target bands and the projection, a table per class with
    /// the lagging classes first, and the applications' pipeline. Inline
    /// CSS and SVG only: no script, nothing fetched; a print stylesheet
    /// lays it out on A4. Every chart has a text alternative.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::demo::{demo_rollout, DemoConfig};
    /// use zhurnal::rollout::{ReportOptions, RolloutReport};
    /// let demo = demo_rollout(&DemoConfig::tiny(5))?;
    /// let day = NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    /// let report = RolloutReport::build(&demo.plan, &demo.school, &demo.registry, day, &ReportOptions::default());
    /// let page = report.to_html();
    /// assert!(page.starts_with("<!DOCTYPE html><html lang=\"ru\">"));
    /// assert!(page.contains("<svg") && !page.contains("<script"));
    /// # Ok::<(), zhurnal::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        self.page().into_string()
    }

    fn page(&self) -> Markup {
        let title = format!(
            "Ход внедрения электронного журнала и дневников на {}",
            date_ru(self.date)
        );
        html! {
            (DOCTYPE)
            html lang="ru" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " — " (self.school) }
                    style { (PreEscaped(STYLE)) }
                }
                body {
                    header {
                        h1 { (title) }
                        p class="school" { (self.school) }
                        p class="plan" { (self.plan_title) }
                        p class="current-stage" {
                            "Текущий этап: "
                            strong { (self.current_stage.as_deref().unwrap_or("—")) }
                        }
                    }
                    main {
                        (self.stages_section())
                        (self.tasks_section())
                        (self.activation_section())
                        (self.classes_section())
                        (self.pipeline_section())
                    }
                }
            }
        }
    }

    fn stages_section(&self) -> Markup {
        html! {
            section id="stages" aria-labelledby="stages-h" {
                h2 id="stages-h" { "Этапы плана" }
                div class="cards" {
                    @for s in &self.stages {
                        article class=(format!("card {}", status_class(s.status))) data-stage=(s.heading) {
                            h3 { (s.heading) }
                            p class="stage-status" {
                                (s.status.label_ru())
                                @if let Some(d) = s.starts_on { " · с " (date_ru(d)) }
                            }
                            dl {
                                @for (label, key, n) in [
                                    ("Выполнено", "done", s.done),
                                    ("В работе", "in_progress", s.in_progress),
                                    ("Срок скоро", "due_soon", s.due_soon),
                                    ("Просрочено", "overdue", s.overdue),
                                    ("Не начато", "not_started", s.not_started),
                                    ("Всего задач", "total", s.total),
                                ] {
                                    div { dt { (label) } dd data-count=(key) { (n) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn tasks_section(&self) -> Markup {
        let due_soon = format!("Срок в ближайшие {} дн.", self.due_soon_days);
        html! {
            section id="tasks" aria-labelledby="tasks-h" {
                h2 id="tasks-h" { "Задачи: просроченные и со сроком в ближайшие дни" }
                (task_table("overdue", "Просроченные задачи", &self.overdue))
                (task_table("due-soon", &due_soon, &self.due_soon))
            }
        }
    }
}

/// A table of tasks with their deadlines and responsible roles, or a line
/// saying there are none.
fn task_table(id: &str, caption: &str, tasks: &[TaskLine]) -> Markup {
    html! {
        @if tasks.is_empty() {
            p class="none" id=(id) { (caption) ": нет." }
        } @else {
            table class="tasks" id=(id) {
                caption { (caption) }
                thead {
                    tr {
                        th scope="col" { "Этап" }
                        th scope="col" { "Задача" }
                        th scope="col" { "Срок" }
                        th scope="col" { "Ответственный" }
                        th scope="col" { "Статус" }
                    }
                }
                tbody {
                    @for t in tasks {
                        tr class=(status_class(t.status)) {
                            td { (t.stage.as_deref().unwrap_or("—")) }
                            td title=(t.text) { (shorten(&t.text, 160)) }
                            td class="nowrap" { (t.deadline) }
                            td { (t.responsible.map_or("не назначен", ResponsibleRole::label_ru)) }
                            td { (t.status.label_ru()) }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "page_tests.rs"]
mod tests;
