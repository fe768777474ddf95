//! The parser of rollout plans in the seed's tabular text form.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::activation::TargetBand;
use crate::ids::PlanTaskId;
use crate::rollout::PlanError;
use crate::rollout::{Deadline, PlanTask};
use crate::rollout::{PlanStage, RolloutPlan, RolloutSection};

struct TaskDraft {
    line: u32,
    text: String,
    deadline: Option<Deadline>,
}

struct SectionDraft {
    number: Option<String>,
    title: Option<String>,
    tasks: Vec<TaskDraft>,
}

struct StageDraft {
    number: Option<String>,
    title: String,
    starts_on: Option<NaiveDate>,
    ongoing: bool,
    sections: Vec<SectionDraft>,
}

impl StageDraft {
    fn last_task(&mut self) -> Option<&mut TaskDraft> {
        self.sections.last_mut().and_then(|s| s.tasks.last_mut())
    }
}

impl RolloutPlan {
    /// Parses a plan in the seed's tabular text form.
    ///
    /// The form (as the seed plan of Gymnasium No. 17 is written):
    ///
    /// - title lines first (Markdown `**…**` emphasis is dropped), then one
    ///   column-header line with tabs («Наименование этапа ⇥ Содержание этапа ⇥
    ///   Сроки реализации»), which is skipped;
    /// - a stage line `<b>I. Подготовительный этап</b>`, optionally followed by
    ///   empty tab cells; a start date «с 12 января 2015 г.» and «постоянно» at
    ///   its end become [`PlanStage::starts_on`] and [`PlanStage::ongoing`];
    /// - task rows of three tab-separated cells: section, task text, deadline.
    ///   A non-empty section cell («1.1. Организационное обеспечение») opens a
    ///   section; an empty one continues the previous section (tasks of a stage
    ///   that never opens a section sit in an untitled one). The deadline is
    ///   «до DD.MM.YYYY» or «постоянно»;
    /// - a page break is a blank line: a row after it with an empty section
    ///   cell whose deadline (or its predecessor's) is missing continues the
    ///   previous task — its text is appended and a missing deadline taken;
    /// - activation lines: a task whose text mentions activation («Активация
    ///   пользователей … от 30% до 40% …») or that follows such a task in the
    ///   same section and names a percentage carries a target band, «от X% до
    ///   Y%» or «X%» (= X–X). With their deadlines these are the plan's
    ///   activation checkpoints.
    ///
    /// Errors are [`PlanError`]s pointing at the 1-based line.
    ///
    /// # Errors
    /// A [`PlanError`] naming the line: a task before any stage, a row
    /// without three columns, an unknown deadline, a task left without a
    /// deadline, an unreadable stage start date, a bad target band, targets
    /// out of date order, a stage without tasks, or no stage at all.
    ///
    /// # Example
    /// ```
    /// use zhurnal::rollout::{Deadline, RolloutPlan};
    /// let text = "План\n\
    ///     Этап\tСодержание\tСроки\n\
    ///     <b>I. Подготовительный этап</b>\t\t\n\
    ///     1.1. Организация\tНазначение ответственных\tдо 01.09.2014\n\
    ///     \tРабота с журналом\tпостоянно\n";
    /// let plan = RolloutPlan::parse(text)?;
    /// assert_eq!(plan.title(), "План");
    /// assert_eq!(plan.tasks().len(), 2);
    /// assert_eq!(plan.tasks().get(1).map(|t| t.deadline()), Some(Deadline::Ongoing));
    /// let err = RolloutPlan::parse("<b>I. Этап</b>\n\tЗадача\tдо 32.01.2014\n").unwrap_err();
    /// assert_eq!(err.code(), "plan.bad_deadline");
    /// assert_eq!(err.line(), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<RolloutPlan, PlanError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut title_lines: Vec<String> = Vec::new();
        let mut header_seen = false;
        let mut stages: Vec<(u32, StageDraft)> = Vec::new();
        let mut after_blank = false;

        for (index, raw) in text.lines().enumerate() {
            let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let raw = raw.trim_end_matches('\r');
            if raw.trim().is_empty() {
                after_blank = true;
                continue;
            }
            if raw.trim_start().starts_with("<b>") {
                if let Some((_, stage)) = stages.last_mut() {
                    check_deadline(stage.last_task())?;
                }
                stages.push((line, parse_stage(raw, line)?));
                after_blank = false;
                continue;
            }
            let Some((_, stage)) = stages.last_mut() else {
                if !raw.contains('\t') {
                    title_lines.push(raw.replace("**", "").trim().to_owned());
                } else if !header_seen {
                    header_seen = true;
                } else {
                    return Err(PlanError::TaskOutsideStage { line });
                }
                continue;
            };
            parse_row(stage, raw, line, after_blank)?;
            after_blank = false;
        }
        if let Some((_, stage)) = stages.last_mut() {
            check_deadline(stage.last_task())?;
        }
        if stages.is_empty() {
            return Err(PlanError::NoStages);
        }
        let title = title_lines
            .iter()
            .filter(|l| !l.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        RolloutPlan::new(title, finish(stages)?)
    }
}

fn check_deadline(task: Option<&mut TaskDraft>) -> Result<(), PlanError> {
    match task {
        Some(t) if t.deadline.is_none() => Err(PlanError::MissingDeadline { line: t.line }),
        _ => Ok(()),
    }
}

fn parse_row(
    stage: &mut StageDraft,
    raw: &str,
    line: u32,
    after_blank: bool,
) -> Result<(), PlanError> {
    let cells: Vec<&str> = raw.split('\t').map(str::trim).collect();
    let found = cells.len();
    if found < 3 || cells[3..].iter().any(|c| !c.is_empty()) {
        return Err(PlanError::BadColumns { line, found });
    }
    let (section, text, deadline_text) = (cells[0], cells[1], cells[2]);
    let deadline = if deadline_text.is_empty() {
        None
    } else {
        Some(parse_deadline(deadline_text, line)?)
    };
    if text.is_empty() {
        if !section.is_empty() && deadline.is_none() {
            stage.sections.push(parse_section(section));
            return Ok(());
        }
        return Err(PlanError::EmptyTask { line: Some(line) });
    }
    if after_blank && section.is_empty() {
        if let Some(prev) = stage.last_task() {
            if deadline.is_none() || prev.deadline.is_none() {
                prev.text.push(' ');
                prev.text.push_str(text);
                if prev.deadline.is_none() {
                    prev.deadline = deadline;
                }
                return Ok(());
            }
        }
    }
    check_deadline(stage.last_task())?;
    if !section.is_empty() {
        stage.sections.push(parse_section(section));
    } else if stage.sections.is_empty() {
        stage.sections.push(SectionDraft {
            number: None,
            title: None,
            tasks: Vec::new(),
        });
    }
    if let Some(current) = stage.sections.last_mut() {
        current.tasks.push(TaskDraft {
            line,
            text: text.to_owned(),
            deadline,
        });
    }
    Ok(())
}

fn finish(stages: Vec<(u32, StageDraft)>) -> Result<Vec<PlanStage>, PlanError> {
    let mut next_id = 1u32;
    let mut out = Vec::with_capacity(stages.len());
    for (stage_line, draft) in stages {
        if draft.sections.iter().all(|s| s.tasks.is_empty()) {
            return Err(PlanError::EmptyStage {
                stage: format!("line {stage_line}"),
            });
        }
        let mut sections = Vec::with_capacity(draft.sections.len());
        for section in draft.sections {
            let mut tasks = Vec::with_capacity(section.tasks.len());
            let mut previous_is_target = false;
            for t in section.tasks {
                let deadline = t
                    .deadline
                    .ok_or(PlanError::MissingDeadline { line: t.line })?;
                let mentions = t.text.to_lowercase().contains("актива");
                let target = if mentions || previous_is_target {
                    parse_target(&t.text, t.line)?
                } else {
                    None
                };
                previous_is_target = target.is_some();
                let task = PlanTask::new(PlanTaskId::new(next_id), t.text, deadline, target)
                    .map_err(|e| e.at_line(t.line))?
                    .with_source_line(t.line);
                next_id += 1;
                tasks.push(task);
            }
            sections.push(RolloutSection {
                number: section.number,
                title: section.title,
                tasks,
            });
        }
        out.push(PlanStage {
            number: draft.number,
            title: draft.title,
            starts_on: draft.starts_on,
            ongoing: draft.ongoing,
            sections,
        });
    }
    Ok(out)
}

/// Splits a leading number such as `1.1.` or `II.` from a heading.
fn split_number(text: &str, roman: bool) -> (Option<String>, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit() || *c == '.' || (roman && matches!(c, 'I' | 'V' | 'X' | 'L')))
        })
        .map_or(text.len(), |(i, _)| i);
    let number = text[..end].trim_end_matches('.');
    let rest = &text[end..];
    let followed_by_space = rest.is_empty() || rest.starts_with(char::is_whitespace);
    if number.is_empty()
        || !followed_by_space
        || !text[..end].contains('.')
        || number.starts_with('.')
    {
        return (None, text);
    }
    (Some(number.to_owned()), rest.trim())
}

fn parse_section(cell: &str) -> SectionDraft {
    let (number, title) = split_number(cell, false);
    SectionDraft {
        number,
        title: (!title.is_empty()).then(|| title.to_owned()),
        tasks: Vec::new(),
    }
}

fn parse_stage(raw: &str, line: u32) -> Result<StageDraft, PlanError> {
    let trimmed = raw.trim();
    let body = trimmed.strip_prefix("<b>").unwrap_or(trimmed);
    let Some(end) = body.find("</b>") else {
        return Err(PlanError::UnclosedStage { line });
    };
    if !body[end + 4..].trim().is_empty() {
        return Err(PlanError::StageWithContent { line });
    }
    let heading = body[..end].trim();
    let (number, mut title) = split_number(heading, true);
    let mut starts_on = None;
    let mut ongoing = false;
    if let Some(pos) = find_start_marker(title) {
        let rest = &title[pos + " с ".len()..];
        let (date, tail) = parse_russian_date(rest).ok_or_else(|| PlanError::BadStageStart {
            line,
            text: crate::excerpt::excerpt(rest.trim()),
        })?;
        ongoing = match tail.trim() {
            "" => false,
            "постоянно" => true,
            _ => {
                return Err(PlanError::BadStageStart {
                    line,
                    text: crate::excerpt::excerpt(rest.trim()),
                });
            }
        };
        starts_on = Some(date);
        title = title[..pos].trim();
    } else if let Some(t) = title.strip_suffix("постоянно") {
        ongoing = true;
        title = t.trim();
    }
    if title.is_empty() {
        return Err(PlanError::EmptyStageTitle { line });
    }
    Ok(StageDraft {
        number,
        title: title.to_owned(),
        starts_on,
        ongoing,
        sections: Vec::new(),
    })
}

/// The position of « с » followed by a digit (the start-date marker).
fn find_start_marker(title: &str) -> Option<usize> {
    title.match_indices(" с ").map(|(i, _)| i).find(|&i| {
        title[i + " с ".len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Splits the first whitespace-separated word off `text`.
fn next_word(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if text.is_empty() {
        return None;
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    Some((&text[..end], &text[end..]))
}

/// `12 января 2015 г. …` → the date and what follows it.
fn parse_russian_date(text: &str) -> Option<(NaiveDate, &str)> {
    let (day, rest) = next_word(text)?;
    let (month_word, rest) = next_word(rest)?;
    let (year, rest) = next_word(rest)?;
    let (year, year_suffix) = match year.strip_suffix("г.") {
        Some(y) => (y, true),
        None => (year, false),
    };
    let month = MONTHS_GENITIVE
        .iter()
        .position(|m| *m == month_word.to_lowercase())?;
    let date = NaiveDate::from_ymd_opt(
        year.parse().ok()?,
        u32::try_from(month + 1).ok()?,
        day.parse().ok()?,
    )?;
    let tail = rest.trim_start();
    let tail = if year_suffix {
        tail
    } else {
        tail.strip_prefix("г.")
            .or_else(|| tail.strip_prefix("года"))
            .unwrap_or(tail)
    };
    Some((date, tail))
}

fn parse_deadline(cell: &str, line: u32) -> Result<Deadline, PlanError> {
    let lower = cell.trim().to_lowercase();
    if lower == "постоянно" {
        return Ok(Deadline::Ongoing);
    }
    let bad = || PlanError::BadDeadline {
        line,
        text: crate::excerpt::excerpt(cell),
    };
    let rest = lower.strip_prefix("до").ok_or_else(bad)?.trim();
    let rest = rest
        .strip_suffix("г.")
        .or_else(|| rest.strip_suffix("года"))
        .unwrap_or(rest)
        .trim();
    let parts: Vec<&str> = rest.split('.').collect();
    let valid_shape = parts.len() == 3
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && (1..=2).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
        && parts[2].len() == 4;
    if !valid_shape {
        return Err(bad());
    }
    let (Ok(d), Ok(m), Ok(y)) = (parts[0].parse(), parts[1].parse(), parts[2].parse()) else {
        return Err(bad());
    };
    NaiveDate::from_ymd_opt(y, m, d)
        .map(Deadline::By)
        .ok_or_else(bad)
}

/// The percentages named in a text: `от 30% до 40%` → [30, 40].
fn percentages(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('%') {
        let before = &text[..i];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '.')
            .last()
            .map_or(i, |(j, _)| j);
        let number = before[start..]
            .trim_start_matches([',', '.'])
            .replace(',', ".");
        if !number.is_empty() {
            out.push(number);
        }
    }
    out
}

fn parse_target(text: &str, line: u32) -> Result<Option<TargetBand>, PlanError> {
    let numbers = percentages(text);
    let bad = || PlanError::BadTarget {
        line,
        text: crate::excerpt::excerpt(text),
    };
    let values: Vec<Decimal> = numbers
        .iter()
        .map(|n| n.parse::<Decimal>().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let (min, max) = match values.as_slice() {
        [] => return Ok(None),
        [exact] => (*exact, *exact),
        [min, max] => (*min, *max),
        _ => return Err(bad()),
    };
    TargetBand::new(min, max).map(Some).map_err(|_| bad())
}
